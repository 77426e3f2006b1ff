from . import test_offline_bounds
from . import test_offline_sync
from . import test_offline_sync_race
from . import test_technician_phone
