"""Topic pages (``chu-de/<topic>.md``) and their index: duties and paragraphs carrying each topic."""

from __future__ import annotations

from collections import defaultdict

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, TopicHits
from tracuu.model.records import Block, Citation, Document, Duty
from tracuu.model.textutil import collation_key, plain
from tracuu.model.topics import Topic
from tracuu.render import urls
from tracuu.render.instruments import href_for
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.portal.common import (
    EXCLUDED_CLOSE,
    EXCLUDED_OPEN,
    agency_href,
    doc_href,
    front_matter,
    short_title,
    source_link,
)


def _instrument_link(c: Citation, index: CorpusIndex, from_dir: str) -> str:
    label = f"{c.type} {c.number}".strip() if c.number else (c.title or c.text)
    href = href_for(c, index, from_dir=from_dir)
    return link(escape_inline(label), href) if href else escape_inline(label)


def topic_hits(topic: Topic, corpus: Corpus, index: CorpusIndex) -> TopicHits:
    """Computed once per build (``CorpusIndex.topic_hits``); nothing carries a topic the index does not know."""
    return index.topic_hits.get(topic.id, TopicHits())


def topic_page(topic: Topic, corpus: Corpus, index: CorpusIndex) -> str:
    hits = topic_hits(topic, corpus, index)
    d_dir = urls.TOPICS
    out = [
        front_matter(
            [
                "data/topics.yml",
                *sorted({doc.source for doc, _ in hits.duties} | {doc.source for doc, _ in hits.paragraphs}),
            ],
            [topic.name],
            extra="search:\n  boost: 3",
        )
    ]
    out.append(f"# {escape_inline(topic.name)}\n")
    n_docs = len({doc.id for doc, _ in hits.duties} | {doc.id for doc, _ in hits.paragraphs})
    out.append(
        f"Chủ đề được gán cho từng nhiệm vụ và từng đoạn văn (không gán cho cả văn bản) khi lời văn có một trong các "
        f"từ khóa: {escape_inline(', '.join(topic.keywords))}. Có **{len(hits.duties)}** nhiệm vụ và "
        f"**{len(hits.paragraphs)}** đoạn văn khác trong **{n_docs}** văn bản.\n"
    )
    out.append("## Nhiệm vụ theo cơ quan {#nhiem-vu}\n")
    if not hits.duties:
        out.append("Chưa có nhiệm vụ nào thuộc chủ đề này.\n")
    by_agency: dict[str, list[tuple[Document, Duty]]] = defaultdict(list)
    names: dict[str, str] = {}
    for doc, d in hits.duties:
        by_agency[d.agency_id].append((doc, d))
        names[d.agency_id] = d.agency
    for aid in sorted(by_agency, key=lambda a: collation_key(names[a])):
        items = by_agency[aid]
        head = link(escape_inline(names[aid]), agency_href(aid, d_dir))
        out.append(f"### {head} {{#{aid}}}\n")
        out.append(f"{len(items)} nhiệm vụ.\n")
        out.append(EXCLUDED_OPEN)
        for doc, d in items:
            role = f" ({escape_inline(d.role)})" if d.role else ""
            out.append(
                f"- {escape_inline(' '.join(plain(d.text).split()))}{role}  \n  — {source_link(doc, d.block, d_dir)}"
            )
        out.append(EXCLUDED_CLOSE)
    out.append("## Đoạn văn liên quan {#doan-van}\n")
    if not hits.paragraphs:
        out.append("Không có đoạn văn nào khác ngoài các nhiệm vụ ở trên.\n")
    by_doc: dict[str, list[Block]] = defaultdict(list)
    docs: dict[str, Document] = {}
    for doc, b in hits.paragraphs:
        by_doc[doc.id].append(b)
        docs[doc.id] = doc
    for doc_id, blocks in by_doc.items():
        doc = docs[doc_id]
        out.append(f"### {link(escape_inline(short_title(doc)), doc_href(doc, d_dir))} {{#doan-{doc.id}}}\n")
        lines = [
            f"- {escape_inline(' '.join(plain(b.text).split()))}  \n  — {source_link(doc, b.anchor, d_dir)}"
            for b in blocks
        ]
        out.append(EXCLUDED_OPEN)
        if len(lines) > 12:
            out.append(f'??? note "{len(lines)} đoạn văn — bấm để mở"\n')
            out += ["    " + ln.replace("\n", "\n    ") for ln in lines]
        else:
            out += lines
        out.append(EXCLUDED_CLOSE)
    out.append("## Văn bản pháp lý được dẫn chiếu {#phap-ly}\n")
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
    return "\n".join(out).rstrip() + "\n"


def topics_index(corpus: Corpus, index: CorpusIndex) -> str:
    out = [front_matter("data/topics.yml"), "# Chủ đề\n"]
    out.append(
        "Mười chủ đề của công tác trẻ em. Mỗi nhiệm vụ, mỗi đoạn văn được gán chủ đề theo từ khóa "
        "(danh sách từ khóa ở đầu mỗi trang); một văn bản có thể thuộc nhiều chủ đề.\n"
    )
    out.append("| Chủ đề | Nhiệm vụ | Đoạn văn khác | Văn bản |\n|---|---:|---:|---:|")
    for t in index.topics.topics:
        h = topic_hits(t, corpus, index)
        n_docs = len({d.id for d, _ in h.duties} | {d.id for d, _ in h.paragraphs})
        href = urls.href(urls.TOPICS, t.id, urls.TOPICS)
        out.append(f"| {link(escape_inline(t.name), href)} | {len(h.duties)} | {len(h.paragraphs)} | {n_docs} |")
    out.append("\n## Trang theo thẻ {#the}\n")
    out.append("<!-- material/tags -->")
    return "\n".join(out).rstrip() + "\n"
