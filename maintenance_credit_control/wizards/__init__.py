from . import maintenance_visit_plan
