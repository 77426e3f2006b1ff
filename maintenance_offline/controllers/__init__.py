from . import offline
