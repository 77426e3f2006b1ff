from . import maintenance_workload_report
