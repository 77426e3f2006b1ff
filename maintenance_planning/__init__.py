from . import controllers
from . import models
from . import report
from . import wizards


def post_init_hook(env):
    """Every company has its dossier sequence from the start."""
    env["maintenance.intervention"]._create_number_sequences(
        env["res.company"].with_context(active_test=False).search([])
    )
