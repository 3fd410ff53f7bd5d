#!/usr/bin/env python3
"""Lighthouse scores for the built site: home, a document page, an agency page, a guidance page.

Serves ``site/`` on 127.0.0.1 and runs npm's ``lighthouse`` with Debian's
chromium (``CHROME_PATH``), printing accessibility, performance and
best-practices for each page, and under every failed accessibility audit the
elements it names (selector and why), so a failure can be fixed without opening
the report. Exit status 1 when accessibility is below the target (95) on any page.

Lighthouse is not a project dependency and is never installed in the checkout:

    mkdir -p /tmp/lighthouse && npm install --prefix /tmp/lighthouse lighthouse   # once (npm needs the folder)
    export LIGHTHOUSE=/tmp/lighthouse/node_modules/.bin/lighthouse
    tracuu build && mkdocs build
    python scripts/lighthouse.py [--site site] [--min-accessibility 95] [--mobile] [PAGE ...]

Without ``LIGHTHOUSE`` the script runs ``npx --yes lighthouse`` with the npm
cache in /tmp (``npm_config_cache``), so nothing is written under the repo.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
CATEGORIES = ("accessibility", "performance", "best-practices")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


GUIDANCE_PAGE = "huong-dan/"
MAX_NODES = 5


def default_pages(site: Path) -> list[str]:
    """Home, the largest document page, the largest agency page and the guidance page of the built site.

    The largest page of a kind has the most of every element an audit checks (the first in
    name order was a near-empty page such as ``co-quan/ban/``)."""
    pages = [""]
    for folder in ("van-ban", "co-quan"):
        found = sorted((-p.stat().st_size, p.parent.name) for p in (site / folder).glob("*/index.html"))
        if found:
            pages.append(f"{folder}/{found[0][1]}/")
    if (site / GUIDANCE_PAGE / "index.html").exists():
        pages.append(GUIDANCE_PAGE)
    return pages


def failed_accessibility_audits(data: dict[str, Any]) -> list[str]:
    """One line per failed accessibility audit, then up to MAX_NODES lines naming its elements."""
    ids = {r["id"] for r in data["categories"]["accessibility"]["auditRefs"]}
    lines: list[str] = []
    for audit in data["audits"].values():
        if audit.get("score") != 0 or audit["id"] not in ids:
            continue
        lines.append(f"accessibility audit failed: {audit['id']}: {audit.get('title', '')}")
        for item in (audit.get("details") or {}).get("items", [])[:MAX_NODES]:
            node = item.get("node") or {}
            why = " ".join((node.get("explanation") or "").split())
            lines.append(f"    {node.get('selector', '?')}: {why[:300]}")
    return lines


def lighthouse_cmd() -> list[str]:
    exe = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if exe:
        return [exe]
    return ["npx", "--yes", "lighthouse"]


def run(url: str, out_dir: Path, mobile: bool = False) -> tuple[dict[str, int], list[str]]:
    report = out_dir / "report.json"
    env = dict(os.environ, CHROME_PATH=CHROME, npm_config_cache=os.environ.get("npm_config_cache", "/tmp/npm-cache"))
    cmd = lighthouse_cmd() + [
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        *([] if mobile else ["--preset=desktop"]),  # without a preset Lighthouse emulates a phone
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed for {url}:\n{proc.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    return scores, failed_accessibility_audits(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--min-accessibility", type=int, default=95)
    ap.add_argument("--mobile", action="store_true", help="emulate a phone (Lighthouse's default) instead of a desktop")
    ap.add_argument("pages", nargs="*", help="paths under the site (default: home, a document, an agency, the guidance page)")
    args = ap.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").exists():
        print(f"{site}/index.html not found: run `tracuu build && mkdocs build` first", file=sys.stderr)
        return 2
    pages = args.pages or default_pages(site)
    missing = [p for p in pages if not (site / p / "index.html").exists() and not (site / p).is_file()]
    if missing:
        print(f"not in {site}: {', '.join('/' + p for p in missing)} (a path under the site, e.g. huong-dan/)", file=sys.stderr)
        return 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    worst = 100
    try:
        for page in pages:
            with tempfile.TemporaryDirectory() as tmp:
                scores, failing = run(base + page, Path(tmp), args.mobile)
            worst = min(worst, scores["accessibility"])
            print(f"/{page}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
            for f in failing:
                print("    " + f)
    finally:
        server.shutdown()
    ok = worst >= args.min_accessibility
    print(f"accessibility: lowest {worst} (target ≥ {args.min_accessibility}) — {'OK' if ok else 'BELOW TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
