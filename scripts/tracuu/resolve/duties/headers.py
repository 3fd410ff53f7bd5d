"""Strategy 2: addressee headers.

A heading or numbered item that names an agency, with the duty after a colon
("**5. Sở Thông tin và Truyền thông:** Chỉ đạo …") or in the blocks under it
(bullets, paragraphs, "a) … d)"); a role in the header ("X chủ trì, phối hợp
với Y:") is X's role, Y are partners. A header may name several agencies
("**6. Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn:** …"): each gets the duty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracuu.model.records import Block, Role
from tracuu.resolve.duties.names import (
    NOTICE,
    PARTNERS,
    STOP,
    Claim,
    Context,
    Named,
    item_role,
    leading_agencies,
    names_in,
    partner_names,
    plain,
    split_names,
)

_ROLE_HEAD = re.compile(r"^(?:chủ trì|phối hợp)\b")
# Words that open a header before the addressee ("1. Đối với Sở Y tế", "7. Đề nghị Ủy ban MTTQ tỉnh …").
_HEAD_PREFIX = re.compile(r"^(?:Đối với|Đề nghị|Giao(?:\s+cho)?)\s+")
# An article or item titled by whose responsibility it states: "Trách nhiệm của X", "Quyền,
# trách nhiệm của X", "Nhiệm vụ, quyền hạn của X": the whole rest is the addressee's name.
_TITLED = re.compile(
    r"^(?:Quyền,?\s+(?:và\s+)?)?(?:Trách nhiệm|Nhiệm vụ)(?:,?\s+(?:và\s+)?(?:quyền hạn|trách nhiệm|quyền|nghĩa vụ))?"
    r"\s+của\s+",
    re.I,
)
# A paragraph that addresses someone else, not the rest of the header's duties.
_ADDRESSING = re.compile(r"^(?:Đề nghị|Yêu cầu|Giao)\s")
# "(cơ quan thường trực)", "(chủ trì)": a remark on the addressee's role, not part of its name.
_ROLE_NOTE = re.compile(r"\s*\((?P<note>[a-zđà-ỹ][^()]*)\)\s*$")
_REPORTED = re.compile(r"^(?:đã|Đã|đang|Đang)\b")


@dataclass(frozen=True)
class Header:
    who: tuple[Named, ...]
    role: Role
    partners: tuple[Named, ...]
    body: str


@dataclass(frozen=True)
class _Head:
    """A header block's text cut at its first colon: "Sở Y tế (chủ trì)" : "Chủ trì, phối hợp …"."""

    head: str
    colon: bool
    body: str
    is_bullet: bool
    has_children: bool
    titled: bool = False  # "Trách nhiệm của X": the head is a name, whatever words it holds


def _cut(ctx: Context, block: Block) -> _Head | None:
    if block.kind not in ("heading", "item", "bullet") or not block.label:
        return None
    is_bullet = block.kind == "bullet" or block.label in ("-", "+", "•", "–")
    text = plain(block.text)
    titled = _TITLED.match(text)
    text = text[titled.end():] if titled else _HEAD_PREFIX.sub("", text, count=1)
    head, colon, body = text.partition(":")
    head = head.strip() if colon else head.strip().rstrip(".")
    cut = _Head(head, bool(colon), body.strip(), is_bullet, bool(ctx.children.get(block.anchor)), bool(titled))
    if is_bullet and (not colon or (not cut.body and not cut.has_children)):
        return None  # a bullet names its addressee only as "- Sở Tư pháp: …"
    return cut if len(head) <= 250 else None


def _not_a_header(cut: _Head, rest: str, role_in_head: bool) -> bool:
    if not role_in_head and rest and (not cut.colon or cut.is_bullet):
        return True  # "Sở X chủ động rà soát …" with no colon is a sentence, not a header
    if not cut.colon and rest and not cut.has_children:
        return True  # "9. Đề nghị X phối hợp tuyên truyền …": a sentence, read as prose
    return cut.is_bullet and bool(_REPORTED.match(cut.body))  # "- Sở Y tế: đã khám cho …" reports


def parse_header(ctx: Context, block: Block) -> Header | None:
    """The addressee(s) a heading, numbered item or "- Agency: …" bullet names."""
    cut = _cut(ctx, block)
    if cut is None:
        return None
    head = cut.head
    role: Role = "thực hiện"
    if note := _ROLE_NOTE.search(head):
        head = head[: note.start()]
        if "chủ trì" in note.group("note"):
            role = "chủ trì"
    whole = names_in(ctx, head) if cut.titled else []
    lead = (whole, "") if whole else leading_agencies(ctx, head)
    if lead is None:
        return None
    who, rest = lead
    m = _ROLE_HEAD.match(rest)
    if m:
        role = "chủ trì" if m.group(0) == "chủ trì" else "phối hợp"
    if _not_a_header(cut, rest, m is not None):
        return None
    partners: tuple[Named, ...] = ()
    if pm := PARTNERS.search(rest):
        partners = tuple(split_names(ctx, pm.group("list")))
    return Header(tuple(who), role, partners, cut.body)


def _someone_else(ctx: Context, text: str, header: Header) -> bool:
    """A block under a header that addresses another agency ("Đề nghị Ủy ban MTTQ …")."""
    if _ADDRESSING.match(text):
        return True
    lead = leading_agencies(ctx, text)
    if lead is None:
        return False
    mine = {w.agency.id for w in header.who}
    return any(n.agency.id not in mine for n in lead[0]) and bool(STOP.match(" " + lead[1]))



def _header_claims(ctx: Context, block: Block, header: Header, kids: list[Block]) -> list[Claim]:
    """The header's own duty (after its colon), then one claim per block under it."""
    claims: list[Claim] = []
    mine = frozenset([block.anchor])
    found = 0
    if header.body:
        partners = [*header.partners, *partner_names(ctx, header.body)]
        duties = tuple(ctx.duties(header.who, item_role(header.body, header.role), header.body, block, partners))
        found += len(duties)
        claims.append(Claim(mine, duties))
    else:
        claims.append(Claim(mine))
    for kid in kids:
        text = plain(kid.text)
        if kid.kind == "para" and NOTICE.search(text):
            continue  # the closing line, not one more duty of the last header
        if kid.kind == "para" and _someone_else(ctx, text, header):
            continue  # left to the prose reader
        sub = ctx.descendants(kid.anchor)
        taken = mine | {kid.anchor, *(b.anchor for b in sub)}
        if not text or (found and kid.kind == "para" and text[:1].islower()):
            # empty, or the rest of the previous duty split by a page break: taken, no duty
            claims.append(Claim(taken))
            continue
        partners = [*header.partners, *partner_names(ctx, text)]
        duties = tuple(ctx.duties(header.who, item_role(text, header.role), text, kid, partners, sub))
        found += len(duties)
        claims.append(Claim(taken, duties))
    return claims


def headers(ctx: Context) -> list[Claim]:
    """One claim for each header, one for each block under it (which also holds the header)."""
    claims: list[Claim] = []
    taken: set[str] = set(ctx.excluded)
    for block in ctx.doc.body:
        if block.anchor in taken:
            continue
        header = parse_header(ctx, block)
        if header is None:
            continue
        kids = [k for k in ctx.children.get(block.anchor, []) if k.anchor not in taken]
        if any(parse_header(ctx, k) for k in kids):
            continue  # a container ("1. Đối với các đơn vị …") whose items name the agencies
        mine = _header_claims(ctx, block, header, kids)
        for c in mine:
            taken.update(c.blocks)
        claims.extend(mine)
    return claims
