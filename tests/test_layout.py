"""Layout rules of Vietnamese administrative documents (NĐ 30/2020/NĐ-CP), as table tests."""

from __future__ import annotations

import pytest

from tracuu.parse.clean import clean
from tracuu.parse.layout import Layout, parse_layout
from tracuu.pipeline import parse_text


def lay(raw: str) -> Layout:
    return parse_layout(clean(raw))


@pytest.mark.parametrize(
    ("line", "number", "symbol"),
    [
        ("Số: /TB-BCĐ", "", "TB-BCĐ"),  # draft: number left blank
        ("Số: *5310*/UBND-KGVX", "5310/UBND-KGVX", "UBND-KGVX"),  # italics around the number
        ("Số: 13/2021/TT-BLĐTBXH", "13/2021/TT-BLĐTBXH", "TT-BLĐTBXH"),
        ("Số:   /HD-SLĐTBXH", "", "HD-SLĐTBXH"),
        ("Số: 4235/UBND- KGVX", "4235/UBND-KGVX", "UBND-KGVX"),  # spacing as typed
        ("Số: 28-CT/TW", "28-CT/TW", "CT/TW"),  # Party layout: the ký hiệu is everything after the number
        ("Số: 432-TB/VPTW", "432-TB/VPTW", "TB/VPTW"),
        ("Số: 88-KH/TĐTN-TTNTH", "88-KH/TĐTN-TTNTH", "KH/TĐTN-TTNTH"),  # Party layout with a drafting unit
        ("Số: 782/KH–UBND", "782/KH-UBND", "KH-UBND"),  # an en dash typed for the hyphen: normal form
    ],
)
def test_number_line(line: str, number: str, symbol: str) -> None:
    got = lay(f"{line}\n\nHà Nội, ngày 01 tháng 02 năm 2024\n\nTHÔNG BÁO\nVề việc A\n\nNội dung.")
    assert (got.number, got.symbol) == (number, symbol)
    assert not [w for w in got.warnings if "số/ký hiệu" in w]


def test_unreadable_number_is_kept_as_printed_with_a_warning() -> None:
    got = lay("Số: 12/ubnd\n\nHà Nội, ngày 01 tháng 02 năm 2024\n\nTHÔNG BÁO\nVề việc A\n\nNội dung.")
    assert (got.number, got.symbol) == ("12/ubnd", "")
    assert "line 1: số/ký hiệu '12/ubnd' không đúng dạng" in " ".join(got.warnings)


def test_party_number_without_type_line_names_the_type() -> None:
    got = lay("TỈNH ỦY HÀ NAM\nSố 09-CT/TU\n\nHà Nam, ngày 02 tháng 8 năm 2024\n\nNội dung.")
    assert (got.symbol, got.doc_type) == ("CT/TU", "Chỉ thị")


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Bắc Kạn, ngày tháng 01 năm 2024", "Bắc Kạn", "2024-01"),  # blank day
        ("Kon Tum, ngày   tháng 3 năm 2023", "Kon Tum", "2023-03"),
        ("Thái Nguyên, ngày *10* tháng 10 năm 2023", "Thái Nguyên", "2023-10-10"),
        ("TP. Bắc Kạn, ngày tháng 6 năm 2024", "TP. Bắc Kạn", "2024-06"),
        ("Hà Nội, ngày 30 tháng 9 năm 2021", "Hà Nội", "2021-09-30"),
        ("Hà Nội, ngày    tháng    năm 2025", "Hà Nội", "2025"),
    ],
)
def test_date_line(line: str, place: str, date: str) -> None:
    got = lay(f"Số: /KH-UBND\n{line}\n\nKẾ HOẠCH\nThực hiện công tác trẻ em\n\nNội dung.")
    assert (got.place, got.date) == (place, date)


@pytest.mark.parametrize(
    ("raw", "doc_type", "subject"),
    [
        ("## THÔNG BÁO\n\n### Kết luận cuộc họp năm 2023\n\nNgày 24 tháng 01 năm 2024, tại Hội trường.", "Thông báo", "Kết luận cuộc họp năm 2023"),
        ("HƯỚNG DẪN\nTriển khai công tác trẻ em trên địa bàn tỉnh\nnăm 2023\n\nThực hiện Văn bản số 636.", "Hướng dẫn", "Triển khai công tác trẻ em trên địa bàn tỉnh năm 2023"),
        ("BÁO CÁO\n\nThực hiện các kiến nghị của trẻ em tại Diễn đàn\n\nNgày 13/6/2023, UBND thành phố tổ chức.", "Báo cáo", "Thực hiện các kiến nghị của trẻ em tại Diễn đàn"),
        ("THÔNG TƯ\nBan hành Bộ chỉ tiêu thống kê\nvề trẻ em\nCăn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;", "Thông tư", "Ban hành Bộ chỉ tiêu thống kê về trẻ em"),
        ("KẾ HOẠCH\n\nThực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị.\n\n1. Mục đích", "Kế hoạch", ""),
    ],
)
def test_type_and_subject(raw: str, doc_type: str, subject: str) -> None:
    got = lay("Số: /XX-UBND\nBắc Kạn, ngày 01 tháng 01 năm 2024\n\n" + raw)
    assert (got.doc_type, got.subject) == (doc_type, subject)


def test_cong_van_subject_from_vv_and_kinh_gui() -> None:
    got = lay(
        "**ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\n"
        "Số: *5310*/UBND-KGVX\nV/v tăng cường thực hiện công tác\nchăm sóc trẻ em\n\n"
        "Thái Nguyên, ngày *10* tháng 10 năm 2023\n\nKính gửi:\n\n- Các sở, ban, ngành của tỉnh;\n- UBND các huyện, thành phố.\n\n"
        "Thực hiện sự chỉ đạo của Tỉnh ủy, Chủ tịch UBND tỉnh có ý kiến như sau:\n"
    )
    assert got.doc_type == "Công văn"
    assert got.subject == "tăng cường thực hiện công tác chăm sóc trẻ em"
    assert got.kinh_gui == ["Các sở, ban, ngành của tỉnh", "UBND các huyện, thành phố"]
    assert got.issuer_lines == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"]
    assert got.body[0].text.startswith("Thực hiện sự chỉ đạo")


@pytest.mark.parametrize(
    ("closing", "name", "title"),
    [
        ("**TRƯỞNG BAN**\n\n**PHÓ CHỦ TỊCH UBND TỈNH  \nPhạm Duy Hưng**", "Phạm Duy Hưng", "TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND TỈNH"),
        ("**KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\nNguyễn Thanh Tính", "Nguyễn Thanh Tính", "KT.GIÁM ĐỐC / PHÓ GIÁM ĐỐC"),
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Thị Hà", "Nguyễn Thị Hà", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"),
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Anh", "Lê Văn Anh", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
        ("Pvk.CV72.LĐ\n\n\n\nLê Quang Tiến", "Lê Quang Tiến", ""),
        # Central Highlands names: one-letter words, apostrophes
        ("**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\nY Thị Lan", "Y Thị Lan", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"),
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nH'Hen Niê", "H'Hen Niê", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nKsor Y Đhăm", "Ksor Y Đhăm", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    ],
)
def test_signature(closing: str, name: str, title: str) -> None:
    got = lay(
        "Số: /TB-UBND\nBắc Kạn, ngày 01 tháng 01 năm 2024\n\nTHÔNG BÁO\nVề việc A\n\nNội dung thông báo.\n\n"
        "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\n" + closing
    )
    assert (got.signer.name, got.signer.title) == (name, title)
    assert got.noi_nhan == ["UBND tỉnh", "Lưu: VT"]
    assert [b.text for b in got.body] == ["Nội dung thông báo."]


def test_news_article() -> None:
    got = lay("24/01/2024\nQuan tâm công tác trẻ em năm 2024\nSáng 24/1, Ban Chỉ đạo họp.\n\nNội dung tin.\n\nThu Trang")
    assert (got.doc_type, got.date, got.subject, got.signer.name) == ("Tin bài", "2024-01-24", "Quan tâm công tác trẻ em năm 2024", "Thu Trang")
    assert got.number == ""


def anchors(raw: str) -> list[tuple[str, str, str]]:
    got = lay("Số: /KH-UBND\nHà Nội, ngày 01 tháng 01 năm 2024\n\nKẾ HOẠCH\nVề việc A\n\n" + raw)
    return [(b.kind, b.anchor, b.parent) for b in got.body]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (  # headed sections with bullets (seed 000)
            "### **1. Sở Y tế**\n\n- Việc một.\n\n- Việc hai.\n\n**2. Sở Tư pháp:** Việc ba.",
            [("heading", "m1", ""), ("bullet", "m1-b1", "m1"), ("bullet", "m1-b2", "m1"), ("item", "m2", "")],
        ),
        (  # numbered sub-sections with a paragraph (seed 004)
            "1. Đối với các đơn vị.\n\n1.1. Phòng Y tế.\n\nViệc một.\n\n1.2. Công an thành phố\n\nViệc hai.",
            [("item", "m1", ""), ("item", "m1-1", "m1"), ("para", "m1-1-p1", "m1-1"), ("item", "m1-2", "m1"), ("para", "m1-2-p1", "m1-2")],
        ),
        (  # Điều / khoản / điểm
            "Điều 2. Tổ chức thực hiện\n1. Bộ A chủ trì:\na) Việc a;\nb) Việc b.\n2. Các bộ khác.",
            [("heading", "dieu-2", ""), ("item", "dieu-2-k1", "dieu-2"), ("item", "dieu-2-k1-a", "dieu-2-k1"), ("item", "dieu-2-k1-b", "dieu-2-k1"), ("item", "dieu-2-k2", "dieu-2")],
        ),
        (  # annex: roman groups, indicator codes, pipe tables
            "Phụ lục I\nDANH MỤC\n| A | B |\n|---|---|\n| 1 | 0101 |\nPhụ lục III\nI. Chung\n0101. Dân số trẻ em\n1. Khái niệm\n- Chủ trì: Bộ A;",
            [("heading", "pl-i", ""), ("para", "pl-i-p1", "pl-i"), ("table", "pl-i-bang1", "pl-i"), ("heading", "pl-iii", ""),
             ("heading", "pl-iii-muc-i", "pl-iii"), ("heading", "pl-iii-0101", "pl-iii-muc-i"), ("item", "pl-iii-0101-m1", "pl-iii-0101"), ("bullet", "pl-iii-0101-m1-b1", "pl-iii-0101-m1")],
        ),
        (  # a lone "PHỤ LỤC" after the text, and "Phụ lục số 02:" with a colon
            "1. Việc một.\n\nPHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n| A | B |\n|---|---|\n| 1 | 2 |\nPhụ lục số 02:\nBiểu mẫu",
            [("item", "m1", ""), ("heading", "pl-kem-theo", ""), ("para", "pl-kem-theo-p1", "pl-kem-theo"),
             ("table", "pl-kem-theo-bang1", "pl-kem-theo"), ("heading", "pl-02", ""), ("para", "pl-02-p1", "pl-02")],
        ),
        (  # "Phụ lục" inside a sentence or before a title without a number is text
            "1. Các nhiệm vụ tại Phụ lục kèm theo.\n\nPhụ lục: xem văn bản riêng.",
            [("item", "m1", ""), ("para", "m1-p1", "m1")],
        ),
        (  # a closing sentence belongs to no item
            "1. Việc một.\n\nTrên đây là hướng dẫn của Sở./.",
            [("item", "m1", ""), ("para", "p1", "")],
        ),
    ],
)
def test_body_blocks_and_anchors(raw: str, expected: list[tuple[str, str, str]]) -> None:
    assert anchors(raw) == expected


def test_unnumbered_annex_after_the_signature_is_body_not_signature() -> None:
    got = lay(
        "Số: 7/KH-UBND\nLạng Sơn, ngày 15 tháng 4 năm 2024\n\nKẾ HOẠCH\nVề việc A\n\n1. Việc một.\n\n"
        "Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐoàn Văn Hà\n\n"
        "PHỤ LỤC\nNHIỆM VỤ\n\n| Nội dung | Cơ quan chủ trì |\n|---|---|\n| Tuyên truyền | Sở Y tế |"
    )
    assert got.signer.name == "Đoàn Văn Hà"
    assert [b.kind for b in got.body if b.annex] == ["heading", "para", "table"]


def test_anchors_are_stable_when_text_changes_elsewhere() -> None:
    base = "1. Việc một.\n\n- a\n\n2. Việc hai.\n\n- b"
    edited = "1. Việc một, sửa lời.\n\n- a đã sửa\n\n2. Việc hai.\n\n- b"
    assert [a for _, a, _ in anchors(base)] == [a for _, a, _ in anchors(edited)]


def test_issuer_from_issuer_block_is_title_cased() -> None:
    doc = parse_text("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 1/UBND-VX\nV/v trẻ em\n\nLào Cai, ngày 01 tháng 02 năm 2024\n\nNội dung.")
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_empty_file_is_a_document_with_a_warning() -> None:
    doc = parse_text("   \n", source="sources/rong.txt")
    assert doc.warnings == ("line 1: tệp rỗng",)


def test_two_column_header_flattened_on_one_line() -> None:
    got = lay(
        "UBND TỈNH LÀO CAI      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ      Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/KH-SYT      Lào Cai, ngày 05 tháng 3 năm 2024\n\n"
        "KẾ HOẠCH\nPhòng, chống đuối nước trẻ em năm 2024\n\nI. MỤC ĐÍCH\n1. Bảo đảm an toàn.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert (lay_fields := (got.number, got.place, got.date, got.doc_type)) == ("12/KH-SYT", "Lào Cai", "2024-03-05", "Kế hoạch"), lay_fields
    assert got.issuer_lines == ["UBND TỈNH LÀO CAI", "SỞ Y TẾ"]
    # numbered items of two roman sections do not collide
    assert [b.anchor for b in got.body] == ["muc-i", "muc-i-m1", "muc-ii", "muc-ii-m1"]


def test_number_without_colon_and_subject_stops_at_authority_line() -> None:
    got = lay(
        "Số 45/QĐ-UBND\nBắc Kạn, ngày 01 tháng 02 năm 2024\n\nQUYẾT ĐỊNH\nVề việc kiện toàn Ban Chỉ đạo\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nCăn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;\n"
    )
    assert (got.number, got.subject) == ("45/QĐ-UBND", "Về việc kiện toàn Ban Chỉ đạo")


def test_issuer_is_the_lower_body_of_a_two_level_block() -> None:
    doc = parse_text("UBND TỈNH LÀO CAI\nSỞ Y TẾ\n\nSố: 12/KH-SYT\nLào Cai, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nVề A\n\nNội dung.")
    assert doc.issuer.startswith("Sở Y tế")


# --- headers as they arrive from PDF/DOCX/web copies ---------------------------------------

HEADER_CASES = [
    (  # a header table pasted with its cell borders
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH SÓC TRĂNG | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 412/KH-UBND | Sóc Trăng, ngày 03 tháng 4 năm 2023 |\nKẾ HOẠCH\nTổ chức Diễn đàn trẻ em năm 2023\n"
        "Căn cứ Luật Trẻ em;\n",
        ("Kế hoạch", "412/KH-UBND", "Ủy ban nhân dân tỉnh Sóc Trăng", "Sóc Trăng", "2023-04-03",
         "Tổ chức Diễn đàn trẻ em năm 2023"),
    ),
    (  # every word of the header on its own line, cell borders alone on theirs
        "ỦY\nBAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\n|\nSố: 77 /QĐ-UBND\n|\nPhú Yên, ngày\n09 tháng 3 năm 2022\n|\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG ĐUỐI NƯỚC TRẺ EM\nNĂM 2022\nỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n"
        "Căn cứ Luật Trẻ em;\n",
        ("Quyết định", "77/QĐ-UBND", "Ủy ban nhân dân tỉnh Phú Yên", "Phú Yên", "2022-03-09",
         "VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG ĐUỐI NƯỚC TRẺ EM NĂM 2022"),
    ),
    (  # a Party document: the Party's motto opposite the committee
        "TỈNH ỦY HÀ NAM\n*\nSố 09-CT/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Nam, ngày 02 tháng 8 năm 2024\n\n"
        "CHỈ THỊ\nvề tăng cường công tác phòng, chống xâm hại trẻ em\n\nThực hiện Chỉ thị số 28-CT/TW.\n",
        ("Chỉ thị", "09-CT/TU", "Tỉnh ủy Hà Nam", "Hà Nam", "2024-08-02",
         "về tăng cường công tác phòng, chống xâm hại trẻ em"),
    ),
    (  # Youth Union: abbreviations stay as printed, a Party-style number with a drafting unit
        "BCH ĐOÀN TỈNH YÊN BÁI | ĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 88-KH/TĐTN-TTNTH | Yên Bái, ngày 02 tháng 6 năm 2023\n\n"
        "KẾ HOẠCH\nTổ chức hoạt động hè năm 2023\n\nI. MỤC ĐÍCH\n",
        ("Kế hoạch", "88-KH/TĐTN-TTNTH", "BCH đoàn tỉnh Yên Bái", "Yên Bái", "2023-06-02", "Tổ chức hoạt động hè năm 2023"),
    ),
    (  # Quốc hiệu above the issuer, the Sở's name broken over two lines, the date in figures
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nUBND TỈNH GIA LAI\nSỞ LAO ĐỘNG - THƯƠNG BINH\n"
        "VÀ XÃ HỘI\n\nSố:   31  /BC-SLĐTBXH\n\nGia Lai, ngày 08/01/2024\n\nBÁO CÁO\nCông tác trẻ em năm 2023\n\nThực hiện Văn bản số 1/UBND.\n",
        ("Báo cáo", "31/BC-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai", "Gia Lai", "2024-01-08",
         "Công tác trẻ em năm 2023"),
    ),
    (  # V/v on the number's line; the date's spaces lost in extraction
        "BỘ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "Số: 930/BYT-BMTE V/v\nphòng, chống tai nạn thương tích trẻ em | Hà Nội, ngày 14tháng 3năm 2023 |\n"
        "Kính gửi: Sở Y tế các tỉnh, thành phố\nNăm 2023, Bộ Y tế đề nghị:\n",
        ("Công văn", "930/BYT-BMTE", "Bộ Y tế", "Hà Nội", "2023-03-14", "phòng, chống tai nạn thương tích trẻ em"),
    ),
    (  # V/v printed under the date, a district's Phòng under its UBND
        "UBND HUYỆN TÂN KỲ\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 140/PGDĐT-THCS | Tân Kỳ, ngày 5 tháng 6 năm 2024\n"
        "V/v dạy bơi an toàn cho học sinh |\n\nKính gửi: Các trường THCS.\n\nPhòng yêu cầu:\n",
        ("Công văn", "140/PGDĐT-THCS", "Phòng Giáo dục và Đào tạo huyện Tân Kỳ", "Tân Kỳ", "2024-06-05",
         "dạy bơi an toàn cho học sinh"),
    ),
    (  # the office of the provincial UBND; type and trích yếu on one line
        "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nVĂN PHÒNG\n\nSố: 56/TB-VPUBND\n\nYên Bái, ngày 11 tháng 4 năm 2024\n\n"
        "THÔNG BÁO Kết luận của Phó Chủ tịch UBND tỉnh về công tác trẻ em\n\nNgày 09/4/2024, đồng chí Phó Chủ tịch kết luận:\n",
        ("Thông báo", "56/TB-VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Yên Bái", "Yên Bái", "2024-04-11",
         "Kết luận của Phó Chủ tịch UBND tỉnh về công tác trẻ em"),
    ),
    (  # a DOCX header table converted to Markdown, a <br> inside a cell
        "| **ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |\n"
        "|---|---|\n| Số: 61/KH-UBND | *Điện Biên, ngày 14 tháng 3 năm 2024* |\n\n**KẾ HOẠCH**\n\n"
        "**Phòng, chống xâm hại trẻ em năm 2024**\n\nThực hiện Luật Trẻ em, UBND tỉnh ban hành Kế hoạch:\n",
        ("Kế hoạch", "61/KH-UBND", "Ủy ban nhân dân tỉnh Điện Biên", "Điện Biên", "2024-03-14",
         "Phòng, chống xâm hại trẻ em năm 2024"),
    ),
    (  # a city's place name with its abbreviation; the trích yếu in capitals up to the body
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTHÀNH PHỐ HỒ CHÍ MINH | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 2210/KH-UBND | TP. Hồ Chí Minh, ngày 20 tháng 5 năm 2023 |\nKẾ HOẠCH\nTỔ CHỨC THÁNG HÀNH ĐỘNG VÌ TRẺ EM\n"
        "NĂM 2023\nNăm 2023, Thành phố tiếp tục triển khai Luật Trẻ em như sau:\n",
        ("Kế hoạch", "2210/KH-UBND", "Ủy ban nhân dân thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "2023-05-20",
         "TỔ CHỨC THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2023"),
    ),
]


@pytest.mark.parametrize(("raw", "expected"), HEADER_CASES, ids=[c[1][1] for c in HEADER_CASES])
def test_header_layouts(raw: str, expected: tuple[str, ...]) -> None:
    doc = parse_text(raw)
    assert (doc.doc_type, doc.number, doc.issuer, doc.place, doc.date, doc.subject) == expected


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Cà Mau, ngày 05/6/2024", "Cà Mau", "2024-06-05"),
        ("Hà Nội, ngày 23tháng 02năm 2021", "Hà Nội", "2021-02-23"),
        ("TP. Hồ Chí Minh, ngày 7 tháng 3 năm 2024", "TP. Hồ Chí Minh", "2024-03-07"),
        ("Phan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2007", "Phan Rang-Tháp Chàm", "2007-03-05"),
        # a draft's blanks written as placeholders: only the year is known
        ("Vị Thanh, ngày … tháng … năm 2025", "Vị Thanh", "2025"),
        ("Cao Lãnh, ngày ... tháng ... năm 2023", "Cao Lãnh", "2023"),
        ("Đông Hà, ngày ___ tháng 9 năm 2024", "Đông Hà", "2024-09"),
        ("Tuy Hòa, ngày …. tháng 11 năm 2022", "Tuy Hòa", "2022-11"),
    ],
)
def test_date_line_forms(line: str, place: str, date: str) -> None:
    got = lay(f"Số: 3/KH-UBND\n{line}\n\nKẾ HOẠCH\nVề việc A\n\nNội dung.")
    assert (got.place, got.date) == (place, date)


@pytest.mark.parametrize(
    ("closing", "name", "title", "noi_nhan"),
    [
        (  # the signature column beside the Nơi nhận list, wide gaps between them
            "Nơi nhận:                        CHỦ TỊCH\n- Như Điều 3;\n- Lưu: VT.                       Võ Văn Hai",
            "Võ Văn Hai", "CHỦ TỊCH", ["Như Điều 3", "Lưu: VT"],
        ),
        (  # a two-column table pasted with its cell borders
            "| Nơi nhận:\n- Như trên;\n- Lưu: VT, TE. | KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nLê Thị Bình |",
            "Lê Thị Bình", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", ["Như trên", "Lưu: VT, TE"],
        ),
        (  # a copy's note where the signature was
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nĐỗ Minh Tâm",
            "Đỗ Minh Tâm", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", ["Như trên", "Lưu: VT"],
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n[đã ký]\n\nHà Văn Sáu",
            "Hà Văn Sáu", "T/M BAN THƯỜNG VỤ / BÍ THƯ", ["Lưu: VT"],
        ),
    ],
)
def test_signature_layouts(closing: str, name: str, title: str, noi_nhan: list[str]) -> None:
    got = lay("Số: 5/QĐ-UBND\nBắc Kạn, ngày 01 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\nVề việc A\n\nĐiều 1. Nội dung.\n\n" + closing)
    assert (got.signer.name, got.signer.title, got.noi_nhan) == (name, title, noi_nhan)
    assert [b.text for b in got.body] == ["Điều 1. Nội dung."]


@pytest.mark.parametrize(
    ("raw", "date", "subject", "byline"),
    [
        ("Trang chủ > Tin tức > Xã hội\nThứ Sáu, 07/06/2024 - 10:20\nLào Cai phát động Tháng hành động vì trẻ em\n"
         "Sáng 7/6, tỉnh tổ chức lễ phát động.\n\nHồng Duyên", "2024-06-07", "Lào Cai phát động Tháng hành động vì trẻ em",
         "Hồng Duyên"),
        ("Yên Bái tập huấn kỹ năng phòng, chống đuối nước\n\n12/07/2023 - 08:05\n\nNgày 11/7, Sở tổ chức tập huấn.\n\n"
         "THANH HÀ", "2023-07-12", "Yên Bái tập huấn kỹ năng phòng, chống đuối nước", "THANH HÀ"),
        ("Cập nhật lúc: 14:30 02/05/2022\nHà Giang ra quân hè an toàn\nNội dung tin.\n\nMinh Khoa (Sở LĐ-TB&XH)",
         "2022-05-02", "Hà Giang ra quân hè an toàn", "Minh Khoa"),
    ],
)
def test_news_layouts(raw: str, date: str, subject: str, byline: str) -> None:
    got = lay(raw)
    assert (got.doc_type, got.date, got.subject, got.signer.name) == ("Tin bài", date, subject, byline)
