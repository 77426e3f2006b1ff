from . import maintenance_request_analysis
