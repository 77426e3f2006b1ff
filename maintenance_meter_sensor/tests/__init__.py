from . import test_task_history
from . import test_technician_sensor_endpoint
