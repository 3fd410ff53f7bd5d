"""Pages for legal instruments: ``phap-ly/<id>.md`` and the index ``phap-ly/index.md``.

Pure functions of the corpus and the registry. Every fact shown names its
source (a registry entry's ``source:`` or the citing line); every mention
links to the exact block of the citing document. An instrument that *is* a
corpus document gets no page here: its document page is the page, and
``cited_by_section`` gives the lead's renderer the "cited in" section.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from tracuu.model.corpus import Corpus
from tracuu.model.records import Citation, Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import collation_key
from tracuu.registries.instruments import FACTS, Instrument, Registry, registry
from tracuu.render.mdsafe import escape_inline, link
from tracuu.resolve.citations import _jurisdiction, context_for, instrument_id_for_document

DIR = "phap-ly"
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
UNKNOWN_SOURCE = "văn bản trong kho và `data/instruments.yml` không nêu"
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


@dataclass(frozen=True)
class Mention:
    doc: Document
    citation: Citation

    @property
    def anchor(self) -> str:
        return self.citation.span.block if self.citation.span else ""


def _title_of(doc: Document) -> str:
    from tracuu.render.documents import title_of  # imported late: render_documents imports this module

    return title_of(doc)


def _doc_href(doc: Document, from_dir: str, anchor: str = "") -> str:
    from tracuu.render.documents import clause_href  # imported late: render_documents imports this module

    return clause_href(doc.id, anchor, from_dir or "phap-ly")


# --------------------------------------------------------------------------- gathering


def mentions_by_instrument(corpus: Corpus) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for doc in corpus.documents:
        for c in doc.citations:
            out[c.instrument].append(Mention(doc, c))
    return dict(out)


_DOC_CACHE: dict[int, tuple[Corpus, dict[str, Document]]] = {}


def documents_by_instrument(corpus: Corpus, reg: Registry | None = None) -> dict[str, Document]:
    """Instrument id → the corpus document that is that instrument (first one wins)."""
    hit = _DOC_CACHE.get(id(corpus))
    if hit is not None and hit[0] is corpus and reg is None:
        return hit[1]
    out: dict[str, Document] = {}
    for doc in corpus.documents:
        inst = instrument_id_for_document(doc, reg)
        if inst and inst not in out:
            out[inst] = doc
    if reg is None:
        _DOC_CACHE.clear()
        _DOC_CACHE[id(corpus)] = (corpus, out)
    return out


def href_for(citation: Citation, corpus: Corpus | None = None, from_dir: str = "van-ban") -> str:
    """Relative link from a page in ``from_dir`` to the cited instrument's page.

    When the instrument is a corpus document (Thông tư 13 in the corpus) the
    link goes to that document's page; without a corpus it goes to phap-ly/.
    """
    if not citation.instrument:
        return ""
    if corpus is not None:
        doc = documents_by_instrument(corpus).get(citation.instrument)
        if doc is not None:
            return _doc_href(doc, from_dir)
    return f"{citation.instrument}.md" if from_dir == DIR else f"../{DIR}/{citation.instrument}.md"


# --------------------------------------------------------------------------- facts


def _sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, mention, after) of the sentence holding text[start:end], emphasis markers dropped."""
    bounds = [m.end() for m in re.finditer(r"[.;!?](?=\s)|\n", text[:start])]
    s = bounds[-1] if bounds else 0
    m = re.search(r"[.;!?](?=\s|$)|\n", text[end:])
    e = end + m.end() if m else len(text)
    before, mention, after = text[s:start], text[start:end], text[end:e]
    if len(before) > 200:
        before = "…" + before[-200:].split(" ", 1)[-1]
    if len(after) > 200:
        after = after[:200].rsplit(" ", 1)[0] + "…"
    return tuple(x.replace("*", "") for x in (before.lstrip(), mention, after.rstrip()))  # type: ignore[return-value]


def _block_text(m: Mention) -> str:
    anchor = m.anchor
    if anchor.startswith("fn-"):
        num = anchor[3:]
        fn = next((f for f in m.doc.footnotes if f.number == num), None)
        return fn.text if fn else m.citation.text
    block = m.doc.block(anchor)
    return block.text if block else m.citation.text


def _mention_line(m: Mention, from_dir: str) -> str:
    c = m.citation
    text = _block_text(m)
    if c.span and text[c.span.start : c.span.end] == c.text:
        before, mention, after = _sentence(text, c.span.start, c.span.end)
    else:
        before, mention, after = "", c.text.replace("*", ""), ""
    quote = f"{escape_inline(before, False)}**{escape_inline(mention, False)}**{escape_inline(after, False)}"
    where = link(escape_inline(_title_of(m.doc)), _doc_href(m.doc, from_dir, m.anchor))
    return f"- {where}, dòng {c.line}: {quote}"


def _source_cell(where: str, corpus: Corpus, from_dir: str) -> str:
    """'sources/x.txt:12' → a link to that document's page when it is in the corpus."""
    path, _, line = where.rpartition(":")
    doc = next((d for d in corpus.documents if d.source == path or d.source.endswith("/" + path)), None)
    if doc is None:
        return escape_inline(f"{path}, dòng {line}")
    return f"data/instruments.yml, theo {link(escape_inline(_title_of(doc)), _doc_href(doc, from_dir))}, dòng {line}"


def _facts(
    inst_id: str, mentions: list[Mention], entry: Instrument | None, corpus: Corpus, from_dir: str
) -> list[tuple[str, str, str]]:
    """(label, value markdown, source markdown) rows."""
    rows: list[tuple[str, str, str]] = []
    by_name = not (entry.number if entry else any(m.citation.number for m in mentions))
    labels = {**FACT_LABELS, "title": "Tên gọi"} if by_name else FACT_LABELS
    for fact in FACTS:
        if entry is not None and getattr(entry, fact):
            value = getattr(entry, fact)
            shown = escape_inline(value)
            if fact == "replaced_by":
                shown = link(escape_inline(value), f"{value}.md" if from_dir == DIR else f"../{DIR}/{value}.md")
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
            src = f"{where}, dòng {first.citation.line}"
            rows.append((labels[fact], escape_inline(v), src))
    return rows


def _label(inst_id: str, mentions: list[Mention], entry: Instrument | None) -> tuple[str, str, str]:
    """(type, number or name, title) to show for an instrument."""
    def pick(fact: str) -> str:
        if entry is not None and getattr(entry, fact):
            return str(getattr(entry, fact))
        counts: dict[str, int] = defaultdict(int)
        for m in mentions:
            if getattr(m.citation, fact):
                counts[getattr(m.citation, fact)] += 1
        return min(counts, key=lambda v: (-counts[v], collation_key(v))) if counts else ""

    number = pick("number")
    type_ = pick("type")
    if number:
        try:
            from tracuu.resolve.citations import canonical_type

            type_ = (entry.type if entry and entry.type else "") or canonical_type(type_, SoKyHieu.parse(number))
        except ValueError:
            pass
    return type_, number, pick("title")


def heading(inst_id: str, mentions: list[Mention], entry: Instrument | None) -> str:
    type_, number, title = _label(inst_id, mentions, entry)
    if number:
        return f"{type_} {number}" + (f" — {title}" if title else "")
    return title or inst_id


def level_of(inst_id: str, mentions: list[Mention], entry: Instrument | None) -> str:
    type_, number, _ = _label(inst_id, mentions, entry)
    issuers = [entry.issuer] if entry and entry.issuer else [m.citation.issuer for m in mentions if m.citation.issuer]
    issuer = issuers[0] if issuers else ""
    if type_ in {"Công ước", "Nghị định thư", "Hiệp định"}:
        return "Điều ước quốc tế"
    if type_ in {"Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"} or issuer.startswith("Quốc hội"):
        return "Quốc hội"
    skh = None
    if number:
        try:
            skh = SoKyHieu.parse(number)
        except ValueError:
            skh = None
    code = skh.issuer_code if skh else ""
    if code.startswith(("QH", "UBTVQH")):
        return "Quốc hội"
    if code in {"TW", "BCT", "BBT"} or issuer.startswith(("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương")):
        return "Đảng"
    if code in {"CP", "TTg", "VPCP"} or issuer.startswith(("Chính phủ", "Thủ tướng")):
        return "Chính phủ, Thủ tướng Chính phủ"
    if issuer.startswith("Bộ") or (skh is not None and skh.is_central):
        return "Bộ, ngành trung ương"
    if skh is not None and mentions:
        m = mentions[0]
        jur = entry.jurisdiction if entry and entry.jurisdiction else _jurisdiction(
            skh, m.citation.issuer, context_for(m.doc)
        )
        if jur:
            return "Huyện, thành phố thuộc tỉnh" if re.match(r"(?:huyện|thành phố|quận|thị xã)\s", jur) else "Tỉnh"
    return "Chưa rõ cấp ban hành"


def _is_basis(m: Mention) -> bool:
    """The mention sits in a "Căn cứ ..." line: the citing document was issued on its basis."""
    text = _block_text(m).lstrip("*_ ")
    return text.startswith("Căn cứ") and bool(m.citation.span)


def _mention_sections(
    mentions: list[Mention], from_dir: str, exclude_doc: str = "", heading_level: str = "##"
) -> list[str]:
    ms = [m for m in mentions if m.doc.id != exclude_doc]
    ms.sort(key=lambda m: (collation_key(_title_of(m.doc)), m.citation.line))
    out: list[str] = []
    basis: list[Document] = []
    for m in ms:
        if _is_basis(m) and m.doc.id not in [b.id for b in basis]:
            basis.append(m.doc)
    if basis:
        out += [f"{heading_level} Là căn cứ ban hành {{#can-cu}}", ""]
        out += [f"- {link(escape_inline(_title_of(d)), _doc_href(d, from_dir))}" for d in basis]
        out.append("")
    if ms:
        out += [f"{heading_level} Được dẫn chiếu trong {{#duoc-dan-chieu}}", ""]
        out += [_mention_line(m, from_dir) for m in ms]
        out.append("")
    return out


def instrument_page(inst_id: str, mentions: list[Mention], entry: Instrument | None, corpus: Corpus) -> str:
    h1 = heading(inst_id, mentions, entry)
    lines = ["---", "search:", "  boost: 3", "---", "", f"# {escape_inline(h1)}", ""]
    rows = _facts(inst_id, mentions, entry, corpus, DIR)
    if rows:
        lines += ["| Thuộc tính | Nội dung | Nguồn |", "|---|---|---|"]
        lines += [f"| {a} | {v} | {s} |" for a, v, s in rows]
        lines.append("")
    if entry is None:
        lines += [
            '!!! note "Chưa có trong danh mục"',
            "    Văn bản này chưa có trong `data/instruments.yml`; thông tin trên lấy từ chính các câu dẫn chiếu.",
            "",
        ]
    lines += _mention_sections(mentions, DIR)
    return "\n".join(lines).rstrip() + "\n"


def cited_by_section(instrument_id: str, corpus: Corpus) -> str:
    """Markdown appended to a corpus document's own page: where the corpus cites it."""
    mentions = mentions_by_instrument(corpus).get(instrument_id, [])
    own = documents_by_instrument(corpus).get(instrument_id)
    lines = _mention_sections(mentions, "van-ban", exclude_doc=own.id if own else "")
    return "\n".join(lines).rstrip() + "\n" if lines else ""


def index_page(corpus: Corpus, reg: Registry | None = None) -> str:
    reg = reg if reg is not None else registry()
    mentions = mentions_by_instrument(corpus)
    docs = documents_by_instrument(corpus, reg)
    grouped: dict[str, dict[str, list[tuple[str, str, int]]]] = defaultdict(lambda: defaultdict(list))
    for inst_id, ms in mentions.items():
        entry = reg.get(inst_id)
        type_, _, _ = _label(inst_id, ms, entry)
        doc = docs.get(inst_id)
        href = _doc_href(doc, DIR) if doc else f"{inst_id}.md"
        cited = len([m for m in ms if not doc or m.doc.id != doc.id])
        grouped[level_of(inst_id, ms, entry)][type_ or "Khác"].append((heading(inst_id, ms, entry), href, cited))
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


def pages(corpus: Corpus) -> dict[str, str]:
    reg = registry()
    out: dict[str, str] = {}
    docs = documents_by_instrument(corpus, reg)
    for inst_id, ms in sorted(mentions_by_instrument(corpus).items()):
        if inst_id in docs:
            continue
        out[f"{DIR}/{inst_id}.md"] = instrument_page(inst_id, ms, reg.get(inst_id), corpus)
    if out or docs:
        out[f"{DIR}/index.md"] = index_page(corpus, reg)
    return out
