from . import res_users
from . import maintenance_intervention
from . import maintenance_task
from . import maintenance_task_checklist
from . import maintenance_visit
