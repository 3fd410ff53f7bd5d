"""Steps 2 and 3 of citing: decide which instrument a mention is, and cite a whole document.

``resolve(match, context)`` gives the identity: (type, number, jurisdiction,
year) or the name; a local number ("782/KH-UBND") belongs to the citing
document's jurisdiction unless the citation names another issuer; registry
entries (``data/instruments.yml``) win when they match. ``cite_document(doc)``
walks body blocks and footnotes in text order and returns ``Citation`` records
with their ``Span``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracuu.model.corpus import Corpus
from tracuu.model.problems import Problem
from tracuu.model.records import Citation, Document, Span
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import fold, nfc, slugify
from tracuu.registries.instruments import Registry, registry, registry_problems
from tracuu.resolve.citations.find import CitationMatch, find_citations
from tracuu.resolve.jurisdiction import cited_jurisdiction, local_jurisdiction
from tracuu.resolve.pinpoint import pinpoint_before

# --------------------------------------------------------------------------- step 2: resolve


@dataclass(frozen=True)
class Context:
    """What the citing document tells about local references."""

    province: str = ""  # "Kon Tum"
    jurisdiction: str = ""  # "Kon Tum", or "thành phố Bắc Kạn" for a city's own document


@dataclass(frozen=True)
class Resolved:
    type: str
    number: str
    title: str
    date: str
    issuer: str
    instrument: str
    jurisdiction: str


def context_for(doc: Document) -> Context:
    return Context(province=doc.province, jurisdiction=local_jurisdiction(doc))


def resolve_issuer(issuer: str, ctx: Context) -> str:
    """'Ủy ban nhân dân tỉnh' → 'Ủy ban nhân dân tỉnh Kon Tum'; 'Tỉnh ủy' → 'Tỉnh ủy Kon Tum'."""
    if not issuer or not ctx.province:
        return issuer
    if re.search(r"(?:\btỉnh|Tỉnh\s+(?:ủy|uỷ))$", issuer):
        return f"{issuer} {ctx.province}"
    return issuer


def _jurisdiction(skh: SoKyHieu, issuer: str, ctx: Context) -> str:
    """Whose number ``skh`` is, cited by a document in ``ctx`` (see ``jurisdiction.cited_jurisdiction``)."""
    return cited_jurisdiction(skh, issuer, ctx.province, ctx.jurisdiction)


def canonical_type(written: str, skh: SoKyHieu | None) -> str:
    """The type that names the instrument: the form code's, else the word written, else 'Công văn'."""
    if skh and skh.form:
        return skh.instrument_type
    if written and written != "Văn bản":
        return written
    return skh.instrument_type if skh else written


def instrument_id(type_: str, skh: SoKyHieu | None, title: str, jurisdiction: str, year: str) -> str:
    """Stable slug: 'thong-tu-13-2021-tt-bldtbxh', 'ke-hoach-782-kh-ubnd-kon-tum-2023', 'luat-tre-em'."""
    if skh is None:
        return slugify(title)
    parts = [type_, str(skh)]
    if jurisdiction:
        parts.append(jurisdiction)
    if not skh.year and year:
        parts.append(year)
    return slugify(" ".join(parts))


# Issuers whose bare numbers are national: the citing document's province is no part of their identity.
_NATIONAL_ISSUER = re.compile(
    r"(?:Bộ|Chính phủ|Thủ tướng|Quốc hội|Ban Bí thư|Ban Chấp hành Trung ương|Trung ương|Văn phòng Chính phủ)(?!\w)"
)


def resolve(match: CitationMatch, ctx: Context, reg: Registry | None = None) -> Resolved:
    reg = reg if reg is not None else registry()
    issuer = resolve_issuer(match.issuer, ctx)
    if match.sokyhieu is None and match.bare:
        # "Chỉ thị số 06 của Chủ tịch UBND tỉnh": known by type, number and issuer, the only facts
        # printed; a local issuer ("UBND huyện") is the citing document's own jurisdiction's.
        jur = "" if _NATIONAL_ISSUER.match(issuer) else (ctx.jurisdiction or ctx.province)
        inst_id = slugify(" ".join(x for x in (match.type, match.bare, issuer, jur, match.date[:4]) if x))
        return Resolved(match.type, match.bare, match.title, match.date, issuer, inst_id, jur)
    if match.sokyhieu is None:
        entry = reg.by_name(match.title)
        inst_id = entry.id if entry else instrument_id("", None, match.title, "", "")
        return Resolved(match.type, "", match.title, match.date, issuer, inst_id, "")
    skh = match.sokyhieu
    ctype = canonical_type(match.type, skh)
    jur = _jurisdiction(skh, issuer, ctx)
    year = skh.year or match.date[:4]
    entry = reg.by_number(str(skh), jur, year)
    inst_id = entry.id if entry else instrument_id(ctype, skh, "", jur, year)
    return Resolved(match.type or ctype, str(skh), match.title, match.date, issuer, inst_id, jur)


# --------------------------------------------------------------------------- step 3: a document


def _line_of(text: str, start: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, start)


def cite_document(doc: Document, reg: Registry | None = None) -> tuple[Citation, ...]:
    """Citations in the body blocks and footnotes of ``doc``, in text order, with spans."""
    reg = reg if reg is not None else registry()
    ctx = context_for(doc)
    # a codification's own notes ("(Điều 82 Luật số …)") are typed facts (Document.articles), not citations
    units: list[tuple[int, int, str, str]] = [(b.line, 0, b.anchor, b.text) for b in doc.body if b.kind != "note"]
    units += [(f.line, 1, f"fn-{f.number}", f.text) for f in doc.footnotes]
    units.sort(key=lambda u: (u[0], u[1]))
    found: list[tuple[Citation, str]] = []
    for line, _, anchor, text in units:
        text = nfc(text)
        for m in find_citations(text, reg):
            r = resolve(m, ctx, reg)
            if r.number and r.number == doc.number:
                continue  # the document's own number ("ban hành kèm theo Thông tư số …" in its annex) is no citation
            cit = Citation(
                text=m.text, type=r.type, number=r.number, title=r.title, date=r.date, issuer=r.issuer,
                instrument=r.instrument, line=_line_of(text, m.start, line),
                span=Span(anchor, m.start, m.end), pinpoint=pinpoint_before(text, m.start),
            )
            found.append((cit, _undated_key(m, r)))
    return tuple(_unify_years(found))


def _undated_key(m: CitationMatch, r: Resolved) -> str:
    return f"{fold(canonical_type(m.type, m.sokyhieu))}|{r.number}|{fold(r.jurisdiction)}" if r.number else ""


def _unify_years(found: list[tuple[Citation, str]]) -> list[Citation]:
    """A later "Kế hoạch số 782/KH-UBND" without a date is the one dated elsewhere in the document."""
    dated: dict[str, set[str]] = {}
    for cit, key in found:
        if key and (cit.date or _has_year(cit.number)):
            dated.setdefault(key, set()).add(cit.instrument)
    out = []
    for cit, key in found:
        ids = dated.get(key, set())
        if key and not cit.date and not _has_year(cit.number) and len(ids) == 1:
            cit = replace(cit, instrument=next(iter(ids)))
        out.append(cit)
    return out


def _has_year(number: str) -> bool:
    try:
        return bool(number) and bool(SoKyHieu.parse(number).year)
    except ValueError:
        return False  # a number printed without its ký hiệu ("06")


def instrument_id_for_document(doc: Document, reg: Registry | None = None) -> str:
    """The instrument a corpus document *is* (same id its citations get); '' without a number."""
    reg = reg if reg is not None else registry()
    try:
        skh = SoKyHieu.parse(doc.number)
    except ValueError:
        return ""
    ctx = context_for(doc)
    ctype = canonical_type(doc.doc_type, skh)
    jur = "" if skh.is_central else _jurisdiction(skh, nfc(doc.issuer), ctx)
    year = skh.year or doc.date[:4]
    entry = reg.by_number(str(skh), jur, year)
    if entry is None and ctype and doc.subject:
        # An instrument the corpus cites by name ("Luật Trẻ em"), whose text is in the corpus:
        # the same type and name, and the same date when the registry states one.
        named = reg.by_name(f"{ctype} {doc.subject}")
        if named is not None and not named.number and (not named.date or named.date == doc.date):
            entry = named
    return entry.id if entry else instrument_id(ctype, skh, "", jur, year)


# --------------------------------------------------------------------------- tracuu check


def check_instruments(corpus: Corpus, reg: Registry | None = None) -> list[Problem]:
    """Registry errors, then one warning per cited instrument missing from the registry.

    The instrument still gets a page built from what its citations say; the
    warning tells an editor to add an entry (with sources) to data/instruments.yml.
    """
    problems = registry_problems() if reg is None else []
    if problems:
        return problems
    reg = reg if reg is not None else registry()
    own = {instrument_id_for_document(d, reg) for d in corpus.documents}
    reported: set[str] = set()
    for doc in corpus.documents:
        for c in doc.citations:
            if c.instrument in reported or reg.get(c.instrument) is not None or c.instrument in own:
                continue
            reported.add(c.instrument)
            name = f"{c.type} {c.number}".strip() if c.number else c.title
            problems.append(Problem(
                doc.source, c.line,
                f"văn bản được dẫn chiếu '{name}' (mã {c.instrument}) chưa có trong data/instruments.yml; "
                "thêm mục với nguồn (source) cho từng thông tin",
                "warning",
            ))
    return problems
