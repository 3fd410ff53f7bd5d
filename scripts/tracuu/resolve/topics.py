"""Topics of duties and paragraphs, from the registry ``data/topics.yml``.

A topic belongs to one duty or one paragraph, never to a whole document:
a plan about statistics may have one clause about drowning. Matching is on
folded whole words (``textutil.fold``), so the same keyword list serves the
pages and the search box. ``Document.topics`` is the union, in registry order.

The same registry holds *audiences* (teachers, parents): the guidance pages
pick the duties and paragraphs that speak to them.
"""

from __future__ import annotations

from dataclasses import replace

from tracuu.model.corpus import Corpus
from tracuu.model.index import TopicHits
from tracuu.model.problems import Problem
from tracuu.model.records import Block, Citation, Document, Duty
from tracuu.model.topics import Audience, Matcher, Topic, TopicRegistry
from tracuu.parse.bounds import MAX_BLOCK
from tracuu.paths import data_dir
from tracuu.registries.topics import load_registry, registry_problems

# Blocks whose text is running prose a reader can be pointed to.
PARAGRAPH_KINDS = ("para", "item", "bullet", "heading")


# --- assigning -----------------------------------------------------------------
def block_text(block: Block) -> str:
    return block.plain


def paragraph_topics(doc: Document, registry: TopicRegistry | None = None) -> dict[str, tuple[str, ...]]:
    """{block anchor: topic ids} for every paragraph-like block that has a topic.

    Reads what ``assign_topics`` stored on the blocks at parse time; classifies
    only a document that did not go through it (tests building records by hand).
    """
    if doc.topics or any(b.topics for b in doc.body):
        return {b.anchor: b.topics for b in doc.body if b.topics}
    reg = registry or load_registry()
    return {
        b.anchor: ids
        for b in doc.body
        if b.kind in PARAGRAPH_KINDS and len(b.text) <= MAX_BLOCK and (ids := reg.classify(block_text(b)))
    }


def _classify_blocks(doc: Document, reg: TopicRegistry) -> tuple[Block, ...]:
    return tuple(
        replace(b, topics=reg.classify(block_text(b))) if b.kind in PARAGRAPH_KINDS else b for b in doc.body
    )


def duty_topics(duty: Duty, registry: TopicRegistry | None = None) -> tuple[str, ...]:
    return (registry or load_registry()).classify(duty.text)


def annex_titles(doc: Document) -> dict[str, str]:
    """{annex label: its title}: the paragraphs printed right under "Phụ lục III" (before any item)."""
    out: dict[str, str] = {}
    current = ""
    for b in doc.body:
        if b.kind == "heading" and b.annex and b.label == b.annex:
            current = b.annex
            out[current] = ""
        elif current and b.annex == current and b.kind == "para":
            out[current] = f"{out[current]} {block_text(b)}".strip()
        else:
            current = ""
    return out


def assign_topics(doc: Document, registry: TopicRegistry | None = None) -> Document:
    """Topics on each duty (``Duty.topics``) and their union with paragraph topics on the document.

    A duty in an annex also takes the annex title's topics: the indicator "0103. Tỷ
    suất sinh thô" of "Phụ lục III — Nội dung chỉ tiêu thống kê về tình hình trẻ em"
    is a statistics duty though its own words do not say so.
    """
    reg = registry or load_registry()
    annex_of = {b.anchor: b.annex for b in doc.body if b.annex}
    titles = {label: reg.classify(title) for label, title in annex_titles(doc).items()}

    def topics_of(d: Duty) -> tuple[str, ...]:
        found = set(duty_topics(d, reg)) | set(titles.get(annex_of.get(d.block, ""), ()))
        return tuple(t.id for t in reg.topics if t.id in found)

    duties = tuple(replace(d, topics=topics_of(d)) for d in doc.duties)
    body = _classify_blocks(doc, reg)
    found = {t for d in duties for t in d.topics}
    found.update(t for b in body for t in b.topics)
    ordered = tuple(t.id for t in reg.topics if t.id in found)
    return replace(doc, duties=duties, body=body, topics=ordered)


def tag_names(doc: Document, registry: TopicRegistry | None = None) -> list[str]:
    """Material tags for a page about ``doc``: the names of its topics."""
    reg = registry or load_registry()
    return [t.name for t in reg.topics if t.id in doc.topics]


def audience_for_duty(duty: Duty, audience: Audience, sector_of: dict[str, str]) -> bool:
    """Is this duty for the audience: its agency's sector, or its text names the audience."""
    return sector_of.get(duty.agency_id, "") in audience.sectors or audience.matcher(duty.text)


# --- what carries each topic (the topic pages) --------------------------------------
def topic_hits(
    topic: Topic, docs_newest_first: list[Document], ptopics: dict[str, dict[str, tuple[str, ...]]]
) -> TopicHits:
    """The duties and other paragraphs (not headings) carrying ``topic``, and the instruments they cite."""
    duties: list[tuple[Document, Duty]] = []
    paras: list[tuple[Document, Block]] = []
    cites: list[tuple[Document, Citation]] = []
    for doc in docs_newest_first:
        duty_blocks = {d.block for d in doc.duties}
        topic_duties = [d for d in doc.duties if topic.id in d.topics]
        duties += [(doc, d) for d in topic_duties]
        para_anchors = [a for a, ids in ptopics.get(doc.id, {}).items() if topic.id in ids]
        for a in para_anchors:
            b = doc.block(a)
            if b is not None and a not in duty_blocks and b.kind != "heading":
                paras.append((doc, b))
        where = {d.block for d in topic_duties} | set(para_anchors)
        seen: set[str] = set()
        for c in doc.citations:
            if c.span and c.span.block in where and c.instrument and c.instrument not in seen:
                seen.add(c.instrument)
                cites.append((doc, c))
    return TopicHits(tuple(duties), tuple(paras), tuple(cites))


def all_topic_hits(
    corpus: Corpus, registry: TopicRegistry, ptopics: dict[str, dict[str, tuple[str, ...]]]
) -> dict[str, TopicHits]:
    docs = sorted(corpus.documents, key=lambda d: (d.date, d.id), reverse=True)
    return {t.id: topic_hits(t, docs, ptopics) for t in registry.topics}


# --- checking -----------------------------------------------------------------
def check(corpus: Corpus) -> list[Problem]:
    """Registry problems, plus topics that no duty or paragraph of the corpus carries (warnings)."""
    path = data_dir() / "topics.yml"
    problems = registry_problems(path)
    reg = load_registry(path)
    used = {t for d in corpus.documents for t in d.topics}
    for t in reg.topics:
        if corpus.documents and t.id not in used:
            problems.append(
                Problem(
                    str(path), t.line, f"chủ đề '{t.id}' chưa gắn với nhiệm vụ hay đoạn văn nào trong kho", "warning"
                )
            )
    return problems


__all__ = [
    "Audience",
    "Matcher",
    "Topic",
    "TopicRegistry",
    "all_topic_hits",
    "assign_topics",
    "check",
    "load_registry",
    "paragraph_topics",
    "registry_problems",
    "tag_names",
]
