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
# One translation table does both steps (the entities contain no Markdown special): a single C-level pass.
_KEEP_EMPHASIS = str.maketrans({**_HTML, **{c: "\\" + c for c in "\\`[]()!_#|{}"}})
_NO_EMPHASIS = str.maketrans({**_HTML, **{c: "\\" + c for c in "\\`[]()!_#|{}*"}})
_LEADING_MARKER = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+>])(\s)")


def escape_inline(text: str, keep_emphasis: bool = True) -> str:
    """Escape ``text`` for use inside a Markdown paragraph or table cell."""
    return text.translate(_KEEP_EMPHASIS if keep_emphasis else _NO_EMPHASIS)


def escape_block(text: str, keep_emphasis: bool = True) -> str:
    """Like ``escape_inline`` and also keep a leading "1." / "-" from starting a list."""
    out = escape_inline(text, keep_emphasis)

    def fix(m: re.Match[str]) -> str:
        if m.group(2):
            return f"{m.group(1)}{m.group(2)}\\{m.group(3)}{m.group(4)}"
        return f"{m.group(5)}\\{m.group(6)}{m.group(7)}"

    return _LEADING_MARKER.sub(fix, out, count=1)


def link(label_md: str, href: str, title: str = "") -> str:
    """A Markdown link whose label is already escaped Markdown; href is ours (never from a source)."""
    t = f' "{title}"' if title else ""
    return f"[{label_md}]({href}{t})"
