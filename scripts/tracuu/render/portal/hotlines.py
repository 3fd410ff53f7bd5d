"""The national child-protection line and local hotlines the documents name (found in ``resolve.hotlines``)."""

from __future__ import annotations

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.textutil import collation_key
from tracuu.render import urls
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


def hotline_page(corpus: Corpus, index: CorpusIndex) -> str | None:
    """A page of its own for the national line, so a search for "tổng đài 111" lands on it."""
    line = national_line(index)
    if line is None:
        return None
    name, number = line
    sources = sorted({d.source for h in index.hotlines if (d := corpus.document(h.doc_id))})
    out = [front_matter(sources, extra=READER_BOOST), f"# {escape_inline(name)} {number}\n", call_button(number, name)]
    out.append(
        "Số điện thoại và đường dây mà các văn bản trong kho nêu để thông báo, tố giác hành vi xâm hại trẻ em "
        "và xin tư vấn, hỗ trợ. Mỗi dòng trích nguyên văn và dẫn về đúng khoản trong văn bản.\n"
    )
    out.append(hotline_box(corpus, index))
    out.append(f"Xem thêm: [Khi trẻ em gặp nguy hiểm]({urls.href(urls.GUIDANCE, 'index', urls.GUIDANCE)}).\n")
    return "\n".join(out).rstrip() + "\n"


def hotline_box(corpus: Corpus, index: CorpusIndex, from_dir: str = urls.GUIDANCE) -> str:
    """The admonition on every guidance page: the national line, then the provincial lines, each with sources."""
    lines = index.hotlines
    national = [h for h in lines if not h.place]
    local = [h for h in lines if h.place]
    out = ['!!! danger "Khi trẻ em bị xâm hại, bạo lực hoặc có nguy cơ"', ""]
    if national:
        number = max({h.number for h in national}, key=lambda n: (sum(h.number == n for h in national), n))
        names = [h.name for h in national if h.number == number]
        name = max(sorted(set(names)), key=names.count)
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
    else:
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


def hotline_snippet(corpus: Corpus, index: CorpusIndex) -> str:
    box = hotline_box(corpus, index, from_dir="")
    return "<!-- Sinh tự động (tracuu.render_portal); chèn vào docs/index.md. -->\n\n" + box
