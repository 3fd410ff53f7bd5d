"""Who issued a document: its issuer block, else its closing sentence, else its symbol.

Never invents a name: each rule quotes the text, and a rule other than the
issuer block leaves a warning saying where the name came from.
"""

from __future__ import annotations

import re

from tracuu.model.textutil import fold, plain
from tracuu.parse.layout import Layout
from tracuu.registries.agencies import AgencyRegistry, registry_or_none
from tracuu.registries.vocabulary import LazyPattern
from tracuu.resolve.jurisdiction import place_unit, places, province_of, unit_word

_ADMIN_UNITS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
# Party committees named after their place: "TỈNH ỦY QUẢNG TRỊ" → "Tỉnh ủy Quảng Trị".
_COMMITTEES = {"tỉnh ủy", "tỉnh uỷ", "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ",
               "thị ủy", "thị uỷ", "đảng ủy", "đảng uỷ"}


def _abbreviation(word: str, known: frozenset[str]) -> bool:
    """An upper-case abbreviation kept as printed: no vowel at all (BCH, TNCS, HĐND) or a glossary term (UBND)."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    return not any(c.lower() in _VOWELS for c in letters) or word.strip(".,") in known


def _glossary_terms() -> frozenset[str]:
    try:
        from tracuu.registries.glossary import load

        return frozenset(t.term for t in load())
    except Exception:  # noqa: BLE001 - a broken glossary is reported by `tracuu check`
        return frozenset()


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def title_case_org(upper: str) -> str:
    """``ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN`` → ``Ủy ban nhân dân tỉnh Thái Nguyên``.

    Only used when the agency registry does not know the name: the first word
    and the place name after an administrative unit are capitalised;
    abbreviations (UBND, BCH, TNCS) stay as printed.
    """
    raw = upper.split()
    words = upper.lower().split()
    known = _glossary_terms() if words else frozenset()
    out: list[str] = []
    cap_rest = False  # after the unit: the place name, capitalised
    i = 0
    while i < len(words):
        w = words[i]
        two = " ".join(words[i : i + 2])
        if _abbreviation(raw[i], known):
            out.append(raw[i])
        elif not cap_rest and two in _COMMITTEES:
            out.extend([_cap(w) if i == 0 else w, words[i + 1]])
            i, cap_rest = i + 1, True
        elif not cap_rest and two in _ADMIN_UNITS:
            out.extend(words[i : i + 2])
            i, cap_rest = i + 1, True
        elif not cap_rest and w in _ADMIN_UNITS and i > 0:
            out.append(w)
            cap_rest = True
        else:
            out.append(_cap(w) if (cap_rest or i == 0) else w)
        i += 1
    return " ".join(out)


# An issuer block's line that starts a new body ("UBND TỈNH X" / "SỞ Y TẾ").
_ORG_START = LazyPattern(r"^{issuer_block_starts}(?!\w)")  # data/vocabulary.yml, issuer_block_starts
_CLOSING_ISSUER = re.compile(
    r"^Trên đây là .*?\bcủa\s+(?P<issuer>(?:Ủy ban nhân dân|UBND|Sở|Phòng|Ban|Bộ|Công an|Hội|Đoàn)[^;./]*?)\s*(?:[;.]|/\.|$)"
)

Note = tuple[int, str]  # (line, what an editor should know)
Found = tuple[str, str, list[Note]]  # (issuer, how it was found, notes)


def _place_jurisdiction(place: str) -> str:
    """"tỉnh Bắc Kạn" for "Bắc Kạn", "thành phố Bắc Kạn" for "TP. Bắc Kạn"; "" without a place."""
    if not place:
        return ""
    return f"{place_unit(place) or 'tỉnh'} {province_of(place)}".strip()


def _block_place(line: str) -> tuple[str, str] | None:
    """(unit, name) of the place an issuer block's line ends with, as printed in capitals:
    "UBND HUYỆN YÊN THÀNH" → ("huyện", "YÊN THÀNH"), "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" → ("tỉnh", "LẠNG SƠN").

    The name is the rest of the line (a letter first, no table cell border). A commune is no such
    place, nor a Party committee ("TỈNH ỦY QUẢNG TRỊ": its bodies are the committee's, not the province's).
    """
    for p in places(line, any_case=True):
        unit = unit_word(p.written)
        name = line[p.start + len(p.written) :].strip()
        if not unit or p.committee or not p.written.isupper():
            continue
        if p.spaced and re.match(r"[^\W\d_]", name) and "|" not in name:
            return unit, name
    return None


def _bodies(lines: list[str]) -> list[str]:
    """An issuer block's lines joined into bodies, the upper one first.

    A line continues the body above unless it starts a body itself and the one above is
    already whole ("ỦY" / "BAN NHÂN DÂN" is one name broken by extraction).
    """
    orgs: list[str] = []
    for line in lines:
        if orgs and not (_ORG_START.match(line) and _ORG_START.match(orgs[-1])):
            orgs[-1] += " " + line
        else:
            orgs.append(line)
    return orgs


def _parent_place(place: tuple[str, str], province: str, reg: AgencyRegistry | None) -> tuple[str, str]:
    """(province, district) of the body above: a lower body takes its jurisdiction from it."""
    unit, name = place
    where = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    provinces = {fold(x): x for x in getattr(reg, "provinces", ())}
    if unit == "tỉnh" or fold(where) in provinces:
        return provinces.get(fold(where), where), ""
    return province, f"{unit} {where}"


def _from_block(lines: list[str], place: str, reg: AgencyRegistry | None) -> str:
    """The issuing body of an issuer block: the lowest of a two-level block, as the registry names it."""
    orgs = _bodies(lines)
    name = orgs[-1]
    parent = orgs[-2] if len(orgs) > 1 else ""
    province, district = province_of(place), ""
    above = _block_place(parent) if parent else None
    if above and not _block_place(name):
        province, district = _parent_place(above, province, reg)
    if parent and re.fullmatch(r"VĂN PHÒNG", name):
        # "ỦY BAN NHÂN DÂN TỈNH X" / "VĂN PHÒNG", or "BAN CHẤP HÀNH TRUNG ƯƠNG" / "VĂN PHÒNG"
        # (a Party office): the office of the body above
        upper = reg.match(parent, province) if reg else None
        return f"Văn phòng {getattr(upper, 'name', '') or title_case_org(parent)}"
    if parent and _committee(parent) and not _block_place(name):
        # "HUYỆN ỦY BA BỂ" / "BAN TUYÊN GIÁO": a body of the Party committee above, named with it
        return f"{title_case_org(name)} {title_case_org(parent)}"
    return _block_name(name, province, district, reg)


def _committee(line: str) -> bool:
    """Whether an issuer block's line is a Party committee ("TỈNH ỦY HÀ NAM", "HUYỆN ỦY BA BỂ")."""
    return any(p.committee for p in places(line, any_case=True))


def _block_name(name: str, province: str, district: str, reg: AgencyRegistry | None) -> str:
    """A block's lowest body as the registry names it, else in title case with its district.

    A registry name with a bracket ("… (huyện X)") means the registry could not place
    the body in its district: the block's own words are better then.
    """
    matched = reg.match(name, province, district) if reg else None
    canonical = getattr(matched, "name", "") if matched else ""
    if canonical and "(" in canonical:
        canonical = ""
    if not canonical and district and not _block_place(name):
        return f"{title_case_org(name)} {district}"
    return canonical or title_case_org(name)


def _from_closing(body_text: list[tuple[int, str]], place: str) -> Found | None:
    """"Trên đây là báo cáo … của UBND huyện" (+ the date line's place when the unit has no name)."""
    jurisdiction = _place_jurisdiction(place)
    for line_no, text in body_text:
        if m := _CLOSING_ISSUER.match(plain(text)):
            issuer = m.group("issuer").strip()
            if jurisdiction and not re.search(r"\b(tỉnh|thành phố|huyện|quận|thị xã)\s+\S", issuer) and re.search(
                r"\b(tỉnh|thành phố|huyện|quận|thị xã)$", issuer
            ):
                issuer = f"{issuer} {province_of(place)}"
            elif jurisdiction and not re.search(r"\b(tỉnh|thành phố|huyện|quận|thị xã)\b", issuer):
                issuer = f"{issuer} {jurisdiction}"
            note = f"cơ quan ban hành lấy từ câu kết \"Trên đây là … của {m.group('issuer')}\""
            return issuer, f"câu kết, dòng {line_no}", [(line_no, note)]
    return None


def _from_symbol(lay: Layout, body_text: list[tuple[int, str]], place: str, reg: AgencyRegistry | None) -> Found | None:
    """The body a symbol's code stands for ("BCĐ" in "12/BC-BCĐ"), as the text writes it in full."""
    # "TB-BCĐ" → "BCĐ"; a Công văn's ký hiệu is its issuer's code alone ("160/PGDĐT")
    skh = lay.sokyhieu
    code = skh.issuer if skh and (skh.form or lay.doc_type == "Công văn") and not skh.party else ""
    expanded = reg.expand_code(code) if (reg and code) else None
    if not expanded:
        return None
    # Prefer the full name as the text writes it ("Ban Chỉ đạo … tỉnh Bắc Kạn").
    prov = province_of(place)
    pattern = re.compile(
        rf"{re.escape(expanded)}[^.;:,()]*?\b(?:tỉnh|thành phố|huyện)\s+{re.escape(prov)}" if prov else re.escape(expanded)
    )
    for line_no, text in [(lay.subject_line, lay.subject)] + body_text:
        if m := pattern.search(plain(text)):
            note = f"cơ quan ban hành suy từ ký hiệu {code} và tên đầy đủ trong văn bản"
            return m.group(0), f"ký hiệu {code} + dòng {line_no}", [(line_no, note)]
    issuer = f"{expanded} {_place_jurisdiction(place)}".strip()
    return issuer, f"ký hiệu {code} + địa danh", [(lay.number_line, f"cơ quan ban hành suy từ ký hiệu {code} và địa danh")]


def resolve_issuer(lay: Layout, body_text: list[tuple[int, str]], place: str) -> Found:
    """(issuer, how it was found, notes by line). Never invents a name: each rule quotes the text."""
    reg = registry_or_none()
    if lay.issuer_lines:
        return _from_block(lay.issuer_lines, place, reg), f"khối tên cơ quan, dòng {lay.issuer_line}", []
    found = _from_closing(body_text, place) or _from_symbol(lay, body_text, place, reg)
    if found is not None:
        return found
    notes = [] if lay.is_news else [(lay.number_line or 1, "không xác định được cơ quan ban hành")]
    return "", "", notes
