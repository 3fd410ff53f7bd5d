"""Readers' portal in a real browser: parent → hotline in ≤ 2 clicks, teachers' links land on clauses,
glossary tooltips on a document page, the forum chart shows the report's numbers."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest

pytestmark = pytest.mark.browser

ENTRY_TEXTS = ("Phụ huynh", "Dành cho cha mẹ, gia đình", "Khi trẻ em gặp nguy hiểm")


def _has_hotline(page: Any) -> bool:
    return bool(page.locator("article a[href='tel:111']").first.is_visible())


def test_parent_reaches_hotline_in_two_clicks(page: Any, site_url: str) -> None:
    page.goto(site_url)
    # Click 1: the parents' entry point on the home page.
    page.locator("article a", has_text="Dành cho cha mẹ, gia đình").first.click()
    page.wait_for_load_state()
    assert "huong-dan/phu-huynh" in page.url
    assert _has_hotline(page)
    # The statement naming 111 cites its source: a link to the paragraph or article that says it.
    src = page.locator("article .tracuu-basis a[href*='van-ban/']").first
    assert src.count() == 1
    # Click 2: the "Khi trẻ em gặp nguy hiểm" page from there also has it.
    page.locator("article a", has_text="Khi trẻ em gặp nguy hiểm").first.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.rstrip("/").endswith("huong-dan")
    assert _has_hotline(page)


def test_teachers_page_links_each_duty_to_an_existing_clause(page: Any, browser: Any, site_url: str) -> None:
    page.goto(site_url + "huong-dan/giao-vien/")
    quotes = page.locator("article blockquote")
    n = quotes.count()
    assert n >= 5
    links = page.eval_on_selector_all(
        "article blockquote + p a[href*='van-ban/']", "els => els.map(e => e.getAttribute('href'))"
    )
    assert len(links) == n, "every quotation is followed by its source link"
    checker = browser.new_page()
    for href in sorted(set(links)):
        url = urljoin(page.url, href)
        anchor = urlparse(url).fragment
        assert anchor, href
        checker.goto(url)
        assert checker.locator(f"[id='{anchor}']").count() == 1, f"{href}: anchor #{anchor} missing"
    checker.close()


def test_glossary_tooltip_on_a_document_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "van-ban/2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan/")
    abbr = page.locator("article abbr[title='Ủy ban nhân dân']").first
    assert abbr.inner_text() == "UBND"
    abbr.hover()
    # Material's content.tooltips turns the title into a tooltip element (waited for, not slept on).
    tip = page.locator(".md-tooltip--active, .md-tooltip2--active, [role='tooltip']").filter(has_text="Ủy ban nhân dân")
    tip.first.wait_for(state="visible")
    assert "Ủy ban nhân dân" in tip.first.inner_text()


def test_forum_chart_numbers_equal_the_report(page: Any, site_url: str) -> None:
    page.goto(site_url + "van-ban/2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan/")
    text = page.locator("[id='p1']").inner_text()
    stated = [int(n) for n in re.findall(r"có (\d+) câu hỏi", text)]
    total = int(re.search(r"với (\d+) câu hỏi", text).group(1))  # type: ignore[union-attr]
    page.goto(site_url + "chi-muc/so-lieu/")
    values = [int(v) for v in page.eval_on_selector_all("svg.chart .chart-value", "els => els.map(e => e.textContent)")]
    assert values == stated == [5, 3, 2, 2, 3, 2]
    assert sum(values) == total == 17
    rows = page.locator(".chart-table tbody tr").all_inner_texts()
    assert [int(r.split("\t")[-1].strip()) for r in rows[:-1]] == stated


def test_report_link_and_source_on_every_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "chu-de/an-toan-mang/")
    meta = page.locator("aside.tracuu-page-meta")
    assert "Trang được dựng ngày" in meta.inner_text()
    # The source file is editor matter: in the folded block, not in the reader's view.
    assert "data/topics.yml" not in meta.inner_text()
    assert "data/topics.yml" in (meta.locator("details.tracuu-editor").text_content() or "")


@pytest.mark.parametrize(
    "path",
    ["", "van-ban/2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen/", "co-quan/so-y-te-tinh-bac-kan/",
     "phap-ly/chi-thi-28-ct-tw-2023/", "chu-de/an-toan-mang/", "huong-dan/phu-huynh/"],
)
def test_report_link_opens_a_prefilled_issue(page: Any, site_url: str, path: str) -> None:
    from conftest import TEST_REPOSITORY

    page.goto(site_url + path)
    link = page.locator("aside.tracuu-page-meta a.tracuu-report")
    assert link.count() == 1 and link.inner_text() == "Báo lỗi / góp ý về trang này"
    href = link.get_attribute("href") or ""
    assert href.startswith(TEST_REPOSITORY + "/issues/new?title=")
    from urllib.parse import parse_qs

    query = parse_qs(urlparse(href).query)
    assert re.fullmatch(r"Góp ý trang: \S.{2,}", query["title"][0])  # names the page
    assert "/" + path in query["body"][0]  # the page's address
    # Material's repository widget (which calls api.github.com) stays off
    assert page.locator(".md-source").count() == 0
