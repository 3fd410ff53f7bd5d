"""Citation finding and resolution, as a table (eyecite / reporters-db style)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Document, Footnote
from tracuu.registries.instruments import Registry, load_registry, registry
from tracuu.resolve.citations import (
    Context,
    check_instruments,
    cite_document,
    find_citations,
    instrument_id_for_document,
    parse_date,
    resolve,
)

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "citations.jsonl"
EMPTY = Registry()
KON_TUM = Context("Kon Tum", "Kon Tum")
THAI_NGUYEN = Context("Thái Nguyên", "Thái Nguyên")
BAC_KAN = Context("Bắc Kạn", "Bắc Kạn")
CENTRAL = Context()


def C(text: str, type: str = "", number: str = "", date: str = "", issuer: str = "", id: str = "",
      title: str = "") -> dict[str, str]:
    """One expected citation in one line; empty fields are not checked except text."""
    return {k: v for k, v in dict(text=text, type=type, number=number, date=date, issuer=issuer,
                                  instrument=id, title=title).items() if v or k == "text"}


def found(text: str, ctx: Context) -> list[dict[str, str]]:
    out = []
    for m in find_citations(text, EMPTY):
        r = resolve(m, ctx, EMPTY)
        out.append(dict(text=m.text, type=r.type, number=r.number, date=r.date, issuer=r.issuer,
                        instrument=r.instrument, title=r.title))
    return out


CASES: list[tuple[str, Context, list[dict[str, str]]]] = [
    # a repeal clause ends the subject (sources/2019-12-26-thong-tu-28-2019-tt-bldtbxh.txt, Điều 10)
    ("Thông tư số 15/2014/TT-BLĐTBXH ngày 19 tháng 6 năm 2014 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn "
     "tổ chức Tháng hành động vì trẻ em hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.", CENTRAL,
     [C("Thông tư số 15/2014/TT-BLĐTBXH", "Thông tư", "15/2014/TT-BLĐTBXH", "2014-06-19",
        "Bộ trưởng Bộ Lao động - Thương binh và Xã hội", title="hướng dẫn tổ chức Tháng hành động vì trẻ em")]),
    # --- numbered, national
    ("theo Nghị định số 20/2021/NĐ-CP;", CENTRAL,
     [C("Nghị định số 20/2021/NĐ-CP", "Nghị định", "20/2021/NĐ-CP", id="nghi-dinh-20-2021-nd-cp")]),
    ("Căn cứ Nghị định 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số điều",
     CENTRAL, [C("Nghị định 56/2017/NĐ-CP", "Nghị định", "56/2017/NĐ-CP", "2017-05-09", "Chính phủ",
                 "nghi-dinh-56-2017-nd-cp", "quy định chi tiết một số điều")]),
    ("Thông tư số 13/2021/TT-BLĐTBXH ngày 30/9/2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành Bộ",
     KON_TUM, [C("Thông tư số 13/2021/TT-BLĐTBXH", "Thông tư", "13/2021/TT-BLĐTBXH", "2021-09-30",
                 "Bộ trưởng Bộ Lao động - Thương binh và Xã hội", "thong-tu-13-2021-tt-bldtbxh")]),
    ("Chỉ thị số 28-CT/TW ngày 25 tháng 12 năm 2023 của Bộ Chính trị về tăng cường", BAC_KAN,
     [C("Chỉ thị số 28-CT/TW", "Chỉ thị", "28-CT/TW", "2023-12-25", "Bộ Chính trị", "chi-thi-28-ct-tw-2023",
        "tăng cường")]),
    ("về việc thực hiện chỉ thị số 20-CT/TW;", THAI_NGUYEN,
     [C("chỉ thị số 20-CT/TW", "Chỉ thị", "20-CT/TW", id="chi-thi-20-ct-tw")]),
    ("Quyết định số 06/QĐ-TTg ngày 03 tháng 01 năm 2019 của Thủ tướng Chính phủ.", KON_TUM,
     [C("Quyết định số 06/QĐ-TTg", "Quyết định", "06/QĐ-TTg", "2019-01-03", "Thủ tướng Chính phủ",
        "quyet-dinh-06-qd-ttg-2019")]),
    ("Căn cứ Nghị quyết số 121/2020/QH14 ngày 19 tháng 6 năm 2020 của Quốc hội về tiếp tục", CENTRAL,
     [C("Nghị quyết số 121/2020/QH14", "Nghị quyết", "121/2020/QH14", "2020-06-19", "Quốc hội",
        "nghi-quyet-121-2020-qh14")]),
    ("Thực hiện Văn bản số 636/LĐTBXH-TE ngày 28 tháng 02 năm 2023 của Bộ Lao động – Thương binh và Xã hội về",
     KON_TUM, [C("Văn bản số 636/LĐTBXH-TE", "Văn bản", "636/LĐTBXH-TE", "2023-02-28",
                 "Bộ Lao động - Thương binh và Xã hội", "cong-van-636-ldtbxh-te-2023")]),
    # --- numbered, local: the citing document's province unless the citation says otherwise
    ("Kế hoạch số 782/KH-UBND, ngày 22/3/2023 của Ủy ban nhân dân tỉnh về triển khai", KON_TUM,
     [C("Kế hoạch số 782/KH-UBND", "Kế hoạch", "782/KH-UBND", "2023-03-22", "Ủy ban nhân dân tỉnh Kon Tum",
        "ke-hoach-782-kh-ubnd-kon-tum-2023")]),
    ("Kế hoạch số 782/KH-UBND ngày 22/3/2023", BAC_KAN,
     [C("Kế hoạch số 782/KH-UBND", number="782/KH-UBND", id="ke-hoach-782-kh-ubnd-bac-kan-2023")]),
    ("Kế hoạch số 782/KH-UBND ngày 22/3/2023 của UBND tỉnh Kon Tum", BAC_KAN,
     [C("Kế hoạch số 782/KH-UBND", issuer="UBND tỉnh Kon Tum", id="ke-hoach-782-kh-ubnd-kon-tum-2023")]),
    ("Kế hoạch số 2026/KH-UBND ngày 18 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh", KON_TUM,
     [C("Kế hoạch số 2026/KH-UBND", "Kế hoạch", "2026/KH-UBND", "2021-06-18",
        id="ke-hoach-2026-kh-ubnd-kon-tum-2021")]),
    ("Chương trình số 641/CTr-BCĐ, ngày 13/3/2023 về Chương trình công tác năm", KON_TUM,
     [C("Chương trình số 641/CTr-BCĐ", "Chương trình", "641/CTr-BCĐ", "2023-03-13",
        id="chuong-trinh-641-ctr-bcd-kon-tum-2023", title="Chương trình công tác năm")]),
    ("chỉ đạo của Ban Thường vụ Tỉnh ủy Thái Nguyên tại Công văn số 1740-CV/TU ngày 14/7/2023 về việc tăng",
     CENTRAL, [C("Công văn số 1740-CV/TU", "Công văn", "1740-CV/TU", "2023-07-14",
                 "Ban Thường vụ Tỉnh ủy Thái Nguyên", "cong-van-1740-cv-tu-thai-nguyen-2023")]),
    ("Chương trình hành động số 19-CTr/TU ngày 24/5/2013 của Ban Thường vụ Tỉnh ủy về việc", THAI_NGUYEN,
     [C("Chương trình hành động số 19-CTr/TU", "Chương trình", "19-CTr/TU", "2013-05-24",
        "Ban Thường vụ Tỉnh ủy Thái Nguyên", "chuong-trinh-19-ctr-tu-thai-nguyen-2013")]),
    ("Quyết định số 592/QĐ-UBND ngày 05/5/2021 của UBND tỉnh Bắc Kạn về việc phê duyệt", BAC_KAN,
     [C("Quyết định số 592/QĐ-UBND", "Quyết định", "592/QĐ-UBND", "2021-05-05", "UBND tỉnh Bắc Kạn",
        "quyet-dinh-592-qd-ubnd-bac-kan-2021")]),
    ("Kế hoạch số 159/KH-UBND ngày 01/10/2020 về hành động", Context("Bắc Kạn", "thành phố Bắc Kạn"),
     [C("Kế hoạch số 159/KH-UBND", date="2020-10-01", id="ke-hoach-159-kh-ubnd-thanh-pho-bac-kan-2020")]),
    # --- people's spacing and dashes
    ("Công văn số 4235/UBND- KGVX ngày 10/10/2023", THAI_NGUYEN,
     [C("Công văn số 4235/UBND- KGVX", "Công văn", "4235/UBND-KGVX", "2023-10-10",
        id="cong-van-4235-ubnd-kgvx-thai-nguyen-2023")]),
    ("Văn bản số 16619 /UBND-VX của UBND tỉnh", THAI_NGUYEN,
     [C("Văn bản số 16619 /UBND-VX", number="16619/UBND-VX", issuer="UBND tỉnh Thái Nguyên",
        id="cong-van-16619-ubnd-vx-thai-nguyen")]),
    ("Kế hoạch số 12/KH–UBND", KON_TUM, [C("Kế hoạch số 12/KH–UBND", number="12/KH-UBND")]),
    ("Số: *5310*/UBND-KGVX ngày 10/10/2023", THAI_NGUYEN, []),
    ("theo số *5310*/UBND-KGVX", THAI_NGUYEN, [C("*5310*/UBND-KGVX", "Công văn", "5310/UBND-KGVX")]),  # the document's own "Số:" line has a colon
    ("thực hiện Công văn số *5310*/UBND-KGVX", THAI_NGUYEN,
     [C("Công văn số *5310*/UBND-KGVX", number="5310/UBND-KGVX")]),
    # --- the type word missing: inferred from the form
    ("theo 45/HD-SLĐTBXH và 12/QĐ-UBND", KON_TUM,
     [C("45/HD-SLĐTBXH", "Hướng dẫn", "45/HD-SLĐTBXH"), C("12/QĐ-UBND", "Quyết định", "12/QĐ-UBND")]),
    # --- instruments known by name
    ("theo quy định của Luật Trẻ em; triển khai", BAC_KAN, [C("Luật Trẻ em", "Luật", id="luat-tre-em")]),
    ("Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015;", CENTRAL,
     [C("Luật Thống kê", "Luật", date="2015-11-23", id="luat-thong-ke", title="Luật Thống kê")]),
    ("Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của "
     "Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020;", CENTRAL,
     [C("Luật Xử lý vi phạm hành chính", date="2012-06-20", id="luat-xu-ly-vi-pham-hanh-chinh"),
      C("Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính", "Luật", date="2020-11-13",
        id="luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-xu-ly-vi-pham-hanh-chinh")]),
    ("Luật Trẻ em năm 2016", CENTRAL, [C("Luật Trẻ em", date="2016")]),
    ("Luật Trẻ em số 102/2016/QH13", CENTRAL,
     [C("Luật Trẻ em số 102/2016/QH13", "Luật", "102/2016/QH13", title="Luật Trẻ em")]),
    ("Bộ luật Hình sự và Luật Phòng, chống bạo lực gia đình", CENTRAL,
     [C("Bộ luật Hình sự", "Bộ luật"), C("Luật Phòng, chống bạo lực gia đình", "Luật")]),
    ("mục tiêu trong Chương trình hành động quốc gia vì trẻ em giai đoạn 2021 - 2030¹.", KON_TUM,
     [C("Chương trình hành động quốc gia vì trẻ em giai đoạn 2021 - 2030", "Chương trình",
        id="chuong-trinh-hanh-dong-quoc-gia-vi-tre-em-giai-doan-2021-2030")]),
    ("triển khai Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030.", KON_TUM,
     [C("Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030",
        id="chuong-trinh-hanh-dong-quoc-gia-vi-tre-em-giai-doan-2021-2030")]),
    ("triển khai Đề án 06 các cấp", KON_TUM, [C("Đề án 06", "Đề án", id="de-an-06", title="Đề án 06")]),
    ("Triển khai có hiệu quả Chương trình \"*Bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo trên môi "
     "trường mạng giai đoạn 2021-2025*\" trên địa bàn", BAC_KAN,
     [C("Chương trình \"*Bảo vệ và hỗ trợ trẻ em tương tác lành mạnh, sáng tạo trên môi trường mạng giai đoạn "
        "2021-2025*\"", "Chương trình",
        id="chuong-trinh-bao-ve-va-ho-tro-tre-em-tuong-tac-lanh-manh-sang-tao-tren-moi-truong-mang-giai-doan-2021-2025")]),
    # --- Đề án 06 is not Quyết định 06/QĐ-TTg
    ("Quyết định số 06/QĐ-TTg và Đề án 06", KON_TUM,
     [C("Quyết định số 06/QĐ-TTg", id="quyet-dinh-06-qd-ttg"), C("Đề án 06", id="de-an-06")]),
    # --- an issuer's name ends before the next body or the sentence's verb
    ("Kết luận số 71-KL/TW, ngày 12/3/2024 của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu", THAI_NGUYEN,
     [C("Kết luận số 71-KL/TW", "Kết luận", "71-KL/TW", "2024-03-12", "Ban Bí thư")]),
    ("Kế hoạch số 905/KH-UBND ngày 06/02/2023 của UBND tỉnh, Sở Tư pháp báo cáo như sau", KON_TUM,
     [C("Kế hoạch số 905/KH-UBND", issuer="UBND tỉnh Kon Tum", id="ke-hoach-905-kh-ubnd-kon-tum-2023")]),
    ("Quyết định số 88/QĐ-BVHTTDL ngày 01/3/2023 của Bộ Văn hóa, Thể thao và Du lịch về", CENTRAL,
     [C("Quyết định số 88/QĐ-BVHTTDL", issuer="Bộ Văn hóa, Thể thao và Du lịch")]),
    ("Văn bản số 3127/UBND - VX3 ngày 02/4/2024 của Ủy ban nhân dân tỉnh", KON_TUM,
     [C("Văn bản số 3127/UBND - VX3", "Văn bản", "3127/UBND-VX3", "2024-04-02")]),
    # --- law names: their own commas, organic laws naming a body, the sentence going on
    ("Căn cứ Luật Bảo vệ, chăm sóc và giáo dục trẻ em ngày 15/6/2004;", CENTRAL,
     [C("Luật Bảo vệ, chăm sóc và giáo dục trẻ em", "Luật", date="2004-06-15",
        id="luat-bao-ve-cham-soc-va-giao-duc-tre-em")]),
    ("Căn cứ Luật Khám bệnh, chữa bệnh năm 2023;", CENTRAL, [C("Luật Khám bệnh, chữa bệnh", date="2023")]),
    ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;", CENTRAL,
     [C("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "Luật", date="2003-11-26")]),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19/6/2015;", CENTRAL, [C("Luật Tổ chức Chính phủ", date="2015-06-19")]),
    ("tuyên truyền Luật Trẻ em đến từng bản, tổ dân phố", KON_TUM, [C("Luật Trẻ em", id="luat-tre-em")]),
    ("phổ biến Luật Hôn nhân và gia đình tới các hộ", KON_TUM, [C("Luật Hôn nhân và gia đình")]),
    ("Luật Trẻ em và Nghị định số 56/2017/NĐ-CP", CENTRAL, [C("Luật Trẻ em"), C("Nghị định số 56/2017/NĐ-CP")]),
    # international conventions: one instrument however the body is named
    ("theo Công ước của Liên hợp quốc về quyền trẻ em và Luật Trẻ em", CENTRAL,
     [C("Công ước của Liên hợp quốc về quyền trẻ em", "Công ước", id="cong-uoc-ve-quyen-tre-em"), C("Luật Trẻ em")]),
    ("Công ước Liên hợp quốc về Quyền trẻ em", CENTRAL,
     [C("Công ước Liên hợp quốc về Quyền trẻ em", "Công ước", id="cong-uoc-ve-quyen-tre-em")]),
    ("thực hiện Công ước về quyền trẻ em mà Việt Nam đã phê chuẩn", KON_TUM,
     [C("Công ước về quyền trẻ em", "Công ước", id="cong-uoc-ve-quyen-tre-em")]),
    ("Công ước số 138 của Tổ chức Lao động quốc tế về tuổi tối thiểu được đi làm việc", CENTRAL,
     [C("Công ước số 138 của Tổ chức Lao động quốc tế về tuổi tối thiểu được đi làm việc", "Công ước", title="Công ước số 138")]),
    ("Thực hiện Luật Trẻ em và các Công ước quốc tế mà Việt Nam đã ký kết", CENTRAL, [C("Luật Trẻ em")]),  # names none
    # --- negatives: not new instruments
    ("Ban hành kèm theo Thông tư này Bộ chỉ tiêu", CENTRAL, []),
    ("Theo dõi, hướng dẫn, báo cáo việc thực hiện Thông tư này.", CENTRAL, []),
    ("đã đề ra tại Kế hoạch trên", KON_TUM, []),
    ("theo quy định này và các quy định của pháp luật", KON_TUM, []),
    ("Ban Chỉ đạo Chương trình hành động quốc gia vì trẻ em tỉnh Kon Tum năm 2023", KON_TUM, []),
    ("Chương trình hành động quốc gia vì trẻ em trên địa bàn tỉnh Kon Tum năm 2023", KON_TUM, []),
    ("trong các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025", KON_TUM, []),
    ("từ các Chương trình “Gói mì hạnh phúc”, “Quỹ xe đạp chở ước mơ”", BAC_KAN, []),
    ("các quy định của pháp luật về “Bảo vệ trẻ em trên môi trường mạng”", BAC_KAN, []),
    ("Số: /TB-BCĐ", BAC_KAN, []),
    ("Sáng 24/1, 24/24 giờ, 1 lần/năm, Tổng đài 111", BAC_KAN, []),
    ("thực hiện Chương trình phòng ngừa, giảm thiểu trẻ em lao động giai đoạn 2021- 2025", BAC_KAN, []),
    ("Luật này có hiệu lực", CENTRAL, []),
]


@pytest.mark.parametrize(("text", "ctx", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_citation_table(text: str, ctx: Context, expected: list[dict[str, str]]) -> None:
    got = found(text, ctx)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert {k: g[k] for k in e} == e


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("text", "iso"),
    [("ngày 25 tháng 12 năm 2023", "2023-12-25"), ("ngày 30/9/2021", "2021-09-30"), ("ngày 05/5/2021", "2021-05-05"),
     ("ngày tháng 3 năm 2023", "2023-03"), ("không có ngày", ""), ("ngày 40/13/2021", "")],
)
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_spans_point_into_the_text() -> None:
    text = "Thực hiện Công văn số *5310*/UBND-KGVX và Luật Trẻ em."
    for m in find_citations(text, EMPTY):
        assert text[m.start : m.end] == m.text


def _doc(**kw: Any) -> Document:
    return Document(source="sources/x.txt", id="x", doc_type="Hướng dẫn", **kw)


def test_cite_document_walks_blocks_and_footnotes_in_order() -> None:
    doc = _doc(
        province="Kon Tum",
        body=(
            Block("item", "1. Kế hoạch số 2026/KH-UBND ngày 18 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh.", 19, "m1", 1),
            Block("item", "2. Thông tư số 13/2021/TT-BLĐTBXH và Kế hoạch số 2026/KH-UBND.", 43, "m2", 1),
        ),
        footnotes=(Footnote("1", "¹", "Theo Kế hoạch số 2026/KH-UBND ngày 18 tháng 6 năm 2021.", 25),),
    )
    cites = cite_document(doc, EMPTY)
    assert [(c.line, c.span.block if c.span else "") for c in cites] == [(19, "m1"), (25, "fn-1"), (43, "m2"),
                                                                        (43, "m2")]
    # the undated later mention is the dated one
    assert {c.instrument for c in cites if c.number == "2026/KH-UBND"} == {"ke-hoach-2026-kh-ubnd-kon-tum-2021"}
    for c in cites:
        assert c.span is not None
        text = doc.block(c.span.block).text if c.span.block != "fn-1" else doc.footnotes[0].text  # type: ignore[union-attr]
        assert text[c.span.start : c.span.end] == c.text


def test_a_corpus_document_is_the_instrument_it_cites() -> None:
    tt13 = Document(source="s.txt", id="tt13", doc_type="Thông tư", number="13/2021/TT-BLĐTBXH",
                    issuer="Bộ Lao động - Thương binh và Xã hội", date="2021-09-30")
    cv = Document(source="c.txt", id="cv", doc_type="Công văn", number="5310/UBND-KGVX",
                  issuer="Ủy ban nhân dân tỉnh Thái Nguyên", date="2023-10-10", province="Thái Nguyên")
    assert instrument_id_for_document(tt13, EMPTY) == "thong-tu-13-2021-tt-bldtbxh"
    assert instrument_id_for_document(cv, EMPTY) == found(
        "Công văn số 5310/UBND-KGVX ngày 10/10/2023 của UBND tỉnh Thái Nguyên", BAC_KAN)[0]["instrument"]
    assert instrument_id_for_document(_doc(number=""), EMPTY) == ""


# --------------------------------------------------------------------------- registry


def _examples() -> list[tuple[str, str, str, str]]:
    return [(i.id, ex, i.jurisdiction, i.date) for i in registry().instruments for ex in i.examples]


@pytest.mark.parametrize(("inst_id", "example", "jurisdiction", "date"), _examples(),
                         ids=[f"{e[0]}:{e[1][:30]}" for e in _examples()])
def test_registry_examples_resolve(inst_id: str, example: str, jurisdiction: str, date: str) -> None:
    reg = registry()
    ctx = Context(jurisdiction.split()[-2] if jurisdiction.startswith(("thành phố", "huyện")) else jurisdiction,
                  jurisdiction)
    if jurisdiction.startswith(("thành phố", "huyện")):
        ctx = Context(" ".join(jurisdiction.split()[2:]), jurisdiction)
    matches = find_citations(example, reg)
    assert matches, f"{example!r} finds nothing"
    assert resolve(matches[0], ctx, reg).instrument == inst_id


def test_every_registry_entry_has_an_example() -> None:
    assert all(i.examples for i in registry().instruments)


BAD = """\
- id: ok-entry
  title: Luật Trẻ em
  source: {title: sources/a.txt:3}
- id: no-source
  type: Luật
  title: Luật Thống kê
  source: {title: sources/a.txt:4}
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BAD, "instruments.yml:4: no-source: fact 'type' has no source"),
        ("- id: Bad Id\n  title: x\n  source: {title: a:1}\n", "instruments.yml:1: id 'Bad Id' must be"),
        ("- id: a\n  colour: red\n", "instruments.yml:2: unknown field 'colour'"),
        ("- id: a\n  title: x\n  source: {title: nowhere}\n", "instruments.yml:3: source 'nowhere' is not"),
        ("- id: a\n  title: x\n  source: {title: a:1}\n- id: a\n  title: y\n  source: {title: a:2}\n",
         "instruments.yml:4: duplicate id 'a' (first at line 1)"),
        ("- id: a\n  title: [x\n", "instruments.yml:3: YAML"),
    ],
)
def test_registry_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    from tracuu.model.problems import SourceError

    path = tmp_path / "instruments.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_registry(path)
    assert str(err.value).startswith(str(tmp_path / message.split(":")[0])) and message.split(":", 1)[1] in str(
        err.value
    )


def test_check_lists_unknown_instruments() -> None:
    doc = _doc(province="Kon Tum", body=(Block("para", "Theo Nghị định số 99/2099/NĐ-CP và Luật Trẻ em.", 7, "p1", 0),))
    doc = Document(**{**doc.__dict__, "citations": cite_document(doc, registry())})
    problems = check_instruments(Corpus((doc,), ROOT))
    assert [str(p) for p in problems] == [
        "sources/x.txt:7: văn bản được dẫn chiếu 'Nghị định 99/2099/NĐ-CP' (mã nghi-dinh-99-2099-nd-cp) chưa có "
        "trong data/instruments.yml; thêm mục với nguồn (source) cho từng thông tin"
    ]


# --------------------------------------------------------------------------- corpus snapshot


def test_corpus_snapshot(update_goldens: bool) -> None:
    """Every citation in sources/, sorted: the diff shows which citations a change gained or lost."""
    from tracuu.build import load_corpus

    corpus = load_corpus(ROOT)
    rows = sorted(
        json.dumps({"source": d.source, **c.contract(), "block": c.span.block if c.span else ""},
                   ensure_ascii=False, sort_keys=True)
        for d in corpus.documents
        for c in d.citations
    )
    actual = "\n".join(rows) + "\n"
    if update_goldens or not SNAPSHOT.exists():
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(actual, encoding="utf-8")
        if not update_goldens:
            pytest.fail("snapshot was missing and has been written; review and rerun")
    assert actual == SNAPSHOT.read_text(encoding="utf-8"), "citations changed; review, then pytest --update-goldens"
