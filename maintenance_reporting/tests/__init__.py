from . import test_request_analysis
from . import test_fmd
