"""Instrument pages: golden files for one page, the index and the cited-by section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Document
from tracuu.registries.instruments import registry
from tracuu.render import instruments as render_instruments
from tracuu.render.instruments import cited_by_section, href_for
from tracuu.resolve.citations import cite_document
from tracuu.resolve.index import build_index

ROOT = Path(__file__).resolve().parents[1]


def _cited(doc: Document) -> Document:
    return Document(**{**doc.__dict__, "citations": cite_document(doc, registry())})


def pages(c: Corpus) -> dict[str, str]:
    return render_instruments.pages(c, build_index(c))


def corpus() -> Corpus:
    tin = _cited(Document(
        source="sources/2024-01-24-tin-bai-cong-tac-tre-em-bac-kan.txt", id="tin-bai", doc_type="Tin bài",
        subject="Quan tâm công tác trẻ em", province="Bắc Kạn",
        body=(Block("para", "Triển khai có hiệu quả Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về "
                    "tăng cường công tác chăm sóc <trẻ em> [1]. Câu sau.", 19, "p5", 0),),
    ))
    tt = _cited(Document(
        source="sources/tt.txt", id="thong-tu-13", doc_type="Thông tư", number="13/2021/TT-BLĐTBXH",
        issuer="Bộ Lao động - Thương binh và Xã hội", date="2021-09-30", subject="Ban hành Bộ chỉ tiêu",
        body=(Block("para", "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;", 13, "p2", 0),
              Block("para", "Căn cứ Nghị định số 99/2099/NĐ-CP ngày 01/01/2099 của Chính phủ;", 14, "p3", 0)),
    ))
    hd = _cited(Document(
        source="sources/hd.txt", id="huong-dan", doc_type="Hướng dẫn", province="Kon Tum",
        subject="Công tác trẻ em 2023",
        body=(Block("item", "11. Báo cáo theo Thông tư số 13/2021/TT-BLĐTBXH ngày 30/9/2021.", 43, "m11", 1),),
    ))
    return Corpus((tin, tt, hd), ROOT)


def test_instrument_page(golden: Callable[[str, str], None]) -> None:
    out = pages(corpus())
    golden("phap-ly/chi-thi-28-ct-tw-2023.md", out["phap-ly/chi-thi-28-ct-tw-2023.md"])
    golden("phap-ly/nghi-dinh-99-2099-nd-cp.md", out["phap-ly/nghi-dinh-99-2099-nd-cp.md"])
    golden("phap-ly/luat-tre-em.md", out["phap-ly/luat-tre-em.md"])
    golden("phap-ly/index.md", out["phap-ly/index.md"])


def test_a_corpus_document_gets_no_instrument_page() -> None:
    c = corpus()
    out = pages(c)
    assert "phap-ly/thong-tu-13-2021-tt-bldtbxh.md" not in out
    hd = c.document("huong-dan")
    assert hd is not None
    assert href_for(hd.citations[0], build_index(c), from_dir="van-ban") == "thong-tu-13.md"
    assert href_for(hd.citations[0], build_index(c), from_dir="phap-ly") == "../van-ban/thong-tu-13.md"
    assert href_for(hd.citations[0]) == "../phap-ly/thong-tu-13-2021-tt-bldtbxh.md"
    section = cited_by_section("thong-tu-13-2021-tt-bldtbxh", build_index(c))
    assert "(huong-dan.md#m11)" in section and "**Thông tư số 13/2021/TT-BLĐTBXH**" in section


def test_every_page_has_one_h1_and_a_mention() -> None:
    for path, text in pages(corpus()).items():
        assert sum(1 for line in text.splitlines() if line.startswith("# ")) == 1, path
        if path != "phap-ly/index.md":
            assert "## Được dẫn chiếu trong" in text, path
            assert text.startswith("---\nsearch:\n  boost: 2\n---\n"), path


def test_pages_are_deterministic() -> None:
    assert pages(corpus()) == pages(corpus())


def test_unknown_facts_are_shown_as_unknown_never_guessed() -> None:
    """Nghị định 99/2099 is cited with its date and issuer but no title; the registry has no entry."""
    page = pages(corpus())["phap-ly/nghi-dinh-99-2099-nd-cp.md"]
    rows = {r.split(" | ")[0].strip("| "): r for r in page.splitlines() if r.startswith("| ")}
    assert "Chính phủ" in rows["Cơ quan ban hành"] and "2099" in rows["Ngày ban hành"]
    assert "*chưa rõ*" in rows["Trích yếu"] and "không nêu" in rows["Trích yếu"]
    assert "*chưa rõ*" in rows["Tình trạng"]
    assert "Được thay thế bởi" not in rows  # a relation is shown only when a source states it
