from . import maintenance_customer_pack
from . import contract_contract
