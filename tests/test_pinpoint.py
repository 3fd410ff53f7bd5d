"""Pinpoint citations: article, khoản and điểm read from the words before a mention (real phrasings)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Document, Pinpoint
from tracuu.resolve.citations import cite_document
from tracuu.resolve.pinpoint import pinpoint_before, self_references

ROOT = Path(__file__).resolve().parents[1]


def P(article: str = "", clause: str = "", point: str = "") -> Pinpoint:
    return Pinpoint(article, clause, point)


CASES: list[tuple[str, str, Pinpoint]] = [
    # (text, the mention it ends with, pinpoint) — the examples first
    ("khoản 3 Điều 82 Luật Trẻ em", "Luật Trẻ em", P("82", "3")),
    ("điểm a khoản 1 Điều 5 Nghị định số 56/2017/NĐ-CP", "Nghị định số 56/2017/NĐ-CP", P("5", "1", "a")),
    ("Điều 11 Nghị định số 56/2017/NĐ-CP", "Nghị định số 56/2017/NĐ-CP", P("11")),
    ("Điều 11 Luật trẻ em năm 2016", "Luật trẻ em năm 2016", P("11")),
    # sources/2017-05-09-nghi-dinh-56-2017-nd-cp.txt:595, :287, :389
    ("nhận chăm sóc thay thế theo quy định tại điểm c, d khoản 1 Điều 69 Luật trẻ em", "Luật trẻ em", P("69", "1", "c, d")),
    ("các biện pháp bảo vệ trẻ em theo quy định tại các Điều 47, 48, 49, 50 Luật trẻ em", "Luật trẻ em",
     P("47, 48, 49, 50")),
    ("bố trí nơi tạm trú an toàn theo quy định tại điểm b khoản 2 Điều 50 Luật trẻ em", "Luật trẻ em", P("50", "2", "b")),
    # sources/2020-11-28-thong-tu-14-2020-tt-bldtbxh.txt:65, :93 (a space inside the number, as printed)
    ("lập hồ sơ của trẻ em theo quy định tại khoản 3 và 4 Điều 38 Nghị định số 56/2017/NĐ-CP",
     "Nghị định số 56/2017/NĐ-CP", P("38", "3, 4")),
    ("1. Ngoài trách nhiệm quy định tại khoản 1 Điều 42 Nghị định số 56/2017/NĐ- CP", "Nghị định số 56/2017/NĐ- CP",
     P("42", "1")),
    # sources/2021-06-24-thong-tu-02-2021-tt-bldtbxh.txt:127; sources/2017-08-18-thong-tu-34-2017-tt-byt.txt:27
    ("sửa đổi, bổ sung khoản 2 và 4 Điều 11 Thông tư liên tịch số 29/2014/TTLT-BLĐTBXH-BTC",
     "Thông tư liên tịch số 29/2014/TTLT-BLĐTBXH-BTC", P("11", "2, 4")),
    ("người mang thai hộ vì mục đích nhân đạo quy định tại Khoản 2 Điều 97 Luật Hôn nhân và gia đình",
     "Luật Hôn nhân và gia đình", P("97", "2")),
    # sources/2021-03-15-nghi-dinh-20-2021-nd-cp.txt:831: a range names every article in it
    ("; các điều từ Điều 40 đến Điều 43 Nghị định số 103/2017/NĐ-CP", "Nghị định số 103/2017/NĐ-CP", P("40, 41, 42, 43")),
    # several pinpoints before one instrument: the citation carries the one next to it
    ("quy định tại khoản 1 Điều 43, khoản 1 Điều 44 và điểm d khoản 2 Điều 49 của Luật Trẻ em", "Luật Trẻ em",
     P("49", "2", "d")),
    ("theo quy định tại Điều 75 và khoản 1 Điều 78 Luật trẻ em", "Luật trẻ em", P("78", "1")),
    # no pinpoint
    ("Nghị định này quy định chi tiết một số điều của Luật trẻ em", "Luật trẻ em", P()),
    ("Căn cứ Nghị định số 20/2021/NĐ-CP", "Nghị định số 20/2021/NĐ-CP", P()),
    ("quy định tại khoản 2 Điều này và Nghị định số 20/2021/NĐ-CP", "Nghị định số 20/2021/NĐ-CP", P()),
    ("tăng cường hiệu lực điều hành Kế hoạch số 782/KH-UBND", "Kế hoạch số 782/KH-UBND", P()),
]


@pytest.mark.parametrize(("text", "mention", "expected"), CASES)
def test_pinpoint_before_a_mention(text: str, mention: str, expected: Pinpoint) -> None:
    assert text.endswith(mention)
    assert pinpoint_before(text, len(text) - len(mention)) == expected


@pytest.mark.parametrize(
    ("pinpoint", "anchor"),
    [
        (P("82", "3"), "dieu-82-khoan-3"),
        (P("5", "1", "a"), "dieu-5-khoan-1-diem-a"),
        (P("5", "1", "đ"), "dieu-5-khoan-1-diem-dd"),
        (P("11"), "dieu-11"),
        (P("69", "1", "c, d"), "dieu-69-khoan-1"),  # a list: the deepest single unit
        (P("38", "3, 4"), "dieu-38"),
        (P("47, 48"), ""),
        (P(), ""),
    ],
)
def test_pinpoint_anchor(pinpoint: Pinpoint, anchor: str) -> None:
    assert pinpoint.anchor == anchor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sources/2020-11-28-thong-tu-14-2020-tt-bldtbxh.txt:127, :181
        ("trợ giúp pháp lý theo quy định tại khoản 3 Điều 7 Thông tư này.", [("khoản 3 Điều 7 Thông tư này", "Thông tư", P("7", "3"))]),
        ("c1) Trẻ em bảo đảm đủ các điều kiện quy định tại Điều 5 Thông tư này;", [("Điều 5 Thông tư này", "Thông tư", P("5"))]),
        ("Điều 3 Thông tư này", [("Điều 3 Thông tư này", "Thông tư", P("3"))]),
        ("tại khoản 2 Điều 63 của Luật này và Điều 5 Nghị định số 56/2017/NĐ-CP",
         [("khoản 2 Điều 63 của Luật này", "Luật", P("63", "2"))]),
        ("Điều 5 Nghị định số 56/2017/NĐ-CP", []),
    ],
)
def test_self_references(text: str, expected: list[tuple[str, str, Pinpoint]]) -> None:
    assert [(r.text, r.type, r.pinpoint) for r in self_references(text)] == expected


def _cite(text: str) -> list[dict[str, object]]:
    block = Block(kind="item", text=text, line=7, anchor="dieu-1-khoan-1", level=1, label="1")
    d = Document(source="sources/x.txt", id="x", doc_type="Thông tư", body=(block,))
    return [c.contract() for c in cite_document(d)]


@pytest.mark.parametrize(
    ("text", "pinpoint"),
    [
        # sources/2017-05-09-nghi-dinh-56-2017-nd-cp.txt:477, :595: a lower-case law cited by article, then
        # the sentence's verb — no capital marks where the name ends; the known name does
        ("1. Cá nhân, người đại diện gia đình có nguyện vọng và đủ điều kiện nhận chăm sóc thay thế theo quy định "
         "tại khoản 2 Điều 63 Luật trẻ em làm đơn theo Mẫu số 08", {"article": "63", "clause": "2", "point": ""}),
        ("1. Cá nhân, đại diện gia đình nhận chăm sóc thay thế theo quy định tại điểm c, d khoản 1 Điều 69 Luật trẻ "
         "em gửi đơn đề nghị chấm dứt việc chăm sóc thay thế", {"article": "69", "clause": "1", "point": "c, d"}),
    ],
)
def test_a_lower_case_law_before_a_verb_is_the_known_law(text: str, pinpoint: dict[str, str]) -> None:
    got = _cite(text)
    assert [(c["text"], c["instrument"], c["pinpoint"]) for c in got] == [("Luật trẻ em", "luat-tre-em", pinpoint)]


def test_citation_records_carry_their_pinpoint() -> None:
    got = _cite("theo quy định tại khoản 3 Điều 82 Luật Trẻ em và Điều 11 Nghị định số 56/2017/NĐ-CP; Điều 3 Thông tư này")
    assert [(c["text"], c["instrument"], c["pinpoint"]) for c in got] == [
        ("Luật Trẻ em", "luat-tre-em", {"article": "82", "clause": "3", "point": ""}),
        ("Nghị định số 56/2017/NĐ-CP", "nghi-dinh-56-2017-nd-cp", {"article": "11", "clause": "", "point": ""}),
    ]  # "Điều 3 Thông tư này" points into the text itself: no citation of another instrument
    assert _cite("Căn cứ Luật Trẻ em;")[0]["pinpoint"] == {"article": "", "clause": "", "point": ""}


# --- the corpus ----------------------------------------------------------------------

@cache
def corpus() -> Corpus:
    return load_corpus(ROOT)


# Instruments the corpus cites by name whose text it holds (the pages are merged later; this is test data).
BY_NAME = {"luat-tre-em": "102/2016/QH13"}
# Thông tư 14/2020 line 79 cites "điểm b khoản 1 Điều 36 Luật trẻ em"; the Law's Điều 36 is one paragraph
# with no khoản (sources/2016-04-05-luat-102-2016-qh13.txt:337). The text says so; the article itself exists.
KNOWN_MISSES = [("sources/2020-11-28-thong-tu-14-2020-tt-bldtbxh.txt", 79, "Luật trẻ em", "dieu-36-khoan-1-diem-b")]
_UNIT_BEFORE = re.compile(r"(?i)\b(?:điều|khoản|điểm)\s+\d+[a-z]?\s+(?:của\s+)?$")


def test_every_pinpoint_into_a_text_the_corpus_holds_lands_on_a_unit_of_it() -> None:
    texts = {d.number: d for d in corpus().documents if d.articles}
    checked, missing = 0, []
    for d in corpus().documents:
        for c in d.citations:
            target = texts.get(c.number or BY_NAME.get(c.instrument, ""))
            if target is None or not c.pinpoint.anchor:
                continue
            checked += 1
            if target.block(c.pinpoint.anchor) is None:
                missing.append((d.source, c.line, c.text, c.pinpoint.anchor))
    assert missing == KNOWN_MISSES
    assert checked >= 50  # ND 56, TT 14, TT 02/2021 … cite the Law, ND 56 and ND 20 article by article


def test_no_unit_number_right_before_a_citation_is_left_unread() -> None:
    unread = []
    for d in corpus().documents:
        for c in d.citations:
            block = d.block(c.span.block) if c.span else None
            if block is not None and not c.pinpoint and _UNIT_BEFORE.search(block.text[: c.span.start if c.span else 0]):
                unread.append((d.source, c.line, c.text))
    assert not unread
