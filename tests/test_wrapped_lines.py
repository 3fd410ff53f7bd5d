"""Hard-wrapped copies: a web page or PDF text that keeps its printed line breaks.

Real snippets from tests/realdocs/dev/caobang_ubnd_qd2022_tthc_tre_em_2025.txt (a
thuvienphapluat copy) and sources/2021-09-30-thong-tu-13-2021-tt-bldtbxh.txt (Công
báo). A sentence broken over lines is one block, so the execution clause of a
decision is recognised whole and a list of recipients wrapped over two lines is
not read as the signer's title.
"""

from __future__ import annotations

import pytest

from tracuu.parse.clean import clean
from tracuu.parse.layout import Layout, parse_layout
from tracuu.pipeline import parse_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 2022/QĐ-UBND\nCao Bằng, ngày 27 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc A\n\n"


def lay(raw: str) -> Layout:
    return parse_layout(clean(raw))


@pytest.mark.parametrize(
    ("body", "joined"),
    [
        # the execution clause, broken inside "Ủy / ban nhân dân" and before "này./."
        (
            "Điều 4. Chánh Văn phòng Ủy\nban nhân dân tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định\nnày./.",
            "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế chịu trách nhiệm thi hành Quyết định này./.",
        ),
        # a date broken after "tháng": the next line starts with a number and a word
        (
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng\n6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;",
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;",
        ),
        # a lettered item going on over a second line
        (
            "a) Phối hợp với Sở Y tế theo dõi, đôn đốc, hướng dẫn,\nkiểm tra việc thực hiện thủ tục hành chính.",
            "a) Phối hợp với Sở Y tế theo dõi, đôn đốc, hướng dẫn, kiểm tra việc thực hiện thủ tục hành chính.",
        ),
        # a line ending on a word no sentence ends on ("theo", "số"): whatever the next line starts with
        (
            "Điều 1. Công bố kèm theo\nQuyết định này danh mục 18 thủ tục hành chính.",
            "Điều 1. Công bố kèm theo Quyết định này danh mục 18 thủ tục hành chính.",
        ),
        (  # Quyết định 2033/QĐ-UBND tỉnh Trà Vinh 2011 (thuvienphapluat copy)
            "Căn cứ Quyết định số\n267/QĐ-TTg ngày 22/02/2011 của Thủ tướng Chính phủ;",
            "Căn cứ Quyết định số 267/QĐ-TTg ngày 22/02/2011 của Thủ tướng Chính phủ;",
        ),
        (  # Kế hoạch 1274/KH-UBND tỉnh Cao Bằng 2024: a name broken at its hyphen
            "Thực hiện Quy chế giữa Bộ Lao động-\nThương binh và Xã hội, Bộ Giáo dục và Đào tạo;",
            "Thực hiện Quy chế giữa Bộ Lao động- Thương binh và Xã hội, Bộ Giáo dục và Đào tạo;",
        ),
        (  # Công văn 375/LĐTBXH-TE 2021 (trogiupluat copy): "lần thứ" / "XIII", "2021 -" / "2030"
            "Năm 2021 triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ\nXIII của Đảng, Chiến lược 10 năm 2021 -\n2030.",
            "Năm 2021 triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Chiến lược 10 năm 2021 - 2030.",
        ),
        # a label left alone on its line (Trà Vinh 2033/QĐ-UBND; Bắc Ninh 675/KH-UBND 2021)
        ("Điều\n1. Phê duyệt Chương trình bảo vệ trẻ em.", "Điều 1. Phê duyệt Chương trình bảo vệ trẻ em."),
        ("I. MỤC\nĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"),
        # an annex caption (Công báo copy of Thông tư 13/2021/TT-BLĐTBXH)
        (
            "(Ban hành kèm theo Thông tư số 13/2021/TT-BLĐTBXH ngày 30 tháng 9 năm 2021\ncủa Bộ trưởng Bộ Lao động - Thương binh và Xã hội)",
            "(Ban hành kèm theo Thông tư số 13/2021/TT-BLĐTBXH ngày 30 tháng 9 năm 2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)",
        ),
    ],
)
def test_a_sentence_broken_over_lines_is_one_block(body: str, joined: str) -> None:
    blocks = lay(HEAD + body).body
    assert [b.text for b in blocks] == [joined]
    assert blocks[0].line == lay(HEAD + body).body[0].line  # the block keeps its first line


@pytest.mark.parametrize(
    "body",
    [
        "1. Sở Y tế\na) Công khai danh mục thủ tục hành chính.",  # a label opens its own block
        "Điều 2. Trách nhiệm thực hiện\n1. Sở Y tế",
        "Đề nghị các đơn vị thực hiện các nội dung sau:\ntổ chức tuyên truyền.",  # a colon ends the lead-in
        "Quyết định này có hiệu lực kể từ ngày ký.\nsau đó các đơn vị báo cáo.",  # a full stop ends the sentence
        "Xét đề nghị của Giám đốc\nSở Lao động - Thương binh và Xã hội.",  # a capital after a full word: as printed
        "| STT | Tên TTHC |\n|---|---|\n| 1 | Cấp giấy |\nngày làm việc",  # never onto a table
    ],
)
def test_lines_that_do_not_go_on(body: str) -> None:
    assert len(lay(HEAD + body).body) >= 2


def test_the_execution_clause_wrapped_over_lines_gives_no_duty() -> None:
    doc = parse_text(
        HEAD
        + "Điều 2. Trách nhiệm thực hiện\n1. Sở Y tế\na) Công khai danh mục thủ tục hành chính.\n"
        + "Điều 3. Quyết định này có\nhiệu lực kể từ ngày ký.\n"
        + "Điều 4. Chánh Văn phòng Ủy\nban nhân dân tỉnh, Giám đốc Sở Y tế, Thủ trưởng các sở, ban, ngành, Giám đốc\n"
        + "Trung tâm Phục vụ hành chính công tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường\n"
        + "và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định\nnày./.\n"
        + "Nơi nhận:\n- Như Điều 4;\n- Lưu: VT.\nCHỦ TỊCH\nLê Hải Hòa\n",
        "qd.txt",
    )
    assert [(d.agency_text, d.role) for d in doc.duties] == [("Sở Y tế", "thực hiện")]


def test_a_recipient_wrapped_over_two_lines_is_not_the_signers_title() -> None:
    closing = (
        "Nơi nhận:\n- Như Điều 4;\n- Bộ Y tế;\n- VP UBND tỉnh: LĐVP, KGVX,\nTTTT, TTPVHCC;\n"
        "- Cổng thông tin điện tử tỉnh;\n- Lưu: VT, TTPVHCC(Đ).\nCHỦ TỊCH\nLê Hải Hòa\n"
    )
    got = lay(HEAD + "Điều 1. Nội dung.\n" + closing)
    assert (got.signer.name, got.signer.title) == ("Lê Hải Hòa", "CHỦ TỊCH")
    assert "VP UBND tỉnh: LĐVP, KGVX, TTTT, TTPVHCC" in got.noi_nhan


# Headers of hard-wrapped copies of real plans, as stored (thuvienphapluat.vn pages of
# Kế hoạch 98/KH-UBND tỉnh Cà Mau 2021 and 7849/KH-UBND tỉnh Lâm Đồng 2021): the Quốc
# hiệu broken after "CỘNG", the place broken inside "Lâm / Đồng", table-cell bars.
CA_MAU = (
    "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 98/KH-UBND\n|\nCà Mau, ngày 13\ntháng 7 năm 2021\n|\n"
    "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH PHÒNG NGỪA, GIẢM THIỂU TRẺ EM LAO ĐỘNG TRÁI QUY ĐỊNH\n"
    "CỦA PHÁP LUẬT GIAI ĐOẠN 2021-2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH CÀ\nMAU\n"
    "Căn cứ Quyết định số 782/QĐ-TTg ngày\n27 tháng 5 năm 2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng ngừa,\n"
)
LAM_DONG = (
    "ỦY\nBAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 7849/KH-UBND\n|\nLâm\nĐồng, ngày 03 tháng 11 năm 2021\n|\n"
    "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH PHÒNG, CHỐNG TAI NẠN, THƯƠNG TÍCH TRẺ EM GIAI ĐOẠN\n"
    "2021 - 2030 TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG\nThực hiện Quyết định số 1248/QĐ-TTg\n"
    "ngày 19/7/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương trình phòng, chống\n"
)


SON_LA = (  # thuvienphapluat copy of Kế hoạch 68/KH-UBND tỉnh Sơn La 2020: place and date each broken once
    "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\n|\nSố: 68/KH-UBND\n|\nSơn\nLa, ngày 11 tháng 3\nnăm 2020\n|\nKẾ HOẠCH\n"
    "VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN\n"
    "BÍ THƯ VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO, CHỈ ĐẠO XÂY DỰNG QUAN HỆ LAO ĐỘNG HÀI HÒA, ỔN\n"
    "ĐỊNH VÀ TIẾN BỘ TRONG TÌNH HÌNH MỚI\nCăn cứ Chỉ thị số 37-CT/TW ngày\n03/9/2019 của Ban Bí thư.\n"
)


@pytest.mark.parametrize(
    ("raw", "issuer", "place", "date", "subject_start"),
    [
        (SON_LA, "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Sơn La", "2020-03-11", "VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỈ THỊ"),
        (CA_MAU, "ỦY BAN NHÂN DÂN TỈNH CÀ MAU", "Cà Mau", "2021-07-13", "THỰC HIỆN CHƯƠNG TRÌNH PHÒNG NGỪA"),
        (LAM_DONG, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Lâm Đồng", "2021-11-03", "THỰC HIỆN CHƯƠNG TRÌNH PHÒNG, CHỐNG"),
    ],
)
def test_a_hard_wrapped_header(raw: str, issuer: str, place: str, date: str, subject_start: str) -> None:
    got = lay(raw)
    assert " ".join(got.issuer_lines) == issuer  # the broken Quốc hiệu is not read as the issuer's last words
    assert (got.doc_type, got.place, got.date) == ("Kế hoạch", place, date)
    assert got.subject.startswith(subject_start)


@pytest.mark.parametrize(
    ("lines", "place"),
    [
        ("UBND TỈNH\nHÀ NAM\nHà Nam, ngày 03 tháng 10 năm 2014\nSố: 12/KH-UBND\n", "Hà Nam"),  # the issuer's last line is no place
        ("Số: 12/KH-UBND\nThành phố Hồ\nChí Minh, ngày 03 tháng 10 năm 2014\n", "Thành phố Hồ Chí Minh"),
    ],
)
def test_only_a_capitalised_fragment_joins_the_date_line(lines: str, place: str) -> None:
    got = lay(lines + "\nKẾ HOẠCH\nVề việc A\n\nNội dung.")
    assert (got.place, got.date) == (place, "2014-10-03")


def test_a_lone_label_and_its_text_are_one_item() -> None:
    blocks = lay(HEAD + "Điều\n1. Phê duyệt Chương trình:\n1.\nMục tiêu:\n1.1. Mục tiêu tổng quát.").body
    assert [(b.anchor, b.text) for b in blocks] == [
        ("dieu-1", "Điều 1. Phê duyệt Chương trình:"),
        ("dieu-1-k1", "1. Mục tiêu:"),
        ("dieu-1-m1-1", "1.1. Mục tiêu tổng quát."),
    ]


# Copies that lost the type line (the page printed "KẾ HOẠCH" as an image or dropped it):
# thuvienphapluat copy of Kế hoạch 41/KH-UBND Bà Rịa - Vũng Tàu 2017 and dulieuphapluat
# copy of Kế hoạch 138/KH-UBND Hà Nội 2021.
@pytest.mark.parametrize(
    ("raw", "subject"),
    [
        (
            "ỦY BAN NHÂN DÂN |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 41/KH-UBND |\n"
            "Bà Rịa - Vũng Tàu, ngày 10 tháng 05 năm 2017 |\nTRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2017\n"
            "Căn cứ Quyết định số 572/QĐ-LĐTBXH ngày 19/4/2017 của Bộ Lao động-Thương binh và Xã hội.\n",
            "TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2017",
        ),
        (
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 138/KH-UBND | Hà Nội, ngày 03 tháng 6 năm 2021 |\n"
            "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VÌ TRẺ EM THÀNH PHỐ HÀ NỘI GIAI ĐOẠN 2021-2030\n"
            "Nâng cao nhận thức và cam kết trách nhiệm của các cấp, các ngành.\n",
            "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VÌ TRẺ EM THÀNH PHỐ HÀ NỘI GIAI ĐOẠN 2021-2030",
        ),
    ],
)
def test_a_capital_title_under_the_date_is_the_subject_when_the_type_line_is_lost(raw: str, subject: str) -> None:
    got = lay(raw)
    assert (got.doc_type, got.subject) == ("Kế hoạch", subject)
    assert any("loại văn bản suy từ ký hiệu KH" in w for w in got.warnings)  # the type is inferred, and says so
    assert got.body and got.body[0].text.startswith(("Căn cứ", "Nâng cao"))


@pytest.mark.parametrize(
    "raw",
    [
        # a Công văn: its trích yếu is the "V/v" line; a capital line below it is not a second one
        "UBND TỈNH HÀ NAM\nSố: 12/UBND-VX\nV/v tổ chức Tết Trung thu\nHà Nam, ngày 01 tháng 9 năm 2024\n"
        "KÍNH GỬI CÁC SỞ NGÀNH\nNội dung.\n",
        # a form code that names no type: nothing is guessed
        "UBND TỈNH HÀ NAM\nSố: 12/UBND\nHà Nam, ngày 01 tháng 9 năm 2024\nTĂNG CƯỜNG PHÒNG CHỐNG ĐUỐI NƯỚC\nNội dung.\n",
    ],
)
def test_no_title_is_taken_without_a_type_from_the_form_code(raw: str) -> None:
    got = lay(raw)
    assert got.subject in ("", "tổ chức Tết Trung thu")


def test_a_header_under_a_copied_sites_name() -> None:
    # the hethongphapluat copy of Quyết định 1269/QĐ-UBND TP.HCM 2017 opens with the site's name
    raw = (
        "Hệ thống pháp luật\n\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
        "Số: 1269/QĐ-UBND\n\nThành phố hồ Chí Minh, ngày 22 tháng 03 năm 2017\n\n \n\nQUYẾT ĐỊNH\n\n"
        "PHÊ DUYỆT CHƯƠNG TRÌNH PHÒNG NGỪA, GIẢM THIỂU LAO ĐỘNG TRẺ EM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH ĐẾN NĂM 2020\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nCăn cứ Bộ Luật lao động ngày 18 tháng 6 năm 2012;\n"
    )
    got = lay(raw)
    assert (got.doc_type, got.number, got.date) == ("Quyết định", "1269/QĐ-UBND", "2017-03-22")
    assert " ".join(got.issuer_lines) == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert any("1 dòng trước phần đầu văn bản" in w and "Hệ thống pháp luật" in w for w in got.warnings)
    assert got.header[0] == "Hệ thống pháp luật"  # kept as printed: nothing of the source is lost


def test_a_news_copy_is_not_read_from_below_its_first_lines() -> None:
    raw = "Tăng cường phòng, chống đuối nước học sinh dịp hè\n\nNgày 4/5, Bộ Giáo dục và Đào tạo có công điện.\n"
    assert not [w for w in lay(raw).warnings if "bỏ qua" in w]
