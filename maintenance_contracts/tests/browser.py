# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import atexit
import os
import shutil
import tempfile

from odoo.tests.common import ChromeBrowser

# one HTTP disk cache for every browser this test process starts: the web
# client's asset bundles have content-hashed URLs served as immutable, so a
# tour after the first takes them from the cache instead of downloading them
# again (and the server does not build them again in each test's
# transaction). Profiles stay new for each tour: cookies, service workers,
# IndexedDB and Cache Storage are in the profile, not in this cache.
_HTTP_CACHE = []


def _http_cache_dir():
    if not _HTTP_CACHE:
        directory = tempfile.mkdtemp(prefix="maintenance_tours_http_cache_")
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        _HTTP_CACHE.append(directory)
    return _HTTP_CACHE[0]


class FrenchBrowserMixin:
    """Tours run in a browser set like the phones and desks of a French
    company: its clock in Europe/Paris, as the users' own time zone.

    Odoo sets ``TZ=UTC`` for its process and Chrome inherits it, so without
    this the web client's ``context_today()`` (the My day and Tomorrow
    filters, the planning's dates) is the UTC day, while the server computes
    in the user's time zone: between 23:00 and midnight UTC the two days
    differ and a tour fails one hour a day. DevTools'
    ``Emulation.setTimezoneOverride`` gives the page the French clock.

    The browsers of one test process share their HTTP disk cache (see
    ``_http_cache_dir``) unless the class sets ``shared_http_cache = False``
    (the offline phone: what it keeps must come from its own loads);
    ``MAINTENANCE_TOURS_COLD_CACHE=1`` gives each browser its own."""

    browser_timezone = "Europe/Paris"
    shared_http_cache = True

    def setUp(self):
        super().setUp()
        original_init = ChromeBrowser.__init__
        original_spawn = ChromeBrowser._spawn_chrome
        timezone = self.browser_timezone
        shared = self.shared_http_cache

        def __init__(browser, *args, **kwargs):
            original_init(browser, *args, **kwargs)
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": timezone}
            )

        def _spawn_chrome(browser, cmd):
            if shared and not os.environ.get("MAINTENANCE_TOURS_COLD_CACHE"):
                cmd = [*cmd[:-1], f"--disk-cache-dir={_http_cache_dir()}", cmd[-1]]
            return original_spawn(browser, cmd)

        self.patch(ChromeBrowser, "__init__", __init__)
        self.patch(ChromeBrowser, "_spawn_chrome", _spawn_chrome)
