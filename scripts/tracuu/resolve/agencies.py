"""Which registered agency a document names: resolution on top of the agency registry (data)."""

from __future__ import annotations

from tracuu.model.records import Document, ResolvedAgency
from tracuu.registries.agencies import AgencyRegistry, load_registry
from tracuu.resolve.jurisdiction import jurisdiction


def issuer_agency(doc: Document, registry: AgencyRegistry | None = None) -> ResolvedAgency | None:
    """The agency that issued ``doc``, as the registry names it (None for a news article or no issuer)."""
    if not doc.issuer or doc.doc_type == "Tin bài":
        return None
    reg = registry or load_registry()
    province, district = jurisdiction(doc, reg)
    found = reg.match(doc.issuer, province, district)
    return found if found is not None and not found.is_group else None
