from . import maintenance_price_index_import
from . import maintenance_price_revision_wizard
from . import maintenance_price_revision_wizard_line
