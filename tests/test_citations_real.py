"""Citations in real documents (issue 11, point 8): never the document's own number, law-title
boundaries, lower-case titles cited by article, "Ð" (U+00D0) for "Đ", numbers without a ký hiệu.

Real snippets are from tests/realdocs/dev/ and sources/ (named); the rest are invented variants.
"""

from __future__ import annotations

import pytest

from tracuu.pipeline import parse_text

HEAD = "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: {number}\nHà Nội, ngày 30 tháng 9 năm 2021\n\nTHÔNG TƯ\nBan hành chỉ tiêu\n\n"


def cited(number: str, body: str) -> list[str]:
    doc = parse_text(HEAD.format(number=number) + body)
    return [c.number or c.title for c in doc.citations]


@pytest.mark.parametrize(
    ("number", "body", "expected"),
    [
        # sources/2021-09-30-thong-tu-13-…: the annex heading names the circular itself
        ("13/2021/TT-BLĐTBXH", "Điều 1. Nội dung.\n\nPhụ lục I\n(Ban hành kèm theo Thông tư số 13/2021/TT-BLĐTBXH)",
         []),
        ("13/2021/TT-BLĐTBXH", "Căn cứ Nghị định số 14/2017/NĐ-CP; Thông tư này thay thế Thông tư số 13/2020/TT-BLĐTBXH.",
         ["14/2017/NĐ-CP", "13/2020/TT-BLĐTBXH"]),
        ("782/KH-UBND", "Thực hiện Kế hoạch số 782/KH-UBND, các sở báo cáo.", []),
        ("", "Thực hiện Kế hoạch số 782/KH-UBND, các sở báo cáo.", ["782/KH-UBND"]),
    ],
)
def test_the_documents_own_number_is_no_citation(number: str, body: str, expected: list[str]) -> None:
    assert cited(number, body) == expected


def found(text: str) -> list[tuple[str, str, str]]:
    doc = parse_text(HEAD.format(number="1/2021/TT-BLĐTBXH") + "Điều 1. Phạm vi.\n\n" + text)
    return [(c.text, c.number, c.instrument) for c in doc.citations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bacgiang (dev): numbers printed without a ký hiệu, with the issuer after them
        ("triển khai thực hiện Chỉ thị số 06 của Chủ tịch UBND tỉnh về việc tăng cường chỉ đạo.",
         [("Chỉ thị số 06", "06", "chi-thi-06-chu-tich-ubnd-tinh")]),
        ("Chỉ thị số 02 của UBND huyện về việc tăng cường công tác quản lý.",
         [("Chỉ thị số 02", "02", "chi-thi-02-ubnd-huyen")]),
        ("và Văn bản số 863 của phòng LĐTBXH về nâng cao trách nhiệm.",
         [("Văn bản số 863", "863", "van-ban-863-phong-ldtbxh")]),
        ("theo Công văn số 1234 ngày 05/6/2023 của Bộ Y tế về tiêm chủng.",
         [("Công văn số 1234", "1234", "cong-van-1234-bo-y-te-2023")]),
        # without "số" as well: the type word, the number and the issuer after it
        ("tiếp tục thực hiện Chỉ thị 06 của Chủ tịch UBND tỉnh về phòng, chống đuối nước.",
         [("Chỉ thị 06", "06", "chi-thi-06-chu-tich-ubnd-tinh")]),
        # … but a year after a type word is that year's document, no number
        ("Thực hiện Kế hoạch 2024 của UBND tỉnh về công tác trẻ em.", []),
        # a bare number with nothing that says whose it is stays uncited
        ("Kế hoạch số 3 năm nay có nhiều điểm mới.", []),
        ("Kế hoạch 3 năm nay có nhiều điểm mới.", []),
        ("trong số 06 trường hợp của UBND tỉnh", []),
    ],
)
def test_numbers_without_a_symbol(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Ð" (U+00D0) typed for "Đ": the same instrument, the text as printed
        ("Căn cứ Nghị định số 56/2017/NÐ-CP ngày 09/5/2017 của Chính phủ.",
         [("Nghị định số 56/2017/NÐ-CP", "56/2017/NĐ-CP", "nghi-dinh-56-2017-nd-cp")]),
        ("Thực hiện Kế hoạch số 12/KH-BCÐ ngày 01/02/2024.",
         [("Kế hoạch số 12/KH-BCÐ", "12/KH-BCĐ", "ke-hoach-12-kh-bcd-2024")]),
    ],
)
def test_eth_for_d(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo Điều 11 Luật trẻ em năm 2016, trẻ em có quyền được khai sinh.", [("Luật trẻ em", "", "luat-tre-em")]),
        ("khoản 2 Điều 4 của Luật trẻ em quy định", [("Luật trẻ em", "", "luat-tre-em")]),
        ("phổ biến luật trẻ em đến người dân", []),  # lower case with no article: a common noun phrase
        ("Tuyên truyền Luật Trẻ em và tuyên truyền kỹ năng phòng, chống đuối nước.", [("Luật Trẻ em", "", "luat-tre-em")]),
        ("Căn cứ Luật Hôn nhân và gia đình năm 2014;",
         [("Luật Hôn nhân và gia đình", "", "luat-hon-nhan-va-gia-dinh")]),
        ("Căn cứ Luật Tổ chức chính quyền địa phương Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
         [("Luật Tổ chức chính quyền địa phương", "", "luat-to-chuc-chinh-quyen-dia-phuong")]),
        ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;",
         [("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "",
           "luat-to-chuc-hoi-dong-nhan-dan-va-uy-ban-nhan-dan")]),
    ],
)
def test_law_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected
