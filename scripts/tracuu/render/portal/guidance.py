"""Guidance pages (``data/guidance.yml``): "Khi trẻ em gặp nguy hiểm", parents, teachers.

Plain-language steps, each statement followed by links to the articles and
clauses it rests on (resolved once per build into ``CorpusIndex.basis_links``).
The number to dial comes first, as a ``tel:`` button. Verbatim quotations from
the provinces' and districts' documents (chosen in ``resolve.guidance``) are
folded below under "Trích văn bản" and kept out of the search index; the codified
national texts (Luật, Nghị định … with their articles) are not quoted there: the
statements link their articles, and keyword-picked paragraphs of them (budget
rules, funeral-support forms) buried the local instructions. The parents' page
quotes no duty list.
"""

from __future__ import annotations

import re
from collections import defaultdict

from tracuu.model.corpus import Corpus
from tracuu.model.guidance import Basis, GuidancePage, Statement
from tracuu.model.index import REPORTING_ID, CorpusIndex, Guidance, Quote
from tracuu.model.textutil import collation_key
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import (
    EXCLUDED_CLOSE,
    EXCLUDED_OPEN,
    READER_BOOST,
    agency_href,
    front_matter,
    locator,
    quote,
    short_title,
    source_link,
)
from tracuu.render.portal.hotlines import call_button, hotline_box, national_line

# Page id in data/guidance.yml → file name under huong-dan/ (the danger page is the folder's index).
FILE_NAMES = {"khi-tre-em-gap-nguy-hiem": "index"}
# Page id → the quotes (``CorpusIndex.guidance`` key) folded under "Trích văn bản", and whether duties are quoted.
QUOTES = {"khi-tre-em-gap-nguy-hiem": (REPORTING_ID, False), "giao-vien": ("giao-vien", True), "phu-huynh": ("phu-huynh", False)}


def file_name(page_id: str) -> str:
    return FILE_NAMES.get(page_id, page_id)


def basis_md(b: Basis, corpus: Corpus, index: CorpusIndex) -> str:
    """ "[khoản 1 Điều 25 Nghị định 56/2017/NĐ-CP](…#dieu-25-khoan-1)" or the corpus document and clause."""
    target = index.basis_links.get(b)
    if not b.is_instrument:
        doc = corpus.document(b.document)
        if doc is None or target is None or not target.kind:
            return escape_inline(b.document)
        where = locator(doc, b.anchor)
        label = f"{short_title(doc)}, {where}" if where else short_title(doc)
        return link(escape_inline(label), urls.document(doc.id, urls.GUIDANCE, b.anchor))
    name = target.name if target else f"văn bản số {b.instrument}"
    label = escape_inline(f"{b.label()} {name}")
    if target is None or not target.kind:
        return label
    if target.kind == "document":
        return link(label, urls.document(target.page, urls.GUIDANCE, target.anchor))
    return link(label, urls.instrument(target.page, urls.GUIDANCE))


def _statement_text(st: Statement) -> str:
    text = escape_inline(st.text)
    if st.tel:
        text = re.sub(rf"(?<![0-9]){re.escape(st.tel)}(?![0-9])", f"[{st.tel}](tel:{st.tel})", text, count=1)
    return text


def _statement_md(st: Statement, marker: str, corpus: Corpus, index: CorpusIndex) -> str:
    bases = "; ".join(basis_md(b, corpus, index) for b in st.basis)
    return f"{marker} {_statement_text(st)}  \n   <small class=\"tracuu-basis\">Theo {bases}.</small>"


def _call_button(page: GuidancePage, index: CorpusIndex) -> str:
    """The first number the page tells readers to dial, as a big tel: button."""
    tel = next((st.tel for st in page.statements() if st.tel), "")
    if not tel:
        return ""
    line = national_line(index)
    return call_button(tel, line[0] if line and line[1] == tel else "")


def _duties_md(duties: tuple[Quote, ...]) -> list[str]:
    out: list[str] = []
    by_agency: dict[str, list[Quote]] = defaultdict(list)
    names: dict[str, str] = {}
    for q in duties:
        if q.duty is not None:  # always, for a duty quote
            by_agency[q.duty.agency_id].append(q)
            names[q.duty.agency_id] = q.duty.agency
    for aid in sorted(by_agency, key=lambda a: (not by_agency[a][0].whole, collation_key(names[a]))):
        out.append(f"**{link(escape_inline(names[aid]), agency_href(aid, urls.GUIDANCE))}**\n")
        for q in by_agency[aid]:
            role = q.duty.role if q.duty else ""
            out.append(quote(q.text))
            out.append("")
            out.append(f"Theo {source_link(q.doc, q.anchor)}" + (f" · vai trò: {escape_inline(role)}" if role else "") + "\n")
    return out


# A quoted passage and whether it is a duty (grouped by agency) or a paragraph.
_Quoted = tuple[bool, Quote]


def _quote_body(quotes: list[_Quoted]) -> list[str]:
    body = _duties_md(tuple(q for is_duty, q in quotes if is_duty))
    for is_duty, q in quotes:
        if not is_duty:
            body.append(quote(q.text))
            body.append("")
            body.append(f"Theo {source_link(q.doc, q.anchor)}\n")
    return body


def _quote_size(item: _Quoted) -> int:
    return paging.text_size(item[1].text, 250)


def _quote_items(page: GuidancePage, index: CorpusIndex) -> list[_Quoted]:
    key, with_duties = QUOTES.get(page.id, ("", False))
    found = index.guidance.get(key, Guidance())
    # A codified national text is left out: the statements above link its articles.
    duties = [(True, q) for q in (found.duties if with_duties else ()) if not q.doc.articles]
    return [*duties, *((False, q) for q in found.paragraphs if not q.doc.articles)]


def _quote_pieces(quotes: list[_Quoted]) -> tuple[list[_Quoted], list[paging.Piece[_Quoted]]]:
    """(quotes on the guidance page, pieces on pages of their own): newest years first within ``paging.MAX_BYTES``."""
    if not paging.too_long(quotes, _quote_size):
        return quotes, []
    shown, rest = paging.lead(paging.split(quotes, [lambda q: paging.year_facet(q[1].doc.date)], _quote_size), _quote_size)
    return [q for p in shown for q in p.items], rest


def _quotes_md(page: GuidancePage, index: CorpusIndex) -> list[str]:
    """The folded "Trích văn bản" section: what the corpus documents say, verbatim."""
    quotes = _quote_items(page, index)
    shown, rest = _quote_pieces(quotes)
    body = _quote_body(shown)
    if not body:
        return []
    out = ["## Trích văn bản {#trich-van-ban}\n", EXCLUDED_OPEN]
    n = sum(1 for ln in body if ln.startswith("> "))
    more = f" trong các văn bản mới nhất; {len(quotes)} đoạn cả thảy" if rest else ""
    out.append(f'??? quote "Các văn bản trong kho nói gì ({n} đoạn trích nguyên văn{more}) — bấm để mở"\n')
    out.append("    Các đoạn được chọn tự động theo từ khóa; giữ nguyên lời văn, “…” đánh dấu chỗ lược bớt.\n")
    out += ["    " + ln if ln else "" for ln in "\n".join(body).split("\n")]
    out.append(EXCLUDED_CLOSE)
    if rest:
        out += ["Các năm trước:\n", *paging.piece_links(_quote_page(page), urls.GUIDANCE, rest, "đoạn trích"), ""]
    return out


def _quote_page(page: GuidancePage) -> str:
    return urls.piece(file_name(page.id), "trich")


def quote_pages(page: GuidancePage, index: CorpusIndex) -> dict[str, str]:
    """The pieces of a "Trích văn bản" section longer than ``paging.MAX_BYTES`` (``huong-dan/<page>--trich-<year>``)."""
    quotes = _quote_items(page, index)
    out: dict[str, str] = {}
    for p in _quote_pieces(quotes)[1]:
        lines = [front_matter("data/guidance.yml"), f"# {escape_inline(page.title)}: trích văn bản, {escape_inline(p.label)}\n"]
        lines.append(f"[← {escape_inline(page.title)}]({urls.href(urls.GUIDANCE, file_name(page.id), urls.GUIDANCE)})\n")
        lines.append("Các đoạn được chọn tự động theo từ khóa; giữ nguyên lời văn, “…” đánh dấu chỗ lược bớt.\n")
        lines += [EXCLUDED_OPEN, *_quote_body(list(p.items)), EXCLUDED_CLOSE]
        out[urls.page(urls.GUIDANCE, urls.piece(_quote_page(page), p.suffix))] = "\n".join(lines).rstrip() + "\n"
    return out


def _see_also(page: GuidancePage, pages: tuple[GuidancePage, ...], index: CorpusIndex) -> list[str]:
    others = [p for p in pages if p.id != page.id]
    out = ["## Xem thêm {#xem-them}\n"]
    out += [f"- [{escape_inline(p.title)}]({urls.href(urls.GUIDANCE, file_name(p.id), urls.GUIDANCE)})" for p in others]
    if national_line(index):
        out.append(f"- [Tổng đài, đường dây hỗ trợ]({urls.href(urls.GUIDANCE, 'tong-dai', urls.GUIDANCE)})")
    out.append(f"- [Nhiệm vụ của từng cơ quan]({urls.agency('index', urls.GUIDANCE)})\n")
    return out


def guidance_page(page: GuidancePage, corpus: Corpus, index: CorpusIndex) -> str:
    # READER_BOOST: "trẻ bị xâm hại phải làm gì" is this page.
    out = [front_matter("data/guidance.yml", extra=READER_BOOST), f"# {escape_inline(page.title)}\n"]
    out.append(_call_button(page, index))
    out.append(escape_inline(page.lead) + "\n")
    for i, sec in enumerate(page.sections):
        out.append(f"## {escape_inline(sec.title)} {{#{sec.id}}}\n")
        for n, st in enumerate(sec.statements, 1):
            out.append(_statement_md(st, f"{n}." if i == 0 else "-", corpus, index))
        out.append("")
    out += _see_also(page, index.guidance_pages, index)
    out += _quotes_md(page, index)
    return "\n".join(out).rstrip() + "\n"


def danger_page(corpus: Corpus, index: CorpusIndex) -> str:
    """The folder's index when data/guidance.yml has no "khi-tre-em-gap-nguy-hiem" page: the hotlines only."""
    out = [front_matter("sources/"), "# Khi trẻ em gặp nguy hiểm\n"]
    out.append(hotline_box(corpus, index))
    return "\n".join(out).rstrip() + "\n"
