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

from tracuu.model.problems import Problem
from tracuu.model.records import Document
from tracuu.model.textutil import fold, slugify
from tracuu.parse import sidecar as sidecars
from tracuu.parse.bounds import bound_fields, hide_oversized_blocks, restore_blocks
from tracuu.parse.clean import clean
from tracuu.parse.decode import read_text
from tracuu.parse.layout import Layout, parse_layout, plain

SOURCE_SUFFIXES = (".txt", ".md")
# Prefix of a document warning that is really about its sidecar file (reported against the .yml by the build).
SIDECAR_WARNING = sidecars.WARNING_PREFIX
# Sidecar keys: facts the text lacks. They never override what the text states.
SIDECAR_KEYS = sidecars.KEYS

_ADMIN_UNITS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")


def province_of(place: str) -> str:
    """The province a date-line place belongs to: "TP. Bắc Kạn" → "Bắc Kạn"; "Hà Nội" → "Hà Nội"."""
    p = re.sub(r"^(TP\.?|Thành phố|Tp\.?|Huyện|Thị xã|Quận)\s*", "", place.strip(), flags=re.I)
    return p.strip()


_IN_PROVINCE = re.compile(
    r"\b(?:tỉnh|thành phố|TP\.?)\s+(?P<name>[A-ZÀ-ỸĐ][^\s,;.()]*(?:\s+(?:[-–]\s+)?[A-ZÀ-ỸĐ][^\s,;.()]*){0,3})"
)


def document_province(place: str, issuer: str, body_text: list[tuple[int, str]]) -> str:
    """The province a document belongs to, from what it states; "" when it does not say.

    The date line's place when it is a province ("Thái Nguyên, ngày …"; "TP. Bắc
    Kạn" is in Bắc Kạn) — except "Hà Nội", where the ministries date their
    documents; else the province the issuer's name or the text most often names
    ("UBND huyện Ba Bể" writing "… của UBND tỉnh Bắc Kạn"). A district's place
    ("Ba Bể, ngày …") is never taken for a province.
    """
    reg = _registry()
    known: dict[str, str] = {fold(p): str(p) for p in getattr(reg, "provinces", ())}
    # "TP. Hồ Chí Minh", "thành phố Hồ Chí Minh": the province is "Thành phố Hồ Chí Minh"
    known.update({fold(p)[len("thanh pho "):]: p for p in list(known.values()) if fold(p).startswith("thanh pho ")})

    def named_in(text: str) -> list[str]:
        out: list[str] = []
        for m in _IN_PROVINCE.finditer(text):
            words = m.group("name").split()
            # the longest run of words that is a province: "tỉnh Bà Rịa - Vũng Tàu" has a dash
            for k in range(len(words), 0, -1):
                if (p := known.get(fold(" ".join(words[:k])))) is not None:
                    out.append(p)
                    break
        return out

    p = province_of(place)
    if fold(p) in known and p != "Hà Nội":
        return known[fold(p)]
    if from_issuer := named_in(issuer):
        return from_issuer[0]
    if p == "Hà Nội":
        return ""  # a central body's document, unless its issuer said "thành phố Hà Nội" above
    counts: dict[str, int] = {}
    for _, text in body_text:
        for name in named_in(plain(text)):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


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


def title_case_org(upper: str) -> str:
    """``ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN`` → ``Ủy ban nhân dân tỉnh Thái Nguyên``.

    Only used when the agency registry does not know the name: the first word
    and the place name after an administrative unit are capitalised;
    abbreviations (UBND, BCH, TNCS) stay as printed.
    """
    raw = upper.split()
    words = upper.lower().split()
    if not words:
        return ""
    known = _glossary_terms()
    out: list[str] = []
    cap_rest = False
    i = 0
    while i < len(words):
        w = words[i]
        two = " ".join(words[i : i + 2])
        if _abbreviation(raw[i], known):
            out.append(raw[i])
            i += 1
            continue
        if not cap_rest and two in _COMMITTEES:
            out.extend([w[:1].upper() + w[1:] if i == 0 else w, words[i + 1]])
            i += 2
            cap_rest = True
            continue
        if not cap_rest and two in _ADMIN_UNITS:
            out.extend(words[i : i + 2])
            i += 2
            cap_rest = True
            continue
        if not cap_rest and w in _ADMIN_UNITS and i > 0:
            out.append(w)
            i += 1
            cap_rest = True
            continue
        out.append(w[:1].upper() + w[1:] if (cap_rest or i == 0) else w)
        i += 1
    return " ".join(out)


def _registry() -> Any:
    """The agency registry, or None while it is unavailable (tests of layout alone)."""
    try:
        from tracuu.registries import agencies
    except ImportError:  # pragma: no cover - the registry module is part of the package
        return None
    try:
        return agencies.load_registry()
    except Exception:  # noqa: BLE001 - a broken registry is reported by `tracuu check`
        return None


# An issuer block's line that starts a new body ("UBND TỈNH X" / "SỞ Y TẾ").
_ORG_START = re.compile(
    r"^(SỞ|PHÒNG|BAN|BỘ|ỦY BAN|UỶ BAN|UBND|CÔNG AN|HỘI|ĐOÀN|TRƯỜNG|CỤC|TỔNG CỤC|VĂN PHÒNG|CHI CỤC|TRUNG TÂM"
    r"|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ|BCH|TỈNH ĐOÀN|THÀNH ĐOÀN|HUYỆN ĐOÀN)\b"
)
# The place an issuer block's upper line names: "UBND HUYỆN YÊN THÀNH", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN".
_PARENT_PLACE = re.compile(r"\b(?P<unit>TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ)\s+(?P<name>[^\W\d_][^|]*?)\s*$")
_CLOSING_ISSUER = re.compile(
    r"^Trên đây là .*?\bcủa\s+(?P<issuer>(?:Ủy ban nhân dân|UBND|Sở|Phòng|Ban|Bộ|Công an|Hội|Đoàn)[^;./]*?)\s*(?:[;.]|/\.|$)"
)


def resolve_issuer(lay: Layout, body_text: list[tuple[int, str]], place: str) -> tuple[str, str, list[str]]:
    """(issuer, how it was found, warnings). Never invents a name: each rule quotes the text."""
    reg = _registry()
    warnings: list[str] = []
    unit = ""
    m_unit = re.match(r"^(TP\.?|Thành phố|Huyện|Thị xã|Quận)\s*", place.strip(), flags=re.I)
    if m_unit:
        unit = "thành phố" if m_unit.group(1).lower().startswith(("tp", "thành")) else m_unit.group(1).lower()
    jurisdiction = f"{unit or 'tỉnh'} {province_of(place)}".strip() if place else ""
    if lay.issuer_lines:
        orgs: list[str] = []
        for line in lay.issuer_lines:
            # A line continues the body above unless it starts a body itself and the one above is
            # already whole ("ỦY" / "BAN NHÂN DÂN" is one name broken by extraction).
            if orgs and not (_ORG_START.match(line) and _ORG_START.match(orgs[-1])):
                orgs[-1] += " " + line
            else:
                orgs.append(line)
        name = orgs[-1]  # the issuing body is the lowest of a two-level issuer block
        how = f"khối tên cơ quan, dòng {lay.issuer_line}"
        parent = orgs[-2] if len(orgs) > 1 else ""
        province, district = province_of(place), ""
        pm = _PARENT_PLACE.search(parent) if parent else None
        if pm and not _PARENT_PLACE.search(name):
            # The lower body takes its jurisdiction from the body above it, not from the date line.
            unit = {"TP.": "thành phố", "TP": "thành phố"}.get(pm.group("unit"), pm.group("unit").lower())
            where = " ".join(w[:1].upper() + w[1:].lower() for w in pm.group("name").split())
            provinces = {fold(x): x for x in getattr(reg, "provinces", ())}
            if unit == "tỉnh" or fold(where) in provinces:
                province = provinces.get(fold(where), where)
            else:
                district = f"{unit} {where}"
            if re.fullmatch(r"VĂN PHÒNG", name):
                # "ỦY BAN NHÂN DÂN TỈNH X" / "VĂN PHÒNG": the office of the body above
                upper = reg.match(parent, province) if reg else None
                return f"Văn phòng {getattr(upper, 'name', '') or title_case_org(parent)}", how, warnings
        matched = reg.match(name, province, district) if reg else None
        canonical = getattr(matched, "name", "") if matched else ""
        if canonical and "(" in canonical:
            canonical = ""  # the registry could not place a district body; the block's own words are better
        if not canonical and district and not _PARENT_PLACE.search(name):
            return f"{title_case_org(name)} {district}", how, warnings
        return canonical or title_case_org(name), how, warnings
    for line_no, text in body_text:
        if m := _CLOSING_ISSUER.match(plain(text)):
            issuer = m.group("issuer").strip()
            if jurisdiction and not re.search(r"\b(tỉnh|thành phố|huyện|quận|thị xã)\s+\S", issuer) and re.search(
                r"\b(tỉnh|thành phố|huyện|quận|thị xã)$", issuer
            ):
                issuer = f"{issuer} {province_of(place)}"
            elif jurisdiction and not re.search(r"\b(tỉnh|thành phố|huyện|quận|thị xã)\b", issuer):
                issuer = f"{issuer} {jurisdiction}"
            warnings.append(f"line {line_no}: cơ quan ban hành lấy từ câu kết \"Trên đây là … của {m.group('issuer')}\"")
            return issuer, f"câu kết, dòng {line_no}", warnings
    code = lay.symbol.split("-", 1)[1] if "-" in lay.symbol else ""
    expanded = reg.expand_code(code) if (reg and code) else None
    if expanded:
        # Prefer the full name as the text writes it ("Ban Chỉ đạo … tỉnh Bắc Kạn").
        prov = province_of(place)
        pattern = re.compile(
            rf"{re.escape(expanded)}[^.;:,()]*?\b(?:tỉnh|thành phố|huyện)\s+{re.escape(prov)}" if prov else re.escape(expanded)
        )
        for line_no, text in [(lay.subject_line, lay.subject)] + body_text:
            if m := pattern.search(plain(text)):
                warnings.append(f"line {line_no}: cơ quan ban hành suy từ ký hiệu {code} và tên đầy đủ trong văn bản")
                return m.group(0), f"ký hiệu {code} + dòng {line_no}", warnings
        issuer = f"{expanded} {jurisdiction}".strip()
        warnings.append(f"line {lay.number_line}: cơ quan ban hành suy từ ký hiệu {code} và địa danh")
        return issuer, f"ký hiệu {code} + địa danh", warnings
    if not lay.is_news:
        warnings.append(f"line {lay.number_line or 1}: không xác định được cơ quan ban hành")
    return "", "", warnings


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
        return Document(source=source, id=doc_id, doc_type="", warnings=(refused,))
    return parse_text(text, source=source, doc_id=doc_id, sidecar_path=p, warnings=warnings)


def parse_text(
    text: str,
    source: str = "<text>",
    doc_id: str = "van-ban",
    sidecar_path: Path | None = None,
    warnings: list[str] | None = None,
    sidecar: sidecars.Sidecar | None = None,
) -> Document:
    """``sidecar``, when given, is used as read (the build reads each sidecar once); else it is read here."""
    warnings = list(warnings or [])
    if not text.strip():
        return Document(source=source, id=doc_id, doc_type="", warnings=tuple(warnings + ["line 1: tệp rỗng"]))
    cleaned = clean(text)
    lay = parse_layout(cleaned)
    warnings.extend(lay.warnings)
    if sidecar is not None:
        side, problems = dict(sidecar.values), list(sidecar.problems)
    else:
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
    meta = tuple(
        (k, str(item))
        for k, v in side.items()
        if k not in ("issuer", "place", "province")
        for item in (v if isinstance(v, tuple) else (v,))
    )
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
    doc, oversized = hide_oversized_blocks(bound_fields(doc, lay.subject_line or 1))
    return restore_blocks(enrich(doc), oversized)


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
    """The documents of ``folder`` (regular *.txt/*.md files); ``tracuu.sources.list_sources`` reports the rest."""
    from tracuu.sources import list_sources

    return [f.path for f in list_sources(folder).files]
