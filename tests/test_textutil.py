"""Slugs, folding and Vietnamese collation."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracuu.model.textutil import collation_key, fold, slugify, toc_slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đuối nước", "duoi-nuoc"),
        ("Đường dây nóng", "duong-day-nong"),  # Material's default slug gives "uong-day-nong"
        ("Sở Lao động - Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("Công văn 5310/UBND-KGVX", "cong-van-5310-ubnd-kgvx"),
        ("Thông tư 13/2021/TT-BLĐTBXH", "thong-tu-13-2021-tt-bldtbxh"),
        ("  ", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert toc_slugify(text, "-") == slug


@given(st.text())
def test_slug_is_url_safe_and_stable_under_normalisation(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*|", slug)
    assert slugify(unicodedata.normalize("NFD", text)) == slug


@pytest.mark.parametrize(
    ("a", "b"),
    [("xâm hại", "xam hai"), ("ĐUỐI NƯỚC", "duoi nuoc"), ("dục”", "duc"), (unicodedata.normalize("NFD", "bảo vệ"), "bao ve")],
)
def test_fold(a: str, b: str) -> None:
    assert fold(a) == b


def test_collation_puts_d_stroke_after_d_not_after_z() -> None:
    names = ["Yên Bái", "Điện Biên", "Đắk Lắk", "Bắc Kạn", "Dung", "An Giang", "Ân Thi", "Em"]
    assert sorted(names, key=collation_key) == ["An Giang", "Ân Thi", "Bắc Kạn", "Dung", "Đắk Lắk", "Điện Biên", "Em", "Yên Bái"]


def test_collation_orders_tones_after_letters() -> None:
    assert sorted(["bạo", "báo", "bao", "bảo"], key=collation_key) == ["bao", "bảo", "báo", "bạo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**5. Sở Y tế:**", "5. Sở Y tế:"),  # emphasis around a label
        ("## II. NHIỆM VỤ", "II. NHIỆM VỤ"),  # a Markdown heading mark
        ("Số *5310*/UBND", "Số 5310/UBND"),
        ("3*4 = 12", "3*4 = 12"),  # an asterisk between digits is text
        ("  *Ghi chú* ", "Ghi chú"),
    ],
)
def test_block_plain_drops_markup_once(text: str, expected: str) -> None:
    from tracuu.model.records import Block
    from tracuu.model.textutil import plain

    block = Block(kind="para", text=text, line=1, anchor="p1", level=0)
    assert plain(text) == expected
    assert block.plain == expected
