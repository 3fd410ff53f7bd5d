"""One source file in, one Document out: read → clean → layout → resolve → cite → duties.

Parsing one file depends on nothing but the file, its optional sidecar
(``name.yml`` next to ``name.txt``) and the registries in ``data/``.
A file that cannot be read still yields a Document with a warning.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.problems import Problem
from tracuu.model.records import Document
from tracuu.model.textutil import fold, slugify
from tracuu.parse.clean import clean
from tracuu.parse.layout import parse_layout
from tracuu.resolve.issuer import resolve_issuer
from tracuu.resolve.jurisdiction import document_province, province_of

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
    "source_files",
]

SOURCE_SUFFIXES = (".txt", ".md")
# Prefix of a document warning that is really about its sidecar file (reported against the .yml by the build).
SIDECAR_WARNING = "tệp kèm theo"
# Sidecar keys: facts the text lacks. They never override what the text states.
SIDECAR_KEYS = {
    "issuer": "Cơ quan ban hành",
    "place": "Địa danh",
    "province": "Tỉnh",
    "publisher": "Đơn vị đăng tải",
    "url": "Địa chỉ gốc",
    "retrieved": "Ngày lấy về",
    "provenance": "Nguồn",
    "related": "Văn bản liên quan",
    "note": "Ghi chú",
}

def load_sidecar(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    side = path.with_suffix(".yml")
    if not side.exists():
        return {}, []
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, [Problem(str(side), line, f"YAML không hợp lệ ({what}); sửa cú pháp (xem sources/README.md)")]
    if not isinstance(data, dict):
        return {}, [Problem(str(side), 1, "tệp kèm theo phải là một bảng khóa: giá trị (mapping)")]
    key_lines = {
        str(k.value): k.start_mark.line + 1
        for k, _v in getattr(yaml.compose(side.read_text(encoding="utf-8")), "value", [])
        if isinstance(k, yaml.ScalarNode)
    }
    problems = [
        Problem(str(side), key_lines.get(str(k), 1), f"khóa không hỗ trợ '{k}'; dùng một trong: {', '.join(SIDECAR_KEYS)}")
        for k in data
        if k not in SIDECAR_KEYS
    ]
    return {k: v for k, v in data.items() if k in SIDECAR_KEYS}, problems


def parse_file(path: str | Path, source_name: str | None = None) -> Document:
    p = Path(path)
    source = source_name if source_name is not None else str(path)
    doc_id = slugify(p.stem) or "van-ban"
    try:
        raw = p.read_bytes()
    except OSError as exc:
        return Document(source=source, id=doc_id, doc_type="", warnings=(f"line 1: không đọc được tệp: {exc.strerror}",))
    try:
        text = raw.decode("utf-8")
        warnings: list[str] = []
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        line = raw[: exc.start].count(b"\n") + 1
        warnings = [f"line {line}: tệp không phải UTF-8; lưu lại tệp với mã hóa UTF-8"]
    return parse_text(text, source=source, doc_id=doc_id, sidecar_path=p, warnings=warnings)


def parse_text(
    text: str,
    source: str = "<text>",
    doc_id: str = "van-ban",
    sidecar_path: Path | None = None,
    warnings: list[str] | None = None,
) -> Document:
    warnings = list(warnings or [])
    if not text.strip():
        return Document(source=source, id=doc_id, doc_type="", warnings=tuple(warnings + ["line 1: tệp rỗng"]))
    cleaned = clean(text)
    lay = parse_layout(cleaned)
    warnings.extend(lay.warnings)
    side, problems = load_sidecar(sidecar_path) if sidecar_path else ({}, [])
    warnings.extend(f"line 1: {SIDECAR_WARNING} {Path(pr.path).name} dòng {pr.line}: {pr.message}" for pr in problems)
    place = lay.place or str(side.get("place", ""))
    body_text = [(b.line, b.text) for b in lay.body]
    issuer, issuer_source, issuer_warnings = resolve_issuer(lay, body_text, place)
    warnings.extend(issuer_warnings)
    if not issuer and side.get("issuer"):
        issuer, issuer_source = str(side["issuer"]), "tệp kèm theo (sidecar)"
    elif issuer and side.get("issuer") and fold(str(side["issuer"])) != fold(issuer):
        warnings.append(f"line 1: cơ quan ban hành '{side['issuer']}' ghi trong tệp kèm theo khác văn bản; giữ theo văn bản")
    province = str(side.get("province", "")) or document_province(place, issuer, body_text)
    if lay.is_news and not place and side.get("province"):
        place = str(side["province"])
    recipients = tuple(
        r for r in [*lay.kinh_gui, *lay.noi_nhan] if r and not re.match(r"^(Lưu|Như trên)\b", r, flags=re.I)
    )
    meta = tuple((k, str(v)) for k, v in side.items() if k not in ("issuer", "place", "province"))
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
        recipients=recipients,
        warnings=tuple(warnings),
        kinh_gui=tuple(lay.kinh_gui),
        noi_nhan=tuple(lay.noi_nhan),
        body=tuple(lay.body),
        footnotes=cleaned.footnotes,
        header=tuple(lay.issuer_lines) + tuple(lay.header),
        closing=tuple(lay.closing),
        province=province,
        issuer_source=issuer_source,
        meta=meta,
        date_text=lay.date_text,
        number_text=lay.number_text,
        subject_prefix=lay.subject_prefix,
    )
    return enrich(doc)


def enrich(doc: Document) -> Document:
    """Citations, then duties (duties look up the citations inside them), then topics."""
    extra: list[str] = []
    try:
        from tracuu.resolve.citations import cite_document

        doc = replace(doc, citations=tuple(cite_document(doc)))
    except ImportError:
        pass
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus
        extra.append(f"line 1: lỗi khi tìm trích dẫn: {type(exc).__name__}: {exc}")
    try:
        from tracuu.resolve.duties import extract_duties, extract_memberships

        doc = replace(doc, duties=tuple(extract_duties(doc)), memberships=extract_memberships(doc))
    except ImportError:
        pass
    except Exception as exc:  # noqa: BLE001
        extra.append(f"line 1: lỗi khi tìm nhiệm vụ: {type(exc).__name__}: {exc}")
    try:
        from tracuu.resolve.topics import assign_topics

        doc = assign_topics(doc)
    except ImportError:
        pass
    except Exception as exc:  # noqa: BLE001
        extra.append(f"line 1: lỗi khi gán chủ đề: {type(exc).__name__}: {exc}")
    if extra:
        doc = replace(doc, warnings=doc.warnings + tuple(extra))
    return doc


def source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SOURCE_SUFFIXES and p.name != "README.md")
