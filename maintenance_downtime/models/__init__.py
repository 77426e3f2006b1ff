from . import maintenance_failure_cause
from . import maintenance_downtime
from . import maintenance_downtime_links
