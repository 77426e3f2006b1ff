from . import maintenance_contract_terminate
