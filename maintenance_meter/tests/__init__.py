from . import test_technician_access
from . import test_technician_closing
from . import test_technician_readings
