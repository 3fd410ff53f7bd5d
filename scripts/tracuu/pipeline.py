"""One source file in, one Document out: read → clean → layout → resolve → cite → duties.

Parsing one file depends on nothing but the file, its optional sidecar
(``name.yml`` next to ``name.txt``) and the registries in ``data/``.
A file that cannot be read still yields a Document with a warning.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from tracuu.model.problems import SIDECAR_WARNING, Problem
from tracuu.model.records import Document
from tracuu.model.textutil import fold, slugify
from tracuu.parse import sidecar as sidecars
from tracuu.parse.bounds import bound_fields, hide_oversized_blocks, restore_blocks
from tracuu.parse.clean import clean
from tracuu.parse.decode import read_text
from tracuu.parse.layout import Layout, parse_layout
from tracuu.parse.phapdien import is_phapdien, parse_phapdien
from tracuu.resolve.citations import cite_document
from tracuu.resolve.deadlines import add_deadlines
from tracuu.resolve.duties import extract_duties, extract_memberships
from tracuu.resolve.issuer import resolve_issuer
from tracuu.resolve.jurisdiction import document_province, province_of
from tracuu.resolve.topics import assign_topics

__all__ = [
    "SIDECAR_KEYS",
    "SIDECAR_WARNING",
    "SOURCE_SUFFIXES",
    "document_province",
    "enrich",
    "load_sidecar",
    "parse_file",
    "parse_text",
    "province_of",
    "resolve_issuer",
]

SOURCE_SUFFIXES = (".txt", ".md")
# Sidecar keys: facts the text lacks. They never override what the text states.
SIDECAR_KEYS = sidecars.KEYS

def load_sidecar(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The sidecar of ``path`` (validated by ``parse/sidecar.py``): (values, problems)."""
    side = sidecars.load(path)
    return (dict(side.values), list(side.problems)) if side is not None else ({}, [])


def parse_file(path: str | Path, source_name: str | None = None) -> Document:
    p = Path(path)
    source = source_name if source_name is not None else str(path)
    doc_id = slugify(p.stem) or "van-ban"
    text, warnings, refused = read_text(p)  # bounded, never follows a symlink; decodes legacy encodings
    if refused:
        return Document(source=source, id=doc_id, doc_type="", problems=(_layout_problem(source, refused),))
    problems = [_layout_problem(source, w) for w in warnings]
    return parse_text(text, source=source, doc_id=doc_id, sidecar_path=p, problems=problems)


def _warning(source: str, line: int, message: str) -> Problem:
    return Problem(source, line, message, "warning")


_LINE_PREFIX = re.compile(r"^line (?P<line>\d+): (?P<message>.+)$", re.DOTALL)


def _layout_problem(source: str, warning: str) -> Problem:
    """A warning of the layout parser ("line 12: không tìm thấy người ký") as a Problem.

    parse/layout.py still reports strings; this is the one place they are read back.
    """
    m = _LINE_PREFIX.match(warning)
    return _warning(source, int(m.group("line")), m.group("message")) if m else _warning(source, 1, warning)


def _sidecar_problems(source: str, sidecar_problems: list[Problem]) -> list[Problem]:
    """Problems of the sidecar, named as ``source``'s sidecar ("sources/x.yml" next to "sources/x.txt")."""
    name = PurePath(source).with_suffix(".yml").as_posix()
    return [replace(p, path=name) for p in sidecar_problems]


def _issuer(
    lay: Layout, body_text: list[tuple[int, str]], place: str, side: dict[str, Any], source: str, problems: list[Problem]
) -> tuple[str, str]:
    """(issuer, how it was found): the text's, else the sidecar's; a sidecar that disagrees is noted."""
    issuer, issuer_source, notes = resolve_issuer(lay, body_text, place)
    problems.extend(_warning(source, line, message) for line, message in notes)
    if not issuer and side.get("issuer"):
        return str(side["issuer"]), "tệp kèm theo (sidecar)"
    if issuer and side.get("issuer") and fold(str(side["issuer"])) != fold(issuer):
        problems.append(_warning(
            source, 1, f"cơ quan ban hành '{side['issuer']}' ghi trong tệp kèm theo khác văn bản; giữ theo văn bản"
        ))
    return issuer, issuer_source


def parse_text(
    text: str,
    source: str = "<text>",
    doc_id: str = "van-ban",
    sidecar_path: Path | None = None,
    problems: list[Problem] | None = None,
    sidecar: sidecars.Sidecar | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """``sidecar``, when given, is used as read (the build reads each sidecar once); else it is read here.

    ``warnings`` are ``line N: message`` notes of the reader (decoding) about ``text``.
    """
    problems = list(problems or []) + [_layout_problem(source, w) for w in warnings or []]
    if not text.strip():
        return Document(source=source, id=doc_id, doc_type="", problems=(*problems, _warning(source, 1, "tệp rỗng")))
    cleaned = clean(text)
    if is_phapdien(cleaned):  # a Bộ Pháp điển extract: articles with source notes, no header or signature
        doc = parse_phapdien(cleaned, source, doc_id)
        return enrich(replace(doc, problems=(*problems, *doc.problems)))
    lay = parse_layout(cleaned)
    problems.extend(_layout_problem(source, w) for w in lay.warnings)
    side, side_problems = _read_sidecar(sidecar, sidecar_path)
    problems.extend(_sidecar_problems(source, side_problems))
    place, issuer, issuer_source, province = _origin(lay, side, source, problems)
    doc = Document(
        source=source,
        id=doc_id,
        doc_type=lay.doc_type,
        number=lay.number,
        symbol=lay.symbol,
        issuer=issuer,
        place=place,
        date=lay.date,
        subject=lay.subject,
        signer=lay.signer,
        signers=tuple(lay.signers) or ((lay.signer,) if lay.signer.name else ()),
        recipients=_recipients(lay),
        problems=tuple(problems),
        kinh_gui=tuple(lay.kinh_gui),
        noi_nhan=tuple(lay.noi_nhan),
        body=tuple(lay.body),
        footnotes=cleaned.footnotes,
        header=tuple(lay.issuer_lines) + tuple(lay.header),
        closing=tuple(lay.closing),
        province=province,
        issuer_source=issuer_source,
        meta=_meta(side),
        date_text=lay.date_text,
        number_text=lay.number_text,
        subject_prefix=lay.subject_prefix,
        type_text=lay.type_text,
    )
    doc, oversized = hide_oversized_blocks(bound_fields(doc, lay.subject_line or 1))
    return restore_blocks(enrich(doc), oversized)


def _read_sidecar(
    sidecar: sidecars.Sidecar | None, sidecar_path: Path | None
) -> tuple[dict[str, Any], list[Problem]]:
    """The sidecar as already read by the build, else as read from ``sidecar_path``; none without either."""
    if sidecar is not None:
        return dict(sidecar.values), list(sidecar.problems)
    return load_sidecar(sidecar_path) if sidecar_path else ({}, [])


def _origin(
    lay: Layout, side: dict[str, Any], source: str, problems: list[Problem]
) -> tuple[str, str, str, str]:
    """(place, issuer, how the issuer was found, province): the text's, the sidecar's where the text is silent."""
    place = lay.place or str(side.get("place", ""))
    body_text = [(b.line, b.text) for b in lay.body]
    issuer, issuer_source = _issuer(lay, body_text, place, side, source, problems)
    province = str(side.get("province", "")) or document_province(place, issuer, body_text)
    if lay.is_news and not place and side.get("province"):
        place = str(side["province"])
    return place, issuer, issuer_source, province


def _recipients(lay: Layout) -> tuple[str, ...]:
    """Kính gửi and Nơi nhận, without "Lưu ..." and "Như trên"."""
    return tuple(
        r for r in [*lay.kinh_gui, *lay.noi_nhan] if r and not re.match(r"^(Lưu|Như trên)\b", r, flags=re.I)
    )


def _meta(side: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The sidecar's other facts as (key, value) pairs, one per item of a list."""
    return tuple(
        (k, str(item))
        for k, v in side.items()
        if k not in ("issuer", "place", "province")
        for item in (v if isinstance(v, tuple) else (v,))
    )


def _cite(doc: Document) -> Document:
    return replace(doc, citations=tuple(cite_document(doc)))


def _duties(doc: Document) -> Document:
    return replace(doc, duties=tuple(extract_duties(doc)), memberships=extract_memberships(doc))


# The resolve stages, in order: duties look up the citations inside them; topics read the duties.
STAGES: tuple[tuple[str, Callable[[Document], Document]], ...] = (
    ("lỗi khi tìm trích dẫn", _cite),
    ("lỗi khi tìm nhiệm vụ", _duties),
    ("lỗi khi đọc thời hạn", add_deadlines),
    ("lỗi khi gán chủ đề", assign_topics),
)


def stage_error(source: str, what: str, exc: Exception) -> Problem:
    """An error of our code while reading ``source``: where it failed (file:line of the code), as an error.

    The document keeps what the earlier stages found and still gets its page;
    ``tracuu check`` fails until the bug is fixed.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        path = Path(frames[-1].filename)
        shown = path.relative_to(_PACKAGE.parent).as_posix() if path.is_relative_to(_PACKAGE.parent) else path.name
        where = f" tại {shown}:{frames[-1].lineno}"
    return Problem(source, 1, f"{what}: {type(exc).__name__}: {exc}{where}; báo lỗi cho nhóm phát triển", "error")


_PACKAGE = Path(__file__).resolve().parent


def enrich(doc: Document, stages: Iterable[tuple[str, Callable[[Document], Document]]] = STAGES) -> Document:
    """Citations, then duties, then topics. A stage that fails leaves an error Problem naming where."""
    errors: list[Problem] = []
    for what, stage in stages:
        try:
            doc = stage(doc)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus; reported, not swallowed
            errors.append(stage_error(doc.source, what, exc))
    return replace(doc, problems=doc.problems + tuple(errors)) if errors else doc
