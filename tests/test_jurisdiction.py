"""resolve/jurisdiction.py: one vocabulary of administrative units for every jurisdiction question."""

from __future__ import annotations

import pytest

from tracuu.model.jurisdiction import Jurisdiction
from tracuu.model.records import Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.registries.vocabulary import AdminUnit, vocabulary
from tracuu.resolve.jurisdiction import (
    cited_jurisdiction,
    document_province,
    jurisdiction,
    local_jurisdiction,
    place_unit,
    places,
    province_of,
    unit_word,
)


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


# --- the one place-name grammar: every question reads places through ``places`` ----------------

_CAT_TIEN = "Phó Chủ tịch UBND tỉnh Lâm Đồng Phạm S vừa ký văn bản phê bình Chủ tịch UBND huyện Cát Tiên và Chủ tịch UBND xã Đồng Nai Thượng"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real: sources/2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan.txt (date line, issuer)
        ("TP. Bắc Kạn", [("TP.", "thành phố", "Bắc Kạn")]),
        ("Ủy ban nhân dân thành phố Bắc Kạn", [("thành phố", "thành phố", "Bắc Kạn")]),
        # real: tests/realdocs/dev/lamdong_phe_binh_cat_tien_duoi_nuoc_2023.txt (a person's name runs on)
        (_CAT_TIEN, [("tỉnh", "tỉnh", "Lâm Đồng Phạm S"), ("huyện", "huyện", "Cát Tiên"), ("xã", "xã", "Đồng Nai Thượng")]),
        # real: tests/realdocs/dev/danviet_hcm_chi_thi_mam_non.txt ("TP.HCM": no space after the unit)
        ("Gần đây, tại TP.HCM liên tiếp xảy ra các vụ hành hạ", [("TP.", "thành phố", "HCM")]),
        # real: sources/2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen.txt (a committee named after its place)
        ("Ban Thường vụ Tỉnh ủy Thái Nguyên tại Công văn số 1740-CV/TU", [("Tỉnh ủy", "tỉnh", "Thái Nguyên")]),
        ("UBND thị xã Sơn Tây", [("thị xã", "thị xã", "Sơn Tây")]),  # "xã" inside "thị xã" is no second place
        ("Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu", [("tỉnh", "tỉnh", "Bà Rịa - Vũng Tàu")]),
        ("các tỉnh, thành phố trực thuộc Trung ương", [("thành phố", "thành phố", "")]),  # no name: no province
    ],
)
def test_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(p.written, p.unit, p.name(4, dashes=True)) for p in places(text)] == expected


def doc_of(issuer: str, province: str = "", place: str = "", date: str = "") -> Document:
    return Document(source="t", id="t", doc_type="Kế hoạch", issuer=issuer, province=province, place=place, date=date)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (doc_of("Ủy ban nhân dân thành phố Bắc Kạn", "Bắc Kạn", "TP. Bắc Kạn"), Jurisdiction("Bắc Kạn", "thành phố Bắc Kạn")),
        (doc_of("UBND huyện Cát Tiên", "Lâm Đồng", "Cát Tiên"), Jurisdiction("Lâm Đồng", "huyện Cát Tiên")),
        (doc_of("Huyện ủy Cát Tiên", "Lâm Đồng"), Jurisdiction("Lâm Đồng", "")),  # a committee is no district's body
        (doc_of("UBND xã Đồng Nai Thượng", "Lâm Đồng", date="2025-08-01"), Jurisdiction("Lâm Đồng", "xã Đồng Nai Thượng")),
        (doc_of("UBND xã Đồng Nai Thượng", "Lâm Đồng", date="2023-06-01"), Jurisdiction("Lâm Đồng", "")),  # districts then
        # a district whose name starts with an accented capital (read as "" before the one grammar)
        (doc_of("UBND huyện Ứng Hòa", "Hà Nội"), Jurisdiction("Hà Nội", "huyện Ứng Hòa")),
    ],
)
def test_jurisdiction_reads_places(doc: Document, expected: Jurisdiction) -> None:
    assert jurisdiction(doc) == expected


@pytest.mark.parametrize(
    ("place", "issuer", "body", "province"),
    [
        ("TP. Bắc Kạn", "Ủy ban nhân dân thành phố Bắc Kạn", [], "Bắc Kạn"),
        ("Hà Nội", "Sở Giáo dục và Đào tạo tỉnh Bà Rịa - Vũng Tàu", [], "Bà Rịa - Vũng Tàu"),  # a dash in the name
        ("Cát Tiên", "UBND huyện Cát Tiên", [(1, _CAT_TIEN)], "Lâm Đồng"),  # the province the text names
        ("Hà Nội", "Bộ Y tế", [(1, "Tỉnh ủy Thái Nguyên")], ""),  # a committee is not counted as the province
    ],
)
def test_document_province_reads_places(place: str, issuer: str, body: list[tuple[int, str]], province: str) -> None:
    assert document_province(place, issuer, body) == province


def test_cited_jurisdiction_of_a_committee() -> None:
    """Real: the 5310 letter cites "Công văn số 1740-CV/TU … của Ban Thường vụ Tỉnh ủy Thái Nguyên"."""
    assert cited_jurisdiction(SoKyHieu.parse("1740-CV/TU"), "Ban Thường vụ Tỉnh ủy Thái Nguyên", "Bắc Kạn", "") == "Thái Nguyên"


@pytest.mark.parametrize("unit", vocabulary().units, ids=lambda u: u.word)
def test_every_admin_unit_reads_its_example(unit: AdminUnit) -> None:
    found = places(unit.example)
    assert [(p.unit, p.name(4, dashes=True)) for p in found][:1] == [(unit.unit, unit.example.split(" ", len(unit.word.split()))[-1])]
    assert unit_word(unit.word) == ("" if unit.unit in ("xã", "phường", "đặc khu") else unit.unit)


@pytest.mark.parametrize(
    ("place", "unit"),
    [("TP. Bắc Kạn", "thành phố"), ("Tp.Huế", "thành phố"), ("Huyện Ba Bể", "huyện"), ("Thị xã Sơn Tây", "thị xã"),
     ("Bắc Kạn", ""), ("Hà Nội", "")],
)
def test_place_unit(place: str, unit: str) -> None:
    assert place_unit(place) == unit


def test_places_in_capitals_are_read_only_when_asked() -> None:
    """An issuer block prints its place in capitals ("UBND HUYỆN BA BỂ"); running text never does."""
    assert places("UBND HUYỆN BA BỂ") == []
    found = places("UBND HUYỆN BA BỂ", any_case=True)
    assert [(p.written, p.unit, p.run) for p in found] == [("HUYỆN", "huyện", "BA BỂ")]
