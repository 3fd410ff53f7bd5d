"""What a document page shows beyond its record: its header as printed and its related documents.

Computed once per build (``resolve.index``); ``render.documents`` only lays it out.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracuu.model.corpus import Corpus
from tracuu.model.index import PrintedHeader, Related
from tracuu.model.records import Document, ResolvedAgency
from tracuu.model.textutil import plain
from tracuu.parse.header import quoc_hieu

# At most this many related documents on a page (the closest first).
LIMIT = 8


def printed_header(doc: Document) -> PrintedHeader:
    """Split the record's header lines into the issuer's (left) and the Quốc hiệu's (right)."""
    issuer: list[str] = []
    motto: list[str] = []
    for line in doc.header:
        text = plain(line).strip()
        if not text or text.startswith("Kính gửi"):
            continue
        if motto or quoc_hieu().match(text):
            # the motto's second line ("Độc lập - Tự do - Hạnh phúc") follows the first
            motto.append(text)
        else:
            issuer.append(text)
    return PrintedHeader(tuple(issuer), doc.number_text, tuple(motto), doc.date_text, doc.type_text)


def _sidecar_links(corpus: Corpus) -> set[tuple[str, str]]:
    ids = {d.id for d in corpus.documents}
    pairs: set[tuple[str, str]] = set()
    for d in corpus.documents:
        for k, v in d.meta:
            if k == "related" and v in ids and v != d.id:
                pairs.add((d.id, v))
                pairs.add((v, d.id))
    return pairs


def related_documents(
    corpus: Corpus, own: Mapping[str, str], issuers: Mapping[str, ResolvedAgency]
) -> dict[str, tuple[Related, ...]]:
    """Doc id → related documents: named in a sidecar, citing or cited, of the same issuer, citing the same instruments.

    ``own`` maps a document to the instrument it is (a Thông tư in the corpus); ``issuers`` to its issuer.
    """
    sidecar = _sidecar_links(corpus)
    cited = {d.id: {c.instrument for c in d.citations if c.instrument} - {own.get(d.id, "")} for d in corpus.documents}
    out: dict[str, tuple[Related, ...]] = {}
    for d in corpus.documents:
        found: list[tuple[int, Related, Document]] = []
        for o in corpus.documents:
            if o.id == d.id:
                continue
            rel = Related(
                o.id,
                sidecar=(d.id, o.id) in sidecar,
                cites=own.get(o.id, "") in cited[d.id] and o.id in own,
                cited_by=own.get(d.id, "") in cited[o.id] and d.id in own,
                same_issuer=d.id in issuers and o.id in issuers and issuers[d.id].id == issuers[o.id].id,
                shared=tuple(sorted(cited[d.id] & cited[o.id])),
            )
            score = 8 * rel.sidecar + 4 * (rel.cites or rel.cited_by) + 2 * rel.same_issuer + len(rel.shared)
            if score:
                found.append((score, rel, o))
        # closest first; then newest, then by id (deterministic)
        found.sort(key=lambda t: t[2].id)
        found.sort(key=lambda t: t[2].date, reverse=True)
        found.sort(key=lambda t: t[0], reverse=True)
        out[d.id] = tuple(r for _, r, _ in found[:LIMIT])
    return out


def headers(corpus: Corpus) -> dict[str, PrintedHeader]:
    return {d.id: printed_header(d) for d in corpus.documents}
