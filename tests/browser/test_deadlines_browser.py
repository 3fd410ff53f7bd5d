"""An official opens an agency's page and sees what recurs and when, and can take the calendar home."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urljoin

from icalendar import Calendar


def test_agency_page_lists_recurring_duties_and_serves_its_calendar(page: Any, site_url: str) -> None:
    # "UBND cấp huyện": the national texts give it duties due "trước ngày 20 hàng tháng" and on fixed days each year.
    page.goto(site_url + "co-quan/ubnd-huyen/")
    assert page.locator("article h2", has_text="Thời hạn").count() == 1
    recurring = page.locator("article h3:has-text('Định kỳ') + ul > li")
    assert recurring.count() >= 1
    first = recurring.first
    assert any(w in first.inner_text() for w in ("hằng năm", "hằng tháng", "hằng quý", "tháng một lần"))
    clause = first.locator("a").first.get_attribute("href") or ""
    assert "van-ban/" in clause and "#" in clause  # each recurring duty links to its clause
    soon = page.locator("article h3", has_text="Sắp đến hạn")
    assert soon.count() == 1 and "90 ngày tính từ" in soon.inner_text()

    link = page.locator("article a", has_text="Tải lịch nhiệm vụ (.ics)")
    href = link.get_attribute("href") or ""
    response = page.request.get(urljoin(page.url, href))
    assert response.ok
    cal = Calendar.from_ical(response.body())
    events = cal.walk("VEVENT")
    assert events, "the calendar holds the duties that can be placed on a day"
    for ev in events:
        assert isinstance(ev.decoded("dtstart"), dt.date)
        assert "/van-ban/" in str(ev["url"]) or str(ev["url"]).startswith("van-ban/")
    assert any("RRULE" in ev for ev in events)  # recurring duties come as recurrences, not one-off days
