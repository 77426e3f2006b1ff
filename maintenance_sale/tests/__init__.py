from . import test_proposal
from . import test_coverage
from . import test_portal
from . import test_performance
from . import test_billing_exclusion
from . import test_quotation_document
from . import test_portal_sites
