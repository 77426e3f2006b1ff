from . import ir_http_offline
from . import maintenance_offline_action
from . import maintenance_offline_sync
from . import maintenance_offline_time
from . import maintenance_task_offline
