"""The body of a document as structural blocks, each with a stable anchor.

Chương/Phần/Mục, Điều and its khoản, roman sections, numbered items, letters
and bullets open blocks; paragraphs and tables hang from the innermost open
block. An anchor is the label path ("muc-ii-m1-b2": the second bullet of item
1 of section II), so it is the same on every rebuild of the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracuu.model.records import Block, BlockKind
from tracuu.model.textutil import plain, slugify
from tracuu.parse.clean import Line
from tracuu.parse.common import is_annex_heading

_CHAPTER = re.compile(r"^(?P<kind>Chương|Phần|Mục)\s+(?P<label>[IVXLC\d]+)\b\.?", re.I)
_ARTICLE = re.compile(r"^Điều\s+(?P<label>\d+[a-z]?)\b\.?")
_ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\.\s+\S")
_CODE = re.compile(r"^(?P<label>\d{4})\.\s+\S")
_NUMBERED = re.compile(r"^(?P<label>\d{1,3}(?:\.\d{1,3})*)(?:\.|\))\s*\S")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\)\s*\S")
_BULLET = re.compile(r"^(?P<label>[-+•–])\s+\S")
# Sentences that close the body: they belong to no numbered item above them.
_CLOSING = re.compile(
    r"^(Trên đây là|Với nội dung trên|Căn cứ (chỉ đạo|nội dung|ý kiến)|Trong quá trình (thực hiện|triển khai)|Nơi nhận)",
    re.I,
)
# A hard-wrapped copy (a web page or PDF whose text keeps its printed line breaks) breaks a
# sentence across lines: "Điều 4. Chánh Văn phòng Ủy" / "ban nhân dân tỉnh, …". A line goes
# on the block above when that block's text stops mid-sentence (no closing punctuation) and
# the line starts in lower case, or with a number and a lower-case word ("6 năm 2010 của …").
_NUMBER_THEN_WORD = re.compile(r"^\d{1,4}\s+(?=\w)")
_SENTENCE_END = re.compile(r"[.:;!?…]\s*(?:/\.)?\s*[)\]\"”'*]*\s*$")
# ... and whatever the next line starts with when the block stops on a word no sentence ends
# on ("Căn cứ Quyết định số" / "267/QĐ-TTg ngày …", "Xét đề nghị của" / "Sở Y tế …").
_OPEN_WORD = re.compile(
    r"\s(?:số|của|và|với|về|tại|theo|cho|đến|từ|trong|các|những|là|để|hoặc|giữa|thuộc|ngày|tháng|năm|thứ|[-–])$"
)
# A label or the word "Điều" left alone on its line ("Điều" / "1. Phê duyệt …", "1." / "Mục tiêu:").
_LONE_LABEL = re.compile(r"^(?:[IVXLC]+\.|\d{1,3}(?:\.\d{1,3})*\.|[a-zđ]\))$")
_LONE_KIND = re.compile(r"^(?:Điều|Chương|Mục|Phần)$")


@dataclass
class _Open:
    rank: int
    anchor: str
    kind: str
    children: int = 0
    bullets: int = 0
    paras: int = 0


@dataclass
class _State:
    """Where the walk over the body is: open blocks, anchors given out, the current annex."""

    stack: list[_Open] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    annex: str = ""
    annex_anchor: str = ""
    top_counts: dict[str, int] = field(default_factory=lambda: {"p": 0, "b": 0, "bang": 0})


def _classify(text: str, in_annex: bool) -> tuple[BlockKind, str, int, str]:
    """(kind, label, rank, token) for one body line; rank -1 means a paragraph."""
    is_md_heading = bool(re.match(r"^\s*#{1,6}\s", text))
    p = plain(text)
    if p.startswith("|"):
        return "table", "", -1, "bang"
    if m := is_annex_heading(p):
        number = m.group("label") or ""
        return "heading", f"Phụ lục {number}".strip(), 0, "pl-" + (slugify(number) or "kem-theo")
    if m := _CHAPTER.match(p):
        return "heading", f"{m.group('kind')} {m.group('label')}", 0, slugify(m.group("kind")) + "-" + slugify(m.group("label"))
    if m := _ARTICLE.match(p):
        return "heading", f"Điều {m.group('label')}", 1, "dieu-" + slugify(m.group("label"))
    if m := _ROMAN.match(p):
        return "heading", m.group("label"), 1, "muc-" + m.group("label").lower()
    if in_annex and (m := _CODE.match(p)):
        return "heading", m.group("label"), 2, m.group("label")
    kind: BlockKind = "heading" if is_md_heading else "item"
    if m := _NUMBERED.match(p):
        label = m.group("label")
        depth = label.count(".") + 1
        return kind, label, 2 + depth, "m" + label.replace(".", "-")
    if m := _LETTER.match(p):
        letter = m.group("label")
        return kind, letter, 6, "dd" if letter == "đ" else letter
    if m := _BULLET.match(p):
        mark = m.group("label")
        return "bullet", mark, 8 if mark == "+" else 7, "*b"
    if is_md_heading:
        return "heading", "", 2, slugify(p)[:40] or "h"
    return "para", "", -1, "p"


def _unwrap_labels(lines: list[Line]) -> list[Line]:
    """A label a hard-wrapped copy left alone on its line, joined to the text on the next line."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        p = plain(ln.text)
        nxt = plain(lines[i + 1].text) if i + 1 < len(lines) else ""
        lone_kind = bool(_LONE_KIND.match(p)) and bool(re.match(r"^(?:\d+[a-z]?|[IVXLC]+)\b", nxt))
        lone_label = bool(_LONE_LABEL.match(p)) and bool(nxt) and _classify(nxt, False)[0] == "para"
        if lone_kind or lone_label:
            out.append(Line(ln.no, f"{ln.text.strip()} {lines[i + 1].text.strip()}"))
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


def parse_body(lines: list[Line]) -> list[Block]:
    """Blocks with a stable anchor each, derived from the label path."""
    lines = _unwrap_labels(lines)
    blocks: list[Block] = []
    st = _State()
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text.strip():
            i += 1
            continue
        text = ln.text.strip()
        kind, label, rank, token = _classify(text, bool(st.annex))
        if kind == "para" and _continues(blocks, text):
            prev = blocks[-1]
            blocks[-1] = replace(prev, text=f"{prev.text} {text}")
            i += 1
            continue
        if kind == "table":
            rows = [text]
            while i + 1 < len(lines) and lines[i + 1].text.strip().startswith("|"):
                i += 1
                rows.append(lines[i].text.strip())
            text = "\n".join(rows)
        if kind == "para" and _CLOSING.match(plain(text)):
            st.stack.clear()
        if token.startswith("pl-"):
            st.annex = label
            st.annex_anchor = token
            st.stack.clear()
        if rank >= 0:
            anchor, parent, token = _opening_anchor(st, kind, rank, token, text)
        else:
            anchor, parent = _hanging_anchor(st, kind)
        anchor = _unique(anchor, st.used)
        blocks.append(
            Block(
                kind=kind,
                text=text,
                line=ln.no,
                anchor=anchor,
                level=len(st.stack),
                label=label,
                parent=parent.anchor if parent else "",
                annex=st.annex,
            )
        )
        if rank >= 0:
            st.stack.append(_Open(rank=rank, anchor=anchor, kind=_open_kind(kind, rank, label, token)))
        i += 1
    return blocks


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _continues(blocks: list[Block], text: str) -> bool:
    """Whether an unlabelled line goes on the sentence the previous block left open."""
    if not blocks or blocks[-1].kind == "table":
        return False
    prev = blocks[-1]
    before = plain(prev.text)
    if _SENTENCE_END.search(before):
        return False
    line = _NUMBER_THEN_WORD.sub("", plain(text), count=1)
    if line[:1].islower() or _OPEN_WORD.search(before) or re.search(r"\w-$", before):
        return True  # ("giữa Bộ Lao động-" / "Thương binh và Xã hội, …": a name broken at its hyphen)
    # "I. MỤC" / "ĐÍCH, YÊU CẦU": a section heading in capitals broken in two
    return bool(re.fullmatch(r"[IVXLC]+", prev.label)) and is_upper(before) and is_upper(plain(text))


def _opening_anchor(st: _State, kind: BlockKind, rank: int, token: str, text: str) -> tuple[str, _Open | None, str]:
    """(anchor, parent, token) of a block that opens a level: heading, item, letter, bullet."""
    stack = st.stack
    while stack and stack[-1].rank >= rank:
        stack.pop()
    parent = stack[-1] if stack else None
    if token == "*b":
        token = _bullet_token(st, parent)
    is_numbered = token.startswith("m") and bool(_NUMBERED.match(plain(text)))
    if parent and parent.kind == "article" and is_numbered and "-" not in token:
        token = "k" + token[1:]  # khoản of an Điều
        is_numbered = False
    prefix = _opening_prefix(st, kind, token, is_numbered)
    return (f"{prefix}-{token}" if prefix else token), parent, token


def _bullet_token(st: _State, parent: _Open | None) -> str:
    """The token of a bullet ("b1", "b2" …): bullets are counted within their parent."""
    if parent:
        parent.bullets += 1
        return f"b{parent.bullets}"
    st.top_counts["b"] += 1
    return f"b{st.top_counts['b']}"


def _opening_prefix(st: _State, kind: BlockKind, token: str, is_numbered: bool) -> str:
    """The anchor an opening block's token hangs from ("" for a top-level one).

    Annexes, chapters and parts stand alone; a code heading ("1001") hangs from its
    annex; a numbered item ("1.1") from the nearest ancestor that is not an item;
    anything else from the open blocks (roman sections skipped). Inside an annex,
    a block with no other prefix hangs from the annex.
    """
    if token.startswith(("pl-", "chuong-", "phan-")):
        prefix = ""
    elif kind == "heading" and re.fullmatch(r"\d{4}", token):
        prefix = st.annex_anchor
    elif is_numbered:
        # "1.1" already carries its path: hang it from the nearest non-numbered ancestor.
        # (A roman section "II." keeps its "1." apart from section "I."'s "1.".)
        prefix = next((o.anchor for o in reversed(st.stack) if o.kind != "item"), "")
    else:
        prefix = _prefix_of(st.stack, skip_roman=True)
    if not prefix and st.annex and not token.startswith("pl-"):
        prefix = st.annex_anchor
    return prefix


def _hanging_anchor(st: _State, kind: BlockKind) -> tuple[str, _Open | None]:
    """(anchor, parent) of a paragraph or table: it hangs from the innermost open block that is not a bullet."""
    container = next((o for o in reversed(st.stack) if not o.kind.startswith("bullet")), None)
    key = "bang" if kind == "table" else "p"
    if container:
        if key == "p":
            container.paras += 1
            n = container.paras
        else:
            container.children += 1
            n = container.children
        return f"{container.anchor}-{key}{n}", container
    st.top_counts[key] += 1
    return f"{st.annex_anchor + '-' if st.annex else ''}{key}{st.top_counts[key]}", None


def _unique(anchor: str, used: set[str]) -> str:
    """``anchor``, or ``anchor-2``, ``anchor-3`` … when it is taken already."""
    base = anchor
    k = 2
    while anchor in used:
        anchor = f"{base}-{k}"
        k += 1
    used.add(anchor)
    return anchor


def _open_kind(kind: BlockKind, rank: int, label: str, token: str) -> str:
    """What an opening block is, for the blocks under it (annex, chapter, article, roman, code, item, bullet-/+)."""
    if kind == "bullet":
        return "bullet" + label
    return {
        0: "annex" if token.startswith("pl-") else "chapter",
        1: "article" if label.startswith("Điều") else "roman",
        2: "code" if re.fullmatch(r"\d{4}", label) else "item",
    }.get(rank, "item")


def _prefix_of(stack: list[_Open], skip_roman: bool) -> str:
    for o in reversed(stack):
        if skip_roman and o.kind == "roman":
            continue
        return o.anchor
    return ""
