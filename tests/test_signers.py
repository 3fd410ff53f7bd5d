"""Closings of real documents (issue 11, point 7): joint signature blocks (``signers``), Party
header tables and numbers, "[1]"-style footnotes printed after the signature. Invented variants
of the layouts of Thông tư liên tịch, joint plans and Party Thông báo (VPTW)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracuu.model.corpus import Corpus
from tracuu.model.records import Signer
from tracuu.model.textutil import fold
from tracuu.parse.clean import clean
from tracuu.parse.layout import Layout, parse_layout
from tracuu.pipeline import parse_text
from tracuu.render.documents import render_document_page
from tracuu.resolve.index import build_index

HEAD = "Số: 5/KH-BYT-BGDĐT\nHà Nội, ngày 01 tháng 01 năm 2024\n\nKẾ HOẠCH\nVề việc A\n\nNội dung kế hoạch.\n\n"
A = Signer("Nguyễn Văn An", "KT. BỘ TRƯỞNG BỘ Y TẾ / THỨ TRƯỞNG")
B = Signer("Trần Thị Bình", "KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO / THỨ TRƯỞNG")


def lay(raw: str) -> Layout:
    return parse_layout(clean(raw))


@pytest.mark.parametrize(
    ("closing", "signers"),
    [
        ("KT. BỘ TRƯỞNG BỘ Y TẾ | KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTHỨ TRƯỞNG | THỨ TRƯỞNG\n"
         "Nguyễn Văn An | Trần Thị Bình", [A, B]),
        ("KT. BỘ TRƯỞNG BỘ Y TẾ        KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTHỨ TRƯỞNG        THỨ TRƯỞNG\n\n"
         "(Đã ký)        (Đã ký)\n\nNguyễn Văn An        Trần Thị Bình", [A, B]),
        ("KT. BỘ TRƯỞNG BỘ Y TẾ\nTHỨ TRƯỞNG\n\nNguyễn Văn An\n\nKT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTHỨ TRƯỞNG\n\n"
         "Trần Thị Bình", [A, B]),
        ("| KT. BỘ TRƯỞNG BỘ Y TẾ<br>THỨ TRƯỞNG<br><br>Nguyễn Văn An | KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO<br>"
         "THỨ TRƯỞNG<br><br>Trần Thị Bình |\n|---|---|", [A, B]),
        # one signer, Nơi nhận before it: one entry
        ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An",
         [Signer("Nguyễn Văn An", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")]),
    ],
)
def test_joint_signatures(closing: str, signers: list[Signer]) -> None:
    got = lay(HEAD + closing)
    assert got.signers == signers and got.signer == signers[0]
    assert [b.text for b in got.body] == ["Nội dung kế hoạch."]


NAMES = st.sampled_from(["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Quân", "H'Hen Niê", "Y Thị Lan", "Đặng Thị Hoa"])


@settings(deadline=None, max_examples=25)
@given(st.lists(NAMES, min_size=1, max_size=3, unique=True))
def test_signers_in_printed_order(names: list[str]) -> None:
    closing = "\n\n".join(f"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n{n}" for n in names)
    got = parse_text(HEAD + closing)
    assert [s.name for s in got.signers] == names and got.signer.name == names[0]
    assert got.contract()["signers"][0] == got.contract()["signer"]


PARTY = """| BAN CHẤP HÀNH TRUNG ƯƠNG<br>VĂN PHÒNG<br>* | ĐẢNG CỘNG SẢN VIỆT NAM<br>--------------- |
|---|---|
| Số 432-TB/VPTW | Hà Nội, ngày 15 tháng 3 năm 2017 |

THÔNG BÁO
KẾT LUẬN CỦA BAN BÍ THƯ VỀ CÔNG TÁC TRẺ EM

Ngày 10/3/2017, Ban Bí thư họp và kết luận như sau:

1. Các cấp ủy đảng tăng cường lãnh đạo công tác trẻ em[1].

{closing}

[1] Theo Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.
"""


@pytest.mark.parametrize(
    "closing",
    [
        "| Nơi nhận:<br>- Các tỉnh ủy, thành ủy,<br>- Lưu Văn phòng Trung ương. | T/L BAN BÍ THƯ<br>CHÁNH VĂN PHÒNG<br>"
        "<br>Nguyễn Văn Nên |\n|---|---|",
        "Nơi nhận:\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương.\n\nT/L BAN BÍ THƯ\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Nên",
    ],
)
def test_party_notice(closing: str) -> None:
    doc = parse_text(PARTY.format(closing=closing))
    assert (doc.doc_type, doc.number, doc.symbol, doc.date) == ("Thông báo", "432-TB/VPTW", "TB/VPTW", "2017-03-15")
    assert doc.subject == "KẾT LUẬN CỦA BAN BÍ THƯ VỀ CÔNG TÁC TRẺ EM"
    assert fold(doc.issuer) == fold("Văn phòng Ban Chấp hành Trung ương")  # the office of the body above it
    assert doc.signers == (Signer("Nguyễn Văn Nên", "T/L BAN BÍ THƯ / CHÁNH VĂN PHÒNG"),)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.header
    assert [(f.marker, f.number) for f in doc.footnotes] == [("[1]", "1")]
    assert all("[1] Theo" not in b.text for b in doc.body)
    assert [c.number for c in doc.citations] == ["20-CT/TW"]  # the footnote is still read for citations
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("block", "issuer"),
    [("TỈNH ỦY HÀ NAM\nVĂN PHÒNG\n*", "Văn phòng Tỉnh ủy Hà Nam"), ("HUYỆN ỦY BA BỂ\nVĂN PHÒNG", "Văn phòng Huyện ủy Ba Bể"),
     ("HUYỆN ỦY BA BỂ\nBAN TUYÊN GIÁO", "Ban tuyên giáo Huyện ủy Ba Bể"), ("TỈNH ỦY HÀ NAM\nBAN DÂN VẬN\n*", "Ban dân vận Tỉnh ủy Hà Nam")],
)
def test_party_office_is_the_office_of_the_committee_above(block: str, issuer: str) -> None:
    doc = parse_text(f"{block}\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-TB/VPTU\nPhủ Lý, ngày 15 tháng 3 năm 2017\n\nTHÔNG BÁO\n"
                     "Kết luận\n\nNội dung.\n\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Nên")
    assert (doc.issuer, doc.number, doc.signer.title) == (issuer, "12-TB/VPTU", "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG")


@pytest.mark.parametrize(
    ("raw", "notes"),
    [
        ("Nội dung có chú thích[1].\n\n[1] Theo Luật Trẻ em.", ["[1]"]),
        ("Danh sách:\n\n[1] Mục thứ nhất.\n\n[2] Mục thứ hai.", []),  # "[1]" marks no place in the text: a list
    ],
)
def test_bracket_footnotes_need_a_marker_in_the_text(raw: str, notes: list[str]) -> None:
    assert [f.marker for f in clean(raw).footnotes] == notes


def test_the_page_of_a_joint_document_names_every_signer(tmp_path: Path) -> None:
    doc = parse_text(HEAD + "KT. BỘ TRƯỞNG BỘ Y TẾ | KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTHỨ TRƯỞNG | THỨ TRƯỞNG\n"
                     "Nguyễn Văn An | Trần Thị Bình", doc_id="kh-lien-tich")
    corpus = Corpus(documents=(doc,), root=tmp_path)
    page = render_document_page(doc, corpus, build_index(corpus))
    row = next(line for line in page.splitlines() if "Người ký" in line)
    assert row.index("Nguyễn Văn An") < row.index("Trần Thị Bình")
    assert "KT. BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO / THỨ TRƯỞNG" in row


@pytest.mark.parametrize(
    "motto", ["ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
)
def test_a_motto_beside_the_issuer_on_one_line(motto: str) -> None:
    doc = parse_text(f"TỈNH ỦY HÀ NAM             {motto}\nVĂN PHÒNG\n*\nSố 12-TB/VPTU              Phủ Lý, ngày 15 tháng 3 "
                     "năm 2017\n\nTHÔNG BÁO\nKết luận của Thường trực Tỉnh ủy\n\nNội dung.\n\nT/L BAN THƯỜNG VỤ\n"
                     "CHÁNH VĂN PHÒNG\n\nNguyễn Văn Nên")
    assert (doc.issuer, doc.number, doc.place, doc.date) == ("Văn phòng Tỉnh ủy Hà Nam", "12-TB/VPTU", "Phủ Lý", "2017-03-15")
    assert motto in doc.header and doc.warnings == ()


def test_a_rule_line_in_the_body_is_kept() -> None:
    # Only the "|---|" under an unfolded signature row is layout; a "---" line of the text stays (fidelity).
    from tracuu.parse.clean import Line
    from tracuu.parse.closing import unfold_signature_tables

    lines = [Line(1, "{{ config.extra }}"), Line(2, "---"), Line(3, "***")]
    assert [ln.text for ln in unfold_signature_tables(lines)] == ["{{ config.extra }}", "---", "***"]
