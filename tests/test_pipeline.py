"""pipeline: the facts a record takes from more than one place in the text."""

from __future__ import annotations

import pytest

from tracuu.pipeline import document_province


@pytest.mark.parametrize(
    ("place", "issuer", "body", "expected"),
    [
        ("Thái Nguyên", "Ủy ban nhân dân tỉnh Thái Nguyên", [], "Thái Nguyên"),
        ("TP. Bắc Kạn", "Ủy ban nhân dân thành phố Bắc Kạn", [], "Bắc Kạn"),  # the city is in its province
        ("TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", [], "Thành phố Hồ Chí Minh"),
        # a district's date line names the district: the province comes from what the text names
        ("Ba Bể", "Ủy ban nhân dân huyện Ba Bể",
         [(12, "Thực hiện Kế hoạch số 210/KH-UBND của UBND tỉnh Bắc Kạn; Sở Y tế tỉnh Bắc Kạn hướng dẫn.")], "Bắc Kạn"),
        ("Yên Thành", "Phòng Giáo dục và Đào tạo huyện Yên Thành", [], ""),  # nothing names the province: unknown
        ("Bà Rịa - Vũng Tàu", "", [], "Bà Rịa - Vũng Tàu"),
        ("Châu Đức", "", [(3, "trên địa bàn tỉnh Bà Rịa - Vũng Tàu")], "Bà Rịa - Vũng Tàu"),
        # ministries date their documents "Hà Nội": a central document has no province
        ("Hà Nội", "Bộ Lao động - Thương binh và Xã hội", [(5, "gửi UBND tỉnh Kon Tum")], ""),
        ("Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", [], "Hà Nội"),
        ("", "", [], ""),
    ],
)
def test_document_province(place: str, issuer: str, body: list[tuple[int, str]], expected: str) -> None:
    assert document_province(place, issuer, body) == expected
