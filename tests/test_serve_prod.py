# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""make serve-prod writes an Odoo configuration that Odoo's own parser reads
with workers, cron threads, proxy mode and the deployment guide's limits, and
an nginx configuration that nginx itself accepts (``nginx -t``)."""

import os
import shutil
import subprocess
import unittest
from pathlib import Path

from odoo.tools.config import configmanager

ROOT = Path(__file__).resolve().parent.parent
DB = "serve_prod_check"


class TestServeProdConfigs(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(self._remove)

    def _remove(self):
        var = ROOT / "var"
        for path in (var / f"{DB}.conf", var / f"{DB}-prod.conf", var / "nginx" / f"{DB}.conf"):
            path.unlink(missing_ok=True)

    def _render(self, **env):
        result = subprocess.run(
            ["bash", str(ROOT / "scripts" / "serve_prod.sh")],
            env={**os.environ, "DB_NAME": DB, "CONFIG_ONLY": "1", **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return ROOT / "var" / f"{DB}-prod.conf", ROOT / "var" / "nginx" / f"{DB}.conf"

    def test_configs_are_valid(self):
        odoo_conf, nginx_conf = self._render(
            WORKERS="5", HTTP_PORT="18001", GEVENT_PORT="18002", PROXY_PORT="18003"
        )
        config = configmanager()
        config._parse_config(["-c", str(odoo_conf)])
        self.assertEqual(config["workers"], 5)
        self.assertEqual(config["max_cron_threads"], 2)
        self.assertTrue(config["proxy_mode"])
        self.assertEqual(config["http_port"], 18001)
        self.assertEqual(config["gevent_port"], 18002)
        self.assertEqual(config["db_name"], [DB])
        # Odoo's deployment guide: 2048 MiB soft, 2560 MiB hard, 600 s CPU, 1200 s real
        self.assertEqual(config["limit_memory_soft"], 2048 * 1024 * 1024)
        self.assertEqual(config["limit_memory_hard"], 2560 * 1024 * 1024)
        self.assertEqual(config["limit_time_cpu"], 600)
        self.assertEqual(config["limit_time_real"], 1200)
        nginx = nginx_conf.read_text()
        self.assertIn("listen 127.0.0.1:18003;", nginx)
        self.assertIn("server 127.0.0.1:18001;", nginx)
        self.assertIn("server 127.0.0.1:18002;", nginx)
        # the websocket goes to the gevent port with the upgrade headers
        websocket = nginx.split("location /websocket {")[1].split("}")[0]
        self.assertIn("proxy_pass http://odoochat;", websocket)
        self.assertIn("proxy_set_header Upgrade $http_upgrade;", websocket)
        self.assertIn("proxy_set_header Connection $connection_upgrade;", websocket)
        # nginx itself accepts it, run unprivileged from var/nginx
        check = subprocess.run(
            [
                shutil.which("nginx") or "/usr/sbin/nginx",
                "-t",
                "-p",
                str(nginx_conf.parent),
                "-c",
                str(nginx_conf),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("test is successful", check.stderr)
