"""Topic pages (``chu-de/<topic>.md``) and their index: duties and paragraphs carrying each topic.

A topic page opens with the provinces' and districts' instructions (grouped
by document, newest first) and links to the guidance; central documents (the
ministries' statistics indicators) follow, folded. A long topic keeps its
newest years and moves earlier years to pages of their own (``paging.MAX_BYTES``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, TopicHits
from tracuu.model.records import Citation, Document
from tracuu.model.textutil import collation_key, plain
from tracuu.model.topics import Topic
from tracuu.render import paging, urls
from tracuu.render.instruments import href_for
from tracuu.render.mdsafe import escape_block, escape_inline, link
from tracuu.render.portal.common import (
    EXCLUDED_CLOSE,
    EXCLUDED_OPEN,
    READER_BOOST,
    agency_href,
    doc_href,
    front_matter,
    short_title,
)


def _instrument_link(c: Citation, index: CorpusIndex, from_dir: str) -> str:
    label = f"{c.type} {c.number}".strip() if c.number else (c.title or c.text)
    href = href_for(c, index, from_dir=from_dir)
    return link(escape_inline(label), href) if href else escape_inline(label)


def topic_hits(topic: Topic, corpus: Corpus, index: CorpusIndex) -> TopicHits:
    """Computed once per build (``CorpusIndex.topic_hits``); nothing carries a topic the index does not know."""
    return index.topic_hits.get(topic.id, TopicHits())


# Levels whose documents are the provinces' and districts' own instructions (shown first).
LOCAL_LEVELS = ("tỉnh", "huyện", "xã")


@dataclass(frozen=True)
class _Item:
    doc: Document
    anchor: str
    text: str
    agency: str = ""
    agency_id: str = ""
    role: str = ""


def _items(hits: TopicHits) -> list[_Item]:
    out = [_Item(doc, d.block, d.text, d.agency, d.agency_id, d.role) for doc, d in hits.duties]
    out += [_Item(doc, b.anchor, b.text) for doc, b in hits.paragraphs]
    return out


def _is_local(doc: Document, index: CorpusIndex) -> bool:
    level = index.issuing_level.get(doc.id, "")
    return level in LOCAL_LEVELS or (not level and bool(doc.province))


def _item_md(it: _Item, d_dir: str) -> str:
    # escape_block: an indicator printed "0311. Số lượng …" keeps its code instead of starting a list.
    text = escape_block(" ".join(plain(it.text).split()))
    who = f"**{link(escape_inline(it.agency), agency_href(it.agency_id, d_dir))}**" if it.agency_id else ""
    role = f" ({escape_inline(it.role)})" if it.role else ""
    lead = f"{who}{role}: " if who else ""
    return f"- {lead}{text}  \n  [Xem trong văn bản]({doc_href(it.doc, d_dir, it.anchor)})"


def _doc_groups(items: list[_Item], d_dir: str, fold_over: int) -> list[str]:
    """One heading per document (newest first), its items; folded when more than ``fold_over``."""
    out: list[str] = []
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_doc[it.doc.id].append(it)
    for group in by_doc.values():
        doc = group[0].doc
        out.append(f"### {link(escape_inline(short_title(doc)), doc_href(doc, d_dir))} {{#vb-{doc.id}}}\n")
        lines = [_item_md(it, d_dir) for it in group]
        out.append(EXCLUDED_OPEN)
        if len(lines) > fold_over:
            out.append(f'??? note "{len(lines)} mục — bấm để mở"\n')
            out += ["    " + ln.replace("\n", "\n    ") for ln in lines]
        else:
            out += lines
        out.append(EXCLUDED_CLOSE)
    return out


def _body(items: list[_Item], index: CorpusIndex, d_dir: str) -> list[str]:
    """Local instructions first, open; central documents (ministries' indicators) folded below."""
    local = [it for it in items if _is_local(it.doc, index)]
    central = [it for it in items if not _is_local(it.doc, index)]
    out = ["## Tỉnh, huyện giao việc {#dia-phuong}\n"]
    out += _doc_groups(local, d_dir, 5) if local else ["Chưa có văn bản của tỉnh, huyện nào thuộc chủ đề này.\n"]
    if central:
        out.append("## Văn bản trung ương, chỉ tiêu thống kê {#trung-uong}\n")
        out.append(f"{len(central)} mục trong {len({it.doc.id for it in central})} văn bản, thu gọn bên dưới.\n")
        out += _doc_groups(central, d_dir, 0)
    return out


def _guidance_links(d_dir: str) -> str:
    pages = (("index", "Khi trẻ em gặp nguy hiểm"), ("phu-huynh", "Cha mẹ, gia đình"), ("giao-vien", "Giáo viên, nhà trường"))
    links = " · ".join(f"[{title}]({urls.href(urls.GUIDANCE, name, d_dir)})" for name, title in pages)
    return f"!!! tip \"Cần làm gì ngay?\"\n\n    Gọi [111](tel:111). Hướng dẫn từng bước: {links}\n"


def _facets() -> list[Callable[[_Item], paging.Facet]]:
    return [lambda it: paging.year_facet(it.doc.date)]


def _size(it: _Item) -> int:
    return paging.text_size(it.text, 250)


def topic_pages(topic: Topic, corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    """The topic's page (``chu-de/<id>.md``) and, for a long topic, pages for the earlier years (``paging``)."""
    hits = topic_hits(topic, corpus, index)
    d_dir = urls.TOPICS
    items = _items(hits)
    n_docs = len({it.doc.id for it in items})
    head = [front_matter("data/topics.yml", [topic.name], extra=READER_BOOST), f"# {escape_inline(topic.name)}\n"]
    head.append(
        f"**{len(hits.duties)}** nhiệm vụ và **{len(hits.paragraphs)}** đoạn văn khác trong **{n_docs}** văn bản "
        f"nói về {escape_inline(topic.name.lower())}.\n"
    )
    head.append(_guidance_links(d_dir))
    extra: dict[str, str] = {}
    if paging.too_long(items, _size):
        shown, rest = paging.lead(paging.split(items, _facets(), _size), _size)
        more = ["## Các năm trước {#cac-nam-truoc}\n", *paging.piece_links(topic.id, d_dir, rest), ""]
        for p in rest:
            page = [front_matter("data/topics.yml", [topic.name]), f"# {escape_inline(topic.name)}: {escape_inline(p.label)}\n"]
            page.append(f"[← {escape_inline(topic.name)}]({urls.href(urls.TOPICS, topic.id, d_dir)})\n")
            page += _body(list(p.items), index, d_dir)
            extra[urls.page(urls.TOPICS, urls.piece(topic.id, p.suffix))] = "\n".join(page).rstrip() + "\n"
        body = _body([it for p in shown for it in p.items], index, d_dir) + more
    else:
        body = _body(items, index, d_dir)
    out = head + body + _citations_md(hits, index, d_dir)
    return {urls.page(urls.TOPICS, topic.id): "\n".join(out).rstrip() + "\n", **extra}


def _citations_md(hits: TopicHits, index: CorpusIndex, d_dir: str) -> list[str]:
    out = ["## Văn bản pháp lý được dẫn chiếu {#phap-ly}\n"]
    if not hits.citations:
        out.append("Các nhiệm vụ và đoạn văn của chủ đề không dẫn chiếu văn bản nào.\n")
    users_of: dict[str, set[str]] = defaultdict(set)
    for user, c2 in hits.citations:
        users_of[c2.instrument].add(user.id)
    seen: set[str] = set()
    for _doc, c in sorted(hits.citations, key=lambda t: collation_key(t[1].number or t[1].title or t[1].text)):
        if c.instrument in seen:
            continue
        seen.add(c.instrument)
        out.append(f"- {_instrument_link(c, index, d_dir)} — dẫn trong {len(users_of[c.instrument])} văn bản")
    return out


def topics_index(corpus: Corpus, index: CorpusIndex) -> str:
    out = [front_matter("data/topics.yml"), "# Chủ đề\n"]
    out.append(
        "Mười chủ đề của công tác trẻ em. Mỗi nhiệm vụ, mỗi đoạn văn được gán chủ đề theo từ khóa; "
        "một văn bản có thể thuộc nhiều chủ đề.\n"
    )
    out.append("| Chủ đề | Nhiệm vụ | Đoạn văn khác | Văn bản |\n|---|---:|---:|---:|")
    for t in index.topics.topics:
        h = topic_hits(t, corpus, index)
        n_docs = len({d.id for d, _ in h.duties} | {d.id for d, _ in h.paragraphs})
        href = urls.href(urls.TOPICS, t.id, urls.TOPICS)
        out.append(f"| {link(escape_inline(t.name), href)} | {len(h.duties)} | {len(h.paragraphs)} | {n_docs} |")
    # No Material tags listing (``<!-- material/tags -->``) here: it lists every tagged page under every
    # tag, a page that grows with the corpus past 1 MB (issue 15); each topic page above is that list, bounded.
    return "\n".join(out).rstrip() + "\n"
