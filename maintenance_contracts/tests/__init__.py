from . import test_visit_generation
from . import test_contract_invoicing
from . import test_contract_errors
from . import test_access
from . import test_performance
