"""Bounds on the short fields of a document, so one hostile or broken file cannot bloat other pages.

Trích yếu, issuer, number, place and signer appear on index, agency, topic and
instrument pages and in the feed and search assets. A document whose "trích
yếu" is a 5 MB line (a file with no line breaks) would copy 5 MB into each of
them. Over the bound, a field is shortened (trích yếu: its start, with "…",
and the whole line kept verbatim as the first paragraph of the document's own
page) or left blank (a 300-character "issuer" is not an issuer), each with a
``line N: …`` warning.
"""

from __future__ import annotations

from dataclasses import replace

from tracuu.model.problems import Problem
from tracuu.model.records import Block, Document, Signer

MAX_SUBJECT = 600
SUBJECT_SHOWN = 300
MAX_SHORT = 300
MAX_RECIPIENT = 400


def _cut(text: str, limit: int) -> str:
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip(" ,;:") + " …"


def bound_fields(doc: Document, subject_line: int = 1) -> Document:
    warnings: list[str] = []
    changes: dict[str, object] = {}
    if len(doc.subject) > MAX_SUBJECT:
        full = Block(kind="para", text=doc.subject, line=subject_line, anchor="trich-yeu-day-du", level=0)
        changes["subject"] = _cut(doc.subject, SUBJECT_SHOWN)
        changes["body"] = (full, *doc.body)
        warnings.append(f"line {subject_line}: trích yếu dài bất thường ({len(doc.subject)} ký tự); các trang mục lục chỉ "
                        f"hiện {SUBJECT_SHOWN} ký tự đầu, toàn văn ở đầu phần nội dung; kiểm tra tệp có xuống dòng đúng")
    for name in ("issuer", "place", "number", "symbol", "number_text", "date_text", "subject_prefix", "province"):
        value = getattr(doc, name)
        if len(value) > MAX_SHORT:
            changes[name] = ""
            warnings.append(f"line 1: trường '{name}' dài bất thường ({len(value)} ký tự); để trống")
    if len(doc.signer.name) > MAX_SHORT or len(doc.signer.title) > MAX_SHORT:
        changes["signer"] = Signer()
        warnings.append("line 1: người ký dài bất thường; để trống")
    if any(len(r) > MAX_RECIPIENT for r in doc.recipients):
        changes["recipients"] = tuple(r for r in doc.recipients if len(r) <= MAX_RECIPIENT)
        warnings.append("line 1: bỏ nơi nhận dài bất thường khỏi danh sách nơi nhận (vẫn hiện trên trang văn bản)")
    if not changes:
        return doc
    return replace(doc, problems=doc.problems + tuple(_problem(doc.source, w) for w in warnings), **changes)  # type: ignore[arg-type]


MAX_BLOCK = 20_000  # a real clause is a few thousand characters; a longer "block" is a file without line breaks


def hide_oversized_blocks(doc: Document) -> tuple[Document, dict[str, str]]:
    """Blank the text of oversized blocks before citations, duties and topics are looked for, so no other page
    quotes them; ``restore_blocks`` puts the verbatim text back for the document's own page."""
    saved = {b.anchor: b.text for b in doc.body if len(b.text) > MAX_BLOCK}
    if not saved:
        return doc, saved
    body = tuple(replace(b, text="") if b.anchor in saved else b for b in doc.body)
    warnings = tuple(
        f"line {b.line}: đoạn dài bất thường ({len(b.text)} ký tự) chỉ hiện trên trang này, không dùng để tìm trích dẫn, "
        "nhiệm vụ, chủ đề; kiểm tra tệp có xuống dòng đúng"
        for b in doc.body
        if b.anchor in saved
    )
    return replace(doc, body=body, problems=doc.problems + tuple(_problem(doc.source, w) for w in warnings)), saved


def restore_blocks(doc: Document, saved: dict[str, str]) -> Document:
    if not saved:
        return doc
    return replace(doc, body=tuple(replace(b, text=saved[b.anchor], topics=()) if b.anchor in saved else b for b in doc.body))


def _problem(source: str, warning: str) -> Problem:
    """A ``line N: message`` note as a typed warning of ``source``."""
    line, _, message = warning.removeprefix("line ").partition(": ")
    return Problem(source, int(line) if line.isdigit() else 1, message or warning, "warning")
