"""How pages name a document: its H1 title and its date in words."""

from __future__ import annotations

from tracuu.model.records import Document

# Types whose texts are named by type + subject ("Luật Trẻ em", "Bộ luật Hình sự").
NAMED_TYPES = frozenset({"Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp"})


def designation(doc: Document, *notes: str) -> str:
    """A document by type and number, as officials cite it, `notes` (place, date) in brackets:
    "Công văn 5310/UBND-KGVX (Thái Nguyên, 10/10/2023)".

    Printed with its number left blank ("Số: /BC-BTC"), it has no number to cite: "Báo cáo
    chưa ghi số (ký hiệu BC-BTC, Bắc Kạn, 06/2024)", never "Báo cáo /BC-BTC" (the attribute
    table keeps the line as printed). A text that prints no "Số" line (a news item) is named
    by its type: "Tin bài (Bắc Kạn, 24/01/2024)"."""
    kind = doc.doc_type or "Văn bản"
    said = [n for n in notes if n]
    if doc.number:
        head = f"{kind} {doc.number}"
    elif doc.symbol or doc.number_text:
        head = f"{kind} chưa ghi số"
        said[:0] = [f"ký hiệu {doc.symbol}"] if doc.symbol else []
    else:
        head = kind
    return f"{head} ({', '.join(said)})" if said else head


def title_of(doc: Document) -> str:
    """The page's H1: type + (number) + trích yếu; without a trích yếu, the designation."""
    kind = doc.doc_type or "Văn bản"
    if kind in NAMED_TYPES and doc.number and doc.subject and len(doc.subject) <= 80:
        # A law is known by its name ("Luật Trẻ em"); its number follows.
        return f"{kind} {doc.subject} số {doc.number}"
    if doc.subject:
        # unnumbered: "Báo cáo: Thực hiện …" (the blank number is said where it is printed)
        return f"{kind} {doc.number}: {doc.subject}" if doc.number else f"{kind}: {doc.subject}"
    return designation(doc)


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
