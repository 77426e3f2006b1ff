from . import maintenance_intervention
from . import maintenance_meter
from . import maintenance_meter_reading
from . import maintenance_task_meter
from . import maintenance_customer_equipment
