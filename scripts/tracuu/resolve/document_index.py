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
    Every pair is scored (one set intersection and a few lookups: most documents share the Luật Trẻ em);
    only the ``LIMIT`` closest become ``Related`` values.
    """
    sidecar = _sidecar_links(corpus)
    cited = {d.id: {c.instrument for c in d.citations if c.instrument} - {own.get(d.id, "")} for d in corpus.documents}
    # closest first; then newest, then by id (deterministic): the rank is (date desc, id asc)
    by_date = sorted(sorted(corpus.documents, key=lambda o: o.id), key=lambda o: o.date, reverse=True)
    rank = {o.id: n for n, o in enumerate(by_date)}
    issuer = {d.id: issuers[d.id].id for d in corpus.documents if d.id in issuers}
    out: dict[str, tuple[Related, ...]] = {}
    for d in corpus.documents:
        mine, my_own, my_issuer = cited[d.id], own.get(d.id, ""), issuer.get(d.id)
        scored: list[tuple[int, int, str]] = []
        for o in corpus.documents:
            if o.id == d.id:
                continue
            theirs = cited[o.id]
            cites = o.id in own and own[o.id] in mine
            cited_by = d.id in own and my_own in theirs
            same = my_issuer is not None and my_issuer == issuer.get(o.id)
            score = 8 * ((d.id, o.id) in sidecar) + 4 * (cites or cited_by) + 2 * same + len(mine & theirs)
            if score:
                scored.append((-score, rank[o.id], o.id))
        scored.sort()
        out[d.id] = tuple(
            Related(
                oid,
                sidecar=(d.id, oid) in sidecar,
                cites=oid in own and own[oid] in mine,
                cited_by=d.id in own and my_own in cited[oid],
                same_issuer=my_issuer is not None and my_issuer == issuer.get(oid),
                shared=tuple(sorted(mine & cited[oid])),
            )
            for _, _, oid in scored[:LIMIT]
        )
    return out


def headers(corpus: Corpus) -> dict[str, PrintedHeader]:
    return {d.id: printed_header(d) for d in corpus.documents}
