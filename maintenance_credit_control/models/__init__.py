from . import account_chart_template
from . import account_move
from . import contract_contract
from . import credit_control_policy_level
from . import credit_control_run
from . import maintenance_intervention
from . import res_company
from . import res_partner
