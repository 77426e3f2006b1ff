from . import maintenance_customer_pack
from . import maintenance_customer_pack_figures
from . import maintenance_customer_pack_request
from . import maintenance_customer_pack_meter
from . import maintenance_customer_pack_downtime
from . import contract_contract
