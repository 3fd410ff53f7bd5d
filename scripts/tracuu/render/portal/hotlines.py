"""The national child-protection line and local hotlines the documents name (found in ``resolve.hotlines``)."""

from __future__ import annotations

from collections.abc import Sequence

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, Hotline
from tracuu.model.records import Document
from tracuu.model.textutil import collation_key
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline
from tracuu.render.portal.common import READER_BOOST, front_matter, source_link


def national_line(index: CorpusIndex) -> tuple[str, str] | None:
    """(name as the documents write it, number) of the national child-protection line, if the corpus names it."""
    national = [h for h in index.hotlines if not h.place]
    if not national:
        return None
    number = max({h.number for h in national}, key=lambda n: (sum(h.number == n for h in national), n))
    names = [h.name for h in national if h.number == number]
    return max(sorted(set(names)), key=names.count), number


def call_button(number: str, name: str = "") -> str:
    """The number to dial as a big tel: button ("Gọi 111 – Tổng đài …"), first on the page."""
    label = f"Gọi {number}" + (f" – {name}" if name else "")
    return f"[{escape_inline(label)}](tel:{number}){{ .md-button .md-button--primary .tracuu-call }}\n"


def _size(h: Hotline) -> int:
    return paging.text_size(h.sentence + h.name + h.place, 250)


def _year(h: Hotline, corpus: Corpus) -> paging.Facet:
    doc = corpus.document(h.doc_id)
    return paging.year_facet(doc.date if doc else "")


def _pieces(corpus: Corpus, index: CorpusIndex) -> list[paging.Piece[Hotline]]:
    """The full lists, by the year of the document that names the line (``paging``); [] when they fit one page."""
    if not paging.too_long(index.hotlines, _size):
        return []
    return paging.split(index.hotlines, [lambda h: _year(h, corpus)], _size)


def hotline_page(corpus: Corpus, index: CorpusIndex) -> str | None:
    """A page of its own for the national line, so a search for "tổng đài 111" lands on it.

    When every line the documents name outgrows one page, this page keeps the summary and links the
    full lists, one page per year of the documents (``hotline_pages``).
    """
    line = national_line(index)
    pieces = _pieces(corpus, index)
    if line is None and not pieces:
        return None
    title = f"{line[0]} {line[1]}" if line else "Đường dây hỗ trợ trẻ em"
    sources = sorted({d.source for h in index.hotlines if (d := corpus.document(h.doc_id))})
    out = [front_matter(sources, extra=READER_BOOST), f"# {escape_inline(title)}\n"]
    if line:
        out.append(call_button(line[1], line[0]))
    out.append(
        "Số điện thoại và đường dây mà các văn bản trong kho nêu để thông báo, tố giác hành vi xâm hại trẻ em "
        "và xin tư vấn, hỗ trợ. Mỗi dòng trích nguyên văn và dẫn về đúng khoản trong văn bản.\n"
    )
    out.append(hotline_box(corpus, index))
    if pieces:
        out.append("Mọi câu văn nêu các đường dây, theo năm của văn bản:\n")
        out += [*paging.piece_links("tong-dai", urls.GUIDANCE, pieces, "câu"), ""]
    out.append(f"Xem thêm: [Khi trẻ em gặp nguy hiểm]({urls.href(urls.GUIDANCE, 'index', urls.GUIDANCE)}).\n")
    return "\n".join(out).rstrip() + "\n"


def hotline_pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    """The pieces of ``hotline_page`` (``huong-dan/tong-dai--<year>.md``): every line, each with its sentence."""
    out: dict[str, str] = {}
    for p in _pieces(corpus, index):
        page = [front_matter("sources/"), f"# Đường dây hỗ trợ trẻ em: {escape_inline(p.label)}\n"]
        page.append(f"[← Tổng đài, đường dây hỗ trợ]({urls.href(urls.GUIDANCE, 'tong-dai', urls.GUIDANCE)})\n")
        page.append(_full_box(corpus, p.items, national_line(index), urls.GUIDANCE))
        out[urls.page(urls.GUIDANCE, urls.piece("tong-dai", p.suffix))] = "\n".join(page).rstrip() + "\n"
    return out


def hotline_box(corpus: Corpus, index: CorpusIndex, from_dir: str = urls.GUIDANCE) -> str:
    """The admonition on every guidance page: the national line, then the provincial lines, each with sources.

    Past ``paging.MAX_BYTES`` (a national corpus) it summarises: the national line with its newest
    sources, one line per place and number with its newest source and a count; ``hotline_page`` links the rest.
    """
    if paging.too_long(index.hotlines, _size):
        return _summary_box(corpus, index, from_dir)
    return _full_box(corpus, index.hotlines, national_line(index), from_dir)


def _full_box(corpus: Corpus, lines: Sequence[Hotline], line: tuple[str, str] | None, from_dir: str) -> str:
    national = [h for h in lines if not h.place]
    local = [h for h in lines if h.place]
    out = ['!!! danger "Khi trẻ em bị xâm hại, bạo lực hoặc có nguy cơ"', ""]
    if national and line is not None:
        name, number = line
        out.append(f"    **{escape_inline(name)}: [{number}](tel:{number})**")
        out.append("")
        out.append("    Các văn bản trong kho nói về tổng đài này:")
        out.append("")
        for h in national:
            if h.number != number:
                continue
            doc = corpus.document(h.doc_id)
            if doc is None:
                continue
            out.append(f"    - “{escape_inline(h.sentence)}” — {source_link(doc, h.block, from_dir)}")
        out.append("")
    elif line is None:
        out.append("    Kho văn bản chưa có văn bản nào nêu số tổng đài bảo vệ trẻ em.")
        out.append("")
    if local:
        out.append("    Đường dây của địa phương do văn bản nêu:")
        out.append("")
        for h in sorted(local, key=lambda h: (collation_key(h.place), h.number, h.doc_id)):
            doc = corpus.document(h.doc_id)
            if doc is None:
                continue
            out.append(
                f"    - {escape_inline(h.place)}: **[{h.number}](tel:{h.number})** ({escape_inline(h.name)}) — "
                f"nguồn: {source_link(doc, h.block, from_dir)}"
            )
        out.append("")
    return "\n".join(out) + "\n"


def _newest(corpus: Corpus, lines: Sequence[Hotline]) -> list[tuple[Hotline, Document]]:
    found = [(h, d) for h in lines if (d := corpus.document(h.doc_id)) is not None]
    return sorted(found, key=lambda t: (t[1].date, t[1].id), reverse=True)


def _summary_box(corpus: Corpus, index: CorpusIndex, from_dir: str) -> str:
    line = national_line(index)
    out = ['!!! danger "Khi trẻ em bị xâm hại, bạo lực hoặc có nguy cơ"', ""]
    every = f"[mọi câu văn nêu các đường dây]({urls.href(urls.GUIDANCE, 'tong-dai', from_dir)})"
    if line is not None:
        name, number = line
        docs = _newest(corpus, [h for h in index.hotlines if not h.place and h.number == number])
        out += [f"    **{escape_inline(name)}: [{number}](tel:{number})**", ""]
        newest = "; ".join(source_link(d, h.block, from_dir) for h, d in docs[:3])
        out += [f"    {len({d.id for _, d in docs})} văn bản trong kho nói về tổng đài này; mới nhất: {newest}. Xem {every}.", ""]
    else:
        out += ["    Kho văn bản chưa có văn bản nào nêu số tổng đài bảo vệ trẻ em.", ""]
    places: dict[tuple[str, str], list[Hotline]] = {}
    for h in index.hotlines:
        if h.place:
            places.setdefault((h.place, h.number), []).append(h)
    if places:
        out += ["    Đường dây của địa phương do văn bản nêu (văn bản mới nhất nêu số đó):", ""]
        for (place, number), group in sorted(places.items(), key=lambda kv: (collation_key(kv[0][0]), kv[0][1])):
            docs = _newest(corpus, group)
            if not docs:
                continue
            h, d = docs[0]
            more = f" và {len(docs) - 1} câu khác" if len(docs) > 1 else ""
            out.append(
                f"    - {escape_inline(place)}: **[{number}](tel:{number})** ({escape_inline(h.name)}) — "
                f"nguồn: {source_link(d, h.block, from_dir)}{more}"
            )
        out += ["", f"    Xem {every}.", ""]
    return "\n".join(out) + "\n"


def hotline_snippet(corpus: Corpus, index: CorpusIndex) -> str:
    box = hotline_box(corpus, index, from_dir="")
    return "<!-- Sinh tự động (tracuu.render_portal); chèn vào docs/index.md. -->\n\n" + box
