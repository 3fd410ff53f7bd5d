"""Parse the layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP).

Input: cleaned lines. Output: header facts (issuer, số/ký hiệu, place, date,
type, trích yếu, kính gửi), the body as structural blocks with stable
anchors, the signature, the Nơi nhận list and the annexes. News articles
(no Số, no Quốc hiệu, no type line) are recognised by their date line and
give headline, date and byline.

Nothing here looks for citations or duties: later steps work on the blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tracuu.model.records import Block, BlockKind, Signer
from tracuu.model.textutil import SUPERSCRIPT_DIGITS, fold, nfc, plain, slugify
from tracuu.parse.clean import Cleaned, Line
from tracuu.paths import data_dir


def _load_doc_types() -> dict[str, Any]:
    """``data/doc_types.yml``: type lines, form codes and mottos (a YAML edit adds one)."""
    try:
        data = yaml.safe_load((data_dir() / "doc_types.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    return data if isinstance(data, dict) else {}


_TYPES_DATA = _load_doc_types()
# Document types as printed in the type line (upper case) → display name.
DOC_TYPES: dict[str, str] = {nfc(str(k)): str(v) for k, v in (_TYPES_DATA.get("type_lines") or {}).items()}
# Ký hiệu form code → type, used only when the text prints no type line.
FORM_TYPES: dict[str, str] = {nfc(str(k)): str(v) for k, v in (_TYPES_DATA.get("form_codes") or {}).items()}
# The line opposite the issuer: Quốc hiệu, or the Party's / Youth Union's motto.
MOTTOS: tuple[str, ...] = tuple(nfc(str(m)) for m in (_TYPES_DATA.get("mottos") or []))

_DASHES = "-–—"
_QUOC_HIEU = re.compile(
    r"^(?:(?:" + "|".join(re.escape(m) for m in MOTTOS) + r")(?=\s|$)"
    # a motto and its slogan may be flattened onto one line, and either broken in two
    r"|CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?"
    rf"\s*(?:Độc\s+lập\s*[{_DASHES}]\s*Tự\s+do\s*[{_DASHES}]\s*Hạnh\s+phúc)?\s*(?:[-_—=*]{{3,}})?\s*$",
    re.I,
)
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
# The date a portal prints over an article: "24/01/2024", "Thứ Năm, 16/05/2025 - 09:15",
# "06/05/2021 - 05:44", "(06/05/2022)", "Cập nhật lúc: 09:31 31/05/2018".
_NEWS_DATE = re.compile(
    r"^\(?(?:[^\d]{0,25})?(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)?"
    r"(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM|GMT\+7))?)?\s*\)?\s*$",
    re.I,
)
_VV = re.compile(r"^V/v\s*(?P<text>.*)$", re.I)
_KINH_GUI = re.compile(r"^Kính gửi\s*:?\s*(?P<rest>.*)$", re.I)
_NOI_NHAN = re.compile(r"^Nơi nhận\s*:?\s*$", re.I)
_SIG_AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.", re.I)
# A person's name: 2–5 capitalised words. Names of the Central Highlands'
# peoples have one-letter words and apostrophes ("Y Thị Lan", "H'Hen Niê",
# "Ksor Y Đhăm"); the last word always has small letters.
_NAME_WORD = r"[A-ZÀ-ỸĐ](?:'?[A-ZÀ-ỸĐ]?[a-zà-ỹđ]+)?"
_NAME = re.compile(rf"^(?:{_NAME_WORD}\s+){{1,4}}[A-ZÀ-ỸĐ]'?[A-ZÀ-ỸĐ]?[a-zà-ỹđ]+$")
# "Phụ lục III", "PHỤ LỤC SỐ 02", "Phụ lục I: Danh mục …", or a lone "PHỤ LỤC" (one annex, unnumbered).
_ANNEX = re.compile(
    r"^Phụ lục(?:\s+số)?(?:\s+(?P<label>[IVXLC\d]+[a-z]?))?\s*(?:[:.\-–]\s*(?P<title>.*))?$", re.I
)
_CHAPTER = re.compile(r"^(?P<kind>Chương|Phần|Mục)\s+(?P<label>[IVXLC\d]+)\b\.?", re.I)
_ARTICLE = re.compile(r"^Điều\s+(?P<label>\d+[a-z]?)\b\.?")
_ROMAN = re.compile(r"^(?P<label>[IVXLC]+)\.\s+\S")
_CODE = re.compile(r"^(?P<label>\d{4})\.\s+\S")
_NUMBERED = re.compile(r"^(?P<label>\d{1,3}(?:\.\d{1,3})*)(?:\.|\))\s*\S")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\)\s*\S")
_BULLET = re.compile(r"^(?P<label>[-+•–])\s+\S")
# Sentences that close the body: they belong to no numbered item above them.
_CLOSING = re.compile(
    r"^(Trên đây là|Với nội dung trên|Căn cứ (chỉ đạo|nội dung|ý kiến)|Trong quá trình (thực hiện|triển khai)|Nơi nhận)",
    re.I,
)


def _is_upper_line(text: str) -> bool:
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


@dataclass
class Layout:
    """What the layout parser found; ``pipeline`` turns it into a Document."""

    doc_type: str = ""
    type_line: int = 0
    number: str = ""
    symbol: str = ""
    number_line: int = 0
    number_text: str = ""  # the "Số: …" line as printed
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
    signer_line: int = 0
    header: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    is_news: bool = False
    warnings: list[str] = field(default_factory=list)


def _parse_number(value: str) -> tuple[str, str]:
    """``*5310*/UBND-KGVX`` → (``5310/UBND-KGVX``, ``UBND-KGVX``); ``/TB-BCĐ`` → ("", "TB-BCĐ")."""
    v = re.sub(r"\s+", "", value.replace("*", ""))
    if "/" not in v:
        return v, ""
    head, _, _ = v.partition("/")
    # Symbol: after the number (and its year for NĐ/TT style "20/2021/NĐ-CP").
    parts = v.split("/")
    symbol = parts[-1] if len(parts) > 1 else ""
    if not re.search(r"\d", head):
        return "", symbol
    return v, symbol


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
        if n >= limit or (p and (p in DOC_TYPES or _BODY_START.match(p))):
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
        if not q or _DATE_LINE.match(q) or _QUOC_HIEU.match(q) or _KINH_GUI.match(q) or _SO.match(q):
            break
        if q.upper() == q and q in DOC_TYPES:
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
    for word in sorted(DOC_TYPES, key=len, reverse=True):
        if text.startswith(word + " "):
            rest = text[len(word) :].strip()
            first_word = rest.split()[0] if rest else ""
            if any(c.islower() for c in first_word):
                return word, rest
            return None
    return None


def _header(lines: list[Line], lay: Layout) -> int:
    """Read header elements from the top; return the index of the first body line."""
    i = 0
    n = len(lines)
    seen_type = seen_no = seen_date = False
    while i < n:
        ln = lines[i]
        p = plain(ln.text)
        if not p:
            i += 1
            continue
        if _QUOC_HIEU.match(p):
            lay.header.append(p)
            i += 1
            continue
        if not seen_no and (m := _SO.match(p)):
            seen_no = True
            value = m.group("value") or m.group("bare") or ""
            # "Số: 375/LĐTBXH-TE V/v" — the trích yếu's first words share the number's line
            value, vv_sep, vv_rest = value.partition(" V/v")
            lay.number, lay.symbol = _parse_number(value)
            lay.number_line = ln.no
            lay.number_text = p
            if vv_sep and not lay.subject:
                i = _vv_subject(lines, i, vv_rest.strip(), lay)
            else:
                i += 1
            continue
        if not lay.subject and (vv := _VV.match(p)):
            i = _vv_subject(lines, i, vv.group("text"), lay)
            continue
        if not seen_date:
            m = _DATE_LINE.match(p)
            # "Hậu Giang, ngày" / "18 tháng 8 năm 2021": a date line broken in two by extraction
            if m is None and i + 1 < n and len(p) <= 60 and (nxt := plain(lines[i + 1].text)):
                m2 = _DATE_LINE.match(f"{p} {nxt}")
                if m2 is not None and not _DATE_LINE.match(nxt):
                    seen_date = True
                    _date(lay, m2, ln.no, f"{p} {nxt}")
                    i += 2
                    continue
            if m is not None:
                seen_date = True
                _date(lay, m, ln.no, p)
                i += 1
                continue
        if not seen_type and p.upper() == p and p in DOC_TYPES:
            seen_type = True
            lay.doc_type = DOC_TYPES[p]
            lay.type_line = ln.no
            i = _subject(lines, i + 1, lay)
            continue
        if not seen_type and not lay.subject and (ts := _type_and_subject(p)):
            # "THÔNG BÁO Kết luận của …": type line and trích yếu flattened onto one line
            seen_type = True
            lay.doc_type = DOC_TYPES[ts[0]]
            lay.type_line = ln.no
            i = _subject(lines, i + 1, lay, first=ts[1])
            continue
        if m := _KINH_GUI.match(p):
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
            continue
        if not (seen_type or seen_no) and _is_upper_line(p) and not _SIG_AUTHORITY.match(p):
            if not lay.issuer_lines:
                lay.issuer_line = ln.no
            lay.issuer_lines.append(p)
            i += 1
            continue
        break
    return i


_SUBJECT_STOP = re.compile(r"^(Căn cứ|Kính gửi|Điều\s+\d|Chương\s|Phần\s|\d+\.|[a-zđ]\)|-\s)", re.I)
# Openers of a body's first sentence; a trích yếu may begin the same way
# ("Thực hiện các kiến nghị …") but never ends with sentence punctuation.
_BODY_OPENER = re.compile(r"^(Thực hiện|Theo|Ngày\s+\d|Căn cứ)", re.I)
# The authority line under a Quyết định's trích yếu ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
# "ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ …") and the "QUYẾT ĐỊNH:" that opens the articles.
_AUTHORITY_LINE = re.compile(
    r"^(CHỦ\s+TỊCH|[ỦU][ỶY]\s+BAN|UBND|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN"
    r"|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|CHÍNH\s+PHỦ|QUỐC\s+HỘI|QUYẾT\s+ĐỊNH\s*:|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG)\b"
)


def _subject(lines: list[Line], i: int, lay: Layout, first: str = "") -> int:
    """Trích yếu: the line(s) right under the type line.

    A trích yếu printed in capitals runs on over capital lines up to the
    authority line; one in normal case stops at the first capital line.
    """
    n = len(lines)
    parts: list[str] = [first] if first else []
    if first:
        lay.subject_line = lines[i - 1].no
    if parts and i < n and not plain(lines[i].text):
        lay.subject = first  # a blank line ends a trích yếu that began on the type line
        return i
    while i < n and not plain(lines[i].text):
        i += 1
    while i < n:
        p = plain(lines[i].text)
        if not p:
            break
        if parts:
            upper_run = _is_upper_line(parts[-1])
            if _SUBJECT_STOP.match(p) or re.search(r"[.;:]$", parts[-1]) or _AUTHORITY_LINE.match(p):
                break
            if _is_upper_line(p) != upper_run:
                break
        if not parts and (_SUBJECT_STOP.match(p) or len(p) > 400 or _AUTHORITY_LINE.match(p)):
            break
        if not parts and _BODY_OPENER.match(p) and re.search(r"[.;:]\s*$", p):
            break
        if not parts and lay.subject:
            break  # the trích yếu was printed as "V/v …" already
        if not parts:
            lay.subject_line = lines[i].no
        parts.append(p)
        i += 1
    if parts:
        lay.subject = " ".join(parts)
        lay.subject_prefix = ""
    return i


def _find_annex_start(lines: list[Line], start: int) -> int:
    for j in range(start, len(lines)):
        if (m := _ANNEX.match(plain(lines[j].text))) and (m.group("label") or not m.group("title")):
            return j
    return len(lines)


# "(Đã ký)", "[đã ký]", "(Ký, đóng dấu)": a copy's note where the signature was; not a title, not a name.
_SIGNED_MARK = re.compile(
    r"^[(\[]?\s*(?:đã\s+ký(?:\s+và\s+đóng\s+dấu)?|ký\s*(?:tên)?\s*(?:,|và)?\s*đóng\s+dấu)\s*[)\]]?\.?$", re.I
)
_GAP = re.compile(r"\s*\|\s*|\s{2,}")


def _sig_cells(text: str) -> list[str]:
    """A closing line's cells: Nơi nhận on the left and the signature on the right share
    lines when a two-column table is pasted as text ("- Lưu: VT.      Cao Văn Trọng",
    "- Lưu: VT. | KT. BỘ TRƯỞNG", "Trần Thị Mai |")."""
    return [c.strip() for c in _GAP.split(text.replace("*", "")) if c.strip()]


def _closing(lines: list[Line], start: int, end: int, lay: Layout) -> int:
    """Find Nơi nhận and the signature between ``start`` and ``end``; return where the body ends."""
    name_at = -1
    for j in range(end - 1, start - 1, -1):
        segs = [c for c in _sig_cells(lines[j].text) if not _SIGNED_MARK.match(c)]
        last = segs[-1] if segs else ""
        if _NAME.match(last) and len(last) <= 40:
            name_at = j
            break
        q = plain(lines[j].text).strip("| ")
        if q and not _is_upper_line(q) and not _SIGNED_MARK.match(q):
            # Only upper-case titles, blank lines and the Nơi nhận list may follow a signature name.
            if not (q.startswith("-") or _NOI_NHAN.match(q)):
                break
    noi_at = next((j for j in range(start, end) if _NOI_NHAN.match(_first_cell(lines[j].text))), -1)
    body_end = end
    if name_at >= 0:
        # Walk back over the title lines (upper case, KT./TM.) to the signature's start. A title
        # printed beside the Nơi nhận list is its line's last cell; the list's own lines are passed over.
        k = name_at
        segs = [c for c in _sig_cells(lines[name_at].text) if not _SIGNED_MARK.match(c)]
        title: list[str] = [c for c in segs[:-1] if _is_upper_line(c) or _SIG_AUTHORITY.match(c)]
        name = segs[-1] if segs else plain(lines[name_at].text)
        sig_start = name_at
        while k - 1 >= start:
            raw = lines[k - 1].text
            q = plain(raw).strip("| ")
            cells = _sig_cells(raw)
            if not q or _SIGNED_MARK.match(q):
                k -= 1
                continue
            if _is_upper_line(q) or _SIG_AUTHORITY.match(q):
                title.insert(0, q)
                k -= 1
                sig_start = k
                continue
            if len(cells) > 1 and (_is_upper_line(cells[-1]) or _SIG_AUTHORITY.match(cells[-1])):
                title.insert(0, cells[-1])
                k -= 1
                sig_start = k
                continue
            if noi_at >= 0 and k - 1 >= noi_at and (q.startswith(("-", "+", "•")) or _NOI_NHAN.match(cells[0])):
                k -= 1  # a line of the Nơi nhận list between the title and the name's column
                continue
            break
        lay.signer = Signer(name=name, title=" / ".join(title))
        lay.signer_line = lines[name_at].no
        body_end = min(body_end, sig_start)
    if noi_at >= 0:
        body_end = min(body_end, noi_at)
        # the name's own line may end the list: "- Lưu: VT.      Cao Văn Trọng"
        stop = name_at + 1 if name_at > noi_at else end
        for j in range(noi_at + 1, stop):
            q = _first_cell(lines[j].text)
            if q.startswith(("-", "+", "•")):
                lay.noi_nhan.append(q.lstrip("-+• ").strip().rstrip(";.,").strip())
    # Everything from body_end up to end that is not the body: verbatim closing lines.
    lay.closing = [lines[j].text for j in range(body_end, end) if lines[j].text.strip()]
    return body_end


def _first_cell(text: str) -> str:
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\s{3,}", plain(text)) if c.strip()]
    return cells[0] if cells else ""


# --- body blocks -------------------------------------------------------------------

_RANKS = {"annex": 0, "chapter": 0, "article": 1, "roman": 1, "code": 2, "bullet-": 7, "bullet+": 8}


@dataclass
class _Open:
    rank: int
    anchor: str
    kind: str
    children: int = 0
    bullets: int = 0
    paras: int = 0


def _classify(text: str, in_annex: bool) -> tuple[BlockKind, str, int, str]:
    """(kind, label, rank, token) for one body line; rank -1 means a paragraph."""
    is_md_heading = bool(re.match(r"^\s*#{1,6}\s", text))
    p = plain(text)
    if p.startswith("|"):
        return "table", "", -1, "bang"
    if (m := _ANNEX.match(p)) and (m.group("label") or not m.group("title")):
        number = m.group("label") or ""
        return "heading", f"Phụ lục {number}".strip(), 0, "pl-" + (slugify(number) or "kem-theo")
    if m := _CHAPTER.match(p):
        return "heading", f"{m.group('kind')} {m.group('label')}", 0, slugify(m.group("kind")) + "-" + slugify(m.group("label"))
    if m := _ARTICLE.match(p):
        return "heading", f"Điều {m.group('label')}", 1, "dieu-" + slugify(m.group("label"))
    if m := _ROMAN.match(p):
        return "heading", m.group("label"), 1, "muc-" + m.group("label").lower()
    if in_annex and (m := _CODE.match(p)):
        return "heading", m.group("label"), 2, m.group("label")
    kind: BlockKind = "heading" if is_md_heading else "item"
    if m := _NUMBERED.match(p):
        label = m.group("label")
        depth = label.count(".") + 1
        return kind, label, 2 + depth, "m" + label.replace(".", "-")
    if m := _LETTER.match(p):
        letter = m.group("label")
        return kind, letter, 6, "dd" if letter == "đ" else letter
    if m := _BULLET.match(p):
        mark = m.group("label")
        return "bullet", mark, 8 if mark == "+" else 7, "*b"
    if is_md_heading:
        return "heading", "", 2, slugify(p)[:40] or "h"
    return "para", "", -1, "p"


def parse_body(lines: list[Line]) -> list[Block]:
    """Blocks with a stable anchor each, derived from the label path."""
    blocks: list[Block] = []
    stack: list[_Open] = []
    used: set[str] = set()
    annex = ""
    annex_anchor = ""
    top_counts = {"p": 0, "b": 0, "bang": 0}
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text.strip():
            i += 1
            continue
        text = ln.text.strip()
        kind, label, rank, token = _classify(text, bool(annex))
        if kind == "table":
            rows = [text]
            while i + 1 < len(lines) and lines[i + 1].text.strip().startswith("|"):
                i += 1
                rows.append(lines[i].text.strip())
            text = "\n".join(rows)
        if kind == "para" and _CLOSING.match(plain(text)):
            stack.clear()
        if token.startswith("pl-"):
            annex = label
            annex_anchor = token
            stack.clear()
        parent = stack[-1] if stack else None
        if rank >= 0:
            while stack and stack[-1].rank >= rank:
                stack.pop()
            parent = stack[-1] if stack else None
            if token == "*b":
                # Bullets are counted within their parent.
                if parent:
                    parent.bullets += 1
                    token = f"b{parent.bullets}"
                else:
                    top_counts["b"] += 1
                    token = f"b{top_counts['b']}"
            is_numbered = token.startswith("m") and bool(_NUMBERED.match(plain(text)))
            if parent and parent.kind == "article" and is_numbered and "-" not in token:
                token = "k" + token[1:]  # khoản of an Điều
                is_numbered = False
            if token.startswith(("pl-", "chuong-", "phan-")):
                prefix = ""
            elif kind == "heading" and re.fullmatch(r"\d{4}", token):
                prefix = annex_anchor
            elif is_numbered:
                # "1.1" already carries its path: hang it from the nearest non-numbered ancestor.
                # (A roman section "II." keeps its "1." apart from section "I."'s "1.".)
                prefix = next((o.anchor for o in reversed(stack) if o.kind != "item"), "")
            else:
                prefix = _prefix_of(stack, skip_roman=True)
            if not prefix and annex and not token.startswith("pl-"):
                prefix = annex_anchor
            anchor = f"{prefix}-{token}" if prefix else token
        else:
            # Paragraphs and tables hang from the innermost open block that is not a bullet.
            container = next((o for o in reversed(stack) if not o.kind.startswith("bullet")), None)
            key = "bang" if kind == "table" else "p"
            if container:
                if key == "p":
                    container.paras += 1
                    n = container.paras
                else:
                    container.children += 1
                    n = container.children
                anchor = f"{container.anchor}-{key}{n}"
                parent = container
            else:
                top_counts[key] += 1
                anchor = f"{annex_anchor + '-' if annex else ''}{key}{top_counts[key]}"
                parent = None
        base = anchor
        k = 2
        while anchor in used:
            anchor = f"{base}-{k}"
            k += 1
        used.add(anchor)
        level = len([o for o in stack]) if rank >= 0 else (len(stack))
        blocks.append(
            Block(
                kind=kind,
                text=text,
                line=ln.no,
                anchor=anchor,
                level=level,
                label=label,
                parent=parent.anchor if parent else "",
                annex=annex,
            )
        )
        if rank >= 0:
            okind = {
                0: "annex" if token.startswith("pl-") else "chapter",
                1: "article" if label.startswith("Điều") else "roman",
                2: "code" if re.fullmatch(r"\d{4}", label) else "item",
            }.get(rank, "item")
            if kind == "bullet":
                okind = "bullet" + label
            stack.append(_Open(rank=rank, anchor=anchor, kind=okind))
        i += 1
    return blocks


def _prefix_of(stack: list[_Open], skip_roman: bool) -> str:
    for o in reversed(stack):
        if skip_roman and o.kind == "roman":
            continue
        return o.anchor
    return ""


# --- news ----------------------------------------------------------------------


# A byline: "Thu Trang", "PHƯƠNG LAN" (portals often print it in capitals),
# "Minh Châu (Sở LĐ-TB&XH)", "Bài, ảnh: Hoàng Anh".
_UPPER_NAME = re.compile(r"^(?:[A-ZÀ-ỸĐ]+\s+){1,4}[A-ZÀ-ỸĐ]+$")
_BYLINE = re.compile(
    r"^(?:(?:Bài\s+và\s+ảnh|Bài,\s*ảnh|Tin,\s*ảnh|Tin\s+và\s+ảnh|Bài|Tin|Tác\s+giả)\s*:\s*)?"
    r"(?P<name>[^()\d:;,.]{3,40}?)\s*(?:\([^()]{1,60}\))?$"
)


def _byline(text: str) -> str:
    """The author's name when ``text`` (an article's last line) is a byline, else ""."""
    m = _BYLINE.match(text)
    if not m:
        return ""
    name = m.group("name").strip()
    if _NAME.match(name) or (_UPPER_NAME.match(name) and _is_upper_line(name)):
        return name
    return ""


def _news(lines: list[Line], lay: Layout) -> list[Line]:
    """Headline, date and byline of a news article; returns the body lines."""
    content = [ln for ln in lines if plain(ln.text)]
    body: list[Line] = list(content)
    for ln in content[:4]:
        if m := _NEWS_DATE.match(plain(ln.text)):
            lay.date = iso_date(m.group("y"), m.group("m"), m.group("d"))
            lay.date_line = ln.no
            lay.date_text = plain(ln.text)
            body.remove(ln)
            break
    if body:
        head = body.pop(0)
        lay.subject = plain(head.text)
        lay.subject_line = head.no
    if body and (byline := _byline(plain(body[-1].text))):
        last = body.pop()
        lay.signer = Signer(name=byline, title="")
        lay.signer_line = last.no
        lay.closing = [last.text]
    lay.doc_type = "Tin bài"
    lay.is_news = True
    return body


def parse_layout(cleaned: Cleaned) -> Layout:
    lay = Layout()
    lines = split_columns(list(cleaned.lines))
    start = _header(lines, lay)
    if not (lay.doc_type or lay.number_line or lay.date_line or lay.header):
        content = [ln for ln in lines if plain(ln.text)]
        if any(_NEWS_DATE.match(plain(ln.text)) for ln in content[:4]):
            lay.body = parse_body(_news(lines, lay))
            return lay
        # Neither an administrative header nor a dated news item: keep every line as body, say so.
        first = content[0].no if content else 1
        lay.warnings.append(
            f"line {first}: không nhận ra bố cục văn bản (không có Số, ngày tháng, tên loại, hay ngày đăng tin); "
            "kiểm tra tệp có đủ phần đầu văn bản"
        )
        lay.body = parse_body(lines)
        return lay
    if not lay.doc_type:
        if lay.subject and lay.number_line:
            lay.doc_type = "Công văn"  # "V/v …" under the number is how a Công văn prints its trích yếu
        else:
            form = lay.symbol.split("-")[0] if lay.symbol else ""
            lay.doc_type = FORM_TYPES.get(form, "")
            if lay.doc_type:
                lay.warnings.append(f"line {lay.number_line}: loại văn bản suy từ ký hiệu {form}")
            else:
                lay.warnings.append("line 1: không tìm thấy tên loại văn bản")
    annex_at = _find_annex_start(lines, start)
    body_end = _closing(lines, start, annex_at, lay)
    lay.body = parse_body(lines[start:body_end] + lines[annex_at:])
    if not lay.signer.name:
        lay.warnings.append("line 1: không tìm thấy người ký")
    if not lay.subject:
        lay.warnings.append(f"line {lay.type_line or 1}: không tìm thấy trích yếu")
    return lay


def footnote_marker_re() -> re.Pattern[str]:
    return re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")


__all__ = ["Layout", "parse_layout", "parse_body", "plain", "fold", "iso_date"]
