from . import test_proposal
from . import test_coverage
