"""Parse the layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP).

Input: cleaned lines. Output: header facts (issuer, số/ký hiệu, place, date,
type, trích yếu, kính gửi), the body as structural blocks with stable
anchors, the signature, the Nơi nhận list and the annexes. News articles
(no Số, no Quốc hiệu, no type line) are recognised by their date line and
give headline, date and byline.

The parts live in ``header``, ``body``, ``closing`` and ``news``; this module
runs them in order. Nothing here looks for citations or duties: later steps
work on the blocks.
"""

from __future__ import annotations

from tracuu.model.textutil import plain
from tracuu.parse.body import parse_body
from tracuu.parse.clean import Cleaned, Line
from tracuu.parse.closing import find_annex_start, read_closing, unfold_signature_tables
from tracuu.parse.common import Layout, form_types
from tracuu.parse.header import read_header, split_columns
from tracuu.parse.news import looks_like_news, read_news


def parse_layout(cleaned: Cleaned) -> Layout:
    lay = Layout()
    lines = split_columns(list(cleaned.lines))
    start = read_header(lines, lay)
    if not (lay.doc_type or lay.number_line or lay.date_line or lay.header):
        lay, start = _header_below_stray_lines(lines, lay, start)
    if not (lay.doc_type or lay.number_line or lay.date_line or lay.header):
        if looks_like_news(lines):
            lay.body = parse_body(read_news(lines, lay))
            return lay
        # Neither an administrative header nor a dated news item: keep every line as body, say so.
        content = [ln for ln in lines if plain(ln.text)]
        first = content[0].no if content else 1
        lay.warnings.append(
            f"line {first}: không nhận ra bố cục văn bản (không có Số, ngày tháng, tên loại, hay ngày đăng tin); "
            "kiểm tra tệp có đủ phần đầu văn bản"
        )
        lay.body = parse_body(lines)
        return lay
    if not lay.doc_type:
        _type_from_number(lay)
    lines = lines[:start] + unfold_signature_tables(lines[start:])
    annex_at = find_annex_start(lines, start)
    body_end = read_closing(lines, start, annex_at, lay)
    lay.body = parse_body(lines[start:body_end] + lines[annex_at:])
    if not lay.signer.name:
        lay.warnings.append("line 1: không tìm thấy người ký")
    if not lay.subject:
        lay.warnings.append(f"line {lay.type_line or 1}: không tìm thấy trích yếu")
    return lay


def _header_below_stray_lines(lines: list[Line], lay: Layout, start: int) -> tuple[Layout, int]:
    """A header under a line or two that are not the document's (a copied site's name, "Hệ thống
    pháp luật"): read from below them when a number and a date or type follow; say what was passed over."""
    content = [j for j, ln in enumerate(lines) if plain(ln.text)]
    for k in content[1:3]:
        below = Layout()
        at = read_header(lines[k:], below)
        if below.number_line and (below.date_line or below.doc_type):
            skipped = [ln for ln in lines[:k] if plain(ln.text)]
            # Kept as printed above the header: nothing of the source is lost.
            below.header[:0] = [ln.text.strip() for ln in skipped]
            below.warnings.append(
                f"line {skipped[0].no}: {len(skipped)} dòng trước phần đầu văn bản "
                f"(\"{plain(skipped[0].text)[:40]}\") được giữ như dòng đầu trang; xóa nếu không thuộc văn bản"
            )
            return below, k + at
    return lay, start


def _type_from_number(lay: Layout) -> None:
    """No type line: a "V/v …" under the number is a Công văn; else the form code of the ký hiệu says."""
    if lay.subject and lay.number_line:
        lay.doc_type = "Công văn"  # "V/v …" under the number is how a Công văn prints its trích yếu
        return
    form = lay.sokyhieu.form if lay.sokyhieu else ""
    lay.doc_type = form_types().get(form, "")
    if lay.doc_type:
        lay.warnings.append(f"line {lay.number_line}: loại văn bản suy từ ký hiệu {form}")
    else:
        lay.warnings.append("line 1: không tìm thấy tên loại văn bản")


__all__ = ["Layout", "parse_layout", "parse_body"]
