"""Document pages and the documents index. Pure functions of records.

Source text reaches Markdown only through ``mdsafe``; links are inserted at
the spans recorded by the citation and duty steps, never found by a second
search over the text.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, PrintedHeader
from tracuu.model.records import Amendment, Block, Document, unit_anchor
from tracuu.model.textutil import SUPERSCRIPT_DIGITS, collation_key
from tracuu.render import document_parts, urls
from tracuu.render.instruments import amender_href, citation_label, cited_by_section, href_for
from tracuu.render.mdsafe import INERT_OVER, escape_block, escape_inline, inert_block, link, table_rows
from tracuu.render.portal import indexes
from tracuu.render.titles import human_date, title_of, vn_date

DIR = urls.DOCUMENTS
_SUP = {c: str(i) for i, c in enumerate(SUPERSCRIPT_DIGITS)}
_SUP_RUN = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


def doc_path(doc: Document) -> str:
    return urls.page(DIR, doc.id)


Inserter = tuple[int, int, Callable[[str], str]]


def _footnote_ref(number: str) -> Callable[[str], str]:
    return lambda _md: f"[^{number}]"


def _linker(href: str) -> Callable[[str], str]:
    return lambda label_md: link(label_md, href)


def _footnote_refs(text: str, doc: Document) -> list[Inserter]:
    # Markup, not resolution: the source's own superscript marks become Markdown footnote references.
    known = {f.number for f in doc.footnotes}
    out: list[Inserter] = []
    for m in _SUP_RUN.finditer(text):
        number = "".join(_SUP[c] for c in m.group(0))
        if number in known:
            out.append((m.start(), m.end(), _footnote_ref(number)))
    return out


def render_text(text: str, inserts: list[Inserter], block: bool = False) -> str:
    """Escape ``text`` and apply non-overlapping inserts (start, end, render(original_md))."""
    out: list[str] = []
    pos = 0
    esc = escape_block if block else escape_inline
    for start, end, fn in sorted(inserts, key=lambda t: (t[0], -(t[1] - t[0]))):
        if start < pos or end > len(text) or start >= end:
            continue
        seg = text[pos:start]
        out.append(esc(seg) if pos == 0 else escape_inline(seg))
        out.append(fn(escape_inline(text[start:end])))
        pos = end
    tail = text[pos:]
    out.append(esc(tail) if pos == 0 else escape_inline(tail))
    return "".join(out)


def _citation_inserts(doc: Document, anchor: str, from_dir: str, index: CorpusIndex) -> list[Inserter]:
    out: list[Inserter] = []
    for c in doc.citations:
        if c.span and c.span.block == anchor:
            href = href_for(c, index, from_dir=from_dir)
            if href:
                out.append((c.span.start, c.span.end, _linker(href)))
    return out


def _agency_inserts(doc: Document, block: Block, index: CorpusIndex) -> list[Inserter]:
    """Link the addressee of each duty whose clause this block is (or is the label of)."""
    links = index.agency_links.get(doc.id, {}).get(block.anchor, ())
    return [(a.start, a.end, _linker(urls.agency(a.agency_id, DIR))) for a in links]


def render_block(doc: Document, b: Block, index: CorpusIndex) -> str:
    if len(b.text) > INERT_OVER:  # a file without line breaks: shown as text, never through Markdown (issue 14)
        return inert_block(b.text, b.anchor, f"blk blk-{b.kind} lv-{min(b.level, 6)}")
    inserts = _footnote_refs(b.text, doc) + _citation_inserts(doc, b.anchor, DIR, index) + _agency_inserts(doc, b, index)
    if b.kind == "table":
        out_rows = table_rows(b.text)
        return f'<div class="doc-table" id="{b.anchor}" markdown>\n\n' + "\n".join(out_rows) + "\n\n</div>"
    if b.kind == "heading":
        text = re.sub(r"^\s*#{1,6}\s*", "", b.text)
        offset = len(b.text) - len(text)
        shifted = [(s - offset, e - offset, f) for s, e, f in inserts if s >= offset]
        body = render_text(text, shifted)
        if b.label.startswith(("Phụ lục", "Chương", "Phần")):
            level = "##"
        elif b.label.startswith("Điều") or re.fullmatch(r"[IVXLC]+", b.label):
            level = "###"
        elif re.fullmatch(r"\d{4}", b.label):
            level = "####"
        else:
            level = "###"
        return f"{level} {body} {{#{b.anchor} .doc-heading}}"
    label = _BOLD_LABEL.match(b.text) if b.kind == "item" and b.level <= 1 else None
    if label:
        return _labelled_item(b, label.end(), inserts)
    body = render_text(b.text, inserts, block=True)
    cls = f".blk .blk-{b.kind} .lv-{min(b.level, 6)}"
    if b.kind == "note":  # the Pháp điển's own notes repeat the instrument's name: kept out of the search index
        cls += " data-search-exclude"
    return f"{body}\n{{: #{b.anchor} {cls} }}"


# "**5. Sở Thông tin và Truyền thông:** Chỉ đạo …": a numbered item led by a bold
# label ending in a colon is a section of its own, like the "### **4. Sở …**"
# headings beside it; its label becomes a heading (in the page's table of
# contents), the text after it a paragraph. Same words, same order.
_BOLD_LABEL = re.compile(r"\*\*(?:\d+(?:\.\d+)*\.|[a-zđ]\))\s[^*\n]+?(?::\*\*|\*\*\s*:)(?=\s*\S)")


def _labelled_item(b: Block, split: int, inserts: list[Inserter]) -> str:
    rest_at = split + len(b.text[split:]) - len(b.text[split:].lstrip())
    head = [(s, e, f) for s, e, f in inserts if e <= split]
    tail = [(s - rest_at, e - rest_at, f) for s, e, f in inserts if s >= rest_at]
    level = "###" if b.level == 0 else "####"
    heading = render_text(b.text[:split], head)
    body = render_text(b.text[rest_at:], tail, block=True)
    return f"{level} {heading} {{#{b.anchor} .doc-heading}}\n\n{body}\n{{: .blk .blk-para .lv-{b.level + 1} }}"


def _attr_rows(doc: Document, index: CorpusIndex) -> list[tuple[str, str]]:
    rows = [
        ("Loại văn bản", escape_inline(doc.doc_type or "—")),
        ("Số, ký hiệu", _number_cell(doc)),
        ("Cơ quan ban hành", _issuer_cell(doc, index)),
        ("Địa danh", escape_inline(doc.place) or "—"),
        ("Ngày ban hành", _date_cell(doc)),
    ]
    if doc.effective:  # a codified text's notes state it (parse/phapdien.py)
        rows.append(("Ngày có hiệu lực", f"{escape_inline(human_date(doc.effective))} <small>(theo ghi chú Pháp điển)</small>"))
    rows += [("Văn bản sửa đổi, bổ sung", _amendment_cell(a, doc, index)) for a in doc.amendments]
    rows.append(_signer_row(doc))
    rows += _recipient_rows(doc)
    rows += [(_META_LABELS[key], "<br>".join(escape_inline(x) for x in value.splitlines()))
             for key, value in doc.meta if key in _META_LABELS]
    return rows


_META_LABELS = {  # sidecar facts shown among the attributes
    "publisher": "Đơn vị đăng tải",
    "url": "Địa chỉ gốc",
    "retrieved": "Ngày lấy về",
    "provenance": "Nguồn gốc bản văn",
    "note": "Ghi chú",
}


def _number_cell(doc: Document) -> str:
    if doc.doc_type == "Tin bài":
        return "không có (tin bài)"
    if doc.number:
        return escape_inline(doc.number)
    return f"(để trống) /{escape_inline(doc.symbol)}" if doc.symbol else "—"


def _signer_row(doc: Document) -> tuple[str, str]:
    """A news item's author; a document's signers ("name — title"), every one of a joint document in printed order."""
    if doc.doc_type == "Tin bài":
        return ("Tác giả", escape_inline(doc.signer.name) or "—")
    signers = doc.signers or (doc.signer,)
    cells = [escape_inline(s.name) + (f" — {escape_inline(s.title)}" if s.title else "") for s in signers]
    return ("Người ký", "<br>".join(c for c in cells if c) or "—")


def _recipient_rows(doc: Document) -> list[tuple[str, str]]:
    rows = []
    if doc.kinh_gui:
        rows.append(("Kính gửi", "<br>".join(escape_inline(r) for r in doc.kinh_gui)))
    if doc.noi_nhan:
        rows.append(("Nơi nhận", "<br>".join(render_text(r, _footnote_refs(r, doc)) for r in doc.noi_nhan)))
    return rows


def _amendment_cell(a: Amendment, doc: Document, index: CorpusIndex) -> str:
    """"Điều 11 Luật số 28/2018/QH14 (sửa đổi, bổ sung; hiệu lực ngày …) tại Điều 5, Điều 7 …", each linked."""
    by = f"{'Điều ' + ', Điều '.join(a.articles) + ' ' if a.articles else ''}{a.type} số {a.number}"
    found = next((x for x in index.amendments if x.doc.id == doc.id and x.amendment == a), None)
    if found is not None:
        return _amendment_text(a, link(escape_inline(by), amender_href(found, index, DIR)))
    return _amendment_text(a, escape_inline(by))


def _amendment_text(a: Amendment, by: str) -> str:
    when = f"; có hiệu lực {human_date(a.effective)}" if a.effective else ""
    where = ", ".join(link(f"Điều {t}", f"#{unit_anchor(t)}") for t in a.targets)
    what = escape_inline(", ".join(a.actions) + when)
    notes = f"Điều {a.targets[0]}" if len(a.targets) == 1 else "các điều này"
    return f"{by} ({what}) — tại {where} <small>(theo ghi chú Pháp điển tại {escape_inline(notes)})</small>"


def _issuer_cell(doc: Document, index: CorpusIndex) -> str:
    if not doc.issuer:
        return "chưa xác định (văn bản không ghi)"
    how = doc.issuer_source
    how = re.sub(r",? dòng \d+", "", how)  # line numbers are editor matter (tracuu check)
    note = f" <small>(xác định từ: {escape_inline(how)})</small>" if how and not how.startswith("khối") else ""
    agency = index.issuers.get(doc.id)  # its page lists what it issued and what it must do
    name = link(escape_inline(doc.issuer), urls.agency(agency.id, DIR)) if agency else escape_inline(doc.issuer)
    return name + note


def _date_cell(doc: Document) -> str:
    shown = escape_inline(human_date(doc.date)) or "không ghi"
    if doc.date_text:
        shown += f" <small>(ghi trong văn bản: “{escape_inline(doc.date_text)}”)</small>"
    return shown


def render_document_page(doc: Document, corpus: Corpus, index: CorpusIndex) -> str:
    out: list[str] = []
    boost = 3
    front = [f"search:\n  boost: {boost}", f"source: {json.dumps(doc.source, ensure_ascii=False)}"]
    if doc.date:
        front.append(f"doc_date: {json.dumps(vn_date(doc.date))}")
    tags = index.tags.get(doc.id, ())
    if tags:
        front.append("tags:\n" + "\n".join(f"  - {json.dumps(t, ensure_ascii=False)}" for t in tags))
    out.append("---\n" + "\n".join(front) + "\n---\n")
    out.append(f"# {escape_inline(title_of(doc))}\n")
    header = document_parts.header_block(doc, index.headers.get(doc.id, PrintedHeader()))
    if header:
        out.append(header)
    out.append(document_parts.actions(doc, document_parts.source_path(doc, corpus) is not None))
    out.append('<div class="doc-attrs" markdown>\n')
    out.append("| Thuộc tính | Nội dung |\n|---|---|")
    for k, v in _attr_rows(doc, index):
        out.append(f"| {k} | {v} |")
    out.append("\n</div>\n")
    out.append("## Nội dung văn bản {#noi-dung}\n")
    closing_done = False
    for b in doc.body:
        if b.annex and not closing_done:
            # The signature stands between the main text and the annexes, as printed.
            out.append(_closing(doc))
            closing_done = True
        out.append(render_block(doc, b, index) + "\n")
    if not closing_done:
        out.append(_closing(doc))
    summary = _duty_summary(doc)
    if summary:
        out.append(summary)
    cites = _citation_summary(doc, index)
    if cites:
        out.append(cites)
    inst_id = index.document_instrument.get(doc.id, "")
    section = cited_by_section(inst_id, index) if inst_id else ""
    if section:
        out.append(section)
    related = document_parts.related_section(doc, corpus, index)
    if related:
        out.append(related)
    if doc.footnotes:
        out.append("")
        for f in doc.footnotes:
            lines = [escape_inline(x) for x in f.text.split("\n")]
            out.append(f"[^{f.number}]: " + "\n    ".join(lines))
    if doc.warnings:
        out.append('\n??? note "Ghi chú khi xử lý văn bản"\n')
        for w in doc.warnings:
            out.append(f"    - {escape_inline(w)}")
    return "\n".join(out).rstrip() + "\n"


def _closing(doc: Document) -> str:
    """Nơi nhận and signature block, verbatim, one printed line per line."""
    if not doc.closing:
        return ""
    lines = (ln.replace("**", "").replace("*", "").strip() for ln in doc.closing)
    body = "\n\n".join(render_text(x, _footnote_refs(x, doc), block=True) for x in lines if x)
    return f'<div class="doc-closing" markdown>\n\n{body}\n\n</div>\n'


def _duty_summary(doc: Document) -> str:
    if not doc.duties:
        return ""
    by_agency: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for d in doc.duties:
        by_agency[d.agency_id].append(d.role)
        names[d.agency_id] = d.agency
    lines = ["## Nhiệm vụ được giao trong văn bản {#nhiem-vu}\n", "| Cơ quan | Số nhiệm vụ | Vai trò |", "|---|---|---|"]
    for aid in sorted(by_agency, key=lambda a: collation_key(names[a])):
        roles = ", ".join(sorted(set(by_agency[aid])))
        lines.append(f"| {link(escape_inline(names[aid]), urls.agency(aid, DIR))} | {len(by_agency[aid])} | {roles} |")
    return "\n".join(lines) + "\n"


def _citation_summary(doc: Document, index: CorpusIndex) -> str:
    if not doc.citations:
        return ""
    seen: dict[str, tuple[str, str, int]] = {}
    for c in doc.citations:
        label = citation_label(c)
        href = href_for(c, index, from_dir=DIR)
        if c.instrument in seen:
            lab, h, n = seen[c.instrument]
            seen[c.instrument] = (lab, h, n + 1)
        else:
            seen[c.instrument] = (label, href, 1)
    lines = ["## Văn bản được dẫn chiếu {#dan-chieu}\n"]
    for label, href, n in sorted(seen.values(), key=lambda t: collation_key(t[0])):
        times = f" ({n} lần)" if n > 1 else ""
        lines.append(f"- {link(escape_inline(label), href) if href else escape_inline(label)}{times}")
    return "\n".join(lines) + "\n"


def render_index(corpus: Corpus) -> str:
    docs = sorted(corpus.documents, key=lambda d: (d.date, d.id), reverse=True)
    out = ["---\nsearch:\n  boost: 0.5\n---\n", "# Văn bản\n"]
    out.append(f"Kho có **{len(docs)}** văn bản. Mỗi văn bản giữ nguyên lời văn gốc, kèm thuộc tính, "
               "nhiệm vụ giao cho từng cơ quan và các văn bản được dẫn chiếu.\n")
    if indexes.too_long_for_one_page(docs):  # render.paging: the years link to the timeline's pages
        return "\n".join(out + indexes.documents_summary(docs, DIR)).rstrip() + "\n"
    out.append("## Theo năm {#theo-nam}\n")
    by_year: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_year[d.date[:4] or "Không rõ năm"].append(d)
    for year in sorted(by_year, reverse=True):
        out.append(f"### Năm {year} {{#nam-{year}}}\n" if year.isdigit() else "### Không rõ năm {#nam-khong-ro}\n")
        for d in by_year[year]:
            out.append(_index_line(d))
        out.append("")
    out.append("## Theo tỉnh, thành phố {#theo-tinh}\n")
    by_prov: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_prov[d.province or "Trung ương"].append(d)
    for prov in sorted(by_prov, key=collation_key):
        out.append(f"### {escape_inline(prov)}\n")
        for d in by_prov[prov]:
            out.append(_index_line(d))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _index_line(d: Document) -> str:
    date = human_date(d.date).split(" (")[0]
    issuer = f" — {escape_inline(d.issuer)}" if d.issuer else ""
    return f"- {link(escape_inline(title_of(d)), urls.document(d.id, DIR))}{issuer}, {escape_inline(date)}"


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    out = {doc_path(d): render_document_page(d, corpus, index) for d in corpus.documents}
    out[urls.page(DIR, "index")] = render_index(corpus)
    return out


__all__ = ["doc_path", "human_date", "pages", "render_document_page", "render_text", "title_of"]
