"""How pages name a document whose number was left blank ("Số: /BC-BTC", a draft sent out as is).

Readers saw "Báo cáo /BC-BTC" as topic headings, link labels and search titles: a slash and
a symbol where the number should be. Every page kind names a document through
``render.titles`` (``designation``, ``title_of``) and says "chưa ghi số" instead, keeping the
symbol as what it is; the document's own page still shows the "Số" line as printed. No
number is ever made up.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import pytest
from pagetext import corpus, index

from tracuu.build import render_all
from tracuu.model.records import Document
from tracuu.render.portal.common import short_title
from tracuu.render.titles import designation, title_of

BLANK = "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan"  # "Số: /BC-BTC"
NUMBERED = "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen"
NEWS = "2024-01-24-tin-bai-cong-tac-tre-em-bac-kan"


def doc(doc_id: str) -> Document:
    return next(d for d in corpus().documents if d.id == doc_id)


@cache
def site_pages() -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in render_all(corpus(), index()).items() if path.endswith(".md")}


def unnumbered() -> list[Document]:
    return [d for d in corpus().documents if not d.number and d.symbol]


@pytest.mark.parametrize(
    ("doc_id", "label"),
    [
        (BLANK, "Báo cáo chưa ghi số (ký hiệu BC-BTC, Bắc Kạn, 06/2024)"),
        ("2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan", "Thông báo chưa ghi số (ký hiệu TB-BCĐ, Bắc Kạn, 01/2024)"),
        (NUMBERED, "Công văn 5310/UBND-KGVX (Thái Nguyên, 10/10/2023)"),
        (NEWS, "Tin bài (Bắc Kạn, 24/01/2024)"),  # prints no "Số" line: nothing to say about a number
    ],
)
def test_link_labels_say_the_number_was_left_blank(doc_id: str, label: str) -> None:
    assert short_title(doc(doc_id)) == label


def test_without_a_subject_the_title_is_the_designation() -> None:
    blank = replace(doc(BLANK), subject="")
    assert title_of(blank) == "Báo cáo chưa ghi số (ký hiệu BC-BTC)"
    # a "Số:" line with neither number nor symbol
    assert designation(replace(blank, symbol="", number_text="Số:")) == "Báo cáo chưa ghi số"
    assert title_of(replace(doc(NUMBERED), subject="")) == "Công văn 5310/UBND-KGVX"
    assert title_of(replace(doc(NEWS), subject="")) == "Tin bài"


def test_the_title_of_an_unnumbered_document_is_type_and_subject() -> None:
    d = doc(BLANK)
    assert title_of(d) == f"Báo cáo: {d.subject}"


def test_no_page_names_a_document_by_a_bare_symbol() -> None:
    docs = unnumbered()
    assert docs, "the corpus has no document with its number left blank"
    for d in docs:
        bare = re.compile(rf"{re.escape(d.doc_type)} \\?/{re.escape(d.symbol)}")
        named = [p for p, text in site_pages().items() if bare.search(text)]
        assert not named, f"{d.id}: named '{d.doc_type} /{d.symbol}' on {named[:5]}"


def test_topic_pages_list_unnumbered_documents_by_their_designation() -> None:
    pages = site_pages()
    for d in unnumbered():
        heading = f"### [{short_title(d)}".replace("(", "\\(").replace(")", "\\)")
        assert any(heading in text for p, text in pages.items() if p.startswith("chu-de/")), d.id


def test_the_document_page_keeps_the_number_line_as_printed() -> None:
    pages = site_pages()
    for d in unnumbered():
        text = pages[f"van-ban/{d.id}.md"]
        assert f"\n{d.number_text}\n" in text  # the header as printed: "Số: /BC-BTC"
        assert f"| Số, ký hiệu | (để trống) /{d.symbol} |" in text
