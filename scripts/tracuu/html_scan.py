"""A fast tokenizer for the HTML a static site generator writes, calling
``html.parser.HTMLParser``'s handler methods (``handle_starttag``,
``handle_endtag``, ``handle_data``) with the same arguments it would.

``tracuu.search_html`` reads every built page of the site (hundreds of MB at a
national corpus); the standard library's parser spends most of that time in
per-tag Python bookkeeping (line numbers, positions, a regex per attribute). One
compiled pattern per token does the same job for well-formed generator output:

* start tags: the name and attribute names lowercased, attribute values
  unquoted and their character references unescaped, a valueless attribute
  ``None``; ``<br/>`` calls both handlers, as ``HTMLParser`` does;
* end tags: the name lowercased;
* text: character references unescaped (``convert_charrefs=True``), one call
  per run of text between two tags;
* ``<script>``/``<style>`` contents are raw text up to their end tag (never
  tags), as in ``HTMLParser``; comments, ``<!DOCTYPE>`` and processing
  instructions are dropped; a ``<`` that starts no tag is text.

``tests/test_html_scan.py`` holds it to ``HTMLParser`` on the cases above and on
generated markup (hypothesis); the search entries of all 4,262 pages of the N = 1,000
benchmark site were compared once, identical (benchmarks/RESULTS-issue15.md).
"""

from __future__ import annotations

import re
from html import unescape
from typing import Protocol

# One token: a run of text, a whole tag (quotes respected), a comment or declaration, or a lone "<".
_TOKEN = re.compile(
    r"(?P<text>[^<]+)"
    r"|<(?:"
    r"(?P<raw>(?i:script|style))(?=[\t\n\r\f />])(?P<rawattrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)(?<!/)>"
    r"(?P<rawtext>.*?)(?:(?P<rawend>(?i:</(?P=raw)\s*>))|\Z)"
    r"|(?P<start>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|/\s*(?P<end>[a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>"
    r"|!--.*?-->"
    r"|![^>]*>"
    r"|\?[^>]*>"
    r")"
    r"|(?P<lt><)",
    re.DOTALL,
)
# Generator output quotes every value with '"': read such attribute text in one go.
_SIMPLE = re.compile(r"(?:\s+[^\s\"'>/=]+(?:=\"[^\"]*\")?)*\s*/?")
_PAIR = re.compile(r"\s+([^\s\"'>/=]+)(=\"[^\"]*\")?")
# Anything else as html.parser reads it: its attrfind_tolerant and the separator after a tag name (Python 3.11).
_ATTR = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
    r"(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_LEAD = re.compile(r"(?:\s|/(?!>))*")
_RAW = {"script", "style"}
_RAW_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in _RAW}


class Handler(Protocol):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


def _attrs(text: str) -> tuple[list[tuple[str, str | None]], bool]:
    """Attributes as ``HTMLParser.parse_starttag`` reports them, and whether the tag closes itself
    (``text``: what follows the tag name, without the final ">")."""
    if _SIMPLE.fullmatch(text):
        return [(name.lower(), (unescape(v[2:-1]) if "&" in v else v[2:-1]) if v else None)
                for name, v in _PAIR.findall(text)], text.endswith("/")
    text = " " + text + ">"  # as HTMLParser sees it: the character before (a lookbehind) and the ">"
    out: list[tuple[str, str | None]] = []
    k = _LEAD.match(text).end()  # type: ignore[union-attr]  # matches the empty string
    while k < len(text):
        m = _ATTR.match(text, k)
        if not m:
            break
        name, rest, value = m.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        out.append((name.lower(), value))
        k = m.end()
    return out, text[k:].strip() == "/>"


def scan(html: str, handler: Handler) -> None:
    """Feed ``html`` to ``handler`` as ``HTMLParser(convert_charrefs=True)`` would, in one go."""
    data, start, end = handler.handle_data, handler.handle_starttag, handler.handle_endtag
    for m in _TOKEN.finditer(html):
        kind = m.lastgroup
        if kind == "text":
            text = m.group("text")
            data(unescape(text) if "&" in text else text)
        elif kind == "attrs":
            tag = m.group("start").lower()
            attrs, closed = _attrs(m.group("attrs"))
            start(tag, attrs)
            if closed:
                end(tag)
        elif kind == "end":
            end(m.group("end").lower())
        elif kind == "lt":
            data("<")
        elif kind in ("rawtext", "rawend"):  # <script>, <style>: raw text up to their end tag
            tag = m.group("raw").lower()
            start(tag, _attrs(m.group("rawattrs"))[0])
            if m.group("rawend"):  # HTMLParser drops the text of one never closed
                if m.group("rawtext"):
                    data(m.group("rawtext"))
                end(tag)
