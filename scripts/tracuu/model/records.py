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

# "note": a codification's own words about an article (Pháp điển heading and source note), shown quietly.
BlockKind = Literal["heading", "item", "bullet", "para", "table", "formula", "note"]
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


def unit_anchor(article: str, clause: str = "", point: str = "") -> str:
    """The anchor of an article, khoản or điểm: ("82", "3", "a") → "dieu-82-khoan-3-diem-a"; "đ" → "dd"."""
    out = f"dieu-{article.lower()}"
    if clause:
        out += f"-khoan-{clause}"
        if point:
            out += "-diem-" + point.lower().replace("đ", "dd")
    return out


@dataclass(frozen=True)
class Pinpoint:
    """The article, khoản and điểm a citation names ("khoản 3 Điều 82 Luật Trẻ em" → 82/3/"").

    Each part is "" when the text names none; a list keeps its items in order,
    joined by ", " ("các khoản 1, 2 và 3 Điều 24" → clause "1, 2, 3").
    """

    article: str = ""
    clause: str = ""
    point: str = ""

    def __bool__(self) -> bool:
        return bool(self.article or self.clause or self.point)

    @property
    def anchor(self) -> str:
        """The deepest single unit's anchor on a page of the cited text ("dieu-82-khoan-3"); "" for none."""
        if not self.article or "," in self.article:
            return ""
        if not self.clause or "," in self.clause:
            return unit_anchor(self.article)
        return unit_anchor(self.article, self.clause, "" if "," in self.point else self.point)

    def contract(self) -> dict[str, str]:
        return {"article": self.article, "clause": self.clause, "point": self.point}


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
    pinpoint: Pinpoint = field(default_factory=Pinpoint)

    def contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "type": self.type,
            "number": self.number,
            "title": self.title,
            "date": self.date,
            "issuer": self.issuer,
            "instrument": self.instrument,
            "pinpoint": self.pinpoint.contract(),
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
class Amendment:
    """A change another instrument made, as a Pháp điển source note records it.

    "có nội dung được sửa đổi, có nội dung được bổ sung bởi Điều 11 Luật số
    28/2018/QH14 có hiệu lực thi hành kể từ ngày 01/01/2019" → actions
    ("sửa đổi", "bổ sung"), type "Luật", number "28/2018/QH14", articles ("11",),
    effective "2019-01-01". ``targets``: the amended instrument's articles it touched.
    """

    actions: tuple[str, ...]
    type: str
    number: str
    articles: tuple[str, ...] = ()
    effective: str = ""  # ISO, "" when the note gives none
    targets: tuple[str, ...] = ()
    text: str = ""  # the note's words for it, verbatim
    line: int = 0


@dataclass(frozen=True)
class ArticleNote:
    """One article of a codified text: its Pháp điển heading and source note, verbatim, and their facts.

    ``Điều 8.1.LQ.82. Bộ Lao động - Thương binh và Xã hội`` /
    ``(Điều 82 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017, …)``.
    """

    anchor: str  # "dieu-82": the article's block on the page
    article: str  # "82": its number in the original instrument
    title: str  # "Bộ Lao động - Thương binh và Xã hội"
    code: str  # "8.1.LQ.82": its place in the Pháp điển
    heading: str  # the Pháp điển heading line, verbatim
    note: str  # the source note, verbatim ("" when the article has none)
    type: str = ""  # "Luật"
    number: str = ""  # "102/2016/QH13"
    effective: str = ""  # ISO date the note says the article is in force from
    amendments: tuple[Amendment, ...] = ()
    line: int = 0  # the heading's line
    note_line: int = 0


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
    signers: tuple[Signer, ...] = ()  # every signer in printed order (a joint document has several); signer is the first
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
    # --- codified texts (Bộ Pháp điển): facts from the source notes only ---
    effective: str = ""  # ISO date in force, as the notes state it
    articles: tuple[ArticleNote, ...] = ()  # every article's Pháp điển heading and note, in text order
    amendments: tuple[Amendment, ...] = ()  # changes by other instruments, one per (instrument, articles, actions)

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
            "signers": [{"name": s.name, "title": s.title} for s in self.signers],
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

    @cached_property
    def _blocks(self) -> dict[str, tuple[int, Block]]:
        """{anchor: (position in body, block)}, the first block of each anchor; built on first use."""
        out: dict[str, tuple[int, Block]] = {}
        for n, b in enumerate(self.body):
            out.setdefault(b.anchor, (n, b))
        return out

    def block(self, anchor: str) -> Block | None:
        found = self._blocks.get(anchor)
        return found[1] if found else None

    def position(self, anchor: str) -> int:
        """Where the block of ``anchor`` stands in the body (0 when none has it): reading order of clauses."""
        found = self._blocks.get(anchor)
        return found[0] if found else 0
