"""How pages name a document: its H1 title and its date in words."""

from __future__ import annotations

from tracuu.model.records import Document

# Types whose texts are named by type + subject ("Luật Trẻ em", "Bộ luật Hình sự").
NAMED_TYPES = frozenset({"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"})


def title_of(doc: Document) -> str:
    """The page's H1: type + (number) + trích yếu."""
    kind = doc.doc_type or "Văn bản"
    if kind in NAMED_TYPES and doc.number and doc.subject and len(doc.subject) <= 80:
        # A law is known by its name ("Luật Trẻ em"); its number follows.
        return f"{kind} {doc.subject} số {doc.number}"
    head = f"{kind} {doc.number}" if doc.number else kind
    if doc.subject:
        return f"{head}: {doc.subject}"
    return head


def vn_date(iso: str) -> str:
    """A date as Vietnamese readers write it: "2023-10-10" → "10/10/2023", "2024-06" → "06/2024"."""
    return "/".join(reversed(iso.split("-"))) if iso else ""


def human_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"ngày {int(parts[2])} tháng {int(parts[1])} năm {parts[0]}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])} năm {parts[0]} (văn bản để trống ngày)"
    if len(parts) == 1 and parts[0]:
        return f"năm {parts[0]}"
    return ""
