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
    out: list[Membership] = []
    for block in doc.body:
        for m in _MEMBERS_SENTENCE.finditer(plain(block.text)):
            group = ctx.resolve(m.group("group"), allow_unknown=False)
            named = tuple(n.agency for n in split_names(ctx, m.group("list")) if not n.agency.is_group)
            if group is not None and group.is_group and len(named) >= 2:
                out.append(Membership(group, named, block.line))
    lines = [*doc.noi_nhan, *(b.text for b in doc.body)]
    for fn in doc.footnotes:
        group = None
        for line in lines:
            pos = line.find(fn.marker) if fn.marker else -1
            if pos > 0:
                group = ctx.resolve(clean_name(line[:pos]).lstrip("- "), allow_unknown=False)
                if group is not None:
                    break
        if group is None or not group.is_group:
            continue
        members: list[ResolvedAgency] = []
        for part in re.split(r"\n+|(?:^|\s)-\s", fn.text):
            part = part.strip(" -")
            km = re.match(r"^Các\s+(Sở|Bộ|Phòng)\s*:\s*(?P<rest>.*)$", part)
            if km:
                for item in re.split(r"\s*;\s*", km.group("rest")):
                    item = item.strip(" .")
                    if not item:
                        continue
                    a = ctx.resolve(f"{km.group(1)} {item}", allow_unknown=False) or ctx.resolve(item)
                    if a is not None:
                        members.append(a)
            else:
                members.extend(n.agency for n in split_names(ctx, part))
        uniq = tuple(dict.fromkeys(m for m in members if not m.is_group))
        if len(uniq) >= 2:
            out.append(Membership(group, uniq, fn.line))
    return tuple(out)
