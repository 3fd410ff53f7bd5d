"""Document indexes (``chi-muc/``): by year, province, type and issuing level."""

from __future__ import annotations

from collections import defaultdict

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.model.textutil import collation_key, slugify
from tracuu.render import urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import doc_href, docs_by_date, front_matter
from tracuu.render.titles import human_date, title_of


def _here(name: str) -> str:
    return urls.href(urls.INDEXES, name, urls.INDEXES)


def _index_line(doc: Document, from_dir: str = urls.INDEXES) -> str:
    date = human_date(doc.date).split(" (")[0] or "không ghi ngày"
    issuer = f" — {escape_inline(doc.issuer)}" if doc.issuer else ""
    return f"- {link(escape_inline(title_of(doc)), doc_href(doc, from_dir))}{issuer}; {escape_inline(date)}"


def _grouped_page(title: str, intro: str, groups: dict[str, list[Document]], order: list[str], slug_prefix: str) -> str:
    out = [front_matter("sources/"), f"# {title}\n", intro + "\n"]
    for key in order:
        out.append(f"## {escape_inline(key)} ({len(groups[key])}) {{#{slug_prefix}-{slugify(key) or 'khac'}}}\n")
        out += [_index_line(d) for d in groups[key]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def index_pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    docs = docs_by_date(corpus)
    pages: dict[str, str] = {}
    by_year: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_year[d.date[:4] or "Không rõ năm"].append(d)
    years = sorted((y for y in by_year if y.isdigit()), reverse=True) + [y for y in by_year if not y.isdigit()]
    pages[urls.page(urls.INDEXES, "theo-nam")] = _grouped_page(
        "Dòng thời gian",
        "Văn bản theo năm ban hành, mới nhất trước (ngày như văn bản ghi; văn bản để trống ngày xếp theo tháng).",
        {f"Năm {y}" if y.isdigit() else y: v for y, v in by_year.items()},
        [f"Năm {y}" if y.isdigit() else y for y in years],
        "nam",
    )
    levels = {d.id: index.issuing_level.get(d.id, "") for d in docs}
    by_prov: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        key = d.province or ("Trung ương" if levels[d.id] == "trung ương" else "Chưa xác định tỉnh")
        by_prov[key].append(d)
    pages[urls.page(urls.INDEXES, "theo-tinh")] = _grouped_page(
        "Theo tỉnh, thành phố",
        "Văn bản theo địa phương ban hành (theo địa danh ghi trên văn bản hoặc tệp kèm theo).",
        by_prov,
        sorted(by_prov, key=collation_key),
        "tinh",
    )
    by_type: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_type[d.doc_type or "Chưa xác định loại"].append(d)
    pages[urls.page(urls.INDEXES, "theo-loai")] = _grouped_page(
        "Theo loại văn bản",
        "Thông tư, công văn, hướng dẫn, thông báo, báo cáo, tin bài.",
        by_type,
        sorted(by_type, key=collation_key),
        "loai",
    )
    by_level: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        lv = levels[d.id]
        by_level[f"Cấp {lv}" if lv else "Chưa xác định cấp"].append(d)
    rank = {"Cấp trung ương": 0, "Cấp tỉnh": 1, "Cấp huyện": 2, "Cấp xã": 3}
    pages[urls.page(urls.INDEXES, "theo-cap")] = _grouped_page(
        "Theo cấp ban hành",
        "Cấp của cơ quan ban hành, theo danh mục cơ quan. Nhiệm vụ của từng cơ quan xem ở trang "
        + f"[Cơ quan]({urls.agency('index', urls.INDEXES)}).",
        by_level,
        sorted(by_level, key=lambda k: (rank.get(k, 9), collation_key(k))),
        "cap",
    )
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
