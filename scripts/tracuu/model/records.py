"""Typed, frozen records. Everything after ``layout.parse`` works on these.

``Document.contract()`` is the JSON shape promised in CONTRACT.md §1; other
fields (body blocks, footnotes, spans) feed the page renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from tracuu.model.deadline import Deadline
from tracuu.model.problems import Problem
from tracuu.model.textutil import plain

BlockKind = Literal["heading", "item", "bullet", "para", "table", "formula"]
Role = Literal["chủ trì", "phối hợp", "thực hiện"]


@dataclass(frozen=True)
class Signer:
    name: str = ""
    title: str = ""


@dataclass(frozen=True)
class Footnote:
    """A footnote: its marker as printed (``¹``), its number and verbatim text."""

    number: str
    marker: str
    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """One structural unit of a document body, verbatim.

    ``text`` is the cleaned source text of the unit, inline Markdown as in the
    source (``**bold**``), label included ("2. Sở Giáo dục ..."); footnote
    markers are kept as printed (``¹``). ``anchor`` is derived from the label
    path (``m2-b1``: first bullet under item 2), so it is stable across rebuilds
    as long as the document itself does not change.
    """

    kind: BlockKind
    text: str
    line: int
    anchor: str
    level: int
    label: str = ""
    parent: str = ""
    annex: str = ""  # "" in the main text, else the annex label ("Phụ lục III")
    topics: tuple[str, ...] = ()  # topic ids, assigned once by ``topics.assign_topics``

    @cached_property
    def plain(self) -> str:
        """``text`` without Markdown emphasis and heading marks: what rules match against."""
        return plain(self.text)


@dataclass(frozen=True)
class Span:
    """Where something sits in the text of one block: ``block.text[start:end]``."""

    block: str  # Block.anchor
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    text: str  # exact substring of the block text
    type: str  # "Nghị định", "Thông tư", "Luật", ...
    number: str  # "20/2021/NĐ-CP" (normalised spacing) or ""
    title: str
    date: str  # ISO, as precise as the text
    issuer: str
    instrument: str  # registry id or a generated id
    line: int
    span: Span | None = None

    def contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "type": self.type,
            "number": self.number,
            "title": self.title,
            "date": self.date,
            "issuer": self.issuer,
            "instrument": self.instrument,
            "line": self.line,
        }


@dataclass(frozen=True)
class Duty:
    agency: str  # canonical name
    agency_id: str
    agency_text: str  # addressee exactly as written
    role: Role
    text: str  # the duty's full text
    line: int
    block: str = ""  # anchor of the clause in the document page
    partners: tuple[str, ...] = ()  # agency ids
    topics: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()  # instrument ids cited inside the duty
    is_group: bool = False  # the addressee is a collective ("các sở, ngành")
    deadlines: tuple[Deadline, ...] = ()  # time expressions of ``text`` (resolve/deadlines.py)

    def contract(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "agency_id": self.agency_id,
            "agency_text": self.agency_text,
            "role": self.role,
            "text": self.text,
            "line": self.line,
        }


@dataclass(frozen=True)
class ResolvedAgency:
    """One concrete agency (or group) as a document names it."""

    id: str
    name: str  # canonical name, with jurisdiction
    kind: str
    level: str
    sector: str
    template: str = ""  # template or group id; "" when not in the registry
    province: str = ""
    district: str = ""
    is_group: bool = False
    known: bool = True


@dataclass(frozen=True)
class Membership:
    """A group whose members a document names (a footnote, "thành viên … gồm: …")."""

    group: ResolvedAgency
    members: tuple[ResolvedAgency, ...]
    line: int


@dataclass(frozen=True)
class Document:
    source: str
    id: str
    doc_type: str
    number: str = ""
    symbol: str = ""
    issuer: str = ""
    place: str = ""
    date: str = ""
    subject: str = ""
    signer: Signer = field(default_factory=Signer)
    recipients: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    duties: tuple[Duty, ...] = ()
    topics: tuple[str, ...] = ()
    # What went wrong reading it, typed; ``warnings`` (the JSON contract) is made from these.
    problems: tuple[Problem, ...] = ()
    # --- beyond the contract: what the pages need ---
    kinh_gui: tuple[str, ...] = ()
    noi_nhan: tuple[str, ...] = ()  # verbatim lines of the Nơi nhận block
    body: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    header: tuple[str, ...] = ()  # verbatim header lines not shown elsewhere (Quốc hiệu ...)
    closing: tuple[str, ...] = ()  # verbatim signature-block lines
    province: str = ""  # jurisdiction the document belongs to ("Bắc Kạn"), for resolving local names
    issuer_source: str = ""  # how the issuer was found ("khối cơ quan ban hành", "ký hiệu BCĐ + dòng 11", ...)
    meta: tuple[tuple[str, str], ...] = ()  # sidecar facts (publisher, url, provenance), in file order
    number_text: str = ""  # the "Số: …" line as printed ("Số: *5310*/UBND-KGVX" shows as "Số: 5310/UBND-KGVX")
    date_text: str = ""  # the date line as printed ("Bắc Kạn, ngày tháng 01 năm 2024")
    subject_prefix: str = ""  # "V/v" when a Công văn prints its trích yếu that way
    type_text: str = ""  # the type line as printed ("THÔNG BÁO"); "" when the text prints none (a Công văn)
    memberships: tuple[Membership, ...] = ()  # groups whose members the text names (a footnote listing BCĐ members)

    def contract(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "id": self.id,
            "doc_type": self.doc_type,
            "number": self.number,
            "symbol": self.symbol,
            "issuer": self.issuer,
            "place": self.place,
            "date": self.date,
            "subject": self.subject,
            "signer": {"name": self.signer.name, "title": self.signer.title},
            "recipients": list(self.recipients),
            "citations": [c.contract() for c in self.citations],
            "duties": [d.contract() for d in self.duties],
            "topics": list(self.topics),
            "warnings": list(self.warnings),
        }

    @property
    def warnings(self) -> tuple[str, ...]:
        """The problems as the contract's strings: "line 12: không tìm thấy người ký"."""
        return tuple(p.as_warning(self.source) for p in self.problems)

    def block(self, anchor: str) -> Block | None:
        return next((b for b in self.body if b.anchor == anchor), None)
