from . import maintenance_workload_report
from . import maintenance_task_report
