from . import test_request_analysis
