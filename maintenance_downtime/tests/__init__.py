from . import test_downtime
from . import test_request_downtime
