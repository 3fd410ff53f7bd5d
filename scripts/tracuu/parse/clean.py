"""Clean a source text: a named, ordered list of steps, NFC first.

Cleaning may only remove what is not text of the document (web-portal chrome,
page-break artefacts) and normalise Unicode. Every other character stays as
printed, typos included. Each step records what it did, so a page can say so.

Lines keep their source line numbers: a paragraph rejoined across a page break
keeps the number of its first line; a footnote moved out of a paragraph keeps
its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tracuu.model.records import Footnote
from tracuu.model.textutil import SUPERSCRIPT_DIGITS, nfc

_SUP_TO_DIGIT = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the source file
    text: str


@dataclass(frozen=True)
class Removal:
    step: str
    line: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    lines: tuple[Line, ...]
    footnotes: tuple[Footnote, ...] = ()
    removed: tuple[Removal, ...] = ()
    log: tuple[str, ...] = field(default=())  # "line N: step: what it did"


Step = Callable[[Cleaned], Cleaned]


def _split(text: str) -> Cleaned:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return Cleaned(tuple(Line(n, t.rstrip()) for n, t in enumerate(text.split("\n"), start=1)))


def step_nfc(doc: Cleaned) -> Cleaned:
    """Normalise to NFC: some keyboards type Vietnamese decomposed."""
    return replace(doc, lines=tuple(Line(ln.no, nfc(ln.text)) for ln in doc.lines))


# Web-portal chrome (seen on tỉnh portals built on SharePoint "PublishingPortal").
_CHROME = [
    re.compile(r"^\s*PublishingPortal\s*-\s*\S+\s*$"),
    re.compile(r"^\s*Tăng cỡ chữ\s+Giảm cỡ chữ\s*$"),
    re.compile(r"^\s*(In bài viết|Gửi bài viết|Chia sẻ|Lượt xem:.*|Bản in)\s*$"),
    # the breadcrumb over an article: "Trang chủ > Tin tức - Sự kiện > Văn hóa - Xã hội"
    re.compile(r"^\s*(?:Trang\s+chủ|Trang\s+nhất|Home)\s*(?:[>»›/]\s*[^>»›]+)+$", re.I),
]
_VIEWDATA = re.compile(r"PublishingPortal\s*-\s*\S*ViewData")
_TERMINAL = re.compile(r"[.!?:;…]\s*\**\s*$")


def step_strip_portal_chrome(doc: Cleaned) -> Cleaned:
    """Drop portal toolbars and the image caption that follows an article's data block.

    The caption is recognised only where the portal marks it: the first short
    paragraph (at most 3 lines, no sentence-final punctuation) right after a
    ``…ViewData`` marker.
    """
    keep: list[Line] = []
    removed = list(doc.removed)
    lines = doc.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        if any(p.match(ln.text) for p in _CHROME):
            removed.append(Removal("strip_portal_chrome", ln.no, ln.text))
            if _VIEWDATA.search(ln.text):
                j = i + 1
                while j < len(lines) and not lines[j].text.strip():
                    j += 1
                k = j
                while k < len(lines) and lines[k].text.strip():
                    k += 1
                caption = lines[j:k]
                if 0 < len(caption) <= 3 and not _TERMINAL.search(caption[-1].text):
                    removed.extend(Removal("strip_portal_chrome", c.no, c.text) for c in caption)
                    keep.extend(lines[i + 1 : j])
                    i = k
                    continue
            i += 1
            continue
        keep.append(ln)
        i += 1
    return replace(doc, lines=tuple(keep), removed=tuple(removed))


_FOOTNOTE_DEF = re.compile(rf"^\s*(?P<marker>[{SUPERSCRIPT_DIGITS}]+|\[\d{{1,3}}\])\s*(?P<text>\S.*)$")


def _is_note(text: str, whole: str) -> re.Match[str] | None:
    """A footnote's text: "¹ Theo …", or "[1] Theo …" when "[1]" also marks a place inside a line."""
    m = _FOOTNOTE_DEF.match(text)
    if m and m.group("marker").startswith("["):
        marker = m.group("marker")
        inline = any(i > 0 and whole[i - 1] != "\n" for i in (x.start() for x in re.finditer(re.escape(marker), whole)))
        return m if inline else None
    return m


def _paragraphs(lines: tuple[Line, ...]) -> list[list[int]]:
    """Indexes of lines grouped into blank-separated paragraphs."""
    paras: list[list[int]] = []
    cur: list[int] = []
    for i, ln in enumerate(lines):
        if ln.text.strip():
            cur.append(i)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def step_extract_footnotes(doc: Cleaned) -> Cleaned:
    """Move footnote texts (``¹ Theo …``) out of the running text.

    A page break can drop a footnote into the middle of a paragraph; the
    footnote is taken out so the paragraph can be rejoined, and becomes a real
    footnote at its marker. Footnotes at the end of the document may run over
    several list paragraphs ("² - Các Sở: …" / "- Ủy ban …").
    """
    lines = doc.lines
    whole = "\n".join(ln.text.lstrip() for ln in lines)
    paras = _paragraphs(lines)
    drop: set[int] = set()
    notes: list[Footnote] = list(doc.footnotes)
    for p_index, para in enumerate(paras):
        first = lines[para[0]]
        m = _is_note(first.text, whole)
        if not m:
            continue
        parts = [m.group("text")] + [lines[i].text.strip() for i in para[1:]]
        members = list(para)
        rest = paras[p_index + 1 :]
        # Trailing list paragraphs belong to the note when only footnote
        # material follows up to the end of the file.
        if rest and all(
            lines[r[0]].text.lstrip().startswith(("-", "+")) or _is_note(lines[r[0]].text, whole)
            for r in rest
        ):
            for r in rest:
                if _is_note(lines[r[0]].text, whole):
                    break
                parts.extend(lines[i].text.strip() for i in r)
                members.extend(r)
        marker = m.group("marker")
        number = marker.strip("[]") if marker.startswith("[") else "".join(_SUP_TO_DIGIT[c] for c in marker)
        notes.append(Footnote(number=number, marker=marker, text="\n".join(parts), line=first.no))
        drop.update(members)
    if not drop:
        return doc
    log = doc.log + tuple(f"line {n.line}: extract_footnotes: chú thích {n.marker}" for n in notes)
    kept = tuple(ln for i, ln in enumerate(lines) if i not in drop)
    return replace(doc, lines=kept, footnotes=tuple(notes), log=log)


_LIST_START = re.compile(r"^\s*(\d+[.)]|[a-zđ]\)|[-+•*|#]|\*\*)")
_ENDS_OPEN = re.compile(r"[^.!?:;…/]\s*$")


def _starts_lower(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and s[0].isalpha() and s[0].islower() and not _LIST_START.match(s)


def step_rejoin_page_breaks(doc: Cleaned) -> Cleaned:
    """Rejoin a paragraph that a page break split in two.

    The first part ends without sentence-final punctuation and the next
    paragraph, after the blank line(s) the break left, starts with a
    lower-case letter ("… nội dung và hình" / "thức tuyên truyền …"). The two
    parts are joined with one space.
    """
    out: list[Line] = []
    log = list(doc.log)
    lines = list(doc.lines)
    i = 0
    while i < len(lines):
        ln = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if (
            ln.text.strip()
            and j > i + 1
            and j < len(lines)
            and _ENDS_OPEN.search(ln.text)
            and _starts_lower(lines[j].text)
        ):
            log.append(f"line {ln.no}: rejoin_page_breaks: nối với dòng {lines[j].no}")
            lines[j] = Line(ln.no, ln.text.rstrip() + " " + lines[j].text.lstrip())
            i = j
            continue
        out.append(ln)
        i += 1
    return replace(doc, lines=tuple(out), log=tuple(log))


STEPS: tuple[tuple[str, Step], ...] = (
    ("nfc", step_nfc),
    ("strip_portal_chrome", step_strip_portal_chrome),
    ("extract_footnotes", step_extract_footnotes),
    ("rejoin_page_breaks", step_rejoin_page_breaks),
)


def clean(text: str) -> Cleaned:
    doc = _split(text)
    for _name, step in STEPS:
        doc = step(doc)
    return doc
