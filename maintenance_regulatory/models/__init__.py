from . import ir_attachment_certificate
from . import maintenance_task_part
from . import maintenance_customer_equipment
from . import maintenance_logbook_entry
from . import maintenance_certificate
from . import maintenance_task_regulated
from . import maintenance_meter_reading_logbook
from . import res_company
