"""One folding table for Python (tracuu.model.textutil.fold) and the search
override's JavaScript (TracuuSearch.fold in
overrides/assets/javascripts/tracuu-search.js), so index-side and
query-side folding cannot drift apart."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracuu.model.textutil import fold

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "data" / "fold_cases.yaml").read_text(encoding="utf-8"))
SEARCH_JS = ROOT / "overrides" / "assets" / "javascripts" / "tracuu-search.js"


def _inputs() -> list[str]:
    texts = []
    for case in CASES:
        texts.append(case["text"])
        if case.get("nfd"):
            texts.append(unicodedata.normalize("NFD", case["text"]))
    rng = random.Random(5)
    alphabet = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 _-/.&,;:!?()“”'\t"
                "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031bÇñßİΣ½²ⅫЖ中")
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        texts.append(s)
        texts.append(unicodedata.normalize("NFD", s))
    return texts


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"] or "<empty>")
def test_python_fold(case: dict[str, Any]) -> None:
    assert fold(case["text"]) == case["folded"]
    if case.get("nfd"):
        assert fold(unicodedata.normalize("NFD", case["text"])) == case["folded"]


@pytest.mark.browser
def test_javascript_fold_equals_python_fold(browser: Any) -> None:
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset=utf-8><title>fold</title>")
        page.add_script_tag(content=SEARCH_JS.read_text(encoding="utf-8"))
        texts = _inputs()
        got = page.evaluate("texts => texts.map(t => TracuuSearch.fold(t))", texts)
    finally:
        page.close()
    diffs = [(t, fold(t), g) for t, g in zip(texts, got, strict=True) if fold(t) != g]
    assert not diffs, diffs[:10]


@pytest.mark.browser
def test_javascript_index_terms(browser: Any) -> None:
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset=utf-8><title>terms</title>")
        page.add_script_tag(content=SEARCH_JS.read_text(encoding="utf-8"))
        terms = page.evaluate("ts => ts.map(t => TracuuSearch.indexTerms(t))",
                              ["trẻ", "em", "20/2021/nđ-cp", "lđ-tb&xh", "“dục”.", "…"])
    finally:
        page.close()
    assert terms == [
        ["tre", "=trẻ"],
        ["em"],
        ["20", "2021", "nd", "cp", "20-2021-nd-cp", "202021ndcp"],
        ["ld", "tb", "xh", "ld-tb-xh", "ldtbxh"],
        ["duc", "=dục"],
        [],
    ]


def _evaluate(browser: Any, script: str, arg: Any, before: str = "") -> Any:
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><meta charset=utf-8><title>search rules</title>")
        if before:
            page.add_script_tag(content=before)
        page.add_script_tag(content=SEARCH_JS.read_text(encoding="utf-8"))
        return page.evaluate(script, arg)
    finally:
        page.close()


GLUED = [
    ("NĐ20/2021", ["NĐ", "20/2021"]),
    ("TT13", ["TT", "13"]),
    ("ct28", ["ct", "28"]),
    ("cv5310", ["cv", "5310"]),
    ("QH14", ["QH14"]),  # itself an index term (121/2020/QH14): kept whole
    ("20/2021/NĐ-CP", ["20/2021/NĐ-CP"]),
    ("LĐTBXH", ["LĐTBXH"]),
    ("2024", ["2024"]),
]


@pytest.mark.browser
def test_javascript_splits_kind_glued_to_number(browser: Any) -> None:
    got = _evaluate(browser, "ts => ts.map(t => TracuuSearch.splitGlued(t, w => w === 'qh14'))",
                    [t for t, _ in GLUED])
    assert got == [want for _, want in GLUED]


STOPS = [
    ("về", True), ("các", True), ("là", True), ("gì", True),
    ("vệ", False),  # accented as typed: "bảo vệ" is no stop-word
    ("cac", True),  # bare, and the corpus uses "cac" for "các" only
    ("ve", False),  # bare "ve" is mostly "vệ"
    ("VỀ", True), ("ve\u0302\u0300", True),  # upper case, NFD
    ("đuối", False), ("trẻ", False),
]


@pytest.mark.browser
def test_javascript_stop_words(browser: Any) -> None:
    tables = ("self.TRACUU_SYNONYMS = {};"
              "self.TRACUU_STOPWORDS = {exact: ['về', 'các', 'là', 'gì'], folded: ['cac', 'la', 'gi']};")
    got = _evaluate(browser, "ws => ws.map(w => TracuuSearch.isStopWord(w))", [w for w, _ in STOPS], tables)
    assert got == [want for _, want in STOPS]
