from . import test_downtime
