"""Issue 13, points 3 and 6, in the browser: an agency's page leads with its own duties by
role and filters by role without script; a document page shows its header as printed,
downloads its source verbatim and lists related documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TN_HEALTH = "co-quan/so-y-te-tinh-thai-nguyen/"
TN_EDUCATION = "co-quan/so-giao-duc-va-dao-tao-tinh-thai-nguyen/"
TN_LETTER = "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen"


def _headings(page: Any) -> list[str]:
    return [h.strip() for h in page.locator(".duty-sections h3").all_inner_texts()]


def test_health_department_sees_its_groups_support_duties(page: Any, site_url: str) -> None:
    page.goto(site_url + TN_HEALTH)
    assert _headings(page) == ["Phối hợp (1)", "Giao chung qua nhóm (10)"]
    shared = page.locator("section.duty-role", has=page.locator("#giao-chung"))
    support = shared.locator(".duty-list li", has=page.locator(".role-phoi-hop"))
    assert support.count() == 4  # Sở GD's three and Sở LĐTBXH's first, "phối hợp với các sở, ban, ngành"
    assert shared.locator(".duty-group").inner_text().endswith("10 nhiệm vụ (4 phối hợp, 6 thực hiện)")
    # its own line (named in m4-b2) comes before every shared one
    own = page.locator("section.duty-role", has=page.locator("#phoi-hop")).locator(".duty-list li").first
    assert own.bounding_box()["y"] < shared.locator(".duty-list li").first.bounding_box()["y"]


def test_role_filter_works_without_javascript_and_print_lists_everything(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + TN_EDUCATION)
        assert _headings(page) == ["Chủ trì (3)", "Phối hợp (1)", "Giao chung qua nhóm (7)"]
        total = page.locator(".duty-list li").count()
        assert total == 11
        page.locator(".duty-filter a", has_text="Chủ trì").click()
        assert page.url.endswith("#chu-tri")
        assert page.locator("#chu-tri").is_visible()
        assert not page.locator("#giao-chung").is_visible() and not page.locator("#phoi-hop").is_visible()
        visible = [li for li in page.locator(".duty-list li").all() if li.is_visible()]
        assert len(visible) == 3
        # printing while filtered still gives the whole checklist
        page.emulate_media(media="print")
        assert all(li.is_visible() for li in page.locator(".duty-list li").all())
        assert not page.locator(".duty-filter").is_visible()
        page.emulate_media(media="screen")
        page.locator(".duty-filter a", has_text="Tất cả").click()
        assert sum(1 for li in page.locator(".duty-list li").all() if li.is_visible()) == total
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "selector"),
    [(TN_HEALTH, ".duty-filter"), (f"van-ban/{TN_LETTER}/", ".doc-actions")],
)
def test_what_to_do_with_the_page_is_in_a_phones_first_screen(browser: Any, site_url: str, path: str, selector: str) -> None:
    """The role filter of an agency page, the print/download buttons of a document page: not
    pushed below the first 390×844 screen by topic chips or the attribute table."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, box
    finally:
        context.close()


def test_member_of_a_steering_committee_gets_what_is_addressed_to_the_members(page: Any, site_url: str) -> None:
    page.goto(site_url + "co-quan/cuc-thong-ke-tinh-kon-tum/")
    assert "Chưa có nhiệm vụ nào" not in page.locator("article").inner_text()
    assert page.locator("#giao-chung ~ .duty-list li").count() == 11


def test_document_header_as_printed_two_columns_then_stacked(browser: Any, site_url: str) -> None:
    for width, side_by_side in ((1280, True), (390, False)):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        try:
            page.goto(site_url + f"van-ban/{TN_LETTER}/")
            issuer = page.locator(".doc-header__issuer")
            motto = page.locator(".doc-header__motto")
            lines = [x.strip() for x in issuer.inner_text().split("\n") if x.strip()]
            assert lines[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "Số: 5310/UBND-KGVX"]
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in motto.inner_text()
            assert "Thái Nguyên, ngày 10 tháng 10 năm 2023" in motto.inner_text()
            a, b = issuer.bounding_box(), motto.bounding_box()
            if side_by_side:
                assert abs(a["y"] - b["y"]) < 5 and b["x"] > a["x"] + a["width"] - 1
            else:
                assert b["y"] >= a["y"] + a["height"] - 1
            assert page.locator(".doc-actions button", has_text="In văn bản").is_visible()
        finally:
            context.close()


def test_print_button_prints_and_the_printout_is_the_document(page: Any, site_url: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(site_url + f"van-ban/{TN_LETTER}/")
    page.locator(".doc-actions button", has_text="In văn bản").click()
    page.wait_for_function("window.__printed === 1")
    page.emulate_media(media="print")
    # the printout: the header as printed and the text, no site chrome, no buttons
    assert page.locator(".doc-header__issuer").is_visible()
    assert page.locator("article h2#noi-dung").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".doc-actions", ".tracuu-editor", ".tracuu-tags"):
        assert not page.locator(chrome).first.is_visible(), chrome


def test_txt_download_returns_the_verbatim_source(page: Any, site_url: str) -> None:
    page.goto(site_url + f"van-ban/{TN_LETTER}/")
    link = page.locator(".doc-actions a", has_text="Tải văn bản gốc (.txt)")
    assert link.get_attribute("download") == f"{TN_LETTER}.txt"
    with page.expect_download() as info:
        link.click()
    got = Path(info.value.path()).read_bytes()
    assert got == (ROOT / "sources" / f"{TN_LETTER}.txt").read_bytes()


def test_related_documents_appear(page: Any, site_url: str) -> None:
    page.goto(site_url + "van-ban/2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan/")
    section = page.locator("h2#lien-quan + ul")
    assert "cùng sự việc" in section.inner_text()
    section.locator("a").first.click()
    page.wait_for_url("**/van-ban/2024-01-24-tin-bai-cong-tac-tre-em-bac-kan/")
