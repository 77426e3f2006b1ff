from . import test_intervention
from . import test_visit_plan
from . import test_task
from . import test_access
from . import test_workload
from . import test_performance
from . import test_tour
