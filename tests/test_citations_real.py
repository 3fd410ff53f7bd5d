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
