from . import portal_logbook
