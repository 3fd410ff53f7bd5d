"""Strategy 1: statistical indicators of an annex.

"0102. Tỷ số giới tính khi sinh" … "5. Cơ quan chịu trách nhiệm thu thập, tổng
hợp" + "- Chủ trì: Bộ …;" / "- Phối hợp: Bộ …; Bộ …", or the inline form
"…: Bộ …". Each named body gets one duty per indicator, the leader "chủ trì",
the others "phối hợp". An indicator that only refers to another ("quy định tại
mã chỉ tiêu 0102, phụ lục I") takes that indicator's bodies.
"""

from __future__ import annotations

import re

from tracuu.model.records import Block
from tracuu.resolve.duties.names import MARKUP, Claim, Context, Named, plain, split_names

_INDICATOR = re.compile(r"^\d{4}$")
_RESPONSIBLE = re.compile(r"Cơ quan chịu trách nhiệm thu thập,\s*tổng hợp\s*:?\s*(?P<rest>.*)$")
_LEAD = re.compile(r"^(?:Cơ quan\s+)?chủ trì\s*:\s*(?P<list>.*)$", re.IGNORECASE)
_SUPPORT = re.compile(r"^(?:Cơ quan\s+)?phối hợp\s*:\s*(?P<list>.*)$", re.IGNORECASE)
_SEE_INDICATOR = re.compile(r"quy định tại mã chỉ tiêu\s+(?P<code>\d{4}),?\s*phụ lục\s+(?P<annex>[IVXLC]+)", re.I)

Bodies = tuple[list[Named], list[Named]]


def _responsible(ctx: Context, head: Block, rest: str, sub: list[Block]) -> Bodies:
    """(leads, partners) listed by "Cơ quan chịu trách nhiệm …" and the items under it."""
    lead: list[Named] = []
    support: list[Named] = []
    if rest.strip():
        lead.extend(split_names(ctx, rest))
    after_lead = False
    for item in sub:
        if item.parent != head.anchor:
            break
        t = plain(item.text)
        if ml := _LEAD.match(t):
            lead.extend(split_names(ctx, ml.group("list")))
            after_lead = True
        elif ms := _SUPPORT.match(t):
            support.extend(split_names(ctx, ms.group("list")))
        elif after_lead:  # an unlabelled line after "Chủ trì: …" lists the partners
            support.extend(split_names(ctx, t))
    return lead, support


def _read(ctx: Context, sub: list[Block]) -> tuple[Bodies, tuple[str, str] | None]:
    """An indicator's bodies, and the indicator it refers to (code, annex) if any."""
    ref: tuple[str, str] | None = None
    for n, b in enumerate(sub):
        if m := _RESPONSIBLE.search(plain(b.text)):
            return _responsible(ctx, b, m.group("rest"), sub[n + 1:]), ref
        if see := _SEE_INDICATOR.search(b.text):
            ref = (see.group("code"), f"Phụ lục {see.group('annex').upper()}")
    return ([], []), ref


def indicators(ctx: Context) -> list[Claim]:
    """One claim per indicator: the indicator block and everything under it."""
    blocks = [b for b in ctx.doc.body if b.annex and _INDICATOR.match(b.label)]
    found: dict[tuple[str, str], Bodies] = {}
    refs: dict[str, tuple[str, str]] = {}
    subs: dict[str, list[Block]] = {}
    for ind in blocks:
        subs[ind.anchor] = sub = ctx.descendants(ind.anchor)
        found[(ind.annex, ind.label)], ref = _read(ctx, sub)
        if ref is not None:
            refs[ind.anchor] = ref
    claims: list[Claim] = []
    for ind in blocks:
        lead, support = found[(ind.annex, ind.label)]
        if not lead and not support and ind.anchor in refs:
            code, annex = refs[ind.anchor]
            lead, support = found.get((annex, code), ([], []))
        text = MARKUP.sub("", ind.text).strip()
        duties = [ctx.duty(who, "chủ trì", text, ind, [s.agency for s in support]) for who in lead]
        duties += [ctx.duty(who, "phối hợp", text, ind, [s.agency for s in lead]) for who in support]
        claims.append(Claim(frozenset([ind.anchor, *(b.anchor for b in subs[ind.anchor])]), tuple(duties)))
    return claims
