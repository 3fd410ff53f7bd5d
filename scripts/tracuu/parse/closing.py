"""The closing of an administrative document: signature and Nơi nhận (NĐ 30/2020, Phụ lục I).

Read from the end of the main text backwards: the signer's name, the title
lines above it (KT./TM. …, upper case), and the Nơi nhận list, which a
two-column copy may print beside the signature on the same lines.
"""

from __future__ import annotations

import re

from tracuu.model.records import Signer
from tracuu.model.textutil import plain
from tracuu.parse.clean import Line
from tracuu.parse.common import NAME, SIG_AUTHORITY, Layout, is_annex_heading, is_upper_line

_NOI_NHAN = re.compile(r"^Nơi nhận\s*:?\s*$", re.I)
# "(Đã ký)", "[đã ký]", "(Ký, đóng dấu)": a copy's note where the signature was; not a title, not a name.
_SIGNED_MARK = re.compile(
    r"^[(\[]?\s*(?:đã\s+ký(?:\s+và\s+đóng\s+dấu)?|ký\s*(?:tên)?\s*(?:,|và)?\s*đóng\s+dấu)\s*[)\]]?\.?$", re.I
)
_GAP = re.compile(r"\s*\|\s*|\s{2,}")
# A recipient ends with ";" or "," (the last with "."); a signer's title never does.
_LIST_GOES_ON = re.compile(r"[;,]\s*$")


def _sig_cells(text: str) -> list[str]:
    """A closing line's cells: Nơi nhận on the left and the signature on the right share
    lines when a two-column table is pasted as text ("- Lưu: VT.      Cao Văn Trọng",
    "- Lưu: VT. | KT. BỘ TRƯỞNG", "Trần Thị Mai |")."""
    return [c.strip() for c in _GAP.split(text.replace("*", "")) if c.strip()]


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)


def unfold_signature_tables(lines: list[Line]) -> list[Line]:
    """A closing laid out as a table row ("| Nơi nhận:<br>- …<br>- Lưu VT. | T/L BAN BÍ THƯ<br>CHÁNH VĂN
    PHÒNG<br><br>Nguyễn Văn Nên |") becomes one line per printed line, cells side by side
    ("- Lưu VT. | Nguyễn Văn Nên"), the layout the closing reader knows; its rule row goes.
    """
    out: list[Line] = []
    unfolded = -1  # the line number of the last row unfolded
    for ln in lines:
        cells = [c for c in re.split(r"\s*\|\s*", ln.text.strip().strip("|")) if c.strip()] if "<br" in ln.text else []
        parts = [_BR.split(c) for c in cells]
        if len(cells) >= 1 and any(_NOI_NHAN.match(p[0]) or any(_is_title(x) for x in p) for p in parts):
            depth = max(len(p) for p in parts)
            out += [Line(ln.no, " | ".join(p[i] if i < len(p) else "" for p in parts).strip(" |")) for i in range(depth)]
            unfolded = ln.no
            continue
        if _TABLE_RULE.match(ln.text) and unfolded == ln.no - 1:
            continue  # the "|---|---|" under an unfolded row (a "---" anywhere else is text and stays)
        out.append(ln)
    return out


def _is_title(text: str) -> bool:
    return bool(SIG_AUTHORITY.match(text) or re.match(r"^(?:T/M|K/T|T/L|TM|KT|TL)\s", text))


def find_annex_start(lines: list[Line], start: int) -> int:
    """Index of the first annex heading at or after ``start`` (``len(lines)`` when none)."""
    for j in range(start, len(lines)):
        if is_annex_heading(plain(lines[j].text)):
            return j
    return len(lines)


def read_closing(lines: list[Line], start: int, end: int, lay: Layout) -> int:
    """Find Nơi nhận and the signature between ``start`` and ``end``; return where the body ends."""
    name_at = _name_line(lines, start, end)
    noi_at = next((j for j in range(start, end) if _NOI_NHAN.match(_first_cell(lines[j].text))), -1)
    body_end = end
    if name_at >= 0:
        body_end = min(body_end, _signatures(lines, start, name_at, noi_at, lay))
    if noi_at >= 0:
        body_end = min(body_end, noi_at)
        # the name's own line may end the list: "- Lưu: VT.      Cao Văn Trọng"
        stop = name_at + 1 if name_at > noi_at else end
        open_item = False
        for j in range(noi_at + 1, stop):
            q = _first_cell(lines[j].text)
            if q.startswith(("-", "+", "•")):
                lay.noi_nhan.append(q.lstrip("-+• ").strip().rstrip(";.,").strip())
                open_item = _first_cell(lines[j].text).rstrip().endswith(",")
            elif lay.noi_nhan and open_item and _LIST_GOES_ON.search(q):
                # "- VP UBND tỉnh: LĐVP, KGVX," / "TTTT, TTPVHCC;": one recipient wrapped over two lines
                lay.noi_nhan[-1] = f"{lay.noi_nhan[-1]}, {q.rstrip(';.,').strip()}"
                open_item = False
    # Everything from body_end up to end that is not the body: verbatim closing lines.
    lay.closing = [lines[j].text for j in range(body_end, end) if lines[j].text.strip()]
    return body_end


def _name_line(lines: list[Line], start: int, end: int) -> int:
    """Index of the signer's name, searched upwards from ``end``; -1 when there is none."""
    for j in range(end - 1, start - 1, -1):
        segs = [c for c in _sig_cells(lines[j].text) if not _SIGNED_MARK.match(c)]
        last = segs[-1] if segs else ""
        if NAME.match(last) and len(last) <= 40:
            return j
        q = plain(lines[j].text).strip("| ")
        if q and not is_upper_line(q) and not _SIGNED_MARK.match(q):
            # Only upper-case titles, blank lines and the Nơi nhận list may follow a signature name.
            if not (q.startswith("-") or _NOI_NHAN.match(q)):
                break
    return -1


def _signature(lines: list[Line], start: int, name_at: int, noi_at: int, lay: Layout) -> int:
    """Signer's name and title into ``lay``; return the index where the signature starts.

    Walk back over the title lines (upper case, KT./TM.) to the signature's start. A title
    printed beside the Nơi nhận list is its line's last cell; the list's own lines are passed over.
    """
    k = name_at
    segs = [c for c in _sig_cells(lines[name_at].text) if not _SIGNED_MARK.match(c)]
    title: list[str] = [c for c in segs[:-1] if is_upper_line(c) or SIG_AUTHORITY.match(c)]
    name = segs[-1] if segs else plain(lines[name_at].text)
    sig_start = name_at
    while k - 1 >= start:
        kind, text = _above_name(lines[k - 1].text, k - 1, noi_at)
        if kind == "stop":
            break
        k -= 1
        if kind == "title":
            title.insert(0, text)
            sig_start = k
    lay.signer = Signer(name=name, title=" / ".join(title))
    lay.signer_line = lines[name_at].no
    return sig_start


def _above_name(raw: str, at: int, noi_at: int) -> tuple[str, str]:
    """Line ``at``, above a signer's name: ("title", its title text), ("pass", "") or ("stop", "")."""
    q = plain(raw).strip("| ")
    cells = _sig_cells(raw)
    if not q or _SIGNED_MARK.match(q):
        return "pass", ""
    if noi_at >= 0 and at > noi_at and _LIST_GOES_ON.search(q):
        return "pass", ""  # an upper-case line of the Nơi nhận list ("TTTT, TTPVHCC;"), wrapped from the item above
    if is_upper_line(q) or SIG_AUTHORITY.match(q):
        return "title", q
    if len(cells) > 1 and (is_upper_line(cells[-1]) or SIG_AUTHORITY.match(cells[-1])):
        return "title", cells[-1]
    if noi_at >= 0 and at >= noi_at and (q.startswith(("-", "+", "•")) or _NOI_NHAN.match(cells[0])):
        return "pass", ""  # a line of the Nơi nhận list between the title and the name's column
    return "stop", ""


def _signatures(lines: list[Line], start: int, name_at: int, noi_at: int, lay: Layout) -> int:
    """Every signature of the closing into ``lay.signers`` (printed order; ``lay.signer`` is the first).

    A joint document signs side by side (the name line holds two names: "Nguyễn Văn A | Trần Thị B")
    or one block under another; return where the first signature starts.
    """
    names = _names_in(lines[name_at].text)
    if len(names) > 1:
        return _side_by_side(lines, start, name_at, names, lay)
    sig_start = _signature(lines, start, name_at, noi_at, lay)
    signers = [lay.signer]
    while (above := _name_above(lines, start, sig_start)) >= 0:
        sig_start = _signature(lines, start, above, noi_at, lay)
        signers.insert(0, lay.signer)
    lay.signer, lay.signers = signers[0], signers  # the topmost block was read last: signer_line is its name's
    return sig_start


def _names_in(text: str) -> list[str]:
    return [c for c in _sig_cells(text) if NAME.match(c) and len(c) <= 40 and not _SIGNED_MARK.match(c)]


def _name_above(lines: list[Line], start: int, sig_start: int) -> int:
    """The name line of another signature right above the one starting at ``sig_start``; -1 when none."""
    j = sig_start - 1
    while j >= start and (not plain(lines[j].text).strip("| ") or _SIGNED_MARK.match(plain(lines[j].text).strip())):
        j -= 1
    if j < start or len(_names_in(lines[j].text)) != 1:
        return -1
    k = j - 1  # a signer's name has its title (upper case) right above it
    while k >= start and (not plain(lines[k].text).strip("| ") or _SIGNED_MARK.match(plain(lines[k].text).strip())):
        k -= 1
    q = plain(lines[k].text).strip("| ") if k >= start else ""
    return j if q and (is_upper_line(q) or SIG_AUTHORITY.match(q)) else -1


def _side_by_side(lines: list[Line], start: int, name_at: int, names: list[str], lay: Layout) -> int:
    """Signatures printed in columns: each title line with one cell per name gives each its line."""
    titles: list[list[str]] = [[] for _ in names]
    k = name_at
    while k - 1 >= start:
        raw = lines[k - 1].text
        cells = [c for c in _sig_cells(raw) if not _SIGNED_MARK.match(c)]
        if not plain(raw).strip("| ") or (cells == [] and raw.strip()):
            k -= 1
            continue
        if len(cells) != len(names) or not all(is_upper_line(c) or SIG_AUTHORITY.match(c) for c in cells):
            break
        for col, cell in enumerate(cells):
            titles[col].insert(0, cell)
        k -= 1
    lay.signers = [Signer(name=n, title=" / ".join(t)) for n, t in zip(names, titles, strict=True)]
    lay.signer = lay.signers[0]
    lay.signer_line = lines[name_at].no
    return k


def _first_cell(text: str) -> str:
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\s{3,}", plain(text)) if c.strip()]
    return cells[0] if cells else ""
