"""Build the corpus index once per build: every fact renderers show beyond the records.

``build_index(corpus)`` loads the registries, resolves what the pages need
(issuers, instruments, agencies' duties, topics, hotlines, figures, guidance
quotes, search vocabulary) and returns a frozen ``model.index.CorpusIndex``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from tracuu import paths
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, Guidance, Sector
from tracuu.model.records import ResolvedAgency
from tracuu.model.topics import TopicRegistry
from tracuu.registries import glossary
from tracuu.registries import guidance as guidance_registry
from tracuu.registries import search as search_words
from tracuu.registries.agencies import AgencyRegistry
from tracuu.registries.agencies import load_registry as agency_registry
from tracuu.registries.instruments import registry as instrument_registry
from tracuu.registries.topics import load_registry as topic_registry
from tracuu.resolve.agencies import issuer_agency
from tracuu.resolve.agency_index import agency_facts, agency_links
from tracuu.resolve.document_index import headers, related_documents
from tracuu.resolve.figures import all_figures
from tracuu.resolve.guidance import REPORTING_ID, audience_guidance, basis_links, reporting_guidance
from tracuu.resolve.hotlines import hotlines
from tracuu.resolve.instrument_index import amendment_links, document_instruments, instrument_facts, pinpoint_anchors
from tracuu.resolve.repeals import repeals
from tracuu.resolve.search_vocab import vocabulary
from tracuu.resolve.topics import all_topic_hits, paragraph_topics, tag_names


def _agency_sector(corpus: Corpus, reg: AgencyRegistry) -> dict[str, str]:
    """{agency id: sector id} for every duty's agency (the guidance pages' audiences)."""
    out: dict[str, str] = {}
    for doc in corpus.documents:
        for d in doc.duties:
            if d.agency_id in out:
                continue
            m = reg.match(d.agency, doc.province)
            out[d.agency_id] = m.sector if m else ""
    return out


def _issuing_level(corpus: Corpus, reg: AgencyRegistry) -> dict[str, str]:
    out: dict[str, str] = {}
    for doc in corpus.documents:
        m = reg.match(doc.issuer, doc.province) if doc.issuer else None
        out[doc.id] = m.level if m else ""
    return out


def _guidance(corpus: Corpus, topics: TopicRegistry, sectors: dict[str, str]) -> dict[str, Guidance]:
    out = {a.id: audience_guidance(a, corpus, sectors) for a in topics.audiences}
    out[REPORTING_ID] = reporting_guidance(corpus)
    return out


def _project_root(corpus: Corpus) -> Path:
    """Where sources/ lies (the corpus root when it has data/, else the project's)."""
    return Path(corpus.root) if (Path(corpus.root) / "data").is_dir() else paths.data_dir().parent


def build_index(corpus: Corpus) -> CorpusIndex:
    agencies = agency_registry()
    instruments = instrument_registry()
    topics = topic_registry()
    own = document_instruments(corpus, instruments)
    first: dict[str, str] = {}
    for doc_id, inst in own.items():
        first.setdefault(inst, doc_id)
    issuers: dict[str, ResolvedAgency] = {}
    for doc in corpus.documents:
        found = issuer_agency(doc, agencies)
        if found is not None:
            issuers[doc.id] = found
    sectors = _agency_sector(corpus, agencies)
    ptopics = {d.id: paragraph_topics(d, topics) for d in corpus.documents}
    terms = tuple(glossary.load())
    facts = instrument_facts(corpus, instruments)
    guide_pages = guidance_registry.load()
    return CorpusIndex(
        issuers=issuers,
        issuing_level=_issuing_level(corpus, agencies),
        tags={d.id: tuple(tag_names(d, topics)) for d in corpus.documents},
        headers=headers(corpus),
        related=related_documents(corpus, own, issuers),
        paragraph_topics=ptopics,
        block_order={(doc.id, b.anchor): n for doc in corpus.documents for n, b in enumerate(doc.body)},
        instruments=facts,
        document_instrument=own,
        instrument_document=first,
        pinpoint_anchors=pinpoint_anchors(corpus, first),
        amendments=amendment_links(corpus, instruments),
        repeals=repeals(corpus),
        agencies=agency_facts(corpus, agencies),
        sectors=tuple(Sector(s.id, s.name) for s in agencies.sectors),
        agency_sector=sectors,
        agency_links={d.id: agency_links(d) for d in corpus.documents},
        topics=topics,
        topic_hits=all_topic_hits(corpus, topics, ptopics),
        guidance=_guidance(corpus, topics, sectors),
        hotlines=hotlines(corpus),
        guidance_pages=tuple(guide_pages),
        basis_links=basis_links(guide_pages, corpus, facts, own),
        figures=tuple(all_figures(corpus)),
        glossary=terms,
        search=vocabulary(terms, agencies, topics, search_words.load(), _project_root(corpus)),
        build_date=build_date(),
    )


def build_date() -> str:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds, tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return when.date().isoformat()
