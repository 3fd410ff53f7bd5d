"""Type into the site's search box like a person and read the ranked results.

Used by tests/browser/test_search.py and scripts/bench_search.py. Same
selectors and timing rules as ../shared/eval/search_eval.py (CONTRACT §2).
"""

from __future__ import annotations

import time
from typing import Any

INPUT = ".md-search__input"
RESULT_LINK = ".md-search-result__item > a"


def open_search(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if page.is_visible(INPUT):
        page.click(INPUT)
    else:
        page.keyboard.press("/")
    page.focus(INPUT)


def search(page: Any, query: str, settle_ms: int = 300, timeout_s: float = 10,
           delay_ms: int | None = 15) -> tuple[list[str], float | None]:
    """Type `query` (``delay_ms=None``: paste it, one input event as from a phone's
    keyboard or dictation); return (result hrefs in order, ms from last key to first result)."""
    page.fill(INPUT, "")
    if delay_ms is None:
        page.fill(INPUT, query)
    else:
        page.type(INPUT, query, delay=delay_ms)
    typed = time.perf_counter()
    links: list[str] = []
    first: float | None = None
    stable = time.perf_counter()
    while time.perf_counter() - typed < timeout_s:
        now = [a.get_attribute("href") or "" for a in page.query_selector_all(RESULT_LINK)]
        if now and first is None:
            first = (time.perf_counter() - typed) * 1000
        if now != links:
            links, stable = now, time.perf_counter()
        elif links and (time.perf_counter() - stable) * 1000 >= settle_ms:
            break
        page.wait_for_timeout(25)
    return links, first
