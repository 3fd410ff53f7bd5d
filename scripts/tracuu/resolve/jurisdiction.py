"""Jurisdiction: the one module that says which province or local unit a text belongs to.

Four questions, one place-name grammar (``places``: a unit word of data/vocabulary.yml's
``admin_units`` and the capitalised name after it; ``unit_word`` says which unit a word
names) and one registry of provinces:

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
from dataclasses import dataclass
from functools import lru_cache

from tracuu.model.jurisdiction import Jurisdiction
from tracuu.model.records import Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import fold, nfc, plain
from tracuu.registries.agencies import AgencyRegistry, load_registry, registry_or_none
from tracuu.registries.vocabulary import Vocabulary, alternation, vocabulary

__all__ = [
    "Jurisdiction",
    "cited_jurisdiction",
    "document_province",
    "jurisdiction",
    "local_jurisdiction",
    "place_unit",
    "places",
    "province_of",
    "unit_word",
]

# --- the one place-name grammar ----------------------------------------------------------
# A place is an administrative unit word and the name after it: "tỉnh Bắc Kạn", "TP. Bắc Kạn",
# "TP.HCM", "Huyện ủy Ba Bể", "xã Nà Phặc". The unit words are vocabulary (data/vocabulary.yml,
# admin_units: each with the unit it names); the name is the capitalised words that follow.
_COMMUNE_UNITS = ("xã", "phường", "đặc khu")  # below the district: no unit_word of their own
_NAME_RUN = r"[^\s,;.()]+(?:\s+[^\s,;.()]+){0,7}"


@dataclass(frozen=True)
class Place:
    """A place as printed: the unit word (``written``), the unit it names, the words after it."""

    written: str  # "TP.", "Huyện ủy", "tỉnh"
    unit: str  # "thành phố", "huyện", "tỉnh", "xã"
    start: int
    spaced: bool  # a space between the unit word and the name ("TP.HCM" has none)
    run: str  # the words after the unit word, up to a comma, a full stop or a bracket

    @property
    def committee(self) -> bool:
        """A Party committee named after its place ("Tỉnh ủy", "Huyện uỷ")."""
        return fold(self.written).endswith(" uy")

    def name(self, most: int, dashes: bool = False, letters: str = r"\w", capitals: str = "") -> str:
        """The place's name: up to ``most`` capitalised words of ``run``.

        A word is the leading run of ``letters`` of a token (a token with anything else after that
        run ends the name); with ``dashes`` a dash between words is kept and a token is kept
        whole ("Bà Rịa - Vũng Tàu", "Rịa-Vũng"). ``capitals``: the only letters a word may start
        with (else any capital).
        """
        out: list[str] = []
        for token in self.run.split():
            if dashes and token in ("-", "–") and out:
                out.append(token)
                continue
            capital = token[:1] in capitals if capitals else token[:1].isupper()
            m = re.match(rf"(?:{letters})+", token) if capital else None
            if m is None or len(out) - out.count("-") - out.count("–") >= most:
                break
            out.append(token if dashes else m.group(0))
            if not dashes and m.end() < len(token):
                break
        while out and out[-1] in ("-", "–"):
            out.pop()
        return " ".join(out)


@lru_cache(maxsize=8)
def _grammar(vocab: Vocabulary, any_case: bool = False) -> re.Pattern[str]:
    units = alternation((u.word for u in vocab.units), either_case=True)
    return re.compile(rf"(?<!\w)(?P<unit>{units})(?P<gap>\s*)(?=(?P<run>{_NAME_RUN}))", re.I if any_case else 0)


@lru_cache(maxsize=4)
def _unit_names(vocab: Vocabulary) -> dict[str, str]:
    return {u.word.lower().replace("uỷ", "ủy"): u.unit for u in vocab.units}


def places(text: str, any_case: bool = False) -> list[Place]:
    """Every place ``text`` names, in order; with ``any_case`` also unit words in capitals ("UBND HUYỆN BA BỂ")."""
    vocab = vocabulary()
    names = _unit_names(vocab)
    return [
        Place(m.group("unit"), names.get(_key(m.group("unit")), ""), m.start(), bool(m.group("gap")), m.group("run"))
        for m in _grammar(vocab, any_case).finditer(text)
    ]


def _key(written: str) -> str:
    return re.sub(r"\s+", " ", written).lower().replace("uỷ", "ủy")


def unit_word(written: str) -> str:
    """"TP." → "thành phố", "HUYỆN" → "huyện", "Tỉnh uỷ" → "tỉnh"; "" for a word that is no unit above the commune."""
    unit = _unit_names(vocabulary()).get(_key(written), "")
    return "" if unit in _COMMUNE_UNITS else unit


@lru_cache(maxsize=4)
def _leading_unit(vocab: Vocabulary) -> re.Pattern[str]:
    """A date-line place's leading city, district or town word (any case; not a committee, not "tỉnh")."""
    local = ("thành phố", "huyện", "thị xã", "quận")
    words = (u.word for u in vocab.units if u.unit in local and not fold(u.word).endswith(" uy"))
    return re.compile(rf"^{alternation(words)}\s*", re.I)


def place_unit(place: str) -> str:
    """The unit a date-line place's leading word names: "TP. Bắc Kạn" → "thành phố"; "Bắc Kạn" → ""."""
    m = _leading_unit(vocabulary()).match(place.strip())
    return unit_word(m.group(0).strip()) if m else ""


def province_of(place: str) -> str:
    """The province a date-line place belongs to: "TP. Bắc Kạn" → "Bắc Kạn"; "Hà Nội" → "Hà Nội"."""
    return _leading_unit(vocabulary()).sub("", place.strip()).strip()


# --- the province of a document --------------------------------------------------------
def _names_a_province(p: Place) -> bool:
    """"tỉnh X", "thành phố X", "TP. X" in running text (a capitalised "Tỉnh" heads a line or a name)."""
    as_printed = p.written[0].islower() or p.written.startswith("TP")
    return p.unit in ("tỉnh", "thành phố") and p.spaced and not p.committee and as_printed


def known_provinces(reg: AgencyRegistry | None) -> dict[str, str]:
    """Folded name → province, also without "Thành phố" ("ho chi minh" → "Thành phố Hồ Chí Minh")."""
    known: dict[str, str] = {fold(p): str(p) for p in getattr(reg, "provinces", ())}
    known.update({fold(p)[len("thanh pho "):]: p for p in list(known.values()) if fold(p).startswith("thanh pho ")})
    return known


def _provinces_named(text: str, known: dict[str, str]) -> list[str]:
    out: list[str] = []
    for place in filter(_names_a_province, places(text)):
        words = place.name(4, dashes=True).split()
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
def _district(text: str) -> str:
    """The first city, district or town a text names ("TP. Bắc Kạn", "UBND huyện Ba Bể"), as "huyện Ba Bể"."""
    for p in places(text):
        if p.unit in ("thành phố", "huyện", "thị xã") and not p.committee and (p.start == 0 or text[p.start - 1].isspace()):
            if name := p.name(3):
                return f"{p.unit} {name}"
    return ""


def _commune(issuer: str) -> str:
    """The commune an issuer is the UBND of ("UBND xã Nà Phặc" → "xã Nà Phặc"), else ""."""
    lead = re.match(r"(?:Ủy ban nhân dân|UBND)\s+", issuer)
    first = places(issuer[lead.end() :]) if lead else []
    if first and first[0].start == 0 and first[0].unit in _COMMUNE_UNITS and first[0].spaced:
        if name := first[0].name(4):
            return f"{first[0].written.lower()} {name}"
    return ""


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
        if district := _district(text or ""):
            return Jurisdiction(province, district)
    # From 1 July 2025 there are no districts: a commune's own bodies ("Phòng Văn hóa - Xã
    # hội", "Trạm Y tế xã", "Công an xã") are the commune's. Before that a commune's
    # document still names its district's bodies, so it keeps no local unit.
    commune = _commune(doc.issuer or "")
    if commune and (doc.date or "")[:7] >= "2025-07" and len(doc.date or "") >= 7:
        return Jurisdiction(province, commune)
    return Jurisdiction(province, "")


# --- the jurisdiction of an instrument number ------------------------------------------------
def _issuer_place(issuer: str) -> tuple[str, str] | None:
    """(unit, name) of the first place an issuer names ("UBND huyện Ba Bể" → ("huyện", "Ba Bể")), else None."""
    for p in places(issuer):
        if p.unit not in _COMMUNE_UNITS and p.spaced and (name := p.name(99, letters=r"[^\W\d_]", capitals=_ISSUER_CAPS)):
            return unit_word(p.written), name
    return None


_ISSUER_CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ"  # the words of an issuer's place name start A-Z or Đ
_CENTRAL_ISSUER = re.compile(
    r"^(?:Bộ(?!\s+Chỉ)|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương"
    r"|Trung\s+ương|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Văn\s+phòng\s+Chính\s+phủ|Liên\s+bộ)"
)


def local_jurisdiction(doc: Document) -> str:
    """A district-level issuer ("UBND thành phố Bắc Kạn") is its own jurisdiction; else the province."""
    issuer = nfc(doc.issuer)
    place = _issuer_place(issuer)
    if place and not re.search(r"(?i)tỉnh", issuer):
        kind, name = place
        if kind not in {"tỉnh", ""}:
            return f"{kind} {name}"
    return doc.province


def cited_jurisdiction(skh: SoKyHieu, issuer: str, province: str, local: str) -> str:
    """Whose number ``skh`` is: the place the citation's issuer names, "" for a central body,
    else the citing document's own (``local``, or its ``province``)."""
    if issuer:
        if _CENTRAL_ISSUER.match(issuer) and not issuer.startswith("Bộ Chỉ"):
            return ""
        if place := _issuer_place(issuer):
            kind, name = place
            return name if kind in {"tỉnh", ""} else f"{kind} {name}"
        if re.search(r"(?i)(?:tỉnh|tỉnh\s+ủy|tỉnh\s+uỷ)$", issuer):
            return province
    if skh.is_central:
        return ""
    return local or province
