"""What the search box shows a reader (issue 13): reader text in snippets, reader pages
first for plain words, and marks on the words meant, not on their folded look-alikes.

Every wait is on ``data-tracuu-query`` (search_driver.search) or on the page load; no sleeps.
"""

from __future__ import annotations

import html
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from tracuu.model.textutil import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_driver import open_search, search  # noqa: E402

pytestmark = pytest.mark.browser

_ITEMS = """els => els.map(a => ({
  href: a.getAttribute("href") || "",
  cls: a.className,
  title: (a.querySelector(".tracuu-search__title") || {}).textContent || "",
  snippet: (a.querySelector(".tracuu-search__snippet") || {}).textContent || "",
  marks: Array.from(a.querySelectorAll("mark"), m => m.textContent)
}))"""
_META = "[data-search-results] .tracuu-search__meta"


def _results(page: Any, site_url: str, query: str) -> list[dict[str, Any]]:
    open_search(page, site_url)
    search(page, query)
    items: list[dict[str, Any]] = page.eval_on_selector_all("[data-search-results] a", _ITEMS)
    return items


def _path(href: str, site_url: str) -> str:
    return urllib.parse.urlsplit(urllib.parse.urljoin(site_url, href)).path


def _marks_on(page: Any, url: str) -> tuple[list[str], str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    marks: list[str] = page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)")
    text: str = page.inner_text("article")
    return [m.lower() for m in marks], text.lower()


# --- index and snippets hold reader text only --------------------------------------------

def test_the_editors_block_is_not_searchable(page: Any, site_url: str) -> None:
    # "tracuu check" is written on every page, in the editors' block only
    assert _results(page, site_url, "tracuu check") == []
    assert page.inner_text(_META) == "Không tìm thấy tài liệu liên quan"


@pytest.mark.parametrize("query", ["Chỉ thị 20-CT/TW", "Luật Trẻ em", "Sở Y tế", "Nghị định 20/2021/NĐ-CP",
                                   "Kế hoạch 159/KH-UBND"])
def test_snippets_are_reader_text(query: str, page: Any, site_url: str) -> None:
    items = _results(page, site_url, query)
    assert items, f"no results for {query!r}"
    for item in items:
        snippet = item["snippet"]
        for editor_text in ("Thuộc tính", "Nội dung Nguồn", "theo danh mục văn bản", "Tệp nguồn",
                            "Dành cho người biên tập", "Tải văn bản gốc", "tracuu check", "Trang được dựng"):
            assert editor_text not in snippet, f"{query!r}: {item['title']!r} shows {snippet!r}"


# --- plain words find the pages written for readers ---------------------------------------

@pytest.mark.parametrize("query", ["xam hai tre em", "xâm hại trẻ em", "duong day nong", "đường dây nóng"])
def test_plain_words_rank_reader_pages_above_instrument_stubs(query: str, page: Any, site_url: str) -> None:
    items = _results(page, site_url, query)
    pages: list[str] = []
    for item in items:
        path = _path(item["href"], site_url)
        if path not in pages:
            pages.append(path)
    reader = [i for i, p in enumerate(pages) if p.startswith(("/chu-de/", "/huong-dan/"))]
    assert reader and reader[0] < 3, f"{query!r} → {pages[:5]}"
    stubs = [p for p in pages[:reader[0]] if p.startswith("/phap-ly/")]
    assert not stubs, f"{query!r}: instrument pages {stubs} above the first reader page {pages[reader[0]]}"


# typed bare, the phrase is spelled as data/search.yml writes it ("đường dây nóng")
@pytest.mark.parametrize(("query", "typed"), [("đường dây nóng", "nóng"), ("duong day nong", "nóng")])
def test_a_word_typed_with_marks_does_not_rank_its_folded_look_alikes(
    query: str, typed: str, page: Any, site_dir: Path, site_url: str
) -> None:
    # "nóng" folds to "nong" like "Nông nghiệp": typed with its marks, or in a phrase the vocabulary
    # spells, it is not that word, so the agencies of agriculture (title ×1000 in the score) must not
    # come right after the hotline page
    def lookalikes(title: str) -> list[str]:
        return [w for w in re.findall(r"\w+", title.lower()) if fold(w) == fold(typed) and w != typed]

    if not any(lookalikes(t) for t in _all_titles(site_dir)):
        pytest.skip(f"no page title holds a look-alike of {typed!r}")
    items = [i for i in _results(page, site_url, query) if "tracuu-search__page" in i["cls"]]
    top = [i["title"] for i in items[:3]]
    assert len(top) == 3, f"{query!r} → {top}"
    assert not [t for t in top if lookalikes(t)], f"{query!r} → {top}"


@pytest.mark.parametrize(("placed", "other"), [("văn hoá", "văn hóa"), ("uỷ ban nhân dân", "ủy ban nhân dân")])
def test_a_tone_mark_placed_either_way_is_the_same_word(placed: str, other: str, page: Any, site_url: str) -> None:
    # both placements are in use ("hoá"/"hóa"): neither is a look-alike of the other
    first = [_path(i["href"], site_url) for i in _results(page, site_url, placed)][:6]
    assert first, f"no results for {placed!r}"
    assert first == [_path(i["href"], site_url) for i in _results(page, site_url, other)][:6]


def _all_titles(site_dir: Path) -> list[str]:
    found = (re.search(r"<h1[^>]*>(.*?)</h1>", p.read_text(encoding="utf-8"), re.S) for p in site_dir.rglob("index.html"))
    return [html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) for m in found if m]


# --- marks: the words meant, not their folded look-alikes ----------------------------------

def _page_with(site_dir: Path, *words: str) -> str:
    """A built page whose article has every one of `words` (lower-case, as written)."""
    for path in sorted((site_dir / "chu-de").rglob("index.html")):
        text = path.read_text(encoding="utf-8").lower()
        if all(w in text for w in words):
            return path.relative_to(site_dir).parent.as_posix() + "/"
    pytest.skip(f"no topic page has all of {words}")


def test_a_typed_phrase_marks_its_words_not_folded_collisions(page: Any, site_dir: Path, site_url: str) -> None:
    rel = _page_with(site_dir, "bạo lực", "báo cáo")
    marks, text = _marks_on(page, urllib.parse.urljoin(site_url, rel) + "?h=" + urllib.parse.quote("bao luc"))
    assert "bạo" in marks and "lực" in marks
    assert "báo" in text and "báo" not in marks  # "Báo cáo" folds to "bao" too but is not "bạo lực"
    assert {fold(m) for m in marks} <= {"bao", "luc"}


def test_a_word_typed_with_marks_marks_that_spelling(page: Any, site_dir: Path, site_url: str) -> None:
    rel = _page_with(site_dir, "bạo lực", "báo cáo")
    marks, _ = _marks_on(page, urllib.parse.urljoin(site_url, rel) + "?h=" + urllib.parse.quote("bạo"))
    assert marks and set(marks) == {"bạo"}


def test_a_bare_word_alone_marks_every_folded_form(page: Any, site_dir: Path, site_url: str) -> None:
    # nothing tells "bao" apart: every word that folds to it is marked (the fallback)
    rel = _page_with(site_dir, "bạo lực", "báo cáo")
    marks, _ = _marks_on(page, urllib.parse.urljoin(site_url, rel) + "?h=bao")
    assert "bạo" in marks and "báo" in marks


def test_result_list_marks_follow_the_same_rule(page: Any, site_url: str) -> None:
    items = _results(page, site_url, "bao luc")
    phrased = [i for i in items if "bạo lực" in (i["title"] + " " + i["snippet"]).lower()]
    assert phrased, "no result shows 'bạo lực'"
    for item in phrased:
        marks = [m.lower() for m in item["marks"]]
        assert "bạo" in marks and "báo" not in marks, item


def test_one_letter_asks_for_more_and_fetches_nothing(page: Any, site_url: str) -> None:
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    assert _results(page, site_url, "t") == []
    assert page.inner_text(_META) == "Gõ thêm ít nhất một chữ để tìm"
    assert not [u for u in fetched if "/search/p/" in u]  # no result rows were fetched for it


# --- the box from the keyboard -----------------------------------------------------------

@pytest.mark.parametrize("key", ["/", "s"])
def test_a_key_outside_a_field_moves_to_the_search_box_and_escape_leaves_it(key: str, page: Any, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(urllib.parse.urljoin(site_url, "huong-dan/"))
    page.wait_for_load_state("networkidle")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement && document.activeElement.matches('[data-search-input]')")
    assert page.input_value("[data-search-input]") == ""  # the key is not typed into the box
    search(page, "tổng đài", delay_ms=None)
    assert page.eval_on_selector_all("[data-search-results] a", "els => els.length") > 0
    page.keyboard.press("Escape")
    assert page.input_value("[data-search-input]") == ""
    assert not page.evaluate("document.activeElement && document.activeElement.matches('[data-search-input]')")
    assert page.is_hidden("[data-search-results]")
    assert errors == []
