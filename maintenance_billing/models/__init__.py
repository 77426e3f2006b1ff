from . import coverage
from . import maintenance_warranty_type
from . import maintenance_sector
from . import contract_contract
from . import res_company
from . import res_config_settings
