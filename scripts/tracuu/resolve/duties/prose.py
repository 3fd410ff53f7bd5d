"""Strategies 3 and 4: guidance addressed to all, and running prose.

Guidance: a paragraph ending in ":" that addresses someone ("… hướng dẫn các
ngành, địa phương … cụ thể như sau:") followed by numbered items that name no
agency: each item is a duty of the addressee.

Prose (not in news articles): a sentence that starts with an agency, or
"Giao"/"Yêu cầu"/"Đề nghị" + agency, followed by what it must do; in a
normative article also "…, đề nghị A, B và C … thực hiện …". Not duties: what
an agency has done ("Sở Y tế đã tổ chức …") and closing formulas ("Yêu cầu các
cơ quan, đơn vị nghiêm túc thực hiện./.").
"""

from __future__ import annotations

import re

from tracuu.model.records import Block, Duty, Role
from tracuu.resolve.duties.headers import parse_header
from tracuu.resolve.duties.names import NOTICE, STOP, Claim, Context, leading_agencies, partners_in, plain, split_names

NEWS_TYPES = {"Tin bài"}

_GUIDANCE = re.compile(r"\b(?:hướng dẫn|đề nghị|yêu cầu|giao(?: cho)?)\s+(?P<rest>.+)$", re.I)
_PROSE_HEAD = re.compile(r"^(?:(?P<verb>Giao|Yêu cầu|Đề nghị)(?:\s+cho)?\s+)?(?P<rest>.+)$", re.DOTALL)
# What is left after the addressee of a closing formula ("… nghiêm túc triển khai thực hiện./.").
_CLOSING_REST = re.compile(
    r"^(?:(?:nghiêm túc|khẩn trương|quan tâm|phối hợp|triển khai|tổ chức|căn cứ[^,]*,)\s*)*"
    r"(?:thực hiện|thi hành)(?:\s+(?:nghiêm túc|tốt))?"
    r"(?:\s+(?:Kế hoạch|Chỉ thị|Quyết định|Công văn|Thông báo|Hướng dẫn|văn bản) này)?\s*[./]*$"
)
_NOT_DUTY_START = re.compile(r"^(?:Trên đây|Với nội dung trên|Nơi nhận)", re.I)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")


def _guided_items(ctx: Context, body: list[Block], n: int, taken: set[str]) -> list[Block]:
    """The numbered items after the guidance paragraph ``body[n]``, up to the next paragraph or header."""
    block = body[n]
    items: list[Block] = []
    for b in body[n + 1:]:
        if b.parent != block.parent or b.kind not in ("item", "para"):
            if b.parent == block.parent or b.kind == "heading":
                break
            continue
        if b.kind == "para":
            if plain(b.text)[:1].islower():
                continue
            break
        if b.anchor in taken or parse_header(ctx, b):
            break
        items.append(b)
    return items


def guidance(ctx: Context) -> list[Claim]:
    """One claim per guidance paragraph: the paragraph, its items and what is under them."""
    claims: list[Claim] = []
    taken: set[str] = set(ctx.excluded)
    body = list(ctx.doc.body)
    for n, block in enumerate(body):
        if block.kind != "para" or block.anchor in taken or not block.text.rstrip().endswith(":"):
            continue
        m = _GUIDANCE.search(plain(block.text))
        lead = leading_agencies(ctx, m.group("rest")) if m else None
        if lead is None:
            continue
        who, _ = lead
        items = _guided_items(ctx, body, n, taken)
        if not items:
            continue
        blocks = {block.anchor}
        duties: list[Duty] = []
        for item in items:
            sub = ctx.descendants(item.anchor)
            blocks.update([item.anchor, *(b.anchor for b in sub)])
            text = plain(item.text)
            duties.extend(ctx.duty(w, "thực hiện", text, item, partners_in(ctx, text), sub) for w in who)
        taken.update(blocks)
        claims.append(Claim(frozenset(blocks), tuple(duties)))
    return claims


def prose(ctx: Context) -> list[Claim]:
    """One claim per block whose sentences assign duties."""
    if ctx.doc.doc_type in NEWS_TYPES:
        return []
    claims: list[Claim] = []
    for block in ctx.doc.body:
        if block.anchor in ctx.excluded or block.annex:
            continue
        # "Điều 2. Giao Sở … chủ trì, …": an article whose heading is its text
        article = block.kind == "heading" and block.label.startswith("Điều")
        if block.kind not in ("para", "item", "bullet") and not article:
            continue
        text = plain(block.text)
        if _NOT_DUTY_START.match(text) or NOTICE.search(text):
            continue
        normative = block.anchor.startswith("dieu-")
        duties: list[Duty] = []
        for sentence in _SENTENCE.split(text):
            sentence = sentence.strip()
            if not sentence or sentence.endswith(":"):
                continue
            duties.extend(_prose_sentence(ctx, block, sentence, normative))
        if duties:
            claims.append(Claim(frozenset([block.anchor]), tuple(duties)))
    return claims


def _prose_sentence(ctx: Context, block: Block, sentence: str, normative: bool) -> list[Duty]:
    m = _PROSE_HEAD.match(sentence)
    if m is None:
        return []
    lead = leading_agencies(ctx, m.group("rest"))
    if lead is not None:
        who, rest = lead
        if not rest or _CLOSING_REST.match(rest):
            return []
        # "Giao Tỉnh đoàn là cơ quan thường trực, …" assigns; "Sở Y tế là cơ quan …" describes
        described = r"(?:là|được|có\s(?!trách nhiệm))" if not m.group("verb") else r"(?!)"
        if re.match(rf"^(?:đã|đang|vẫn|{described})\b", rest):
            return []
        if not STOP.match(" " + rest) and not (rest[:1].islower() and who[-1].agency.known):
            return []
        role: Role = "chủ trì" if rest.startswith("chủ trì") else "phối hợp" if rest.startswith("phối hợp") else "thực hiện"
        return [ctx.duty(w, role, sentence, block, partners_in(ctx, rest)) for w in who]
    if not normative:
        return []
    # "Căn cứ …, đề nghị các bộ, …, Sở … và các cơ quan có liên quan … thực hiện …"
    g = re.search(
        r"\b(?:đề nghị|giao|yêu cầu)\s+(?P<list>.+?)\s(?:trong phạm vi|theo chức năng|thực hiện|có trách nhiệm)\b",
        sentence,
    )
    if not g:
        return []
    return [ctx.duty(n, "thực hiện", sentence, block) for n in split_names(ctx, g.group("list"))]

