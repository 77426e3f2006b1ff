from . import maintenance_request_analysis
from . import maintenance_request_percentile
from . import maintenance_customer_pack
from . import maintenance_fmd
from . import maintenance_fmd_wizard
