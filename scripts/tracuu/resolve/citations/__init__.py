"""Find, resolve and record citations of legal instruments (eyecite's three steps).

1. ``find_citations(text)`` — purely textual: every mention with its span,
   the type word as written, the parsed số/ký hiệu or the name, and the date,
   issuer and subject the sentence gives next to it.
2. ``resolve(match, context)`` — identity: (type, number, jurisdiction, year)
   or the name; a local number ("782/KH-UBND") belongs to the citing
   document's province unless the citation names another issuer; registry
   entries (``data/instruments.yml``) win when they match.
3. ``cite_document(doc)`` — walks body blocks and footnotes in text order and
   returns ``Citation`` records with their ``Span``; linking is done by the
   renderer at those spans, never by searching again.
"""

from tracuu.resolve.citations.find import (
    TYPE_WORDS,
    CitationMatch,
    find_citations,
    iso_date,
    parse_date,
)
from tracuu.resolve.citations.identity import (
    Context,
    Resolved,
    _jurisdiction,
    canonical_type,
    check_instruments,
    cite_document,
    context_for,
    instrument_id,
    instrument_id_for_document,
    resolve,
    resolve_issuer,
)
from tracuu.resolve.jurisdiction import local_jurisdiction as document_jurisdiction

__all__ = [
    "TYPE_WORDS",
    "CitationMatch",
    "Context",
    "Resolved",
    "_jurisdiction",
    "canonical_type",
    "check_instruments",
    "cite_document",
    "context_for",
    "document_jurisdiction",
    "find_citations",
    "instrument_id",
    "instrument_id_for_document",
    "iso_date",
    "parse_date",
    "resolve",
    "resolve_issuer",
]
