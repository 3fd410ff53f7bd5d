"""Document indexes (``chi-muc/``): by year, province, type and issuing level."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.model.textutil import collation_key, slugify
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import doc_href, docs_by_date, front_matter
from tracuu.render.titles import human_date, title_of


def _here(name: str) -> str:
    return urls.href(urls.INDEXES, name, urls.INDEXES)


def _index_line(doc: Document, from_dir: str = urls.INDEXES) -> str:
    date = human_date(doc.date).split(" (")[0] or "không ghi ngày"
    issuer = f" — {escape_inline(doc.issuer)}" if doc.issuer else ""
    return f"- {link(escape_inline(title_of(doc)), doc_href(doc, from_dir))}{issuer}; {escape_inline(date)}"


def _line_size(doc: Document) -> int:
    return paging.text_size(title_of(doc) + doc.issuer, 150)


def _grouped_page(
    name: str, title: str, intro: str, groups: dict[str, list[Document]], order: list[str], slug_prefix: str,
    sub: list[Callable[[Document], paging.Facet]] | None = None,
) -> dict[str, str]:
    """One page of every group's documents; when that outgrows ``paging.MAX_BYTES``, the page keeps one
    heading per group (same anchors) with its count and links, and each group's list gets pages of its own
    (``<name>--<group>``, split further by ``sub`` facets or in numbered parts)."""
    out = [front_matter("sources/"), f"# {title}\n", intro + "\n"]
    everything = [d for key in order for d in groups[key]]
    pages: dict[str, str] = {}
    big = paging.too_long(everything, _line_size)
    used: set[str] = set()
    for key in order:
        slug = slugify(key) or "khac"
        while slug in used:  # two labels with one slug ("Kế hoạch", "Kế  hoạch") keep two pages
            slug += "-x"
        used.add(slug)
        out.append(f"## {escape_inline(key)} ({len(groups[key])}) {{#{slug_prefix}-{slug}}}\n")
        if not big:
            out += [_index_line(d) for d in groups[key]]
            out.append("")
            continue
        pieces = paging.split(groups[key], sub or [], _line_size, slug, key)
        out += paging.piece_links(name, urls.INDEXES, pieces, "văn bản")
        out.append("")
        for p in pieces:
            page = [front_matter("sources/"), f"# {title}: {escape_inline(p.label)}\n", f"[← {title}]({_here(name)})\n"]
            page += [_index_line(d) for d in p.items]
            pages[urls.page(urls.INDEXES, urls.piece(name, p.suffix))] = "\n".join(page).rstrip() + "\n"
    pages[urls.page(urls.INDEXES, name)] = "\n".join(out).rstrip() + "\n"
    return pages


def _years() -> list[Callable[[Document], paging.Facet]]:
    return [lambda d: paging.year_facet(d.date)]


def _by_year(docs: list[Document]) -> tuple[dict[str, list[Document]], list[str]]:
    by_year: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_year[d.date[:4] or "Không rõ năm"].append(d)
    years = sorted((y for y in by_year if y.isdigit()), reverse=True) + [y for y in by_year if not y.isdigit()]
    return by_year, years


def too_long_for_one_page(docs: list[Document]) -> bool:
    """Whether a list of every document (``van-ban/index.md``) outgrows ``paging.MAX_BYTES``."""
    return paging.too_long(docs, _line_size)


def documents_summary(docs: list[Document], from_dir: str) -> list[str]:
    """For a corpus too large for one list: the years with their counts, each linked to its timeline section."""
    by_year, years = _by_year(docs)
    out = ["## Theo năm {#theo-nam}\n"]
    for y in years:
        key = f"Năm {y}" if y.isdigit() else y
        href = urls.href(urls.INDEXES, "theo-nam", from_dir, f"nam-{slugify(key) or 'khac'}")
        out.append(f"- {link(escape_inline(key), href)}: {len(by_year[y])} văn bản")
    out.append("")
    out.append(
        f"Xem thêm theo [tỉnh, thành phố]({urls.href(urls.INDEXES, 'theo-tinh', from_dir)}), "
        f"[loại văn bản]({urls.href(urls.INDEXES, 'theo-loai', from_dir)}), "
        f"[cấp ban hành]({urls.href(urls.INDEXES, 'theo-cap', from_dir)}).\n"
    )
    return out


def index_pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    docs = docs_by_date(corpus)
    pages: dict[str, str] = {}
    by_year, years = _by_year(docs)
    pages.update(_grouped_page(
        "theo-nam",
        "Dòng thời gian",
        "Văn bản theo năm ban hành, mới nhất trước (ngày như văn bản ghi; văn bản để trống ngày xếp theo tháng).",
        {f"Năm {y}" if y.isdigit() else y: v for y, v in by_year.items()},
        [f"Năm {y}" if y.isdigit() else y for y in years],
        "nam",
    ))
    levels = {d.id: index.issuing_level.get(d.id, "") for d in docs}
    by_prov: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        key = d.province or ("Trung ương" if levels[d.id] == "trung ương" else "Chưa xác định tỉnh")
        by_prov[key].append(d)
    pages.update(_grouped_page(
        "theo-tinh",
        "Theo tỉnh, thành phố",
        "Văn bản theo địa phương ban hành (theo địa danh ghi trên văn bản hoặc tệp kèm theo).",
        by_prov,
        sorted(by_prov, key=collation_key),
        "tinh",
        _years(),
    ))
    by_type: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_type[d.doc_type or "Chưa xác định loại"].append(d)
    pages.update(_grouped_page(
        "theo-loai",
        "Theo loại văn bản",
        "Thông tư, công văn, hướng dẫn, thông báo, báo cáo, tin bài.",
        by_type,
        sorted(by_type, key=collation_key),
        "loai",
        _years(),
    ))
    by_level: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        lv = levels[d.id]
        by_level[f"Cấp {lv}" if lv else "Chưa xác định cấp"].append(d)
    rank = {"Cấp trung ương": 0, "Cấp tỉnh": 1, "Cấp huyện": 2, "Cấp xã": 3}
    pages.update(_grouped_page(
        "theo-cap",
        "Theo cấp ban hành",
        "Cấp của cơ quan ban hành, theo danh mục cơ quan. Nhiệm vụ của từng cơ quan xem ở trang "
        + f"[Cơ quan]({urls.agency('index', urls.INDEXES)}).",
        by_level,
        sorted(by_level, key=lambda k: (rank.get(k, 9), collation_key(k))),
        "cap",
        _years(),
    ))
    pages[urls.page(urls.INDEXES, "index")] = "\n".join(
        [
            front_matter("sources/"),
            "# Chỉ mục\n",
            f"Kho có **{len(docs)}** văn bản. Tra theo:\n",
            f"- [Dòng thời gian]({_here('theo-nam')}): theo năm ban hành",
            f"- [Tỉnh, thành phố]({_here('theo-tinh')})",
            f"- [Loại văn bản]({_here('theo-loai')})",
            f"- [Cấp ban hành]({_here('theo-cap')}): trung ương, tỉnh, huyện",
            f"- [Chủ đề]({urls.href(urls.TOPICS, 'index', urls.INDEXES)})",
            f"- [Số liệu trong báo cáo]({_here('so-lieu')}): biểu đồ các con số văn bản nêu",
            "",
        ]
    )
    return pages
