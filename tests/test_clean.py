"""Cleaning steps, one table per step, on real snippets and invented variants."""

from __future__ import annotations

import unicodedata

import pytest

from tracuu.parse.clean import STEPS, clean


def texts(raw: str) -> list[str]:
    return [ln.text for ln in clean(raw).lines if ln.text.strip()]


def test_steps_are_named_and_nfc_first() -> None:
    assert [name for name, _ in STEPS][0] == "nfc"
    assert [name for name, _ in STEPS] == ["nfc", "strip_portal_chrome", "extract_footnotes", "rejoin_page_breaks"]


def test_nfc_composes_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Y tế tỉnh Bắc Kạn")
    assert texts(decomposed) == ["Sở Y tế tỉnh Bắc Kạn"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seed 002: portal toolbar and the caption after the ViewData marker go; the article stays.
        (
            "PublishingPortal - Block_BanTin_Toolbar\n\n24/01/2024\nTăng cỡ chữ Giảm cỡ chữ\nTiêu đề tin\n\n"
            " PublishingPortal - Block_BanTin_ViewData\n\nPhó Chủ tịch UBND tỉnh phát biểu\ntại cuộc họp\n\n"
            "Theo báo cáo đánh giá, năm 2023, công tác được tăng cường.",
            ["24/01/2024", "Tiêu đề tin", "Theo báo cáo đánh giá, năm 2023, công tác được tăng cường."],
        ),
        # a paragraph after ViewData that ends a sentence is text, not a caption
        (
            "PublishingPortal - Block_BanTin_ViewData\n\nSáng nay, Ban Chỉ đạo họp.",
            ["Sáng nay, Ban Chỉ đạo họp."],
        ),
        # words like "Chia sẻ" inside a sentence are text
        ("Các em được chia sẻ ý kiến.", ["Các em được chia sẻ ý kiến."]),
    ],
)
def test_strip_portal_chrome(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seed 000
        (
            "chưa được thường xuyên liên tục, nội dung và hình\n\nthức tuyên truyền chưa phong phú.",
            ["chưa được thường xuyên liên tục, nội dung và hình thức tuyên truyền chưa phong phú."],
        ),
        # seed 003: the first part ends with a comma
        (
            "- Kiểm tra, rà soát … khu dân cư,\n\nnhà cao tầng, khu vực thường xảy ra tai nạn.",
            ["- Kiểm tra, rà soát … khu dân cư, nhà cao tầng, khu vực thường xảy ra tai nạn."],
        ),
        # seed 004
        (
            "cộng tác viên làm công tác bảo vệ, chăm sóc trẻ em ở thôn, tổ\n\nthường xuyên nắm bắt, quản lý trẻ em.",
            ["cộng tác viên làm công tác bảo vệ, chăm sóc trẻ em ở thôn, tổ thường xuyên nắm bắt, quản lý trẻ em."],
        ),
        # not joined: the first paragraph ends a sentence
        ("Kết thúc câu.\n\nnhưng đoạn sau viết thường.", ["Kết thúc câu.", "nhưng đoạn sau viết thường."]),
        # not joined: the next paragraph is a list item
        ("1. Các sở, ban, ngành\n\na) Tổng hợp thông tin", ["1. Các sở, ban, ngành", "a) Tổng hợp thông tin"]),
        # not joined: the next paragraph starts with a capital
        ("Sở Y tế\n\nSở Tư pháp", ["Sở Y tế", "Sở Tư pháp"]),
    ],
)
def test_rejoin_page_breaks(raw: str, expected: list[str]) -> None:
    assert texts(raw) == expected


def test_footnote_dropped_into_a_paragraph_becomes_a_footnote() -> None:
    # seed 001 item 4: the page break put footnote ¹ between the two halves of the paragraph.
    raw = (
        "4. Phân bổ ngân sách và các mục tiêu, chỉ tiêu,\n\n"
        "¹ Theo Kế hoạch số 2026/KH-UBND ngày 18 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh.\n\n"
        "giải pháp, mô hình của Chương trình¹.\n"
    )
    c = clean(raw)
    assert [ln.text for ln in c.lines if ln.text] == [
        "4. Phân bổ ngân sách và các mục tiêu, chỉ tiêu, giải pháp, mô hình của Chương trình¹."
    ]
    assert [(f.number, f.marker, f.line) for f in c.footnotes] == [("1", "¹", 3)]
    assert c.footnotes[0].text.startswith("Theo Kế hoạch số 2026/KH-UBND")


def test_footnote_at_the_end_keeps_its_list_paragraphs() -> None:
    raw = "Nguyễn Thanh Tính\n\n² - Các Sở: Y tế; Tư pháp.\n\n- Hội Liên hiệp Phụ nữ tỉnh; Tỉnh Đoàn.\n"
    c = clean(raw)
    assert [ln.text for ln in c.lines if ln.text] == ["Nguyễn Thanh Tính"]
    assert c.footnotes[0].text == "- Các Sở: Y tế; Tư pháp.\n- Hội Liên hiệp Phụ nữ tỉnh; Tỉnh Đoàn."


@pytest.mark.parametrize("typo", ["Lòng ghép phòng, chống tai nạn", "bao che, chận chể, cố tình", "Số thứ thự"])
def test_typos_stay_verbatim(typo: str) -> None:
    assert texts(typo) == [typo]


def test_line_numbers_are_source_lines() -> None:
    c = clean("\n\nSố: /TB-BCĐ\n\nBắc Kạn, ngày tháng 01 năm 2024\n")
    assert [(ln.no, ln.text) for ln in c.lines if ln.text] == [(3, "Số: /TB-BCĐ"), (5, "Bắc Kạn, ngày tháng 01 năm 2024")]
