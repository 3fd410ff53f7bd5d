"""`tracuu bundle`: the zip, unzipped anywhere, works from file:// — navigation and search — and
makes no network request at all (the search index is scripts loaded by <script> tags)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "tracuu-offline.zip"
    proc = subprocess.run(
        [sys.executable, "-m", "tracuu.bundle", "-o", str(out)],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out


@pytest.fixture(scope="module")
def unzipped(bundle_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle_zip) as zf:
        zf.extractall(dest)
    return dest / "tracuu-offline"


def test_zip_is_self_contained_and_reproducible(bundle_zip: Path) -> None:
    with zipfile.ZipFile(bundle_zip) as zf:
        names = zf.namelist()
        assert "tracuu-offline/index.html" in names
        assert "tracuu-offline/search/manifest.js" in names
        assert any(n.startswith("tracuu-offline/search/t/") for n in names)
        assert not any(n.startswith("tracuu-offline/assets/javascripts/workers/") for n in names)
        assert names == sorted(names)
        assert all(i.date_time == (2024, 1, 1, 0, 0, 0) for i in zf.infolist())
        home = zf.read("tracuu-offline/index.html").decode("utf-8")
    assert "unpkg.com" not in home and "tracuu-search.js" in home
    assert bundle_zip.stat().st_size < 20 * 1024 * 1024


def _offline_page(browser: Any, requests: list[str], errors: list[str]) -> Any:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:")) else requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page


def test_navigation_from_file_url(browser: Any, unzipped: Path) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page = _offline_page(browser, requests, errors)
    home = (unzipped / "index.html").as_uri()
    page.goto(home)
    assert page.locator("h1").count() == 1
    # Every nav/content link is a file that exists (no directory URLs that a browser shows as a listing).
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    local = [h.split("#")[0].split("?")[0] for h in hrefs if h.startswith("file:")]
    assert local and all(h.endswith(".html") for h in local), [h for h in local if not h.endswith(".html")][:5]
    # Home → Văn bản → first document → back home through the header title.
    page.locator("a[href$='van-ban/index.html']:visible").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/van-ban/index.html")
    links = page.locator(".md-content a[href$='.html']:visible")
    targets = links.evaluate_all("els => els.map(a => a.href)")
    docs = [i for i, h in enumerate(targets) if "/van-ban/" in h and not h.endswith("/index.html")]
    assert docs, targets[:10]
    links.nth(docs[0]).click()
    page.wait_for_load_state()
    assert "/van-ban/" in page.url and page.url.endswith(".html") and page.locator("h1").count() == 1
    assert page.locator(".doc-attrs").count() == 1
    page.locator("a.md-header__button.md-logo:visible").first.click()
    page.wait_for_load_state()
    assert page.url == home
    assert not requests, requests
    assert not errors, errors
    page.context.close()


@pytest.mark.parametrize("query", ["trẻ em", "tre em", "bảo vệ trẻ em"])
def test_search_from_file_url(browser: Any, unzipped: Path, query: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page = _offline_page(browser, requests, errors)
    page.goto((unzipped / "index.html").as_uri())
    page.fill("[data-search-input]", query)
    page.wait_for_selector("[data-search-results] a", timeout=20000)
    results = page.locator("[data-search-results] a")
    assert results.count() > 0
    href = results.first.get_attribute("href") or ""
    assert href.startswith("file:") and ".html" in href
    results.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file:") and page.locator("h1").count() == 1
    assert not requests, requests
    assert not errors, errors
    page.context.close()
