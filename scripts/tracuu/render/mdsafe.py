"""Turn untrusted source text into Markdown that renders as the same text.

Official texts contain ``<``, ``&``, ``[...]`` and asterisks. We keep the
source's own emphasis (``**bold**``, ``*italic*``) because it is part of how
the document was published, but nothing in a source may become a link, raw
HTML or a script: ``<`` and ``&`` become entities, ``[ ] ( ) ` \\ ! _ #`` are
backslash-escaped, and a leading list/heading marker is escaped so a clause
"1. ..." stays a paragraph that shows "1.".
"""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LEADING_MARKER = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+>*])(\s)")
# Lines that Markdown would read as syntax rather than text: a rule or setext underline
# ("---", "***", "==="), a definition (": x") or a collapsible block ("??? x").
_RULE_LINE = re.compile(r"^(\s*)([-*=])(?=(?:\s*\2){2,}\s*$)|^(\s*)([-=])(?=\2*\s*$)")
_CODE_INDENT = re.compile(r"^(?: {4,}|\s*\t)\s*")
_LINE_SYNTAX = re.compile(r"^(\s*)(:|\?\?\?)(?=\s|$)")
# One replacement per special character does both steps (the entities contain no Markdown special).
# A regular expression finds them in one C-level pass; str.translate looks every character of a
# Vietnamese (non-ASCII) text up in a dict, several times slower.
_ESCAPES = {**_HTML, **{c: "\\" + c for c in "\\`[]()!_#|{}*"}}
_KEEP_EMPHASIS = re.compile(r"[&<>\\`\[\]()!_#|{}]")
_NO_EMPHASIS = re.compile(r"[&<>\\`\[\]()!_#|{}*]")


def _escape(m: re.Match[str]) -> str:
    return _ESCAPES[m.group()]


def escape_inline(text: str, keep_emphasis: bool = True) -> str:
    """Escape ``text`` for use inside a Markdown paragraph or table cell."""
    return (_KEEP_EMPHASIS if keep_emphasis else _NO_EMPHASIS).sub(_escape, text)


def escape_block(text: str, keep_emphasis: bool = True) -> str:
    """Like ``escape_inline`` and also keep a leading "1." / "-" from starting a list."""
    out = escape_inline(text, keep_emphasis)

    def fix(m: re.Match[str]) -> str:
        if m.group(2):
            return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{m.group(4)}"
        return f"{m.group(5)}\\{m.group(6)}{m.group(7)}"

    # 4 spaces or a tab would start a code block; leading blanks do not show in HTML anyway
    lines = [_LEADING_MARKER.sub(fix, _CODE_INDENT.sub("", line), count=1) for line in out.split("\n")]
    return "\n".join(_line_syntax(line) for line in lines)


def _line_syntax(line: str) -> str:
    """Keep a whole line that looks like Markdown syntax as the text it is."""
    m = _RULE_LINE.match(line)
    if m:
        lead, ch = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        safe = "&#61;" if ch == "=" else "\\" + ch
        return lead + safe + line[len(lead) + 1 :]
    return _LINE_SYNTAX.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), line, count=1)


INERT_OVER = 20_000  # characters: past this a block is written as escaped HTML, not Markdown


def inert_block(text: str, anchor: str, classes: str) -> str:
    """An oversized block (a file without line breaks) as one escaped HTML paragraph.

    Python-Markdown's inline patterns copy the text once per match, so a 5 MB
    paragraph with many escapes takes hours; as a raw HTML block it is passed
    through untouched. ``html.escape`` leaves no ``<`` for snippets or tags, and
    the whole block is one line, so it cannot end early.
    """
    import html

    body = "<br>".join(html.escape(line) for line in text.split("\n"))
    return f'<p id="{anchor}" class="{classes}">{body}</p>'


def link(label_md: str, href: str, title: str = "") -> str:
    """A Markdown link whose label is already escaped Markdown; href is ours (never from a source)."""
    t = f' "{title}"' if title else ""
    return f"[{label_md}]({href}{t})"


def source_code_span(name: str) -> str:
    """A file name as inline code; one that a code span cannot hold (backtick, pipe, line break) as escaped ``<code>``."""
    if not re.search(r"[`|\n\r<>&]", name):
        return f"`{name}`"
    return f"<code>{escape_inline(' '.join(name.split()))}</code>"


_DELIMITER_ROW = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def table_rows(text: str) -> list[str]:
    """A pipe table from a source, every cell kept: rows with more cells than the header widen the table
    (the header and delimiter rows are padded), and ``\\|`` inside a cell stays in that cell, as printed."""
    rows: list[list[str] | str] = []
    for row in text.split("\n"):
        if _DELIMITER_ROW.fullmatch(row.strip()):
            rows.append(row)
            continue
        body = row.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
        rows.append([c.strip() for c in _CELL_SPLIT.split(body)])
    width = max((len(r) for r in rows if isinstance(r, list)), default=1)
    out: list[str] = []
    for r in rows:
        if isinstance(r, str):  # the delimiter row: kept (alignment) unless the table is wider than it
            out.append(r if r.strip().strip("|").count("|") + 1 == width else "|" + "---|" * width)
        else:
            cells = [escape_inline(c) for c in r] + [""] * (width - len(r))
            out.append("| " + " | ".join(cells) + " |")
    return out
