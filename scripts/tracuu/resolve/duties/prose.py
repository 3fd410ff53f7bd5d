"""Strategies 3 and 4: guidance addressed to all, and running prose.

Guidance: a paragraph ending in ":" that addresses someone ("… hướng dẫn các
ngành, địa phương … cụ thể như sau:") followed by numbered items that name no
agency: each item is a duty of the addressee.

Prose, in any document including news (convention C1), is read by
``sentences``: an assignment anywhere in a sentence, a paragraph that opens
with its addressee, and paragraphs that keep addressing the same agencies.
"""

from __future__ import annotations

import re

from tracuu.model.records import Block, Duty
from tracuu.resolve.duties.headers import parse_header
from tracuu.resolve.duties.names import NOTICE, Claim, Context, Named, leading_agencies, partner_names, plain
from tracuu.resolve.duties.sentences import Thread, read_block

_GUIDANCE = re.compile(r"\b(?:hướng dẫn|đề nghị|yêu cầu|giao(?: cho)?)\s+(?P<rest>.+)$", re.I)
_NOT_DUTY_START = re.compile(r"^(?:Trên đây|Với nội dung trên|Nơi nhận)", re.I)


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


# "Sở Y tế có trách nhiệm sau:", "UBND các cấp có nhiệm vụ:", "… chịu trách nhiệm thực hiện các nội dung sau:"
_RESPONSIBLE = re.compile(r"^(?:có|chịu)\s+(?:trách nhiệm|nhiệm vụ)\b")


def _responsible(ctx: Context, text: str) -> tuple[list[Named], str] | None:
    lead = leading_agencies(ctx, text)
    return lead if lead is not None and _RESPONSIBLE.match(lead[1]) else None


def guidance(ctx: Context) -> list[Claim]:
    """One claim per guidance paragraph: the paragraph, its items and what is under them."""
    claims: list[Claim] = []
    taken: set[str] = set(ctx.excluded)
    body = list(ctx.doc.body)
    for n, block in enumerate(body):
        if block.kind != "para" or block.anchor in taken or not block.text.rstrip().endswith(":"):
            continue
        m = _GUIDANCE.search(plain(block.text))
        lead = leading_agencies(ctx, m.group("rest")) if m else _responsible(ctx, plain(block.text))
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
            duties.extend(ctx.duties(who, "thực hiện", text, item, partner_names(ctx, text), sub))
        taken.update(blocks)
        claims.append(Claim(frozenset(blocks), tuple(duties)))
    return claims


def prose(ctx: Context) -> list[Claim]:
    """One claim per block whose sentences assign duties; a paragraph may carry on the last one's."""
    claims: list[Claim] = []
    thread = Thread()
    for block in ctx.doc.body:
        # "Điều 2. Giao Sở … chủ trì, …": an article whose heading is its text
        article = block.kind == "heading" and block.label.startswith("Điều")
        text = plain(block.text)
        if (
            block.anchor in ctx.excluded or block.annex
            or (block.kind not in ("para", "item", "bullet") and not article)
            or _NOT_DUTY_START.match(text) or NOTICE.search(text)
        ):
            thread = Thread()
            continue
        duties, thread = read_block(ctx, block, text, thread)
        if duties:
            claims.append(Claim(frozenset([block.anchor]), tuple(duties)))
    return claims
