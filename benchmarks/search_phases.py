#!/usr/bin/env python3
"""Where the cold time to the first search result goes, phase by phase (issue 15).

    python benchmarks/search_phases.py SITE_DIR [--query "đuối nước"] [--runs 3]

Serves SITE_DIR with ``python -m http.server`` on 127.0.0.1 and, for each run, in a new headless
Chromium: opening the home page until DOMContentLoaded, focusing the search box (Playwright waits
for a stable frame), typing the query, and the wait for the first result after the last key, with
the navigation timing the browser reports. ``bench_scale.py`` prints only the total of one run.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site")
    ap.add_argument("--query", default="đuối nước")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(args.port), "--bind", "127.0.0.1", "-d", args.site],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", args.port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        with sync_playwright() as pw:
            for _ in range(args.runs):
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_context().new_page()
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{args.port}/", wait_until="domcontentloaded")
                t1 = time.perf_counter()
                page.click("[data-search-input]")
                t2 = time.perf_counter()
                page.keyboard.type(args.query)
                t3 = time.perf_counter()
                while not page.query_selector("[data-search-results] a"):
                    page.wait_for_timeout(10)
                t4 = time.perf_counter()
                nav = json.loads(page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0].toJSON())"))
                print(f"open {t1 - t0:.3f} s, focus {t2 - t1:.3f} s, type {t3 - t2:.3f} s, results {t4 - t3:.3f} s: "
                      f"total {t4 - t0:.3f} s (first byte {nav['responseStart']:.0f} ms, "
                      f"DOMContentLoaded {nav['domContentLoadedEventEnd']:.0f} ms)")
                browser.close()
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
