"""``tracuu.html_scan.scan`` reports what ``html.parser.HTMLParser`` reports.

The search index reads every built page through ``scan`` (it is the fast path:
the standard parser's per-tag bookkeeping was most of the index build); if the
two ever disagreed, a page's search entries (titles, snippets, what is left out
of the index) would silently change. Text runs are compared joined, since
``HTMLParser`` splits them at chunk boundaries and ``scan`` does not.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracuu.html_scan import scan

Event = tuple[str, object]


class _Events:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", (tag, attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", str(self.events[-1][1]) + data)
        else:
            self.events.append(("data", data))


class _Reference(HTMLParser, _Events):
    def __init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        _Events.__init__(self)

    # HTMLParser's own handlers are no-ops: route them to the recorder
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _Events.handle_starttag(self, tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        _Events.handle_endtag(self, tag)

    def handle_data(self, data: str) -> None:
        _Events.handle_data(self, data)


def reference(html: str) -> list[Event]:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    return parser.events


def scanned(html: str) -> list[Event]:
    events = _Events()
    scan(html, events)
    return events.events


CASES = [
    '<article class="md-content__inner md-typeset"><h1 id="x">Kế hoạch số 12/KH-UBND</h1></article>',
    '<p>Trẻ em &amp; gia đình &lt;3 &#39;111&#39; &nbsp;&copy; &unknown; &#x1EA1;</p>',
    '<a href="/a?b=1&amp;c=2" title=\'it "quoted"\' data-x=unquoted checked>x</a>',
    '<div data-search-exclude class="a  b">hidden</div><span CLASS="Upper">Y</span>',
    '<IMG SRC="x.png" ALT="a > b"><br/><br /><hr>',
    "<p>a < b and 3<4, x <= y, </ p> <  p></p>",
    "<!DOCTYPE html><!-- a <b>comment</b> --><p>after</p><?xml version='1.0'?>",
    "<script>if (a < b && c > d) { x = '</div>'; }</script><p>t</p>",
    '<style media="print">a > b { color: red } </style><SCRIPT type="module">1<2</SCRIPT>',
    '<script src="x.js"></script><script>never closed <b>',
    '<svg viewBox="0 0 24 24"><path d="M1 2z"/></svg><input type=checkbox disabled/>',
    "<p>line\nbreaks\tand\r\nspaces</p><td\nclass='c'\n>cell</td>",
    '<a href=foo/bar>slash in unquoted value</a><a href="x"/>',
    "<p>mất dấu: Tre em, tráº» em, đ Đ</p>",
    "",
    "plain text only",
]


@pytest.mark.parametrize("html", CASES)
def test_scan_reports_what_htmlparser_reports(html: str) -> None:
    assert scanned(html) == reference(html)


_NAMES = st.sampled_from(["p", "div", "a", "h2", "td", "nav", "span", "details", "summary", "article", "B", "Li"])
_ATTR_VALUES = st.sampled_from(["x", "a b", "", "a&amp;b", "1 > 0", "it's", "md-button", "#dieu-82"])
_TEXTS = st.sampled_from(["Trẻ em", " ", "\n", "&amp;", "&lt;b&gt;", "a < b", "Điều 82.", "&#8211;", "1 &nbsp;2", "←"])


@st.composite
def _attrs(draw: st.DrawFn) -> str:
    out = []
    for name in draw(st.lists(st.sampled_from(["class", "id", "href", "data-search-exclude", "TITLE", "name"]),
                              max_size=3)):
        form = draw(st.sampled_from(["dq", "sq", "bare", "none"]))
        value = draw(_ATTR_VALUES)
        if form == "dq":
            out.append(f'{name}="{value}"')
        elif form == "sq" and "'" not in value:
            out.append(f"{name}='{value}'")
        elif form == "bare" and value and not set(value) & set(" '\"<>=`"):
            out.append(f"{name}={value}")
        else:
            out.append(name)
    return "".join(" " + a for a in out)


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = []
    for kind in draw(st.lists(st.sampled_from(["open", "close", "void", "text", "comment", "script"]), max_size=25)):
        if kind == "open":
            parts.append(f"<{draw(_NAMES)}{draw(_attrs())}>")
        elif kind == "close":
            parts.append(f"</{draw(_NAMES)}>")
        elif kind == "void":
            parts.append(f"<{draw(st.sampled_from(['br', 'img', 'meta', 'hr']))}{draw(_attrs())}{draw(st.sampled_from(['', '/', ' /']))}>")
        elif kind == "comment":
            parts.append(f"<!-- {draw(_TEXTS)} <p> -->")
        elif kind == "script":
            parts.append(f"<script>var a = 1 < 2; '</p>' {draw(_TEXTS)}</script>")
        else:
            parts.append(draw(_TEXTS))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(_html())
def test_scan_matches_htmlparser_on_generated_markup(html: str) -> None:
    assert scanned(html) == reference(html)
