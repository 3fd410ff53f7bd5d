"""An official walks home → agencies → Sở Y tế (Bắc Kạn) → a duty → the clause in the document."""

from __future__ import annotations

from typing import Any

import pytest

STYLESHEET = "assets/stylesheets/tracuu-agencies.css"


def test_walk_from_home_to_the_clause(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.locator("article a[href*='co-quan/']").first.click()
    page.wait_for_url("**/co-quan/")
    assert page.locator("article h1").inner_text() == "Cơ quan và nhiệm vụ"

    page.locator("article a", has_text="Sở Y tế tỉnh Bắc Kạn").first.click()
    page.wait_for_url("**/co-quan/so-y-te-tinh-bac-kan/")
    h1s = page.query_selector_all("article h1")
    assert len(h1s) == 1 and h1s[0].inner_text() == "Sở Y tế tỉnh Bắc Kạn"
    own = page.locator(".duty-list li", has=page.locator(".role-thuc-hien")).filter(
        has_not=page.locator(".role-chung")
    )
    assert own.count() == 2  # the 2024 conclusions give Sở Y tế two duties
    assert page.locator("button", has_text="In danh sách").is_visible()

    own.nth(1).locator("a", has_text="Xem điều khoản").click()
    page.wait_for_url("**/van-ban/2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan/#m3-b2")
    clause = page.locator("[id='m3-b2']")
    assert clause.is_visible()
    assert "Chỉ đạo, hướng dẫn các cơ sở khám bệnh" in clause.inner_text()


def test_print_view_is_a_checklist(page: Any, site_url: str) -> None:
    page.goto(site_url + "co-quan/so-y-te-tinh-bac-kan/")
    if not page.locator(f"link[href$='{STYLESHEET}']").count():
        pytest.skip(f"{STYLESHEET} is not in mkdocs.yml extra_css yet")
    page.emulate_media(media="print")
    assert not page.locator(".agency-print").is_visible()
    assert not page.locator(".md-header").is_visible()
    box = page.evaluate(
        "() => getComputedStyle(document.querySelector('.duty-list li'), '::before').borderTopStyle"
    )
    assert box == "solid"


def test_ministry_page_lists_the_indicators_it_leads(page: Any, site_url: str) -> None:
    page.goto(site_url + "co-quan/bo-lao-dong-thuong-binh-va-xa-hoi/")
    leads = page.locator(".duty-list li", has=page.locator(".role-chu-tri"))
    assert leads.count() >= 40
    assert page.locator(".duty-list li", has_text="0104. Số lượng, tỷ lệ xã, phường, thị trấn phù hợp với trẻ em").count() == 1
