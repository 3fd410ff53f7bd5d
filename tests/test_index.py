"""The corpus index: built once, and the only source of what renderers show beyond the records."""

from __future__ import annotations

from pathlib import Path

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, Hotline
from tracuu.model.records import Document
from tracuu.render.portal.hotlines import hotline_box
from tracuu.resolve.index import build_index


def test_renderer_shows_the_hotline_the_index_holds_and_reads_no_text() -> None:
    # The document's text names no line: the box shows what the index says, nothing it found itself.
    doc = Document(source="sources/x.txt", id="x", doc_type="Công văn", number="1/UBND-VX", date="2024-05-02")
    corpus = Corpus(documents=(doc,), root=Path("."))
    line = Hotline("111", "Tổng đài điện thoại quốc gia bảo vệ trẻ em", "", "x", "m1", "gọi Tổng đài 111")
    box = hotline_box(corpus, CorpusIndex(hotlines=(line,)))
    assert "**Tổng đài điện thoại quốc gia bảo vệ trẻ em: [111](tel:111)**" in box
    assert "“gọi Tổng đài 111” — [Công văn 1/UBND-VX \\(02/05/2024\\)](../van-ban/x.md#m1)" in box
    assert "chưa có văn bản nào nêu số tổng đài" in hotline_box(corpus, CorpusIndex())


def test_index_of_the_corpus() -> None:
    corpus = load_corpus()
    index = build_index(corpus)
    assert build_index(corpus) == index  # deterministic
    tt13 = "2021-09-30-thong-tu-13-2021-tt-bldtbxh"
    assert index.issuers[tt13].name == "Bộ Lao động - Thương binh và Xã hội"
    assert "2024-01-24-tin-bai-cong-tac-tre-em-bac-kan" not in index.issuers  # a news article has no issuer page
    assert index.document_instrument[tt13] == "thong-tu-13-2021-tt-bldtbxh"
    assert index.instrument_document["thong-tu-13-2021-tt-bldtbxh"] == tt13
    assert {h.number for h in index.hotlines if not h.place} == {"111"}
    # every cited instrument has a level and its mentions (or the Pháp điển note that names it)
    amenders = {a.amender for a in index.amendments}
    assert all(f.level and (f.mentions or f.id in amenders) for f in index.instruments.values())
