"""Type into the site's search box like a person and read the ranked results.

Used by tests/browser/test_search.py. Same selectors as ../shared/eval/search_eval.py
(CONTRACT §2); the wait is exact instead of timed: our search script
(overrides/assets/javascripts/tracuu-search.js, `render`) writes on the result
element which query the rendered results answer, and the driver reads the results
once that is the whole typed query. No sleeps, no "results stopped changing"
guess, so a busy machine makes the search slower, never wrong.
"""

from __future__ import annotations

import time
from typing import Any

INPUT = "[data-search-input]"
RESULTS = "[data-search-results]"
RESULT_LINK = "[data-search-results] a"
ANSWERED = "data-tracuu-query"

# Resolves (truthy) to the result hrefs in order once the results on screen answer
# exactly `query` and the box still holds it; false while they answer a shorter prefix.
_RESULTS_FOR = """([query, input, results, links, answered]) => {
  const box = document.querySelector(input)
  const result = document.querySelector(results)
  if (!box || !result || box.value !== query || result.getAttribute(answered) !== query) return false
  return Array.from(document.querySelectorAll(links), a => a.getAttribute("href") || "")
}"""


def open_search(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # the first page of a session on a busy machine can take long to lay out: wait for the box itself
    page.wait_for_selector(INPUT, state="attached", timeout=120_000)
    if page.is_visible(INPUT):
        page.click(INPUT)
    else:
        page.keyboard.press("/")
    page.focus(INPUT, timeout=120_000)


def search(page: Any, query: str, timeout_s: float = 30, delay_ms: int | None = 15) -> tuple[list[str], float]:
    """Type `query` (``delay_ms=None``: paste it, one input event as from a phone's
    keyboard or dictation); return (result hrefs in order, ms from the last key until
    the results for the whole query are on screen). `timeout_s` only bounds a broken
    search (the wait returns as soon as the answer is rendered)."""
    page.fill(INPUT, "")
    if delay_ms is None:
        page.fill(INPUT, query)
    else:
        page.type(INPUT, query, delay=delay_ms)
    typed = time.perf_counter()
    handle = page.wait_for_function(_RESULTS_FOR, arg=[query, INPUT, RESULTS, RESULT_LINK, ANSWERED], timeout=timeout_s * 1000)
    links: list[str] = handle.json_value()
    return links, (time.perf_counter() - typed) * 1000
