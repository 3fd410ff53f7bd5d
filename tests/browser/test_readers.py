"""Pages for readers, not editors (issue 13), on the built site.

- the number to dial (tel:111) is in the first screen of a 390×844 phone on the
  home page and the three guidance pages;
- no reader page shows editor matter (source paths, registry files, line
  numbers, ISO dates, "trang sinh tự động", the theme's English credit) outside
  the folded "Dành cho người biên tập" block;
- every link of the guidance pages lands on an existing page and anchor;
- the parents' page links to at least 3 articles of the Luật Trẻ em and quotes
  no duty list;
- topic items keep their indicator code ("0311. Số lượng …" is not a list);
- no link reads only a document type ("Chương trình", "Đề án", "Luật"): unnumbered
  instruments are linked by their title.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tracuu.build import load_corpus
from tracuu.registries.vocabulary import vocabulary

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
GUIDANCE = ["huong-dan/", "huong-dan/phu-huynh/", "huong-dan/giao-vien/"]
EDITOR_MATTER = re.compile(
    r"sources/\S*\.txt|data/\w+\.ya?ml|\bdòng \d+|\b\d{4}-\d{2}-\d{2}\b|Trang sinh tự động|Made with|Material for MkDocs"
)
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "param", "track"}


class _ReaderText(HTMLParser):
    """The text of a page a reader can see or unfold: no scripts, styles, head, or editor block.

    Only a *collapsed* editors' block is skipped: ``<details class="tracuu-editor">`` without
    ``open``; any other element carrying the class is read like the rest of the page.
    """

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        attr = dict(attrs)
        folded = tag == "details" and "open" not in attr and "tracuu-editor" in (attr.get("class") or "").split()
        hidden = tag in ("script", "style", "head", "svg") or folded
        self.stack.append(hidden)
        self.skip += hidden

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.skip -= self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def reader_text(html: str) -> str:
    p = _ReaderText()
    p.feed(html)
    return " ".join(p.parts)


@pytest.mark.parametrize("path", ["", *GUIDANCE, "huong-dan/tong-dai/"])
def test_tel_111_in_the_first_phone_screen(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path)
    link = page.locator("article a[href='tel:111']").first
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert page.evaluate("window.scrollY") == 0
    context.close()


def test_no_editor_matter_on_reader_pages(site_dir: Path) -> None:
    pages = sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 50
    offenders = {}
    for f in pages:
        hits = EDITOR_MATTER.findall(reader_text(f.read_text(encoding="utf-8")))
        if hits:
            offenders[str(f.relative_to(site_dir))] = hits[:3]
    assert offenders == {}
    # The editor block still holds the paths, folded.
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<details class="tracuu-editor">\s*<summary>Dành cho người biên tập</summary>', home)


@pytest.mark.parametrize(
    ("html", "seen"),
    [
        ('<p>x</p><details class="tracuu-editor"><summary>D</summary><p>sources/a.txt</p></details>', False),
        ('<details class="note tracuu-editor"><summary>D</summary><p>dòng 29</p></details><p>x</p>', False),
        ('<details class="tracuu-editor" open><summary>D</summary><p>sources/a.txt</p></details>', True),
        ('<div class="tracuu-editor"><p>data/instruments.yml</p></div>', True),
        ("<p>Theo Hướng dẫn, mục 5, dòng 29</p>", True),
        ("<p>Ngày 2023-10-10</p>", True),
    ],
)
def test_reader_text_skips_only_the_folded_editors_block(html: str, seen: bool) -> None:
    assert bool(EDITOR_MATTER.search(reader_text(html))) is seen


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")] if "<article" in html else ""


def test_no_link_reads_only_a_document_type(site_dir: Path) -> None:
    """A link to an unnumbered instrument reads by its title ("Chương trình phòng, chống bạo lực …"),
    never by the bare type word ("Chương trình", "Đề án", "Luật")."""
    types = {w.casefold() for t in vocabulary().types for w in (t.type, *t.citation_words)}
    assert {"luật", "chương trình", "đề án"} <= types
    bare: list[str] = []
    titled = 0
    for f in sorted(site_dir.rglob("*.html")):
        for attrs, inner in re.findall(r"<a\b([^>]*)>(.*?)</a>", _article(f.read_text(encoding="utf-8")), re.S):
            text = " ".join(unescape(re.sub(r"<[^>]+>", "", inner)).split())
            words = re.sub(r"\s+số$", "", text).casefold()
            if words in types:
                bare.append(f"{f.relative_to(site_dir)}: “{text}”")
            elif "phap-ly/" in attrs and not re.search(r"\d", text) and len(text.split()) >= 2:
                titled += 1
    assert bare == []
    assert titled >= 5  # the unnumbered instruments the corpus cites, each by its name


def _links(html: str) -> list[str]:
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(r'<a [^>]*href="([^"]+)"', article)


@pytest.mark.parametrize("path", GUIDANCE)
def test_every_guidance_link_lands_on_a_page_and_anchor(site_dir: Path, path: str) -> None:
    page_file = site_dir / path / "index.html"
    base = "http://x/" + path
    checked = 0
    for href in _links(page_file.read_text(encoding="utf-8")):
        if href.startswith(("tel:", "mailto:", "http://", "https://")) or href.startswith("#"):
            continue
        url = urlparse(urljoin(base, href))
        target = site_dir / unquote(url.path).lstrip("/")
        target = target / "index.html" if url.path.endswith("/") else target
        assert target.exists(), f"{path}: {href} → no page {target}"
        if url.fragment:
            html = target.read_text(encoding="utf-8")
            assert f'id="{url.fragment}"' in html, f"{path}: {href} → no anchor #{url.fragment}"
        checked += 1
    assert checked >= 10


def _law_document() -> str:
    """The page id of the Luật Trẻ em (số 102/2016/QH13) when the corpus holds its text, else ""."""
    return next((d.id for d in load_corpus().documents if d.number == "102/2016/QH13"), "")


def test_parents_page_links_the_law_and_quotes_no_duty_list(site_dir: Path) -> None:
    html = (site_dir / "huong-dan/phu-huynh/index.html").read_text(encoding="utf-8")
    text = reader_text(html[html.index("<article") : html.index("</article>")])
    assert "vai trò:" not in text, "a duty list (quotes with their role)"
    assert "Văn bản giao nhiệm vụ" not in text
    law = _law_document()
    if not law:
        pytest.skip("the corpus does not hold the Luật Trẻ em (102/2016/QH13) yet: sources/ of the national texts")
    articles = {
        m.group(1)
        for href in _links(html)
        if (m := re.search(rf"van-ban/{re.escape(law)}/#(dieu-\d+[a-z]?)(?:-|$)", href))
    }
    assert len(articles) >= 3, articles


def test_topic_items_keep_their_codes(browser: Any, site_url: str, site_dir: Path) -> None:
    topics = sorted(p.parent.name for p in (site_dir / "chu-de").glob("*/index.html"))
    assert len(topics) >= 10
    page = browser.new_page()
    coded = 0
    for name in topics:
        page.goto(f"{site_url}chu-de/{name}/")
        # An item "0311. Số lượng …" rendered as Markdown becomes a nested <ol start="311">.
        assert page.locator(".quotes li > ol").count() == 0, name
        items = page.eval_on_selector_all(".quotes li", "els => els.map(e => e.textContent.trim())")
        coded += sum(1 for t in items if re.search(r"(?:^|: )\d{3,4}\. \S", t))
    page.close()
    assert coded >= 100  # Thông tư 13's indicators, each with its code


def test_accented_highlight_marks_no_folded_collision(page: Any, site_url: str) -> None:
    doc = site_url + "van-ban/2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan/"

    def marks(h: str) -> list[str]:
        page.goto(f"{doc}?h={h}")
        page.wait_for_selector("mark[data-md-highlight]")  # the highlight script has run
        found: list[str] = page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)")
        return [m.lower() for m in found]

    accented = marks("bảo")
    assert accented and set(accented) == {"bảo"}, sorted(set(accented))  # not "báo" (Báo cáo), "bão"
    plain_marks = marks("bao")
    assert {"bảo", "báo"} <= set(plain_marks), sorted(set(plain_marks))  # typed without marks: every form
