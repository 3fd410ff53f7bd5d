"""Search entries of one built page: what ``tracuu.site_search`` indexes.

Whatever static generator wrote the page, a page with one ``<h1>`` in its
``<article>`` becomes one entry (its title the ``<h1>``, its text what comes
before the first ``<h2>``-``<h6>`` with an ``id``) and every such heading one
more entry (``#id``), as Material's search did.

What a reader would not call the page's content stays out (issue 13):

* elements marked ``data-search-exclude`` (Material's attribute, which the
  renderers already set) or ``data-search-ignore``; the editors' block
  (``.tracuu-editor``); buttons and button-like links (``.md-button``:
  "Tải văn bản gốc", "In"); navigation (``<nav>``: "Xem: …" filters), except
  the page's topic tags (Material's ``nav.md-tags``), which are indexed as the
  ``tags`` field, as Material's search did; links that say where they go
  ("← Phòng, chống xâm hại và bạo lực", "… →"); scripts, styles, SVG;
* table headers (``<thead>``: column names, not content);
* attribute tables (``.doc-attrs``, ``.agency-attrs``: "Thuộc tính | Nội dung |
  Nguồn"): the labels and the source column are left out, the values are
  indexed (a search for the issuer still finds the page) but never become the
  result's snippet.

The page's search boost (front matter ``search: boost:``, written by
``overrides/main.html`` as ``<meta name="tracuu-search-boost">``) multiplies
every weight of the page and its sections, as Material's ``boost`` did.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracuu.html_scan import scan

BOOST_META = "tracuu-search-boost"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_IGNORE = {"script", "style", "noscript", "template", "svg", "button", "thead"}
_IGNORE_ATTRS = ("data-search-exclude", "data-search-ignore")
_IGNORE_CLASSES = {"headerlink", "tracuu-editor", "md-button"}
_TAGS_CLASS = "md-tags"
_ATTRS_CLASSES = {"doc-attrs", "agency-attrs"}
# Tags that end a word (text on either side is not one word); inline tags do not.
_BREAK = {"p", "div", "li", "td", "th", "tr", "br", "ul", "ol", "dl", "dt", "dd", "table", "section", "blockquote",
          "pre", "figure", "figcaption", "details", "summary", "hr", "nav", "aside", "caption"}
_ARROWS = ("←", "→", "↑", "↓", "«", "»")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _excluded(tag: str, names: dict[str, str | None], classes: set[str]) -> bool:
    """Whether an element and all it holds stay out of the index (navigation other than the topic tags included)."""
    return tag in _IGNORE or (tag == "nav" and _TAGS_CLASS not in classes) or bool(classes & _IGNORE_CLASSES) \
        or any(a in names for a in _IGNORE_ATTRS)


@dataclass
class Entry:
    """One search entry: a page (``url`` its path) or a section of it (``url`` ``#id``)."""

    url: str
    title: str
    text: list[str] = field(default_factory=list)  # indexed
    snip: list[str] = field(default_factory=list)  # indexed and shown as the snippet
    tags: list[str] = field(default_factory=list)
    boost: float = 1.0

    @property
    def body(self) -> str:
        return " ".join("".join(self.text).split())

    @property
    def snippet(self) -> str:
        return " ".join("".join(self.snip).split())

    @property
    def tag_text(self) -> str:
        return " ".join(" ".join(self.tags).split())


class _Page:
    """The <article> of one page, cut at its headings (handlers of ``tracuu.html_scan.scan``)."""

    def __init__(self) -> None:
        self.boost = 1.0
        self.state = "before"  # before / in / done (the article)
        self.depth = 0  # open <article> elements
        self.skip = 0  # depth inside an excluded element
        self.mode: list[tuple[str, str]] = []  # (tag, "tags" | "attrs" | "") per open element
        self.cell = 0  # column of the current cell in an attribute table (1-based)
        self.heading: str | None = None
        self.heading_id = ""
        self.heading_text: list[str] = []
        self.entries: list[Entry] = []
        self.pending_tags: list[str] = []  # topic tags above the <h1> (Material puts them there)
        self.links: list[tuple[Entry, int, int]] = []  # open <a>: its entry, where its text starts
        self.h1s = 0

    def _boost(self, attrs: dict[str, str | None]) -> None:
        if attrs.get("name") == BOOST_META:
            try:
                self.boost = max(0.0, float(attrs.get("content") or 1))
            except ValueError:
                self.boost = 1.0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if self.state != "in":
            self._outside_article(tag, names)
            return
        if tag == "article":
            self.depth += 1
        if self.skip:
            self.skip += tag not in _VOID
            return
        classes = set((names.get("class") or "").split())
        if _excluded(tag, names, classes):
            self.skip = int(tag not in _VOID)
            return
        if tag in _VOID:
            if tag == "br":
                self.handle_data(" ")
            return
        tags = tag == "nav" and _TAGS_CLASS in classes
        self.mode.append((tag, "tags" if tags else "attrs" if classes & _ATTRS_CLASSES else ""))
        self._open_element(tag, names)

    def _outside_article(self, tag: str, names: dict[str, str | None]) -> None:
        """Before the <article> only the boost <meta> counts; after it, nothing."""
        if tag == "meta":
            self._boost(names)
        elif tag == "article" and self.state == "before":
            self.state, self.depth = "in", 1

    def _open_element(self, tag: str, names: dict[str, str | None]) -> None:
        """An indexed element opens: a link, a table row or cell, a heading, or a word break."""
        if tag == "a" and self.entries and not self.heading:
            entry = self.entries[-1]
            self.links.append((entry, len(entry.text), len(entry.snip)))
        if tag == "tr":
            self.cell = 0
        elif tag in ("td", "th"):
            self.cell += 1
        if tag in _HEADINGS:
            self.heading, self.heading_text = tag, []
            self.heading_id = names.get("id") or ""
        elif tag in _BREAK:
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.state != "in":
            return
        if self.skip:
            self.skip -= tag not in _VOID
            return
        if tag in _VOID:
            return
        # close up to the matching open element (HTML allows unclosed <p>, <li> ...)
        while self.mode and self.mode[-1][0] != tag:
            self.mode.pop()
        if self.mode:
            self.mode.pop()
        if tag == "a" and self.links:
            self._end_link()
        if tag == self.heading:
            self._end_heading(tag)
        elif tag in _BREAK:
            self.handle_data(" ")
        if tag == "article":
            self.depth -= 1
            if not self.depth:
                self.state = "done"

    def _end_link(self) -> None:
        """A link that says where it goes ("← Phòng, chống xâm hại", "Xem tiếp →") is navigation."""
        entry, t0, s0 = self.links.pop()
        text = "".join(entry.text[t0:]).strip()
        if text.startswith(_ARROWS) or text.endswith(_ARROWS):
            del entry.text[t0:]
            del entry.snip[s0:]

    def _end_heading(self, tag: str) -> None:
        title = " ".join("".join(self.heading_text).split())
        if tag == "h1":
            self.h1s += 1
            if not self.entries:
                self.entries.append(Entry("", title, tags=self.pending_tags, boost=self.boost))
        elif self.heading_id and self.entries:
            self.entries.append(Entry("#" + self.heading_id, title, boost=self.boost))
        elif self.entries:
            self.entries[-1].text.append(f" {title} ")
            self.entries[-1].snip.append(f" {title} ")
        self.heading = None

    def handle_data(self, data: str) -> None:
        if self.state != "in" or self.skip:
            return
        if self.heading:
            self.heading_text.append(data)
            return
        modes = {m for _, m in self.mode}
        if "tags" in modes:  # the page's topic tags: the page's own, never a section's
            (self.entries[0].tags if self.entries else self.pending_tags).append(data)
            return
        if not self.entries:
            return
        entry = self.entries[-1]
        if "attrs" in modes:
            if self.cell == 2:  # the value column: indexed, never the snippet
                entry.text.append(data)
            elif not data.strip():
                entry.text.append(data)
        else:
            entry.text.append(data)
            entry.snip.append(data)


def page_entries(html: str, url: str) -> list[Entry]:
    """Search entries of one built page: the page, then its sections (none without exactly one <h1>)."""
    parser = _Page()
    # Only the <head> (the boost <meta>) and the <article> are read; the header, navigation and
    # footer around them (half of a page's bytes) never reach the index, so they are not tokenised.
    head_end, start, end = html.find("</head>"), html.find("<article"), html.rfind("</article>")
    if 0 <= head_end < start < end:
        scan(html[:head_end], parser)
        scan(html[start : end + len("</article>")], parser)
    else:
        scan(html, parser)
    if parser.h1s != 1 or not parser.entries:
        return []
    parser.entries[0].url = url
    return parser.entries
