# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import ChromeBrowser


class FrenchBrowserMixin:
    """Tours run in a browser set like the phones and desks of a French
    company: its clock in Europe/Paris, as the users' own time zone.

    Odoo sets ``TZ=UTC`` for its process and Chrome inherits it, so without
    this the web client's ``context_today()`` (the My day and Tomorrow
    filters, the planning's dates) is the UTC day, while the server computes
    in the user's time zone: between 23:00 and midnight UTC the two days
    differ and a tour fails one hour a day. DevTools'
    ``Emulation.setTimezoneOverride`` gives the page the French clock."""

    browser_timezone = "Europe/Paris"

    def setUp(self):
        super().setUp()
        original_init = ChromeBrowser.__init__
        timezone = self.browser_timezone

        def __init__(browser, *args, **kwargs):
            original_init(browser, *args, **kwargs)
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": timezone}
            )

        self.patch(ChromeBrowser, "__init__", __init__)
