from . import maintenance_regulated_report
