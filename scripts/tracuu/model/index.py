"""The corpus index: every fact the renderers show that is not on a record itself.

Built once per build by ``tracuu.resolve.index.build_index`` from the corpus
and the registries; renderers are functions of the corpus and this index and
never resolve, match or re-read anything themselves. Plain frozen values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tracuu.model.figures import Figure
from tracuu.model.glossary import Term
from tracuu.model.guidance import Basis, BasisLink, GuidancePage
from tracuu.model.instruments import Instrument
from tracuu.model.records import Citation, Document, Duty, ResolvedAgency
from tracuu.model.topics import TopicRegistry

# The key of the reporting paragraphs ("Khi trẻ em gặp nguy hiểm") in ``CorpusIndex.guidance``.
REPORTING_ID = "bao-tin"


@dataclass(frozen=True)
class Hotline:
    """A telephone line a document names for reporting or advice."""

    number: str  # digits as written, spaces removed
    name: str  # as written ("Tổng đài điện thoại quốc gia bảo vệ trẻ em")
    place: str  # "" for the national line, else the province/city the text names
    doc_id: str
    block: str
    sentence: str  # the clause that names it, verbatim


@dataclass(frozen=True)
class Mention:
    """One citation of an instrument, in the document that makes it."""

    doc: Document
    citation: Citation
    # (before, mention, after): the sentence that makes it, emphasis markers dropped
    context: tuple[str, str, str] = ("", "", "")
    basis: bool = False  # it sits in a "Căn cứ ..." line: the citing document was issued on its basis

    @property
    def anchor(self) -> str:
        return self.citation.span.block if self.citation.span else ""


@dataclass(frozen=True)
class InstrumentFacts:
    """A cited instrument: how to name it, its level, its registry entry and its mentions."""

    id: str
    type: str  # the type that names it ("Thông tư"), "" when unknown
    number: str  # normal-form số/ký hiệu, "" for an instrument known by name
    title: str
    level: str  # one of render.instruments.LEVELS
    entry: Instrument | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class AgencyLink:
    """Where a block names the addressee of a duty of its clause: text[start:end] links to the agency."""

    start: int
    end: int
    agency_id: str


@dataclass(frozen=True)
class Sector:
    id: str
    name: str


@dataclass(frozen=True)
class AgencyEntry:
    """One line on an agency page: a duty and how it concerns this agency."""

    doc: Document
    duty: Duty
    relation: str  # "own" | "partner" | "shared"


@dataclass(frozen=True)
class AgencyFacts:
    """Everything an agency's page shows."""

    agency: ResolvedAgency
    written_as: frozenset[str] = frozenset()
    entries: tuple[AgencyEntry, ...] = ()
    members: tuple[ResolvedAgency, ...] = ()  # for groups
    member_of: tuple[ResolvedAgency, ...] = ()
    issued: tuple[Document, ...] = ()  # documents in the corpus it issued


@dataclass(frozen=True)
class Quote:
    """A verbatim passage a guidance page quotes: a duty's or a paragraph's text (or the matching part)."""

    doc: Document
    anchor: str
    text: str  # plain text, whitespace collapsed; "…" marks what was left out
    duty: Duty | None = None
    whole: bool = False  # the duty's agency is of the audience's sector


@dataclass(frozen=True)
class Guidance:
    """What a guidance page quotes: duties for the audience, then other paragraphs naming it."""

    duties: tuple[Quote, ...] = ()
    paragraphs: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class SearchVocabulary:
    """The search box's tables (see ``render.search_assets``)."""

    synonyms: Mapping[str, list[str]] = field(default_factory=dict)
    phrases: Mapping[str, list[str]] = field(default_factory=dict)
    stopwords: Mapping[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CorpusIndex:
    # documents
    issuers: Mapping[str, ResolvedAgency] = field(default_factory=dict)  # doc id → the agency that issued it
    issuing_level: Mapping[str, str] = field(default_factory=dict)  # doc id → level of its issuer ("" unknown)
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # doc id → topic names
    paragraph_topics: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    # instruments
    instruments: Mapping[str, InstrumentFacts] = field(default_factory=dict)  # every cited instrument
    document_instrument: Mapping[str, str] = field(default_factory=dict)  # doc id → the instrument it is
    instrument_document: Mapping[str, str] = field(default_factory=dict)  # instrument id → that document's id
    # agencies
    agencies: Mapping[str, AgencyFacts] = field(default_factory=dict)
    sectors: tuple[Sector, ...] = ()
    agency_sector: Mapping[str, str] = field(default_factory=dict)  # duty agency id → sector id
    # doc id → block anchor → the addressees the block names
    agency_links: Mapping[str, Mapping[str, tuple[AgencyLink, ...]]] = field(default_factory=dict)
    # portal
    topics: TopicRegistry = field(default_factory=lambda: TopicRegistry("", (), ()))
    guidance: Mapping[str, Guidance] = field(default_factory=dict)  # audience id (or "bao-tin") → quotes
    hotlines: tuple[Hotline, ...] = ()
    guidance_pages: tuple[GuidancePage, ...] = ()  # data/guidance.yml
    basis_links: Mapping[Basis, BasisLink] = field(default_factory=dict)  # every basis of guidance_pages
    figures: tuple[tuple[Document, Figure], ...] = ()
    glossary: tuple[Term, ...] = ()
    search: SearchVocabulary = field(default_factory=SearchVocabulary)

    def sector(self, sector_id: str) -> Sector | None:
        return next((s for s in self.sectors if s.id == sector_id), None)
