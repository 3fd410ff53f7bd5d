"""Repeal clauses: "2. Luật … số 25/2004/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."

A national text's final article lists what it repeals: one or more instruments,
separated by ";", then "hết hiệu lực (thi hành) kể từ ngày <type> này có hiệu lực
(thi hành)". The instrument that heads each ";"-part without an article
("Nghị định số 136/2013/NĐ-CP …"), is repealed as a whole; a part that names
articles ("Điều 17 Nghị định số 140/2018/NĐ-CP", "các điều từ Điều 40 đến Điều 43
…") repeals those articles only and says nothing of the instrument's status.
Instruments named inside a part ("hướng dẫn … của Nghị định số 136/2013/NĐ-CP")
are descriptions, not what is repealed. The date is the repealing text's own
date in force when its notes state it, else unknown.
"""

from __future__ import annotations

import re

from tracuu.model.corpus import Corpus
from tracuu.model.index import Repeal
from tracuu.model.records import Citation, Document

_CLAUSE = re.compile(
    r"\bhết\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+kể\s+từ\s+ngày\s+(?P<own>Luật|Bộ\s+luật|Nghị\s+định|Thông\s+tư"
    r"(?:\s+liên\s+tịch)?|Quyết\s+định|Nghị\s+quyết)\s+này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s*[.;]?\s*$"
)
# What may stand before the repealed instrument in its part: the item label, "và", spaces, emphasis.
_LEAD = re.compile(r"^[\s*_]*(?:\d+\.\s*|[a-zđ]\)\s*)?(?:và\s+)?$")


def _heads(text: str, cites: list[Citation]) -> list[Citation]:
    """The citation that opens each ";"-part of ``text`` (none when the part opens otherwise)."""
    heads: list[Citation] = []
    start = 0
    for part_end in [m.start() for m in re.finditer(";", text)] + [len(text)]:
        inside = [c for c in cites if c.span is not None and start <= c.span.start < part_end]
        first = min(inside, key=lambda c: c.span.start if c.span else 0, default=None)
        if first is not None and first.span is not None and _LEAD.match(text[start : first.span.start]):
            heads.append(first)
        start = part_end + 1
    return heads


def repeals_in(doc: Document) -> list[tuple[str, Repeal]]:
    """(instrument id, repeal) for every instrument ``doc`` repeals as a whole."""
    out: list[tuple[str, Repeal]] = []
    for block in doc.body:
        m = _CLAUSE.search(block.text)
        if m is None:
            continue
        cites = [c for c in doc.citations if c.span is not None and c.span.block == block.anchor and c.instrument]
        for c in _heads(block.text[: m.start()], cites):
            if c.pinpoint.article:
                continue  # "Điều 17 Nghị định số 140/2018/NĐ-CP": those articles only
            out.append((c.instrument, Repeal(doc.id, block.anchor, doc.effective, " ".join(m.group(0).split()).rstrip(".;"))))
    return out


def repeals(corpus: Corpus) -> dict[str, Repeal]:
    """Instrument id → the clause of the corpus that repeals it (the first, in corpus order)."""
    out: dict[str, Repeal] = {}
    for doc in corpus.documents:
        for inst, r in repeals_in(doc):
            out.setdefault(inst, r)
    return out
