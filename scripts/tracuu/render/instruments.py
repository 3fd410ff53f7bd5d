"""Pages for legal instruments: ``phap-ly/<id>.md`` and the index ``phap-ly/index.md``.

Pure functions of the corpus and its index (``model.index.InstrumentFacts``). Every fact shown names its
source (a registry entry's ``source:`` or the citing line); every mention
links to the exact block of the citing document. An instrument that *is* a
corpus document gets no page here: its document page is the page, and
``cited_by_section`` gives the lead's renderer the "cited in" section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tracuu.model.corpus import Corpus
from tracuu.model.index import AmendmentLink, CorpusIndex, InstrumentFacts, Mention
from tracuu.model.instruments import FACTS, Instrument
from tracuu.model.records import Citation, Document, unit_anchor
from tracuu.model.textutil import collation_key
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.titles import human_date, title_of, vn_date

DIR = urls.INSTRUMENTS
FACT_LABELS = {
    "type": "Loại văn bản",
    "number": "Số, ký hiệu",
    "jurisdiction": "Địa bàn",
    "issuer": "Cơ quan ban hành",
    "date": "Ngày ban hành",
    "title": "Trích yếu",
    "status": "Tình trạng",
    "replaced_by": "Được thay thế bởi",
}
# A fact neither the corpus nor the registry states is shown as unknown, never guessed.
UNKNOWN = "*chưa rõ*"
UNKNOWN_SOURCE = "các văn bản trong kho không nêu"
LEVELS = (
    "Điều ước quốc tế",
    "Đảng",
    "Quốc hội",
    "Chính phủ, Thủ tướng Chính phủ",
    "Bộ, ngành trung ương",
    "Tỉnh",
    "Huyện, thành phố thuộc tỉnh",
    "Chưa rõ cấp ban hành",
)


def _title_of(doc: Document) -> str:
    return title_of(doc)


def _doc_href(doc: Document, from_dir: str, anchor: str = "") -> str:
    return urls.document(doc.id, from_dir or DIR, anchor)


def href_for(citation: Citation, index: CorpusIndex | None = None, from_dir: str = urls.DOCUMENTS) -> str:
    """Relative link from a page in ``from_dir`` to the cited instrument's page.

    When the instrument is a corpus document (Thông tư 13 in the corpus) the
    link goes to that document's page; without an index it goes to phap-ly/.
    """
    if not citation.instrument:
        return ""
    if index is not None:
        doc_id = index.instrument_document.get(citation.instrument)
        if doc_id is not None:
            anchor = index.pinpoint_anchors.get((citation.instrument, citation.pinpoint), "")
            return urls.document(doc_id, from_dir or DIR, anchor)
    return urls.instrument(citation.instrument, from_dir or DIR)


def citation_label(citation: Citation) -> str:
    """How a link to a cited instrument reads (unescaped): "Nghị định 56/2017/NĐ-CP"; by its title
    when it has no number ("Luật Trẻ em", "Chương trình hành động quốc gia vì trẻ em …")."""
    c = citation
    if c.number:
        return f"{c.type} {c.number}".strip()
    return " ".join((c.title or c.text).replace("*", "").split())


# --------------------------------------------------------------------------- facts


def pinpoint_label(c: Citation) -> str:
    """The unit a citation names, in reader words ("khoản 3 Điều 82"); "" for the whole text."""
    p = c.pinpoint
    if not p.article:
        return ""
    parts = [f"điểm {p.point}" if p.point else "", f"khoản {p.clause}" if p.clause else "", f"Điều {p.article}"]
    return " ".join(x for x in parts if x)


def _cited_unit(c: Citation, index: CorpusIndex | None, from_dir: str) -> str:
    """'dẫn chiếu khoản 3 Điều 82' linked to that unit on the cited text's page, when the corpus holds it."""
    label = pinpoint_label(c)
    if not label:
        return ""
    doc_id = index.instrument_document.get(c.instrument) if index is not None else None
    anchor = index.pinpoint_anchors.get((c.instrument, c.pinpoint), "") if index is not None else ""
    if doc_id is not None and anchor:
        return f" (dẫn chiếu {link(escape_inline(label), urls.document(doc_id, from_dir, anchor))})"
    return f" (dẫn chiếu {escape_inline(label)})"


def _mention_line(m: Mention, from_dir: str, index: CorpusIndex | None = None) -> str:
    c = m.citation
    before, mention, after = m.context
    quote = f"{escape_inline(before, False)}**{escape_inline(mention, False)}**{escape_inline(after, False)}"
    where = link(escape_inline(_title_of(m.doc)), _doc_href(m.doc, from_dir, m.anchor))
    return f"- {where}{_cited_unit(c, index, from_dir)}: {quote}"


def _block_at(doc: Document, line: int) -> str:
    """The anchor of the block that holds source line ``line`` ("" when none does)."""
    held = [b for b in doc.body if b.line <= line]
    return held[-1].anchor if held else ""


def _source_cell(where: str, corpus: Corpus, from_dir: str) -> str:
    """'sources/x.txt:12' → 'theo <the document, at that passage>' in reader words (no path, no line)."""
    path, _, line = where.rpartition(":")
    doc = next((d for d in corpus.documents if d.source == path or d.source.endswith("/" + path)), None)
    if doc is None:
        return "theo danh mục văn bản của trang"
    anchor = _block_at(doc, int(line)) if line.isdigit() else ""
    return f"theo {link(escape_inline(_title_of(doc)), _doc_href(doc, from_dir, anchor))}"


def _editor_block(entry: Instrument | None, mentions: tuple[Mention, ...]) -> list[str]:
    """Registry paths and source lines, for editors only: a collapsed block."""
    rows: list[str] = []
    if entry is not None:
        rows += [f"    - `{f}`: `data/instruments.yml` (`{entry.id}`) ← `{escape_inline(w, False)}`" for f, w in entry.source]
    else:
        rows.append("    - Văn bản này chưa có trong `data/instruments.yml`; thông tin lấy từ chính các câu dẫn chiếu.")
    rows += [f"    - `{m.doc.source}:{m.citation.line}`" for m in mentions[:20]]
    return ['??? note tracuu-editor "Dành cho người biên tập"', *rows, ""]


def _facts(
    mentions: tuple[Mention, ...], entry: Instrument | None, corpus: Corpus, from_dir: str
) -> list[tuple[str, str, str]]:
    """(label, value markdown, source markdown) rows."""
    rows: list[tuple[str, str, str]] = []
    by_name = not (entry.number if entry else any(m.citation.number for m in mentions))
    labels = {**FACT_LABELS, "title": "Tên gọi"} if by_name else FACT_LABELS
    for fact in FACTS:
        if entry is not None and getattr(entry, fact):
            value = getattr(entry, fact)
            shown = escape_inline(vn_date(value) if fact == "date" else value)
            if fact == "replaced_by":
                shown = link(escape_inline(value), urls.instrument(value, from_dir or DIR))
            rows.append((labels[fact], shown, _source_cell(entry.source_of(fact), corpus, from_dir)))
            continue
        if fact not in {"type", "number", "issuer", "date", "title"}:
            if fact == "status":
                rows.append((labels[fact], UNKNOWN, UNKNOWN_SOURCE))
            continue
        values: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            v = getattr(m.citation, fact)
            if v:
                values[v].append(m)
        if not values and not (fact == "number" and by_name):
            rows.append((labels[fact], UNKNOWN, UNKNOWN_SOURCE))
        for v, ms in sorted(values.items(), key=lambda kv: (-len(kv[1]), collation_key(kv[0]))):
            first = ms[0]
            where = link(escape_inline(_title_of(first.doc)), _doc_href(first.doc, from_dir, first.anchor))
            src = f"theo {where}"
            rows.append((labels[fact], escape_inline(vn_date(v) if fact == "date" else v), src))
    return rows


def heading(facts: InstrumentFacts) -> str:
    if facts.number:
        return f"{facts.type} {facts.number}" + (f" — {facts.title}" if facts.title else "")
    return facts.title or facts.id


def _cited(mentions: tuple[Mention, ...], exclude_doc: str) -> tuple[list[Document], list[Mention]]:
    """(documents that name the instrument as their basis, mentions) in reading order, its own text left out."""
    ms = [m for m in mentions if m.doc.id != exclude_doc]
    ms.sort(key=lambda m: (collation_key(_title_of(m.doc)), m.citation.line))
    basis: list[Document] = []
    seen: set[str] = set()
    for m in ms:
        if m.basis and m.doc.id not in seen:
            seen.add(m.doc.id)
            basis.append(m.doc)
    return basis, ms


def _doc_facets() -> list[Callable[[Document], paging.Facet]]:
    return [lambda d: paging.year_facet(d.date)]


def _mention_facets() -> list[Callable[[Mention], paging.Facet]]:
    return [lambda m: paging.year_facet(m.doc.date)]


def _doc_size(d: Document) -> int:
    return paging.text_size(_title_of(d), 120)


def _mention_size(m: Mention) -> int:
    return paging.text_size("".join(m.context), 300)


def _basis_lines(docs: list[Document] | tuple[Document, ...], from_dir: str) -> list[str]:
    return [f"- {link(escape_inline(_title_of(d)), _doc_href(d, from_dir))}" for d in docs]


def _mention_sections(
    mentions: tuple[Mention, ...],
    from_dir: str,
    exclude_doc: str = "",
    heading_level: str = "##",
    index: CorpusIndex | None = None,
    instrument_id: str = "",
) -> list[str]:
    """"Là căn cứ ban hành" and "Được dẫn chiếu trong"; a list longer than ``paging.MAX_BYTES`` (with
    ``instrument_id`` given) keeps its newest pieces here and links the pages ``cited_pages`` writes."""
    basis, ms = _cited(mentions, exclude_doc)
    out: list[str] = []
    if basis:
        out += [f"{heading_level} Là căn cứ ban hành {{#can-cu}}", ""]
        if instrument_id and paging.too_long(basis, _doc_size):
            shown, rest = paging.lead(paging.split(basis, _doc_facets(), _doc_size), _doc_size)
            out.append(f"Là căn cứ của **{len(basis)}** văn bản; mới nhất:\n")
            out += _basis_lines([d for p in shown for d in p.items], from_dir)
            out += ["", "Các năm trước:", ""]
            out += paging.piece_links(urls.piece(instrument_id, "can-cu"), DIR, rest, "văn bản", from_dir)
        else:
            out += _basis_lines(basis, from_dir)
        out.append("")
    if ms:
        out += [f"{heading_level} Được dẫn chiếu trong {{#duoc-dan-chieu}}", ""]
        if instrument_id and paging.too_long(ms, _mention_size):
            shown_m, rest_m = paging.lead(paging.split(ms, _mention_facets(), _mention_size), _mention_size)
            n_docs = len({m.doc.id for m in ms})
            out.append(f"**{len(ms)}** lần dẫn chiếu trong **{n_docs}** văn bản; mới nhất:\n")
            out += [_mention_line(m, from_dir, index) for p in shown_m for m in p.items]
            out += ["", "Các năm trước:", ""]
            out += paging.piece_links(urls.piece(instrument_id, "dan-chieu"), DIR, rest_m, "lần dẫn chiếu", from_dir)
        else:
            out += [_mention_line(m, from_dir, index) for m in ms]
        out.append("")
    return out


def cited_pages(instrument_id: str, facts: InstrumentFacts, index: CorpusIndex) -> dict[str, str]:
    """The pieces of a long "Là căn cứ ban hành" / "Được dẫn chiếu trong" list (``phap-ly/<id>--…``)."""
    basis, ms = _cited(facts.mentions, index.instrument_document.get(instrument_id, ""))
    own = index.instrument_document.get(instrument_id)
    back = urls.document(own, DIR) if own else urls.instrument(instrument_id, DIR)
    h1 = escape_inline(heading(facts))
    out: dict[str, str] = {}
    if paging.too_long(basis, _doc_size):
        for p in paging.lead(paging.split(basis, _doc_facets(), _doc_size), _doc_size)[1]:
            lines = [f"# {h1}: là căn cứ ban hành, {escape_inline(p.label)}", "", f"[← {h1}]({back})", ""]
            lines += _basis_lines(p.items, DIR)
            out[urls.page(DIR, urls.piece(urls.piece(instrument_id, "can-cu"), p.suffix))] = "\n".join(lines) + "\n"
    if paging.too_long(ms, _mention_size):
        for pm in paging.lead(paging.split(ms, _mention_facets(), _mention_size), _mention_size)[1]:
            lines = [f"# {h1}: được dẫn chiếu trong, {escape_inline(pm.label)}", "", f"[← {h1}]({back})", ""]
            lines += [_mention_line(m, DIR, index) for m in pm.items]
            out[urls.page(DIR, urls.piece(urls.piece(instrument_id, "dan-chieu"), pm.suffix))] = "\n".join(lines) + "\n"
    return out


def instrument_page(facts: InstrumentFacts, corpus: Corpus, index: CorpusIndex | None = None) -> str:
    h1 = heading(facts)
    # Below topic and guidance pages (boost 3): a plain-word query ("xam hai tre em") is
    # answered by them, not by the page of an instrument that merely mentions the words.
    lines = ["---", "search:", "  boost: 2", "---", "", f"# {escape_inline(h1)}", ""]
    rows = _fact_rows(facts, corpus, index)
    if rows:
        lines += ['<div class="doc-attrs" markdown>', "", "| Thuộc tính | Nội dung | Nguồn |", "|---|---|---|"]
        lines += [f"| {a} | {v} | {s} |" for a, v, s in rows]
        lines += ["", "</div>", ""]  # .doc-attrs: labels and sources stay out of search (tracuu.search_html)
    lines += amended_section(facts.id, index, DIR) if index is not None else []
    lines += _mention_sections(facts.mentions, DIR, index=index, instrument_id=facts.id)
    lines += _editor_block(facts.entry, facts.mentions)
    return "\n".join(lines).rstrip() + "\n"


def _fact_rows(facts: InstrumentFacts, corpus: Corpus, index: CorpusIndex | None) -> list[tuple[str, str, str]]:
    """The attribute rows: what the mentions and the registry say, an unknown status replaced by a corpus repeal."""
    rows = _facts(facts.mentions, facts.entry, corpus, DIR)
    noted = [a for a in index.amendments if a.amender == facts.id] if index is not None else []
    if noted and not facts.mentions and facts.entry is None:  # known from a Pháp điển note only
        rows = _noted_rows(facts, noted[0], rows)
    return [_repeal_row(facts.id, index, corpus) or r if r[0] == FACT_LABELS["status"] and r[1] == UNKNOWN else r
            for r in rows]


def _noted_rows(
    facts: InstrumentFacts, a: AmendmentLink, rows: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Type and number sourced to the Pháp điển note that names the instrument; the other rows but its name."""
    at = a.amendment.targets[0] if a.amendment.targets else ""
    src = f"theo ghi chú Pháp điển tại Điều {escape_inline(at)} của "
    src += link(escape_inline(_title_of(a.doc)), _doc_href(a.doc, DIR, unit_anchor(at) if at else ""))
    known = {FACT_LABELS["type"]: facts.type, FACT_LABELS["number"]: facts.number}
    return [(k, escape_inline(v), src) for k, v in known.items() if v] + [
        r for r in rows if r[0] not in known and r[0] != "Tên gọi"
    ]


def _repeal_row(instrument_id: str, index: CorpusIndex | None, corpus: Corpus) -> tuple[str, str, str] | None:
    """"Hết hiệu lực từ ngày 01/06/2017", from the corpus clause that repeals the instrument."""
    r = index.repeals.get(instrument_id) if index is not None else None
    doc = corpus.document(r.doc_id) if r is not None else None
    if r is None or doc is None:
        return None
    when = f" từ ngày {vn_date(r.effective)}" if r.effective else ""
    value = f"Hết hiệu lực{when}"
    src = f"theo {link(escape_inline(_title_of(doc)), _doc_href(doc, DIR, r.anchor))}: “{escape_inline(r.words)}”"
    return (FACT_LABELS["status"], escape_inline(value), src)


def _articles(doc: Document, articles: tuple[str, ...], from_dir: str) -> str:
    return ", ".join(link(f"Điều {escape_inline(t)}", _doc_href(doc, from_dir, unit_anchor(t))) for t in articles)


def amended_section(instrument_id: str, index: CorpusIndex, from_dir: str) -> list[str]:
    """What this instrument amended, as the Pháp điển notes of the amended texts record it."""
    links = [a for a in index.amendments if a.amender == instrument_id]
    if not links:
        return []
    out = ["## Đã sửa đổi, bổ sung {#da-sua-doi}", ""]
    for a in links:
        am = a.amendment
        by = f"Điều {', '.join(am.articles)} " if am.articles else ""
        when = f", có hiệu lực {human_date(am.effective)}" if am.effective else ""
        notes = ", ".join(f"Điều {t}" for t in am.targets)
        out.append(
            f"- {link(escape_inline(_title_of(a.doc)), _doc_href(a.doc, from_dir))}: {escape_inline(by)}"
            f"{escape_inline(', '.join(am.actions))} {_articles(a.doc, am.targets, from_dir)}{escape_inline(when)}"
            f" — theo ghi chú Pháp điển tại {escape_inline(notes)}"
        )
    return [*out, ""]


def amender_href(a: AmendmentLink, index: CorpusIndex, from_dir: str) -> str:
    """Link to the amending instrument's page (its document page when the corpus holds its text)."""
    doc_id = index.instrument_document.get(a.amender)
    return urls.document(doc_id, from_dir) if doc_id else urls.instrument(a.amender, from_dir)


def cited_by_section(instrument_id: str, index: CorpusIndex) -> str:
    """Markdown appended to a corpus document's own page: where the corpus cites it."""
    facts = index.instruments.get(instrument_id)
    mentions = facts.mentions if facts else ()
    own = index.instrument_document.get(instrument_id, "")
    lines = amended_section(instrument_id, index, urls.DOCUMENTS)
    lines += _mention_sections(mentions, urls.DOCUMENTS, exclude_doc=own, index=index, instrument_id=instrument_id)
    return "\n".join(lines).rstrip() + "\n" if lines else ""


def index_page(index: CorpusIndex) -> str:
    grouped: dict[str, dict[str, list[tuple[str, str, int]]]] = defaultdict(lambda: defaultdict(list))
    for inst_id, facts in index.instruments.items():
        doc_id = index.instrument_document.get(inst_id)
        href = urls.document(doc_id, DIR) if doc_id else urls.instrument(inst_id, DIR)
        cited = len([m for m in facts.mentions if not doc_id or m.doc.id != doc_id])
        grouped[facts.level][facts.type or "Khác"].append((heading(facts), href, cited))
    lines = ["---", "search:", "  boost: 2", "---", "", "# Văn bản pháp lý được dẫn chiếu", ""]
    lines.append("Các văn bản được các văn bản trong kho dẫn chiếu, theo cấp ban hành và loại văn bản.")
    lines.append("")
    for level in LEVELS:
        if level not in grouped:
            continue
        lines += [f"## {level}", ""]
        for type_ in sorted(grouped[level], key=collation_key):
            lines += [f"### {escape_inline(type_)}", ""]
            for label, href, n in sorted(grouped[level][type_], key=lambda t: collation_key(t[0])):
                lines.append(f"- {link(escape_inline(label), href)} — {n} lần dẫn chiếu")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    out: dict[str, str] = {}
    for inst_id, facts in sorted(index.instruments.items()):
        out.update(cited_pages(inst_id, facts, index))
        if inst_id in index.instrument_document:
            continue
        out[urls.page(DIR, inst_id)] = instrument_page(facts, corpus, index)
    if out or index.instrument_document:
        out[urls.page(DIR, "index")] = index_page(index)
    return out
