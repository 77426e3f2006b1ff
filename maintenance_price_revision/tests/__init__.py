from . import test_price_revision
from . import test_price_revision_import
from . import test_price_revision_run
from . import test_price_revision_access
from . import test_price_revision_performance
from . import test_import_revision
