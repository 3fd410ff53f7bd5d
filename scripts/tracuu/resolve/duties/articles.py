"""Strategy 0: articles headed by a body, in normative texts.

A law or decree gives each body its duties in an article of its own: "Điều 84.
Bộ Y tế" followed by "1. Bảo đảm …", "2. Hướng dẫn …". When an article's
heading is nothing but the names of one or more bodies ("Điều 81. Tòa án nhân
dân, Viện kiểm sát nhân dân", "Điều 89. Bộ, cơ quan ngang bộ, cơ quan thuộc
Chính phủ", "Điều 90. Ủy ban nhân dân các cấp"), every khoản of the article is
one duty of each body named; an article without khoản is one duty. The role is
read per khoản: "Chủ trì …" → chủ trì, "Phối hợp …" → phối hợp, else thực hiện;
partners are the bodies a "phối hợp với …" names.

A khoản that opens with bodies of its own is their duty, not the heading's
("Điều 81. Tòa án nhân dân, Viện kiểm sát nhân dân": "3. Viện kiểm sát nhân
dân các cấp áp dụng …" is the procuracies'; "Điều 90. Ủy ban nhân dân các
cấp": "4. Ủy ban nhân dân cấp xã giao …" the communes'), its role read after
the name ("Trung ương Hội … có trách nhiệm phối hợp …" → phối hợp). A khoản
that introduces its points ("… có trách nhiệm sau đây:" + "a) Chủ trì …")
gives one duty per điểm, each with its own role. In a national text a
heading's bare name of a system of bodies ("Tòa án nhân dân") means it at
every level ("Tòa án nhân dân các cấp").

Priority 0 (before every other strategy): such a heading is the text's own
statement of whose duties follow, so its blocks are not read again as
addressee headers or prose.
"""

from __future__ import annotations

import re

from tracuu.model.records import Block, Duty, ResolvedAgency, Role
from tracuu.resolve.duties.names import (
    PARTNERS,
    Claim,
    Context,
    Named,
    leading_agencies,
    partners_in,
    plain,
    split_names,
)

# "Điều 84. Bộ Y tế" / "Điều 8.1.LQ.84. Bộ Y tế": the article's label, then its heading.
_ARTICLE = re.compile(r"^Điều\s+\d+[a-zđ]?\.\s*(?P<name>.+?)\.?$")
# Headings that name a subject, never a body, even when a body's name is inside them.
_NOT_BODY = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ|Quyền|Bảo đảm|Tổ chức thực hiện|Hiệu lực|Phạm vi|Đối tượng)\b", re.I)


# "… ngoài việc thực hiện quy định tại …, có trách nhiệm sau đây:" / "có trách nhiệm phối hợp …":
# what the body must do starts after these words.
_RESPONSIBLE = re.compile(r"^(?:.{0,200}?[,\s])?(?:có|chịu)\s+trách nhiệm\s+(?:sau đây\s*)?")


def role_of(text: str) -> Role:
    """"Chủ trì, phối hợp …" → chủ trì; "Phối hợp với …" → phối hợp; else thực hiện."""
    if m := _RESPONSIBLE.match(text):
        text = text[m.end():]
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
    whole = _resolve(ctx, name)
    if whole is not None:
        return [Named(name, whole)]
    named = split_names(ctx, name)
    if not named:  # "Tòa án nhân dân, Viện kiểm sát nhân dân": each a system of bodies
        found = [(p, _resolve(ctx, p)) for p in re.split(r",\s+|\s+và\s+", name)]
        named = [Named(p, a) for p, a in found if a is not None] if all(a for _, a in found) else []
    # every word of the heading must belong to a name it resolved
    covered = sum(len(n.text) for n in named)
    letters = len(re.sub(r"[\s,.;]|\bvà\b", "", name))
    return named if named and covered >= letters * 0.9 else []


def _resolve(ctx: Context, name: str) -> ResolvedAgency | None:
    """A body the registry knows; in a national text, a bare system name means all its levels."""
    found = ctx.resolve(name, allow_unknown=False)
    if found is None and not ctx.province:
        found = ctx.resolve(f"{name} các cấp", allow_unknown=False)
    return found


def _own_subject(ctx: Context, text: str) -> tuple[list[Named], str] | None:
    """The bodies a khoản opens with ("Ủy ban nhân dân cấp xã giao …"), when it names only known ones."""
    lead = leading_agencies(ctx, text)
    if lead is None or not all(n.agency.known or n.agency.is_group for n in lead[0]):
        return None
    return lead


def _points(ctx: Context, block: Block) -> list[Block]:
    """The điểm of a khoản that introduces them ("… có trách nhiệm sau đây:")."""
    if not plain(block.text).rstrip().endswith(":"):
        return []
    return [b for b in ctx.children.get(block.anchor, ()) if b.kind == "item"]


def _khoan_duties(ctx: Context, who: list[Named], block: Block) -> list[Duty]:
    text = plain(block.text)
    own = _own_subject(ctx, text)
    bodies, rest = (own[0], own[1]) if own else (who, text)
    points = _points(ctx, block)
    duties = []
    for item in points or [block]:
        said = plain(item.text) if points else text
        doing = said if points else rest
        m = PARTNERS.search(doing)
        partners = partners_in(ctx, m.group("list")) if m else []
        parts = ctx.descendants(item.anchor)
        for named in bodies:
            duties.append(ctx.duty(named, role_of(doing), said, item, partners, parts))
    return duties


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
        duties = [d for block in items for d in _khoan_duties(ctx, who, block)]
        blocks = frozenset([head.anchor, *(b.anchor for b in kids), *(d.anchor for b in kids for d in ctx.descendants(b.anchor))])
        claims.append(Claim(blocks, tuple(duties)))
    return claims
