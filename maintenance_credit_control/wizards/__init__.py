from . import maintenance_visit_plan
from . import credit_control_emailer
