#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshot of a page of a running Odoo, logged in, with headless Chromium
(used for the README). The server must already run (make run).

    python3 scripts/screenshot.py --url /odoo/maintenance-visits --login sophie \
        --password sophie --output docs/screenshot.png [--size 1400x860]
"""

import argparse
import base64
import json
import subprocess
import tempfile
import time
import urllib.request

import requests
import websocket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="maintenance")
    parser.add_argument("--url", required=True)
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--size", default="1400x860")
    parser.add_argument("--wait", type=float, default=6.0)
    options = parser.parse_args()
    width, height = (int(value) for value in options.size.split("x"))

    session = requests.Session()
    response = session.post(
        f"{options.base}/web/session/authenticate",
        json={"params": {"db": options.db, "login": options.login, "password": options.password}},
        timeout=30,
    )
    response.raise_for_status()
    cookie = session.cookies.get("session_id")

    port = 9337
    with tempfile.TemporaryDirectory() as profile:
        browser = subprocess.Popen(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                f"--remote-debugging-port={port}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(50):
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/json/list", timeout=2
                    ) as r:
                        pages = [p for p in json.load(r) if p["type"] == "page"]
                    if pages:
                        break
                except OSError:
                    time.sleep(0.2)
            ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
            counter = iter(range(1, 1000))

            def call(method, **params):
                ident = next(counter)
                ws.send(json.dumps({"id": ident, "method": method, "params": params}))
                while True:
                    message = json.loads(ws.recv())
                    if message.get("id") == ident:
                        return message.get("result", {})

            call("Network.enable")
            call("Network.setCookie", name="session_id", value=cookie, url=options.base)
            call(
                "Emulation.setDeviceMetricsOverride",
                width=width,
                height=height,
                deviceScaleFactor=1,
                mobile=width < 600,
            )
            call("Page.navigate", url=f"{options.base}{options.url}")
            time.sleep(options.wait)
            shot = call("Page.captureScreenshot", format="png")
            with open(options.output, "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))
            ws.close()
        finally:
            browser.terminate()
            browser.wait(timeout=10)


if __name__ == "__main__":
    main()
