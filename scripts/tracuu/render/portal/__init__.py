"""Readers' portal: topics, guidance for teachers and parents, hotlines, indexes, charts.

Pure functions of records and the corpus index. Every statement on a guidance
page is a verbatim quotation (through ``mdsafe``) with a link to the clause it
comes from; the pages add no advice of their own.

Pages (paths under docs/):
    chu-de/index.md, chu-de/<topic>.md                                   (topics)
    huong-dan/index.md (Khi trẻ em gặp nguy hiểm), giao-vien.md, phu-huynh.md  (guidance)
    huong-dan/tong-dai.md, _generated/hotline.md                          (hotlines)
    chi-muc/index.md, theo-nam.md, theo-tinh.md, theo-loai.md, theo-cap.md (indexes)
    chi-muc/so-lieu.md                                                    (charts)
    _generated/newest.md (snippets included by the hand-written home page)
    tu-dien/index.md, includes/abbreviations.md                           (render.glossary)
"""

from __future__ import annotations

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.render import glossary, urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.charts import figures_pages
from tracuu.render.portal.common import doc_href, docs_by_date
from tracuu.render.portal.guidance import danger_page, file_name, guidance_page, quote_pages
from tracuu.render.portal.hotlines import hotline_page, hotline_pages, hotline_snippet
from tracuu.render.portal.indexes import index_pages
from tracuu.render.portal.topics import topic_pages, topics_index
from tracuu.render.titles import human_date, title_of


def newest_snippet(corpus: Corpus, n: int = 5) -> str:
    lines = ["<!-- Sinh tự động (tracuu.render_portal); chèn vào docs/index.md. -->", ""]
    for d in docs_by_date(corpus)[:n]:
        date = human_date(d.date).split(" (")[0] or "không ghi ngày"
        lines.append(
            f"- {link(escape_inline(title_of(d)), doc_href(d, ''))}  \n"
            f"  {escape_inline(d.issuer or d.doc_type)}, {escape_inline(date)}"
        )
    return "\n".join(lines) + "\n"


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    out: dict[str, str] = {urls.page(urls.TOPICS, "index"): topics_index(corpus, index)}
    for t in index.topics.topics:
        out.update(topic_pages(t, corpus, index))
    out[urls.page(urls.GUIDANCE, "index")] = danger_page(corpus, index)
    for guide in index.guidance_pages:
        out[urls.page(urls.GUIDANCE, file_name(guide.id))] = guidance_page(guide, corpus, index)
        out.update(quote_pages(guide, index))
    hotline = hotline_page(corpus, index)
    if hotline:
        out[urls.page(urls.GUIDANCE, "tong-dai")] = hotline
    out.update(hotline_pages(corpus, index))
    out.update(index_pages(corpus, index))
    out.update(figures_pages(index))
    out[urls.page(urls.SNIPPETS, "newest")] = newest_snippet(corpus)
    out[urls.page(urls.SNIPPETS, "hotline")] = hotline_snippet(corpus, index)
    out.update(glossary.pages(corpus, index))
    return out


__all__ = ["pages"]
