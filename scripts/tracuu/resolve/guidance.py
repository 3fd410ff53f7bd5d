"""What the guidance pages quote: duties and paragraphs for an audience, and reporting paragraphs.

Chosen once per build (``resolve.index``) from the topic registry's audiences
(sectors and keywords) and the reporting keywords below; each quote is a
verbatim piece of the source text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tracuu.model.corpus import Corpus
from tracuu.model.guidance import Basis, BasisLink, GuidancePage
from tracuu.model.index import REPORTING_ID as REPORTING_ID
from tracuu.model.index import Guidance, InstrumentFacts, Quote
from tracuu.model.records import Block, Document
from tracuu.model.textutil import fold, plain
from tracuu.model.topics import Audience, Matcher

# Paragraphs about finding, reporting and getting help: the "Khi trẻ em gặp nguy hiểm" page.
REPORTING = Matcher(
    tuple(
        fold(k)
        for k in (
            "tố giác",
            "thông báo, tố giác",
            "tin báo",
            "tổng đài",
            "đường dây nóng",
            "đường dây tư vấn",
            "can thiệp",
            "trợ giúp",
        )
    )
)

_SEGMENT = re.compile(r"[^;.]+(?:[;.]|$)")


def excerpt(text: str, matcher: Matcher) -> str:
    """The sentences/clauses of ``text`` that match, joined by " … " (verbatim pieces)."""
    pieces = [s.strip() for s in _SEGMENT.findall(plain(text))]
    keep = [p for p in pieces if p and matcher(p)]
    if not keep or len(keep) == len([p for p in pieces if p]):
        return " ".join(plain(text).split())
    out = " … ".join(" ".join(p.split()) for p in keep)
    return out if pieces and keep[0] == pieces[0] else "… " + out


def _docs_by_date(corpus: Corpus) -> list[Document]:
    return sorted(corpus.documents, key=lambda d: (d.date, d.id), reverse=True)


def _is_annex(doc: Document, anchor: str) -> bool:
    b = doc.block(anchor)
    return bool(b and b.annex)


def _parent_is_duty(b: Block, duty_blocks: set[str]) -> bool:
    return bool(b.parent and b.parent in duty_blocks and b.kind == "para")


def audience_guidance(audience: Audience, corpus: Corpus, sectors: dict[str, str]) -> Guidance:
    """Duties (``whole``: the agency is of the audience's sector) and other paragraphs naming the audience.

    Annexes hold forms and indicator tables, not instructions, so they are left out.
    """
    duties: list[Quote] = []
    paras: list[Quote] = []
    for doc in _docs_by_date(corpus):
        duty_blocks = set()
        for d in doc.duties:
            if _is_annex(doc, d.block):
                continue
            in_sector = sectors.get(d.agency_id, "") in audience.sectors
            if in_sector or audience.matcher(d.text):
                text = " ".join(plain(d.text).split()) if in_sector else excerpt(d.text, audience.matcher)
                duties.append(Quote(doc, d.block, text, d, in_sector))
            duty_blocks.add(d.block)
        for b in doc.body:
            if b.annex or b.kind not in ("para", "item", "bullet") or b.anchor in duty_blocks:
                continue
            if _parent_is_duty(b, duty_blocks):
                continue
            if audience.matcher(plain(b.text)):
                paras.append(Quote(doc, b.anchor, excerpt(b.text, audience.matcher)))
    return Guidance(tuple(duties), tuple(paras))


def reporting_guidance(corpus: Corpus) -> Guidance:
    """Paragraphs about finding, reporting and getting help, newest document first."""
    items: list[Quote] = []
    for doc in _docs_by_date(corpus):
        for b in doc.body:
            if b.annex or b.kind not in ("para", "item", "bullet"):
                continue
            if REPORTING(plain(b.text)):
                items.append(Quote(doc, b.anchor, excerpt(b.text, REPORTING)))
    return Guidance((), tuple(items))


def _instrument_name(number: str, facts: InstrumentFacts | None, doc: Document | None) -> str:
    """How a reader knows the instrument: "Luật Trẻ em", "Nghị định 56/2017/NĐ-CP", else by its number."""
    if facts is not None and facts.type == "Luật" and facts.title.startswith("Luật"):
        return facts.title
    kind = (facts.type if facts is not None else "") or (doc.doc_type if doc is not None else "")
    return f"{kind} {number}" if kind else f"văn bản số {number}"


def _deepest_anchor(doc: Document, basis: Basis) -> str:
    """The basis's own anchor on the document page, else its article or clause, else ""."""
    full = basis.target_anchor()
    candidates = [full]
    if basis.point:
        candidates.append(Basis(instrument=basis.instrument, article=basis.article, clause=basis.clause).target_anchor())
    if basis.clause:
        candidates.append(Basis(instrument=basis.instrument, article=basis.article).target_anchor())
    return next((a for a in candidates if doc.block(a) is not None), "")


def basis_links(
    pages: list[GuidancePage],
    corpus: Corpus,
    instruments: Mapping[str, InstrumentFacts],
    document_instrument: Mapping[str, str],
) -> dict[Basis, BasisLink]:
    """Every basis of the guidance pages → the page (and anchor) it links to.

    A national instrument whose text the corpus holds (a document with that
    số/ký hiệu) links to its document page at the article anchor
    (``dieu-54-khoan-2``); one the corpus only cites links to its instrument
    page; otherwise nothing is linked and the pinpoint is printed.
    """
    docs_by_number: dict[str, Document] = {}
    for d in sorted(corpus.documents, key=lambda d: d.id):
        if d.number:
            docs_by_number.setdefault(d.number, d)
    facts_by_number = {f.number: f for f in sorted(instruments.values(), key=lambda f: f.id) if f.number}
    out: dict[Basis, BasisLink] = {}
    for page in pages:
        for st in page.statements():
            for b in st.basis:
                if not b.is_instrument:
                    doc = corpus.document(b.document)
                    ok = doc is not None and doc.block(b.anchor) is not None
                    out[b] = BasisLink("document", b.document, b.anchor) if ok else BasisLink("")
                    continue
                doc = docs_by_number.get(b.instrument)
                facts = facts_by_number.get(b.instrument)
                if doc is not None and facts is None:
                    facts = instruments.get(document_instrument.get(doc.id, ""))
                name = _instrument_name(b.instrument, facts, doc)
                if doc is not None:
                    out[b] = BasisLink("document", doc.id, _deepest_anchor(doc, b), name)
                elif facts is not None:
                    out[b] = BasisLink("instrument", facts.id, "", name)
                else:
                    out[b] = BasisLink("", "", "", name)
    return out

