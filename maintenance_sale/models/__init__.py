from . import maintenance_part_proposal
from . import maintenance_task
from . import maintenance_task_part
from . import maintenance_intervention
from . import sale_order
from . import account_move
from . import ir_actions_report
