"""Readers' portal: topics, guidance for teachers and parents, hotlines, indexes, charts.

Pure functions of records. Every statement on a guidance page is a verbatim
quotation (through ``mdsafe``) with a link to the clause it comes from; the
pages add no advice of their own. Hotline numbers are found in the corpus
(``hotlines``) and shown with the paragraphs that name them.

Pages (paths under docs/):
    chu-de/index.md, chu-de/<topic>.md
    huong-dan/index.md (Khi trẻ em gặp nguy hiểm), huong-dan/giao-vien.md, huong-dan/phu-huynh.md
    chi-muc/index.md, theo-nam.md, theo-tinh.md, theo-loai.md, theo-cap.md, so-lieu.md
    _generated/newest.md, _generated/hotline.md (snippets included by the hand-written home page)
    tu-dien/index.md, includes/abbreviations.md (from tracuu.registries.glossary)
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Citation, Document, Duty
from tracuu.model.textutil import collation_key, fold, plain
from tracuu.registries import glossary
from tracuu.render.documents import human_date, title_of
from tracuu.render.instruments import href_for
from tracuu.render.mdsafe import escape_block, escape_inline, link
from tracuu.resolve import figures as figs
from tracuu.resolve.topics import Audience, Matcher, Topic, TopicRegistry, load_registry, paragraph_topics

# Paragraphs about finding, reporting and getting help: the "Khi trẻ em gặp nguy hiểm" page.
_REPORTING = Matcher(
    tuple(
        fold(k)
        for k in (
            "tố giác",
            "thông báo, tố giác",
            "tin báo",
            "tổng đài",
            "đường dây nóng",
            "đường dây tư vấn",
            "can thiệp",
            "trợ giúp",
        )
    )
)


# --------------------------------------------------------------------------- helpers
def doc_href(doc: Document, from_dir: str, anchor: str = "") -> str:
    base = f"../van-ban/{doc.id}.md" if from_dir else f"van-ban/{doc.id}.md"
    return f"{base}#{anchor}" if anchor else base


def agency_href(agency_id: str, from_dir: str) -> str:
    return f"../co-quan/{agency_id}.md" if from_dir else f"co-quan/{agency_id}.md"


def short_title(doc: Document) -> str:
    """ "Công văn 5310/UBND-KGVX (10/10/2023)": type, number and date, for link labels."""
    kind = doc.doc_type or "Văn bản"
    head = f"{kind} {doc.number}" if doc.number else f"{kind} {('/' + doc.symbol) if doc.symbol else ''}".strip()
    date = ".".join(reversed(doc.date.split("-"))).replace(".", "/") if doc.date else ""
    place = doc.province or doc.place
    extra = ", ".join(x for x in (place, date) if x)
    return f"{head} ({extra})" if extra else head


def locator(doc: Document, anchor: str) -> str:
    """ "mục 2, dòng 41": the nearest numbered label above the block and its source line."""
    b = doc.block(anchor)
    if b is None:
        return ""
    labels: list[str] = []
    cur: Block | None = b
    while cur is not None:
        lab = cur.label.strip()
        if lab and lab != "-":
            labels.append(lab)
        cur = doc.block(cur.parent) if cur.parent else None
    where = ""
    if labels:
        lab = labels[0]
        if lab.startswith(("Điều", "Phụ lục", "Chương", "Mục", "Phần")):
            where = lab
        elif re.fullmatch(r"[a-zđ]", lab):
            where = f"điểm {lab}" + (f" mục {labels[1]}" if len(labels) > 1 else "")
        else:
            where = f"mục {lab}"
    if b.annex and not where.startswith("Phụ lục"):
        where = f"{b.annex}, {where}" if where else b.annex
    return f"{where}, dòng {b.line}" if where else f"dòng {b.line}"


def source_link(doc: Document, anchor: str, from_dir: str = "huong-dan") -> str:
    loc = locator(doc, anchor)
    label = f"{short_title(doc)}, {loc}" if loc else short_title(doc)
    return link(escape_inline(label), doc_href(doc, from_dir, anchor))


# Quotations repeated from document pages stay out of the search index: the
# document page already indexes that text, and repeating it made topic pages a
# third of the index (slower first results on phones, worse ranking).
_EXCLUDED_OPEN = '<div class="quotes" data-search-exclude markdown>\n'
_EXCLUDED_CLOSE = "\n</div>\n"


def quote(text: str) -> str:
    """A verbatim quotation as one Markdown blockquote paragraph."""
    body = escape_block(" ".join(plain(text).split()))
    return "> " + body


_SEGMENT = re.compile(r"[^;.]+(?:[;.]|$)")


def excerpt(text: str, matcher: Matcher) -> str:
    """The sentences/clauses of ``text`` that match, joined by " … " (verbatim pieces)."""
    pieces = [s.strip() for s in _SEGMENT.findall(plain(text))]
    keep = [p for p in pieces if p and matcher(p)]
    if not keep or len(keep) == len([p for p in pieces if p]):
        return " ".join(plain(text).split())
    out = " … ".join(" ".join(p.split()) for p in keep)
    return out if pieces and keep[0] == pieces[0] else "… " + out


def sector_map(corpus: Corpus) -> dict[str, str]:
    """{agency id: sector id} for every duty's agency, from the agency registry."""
    try:
        from tracuu.registries.agencies import load_registry as agencies_registry

        reg = agencies_registry()
    except Exception:  # noqa: BLE001 - no registry: audiences fall back to keywords
        return {}
    out: dict[str, str] = {}
    for doc in corpus.documents:
        for d in doc.duties:
            if d.agency_id in out:
                continue
            m = reg.match(d.agency, doc.province)
            out[d.agency_id] = m.sector if m else ""
    return out


def issuing_level(doc: Document) -> str:
    if not doc.issuer:
        return ""
    try:
        from tracuu.registries.agencies import load_registry as agencies_registry

        m = agencies_registry().match(doc.issuer, doc.province)
    except Exception:  # noqa: BLE001
        return ""
    return m.level if m else ""


def _is_annex(doc: Document, anchor: str) -> bool:
    b = doc.block(anchor)
    return bool(b and b.annex)


def _docs_by_date(corpus: Corpus) -> list[Document]:
    return sorted(corpus.documents, key=lambda d: (d.date, d.id), reverse=True)


def front_matter(source: str | list[str], tags: Iterable[str] = (), extra: str = "") -> str:
    lines = ["---"]
    if isinstance(source, list):
        lines.append("source:")
        lines += [f"  - {json.dumps(s, ensure_ascii=False)}" for s in source]
    else:
        lines.append(f"source: {json.dumps(source, ensure_ascii=False)}")
    tags = list(tags)
    if tags:
        lines.append("tags:")
        lines += [f"  - {json.dumps(t, ensure_ascii=False)}" for t in tags]
    if extra:
        lines.append(extra.rstrip())
    lines.append("---\n")
    return "\n".join(lines)


# --------------------------------------------------------------------------- hotlines
@dataclass(frozen=True)
class Hotline:
    number: str  # digits as written, spaces removed
    name: str  # as written ("Tổng đài điện thoại quốc gia bảo vệ trẻ em")
    place: str  # "" for the national line, else the province/city the text names
    doc_id: str
    block: str
    sentence: str  # the clause that names it, verbatim


_NATIONAL = re.compile(
    r"(?P<name>Tổng đài(?:\s+điện thoại)?\s+quốc gia\s+(?:về\s+)?bảo vệ trẻ em)[\s“\"(]*(?:số\s*)?(?P<number>\d{3,5})\b"
)
_LOCAL = re.compile(
    r"(?P<name>[Đđ]ường dây\s+(?:nóng|tư vấn)[^();.]{0,80}?(?:tỉnh|thành phố|huyện)\s+"
    r"(?P<place>[A-ZĐÂĂÊÔƠƯ][^\W\d_]*(?:\s+[A-ZĐÂĂÊÔƠƯ][^\W\d_]*)*))\s*\(?\s*(?:số\s*)?(?P<number>\d[\d .]{2,14}\d)"
)


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start))
    right_candidates = [i for i in (text.find(";", end), text.find(". ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return " ".join(text[left + 1 : right + 1].split()).strip()


def hotlines(corpus: Corpus) -> list[Hotline]:
    out: list[Hotline] = []
    for doc in sorted(corpus.documents, key=lambda d: d.id):
        for b in doc.body:
            text = b.plain
            for rx, national in ((_NATIONAL, True), (_LOCAL, False)):
                for m in rx.finditer(text):
                    out.append(
                        Hotline(
                            number=re.sub(r"[ .]", "", m.group("number")),
                            name=" ".join(m.group("name").split()),
                            place="" if national else m.group("place"),
                            doc_id=doc.id,
                            block=b.anchor,
                            sentence=_sentence_at(text, m.start(), m.end()),
                        )
                    )
    return out


def national_line(corpus: Corpus) -> tuple[str, str] | None:
    """(name as the documents write it, number) of the national child-protection line, if the corpus names it."""
    national = [h for h in hotlines(corpus) if not h.place]
    if not national:
        return None
    number = max({h.number for h in national}, key=lambda n: (sum(h.number == n for h in national), n))
    names = [h.name for h in national if h.number == number]
    return max(sorted(set(names)), key=names.count), number


def hotline_page(corpus: Corpus) -> str | None:
    """A page of its own for the national line, so a search for "tổng đài 111" lands on it."""
    line = national_line(corpus)
    if line is None:
        return None
    name, number = line
    sources = sorted({d.source for h in hotlines(corpus) if (d := corpus.document(h.doc_id))})
    out = [front_matter(sources, extra="search:\n  boost: 3"), f"# {escape_inline(name)} {number}\n"]
    out.append(
        "Số điện thoại và đường dây mà các văn bản trong kho nêu để thông báo, tố giác hành vi xâm hại trẻ em "
        "và xin tư vấn, hỗ trợ. Mỗi dòng trích nguyên văn và dẫn về đúng khoản trong văn bản.\n"
    )
    out.append(hotline_box(corpus))
    out.append("Xem thêm: [Khi trẻ em gặp nguy hiểm](index.md).\n")
    return "\n".join(out).rstrip() + "\n"


def hotline_box(corpus: Corpus, from_dir: str = "huong-dan") -> str:
    """The admonition on every guidance page: the national line, then the provincial lines, each with sources."""
    lines = hotlines(corpus)
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


# --------------------------------------------------------------------------- topics
def _citation_for(doc: Document, instrument: str) -> Citation | None:
    return next((c for c in doc.citations if c.instrument == instrument), None)


def _instrument_link(c: Citation, corpus: Corpus, from_dir: str) -> str:
    label = f"{c.type} {c.number}".strip() if c.number else (c.title or c.text)
    href = href_for(c, corpus, from_dir=from_dir)
    return link(escape_inline(label), href) if href else escape_inline(label)


@dataclass(frozen=True)
class TopicHits:
    duties: tuple[tuple[Document, Duty], ...]
    paragraphs: tuple[tuple[Document, Block], ...]
    citations: tuple[tuple[Document, Citation], ...]


def topic_hits(topic: Topic, corpus: Corpus, reg: TopicRegistry) -> TopicHits:
    duties: list[tuple[Document, Duty]] = []
    paras: list[tuple[Document, Block]] = []
    cites: list[tuple[Document, Citation]] = []
    for doc in _docs_by_date(corpus):
        duty_blocks = {d.block for d in doc.duties}
        ptopics = paragraph_topics(doc, reg)
        topic_duties = [d for d in doc.duties if topic.id in d.topics]
        duties += [(doc, d) for d in topic_duties]
        para_anchors = [a for a, ids in ptopics.items() if topic.id in ids]
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


def topic_page(topic: Topic, corpus: Corpus, reg: TopicRegistry) -> str:
    hits = topic_hits(topic, corpus, reg)
    d_dir = "chu-de"
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
        out.append(_EXCLUDED_OPEN)
        for doc, d in items:
            role = f" ({escape_inline(d.role)})" if d.role else ""
            out.append(
                f"- {escape_inline(' '.join(plain(d.text).split()))}{role}  \n  — {source_link(doc, d.block, d_dir)}"
            )
        out.append(_EXCLUDED_CLOSE)
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
            f"- {escape_inline(' '.join(b.plain.split()))}  \n  — {source_link(doc, b.anchor, d_dir)}"
            for b in blocks
        ]
        out.append(_EXCLUDED_OPEN)
        if len(lines) > 12:
            out.append(f'??? note "{len(lines)} đoạn văn — bấm để mở"\n')
            out += ["    " + ln.replace("\n", "\n    ") for ln in lines]
        else:
            out += lines
        out.append(_EXCLUDED_CLOSE)
    out.append("## Văn bản pháp lý được dẫn chiếu {#phap-ly}\n")
    if not hits.citations:
        out.append("Các nhiệm vụ và đoạn văn của chủ đề không dẫn chiếu văn bản nào.\n")
    seen: set[str] = set()
    for _doc, c in sorted(hits.citations, key=lambda t: collation_key(t[1].number or t[1].title or t[1].text)):
        if c.instrument in seen:
            continue
        seen.add(c.instrument)
        users = sorted({d.id for d, c2 in hits.citations if c2.instrument == c.instrument})
        out.append(f"- {_instrument_link(c, corpus, d_dir)} — dẫn trong {len(users)} văn bản")
    return "\n".join(out).rstrip() + "\n"


def topics_index(corpus: Corpus, reg: TopicRegistry) -> str:
    out = [front_matter("data/topics.yml"), "# Chủ đề\n"]
    out.append(
        "Mười chủ đề của công tác trẻ em. Mỗi nhiệm vụ, mỗi đoạn văn được gán chủ đề theo từ khóa "
        "(danh sách từ khóa ở đầu mỗi trang); một văn bản có thể thuộc nhiều chủ đề.\n"
    )
    out.append("| Chủ đề | Nhiệm vụ | Đoạn văn khác | Văn bản |\n|---|---:|---:|---:|")
    for t in reg.topics:
        h = topic_hits(t, corpus, reg)
        n_docs = len({d.id for d, _ in h.duties} | {d.id for d, _ in h.paragraphs})
        out.append(
            f"| {link(escape_inline(t.name), f'{t.id}.md')} | {len(h.duties)} | {len(h.paragraphs)} | {n_docs} |"
        )
    out.append("\n## Trang theo thẻ {#the}\n")
    out.append("<!-- material/tags -->")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- guidance
def _audience_items(
    audience: Audience, corpus: Corpus, sectors: dict[str, str]
) -> tuple[list[tuple[Document, Duty, bool]], list[tuple[Document, Block]]]:
    """Duties (with "whole": the agency is of the audience's sector) and other paragraphs naming the audience.

    Annexes hold forms and indicator tables, not instructions, so they are left out.
    """
    duties: list[tuple[Document, Duty, bool]] = []
    paras: list[tuple[Document, Block]] = []
    for doc in _docs_by_date(corpus):
        duty_blocks = set()
        for d in doc.duties:
            if _is_annex(doc, d.block):
                continue
            in_sector = sectors.get(d.agency_id, "") in audience.sectors
            if in_sector or audience.matcher(d.text):
                duties.append((doc, d, in_sector))
            duty_blocks.add(d.block)
        for b in doc.body:
            if b.annex or b.kind not in ("para", "item", "bullet") or b.anchor in duty_blocks:
                continue
            if _parent_is_duty(doc, b, duty_blocks):
                continue
            if audience.matcher(b.plain):
                paras.append((doc, b))
    return duties, paras


def _parent_is_duty(doc: Document, b: Block, duty_blocks: set[str]) -> bool:
    return bool(b.parent and b.parent in duty_blocks and b.kind == "para")


def guidance_page(audience: Audience, corpus: Corpus, reg: TopicRegistry, title: str, intro: str) -> str:
    sectors = sector_map(corpus)
    duties, paras = _audience_items(audience, corpus, sectors)
    sources = sorted({d.source for d, _, _ in duties} | {d.source for d, _ in paras})
    tag_ids = {t for _, d, _ in duties for t in d.topics}
    tags = [t.name for t in reg.topics if t.id in tag_ids]
    # Search boost like a topic page: "giáo viên cần làm gì" is this page.
    out = [front_matter(["data/topics.yml", *sources], tags, extra="search:\n  boost: 3"), f"# {title}\n", intro + "\n"]
    out.append(hotline_box(corpus))
    out.append("Xem thêm: [Khi trẻ em gặp nguy hiểm](index.md).\n")
    out.append("## Văn bản giao nhiệm vụ {#nhiem-vu}\n")
    if not duties:
        out.append("Chưa có văn bản nào trong kho giao nhiệm vụ cho đối tượng này.\n")
    by_agency: dict[str, list[tuple[Document, Duty, bool]]] = defaultdict(list)
    names: dict[str, str] = {}
    for doc, d, whole in duties:
        by_agency[d.agency_id].append((doc, d, whole))
        names[d.agency_id] = d.agency
    for aid in sorted(by_agency, key=lambda a: (not by_agency[a][0][2], collation_key(names[a]))):
        head = link(escape_inline(names[aid]), agency_href(aid, "huong-dan"))
        out.append(f"### {head} {{#{aid}}}\n")
        for doc, d, whole in by_agency[aid]:
            text = " ".join(plain(d.text).split()) if whole else excerpt(d.text, audience.matcher)
            out.append(quote(text))
            out.append("")
            out.append(
                f"Nguồn: {source_link(doc, d.block)}"
                + (f" · vai trò: {escape_inline(d.role)}" if d.role else "")
                + "\n"
            )
    if paras:
        out.append("## Các đoạn văn khác nhắc tới {#doan-van}\n")
        for doc, b in paras:
            out.append(quote(excerpt(b.text, audience.matcher)))
            out.append("")
            out.append(f"Nguồn: {source_link(doc, b.anchor)}\n")
    out.append(
        "<small>Các đoạn trên được chọn tự động: nhiệm vụ của cơ quan thuộc ngành "
        f"({escape_inline(', '.join(audience.sectors) or 'không ngành nào')}) hoặc có từ: "
        f"{escape_inline(', '.join(audience.keywords))} (danh sách trong `data/topics.yml`). "
        "Phần trích giữ nguyên lời văn; “…” đánh dấu chỗ lược bớt.</small>\n"
    )
    return "\n".join(out).rstrip() + "\n"


def danger_page(corpus: Corpus, reg: TopicRegistry) -> str:
    items: list[tuple[Document, str, str]] = []  # doc, anchor, text
    for doc in _docs_by_date(corpus):
        for b in doc.body:
            if b.annex or b.kind not in ("para", "item", "bullet"):
                continue
            if _REPORTING(b.plain):
                items.append((doc, b.anchor, b.text))
    sources = sorted({d.source for d, _, _ in items})
    # Search boost like a topic page: "trẻ bị xâm hại phải làm gì" is this page.
    out = [front_matter(sources or "sources/", extra="search:\n  boost: 3"), "# Khi trẻ em gặp nguy hiểm\n"]
    out.append(
        "Trang này gom những gì các văn bản trong kho nói về việc phát hiện, thông báo, tố giác và hỗ trợ "
        "khi trẻ em bị xâm hại, bạo lực hoặc có nguy cơ. Mỗi đoạn trích giữ nguyên lời văn và dẫn về đúng "
        "khoản trong văn bản.\n"
    )
    out.append(hotline_box(corpus))
    if national_line(corpus):
        out.append("Tất cả số điện thoại và đường dây mà văn bản nêu: [Tổng đài, đường dây hỗ trợ](tong-dai.md).\n")
    out.append("## Dành cho ai {#danh-cho-ai}\n")
    out.append("- [Giáo viên, nhà trường](giao-vien.md): văn bản giao gì cho ngành giáo dục, nhà trường, giáo viên.")
    out.append("- [Cha mẹ, gia đình](phu-huynh.md): văn bản nói gì về trách nhiệm và hỗ trợ cho gia đình.")
    out.append("- [Cán bộ](../co-quan/index.md): nhiệm vụ của từng cơ quan.\n")
    out.append("## Văn bản nói gì về phát hiện, thông báo, hỗ trợ {#thong-bao}\n")
    for doc, anchor, text in items:
        out.append(quote(excerpt(text, _REPORTING)))
        out.append("")
        out.append(f"Nguồn: {source_link(doc, anchor)}\n")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- indexes
def _index_line(doc: Document, from_dir: str = "chi-muc") -> str:
    date = human_date(doc.date).split(" (")[0] or "không ghi ngày"
    issuer = f" — {escape_inline(doc.issuer)}" if doc.issuer else ""
    return f"- {link(escape_inline(title_of(doc)), doc_href(doc, from_dir))}{issuer}; {escape_inline(date)}"


def _grouped_page(title: str, intro: str, groups: dict[str, list[Document]], order: list[str], slug_prefix: str) -> str:
    from tracuu.model.textutil import slugify

    out = [front_matter("sources/"), f"# {title}\n", intro + "\n"]
    for key in order:
        out.append(f"## {escape_inline(key)} ({len(groups[key])}) {{#{slug_prefix}-{slugify(key) or 'khac'}}}\n")
        out += [_index_line(d) for d in groups[key]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def index_pages(corpus: Corpus) -> dict[str, str]:
    docs = _docs_by_date(corpus)
    pages: dict[str, str] = {}
    by_year: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_year[d.date[:4] or "Không rõ năm"].append(d)
    years = sorted((y for y in by_year if y.isdigit()), reverse=True) + [y for y in by_year if not y.isdigit()]
    pages["chi-muc/theo-nam.md"] = _grouped_page(
        "Dòng thời gian",
        "Văn bản theo năm ban hành, mới nhất trước (ngày như văn bản ghi; văn bản để trống ngày xếp theo tháng).",
        {f"Năm {y}" if y.isdigit() else y: v for y, v in by_year.items()},
        [f"Năm {y}" if y.isdigit() else y for y in years],
        "nam",
    )
    levels = {d.id: issuing_level(d) for d in docs}
    by_prov: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        key = d.province or ("Trung ương" if levels[d.id] == "trung ương" else "Chưa xác định tỉnh")
        by_prov[key].append(d)
    pages["chi-muc/theo-tinh.md"] = _grouped_page(
        "Theo tỉnh, thành phố",
        "Văn bản theo địa phương ban hành (theo địa danh ghi trên văn bản hoặc tệp kèm theo).",
        by_prov,
        sorted(by_prov, key=collation_key),
        "tinh",
    )
    by_type: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_type[d.doc_type or "Chưa xác định loại"].append(d)
    pages["chi-muc/theo-loai.md"] = _grouped_page(
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
    pages["chi-muc/theo-cap.md"] = _grouped_page(
        "Theo cấp ban hành",
        "Cấp của cơ quan ban hành, theo danh mục cơ quan (`data/agencies.yml`). Nhiệm vụ của từng cơ quan xem ở trang "
        + "[Cơ quan](../co-quan/index.md).",
        by_level,
        sorted(by_level, key=lambda k: (rank.get(k, 9), collation_key(k))),
        "cap",
    )
    pages["chi-muc/index.md"] = "\n".join(
        [
            front_matter("sources/"),
            "# Chỉ mục\n",
            f"Kho có **{len(docs)}** văn bản. Tra theo:\n",
            "- [Dòng thời gian](theo-nam.md): theo năm ban hành",
            "- [Tỉnh, thành phố](theo-tinh.md)",
            "- [Loại văn bản](theo-loai.md)",
            "- [Cấp ban hành](theo-cap.md): trung ương, tỉnh, huyện",
            "- [Chủ đề](../chu-de/index.md)",
            "- [Số liệu trong báo cáo](so-lieu.md): biểu đồ các con số văn bản nêu",
            "",
        ]
    )
    return pages


# --------------------------------------------------------------------------- charts
def _x(text: str) -> str:
    """Text inside raw SVG/HTML: entity-escaped (Markdown does not process raw HTML blocks)."""
    return html.escape(text, quote=True)


def chart_svg(fig: figs.Figure, title: str, ident: str) -> str:
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


def chart_section(doc: Document, fig: figs.Figure, from_dir: str, index: int) -> str:
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


def figures_page(corpus: Corpus) -> str:
    found = figs.all_figures(corpus)
    out = [front_matter(sorted({d.source for d, _ in found}) or "sources/"), "# Số liệu trong báo cáo\n"]
    out.append(
        "Các con số do chính văn bản nêu (ví dụ số câu hỏi theo nhóm tại một diễn đàn trẻ em), được tách tự động "
        "từ lời văn và vẽ khi dựng trang; bảng bên cạnh ghi đúng các số đó. Tổng do văn bản ghi được đối chiếu với "
        "tổng các nhóm.\n"
    )
    if not found:
        out.append("Chưa có văn bản nào nêu số liệu theo nhóm.\n")
    for i, (doc, fig) in enumerate(found, 1):
        out.append(chart_section(doc, fig, "chi-muc", i))
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- home snippets
def newest_snippet(corpus: Corpus, n: int = 5) -> str:
    lines = ["<!-- Sinh tự động (tracuu.render_portal); chèn vào docs/index.md. -->", ""]
    for d in _docs_by_date(corpus)[:n]:
        date = human_date(d.date).split(" (")[0] or "không ghi ngày"
        lines.append(
            f"- {link(escape_inline(title_of(d)), doc_href(d, ''))}  \n"
            f"  {escape_inline(d.issuer or d.doc_type)}, {escape_inline(date)}"
        )
    return "\n".join(lines) + "\n"


def hotline_snippet(corpus: Corpus) -> str:
    box = hotline_box(corpus, from_dir="")
    return "<!-- Sinh tự động (tracuu.render_portal); chèn vào docs/index.md. -->\n\n" + box


# --------------------------------------------------------------------------- entry point
def pages(corpus: Corpus) -> dict[str, str]:
    reg = load_registry()
    out: dict[str, str] = {"chu-de/index.md": topics_index(corpus, reg)}
    for t in reg.topics:
        out[f"chu-de/{t.id}.md"] = topic_page(t, corpus, reg)
    teachers = reg.audience("giao-vien")
    parents = reg.audience("phu-huynh")
    if teachers:
        out["huong-dan/giao-vien.md"] = guidance_page(
            teachers,
            corpus,
            reg,
            "Dành cho giáo viên, nhà trường",
            "Những gì các văn bản trong kho giao cho ngành giáo dục, nhà trường và giáo viên, trích nguyên văn. "
            "Mỗi đoạn có đường dẫn tới đúng khoản trong văn bản gốc.",
        )
    if parents:
        out["huong-dan/phu-huynh.md"] = guidance_page(
            parents,
            corpus,
            reg,
            "Dành cho cha mẹ, gia đình",
            "Những gì các văn bản trong kho nói về cha mẹ, gia đình và người chăm sóc trẻ em, trích nguyên văn. "
            "Mỗi đoạn có đường dẫn tới đúng khoản trong văn bản gốc.",
        )
    out["huong-dan/index.md"] = danger_page(corpus, reg)
    hotline = hotline_page(corpus)
    if hotline:
        out["huong-dan/tong-dai.md"] = hotline
    out.update(index_pages(corpus))
    out["chi-muc/so-lieu.md"] = figures_page(corpus)
    out["_generated/newest.md"] = newest_snippet(corpus)
    out["_generated/hotline.md"] = hotline_snippet(corpus)
    out.update(glossary.pages(corpus))
    return out
