"""Who does what: every agency's duties, partners' duties, group duties and issued documents.

Computed once per build (``resolve.index``) from the duties the parse step
resolved and the agency registry; ``render.agencies`` only lays it out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tracuu.model.corpus import Corpus
from tracuu.model.index import AgencyEntry, AgencyFacts, AgencyLink
from tracuu.model.records import Document, Duty, ResolvedAgency
from tracuu.registries.agencies import AgencyRegistry, clean_name
from tracuu.resolve.agencies import issuer_agency
from tracuu.resolve.jurisdiction import jurisdiction


@dataclass
class _View:
    agency: ResolvedAgency
    written_as: set[str] = field(default_factory=set)
    entries: list[AgencyEntry] = field(default_factory=list)
    members: dict[str, ResolvedAgency] = field(default_factory=dict)
    member_of: dict[str, ResolvedAgency] = field(default_factory=dict)
    issued: list[Document] = field(default_factory=list)
    line_ministry: ResolvedAgency | None = None
    line_offices: list[ResolvedAgency] = field(default_factory=list)

    def frozen(self) -> AgencyFacts:
        return AgencyFacts(
            self.agency,
            frozenset(self.written_as),
            tuple(self.entries),
            tuple(self.members.values()),
            tuple(self.member_of.values()),
            tuple(self.issued),
            self.line_ministry,
            tuple(self.line_offices),
        )


def _instances(reg: AgencyRegistry, doc: Document) -> dict[str, ResolvedAgency]:
    """Every registry agency as it would be named in ``doc``: id → agency (to name partners)."""
    province, district = jurisdiction(doc)
    out: dict[str, ResolvedAgency] = {}
    for t in reg.templates:
        a = reg.match(t.name, province, district)
        if a is not None:
            out.setdefault(a.id, a)
    for g in reg.groups:
        a = reg.match(g.name, province, district)
        if a is not None:
            out.setdefault(a.id, a)
    return out


class _Collector:
    def __init__(self, reg: AgencyRegistry) -> None:
        self.reg = reg
        self.views: dict[str, _View] = {}
        self.known: dict[str, ResolvedAgency] = {}

    def view(self, a: ResolvedAgency) -> _View:
        return self.views.setdefault(a.id, _View(self.known.setdefault(a.id, a)))

    def add_document(self, doc: Document) -> None:
        reg = self.reg
        province, district = jurisdiction(doc)
        instances = _instances(reg, doc)
        # a partner with a duty of its own on the same block (C2) sees that one, not the lead's again
        own = {(d.agency_id, d.block) for d in doc.duties}
        for d in doc.duties:
            a = reg.match(d.agency_text, province, district)
            if a is None or a.id != d.agency_id:
                a = ResolvedAgency(d.agency_id, d.agency, "", "", "", is_group=d.is_group, known=False)
            v = self.view(a)
            v.written_as.add(d.agency_text)
            v.entries.append(AgencyEntry(doc, d, "own", d.role))
            for pid in d.partners:
                p = self.known.get(pid) or instances.get(pid)
                if p is not None and (pid, d.block) not in own:
                    self.view(p).entries.append(AgencyEntry(doc, d, "partner", "phối hợp"))
        issuer = issuer_agency(doc, reg)
        if issuer is not None:
            self.view(issuer).issued.append(doc)
        for m in doc.memberships:
            g = self.view(m.group)
            for member in m.members:
                mv = self.view(member)
                g.members.setdefault(member.id, mv.agency)
                mv.member_of.setdefault(g.agency.id, g.agency)


def _within(member: ResolvedAgency, group: ResolvedAgency) -> bool:
    """Is ``member`` in ``group``'s jurisdiction (a central group covers the country)?"""
    if group.province and member.province != group.province:
        return False
    return not (group.district and member.district != group.district)


def _add_implied_members(views: dict[str, _View], reg: AgencyRegistry) -> None:
    """Members a group's name implies: every Sở of Kon Tum is one of "các sở, ban, ngành … tỉnh Kon Tum"."""
    for g in list(views.values()):
        spec = reg.group(g.agency.template) if g.agency.is_group else None
        if spec is None or not (spec.includes_all_kinds or spec.includes_all_templates):
            continue
        for v in views.values():
            a = v.agency
            if a.is_group or a.level != spec.includes_all_level:
                continue
            if a.kind not in spec.includes_all_kinds and a.template not in spec.includes_all_templates:
                continue
            if _within(a, g.agency):
                g.members.setdefault(a.id, a)
                v.member_of.setdefault(g.agency.id, g.agency)


def _duty_key(e: AgencyEntry) -> tuple[str, str, int, str, str]:
    """One duty, whichever way it reaches an agency."""
    return (e.doc.id, e.duty.block, e.duty.line, e.duty.agency_id, e.duty.text)


def _recipient_groups(doc: Document, reg: AgencyRegistry) -> set[str]:
    """Ids of the groups the document is addressed to (Kính gửi, Nơi nhận)."""
    province, district = jurisdiction(doc)
    out: set[str] = set()
    for text in (*doc.kinh_gui, *doc.noi_nhan, *doc.recipients):
        a = reg.match(clean_name(text).lstrip("- "), province, district, allow_unknown=False)
        if a is not None and a.is_group:
            out.add(a.id)
    return out


def _addressed_members(c: _Collector, corpus: Corpus) -> list[tuple[str, AgencyEntry]]:
    """Duties a document gives "các ngành" that reach the members of a group it is addressed to.

    A guidance sent to "Các Sở, ngành, đoàn thể thành viên BCĐ²" (a footnote lists
    them) that tells "các ngành, địa phương" what to do addresses those members:
    each member whose kind the collective group is made of (its ``member_kinds``),
    in the group's jurisdiction, gets the collective's duties of that document,
    shared through the group of members it was addressed as. Only that document's.
    """
    out: list[tuple[str, AgencyEntry]] = []
    for doc in corpus.documents:
        if not doc.memberships:
            continue
        addressed = _recipient_groups(doc, c.reg)
        collective = [d for d in doc.duties if d.is_group]
        for m in doc.memberships:
            if m.group.id not in addressed:
                continue
            for d in collective:
                g = c.views.get(d.agency_id)
                spec = c.reg.group(g.agency.template) if g is not None else None
                if g is None or spec is None or g.agency.id == m.group.id:
                    continue
                entries = [e for e in g.entries if e.doc.id == doc.id and e.duty is d]
                for e in entries:
                    out.append((m.group.id, AgencyEntry(doc, d, "shared", e.part, g.agency.id)))
                    for member in m.members:
                        if member.kind in spec.member_kinds and _within(member, g.agency):
                            out.append((member.id, AgencyEntry(doc, d, "shared", e.part, m.group.id)))
    return out


def _share(c: _Collector, corpus: Corpus) -> None:
    """Every member gets its groups' duties, addressed (thực hiện, chủ trì) and supported (phối hợp)."""
    extra: list[tuple[str, AgencyEntry]] = []
    for v in c.views.values():
        for gid in sorted(v.member_of):
            for e in c.views[gid].entries:
                if e.relation in ("own", "partner"):
                    extra.append((v.agency.id, AgencyEntry(e.doc, e.duty, "shared", e.part, gid)))
    extra += _addressed_members(c, corpus)
    for aid, e in extra:
        c.views[aid].entries.append(e)
    for v in c.views.values():
        # a duty reaches an agency once: as its own, else as a named partner, else through its first group
        rank = {"own": 0, "partner": 1, "shared": 2}
        best: dict[tuple[str, str, int, str, str], AgencyEntry] = {}
        for e in v.entries:
            k = _duty_key(e)
            if k not in best or rank[e.relation] < rank[best[k].relation]:
                best[k] = e
        # a clause that gives the agency a duty of its own (C2 partners) is not listed again through a group
        direct = {(e.doc.id, e.duty.block) for e in v.entries if e.relation != "shared"}
        v.entries = [
            e for e in v.entries
            if best[_duty_key(e)] is e and not (e.relation == "shared" and (e.doc.id, e.duty.block) in direct)
        ]


def _link_line_ministries(views: dict[str, _View], reg: AgencyRegistry) -> None:
    """Sở Y tế tỉnh Thái Nguyên ↔ Bộ Y tế (``line_ministries``): both ways, between pages that exist."""
    by_template: dict[str, _View] = {}
    for v in views.values():
        if v.agency.template and not v.agency.is_group and v.agency.id == v.agency.template:
            by_template.setdefault(v.agency.template, v)  # the central body's own page (not an instance)
    for v in sorted(views.values(), key=lambda v: (v.agency.province, v.agency.name)):
        entry = reg.ministry_of(v.agency.template) if v.agency.template and not v.agency.is_group else None
        ministry = by_template.get(entry.ministry) if entry is not None else None
        if ministry is None:
            continue
        v.line_ministry = ministry.agency
        ministry.line_offices.append(v.agency)


def agency_facts(corpus: Corpus, reg: AgencyRegistry) -> dict[str, AgencyFacts]:
    """Agency id → everything its page shows."""
    c = _Collector(reg)
    for doc in corpus.documents:
        c.add_document(doc)
    _add_implied_members(c.views, reg)
    _share(c, corpus)
    _link_line_ministries(c.views, reg)
    return {aid: v.frozen() for aid, v in c.views.items()}


def _duties_by_block(doc: Document) -> dict[str, list[Duty]]:
    """Duties keyed by their clause's anchor and by the anchor of the clause's label block."""
    parents = {b.anchor: b.parent for b in doc.body}
    out: dict[str, list[Duty]] = defaultdict(list)
    for d in doc.duties:
        out[d.block].append(d)
        if parents.get(d.block):
            out[parents[d.block]].append(d)
    return out


def agency_links(doc: Document) -> dict[str, tuple[AgencyLink, ...]]:
    """Block anchor → where it names the addressee of each duty whose clause it is (or is the label of)."""
    by_block = _duties_by_block(doc)
    out: dict[str, tuple[AgencyLink, ...]] = {}
    for b in doc.body:
        links: list[AgencyLink] = []
        seen: set[str] = set()
        for d in by_block.get(b.anchor, []):
            if d.agency_id in seen or not d.agency_text:
                continue
            start = b.text.find(d.agency_text)
            if start < 0:
                continue
            seen.add(d.agency_id)
            links.append(AgencyLink(start, start + len(d.agency_text), d.agency_id))
        if links:
            out[b.anchor] = tuple(links)
    return out
