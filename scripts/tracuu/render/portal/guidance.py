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
from tracuu.render import urls
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


def _quotes_md(page: GuidancePage, index: CorpusIndex) -> list[str]:
    """The folded "Trích văn bản" section: what the corpus documents say, verbatim."""
    key, with_duties = QUOTES.get(page.id, ("", False))
    found = index.guidance.get(key, Guidance())
    body: list[str] = []
    if with_duties:
        body += _duties_md(tuple(q for q in found.duties if not q.doc.articles))
    for q in found.paragraphs:
        if q.doc.articles:
            continue  # a codified national text: the statements above link its articles
        body.append(quote(q.text))
        body.append("")
        body.append(f"Theo {source_link(q.doc, q.anchor)}\n")
    if not body:
        return []
    out = ["## Trích văn bản {#trich-van-ban}\n", EXCLUDED_OPEN]
    n = sum(1 for ln in body if ln.startswith("> "))
    out.append(f'??? quote "Các văn bản trong kho nói gì ({n} đoạn trích nguyên văn) — bấm để mở"\n')
    out.append("    Các đoạn được chọn tự động theo từ khóa; giữ nguyên lời văn, “…” đánh dấu chỗ lược bớt.\n")
    out += ["    " + ln if ln else "" for ln in "\n".join(body).split("\n")]
    out.append(EXCLUDED_CLOSE)
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
