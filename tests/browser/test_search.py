"""The built site's search box, typed into in headless Chromium.

Every query in tests/data/search_queries.yaml (accented, accent-free, NFD,
instrument numbers in several spellings, abbreviations) and in
tests/data/search_queries_unseen.yaml (queries written without looking at
what search returns; also typed without accents, as on a phone) must find a
page whose <h1> contains one of its `expect` phrases in the top 3. A query
whose expected page does not exist in this build (no <h1> anywhere contains
the phrase) is skipped and says so: that is a missing page, not a search bug.
A query with `xfail: reason` is a known miss, reported as such.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
import urllib.parse
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracuu.model.textutil import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_driver import open_search, search  # noqa: E402

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"


def _load(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return items


def strip_accents(text: str) -> str:
    """What a person types with no Vietnamese keyboard: marks gone, đ as d (as ../shared/eval does)."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text.replace("đ", "d").replace("Đ", "D"))


def _params() -> list[Any]:
    return [pytest.param(item, id=_id(item)) for item in _load("search_queries.yaml")]


def _unseen_params() -> list[Any]:
    out = []
    for item in _load("search_queries_unseen.yaml"):
        marks = [pytest.mark.xfail(reason=item["xfail"], strict=False)] if item.get("xfail") else []
        out.append(pytest.param(item, id="unseen:" + _id(item), marks=marks))
        bare = strip_accents(item["q"])
        if bare != unicodedata.normalize("NFC", item["q"]):
            plain = {**item, "q": bare, "nfd": False}
            if "xfail_bare" in plain:  # its own verdict typed bare (null: no known miss there)
                marks = [pytest.mark.xfail(reason=plain["xfail_bare"], strict=False)] if plain["xfail_bare"] else []
            out.append(pytest.param(plain, id="unseen-bare:" + bare, marks=marks))
    return out


def _id(item: dict[str, Any]) -> str:
    return ("nfd:" if item.get("nfd") else "") + str(item["q"])


@cache
def _h1_of(site: Path, path: str) -> str:
    rel = urllib.parse.unquote(path).lstrip("/")
    file = site / rel / "index.html" if not rel.endswith(".html") else site / rel
    if not file.is_file():
        return ""
    m = re.search(r"<h1[^>]*>(.*?)</h1>", file.read_text(encoding="utf-8"), re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""


@cache
def _all_h1(site: Path) -> tuple[str, ...]:
    pages = (p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html")))
    return tuple(h for h in (_h1_of(site, p) for p in pages if not p.startswith(("assets/", "search/"))) if h)


def _pages(links: list[str], base: str) -> list[str]:
    out: list[str] = []
    for href in links:
        path = urllib.parse.urlsplit(urllib.parse.urljoin(base, href)).path
        if path not in out:
            out.append(path)
    return out


def _check(item: dict[str, Any], page: Any, site_dir: Path, site_url: str, fresh: bool, **typing: Any) -> None:
    expect = [fold(e) for e in item["expect"]]
    if not any(e in fold(h) for h in _all_h1(site_dir) for e in expect):
        pytest.skip(f"no page in this build has an <h1> with {item['expect']} (page missing)")
    query = unicodedata.normalize("NFD", item["q"]) if item.get("nfd") else item["q"]
    if fresh:
        open_search(page, site_url)
    links, _ = search(page, query, **typing)
    top = [_h1_of(site_dir, p) for p in _pages(links, site_url)[:3]]
    assert any(e in fold(h) for h in top for e in expect), f"{item['q']!r} → {top}"


@pytest.mark.parametrize("item", _params())
def test_query_finds_page_in_top_3(item: dict[str, Any], page: Any, site_dir: Path, site_url: str) -> None:
    _check(item, page, site_dir, site_url, fresh=True)


@pytest.fixture(scope="module")
def search_page(browser: Any, site_url: str) -> Iterator[Any]:
    """One home page for many queries: the index is built once, queries are typed one after another."""
    context = browser.new_context()
    p = context.new_page()
    open_search(p, site_url)
    yield p
    context.close()


@pytest.mark.parametrize("item", _unseen_params())
def test_unseen_query_finds_page_in_top_3(item: dict[str, Any], search_page: Any, site_dir: Path,
                                          site_url: str) -> None:
    # pasted in one input event (the IME/phone path): many queries, one page
    _check(item, search_page, site_dir, site_url, fresh=False, delay_ms=None)


@pytest.mark.parametrize("query", ["báo cáo", "bảo vệ"])
def test_accented_query_ranks_exact_accents_first(query: str, page: Any, site_dir: Path, site_url: str) -> None:
    words = unicodedata.normalize("NFC", query).lower().split()
    if not any(all(w in h.lower() for w in words) for h in _all_h1(site_dir)):
        pytest.skip(f"no <h1> contains {query!r} exactly")
    open_search(page, site_url)
    links, _ = search(page, query)
    first = _h1_of(site_dir, _pages(links, site_url)[0]).lower()
    assert all(w in first for w in words), f"{query!r} → {first!r}"


def test_search_ui_speaks_vietnamese_only(page: Any, site_url: str) -> None:
    page.goto(site_url)
    text = page.content()
    for english in ("Initializing search", "Type to start searching", "No matching documents",
                    "matching document", "more on this page", "Missing"):
        assert english not in text


def test_result_page_highlights_words_typed_without_accents(page: Any, site_dir: Path, site_url: str) -> None:
    open_search(page, site_url)
    links, _ = search(page, "tre em")
    assert links, "no results for 'tre em'"
    page.goto(urllib.parse.urljoin(site_url, links[0]))
    page.wait_for_load_state("networkidle")
    marked = [m.lower() for m in page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)")]
    assert "trẻ" in marked and "em" in marked
