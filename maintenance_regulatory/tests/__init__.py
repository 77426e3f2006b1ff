from . import test_document_time_zone
from . import test_frozen_regulated
from . import test_logbook_integrity
from . import test_portal_logbook
from . import test_regulated_certificates_more
from . import test_regulated_flows
