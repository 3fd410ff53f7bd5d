"""Agency pages (``co-quan/<id>.md``) and their indexes. Pure functions of records.

An agency page leads with the duties the corpus gives the agency itself, one
section per role (chủ trì, phối hợp — also where it is a named partner —,
thực hiện), then the duties it shares through the groups it belongs to
("Giao chung qua nhóm"), counted per group. A row of links to those sections
filters by role without script (CSS ``:target``); print lists everything on
the page. An agency with more duties than one page holds (``render.paging``)
keeps the newest years and links one page per earlier year. Each
line links to the exact clause. Source text reaches Markdown only through mdsafe.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from tracuu.model.corpus import Corpus
from tracuu.model.index import AgencyEntry, AgencyFacts, CorpusIndex
from tracuu.model.records import Citation, Document, Duty, ResolvedAgency
from tracuu.model.textutil import collation_key, slugify
from tracuu.render import calendar, deadlines, paging, urls
from tracuu.render.agency_lines import line_md
from tracuu.render.instruments import citation_label, href_for
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.titles import human_date, title_of, vn_date

DIR = urls.AGENCIES
ROLE_CLASS = {"chủ trì": "role-chu-tri", "phối hợp": "role-phoi-hop", "thực hiện": "role-thuc-hien"}
SHARED_CLASS = "role-chung"
LEVEL_ORDER = ("trung ương", "tỉnh", "huyện", "xã")
INDEX_PAGES = ("index", "theo-cap", "theo-tinh", "theo-nganh")


def badge(role: str) -> str:
    """A role badge; class and label come from our constants, never from a source."""
    cls = ROLE_CLASS.get(role, "role-thuc-hien")
    label = role if role in ROLE_CLASS else "thực hiện"
    return f'<span class="role {cls}">{label}</span>'


SHARED_BADGE = f'<span class="role {SHARED_CLASS}" title="Nhiệm vụ giao chung cho nhóm cơ quan">chung</span>'


def _doc_title(doc: Document) -> str:
    return title_of(doc)


def newest_first(docs: Iterable[Document]) -> list[Document]:
    """Newest first (ISO dates of any precision compare as strings); undated last."""
    return sorted(sorted(docs, key=lambda d: d.id), key=lambda d: d.date, reverse=True)


def _instrument_links(doc: Document, duty: Duty, index: CorpusIndex) -> list[str]:
    out: list[str] = []
    for inst in duty.instruments:
        c: Citation | None = next((c for c in doc.citations if c.instrument == inst), None)
        if c is None:
            continue
        label = escape_inline(citation_label(c))
        href = href_for(c, index, from_dir=DIR)
        out.append(link(label, href) if href else label)
    return out


def _short_date(iso: str) -> str:
    """10/10/2023; tháng 01/2024; 2024 (as precise as the document)."""
    return ("tháng " if iso.count("-") == 1 else "") + vn_date(iso)


def _entry_md(e: AgencyEntry, views: Mapping[str, AgencyFacts], index: CorpusIndex, self_id: str) -> str:
    d = e.duty
    badges = badge(e.part) + (f" {SHARED_BADGE}" if e.relation == "shared" else "")
    text = f"{badges} {escape_inline(d.text, keep_emphasis=False)}"
    clause = urls.document(e.doc.id, DIR, d.block)
    meta = [link("Xem điều khoản", clause)]
    when = f", {_short_date(e.doc.date)}" if e.doc.date else ""
    meta.append(f"{link(escape_inline(_doc_title(e.doc)), urls.document(e.doc.id, DIR))}{escape_inline(when)}")
    if e.relation in ("partner", "shared"):
        owner = views.get(d.agency_id)
        name = escape_inline(owner.agency.name if owner else d.agency)
        lead = "Cơ quan chủ trì" if e.relation == "partner" and d.role == "chủ trì" else "Giao cho"
        meta.append(f"{lead}: {link(name, urls.agency(d.agency_id, DIR)) if owner else name}")
    partners = [p for p in d.partners if p != self_id]
    if partners:
        names = []
        for pid in partners:
            pv = views.get(pid)
            if pv is not None:
                names.append(link(escape_inline(pv.agency.name), urls.agency(pid, DIR)))
        if names:
            # the partners of a phối hợp duty are the bodies that lead it
            meta.append(("Chủ trì: " if d.role == "phối hợp" else "Phối hợp: ") + ", ".join(names))
    inst = _instrument_links(e.doc, d, index)
    if inst:
        meta.append("Văn bản dẫn chiếu: " + ", ".join(inst))
    return f'- {text}  \n  <span class="duty-meta">{" · ".join(meta)}</span>'


def _place(a: ResolvedAgency) -> str:
    if a.district:
        return f"{a.district}, tỉnh {a.province}" if a.province else a.district
    if a.province:
        return f"tỉnh {a.province}"
    return "Trung ương" if a.level == "trung ương" else ""


def _attrs_md(v: AgencyFacts, index: CorpusIndex) -> list[str]:
    a = v.agency
    rows: list[tuple[str, str]] = [("Loại", escape_inline("Nhóm cơ quan" if a.is_group else a.kind or "Cơ quan"))]
    if a.level:
        rows.append(("Cấp", escape_inline(a.level)))
    if _place(a):
        rows.append(("Địa bàn", escape_inline(_place(a))))
    sector = index.sector(a.sector) if a.sector else None
    if sector is not None:
        rows.append(("Ngành", link(escape_inline(sector.name), urls.href(DIR, "theo-nganh", DIR, sector.id))))
    written = sorted(v.written_as - {a.name}, key=collation_key)
    if written:
        rows.append(("Tên gọi trong văn bản", "; ".join(escape_inline(w) for w in written)))
    if not a.known:
        rows.append(("Ghi chú", "Chưa có trong danh mục cơ quan"))
    out = ['<div class="agency-attrs" markdown>\n', "| Thuộc tính | Nội dung |\n|---|---|"]
    out.extend(f"| {k} | {val} |" for k, val in rows)
    out.append("\n</div>\n")
    return out


def _relations_md(v: AgencyFacts) -> list[str]:
    out: list[str] = []
    if v.members:
        out.append("## Thành viên được nêu trong văn bản {#thanh-vien}\n")
        for m in sorted(v.members, key=lambda x: collation_key(x.name)):
            out.append(f"- {link(escape_inline(m.name), urls.agency(m.id, DIR))}")
        out.append("")
    if v.member_of:
        out.append("## Thuộc nhóm cơ quan {#thuoc-nhom}\n")
        for g in sorted(v.member_of, key=lambda x: collation_key(x.name)):
            out.append(f"- {link(escape_inline(g.name), urls.agency(g.id, DIR))}")
        out.append("")
    return out


ROLES = tuple(ROLE_CLASS)
ROLE_ANCHOR = {"chủ trì": "chu-tri", "phối hợp": "phoi-hop", "thực hiện": "thuc-hien"}
SHARED_ANCHOR = "giao-chung"


def _counts(entries: Iterable[AgencyEntry]) -> str:
    """"6 thực hiện, 4 phối hợp" in role order."""
    n: dict[str, int] = defaultdict(int)
    for e in entries:
        n[e.part] += 1
    return ", ".join(f"{n[r]} {r}" for r in ROLES if n[r])


def _summary_md(v: AgencyFacts) -> str:
    own = [e for e in v.entries if e.relation != "shared"]
    shared = [e for e in v.entries if e.relation == "shared"]
    docs = {e.doc.id for e in v.entries}
    parts = []
    if own:
        parts.append(f"{len(own)} nhiệm vụ của riêng cơ quan ({_counts(own)})")
    if shared:
        parts.append(f"{len(shared)} nhiệm vụ giao chung qua nhóm ({_counts(shared)})")
    return f"{len(v.entries)} nhiệm vụ trong {len(docs)} văn bản: {'; '.join(parts)}.\n"


def _filter_md(own: Mapping[str, list[AgencyEntry]], shared: int) -> str:
    """Links to the role sections; the CSS shows only the section a link targets (no script needed)."""
    links = ['<a href="#nhiem-vu">Tất cả</a>']
    links += [f'<a href="#{ROLE_ANCHOR[r]}">{r.capitalize()} ({len(own[r])})</a>' for r in ROLES if own[r]]
    if shared:
        links.append(f'<a href="#{SHARED_ANCHOR}">Giao chung qua nhóm ({shared})</a>')
    return f'<nav class="duty-filter" aria-label="Lọc theo vai trò" data-search-exclude>Xem: {" · ".join(links)}</nav>\n'


def _in_order(entries: Iterable[AgencyEntry], order: Mapping[tuple[str, str], int]) -> list[AgencyEntry]:
    """Newest document first; within one, in the order of its text."""
    by_doc = {d.id: n for n, d in enumerate(newest_first({e.doc.id: e.doc for e in entries}.values()))}
    return sorted(entries, key=lambda e: (by_doc[e.doc.id], order.get((e.doc.id, e.duty.block), 0), e.duty.line))


def _list_md(entries: list[AgencyEntry], views: Mapping[str, AgencyFacts], index: CorpusIndex, self_id: str) -> list[str]:
    # The duty texts are indexed on their document pages; here they would only repeat (and outrank) them.
    out = ['<div class="duty-list" data-search-exclude markdown>\n']
    out.extend(_entry_md(e, views, index, self_id) for e in entries)
    out.append("\n</div>\n")
    return out


def _duties_md(
    v: AgencyFacts, entries: list[AgencyEntry], views: Mapping[str, AgencyFacts], index: CorpusIndex
) -> list[str]:
    """``entries`` of the agency: its own duties by role, then those its groups share with it, group by group."""
    order = index.block_order
    own: dict[str, list[AgencyEntry]] = {r: [] for r in ROLES}
    via: dict[str, list[AgencyEntry]] = defaultdict(list)
    for e in entries:
        if e.relation == "shared":
            via[e.via].append(e)
        else:
            own[e.part if e.part in own else "thực hiện"].append(e)
    shared = sum(len(x) for x in via.values())
    out = [_filter_md(own, shared)]
    # The print button is no content: out of the search index (data-search-exclude).
    out.append(
        '<p class="agency-print" data-search-exclude><button type="button" class="md-button" onclick="window.print()">'
        "In danh sách</button> Bản in là danh sách kiểm tra: mỗi nhiệm vụ có một ô để đánh dấu.</p>\n"
    )
    out.append('<div class="duty-sections" markdown>\n')
    for r in ROLES:
        if own[r]:
            out.append(f'<section class="duty-role" markdown>\n\n### {r.capitalize()} ({len(own[r])}) {{#{ROLE_ANCHOR[r]}}}\n')
            out += _list_md(_in_order(own[r], order), views, index, v.agency.id)
            out.append("</section>\n")
    if shared:
        out.append(f'<section class="duty-role" markdown>\n\n### Giao chung qua nhóm ({shared}) {{#{SHARED_ANCHOR}}}\n')
        out.append("Nhiệm vụ văn bản giao cho cả một nhóm cơ quan mà cơ quan này thuộc về.\n")
        groups = sorted(via, key=lambda g: collation_key(views[g].agency.name if g in views else g))
        for gid in groups:
            g = views.get(gid)
            name = link(escape_inline(g.agency.name), urls.agency(gid, DIR)) if g else escape_inline(gid)
            group = sorted(_in_order(via[gid], order), key=lambda e: ROLES.index(e.part) if e.part in ROLES else 9)
            out.append(f"Qua nhóm {name}: {len(group)} nhiệm vụ ({_counts(group)})\n{{: .duty-group }}\n")
            out += _list_md(group, views, index, v.agency.id)
        out.append("</section>\n")
    out.append("</div>\n")
    return out


def _facets() -> list[Callable[[AgencyEntry], paging.Facet]]:
    return [lambda e: paging.year_facet(e.doc.date)]


def _size(e: AgencyEntry) -> int:
    """About what ``_entry_md`` writes: the duty, badges, the clause and document links, the other agencies."""
    return paging.text_size(e.duty.text, 450 + 120 * len(e.duty.partners))


def agency_pages(v: AgencyFacts, views: Mapping[str, AgencyFacts], corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    """The agency's page and, when its duties outgrow ``paging.MAX_BYTES``, pages for the earlier years.

    The page keeps the summary (every duty counted), the newest years' duties and links to the others
    (``co-quan/<id>--<year>.md``, in numbered parts when one year alone is too long); each piece
    has the same role sections and print button."""
    name = urls.page(DIR, v.agency.id)
    out = ["---\nsearch:\n  boost: 3\n---\n", f"# {escape_inline(v.agency.name)}\n"]
    out += _attrs_md(v, index)
    out.append("## Nhiệm vụ {#nhiem-vu}\n")
    extra: dict[str, str] = {}
    if not v.entries:
        out.append("Chưa có nhiệm vụ nào được giao trong các văn bản đã thu thập.\n")
    elif not paging.too_long(v.entries, _size):
        out += [_summary_md(v), *_duties_md(v, list(v.entries), views, index)]
    else:
        shown, rest = paging.lead(paging.split(v.entries, _facets(), _size), _size)
        out.append(_summary_md(v))
        out.append("Trang này liệt kê nhiệm vụ trong các văn bản mới nhất; các năm trước ở trang riêng:\n")
        out += [*paging.piece_links(v.agency.id, DIR, rest, "nhiệm vụ"), ""]
        out += _duties_md(v, [e for p in shown for e in p.items], views, index)
        for p in rest:
            page = ["---\nsearch:\n  boost: 3\n---\n", f"# {escape_inline(v.agency.name)}: {escape_inline(p.label)}\n"]
            page.append(f"[← {escape_inline(v.agency.name)}]({urls.agency(v.agency.id, DIR)})\n")
            page += _duties_md(v, list(p.items), views, index)
            extra[urls.page(DIR, urls.piece(v.agency.id, p.suffix))] = "\n".join(page).rstrip() + "\n"
    out.append(_deadlines_md(v, index))
    # Groups and the Sở ↔ Bộ of its sector (agency_lines.py) after the duties, which an official comes for
    # (and which a phone's first screen must reach: tests/browser/test_reader_pages_browser.py).
    out += _relations_md(v)
    out += line_md(v)
    out.append(_issued_md(v))
    return {name: "\n".join(out).rstrip() + "\n", **extra}


def agency_page(v: AgencyFacts, views: Mapping[str, AgencyFacts], corpus: Corpus, index: CorpusIndex) -> str:
    return agency_pages(v, views, corpus, index)[urls.page(DIR, v.agency.id)]


def _deadlines_md(v: AgencyFacts, index: CorpusIndex) -> str:
    entries = deadlines.entries_for(v)
    ics = f"{v.agency.id}.ics" if any(calendar.placeable(e.deadline) for e in entries) else ""
    return deadlines.agency_sections(entries, deadlines.today_of(index), lambda e: urls.document(e.doc_id, DIR, e.clause), ics)


def _issued_md(v: AgencyFacts) -> str:
    if not v.issued:
        return ""
    lines = ["## Văn bản ban hành {#ban-hanh}\n"]
    for doc in newest_first(v.issued):
        when = f" ({human_date(doc.date)})" if doc.date else ""
        lines.append(f"- {link(escape_inline(_doc_title(doc)), urls.document(doc.id, DIR))}{escape_inline(when)}")
    return "\n".join(lines) + "\n"


def _line(v: AgencyFacts) -> str:
    n = len(v.entries)
    issued = f", {len(v.issued)} văn bản ban hành" if v.issued else ""
    return f"- {link(escape_inline(v.agency.name), urls.agency(v.agency.id, DIR))} ({n} nhiệm vụ{issued})"


def _sorted(views: Iterable[AgencyFacts]) -> list[AgencyFacts]:
    return sorted(views, key=lambda v: collation_key(v.agency.name))


_Section = tuple[str, str, list[AgencyFacts]]  # heading (Markdown), anchor, agencies


def _line_size(v: AgencyFacts) -> int:
    return paging.text_size(v.agency.name, 120)


def _grouped(name: str, head: list[str], sections: list[_Section]) -> dict[str, str]:
    """An index of agencies by section; past ``paging.MAX_BYTES`` each section keeps its heading (same
    anchor) and count and links its list, on pages of their own (``co-quan/<name>--<anchor>[-n].md``)."""
    out = list(head)
    pages: dict[str, str] = {}
    big = paging.too_long([v for _, _, vs in sections for v in vs], _line_size)
    for title, anchor, chosen in sections:
        out.append(f"## {title} {{#{anchor}}}\n")
        if not big:
            out.extend(_line(v) for v in _sorted(chosen))
        else:
            pieces = paging.split(_sorted(chosen), [], _line_size, anchor, title)
            out += paging.piece_links(name, DIR, pieces, "cơ quan")
            for p in pieces:
                page = [f"# {p.label}\n", f"[← {escape_inline(head_title(head))}]({urls.href(DIR, name, DIR)})\n"]
                page += [_line(v) for v in p.items]
                pages[urls.page(DIR, urls.piece(name, p.suffix))] = "\n".join(page) + "\n"
        out.append("")
    pages[urls.page(DIR, name)] = "\n".join(out)
    return pages


def head_title(head: list[str]) -> str:
    return next(h[2:].strip() for h in head if h.startswith("# "))


def _index(views: Mapping[str, AgencyFacts]) -> dict[str, str]:
    out = ["---\nsearch:\n  boost: 2\n---\n", "# Cơ quan và nhiệm vụ\n"]
    out.append(
        "Mỗi cơ quan có một trang liệt kê mọi nhiệm vụ được giao trong các văn bản, "
        "kèm vai trò (chủ trì, phối hợp, thực hiện) và liên kết tới đúng điều khoản.\n"
    )
    out.append(
        f"Xem theo: {link('cấp', urls.href(DIR, 'theo-cap', DIR))} · "
        f"{link('tỉnh, thành phố', urls.href(DIR, 'theo-tinh', DIR))} · "
        f"{link('ngành', urls.href(DIR, 'theo-nganh', DIR))}\n"
    )
    agencies = [v for v in views.values() if not v.agency.is_group]
    groups = [v for v in views.values() if v.agency.is_group]
    return _grouped("index", out, [("Cơ quan", "co-quan", agencies), ("Nhóm cơ quan", "nhom-co-quan", groups)])


def _by_level(views: Mapping[str, AgencyFacts]) -> dict[str, str]:
    sections: list[_Section] = []
    for level in LEVELS_WITH_GROUPS:
        chosen = [v for v in views.values() if (v.agency.is_group and level == "nhóm") or
                  (not v.agency.is_group and (v.agency.level or "khác") == level)]
        if chosen:
            title = "Nhóm cơ quan" if level == "nhóm" else f"Cấp {level}"
            sections.append((title, slugify(title), chosen))
    return _grouped("theo-cap", ["# Cơ quan theo cấp\n"], sections)


LEVELS_WITH_GROUPS = (*LEVEL_ORDER, "khác", "nhóm")


def _by_province(views: Mapping[str, AgencyFacts]) -> dict[str, str]:
    places: dict[str, list[AgencyFacts]] = defaultdict(list)
    for v in views.values():
        places[v.agency.province or ("Trung ương" if v.agency.level == "trung ương" else "Chưa rõ địa bàn")].append(v)
    sections: list[_Section] = []
    for place in sorted(places, key=lambda p: (p in ("Trung ương", "Chưa rõ địa bàn"), collation_key(p))):
        title = place if place in ("Trung ương", "Chưa rõ địa bàn") else f"Tỉnh {place}"
        sections.append((escape_inline(title), slugify(title), places[place]))
    return _grouped("theo-tinh", ["# Cơ quan theo tỉnh, thành phố\n"], sections)


def _by_sector(views: Mapping[str, AgencyFacts], index: CorpusIndex) -> dict[str, str]:
    head = ["# Cơ quan theo ngành\n", "Mỗi ngành gom các cơ quan cùng lĩnh vực ở mọi cấp và mọi tỉnh.\n"]
    sections: list[_Section] = []
    for s in index.sectors:
        chosen = [v for v in views.values() if v.agency.sector == s.id]
        if chosen:
            sections.append((f"Ngành {escape_inline(s.name)}", s.id, chosen))
    other = [v for v in views.values() if not v.agency.sector]
    if other:
        sections.append(("Chưa xếp ngành", "chua-xep-nganh", other))
    return _grouped("theo-nganh", head, sections)


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    views = index.agencies
    out: dict[str, str] = {}
    for _aid, v in sorted(views.items()):
        out.update(agency_pages(v, views, corpus, index))
    out.update(_index(views))
    out.update(_by_level(views))
    out.update(_by_province(views))
    out.update(_by_sector(views, index))
    return out
