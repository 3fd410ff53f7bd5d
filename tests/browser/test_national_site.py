"""Issue 12 "Done when", on the built site (``mkdocs build --strict`` of a clean ``tracuu build``).

- the 12 national instruments are pages with all their articles (counts of
  ../shared/national/SOURCES.md) and every article/khoản/điểm anchor of the text;
- every pinpoint link of the site lands on an element with that id;
- Bộ Y tế and Bộ LĐ-TB&XH list their duties under the Law, the Law named beside each;
- amendments are relations on both instruments' pages.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tracuu.build import load_corpus

pytestmark = pytest.mark.browser

LAW = "2016-04-05-luat-102-2016-qh13"
# (page id, articles) — ../shared/national/SOURCES.md's table
NATIONAL = [
    (LAW, 106),
    ("2017-05-09-nghi-dinh-56-2017-nd-cp", 58),
    ("2021-03-15-nghi-dinh-20-2021-nd-cp", 39),
    ("2019-12-26-thong-tu-28-2019-tt-bldtbxh", 10),
    ("2019-12-26-thong-tu-29-2019-tt-bldtbxh", 16),
    ("2020-11-28-thong-tu-14-2020-tt-bldtbxh", 17),
    ("2018-12-26-thong-tu-36-2018-tt-bldtbxh", 9),
    ("2017-06-23-thong-tu-09-2017-tt-btttt", 21),
    ("2017-05-15-thong-tu-23-2017-tt-byt", 7),
    ("2017-08-01-thong-tu-33-2017-tt-byt", 6),
    ("2017-08-18-thong-tu-34-2017-tt-byt", 10),
    ("2021-06-24-thong-tu-02-2021-tt-bldtbxh", 7),
]


class _Page(HTMLParser):
    """Ids, links (href) and list items' text of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.items: list[str] = []
        self._li: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
            if self._li:
                self._li[-1].append(f"[href={a['href']}]")
        if tag == "li":
            self._li.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._li:
            text = " ".join(self._li.pop())
            self.items.append(text)
            if self._li:
                self._li[-1].append(text)

    def handle_data(self, data: str) -> None:
        if self._li:
            self._li[-1].append(data)


@cache
def parsed(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def _html(site: Path, rel: str) -> Path:
    return site / rel / "index.html"


@pytest.mark.parametrize(("doc_id", "articles"), NATIONAL)
def test_each_instrument_is_a_page_with_all_its_articles_and_anchors(site_dir: Path, doc_id: str, articles: int) -> None:
    page = parsed(_html(site_dir, f"van-ban/{doc_id}"))
    doc = load_corpus().document(doc_id)
    assert doc is not None
    assert len(doc.articles) == articles
    article_ids = {i for i in page.ids if re.fullmatch(r"dieu-\d+[a-z]?", i)}
    assert len(article_ids) == len({a.article for a in doc.articles}) == articles
    units = {b.anchor for b in doc.body if b.anchor.startswith("dieu-")}
    assert units <= page.ids  # every article, khoản and điểm anchor of the text is on its page


def test_every_pinpoint_link_lands_on_its_unit(site_dir: Path) -> None:
    checked = 0
    broken: list[tuple[str, str]] = []
    for html in sorted(site_dir.rglob("*.html")):
        for href in parsed(html).hrefs:
            url = urlparse(href)
            if url.scheme or not url.fragment.startswith("dieu-"):
                continue
            target = Path(unquote(urljoin(html.as_posix(), url.path))) if url.path else html
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists() or url.fragment not in parsed(target).ids:
                broken.append((str(html.relative_to(site_dir)), href))
    assert checked > 300  # agency duties, "Được dẫn chiếu trong", citations in the texts, guidance
    assert broken == []


@pytest.mark.parametrize(("agency", "least"), [("bo-y-te", 5), ("bo-lao-dong-thuong-binh-va-xa-hoi", 6)])
def test_ministries_list_their_duties_under_the_law_with_the_law_named(site_dir: Path, agency: str, least: int) -> None:
    page = parsed(_html(site_dir, f"co-quan/{agency}"))
    under_law = [i for i in page.items if f"van-ban/{LAW}/#dieu-" in i and "Xem điều khoản" in i]
    assert len(under_law) >= least
    assert all("Luật Trẻ em số 102/2016/QH13" in i for i in under_law)


def test_amendments_are_relations_on_both_pages(site_dir: Path) -> None:
    amender = parsed(_html(site_dir, "phap-ly/luat-28-2018-qh14"))
    assert any(h.endswith(f"van-ban/{LAW}/#dieu-82") for h in amender.hrefs)
    law = parsed(_html(site_dir, f"van-ban/{LAW}"))
    assert any(h.rstrip("/").endswith("phap-ly/luat-28-2018-qh14") for h in law.hrefs)
