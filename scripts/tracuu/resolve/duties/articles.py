"""Strategy 0: articles headed by a body, in normative texts.

A law or decree gives each body its duties in an article of its own: "Điều 84.
Bộ Y tế" followed by "1. Bảo đảm …", "2. Hướng dẫn …". When an article's
heading is nothing but the names of one or more bodies ("Điều 81. Tòa án nhân
dân, Viện kiểm sát nhân dân", "Điều 89. Bộ, cơ quan ngang bộ, cơ quan thuộc
Chính phủ", "Điều 90. Ủy ban nhân dân các cấp"), every khoản of the article is
one duty of each body named; an article without khoản is one duty. The role is
read per khoản: "Chủ trì …" → chủ trì, "Phối hợp …" → phối hợp, else thực hiện;
partners are the bodies a "phối hợp với …" names.

Priority 0 (before every other strategy): such a heading is the text's own
statement of whose duties follow, so its blocks are not read again as
addressee headers or prose.
"""

from __future__ import annotations

import re

from tracuu.model.records import Block, Role
from tracuu.resolve.duties.names import PARTNERS, Claim, Context, Named, partners_in, plain, split_names

# "Điều 84. Bộ Y tế" / "Điều 8.1.LQ.84. Bộ Y tế": the article's label, then its heading.
_ARTICLE = re.compile(r"^Điều\s+\d+[a-zđ]?\.\s*(?P<name>.+?)\.?$")
# Headings that name a subject, never a body, even when a body's name is inside them.
_NOT_BODY = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ|Quyền|Bảo đảm|Tổ chức thực hiện|Hiệu lực|Phạm vi|Đối tượng)\b", re.I)


def role_of(text: str) -> Role:
    """"Chủ trì, phối hợp …" → chủ trì; "Phối hợp với …" → phối hợp; else thực hiện."""
    if re.match(r"chủ trì\b", text, re.I):
        return "chủ trì"
    if re.match(r"phối (?:kết )?hợp\b", text, re.I):
        return "phối hợp"
    return "thực hiện"


def _bodies(ctx: Context, heading: Block) -> list[Named]:
    """The bodies an article heading names, when it names nothing else."""
    m = _ARTICLE.match(plain(heading.text) if not heading.text.startswith("Điều") else heading.text.strip())
    if m is None:
        return []
    name = m.group("name").strip()
    if _NOT_BODY.match(name) or len(name) > 120:
        return []
    whole = ctx.resolve(name, allow_unknown=False)
    if whole is not None:
        return [Named(name, whole)]
    named = split_names(ctx, name)
    # every word of the heading must belong to a name it resolved
    covered = sum(len(n.text) for n in named)
    letters = len(re.sub(r"[\s,.;]|\bvà\b", "", name))
    return named if named and covered >= letters * 0.9 else []


def articles(ctx: Context) -> list[Claim]:
    claims: list[Claim] = []
    for head in ctx.doc.body:
        if head.kind != "heading" or not head.label.startswith("Điều") or head.anchor in ctx.excluded:
            continue
        who = _bodies(ctx, head)
        if not who:
            continue
        kids = [
            b
            for b in ctx.children.get(head.anchor, ())
            if b.kind in ("item", "para") and not b.anchor.endswith(("-phap-dien", "-ghi-chu"))
        ]
        if not kids:
            continue
        items = [b for b in kids if b.kind == "item"] or kids
        duties = []
        for block in items:
            text = plain(block.text)
            parts = ctx.descendants(block.anchor)
            m = PARTNERS.search(text)
            partners = partners_in(ctx, m.group("list")) if m else []
            for named in who:
                duties.append(ctx.duty(named, role_of(text), text, block, partners, parts))
        blocks = frozenset([head.anchor, *(b.anchor for b in kids), *(d.anchor for b in kids for d in ctx.descendants(b.anchor))])
        claims.append(Claim(blocks, tuple(duties)))
    return claims
