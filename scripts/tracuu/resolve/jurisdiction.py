"""Jurisdiction: the one module that says which province or local unit a text belongs to.

Four questions, one vocabulary of administrative units (``unit_word``) and one
registry of provinces:

- ``document_province`` — the province a document belongs to (``Document.province``);
- ``jurisdiction`` — (province, district) its local names refer to ("Phòng Y tế"
  of a city's document is the city's), used to match agencies;
- ``local_jurisdiction`` — what a local instrument number of the document
  ("782/KH-UBND") is qualified with: the district for a district's own
  document, else the province;
- ``cited_jurisdiction`` — the same for an instrument a document cites, from
  the issuer the citation names.

Each reads what the text states and never guesses: unknown stays "".
"""

from __future__ import annotations

import re

from tracuu.model.jurisdiction import Jurisdiction
from tracuu.model.records import Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import fold, nfc, plain
from tracuu.registries.agencies import AgencyRegistry, load_registry, registry_or_none

__all__ = [
    "Jurisdiction",
    "cited_jurisdiction",
    "document_province",
    "jurisdiction",
    "local_jurisdiction",
    "province_of",
    "unit_word",
]

# An administrative unit as written ("TP.", "Thành phố", "HUYỆN", "Tỉnh ủy") → its name.
_UNITS = {
    "tỉnh": "tỉnh", "tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "thành phố": "thành phố",
    "tp.": "thành phố", "tp": "thành phố", "huyện": "huyện", "quận": "quận", "thị xã": "thị xã",
}


def unit_word(written: str) -> str:
    """"TP." → "thành phố", "HUYỆN" → "huyện", "Tỉnh uỷ" → "tỉnh"; "" for a word that is no unit."""
    return _UNITS.get(re.sub(r"\s+", " ", written).lower().replace("uỷ", "ủy"), "")


def province_of(place: str) -> str:
    """The province a date-line place belongs to: "TP. Bắc Kạn" → "Bắc Kạn"; "Hà Nội" → "Hà Nội"."""
    p = re.sub(r"^(TP\.?|Thành phố|Tp\.?|Huyện|Thị xã|Quận)\s*", "", place.strip(), flags=re.I)
    return p.strip()


# --- the province of a document --------------------------------------------------------
_IN_PROVINCE = re.compile(
    r"\b(?:tỉnh|thành phố|TP\.?)\s+(?P<name>[A-ZÀ-ỸĐ][^\s,;.()]*(?:\s+(?:[-–]\s+)?[A-ZÀ-ỸĐ][^\s,;.()]*){0,3})"
)


def known_provinces(reg: AgencyRegistry | None) -> dict[str, str]:
    """Folded name → province, also without "Thành phố" ("ho chi minh" → "Thành phố Hồ Chí Minh")."""
    known: dict[str, str] = {fold(p): str(p) for p in getattr(reg, "provinces", ())}
    known.update({fold(p)[len("thanh pho "):]: p for p in list(known.values()) if fold(p).startswith("thanh pho ")})
    return known


def _provinces_named(text: str, known: dict[str, str]) -> list[str]:
    out: list[str] = []
    for m in _IN_PROVINCE.finditer(text):
        words = m.group("name").split()
        # the longest run of words that is a province: "tỉnh Bà Rịa - Vũng Tàu" has a dash
        for k in range(len(words), 0, -1):
            if (p := known.get(fold(" ".join(words[:k])))) is not None:
                out.append(p)
                break
    return out


def document_province(place: str, issuer: str, body_text: list[tuple[int, str]]) -> str:
    """The province a document belongs to, from what it states; "" when it does not say.

    The date line's place when it is a province ("Thái Nguyên, ngày …"; "TP. Bắc
    Kạn" is in Bắc Kạn) — except "Hà Nội", where the ministries date their
    documents; else the province the issuer's name or the text most often names
    ("UBND huyện Ba Bể" writing "… của UBND tỉnh Bắc Kạn"). A district's place
    ("Ba Bể, ngày …") is never taken for a province.
    """
    known = known_provinces(registry_or_none())
    p = province_of(place)
    if fold(p) in known and p != "Hà Nội":
        return known[fold(p)]
    if from_issuer := _provinces_named(issuer, known):
        return from_issuer[0]
    if p == "Hà Nội":
        return ""  # a central body's document, unless its issuer said "thành phố Hà Nội" above
    counts: dict[str, int] = {}
    for _, text in body_text:
        for name in _provinces_named(plain(text), known):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


# --- the local unit a document's names refer to -------------------------------------------
_DISTRICT = re.compile(
    r"(?:^|\s)(TP\.?|[Tt]hành phố|[Hh]uyện|[Tt]hị xã)\s*([A-ZĐÂĂÊÔƠƯ][\w]*(?:\s[A-ZĐÂĂÊÔƠƯ][\w]*){0,2})"
)
_COMMUNE = re.compile(
    r"^(?:Ủy ban nhân dân|UBND)\s+([Xx]ã|[Pp]hường|[Đđ]ặc khu)\s+([A-ZĐÂĂÊÔƠƯ][\w]*(?:\s[A-ZĐÂĂÊÔƠƯ][\w]*){0,3})"
)


def jurisdiction(doc: Document, registry: AgencyRegistry | None = None) -> Jurisdiction:
    """(province, district) a document's local names refer to.

    The district comes from the place of the date line ("TP. Bắc Kạn") or the
    issuer ("... thành phố Bắc Kạn"); a provincial document has none. A
    province that is not one of the registry's provinces (the date line of a
    district's document names the district: "Ba Bể, ngày …") is not used: the
    document's provincial agencies then stay without a province rather than
    being placed in a province called "Ba Bể".
    """
    reg = registry or load_registry()
    province = doc.province if reg.province(doc.province) is not None else ""
    for text in (doc.place, doc.issuer):
        m = _DISTRICT.search(text or "")
        if m:
            return Jurisdiction(province, f"{unit_word(m.group(1))} {m.group(2)}")
    # From 1 July 2025 there are no districts: a commune's own bodies ("Phòng Văn hóa - Xã
    # hội", "Trạm Y tế xã", "Công an xã") are the commune's. Before that a commune's
    # document still names its district's bodies, so it keeps no local unit.
    c = _COMMUNE.search(doc.issuer or "")
    if c and (doc.date or "")[:7] >= "2025-07" and len(doc.date or "") >= 7:
        return Jurisdiction(province, f"{c.group(1).lower()} {c.group(2)}")
    return Jurisdiction(province, "")


# --- the jurisdiction of an instrument number ------------------------------------------------
_PROPER = r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)*"
_PLACE_IN_ISSUER = re.compile(
    rf"(?P<kind>(?:[Tt]ỉnh|[Tt]hành|[Hh]uyện)\s+(?:ủy|uỷ)|[Tt]ỉnh|[Tt]hành\s+phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị\s+xã)"
    rf"\s+(?P<name>{_PROPER})"
)
_CENTRAL_ISSUER = re.compile(
    r"^(?:Bộ(?!\s+Chỉ)|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương"
    r"|Trung\s+ương|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Văn\s+phòng\s+Chính\s+phủ|Liên\s+bộ)"
)


def local_jurisdiction(doc: Document) -> str:
    """A district-level issuer ("UBND thành phố Bắc Kạn") is its own jurisdiction; else the province."""
    issuer = nfc(doc.issuer)
    m = _PLACE_IN_ISSUER.search(issuer)
    if m and not re.search(r"(?i)tỉnh", issuer):
        kind = unit_word(m.group("kind"))
        if kind not in {"tỉnh", ""}:
            return f"{kind} {m.group('name')}"
    return doc.province


def cited_jurisdiction(skh: SoKyHieu, issuer: str, province: str, local: str) -> str:
    """Whose number ``skh`` is: the place the citation's issuer names, "" for a central body,
    else the citing document's own (``local``, or its ``province``)."""
    if issuer:
        if _CENTRAL_ISSUER.match(issuer) and not issuer.startswith("Bộ Chỉ"):
            return ""
        m = _PLACE_IN_ISSUER.search(issuer)
        if m:
            kind = unit_word(m.group("kind"))
            return m.group("name") if kind in {"tỉnh", ""} else f"{kind} {m.group('name')}"
        if re.search(r"(?i)(?:tỉnh|tỉnh\s+ủy|tỉnh\s+uỷ)$", issuer):
            return province
    if skh.is_central:
        return ""
    return local or province
