from . import maintenance_request_analysis
from . import maintenance_request_percentile
from . import maintenance_kpi_visit
from . import maintenance_kpi_intervention
from . import maintenance_kpi_hours
from . import maintenance_kpi_utilisation
