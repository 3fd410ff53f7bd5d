"""Browser-test fixtures: build the site once, serve it on 127.0.0.1, drive Debian chromium.

Playwright drives /usr/bin/chromium (never `playwright install`). The site is
built once per session into ``site/`` with ``mkdocs build --strict``, so a
broken link or anchor fails the session before any browser test runs.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The repository "Báo lỗi / góp ý" opens issues in (CI sets REPO_URL to the real one).
TEST_REPOSITORY = "https://github.com/tracuu-test/tra-cuu-tre-em"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def serve(directory: Path, prefix: str = "") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` at http://127.0.0.1:PORT/; returns (server, base URL)."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{prefix}"


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site (``mkdocs build --strict``), built once per test session."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REPO_URL=TEST_REPOSITORY)
    out = ROOT / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        pytest.fail("mkdocs build --strict failed:\n" + proc.stderr[-4000:])
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium); .ci/run does")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    p = context.new_page()
    yield p
    context.close()
