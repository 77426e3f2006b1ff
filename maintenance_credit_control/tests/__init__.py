from . import test_amounts
from . import test_credit_control_run
from . import test_credit_hold
from . import test_mail_templates
from . import test_french
