"""resolve/jurisdiction.py: one vocabulary of administrative units for every jurisdiction question."""

from __future__ import annotations

import pytest

from tracuu.model.jurisdiction import Jurisdiction
from tracuu.model.records import Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.resolve.jurisdiction import cited_jurisdiction, jurisdiction, local_jurisdiction, province_of, unit_word


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("TP.", "thành phố"), ("TP", "thành phố"), ("Tp.", "thành phố"), ("Thành phố", "thành phố"),
        ("THÀNH PHỐ", "thành phố"), ("Thành  phố", "thành phố"), ("HUYỆN", "huyện"), ("Thị xã", "thị xã"),
        ("QUẬN", "quận"), ("Tỉnh", "tỉnh"), ("Tỉnh uỷ", "tỉnh"), ("Thành ủy", "thành phố"), ("Huyện ủy", "huyện"),
        ("Sở", ""), ("xã", ""),
    ],
)
def test_unit_word(written: str, unit: str) -> None:
    assert unit_word(written) == unit


@pytest.mark.parametrize(
    ("place", "province"),
    [("TP. Bắc Kạn", "Bắc Kạn"), ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("Huyện Ba Bể", "Ba Bể"), ("Hà Nội", "Hà Nội")],
)
def test_province_of(place: str, province: str) -> None:
    assert province_of(place) == province


def test_jurisdiction_is_a_value_that_still_unpacks() -> None:
    d = Document(source="t", id="t", doc_type="Báo cáo", place="TP. Bắc Kạn", province="Bắc Kạn")
    j = jurisdiction(d)
    assert j == Jurisdiction("Bắc Kạn", "thành phố Bắc Kạn")
    province, district = j
    assert (province, district) == ("Bắc Kạn", "thành phố Bắc Kạn")


@pytest.mark.parametrize(
    ("issuer", "province", "local"),
    [
        ("Ủy ban nhân dân thành phố Bắc Kạn", "Bắc Kạn", "thành phố Bắc Kạn"),  # a city's own document
        ("Ủy ban nhân dân tỉnh Bắc Kạn", "Bắc Kạn", "Bắc Kạn"),
        ("UBND huyện Ba Bể, tỉnh Bắc Kạn", "Bắc Kạn", "Bắc Kạn"),  # names its province: the province's
        ("Bộ Lao động - Thương binh và Xã hội", "", ""),
    ],
)
def test_local_jurisdiction(issuer: str, province: str, local: str) -> None:
    assert local_jurisdiction(Document(source="t", id="t", doc_type="Kế hoạch", issuer=issuer, province=province)) == local


@pytest.mark.parametrize(
    ("number", "issuer", "expected"),
    [
        ("782/KH-UBND", "", "thành phố Bắc Kạn"),  # no issuer named: the citing document's own
        ("782/KH-UBND", "Ủy ban nhân dân tỉnh", "Bắc Kạn"),  # "của UBND tỉnh": the province
        ("782/KH-UBND", "UBND tỉnh Kon Tum", "Kon Tum"),  # another province, as the citation says
        ("159/KH-UBND", "UBND huyện Ba Bể", "huyện Ba Bể"),
        ("13/2021/TT-BLĐTBXH", "", ""),  # a central form code
        ("56/KH-UBND", "Bộ Y tế", ""),  # a ministry is central
    ],
)
def test_cited_jurisdiction(number: str, issuer: str, expected: str) -> None:
    assert cited_jurisdiction(SoKyHieu.parse(number), issuer, "Bắc Kạn", "thành phố Bắc Kạn") == expected
