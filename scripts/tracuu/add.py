"""``tracuu add FILE``: bring a .docx, .txt or .md into ``sources/`` as NFC UTF-8 text.

A .docx (what provincial offices send) is read with python-docx: paragraphs in
order, bold runs as ``**bold**``, Word's automatic numbering written out as the
reader sees it ("1.", "a)", "-"), tables as pipe rows, footnotes as
superscript markers with their text at the end (the form ``parse/clean.py``
already reads). The text is parsed once to name the file from its header
(date, type, number) and to show what was recognised; every problem is
printed as ``path:line: message``. Nothing in ``sources/`` is overwritten.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracuu.model.records import Document
from tracuu.model.textutil import SUPERSCRIPT_DIGITS, slugify
from tracuu.parse.decode import read_text
from tracuu.pipeline import parse_text
from tracuu.sources import name_problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 200 * 1024 * 1024


@dataclass
class Converted:
    text: str
    problems: list[str] = field(default_factory=list)  # "line N: message"


def _sup(n: int) -> str:
    return "".join(SUPERSCRIPT_DIGITS[int(d)] for d in str(n))


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
    if fmt == "upperLetter":
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26]
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


class _Numbering:
    """Word's list numbering (numbering.xml): the label each numbered paragraph shows."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            a = abstract.get(ref.get(W + "val")) if ref is not None else None
            if a is None:
                continue
            for lvl in a.iter(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                start = lvl.find(W + "start")
                self.levels[(num.get(W + "numId") or "", int(lvl.get(W + "ilvl") or 0))] = (
                    fmt.get(W + "val") if fmt is not None else "decimal",
                    text.get(W + "val") if text is not None else "%1.",
                    int(start.get(W + "val")) if start is not None else 1,
                )

    def label(self, p: Any) -> str:
        num_pr = p._p.find(f"{W}pPr/{W}numPr")
        style = p.style
        while num_pr is None and style is not None:  # "List Number" carries its numbering in the style
            num_pr = style.element.find(f"{W}pPr/{W}numPr")
            style = style.base_style
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
        num_id = num_id_el.get(W + "val") if num_id_el is not None else ""
        ilvl = int(ilvl_el.get(W + "val")) if ilvl_el is not None else 0
        if (num_id, ilvl) not in self.levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        fmt, text, start = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def level_value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            k_fmt = self.levels.get((num_id, k), ("decimal", "", 1))[0]
            return _format_number(counters[k] or 1, k_fmt)

        return re.sub(r"%(\d)", level_value, text)


def _runs_text(p: Any, notes: dict[str, str], order: list[str]) -> str:
    """A paragraph's text, bold runs as **…**, footnote references as superscript numbers."""
    parts: list[tuple[bool, str]] = []
    for r in p._p.iter(W + "r"):
        bold_el = r.find(f"{W}rPr/{W}b")
        bold = bold_el is not None and bold_el.get(W + "val") not in ("0", "false")
        text = ""
        for child in r:
            if child.tag == W + "t":
                text += child.text or ""
            elif child.tag == W + "tab":
                text += " "
            elif child.tag in (W + "br", W + "cr"):
                text += "\n"
            elif child.tag == W + "footnoteReference":
                fid = child.get(W + "id") or ""
                if fid in notes:
                    order.append(fid)
                    text += _sup(len(order))
        if text:
            if parts and parts[-1][0] == bold:
                parts[-1] = (bold, parts[-1][1] + text)
            else:
                parts.append((bold, text))
    out = []
    for bold, text in parts:
        core = text.strip()
        if bold and core and "*" not in core:
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(text)
    return "".join(out)


def _footnotes(document: Any) -> dict[str, str]:
    """{footnote id: text} from the footnotes part (python-docx has no API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            from docx.oxml.parser import parse_xml  # python-docx's hardened parser (no entities, no network)

            root = parse_xml(rel.target_part.blob)
            out: dict[str, str] = {}
            for fn in root.iter(W + "footnote"):
                fid = fn.get(W + "id") or ""
                if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join("".join(t.text or "" for t in p.iter(W + "t")).strip() for p in fn.iter(W + "p")).strip()
                if text:
                    out[fid] = text
            return out
    return {}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def docx_to_text(path: Path) -> Converted:
    """The text of a .docx, in reading order."""
    size = path.stat().st_size
    if size > MAX_DOCX_BYTES:
        return Converted("", [f"line 1: tệp quá lớn ({size / 1e6:.0f} MB)"])
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNZIPPED:
                return Converted("", ["line 1: tệp .docx giải nén quá lớn; kiểm tra lại tệp"])
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any broken .docx is the editor's problem, not a traceback
        return Converted("", [f"line 1: không mở được tệp .docx ({type(exc).__name__}); mở bằng Word và lưu lại"])
    numbering = _Numbering(document)
    notes = _footnotes(document)
    order: list[str] = []
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _runs_text(item, notes, order).strip()
            label = numbering.label(item)
            if label and text:
                text = f"{label} {text}"
            lines.extend(text.split("\n") if text else [""])
        elif isinstance(item, Table):
            rows = [[_cell(c.text) for c in row.cells] for row in item.rows]
            if rows:
                lines.append("")
                lines.append("| " + " | ".join(rows[0]) + " |")
                lines.append("|" + "---|" * len(rows[0]))
                lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
                lines.append("")
    if order:
        lines.append("")
        lines.extend(f"{_sup(i)} {notes[fid]}" for i, fid in enumerate(order, 1))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in lines)).strip() + "\n"
    return Converted(unicodedata.normalize("NFC", text))


def convert(path: Path) -> Converted:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_to_text(path)
    if suffix in (".txt", ".md", ".text"):
        text, warnings, refused = read_text(path)
        if refused:
            return Converted("", [refused])
        return Converted(unicodedata.normalize("NFC", text), warnings)
    return Converted("", [f"line 1: không nhận loại tệp '{suffix}'; dùng .docx, .txt hoặc .md"])


def file_name(doc: Document, fallback: str) -> str:
    """``2023-10-10-cong-van-5310-ubnd-kgvx.txt`` from the header; the input's own name when the header says nothing."""
    parts = [doc.date, slugify(doc.doc_type), slugify(doc.number.replace("/", "-"))]
    stem = "-".join(p for p in parts if p)
    if not doc.doc_type or not (doc.number or doc.date):
        stem = slugify(fallback) or "van-ban"
    return stem[:120].strip("-") + ".txt"


def summary(doc: Document, dest: str) -> list[str]:
    out = [
        f"Loại văn bản: {doc.doc_type or '(không nhận ra)'}",
        f"Số, ký hiệu: {doc.number or '(không có)'}",
        f"Ngày: {doc.date or '(không nhận ra)'}",
        f"Cơ quan ban hành: {doc.issuer or '(không xác định)'}",
        f"Trích yếu: {doc.subject or '(không có)'}",
        f"Trích dẫn: {len(doc.citations)}",
    ]
    out += [f"  - dòng {c.line}: {f'{c.type} {c.number}' if c.number else c.title or c.text}" for c in doc.citations[:20]]
    roles = Counter((d.agency, d.role) for d in doc.duties)
    out.append(f"Nhiệm vụ: {len(doc.duties)}")
    out += [f"  - {agency} ({role}): {n}" for (agency, role), n in sorted(roles.items())]
    out += [f"{dest}:{w.removeprefix('line ')}" for w in doc.warnings]
    return out


def add(src: Path, sources: Path, dry_run: bool = False, name: str | None = None) -> tuple[int, list[str]]:
    """(exit code, lines to print)."""
    if not src.is_file() or src.is_symlink():
        return 1, [f"{src}:1: không phải tệp thường"]
    converted = convert(src)
    if not converted.text.strip():
        return 1, [f"{src}:{p.removeprefix('line ')}" for p in converted.problems] or [f"{src}:1: tệp không có chữ"]
    doc = parse_text(converted.text, source=str(src), warnings=converted.problems)
    target_name = name or file_name(doc, src.stem)
    if why := name_problem(target_name):
        return 1, [f"{target_name}:1: {why}"]
    target = sources / target_name
    rel = f"{sources.name}/{target_name}"
    lines = summary(doc, rel)
    if target.exists() or target.is_symlink():
        return 1, [*lines, f"{rel}:1: đã có tệp này; không ghi đè (dùng --name để đặt tên khác)"]
    if not dry_run:
        sources.mkdir(parents=True, exist_ok=True)
        target.write_text(converted.text, encoding="utf-8")
        lines.insert(0, f"Đã ghi {rel}")
    else:
        lines.insert(0, f"(thử) sẽ ghi {rel}")
    return 0, lines


def main(src: Path, sources: Path, dry_run: bool, name: str | None) -> int:
    code, lines = add(src, sources, dry_run, name)
    for line in lines:
        print(line, file=sys.stdout if code == 0 else sys.stderr)
    return code
