"""What the layout parser finds (``Layout``) and the line tests its parts share.

The header, body, closing and news parsers (``parse/header.py`` …) each fill
their part of one ``Layout``; ``parse/layout.py`` runs them in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracuu.model.records import Block, Signer
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.registries.vocabulary import vocabulary

# A signature's authority mark: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL.", "TUQ.", "Q.".
SIG_AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.", re.I)
# A person's name: 2–5 capitalised words. Names of the Central Highlands'
# peoples have one-letter words and apostrophes ("Y Thị Lan", "H'Hen Niê",
# "Ksor Y Đhăm"); the last word always has small letters.
_NAME_WORD = r"[A-ZÀ-ỸĐ](?:'?[A-ZÀ-ỸĐ]?[a-zà-ỹđ]+)?"
NAME = re.compile(rf"^(?:{_NAME_WORD}\s+){{1,4}}[A-ZÀ-ỸĐ]'?[A-ZÀ-ỸĐ]?[a-zà-ỹđ]+$")
# "Phụ lục III", "PHỤ LỤC SỐ 02", "Phụ lục I: Danh mục …", or a lone "PHỤ LỤC" (one annex, unnumbered).
ANNEX = re.compile(
    r"^Phụ lục(?:\s+số)?(?:\s+(?P<label>[IVXLC\d]+[a-z]?))?\s*(?:[:.\-–]\s*(?P<title>.*))?$", re.I
)


def is_annex_heading(text: str) -> re.Match[str] | None:
    """A match of ``ANNEX`` that starts an annex (numbered, or a lone "PHỤ LỤC"), else None."""
    m = ANNEX.match(text)
    return m if m and (m.group("label") or not m.group("title")) else None


def is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def iso_date(y: str | None, m: str | None, d: str | None) -> str:
    if not y:
        return ""
    if not m:
        return y
    if not d:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def doc_types() -> dict[str, str]:
    """Document types as printed in the type line (upper case) → display name."""
    return vocabulary().type_lines


def form_types() -> dict[str, str]:
    """Ký hiệu form code → type, used only when the text prints no type line."""
    return vocabulary().form_codes


def mottos() -> tuple[str, ...]:
    """The line opposite the issuer: Quốc hiệu, or the Party's / Youth Union's motto."""
    return vocabulary().mottos


@dataclass
class Layout:
    """What the layout parser found; ``pipeline`` turns it into a Document."""

    doc_type: str = ""
    type_line: int = 0
    type_text: str = ""  # the type line as printed ("THÔNG BÁO"); "" when none is printed
    number: str = ""
    symbol: str = ""
    number_line: int = 0
    number_text: str = ""  # the "Số: …" line as printed
    sokyhieu: SoKyHieu | None = None  # the number read by the one grammar; None when absent or unreadable
    issuer_lines: list[str] = field(default_factory=list)
    issuer_line: int = 0
    place: str = ""
    date: str = ""
    date_line: int = 0
    date_text: str = ""  # the date line as printed
    subject: str = ""
    subject_prefix: str = ""  # "V/v" when the trích yếu is printed as "V/v …"
    subject_line: int = 0
    kinh_gui: list[str] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    signers: list[Signer] = field(default_factory=list)  # every signer, printed order; ``signer`` is the first
    signer_line: int = 0
    header: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    is_news: bool = False
    warnings: list[str] = field(default_factory=list)
