"""Guidance pages as rendered (issue 13, point 1): source labels read like the law cites itself
("khoản 1 Điều 98"), and the folded "Trích văn bản" quotes the provinces' and districts'
documents, not keyword-picked paragraphs of the codified national texts."""

from __future__ import annotations

import re

import pytest
from pagetext import corpus, index

from tracuu.render.portal.common import locator
from tracuu.render.portal.guidance import guidance_page

LAW = "2016-04-05-luat-102-2016-qh13"
DECREE = "2017-05-09-nghi-dinh-56-2017-nd-cp"
KT = "2023-03-huong-dan-cong-tac-tre-em-kon-tum"
BK = "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan"


@pytest.mark.parametrize(
    ("doc_id", "anchor", "where"),
    [
        (LAW, "dieu-98-khoan-1", "khoản 1 Điều 98"),
        (LAW, "dieu-100-khoan-1-diem-c", "điểm c khoản 1 Điều 100"),
        (LAW, "dieu-98", "Điều 98"),
        (DECREE, "dieu-25-khoan-1", "khoản 1 Điều 25"),
        (KT, "m5", "mục 5"),  # a document without articles keeps its own numbering
        (BK, "m1-1-p1", "mục 1.1"),
    ],
)
def test_locator_reads_like_the_document_numbers_itself(doc_id: str, anchor: str, where: str) -> None:
    doc = corpus().document(doc_id)
    assert doc is not None and doc.block(anchor) is not None, (doc_id, anchor)
    assert locator(doc, anchor) == where


def _page(page_id: str) -> str:
    page = next(p for p in index().guidance_pages if p.id == page_id)
    return guidance_page(page, corpus(), index())


def _folded_sources(md: str) -> set[str]:
    """The documents the folded "Trích văn bản" section quotes."""
    if "## Trích văn bản" not in md:
        return set()
    folded = md[md.index("## Trích văn bản") :]
    return set(re.findall(r"\]\(\.\./van-ban/([a-z0-9-]+)\.md#", folded))


@pytest.mark.parametrize("page_id", ["khi-tre-em-gap-nguy-hiem", "giao-vien", "phu-huynh"])
def test_folded_quotes_come_from_local_documents_only(page_id: str) -> None:
    codified = {d.id for d in corpus().documents if d.articles}
    assert {LAW, DECREE} <= codified
    md = _page(page_id)
    assert _folded_sources(md) & codified == set()
    # the statements above still rest on the Law's articles
    statements = md[: md.index("## Xem thêm")]
    assert re.search(rf"\]\(\.\./van-ban/{LAW}\.md#dieu-\d+", statements)


def test_teachers_page_still_quotes_the_local_duties() -> None:
    local = _folded_sources(_page("giao-vien"))
    assert {KT, "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen"} <= local
