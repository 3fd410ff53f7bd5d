"""A reader opens a document page: one H1, the attribute panel, a working footnote."""

from __future__ import annotations

from typing import Any


def test_document_page_shows_h1_attributes_and_footnote(page: Any, site_url: str) -> None:
    page.goto(site_url + "van-ban/2023-03-huong-dan-cong-tac-tre-em-kon-tum/")
    h1s = page.query_selector_all("article h1")
    assert len(h1s) == 1
    assert h1s[0].inner_text().startswith("Hướng dẫn: Triển khai thực hiện công tác trẻ em")
    panel = page.locator(".doc-attrs")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Người ký" in text and "Nguyễn Thanh Tính" in text and "/HD-SLĐTBXH" in text
    ref = page.locator("article a.footnote-ref[href='#fn:1']").first
    ref.click()
    assert page.url.endswith("#fn:1")
    assert "Theo Kế hoạch số 2026/KH-UBND" in page.locator("[id='fn:1']").inner_text()


def test_clause_anchor_is_addressable(page: Any, site_url: str) -> None:
    page.goto(site_url + "van-ban/2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan/#m3-b1")
    target = page.locator("[id='m3-b1']")
    assert target.is_visible()
    assert "chăm sóc sức khỏe cho trẻ em" in target.inner_text()
