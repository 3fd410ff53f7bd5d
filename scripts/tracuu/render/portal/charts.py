"""Charts of the figures reports state (``chi-muc/so-lieu.md``), drawn as SVG at build time."""

from __future__ import annotations

import html

from tracuu.model.figures import Figure
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import doc_href, front_matter, short_title, source_link


def _x(text: str) -> str:
    """Text inside raw SVG/HTML: entity-escaped (Markdown does not process raw HTML blocks)."""
    return html.escape(text, quote=True)


def chart_svg(fig: Figure, title: str, ident: str) -> str:
    """Horizontal bars, one per part, labelled with name and count; drawn at build time, no script."""
    bar_h, gap, label_w, bar_w, pad = 26, 10, 300, 320, 8
    top = 8
    n = len(fig.parts)
    height = top + n * (bar_h + gap) + pad
    width = label_w + bar_w + 60
    peak = max((p.count for p in fig.parts), default=1) or 1
    rows = []
    for i, p in enumerate(fig.parts):
        y = top + i * (bar_h + gap)
        w = round(bar_w * p.count / peak)
        rows.append(
            f'<g><text x="{label_w - 8}" y="{y + bar_h * 0.68:.0f}" text-anchor="end" class="chart-label">{_x(p.name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" class="chart-bar" rx="3"></rect>'
            f'<text x="{label_w + w + 6}" y="{y + bar_h * 0.68:.0f}" class="chart-value">{p.count}</text></g>'
        )
    desc = "; ".join(f"{p.name}: {p.count}" for p in fig.parts)
    return (
        f'<svg class="chart" role="img" aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{_x(title)}</title><desc id="{ident}-d">{_x(desc)}</desc>' + "".join(rows) + "</svg>"
    )


def chart_section(doc: Document, fig: Figure, from_dir: str, index: int) -> str:
    ident = f"bieu-do-{doc.id}-{fig.block}-{index}"
    title = f"Số {fig.unit} theo nhóm"
    total = (
        f"Văn bản ghi tổng **{fig.total}** {escape_inline(fig.unit)}; các nhóm cộng lại **{fig.sum}**"
        + (" — khớp." if fig.consistent else " — **không khớp**, biểu đồ vẽ theo từng nhóm như văn bản ghi.")
        if fig.total is not None
        else f"Văn bản không ghi tổng; các nhóm cộng lại **{fig.sum}**."
    )
    rows = "\n".join(f"| {escape_inline(p.name)} | {p.count} |" for p in fig.parts)
    return (
        f"## {escape_inline(title)}: {link(escape_inline(short_title(doc)), doc_href(doc, from_dir, fig.block))} {{#{ident}}}\n\n"
        f'<div class="chart-row" markdown>\n\n<figure class="chart-figure">\n{chart_svg(fig, title, ident)}\n</figure>\n\n'
        f'<div class="chart-table" markdown>\n\n| Nhóm | Số {escape_inline(fig.unit)} |\n|---|---:|\n{rows}\n'
        f"| **Tổng các nhóm** | **{fig.sum}** |\n\n</div>\n\n</div>\n\n"
        f"{total} Nguồn: {source_link(doc, fig.block, from_dir)}.\n"
    )


_Numbered = tuple[int, Document, Figure]


def _size(item: _Numbered) -> int:
    return 2500 + 500 * len(item[2].parts)


def figures_pages(index: CorpusIndex) -> dict[str, str]:
    """``chi-muc/so-lieu.md``; when the charts outgrow ``paging.MAX_BYTES`` the page keeps the newest years
    and the earlier ones go to ``chi-muc/so-lieu--<year>.md``."""
    found: list[_Numbered] = [(i, doc, fig) for i, (doc, fig) in enumerate(index.figures, 1)]
    name = "so-lieu"
    shown: list[_Numbered] = found
    rest: list[paging.Piece[_Numbered]] = []
    if paging.too_long(found, _size):
        lead, rest = paging.lead(paging.split(found, [lambda t: paging.year_facet(t[1].date)], _size), _size)
        shown = [t for p in lead for t in p.items]
    out = [front_matter(sorted({d.source for _, d, _ in shown}) or "sources/"), "# Số liệu trong báo cáo\n"]
    out.append(
        "Các con số do chính văn bản nêu (ví dụ số câu hỏi theo nhóm tại một diễn đàn trẻ em), được tách tự động "
        "từ lời văn và vẽ khi dựng trang; bảng bên cạnh ghi đúng các số đó. Tổng do văn bản ghi được đối chiếu với "
        "tổng các nhóm.\n"
    )
    if not found:
        out.append("Chưa có văn bản nào nêu số liệu theo nhóm.\n")
    if rest:
        out.append(f"{len(found)} biểu đồ; trang này có các văn bản mới nhất, các năm trước ở trang riêng:\n")
        out += [*paging.piece_links(name, urls.INDEXES, rest, "biểu đồ"), ""]
    out += [chart_section(doc, fig, urls.INDEXES, i) for i, doc, fig in shown]
    pages = {urls.page(urls.INDEXES, name): "\n".join(out).rstrip() + "\n"}
    for p in rest:
        page = [front_matter(sorted({d.source for _, d, _ in p.items})), f"# Số liệu trong báo cáo: {escape_inline(p.label)}\n"]
        page.append(f"[← Số liệu trong báo cáo]({urls.href(urls.INDEXES, name, urls.INDEXES)})\n")
        page += [chart_section(doc, fig, urls.INDEXES, i) for i, doc, fig in p.items]
        pages[urls.page(urls.INDEXES, urls.piece(name, p.suffix))] = "\n".join(page).rstrip() + "\n"
    return pages
