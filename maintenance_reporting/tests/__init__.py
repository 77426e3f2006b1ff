from . import test_request_analysis
from . import test_kpi
from . import test_customer_pack
from . import test_fmd
