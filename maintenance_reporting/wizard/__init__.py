from . import maintenance_customer_pack_wizard
