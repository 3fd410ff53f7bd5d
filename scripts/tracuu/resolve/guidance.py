"""What the guidance pages quote: duties and paragraphs for an audience, and reporting paragraphs.

Chosen once per build (``resolve.index``) from the topic registry's audiences
(sectors and keywords) and the reporting keywords below; each quote is a
verbatim piece of the source text.
"""

from __future__ import annotations

import re

from tracuu.model.corpus import Corpus
from tracuu.model.index import REPORTING_ID as REPORTING_ID
from tracuu.model.index import Guidance, Quote
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
