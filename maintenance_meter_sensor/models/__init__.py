from . import res_users_sensor
