from . import maintenance_invoice_create
