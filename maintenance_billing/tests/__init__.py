from . import test_coverage
from . import test_billing_lines
from . import test_invoicing
from . import test_billing_access
from . import test_billing_performance
from . import test_frozen_billing
