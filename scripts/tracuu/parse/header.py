"""The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Issuer block, Quốc hiệu or motto, "Số:", place and date, type line, trích yếu
(or a Công văn's "V/v …"), "Kính gửi:". Two-column headers flattened by PDF,
DOCX or web copies are split back into one line per cell first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import plain
from tracuu.parse.clean import Line
from tracuu.parse.common import SIG_AUTHORITY, Layout, doc_types, form_types, is_upper_line, iso_date, mottos
from tracuu.registries.vocabulary import LazyPattern

_DASHES = "-–—"


@lru_cache(maxsize=4)
def _quoc_hieu(motto_words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"^(?:(?:" + "|".join(re.escape(m) for m in motto_words) + r")(?=\s|$)"
        # a motto and its slogan may be flattened onto one line, and either broken in two
        r"|CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?"
        rf"\s*(?:Độc\s+lập\s*[{_DASHES}]\s*Tự\s+do\s*[{_DASHES}]\s*Hạnh\s+phúc)?\s*(?:[-_—=*]{{3,}})?\s*$",
        re.I,
    )


def quoc_hieu() -> re.Pattern[str]:
    """The Quốc hiệu or a motto line, with or without its slogan and the rule under it."""
    return _quoc_hieu(mottos())


# "Số: 5310/UBND-KGVX", "Số: /TB-BCĐ" (draft), "Số 12/KH-UBND" (colon forgotten).
_SO = re.compile(r"^Số\s*(?::\s*(?P<value>.*)|\s(?P<bare>[\d/].*))$")
# Day, month and year as words ("ngày 05 tháng 6 năm 2024", any of them blank or
# a placeholder: "ngày … tháng … năm 2024", "ngày ... tháng ___ năm 2024"; spaces
# lost in extraction: "ngày 23tháng 02năm 2021") or as figures ("ngày 05/6/2024").
_BLANK = r"(?:[.…_]+\s*)?"
_DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,60}?)\s*,?\s*ngày\s*(?:(?:(?P<d>\d{1,2})|" + _BLANK + r")\s*tháng\s*"
    r"(?:(?P<m>\d{1,2})|" + _BLANK + r")\s*năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))\s*$"
)
_VV = re.compile(r"^V/v\s*(?P<text>.*)$", re.I)
_KINH_GUI = re.compile(r"^Kính gửi\s*:?\s*(?P<rest>.*)$", re.I)
# A site's title for a letter it posts, over its Kính gửi: "Công văn số 160/PGDĐT V/v tuyên truyền …".
_TITLED = re.compile(r"^(?P<type>\w+(?:\s\w+)?)\s+số\s*:?\s*(?P<value>\S*\d\S*/\S+)\s+V/v\s+(?P<text>\S.*)$")


def _read_number(value: str, no: int, lay: Layout) -> None:
    """The "Số:" value through the one số/ký hiệu grammar (``SoKyHieu``).

    ``*5310*/UBND-KGVX`` → number ``5310/UBND-KGVX``, symbol ``UBND-KGVX``; a draft's
    ``/TB-BCĐ`` → no number, symbol ``TB-BCĐ``. A value the grammar does not read is
    kept as printed (without spaces), with a warning.
    """
    skh = SoKyHieu.read_number_line(value)
    lay.sokyhieu = skh
    if skh is None:
        lay.number, lay.symbol = re.sub(r"\s+", "", value.replace("*", "")), ""
        if lay.number:
            lay.warnings.append(
                f"line {no}: số/ký hiệu '{lay.number}' không đúng dạng (ví dụ 12/KH-UBND, 20/2021/NĐ-CP, 28-CT/TW); "
                "kiểm tra dòng Số"
            )
        return
    lay.number = str(skh) if skh.number else ""
    lay.symbol = skh.symbol


# Two-column headers flattened onto one line by PDF/DOCX extraction:
# "UBND TỈNH X      CỘNG HÒA XÃ HỘI …", "Số: 12/KH-UBND      X, ngày 01 tháng 02 năm 2024".
_SIDE_BY_SIDE = re.compile(
    r"^(?P<left>.+?)\s{2,}(?P<right>(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]).*"
    r"|[^,\s][^,]{1,60}?,\s*ngày\s.*năm\s*\d{4}\s*"
    r"|[^,\s][^,]{1,60}?,\s*ngày\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*)$"
)
# A header laid out as a table and pasted as text: cells divided by "|"
# ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI … |"), or a cell border alone on its line.
_CELL_SPLIT = re.compile(r"\s*\|\s*|\s*<br\s*/?>\s*", re.I)  # a Markdown table cell may hold <br> line breaks
_WIDE_GAP = re.compile(r"^(?P<left>\S.*?)\s{3,}(?P<right>\S.*)$")  # a column gap: any motto of the vocabulary
_RULE = re.compile(r"\s*[-_=—]{3,}\s*$")  # the short rule printed under the issuer and the Quốc hiệu
# Where the header ends at the latest: the body's first words.
_BODY_START = re.compile(r"^(Căn cứ|Thực hiện|Kính gửi|Điều\s+\d|I\.\s)", re.I)


def _cells(text: str) -> list[str]:
    """The cells of one header line: split at "|" and at wide column gaps; rules dropped."""
    parts = [c for c in _CELL_SPLIT.split(text.strip()) if c.strip()] if _CELL_SPLIT.search(text) else [text.strip()]
    out: list[str] = []
    for part in parts:
        if m := _SIDE_BY_SIDE.match(part.strip()):
            out += [m.group("left").strip(), m.group("right").strip()]
        elif (g := _WIDE_GAP.match(part.strip())) and quoc_hieu().match(g.group("right")):
            out += [g.group("left").strip(), g.group("right").strip()]  # "TỈNH ỦY HÀ NAM      ĐẢNG CỘNG SẢN VIỆT NAM"
        else:
            out.append(part.strip())
    # "BỘ Y TẾ -------": the rule under a name is layout, not text of the name
    return [c2 for c in out if (c2 := _RULE.sub("", c) if not _RULE.fullmatch(c) else c)]


def split_columns(lines: list[Line], limit: int = 30) -> list[Line]:
    """Split header lines that hold both columns of the standard layout into one line per cell.

    Only the header is touched: lines before the type line or the body's first
    words (a body table keeps its pipes), at most ``limit`` lines.
    """
    out: list[Line] = []
    in_header = True
    for n, ln in enumerate(lines):
        p = plain(ln.text)
        if n >= limit or (p and (p in doc_types() or _BODY_START.match(p))):
            in_header = False
        if not in_header or not p:
            out.append(ln)
            continue
        cells = _cells(ln.text)
        if cells == [ln.text.strip()]:
            out.append(ln)
        else:
            out += [Line(ln.no, c) for c in cells]  # a lone "|" leaves no cell: the line goes
    return out


def _vv_subject(lines: list[Line], i: int, first: str, lay: Layout) -> int:
    """A Công văn's trích yếu "V/v …", possibly over several lines; return the next index."""
    n = len(lines)
    parts = [first]
    lay.subject_prefix = "V/v"
    lay.subject_line = lines[i].no if i < n else 0
    i += 1
    while i < n:
        q = plain(lines[i].text)
        if not q or _DATE_LINE.match(q) or quoc_hieu().match(q) or _KINH_GUI.match(q) or _SO.match(q):
            break
        if q.upper() == q and q in doc_types():
            break
        parts.append(q)
        i += 1
    lay.subject = " ".join(x.strip() for x in parts if x.strip())
    return i


def _date(lay: Layout, m: re.Match[str], no: int, text: str) -> None:
    lay.place = m.group("place").strip()
    if m.group("y2"):
        lay.date = iso_date(m.group("y2"), m.group("m2"), m.group("d2"))
    else:
        lay.date = iso_date(m.group("y"), m.group("m"), m.group("d"))
    lay.date_line = no
    lay.date_text = text
    if not (m.group("d") or m.group("d2")):
        lay.warnings.append(f"line {no}: ngày ban hành để trống, chỉ ghi tháng/năm")


def _type_and_subject(text: str) -> tuple[str, str] | None:
    """("THÔNG BÁO", "Kết luận của …") when a type line runs on into a trích yếu in normal case."""
    for word in sorted(doc_types(), key=len, reverse=True):
        if text.startswith(word + " "):
            rest = text[len(word) :].strip()
            first_word = rest.split()[0] if rest else ""
            if any(c.islower() for c in first_word):
                return word, rest
            return None
    return None


@dataclass
class _Seen:
    """Header elements already read: each is read once, the first time it appears."""

    number: bool = False
    date: bool = False
    type: bool = False


def read_header(lines: list[Line], lay: Layout) -> int:
    """Read header elements from the top; return the index of the first body line."""
    i = 0
    seen = _Seen()
    while i < len(lines):
        p = plain(lines[i].text)
        if not p:
            i += 1
            continue
        nxt = _header_element(lines, i, p, lay, seen)
        if nxt is None:
            break
        i = nxt
    return i


def _header_element(lines: list[Line], i: int, p: str, lay: Layout, seen: _Seen) -> int | None:
    """Read the header element on line ``i`` (text ``p``); the next index, or None where the body starts."""
    if quoc_hieu().match(p):
        lay.header.append(p)
        return i + 1
    if (joined := _broken_motto(lines, i, p)) is not None:
        lay.header.append(joined)
        return i + 2
    if not seen.number and (m := _SO.match(p)):
        seen.number = True
        return _number_line(lines, i, m, p, lay)
    if not lay.subject and (vv := _VV.match(p)):
        return _vv_subject(lines, i, vv.group("text"), lay)
    if not seen.date and (nxt := _date_line(lines, i, p, lay)) is not None:
        seen.date = True
        return nxt
    if not seen.type and (nxt := _type_line(lines, i, p, lay)) is not None:
        seen.type = True
        return nxt
    if m := _KINH_GUI.match(p):
        return _kinh_gui(lines, i, m, p, lay)
    if not (seen.type or seen.number) and (nxt := _titled_letter(lines, i, p, lay)) is not None:
        seen.type = seen.number = True
        return nxt
    if not seen.type and (nxt := _untyped_title(lines, i, p, lay, seen)) is not None:
        seen.type = True
        return nxt
    if not (seen.type or seen.number) and is_upper_line(p) and not SIG_AUTHORITY.match(p):
        if not lay.issuer_lines:
            lay.issuer_line = lines[i].no
        lay.issuer_lines.append(p)
        return i + 1
    return None


def _titled_letter(lines: list[Line], i: int, p: str, lay: Layout) -> int | None:
    """ "Công văn số 160/PGDĐT V/v …" with "Kính gửi" on one of the next lines: the type, the number
    and the trích yếu of a letter a site posts without its header; None for any other line."""
    m = _TITLED.match(p)
    doc_type = doc_types().get(m.group("type").upper(), "") if m else ""
    below = [q for ln in lines[i + 1 : i + 4] if (q := plain(ln.text))]
    if m is None or not doc_type or not any(_KINH_GUI.match(q) for q in below[:2]):
        return None
    lay.doc_type, lay.type_line, lay.type_text = doc_type, lines[i].no, m.group("type")
    _read_number(m.group("value"), lines[i].no, lay)
    lay.number_line, lay.number_text = lines[i].no, p
    return _vv_subject(lines, i, m.group("text"), lay)


def _untyped_title(lines: list[Line], i: int, p: str, lay: Layout, seen: _Seen) -> int | None:
    """A copy that lost its type line ("Số: 41/KH-UBND", the date, then "TRIỂN KHAI THÁNG HÀNH ĐỘNG
    VÌ TRẺ EM NĂM 2017"): the capital title under the date is the trích yếu, and the ký hiệu's form
    code gives the type (with the usual warning). Only when the form code names a type."""
    form = lay.sokyhieu.form if lay.sokyhieu else ""
    doc_type = form_types().get(form, "")
    if not (seen.number and seen.date and doc_type and not lay.subject):
        return None
    if not is_upper_line(p) or len(p.split()) < 3 or SIG_AUTHORITY.match(p) or re.match(r"^(?:[IVXLC]+|\d+)\.", p):
        return None
    lay.doc_type = doc_type
    lay.warnings.append(f"line {lay.number_line}: loại văn bản suy từ ký hiệu {form}")
    return _subject(lines, i, lay)


def _broken_motto(lines: list[Line], i: int, p: str) -> str | None:
    """A Quốc hiệu broken after its first word by a hard-wrapped copy ("CỘNG" / "HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM"): the two lines joined, or None. Neither line is then an issuer line."""
    if i + 1 >= len(lines) or not is_upper_line(p) or len(p) > 20:
        return None
    joined = f"{p} {plain(lines[i + 1].text)}"
    if quoc_hieu().match(joined) and any(m.startswith(p) for m in mottos()):
        return joined
    return None


# "Lâm" / "Đồng, ngày 03 tháng 11 năm 2021", "Thành phố Hồ" / "Chí Minh, ngày …": a place name
# broken by a hard-wrapped copy; its words are capitalised (but for the level words).
_PLACE_START = re.compile(r"^(?:(?:[A-ZĐÀ-Ỹ][\w.]*|phố|thị|xã|trấn)\s*){1,4}$")


def _number_line(lines: list[Line], i: int, m: re.Match[str], p: str, lay: Layout) -> int:
    """The "Số:" line; the trích yếu's first words may share it ("Số: 375/LĐTBXH-TE V/v")."""
    ln = lines[i]
    value = m.group("value") or m.group("bare") or ""
    value, vv_sep, vv_rest = value.partition(" V/v")
    _read_number(value, ln.no, lay)
    lay.number_line = ln.no
    lay.number_text = p
    if vv_sep and not lay.subject:
        return _vv_subject(lines, i, vv_rest.strip(), lay)
    return i + 1


def _date_line(lines: list[Line], i: int, p: str, lay: Layout) -> int | None:
    """The place-and-date line; the next index, or None when line ``i`` is none."""
    ln = lines[i]
    m = _DATE_LINE.match(p)
    # "Hậu Giang, ngày" / "18 tháng 8 năm 2021": a date line broken in two by extraction
    if m is None and i + 1 < len(lines) and len(p) <= 60 and (nxt := plain(lines[i + 1].text)):
        m2 = _DATE_LINE.match(f"{p} {nxt}")
        if m2 is not None and not _DATE_LINE.match(nxt):
            _date(lay, m2, ln.no, f"{p} {nxt}")
            return i + 2
    if m is not None:
        _date(lay, m, ln.no, p)
        return i + 1
    if len(p) <= 30 and _PLACE_START.match(p) and not is_upper_line(p):
        # "Sơn" / "La, ngày 11 tháng 3" / "năm 2020": the place and the date each broken once
        for k in (2, 3):
            rest = [plain(x.text) for x in lines[i + 1 : i + k]]
            if len(rest) < k - 1 or not all(rest) or rest[0][:1].isdigit():
                break
            joined = " ".join([p, *rest])
            if (m3 := _DATE_LINE.match(joined)) is not None:
                _date(lay, m3, ln.no, joined)
                return i + k
    return None


def _type_line(lines: list[Line], i: int, p: str, lay: Layout) -> int | None:
    """The type line ("KẾ HOẠCH") and the trích yếu under it; None when line ``i`` is none."""
    types = doc_types()
    if p.upper() == p and p in types:
        lay.doc_type = types[p]
        lay.type_line = lines[i].no
        lay.type_text = p
        return _subject(lines, i + 1, lay)
    if not lay.subject and (ts := _type_and_subject(p)):
        # "THÔNG BÁO Kết luận của …": type line and trích yếu flattened onto one line
        lay.doc_type = types[ts[0]]
        lay.type_line = lines[i].no
        lay.type_text = ts[0]
        return _subject(lines, i + 1, lay, first=ts[1])
    return None


def _kinh_gui(lines: list[Line], i: int, m: re.Match[str], p: str, lay: Layout) -> int:
    """"Kính gửi:" and the addressees on its line or listed under it; return the next index."""
    n = len(lines)
    before = len(lay.kinh_gui)
    rest = m.group("rest").strip()
    if rest:
        lay.kinh_gui.append(rest.rstrip(";.,"))
    i += 1
    while i < n:
        q = plain(lines[i].text)
        if not q:
            i += 1
            continue
        if q.startswith(("-", "+", "•")):
            lay.kinh_gui.append(q.lstrip("-+• ").rstrip(";.,").strip())
            i += 1
            continue
        break
    if len(lay.kinh_gui) == before:
        lay.header.append(p)  # "Kính gửi:" with nobody after it: keep the line as printed
    return i


_SUBJECT_STOP = re.compile(r"^(Căn cứ|Kính gửi|Điều\s+\d|Chương\s|Phần\s|\d+\.|[a-zđ]\)|-\s)", re.I)
# Openers of a body's first sentence; a trích yếu may begin the same way
# ("Thực hiện các kiến nghị …") but never ends with sentence punctuation.
_BODY_OPENER = re.compile(r"^(Thực hiện|Theo|Ngày\s+\d|Căn cứ)", re.I)
# The authority line under a Quyết định's trích yếu ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
# "ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ …") and the "QUYẾT ĐỊNH:" that opens the articles.
_AUTHORITY_LINE = LazyPattern(r"^{authority_lines}(?!\w)")  # data/vocabulary.yml, authority_lines


def _subject(lines: list[Line], i: int, lay: Layout, first: str = "") -> int:
    """Trích yếu: the line(s) right under the type line.

    A trích yếu printed in capitals runs on over capital lines up to the
    authority line; one in normal case stops at the first capital line.
    """
    n = len(lines)
    parts: list[str] = [first] if first else []
    if first:
        lay.subject_line = lines[i - 1].no
        if i < n and not plain(lines[i].text):
            lay.subject = first  # a blank line ends a trích yếu that began on the type line
            return i
    while i < n and not plain(lines[i].text):
        i += 1
    while i < n and (p := plain(lines[i].text)):
        if not (_runs_on(parts[-1], p) if parts else _opens_subject(p, lay)):
            break
        if not parts:
            lay.subject_line = lines[i].no
        parts.append(p)
        i += 1
    if parts:
        lay.subject = " ".join(parts)
        lay.subject_prefix = ""
    return i


def _opens_subject(p: str, lay: Layout) -> bool:
    """Whether line ``p`` under the type line begins a trích yếu.

    Not the body's first words ("Căn cứ …", "Điều 1", a list item), nor an over-long
    line, nor the authority line, nor a body's first sentence ("Thực hiện …;"), nor
    anything when the trích yếu was printed as "V/v …" already.
    """
    if _SUBJECT_STOP.match(p) or len(p) > 400 or _AUTHORITY_LINE.match(p):
        return False
    if _BODY_OPENER.match(p) and re.search(r"[.;:]\s*$", p):
        return False
    return not lay.subject


def _runs_on(last: str, p: str) -> bool:
    """Whether line ``p`` continues a trích yếu whose last line so far is ``last``.

    It does unless it starts the body or the authority line, ``last`` ended a
    sentence, or the case changes (capitals to normal case or back).
    """
    if _SUBJECT_STOP.match(p) or re.search(r"[.;:]$", last) or _AUTHORITY_LINE.match(p):
        return False
    return is_upper_line(p) == is_upper_line(last)
