"""Groups whose members a document names ("các thành viên Ban Chỉ đạo … : A, B, C")."""

from __future__ import annotations

import re

from tracuu.model.records import Document, Membership, ResolvedAgency
from tracuu.registries.agencies import AgencyRegistry, clean_name, load_registry
from tracuu.resolve.duties.names import Context, plain, split_names

_MEMBERS_SENTENCE = re.compile(
    r"(?P<group>(?:các\s+)?(?:sở, ngành\s+)?thành viên (?:Ban Chỉ đạo|BCĐ)[^:.;]{0,120}?)[^:.;]{0,60}:\s*(?P<list>[^.]+)",
    re.IGNORECASE,
)


def extract_memberships(doc: Document, registry: AgencyRegistry | None = None) -> tuple[Membership, ...]:
    """Groups whose members the document names.

    - a sentence "… các thành viên Ban Chỉ đạo là lãnh đạo các đơn vị: A, B, C";
    - a footnote attached to a group ("Các Sở, ngành, đoàn thể thành viên BCD²")
      whose text lists agencies ("- Các Sở: Y tế; Giáo dục và Đào tạo; …").
    """
    ctx = Context(doc, registry or load_registry())
    return (*_sentences(ctx), *_footnotes(ctx))


def _sentences(ctx: Context) -> list[Membership]:
    out: list[Membership] = []
    for block in ctx.doc.body:
        for m in _MEMBERS_SENTENCE.finditer(plain(block.text)):
            group = ctx.resolve(m.group("group"), allow_unknown=False)
            named = tuple(n.agency for n in split_names(ctx, m.group("list")) if not n.agency.is_group)
            if group is not None and group.is_group and len(named) >= 2:
                out.append(Membership(group, named, block.line))
    return out


def _group_of(ctx: Context, marker: str, lines: list[str]) -> ResolvedAgency | None:
    """The group a footnote marker is attached to ("Các Sở, ngành, đoàn thể thành viên BCĐ²")."""
    for line in lines:
        pos = line.find(marker) if marker else -1
        if pos > 0:
            group = ctx.resolve(clean_name(line[:pos]).lstrip("- "), allow_unknown=False)
            if group is not None:
                return group
    return None


def _listed(ctx: Context, text: str) -> list[ResolvedAgency]:
    """The agencies a footnote lists: "- Các Sở: Y tế; Giáo dục và Đào tạo; …" or a plain list."""
    members: list[ResolvedAgency] = []
    for part in re.split(r"\n+|(?:^|\s)-\s", text):
        part = part.strip(" -")
        km = re.match(r"^Các\s+(Sở|Bộ|Phòng)\s*:\s*(?P<rest>.*)$", part)
        if not km:
            members.extend(n.agency for n in split_names(ctx, part))
            continue
        for item in re.split(r"\s*;\s*", km.group("rest")):
            item = item.strip(" .")
            a = (ctx.resolve(f"{km.group(1)} {item}", allow_unknown=False) or ctx.resolve(item)) if item else None
            if a is not None:
                members.append(a)
    return members


def _footnotes(ctx: Context) -> list[Membership]:
    out: list[Membership] = []
    lines = [*ctx.doc.noi_nhan, *(b.text for b in ctx.doc.body)]
    for fn in ctx.doc.footnotes:
        group = _group_of(ctx, fn.marker, lines)
        if group is None or not group.is_group:
            continue
        uniq = tuple(dict.fromkeys(m for m in _listed(ctx, fn.text) if not m.is_group))
        if len(uniq) >= 2:
            out.append(Membership(group, uniq, fn.line))
    return out
