"""Agency pages: a golden page, and the rules every page keeps."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Document
from tracuu.render import agencies as render_agencies
from tracuu.render.agencies import newest_first
from tracuu.resolve.duties import extract_duties, extract_memberships
from tracuu.resolve.index import build_index


def _doc(doc_id: str, date: str, blocks: list[tuple[str, str, str, str, str]], **kw: object) -> Document:
    body = tuple(
        Block(kind=k, text=t, line=n + 10, anchor=a, level=1 if p else 0, label=lab, parent=p)  # type: ignore[arg-type]
        for n, (k, a, lab, p, t) in enumerate(blocks)
    )
    d = Document(source=f"{doc_id}.txt", id=doc_id, doc_type="Thông báo", date=date, province="Bắc Kạn", body=body, **kw)  # type: ignore[arg-type]
    return replace(d, duties=extract_duties(d), memberships=extract_memberships(d))  # as pipeline.enrich does


def pages(c: Corpus) -> dict[str, str]:
    return render_agencies.pages(c, build_index(c))


def corpus() -> Corpus:
    conclusions = _doc(
        "ket-luan",
        "2024-01",
        [
            ("para", "p1", "", "", "Tham dự cuộc họp có các thành viên Ban Chỉ đạo là lãnh đạo các đơn vị: Sở Y tế, Công an tỉnh."),
            ("heading", "m3", "3", "", "### **3. Sở Y tế**"),
            ("bullet", "m3-b1", "-", "m3", "- Thực hiện tốt công tác chăm sóc sức khỏe cho trẻ em <dưới 6 tuổi> [sic]."),
            ("item", "m10", "10", "", "**10. Các Sở, ngành thành viên Ban Chỉ đạo:** Tiếp tục triển khai các chương trình."),
        ],
        issuer="Ban Chỉ đạo thực hiện công tác trẻ em trên địa bàn tỉnh Bắc Kạn",
        subject="Kết luận cuộc họp",
    )
    letter = _doc(
        "cong-van",
        "2023-10-10",
        [
            ("item", "m4", "4", "", "4. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Y tế:"),
            ("bullet", "m4-b1", "-", "m4", "- Ban hành quy chế phối hợp."),
        ],
        number="5310/UBND-KGVX",
        subject="Tăng cường công tác trẻ em",
    )
    return Corpus(documents=(letter, conclusions), root=Path("."))


def test_golden_agency_page(golden: Callable[[str, str], None]) -> None:
    out = pages(corpus())
    golden("co-quan/so-y-te-tinh-bac-kan.md", out["co-quan/so-y-te-tinh-bac-kan.md"])
    golden("co-quan/index.md", out["co-quan/index.md"])


def test_every_page_has_one_h1_and_search_boost() -> None:
    for path, text in pages(corpus()).items():
        assert len(re.findall(r"^# ", text, flags=re.M)) == 1, path
        if path.count("/") == 1 and not path.endswith(("index.md", "theo-cap.md", "theo-tinh.md", "theo-nganh.md")):
            assert text.startswith("---\nsearch:\n  boost: 3\n---\n"), path


def test_source_text_is_escaped() -> None:
    page = pages(corpus())["co-quan/so-y-te-tinh-bac-kan.md"]
    assert "&lt;dưới 6 tuổi&gt; \\[sic\\]" in page
    assert "<dưới" not in page


def test_pages_are_deterministic() -> None:
    assert pages(corpus()) == pages(corpus())


def test_newest_first() -> None:
    docs = [Document(source="", id=i, doc_type="", date=d) for i, d in (("a", ""), ("b", "2023-10-10"), ("c", "2024-01"))]
    assert [d.id for d in newest_first(docs)] == ["c", "b", "a"]


def test_sector_index_gathers_every_level() -> None:
    text = pages(corpus())["co-quan/theo-nganh.md"]
    assert "## Ngành Y tế {#y-te}" in text
    assert "[Sở Y tế tỉnh Bắc Kạn](so-y-te-tinh-bac-kan.md)" in text


def _guidance(doc_id: str, province: str, addressee: str) -> Document:
    d = _doc(doc_id, "2023-03", [("item", "m1", "1", "", f"1. {addressee}: Triển khai Tháng hành động vì trẻ em.")])
    d = replace(d, province=province)
    return replace(d, duties=extract_duties(d), memberships=extract_memberships(d))


def test_a_group_whose_name_means_every_so_shares_its_duties_with_each_so_of_that_province() -> None:
    """"Các sở, ban, ngành" of Kon Tum includes Sở Y tế tỉnh Kon Tum; not Bắc Kạn's; "thành viên BCĐ" only as named."""
    kon_tum = _guidance("kon-tum", "Kon Tum", "Các sở, ban, ngành, địa phương")
    named = _guidance("kon-tum-yte", "Kon Tum", "Sở Y tế")  # the corpus names Sở Y tế tỉnh Kon Tum
    out = pages(Corpus(documents=(*corpus().documents, kon_tum, named), root=Path(".")))
    kt = out["co-quan/so-y-te-tinh-kon-tum.md"]
    assert "../van-ban/kon-tum.md#m1" in kt and "chung</span>" in kt
    assert "cac-so-ban-nganh-dia-phuong-tinh-kon-tum.md" in kt  # listed under "Thuộc nhóm cơ quan"
    bk = out["co-quan/so-y-te-tinh-bac-kan.md"]
    assert "kon-tum.md#m1" not in bk  # another province's group
    # the BCĐ group names its members in the text; Sở Lao động of Bắc Kạn is not one of them
    ld = out["co-quan/so-lao-dong-thuong-binh-va-xa-hoi-tinh-bac-kan.md"]
    assert "ket-luan.md#m10" not in ld


def test_the_issuer_has_a_page_listing_what_it_issued() -> None:
    """The BCĐ that issued the conclusions gets a page with "Văn bản ban hành", though nothing is assigned to it."""
    out = pages(corpus())
    page = out["co-quan/ban-chi-dao-thuc-hien-cong-tac-tre-em-tren-dia-ban-tinh-bac-kan.md"]
    assert page.startswith("---\nsearch:\n  boost: 3\n---\n\n# Ban Chỉ đạo thực hiện công tác trẻ em trên địa bàn tỉnh Bắc Kạn\n")
    assert "## Văn bản ban hành {#ban-hanh}" in page and "(../van-ban/ket-luan.md)" in page
    assert "1 văn bản ban hành" in out["co-quan/index.md"]
