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
from tracuu.model.records import Amendment, Block, Citation, Document, Duty, Pinpoint, ResolvedAgency
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
class AmendmentLink:
    """An amendment a Pháp điển note records: ``amender`` (instrument id) changed ``doc``'s articles."""

    amender: str
    doc: Document
    amendment: Amendment


@dataclass(frozen=True)
class Repeal:
    """A corpus clause that repeals an instrument as a whole ("… hết hiệu lực kể từ ngày Luật này có hiệu lực")."""

    doc_id: str  # the repealing document
    anchor: str  # its clause
    effective: str  # ISO: the repealing text's date in force, as its notes state it ("" unknown)
    words: str  # the clause's words from "hết hiệu lực", verbatim


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
    # This agency's part in the duty: the duty's role when it is the addressee, "phối hợp" when it
    # is a named partner; for "shared", the part of the group it reaches this agency through.
    role: str = ""
    via: str = ""  # "shared": id of that group

    @property
    def part(self) -> str:
        return self.role or ("phối hợp" if self.relation == "partner" else self.duty.role)


@dataclass(frozen=True)
class AgencyFacts:
    """Everything an agency's page shows."""

    agency: ResolvedAgency
    written_as: frozenset[str] = frozenset()
    entries: tuple[AgencyEntry, ...] = ()
    members: tuple[ResolvedAgency, ...] = ()  # for groups
    member_of: tuple[ResolvedAgency, ...] = ()
    issued: tuple[Document, ...] = ()  # documents in the corpus it issued
    # data/agencies.yml line_ministries: a province's body → the central body of its sector, and
    # that central body → the body of every province in the corpus (both have pages)
    line_ministry: ResolvedAgency | None = None
    line_offices: tuple[ResolvedAgency, ...] = ()


@dataclass(frozen=True)
class PrintedHeader:
    """A document's header laid out as printed (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuer's
    lines over the Số on the left, the Quốc hiệu and the place-and-date line on the right."""

    issuer_lines: tuple[str, ...] = ()
    number_text: str = ""
    motto_lines: tuple[str, ...] = ()
    date_text: str = ""
    type_text: str = ""


@dataclass(frozen=True)
class Related:
    """Another document of the corpus and why it is related to one document."""

    doc_id: str
    sidecar: bool = False  # a sidecar's ``related:`` names one of the two
    cites: bool = False  # this document cites it (it is an instrument this one names)
    cited_by: bool = False  # it cites this document
    same_issuer: bool = False
    shared: tuple[str, ...] = ()  # ids of instruments both cite


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
class TopicHits:
    """What carries one topic, newest document first: its duties, other paragraphs, instruments they cite."""

    duties: tuple[tuple[Document, Duty], ...] = ()
    paragraphs: tuple[tuple[Document, Block], ...] = ()
    citations: tuple[tuple[Document, Citation], ...] = ()


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
    headers: Mapping[str, PrintedHeader] = field(default_factory=dict)  # doc id → its header as printed
    related: Mapping[str, tuple[Related, ...]] = field(default_factory=dict)  # doc id → related documents, closest first
    paragraph_topics: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    # (doc id, block anchor) → the block's position in its document's body (agency pages list clauses in text order)
    block_order: Mapping[tuple[str, str], int] = field(default_factory=dict)
    # instruments
    instruments: Mapping[str, InstrumentFacts] = field(default_factory=dict)  # every cited instrument
    document_instrument: Mapping[str, str] = field(default_factory=dict)  # doc id → the instrument it is
    instrument_document: Mapping[str, str] = field(default_factory=dict)  # instrument id → that document's id
    # (instrument id, pinpoint) → the anchor of the cited article/khoản/điểm on that instrument's document page
    pinpoint_anchors: Mapping[tuple[str, Pinpoint], str] = field(default_factory=dict)
    amendments: tuple[AmendmentLink, ...] = ()  # every amendment the corpus's notes record
    repeals: Mapping[str, Repeal] = field(default_factory=dict)  # instrument id → the clause that repeals it
    # agencies
    agencies: Mapping[str, AgencyFacts] = field(default_factory=dict)
    sectors: tuple[Sector, ...] = ()
    agency_sector: Mapping[str, str] = field(default_factory=dict)  # duty agency id → sector id
    # doc id → block anchor → the addressees the block names
    agency_links: Mapping[str, Mapping[str, tuple[AgencyLink, ...]]] = field(default_factory=dict)
    # portal
    topics: TopicRegistry = field(default_factory=lambda: TopicRegistry("", (), ()))
    topic_hits: Mapping[str, TopicHits] = field(default_factory=dict)  # topic id → what carries it
    guidance: Mapping[str, Guidance] = field(default_factory=dict)  # audience id (or "bao-tin") → quotes
    hotlines: tuple[Hotline, ...] = ()
    guidance_pages: tuple[GuidancePage, ...] = ()  # data/guidance.yml
    basis_links: Mapping[Basis, BasisLink] = field(default_factory=dict)  # every basis of guidance_pages
    figures: tuple[tuple[Document, Figure], ...] = ()
    glossary: tuple[Term, ...] = ()
    search: SearchVocabulary = field(default_factory=SearchVocabulary)
    # the day the build runs (ISO): "Sắp đến hạn" counts from it; SOURCE_DATE_EPOCH fixes it for reproducible builds
    build_date: str = "1970-01-01"

    def sector(self, sector_id: str) -> Sector | None:
        return next((s for s in self.sectors if s.id == sector_id), None)
