"""What every portal page shares: links to documents and agencies, source labels, quotes, front matter."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from tracuu.model.corpus import Corpus
from tracuu.model.records import Block, Document
from tracuu.model.textutil import plain
from tracuu.render import urls
from tracuu.render.mdsafe import escape_block, escape_inline, link
from tracuu.render.titles import designation, vn_date


def doc_href(doc: Document, from_dir: str, anchor: str = "") -> str:
    return urls.document(doc.id, from_dir, anchor)


def agency_href(agency_id: str, from_dir: str) -> str:
    return urls.agency(agency_id, from_dir)


def short_title(doc: Document) -> str:
    """ "Công văn 5310/UBND-KGVX (Thái Nguyên, 10/10/2023)": designation, place and date, for link labels
    ("Báo cáo chưa ghi số (ký hiệu BC-BTC, Bắc Kạn, 06/2024)" when the number was left blank)."""
    return designation(doc, doc.province or doc.place, vn_date(doc.date))


def locator(doc: Document, anchor: str) -> str:
    """ "điểm a mục 2": the nearest numbered label above the block ("" when none).

    No source line: line numbers are editor matter (``tracuu check``), not for readers.
    """
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
    where = _legal_locator(labels) or _plain_locator(labels)
    if b.annex and not where.startswith("Phụ lục"):
        where = f"{b.annex}, {where}" if where else b.annex
    return where


def _legal_locator(labels: list[str]) -> str:
    """ "điểm c khoản 1 Điều 100" under an article (innermost label first); "" when no Điều is above."""
    article = next((i for i, lab in enumerate(labels) if re.fullmatch(r"Điều \d+[a-zđ]?", lab)), -1)
    if article < 0:
        return ""
    inner = labels[:article]
    if len(inner) > 2 or any(not re.fullmatch(r"[a-zđ]|\d+", lab) for lab in inner):
        return ""
    words = [f"điểm {lab}" if lab.isalpha() else f"khoản {lab}" for lab in inner]
    if len(words) == 2 and not (inner[0].isalpha() and inner[1].isdigit()):
        return ""
    return " ".join([*words, labels[article]])


def _plain_locator(labels: list[str]) -> str:
    """ "điểm a mục 2", "mục 1.1", "Phụ lục II": a document without articles."""
    if not labels:
        return ""
    lab = labels[0]
    if lab.startswith(("Điều", "Phụ lục", "Chương", "Mục", "Phần")):
        return lab
    if re.fullmatch(r"[a-zđ]", lab):
        return f"điểm {lab}" + (f" mục {labels[1]}" if len(labels) > 1 else "")
    return f"mục {lab}"


def source_link(doc: Document, anchor: str, from_dir: str = urls.GUIDANCE) -> str:
    loc = locator(doc, anchor)
    label = f"{short_title(doc)}, {loc}" if loc else short_title(doc)
    return link(escape_inline(label), doc_href(doc, from_dir, anchor))


# Quotations repeated from document pages stay out of the search index: the
# document page already indexes that text, and repeating it made topic pages a
# third of the index (slower first results on phones, worse ranking).
# Search boost of the pages that answer plain-word questions (topics, guidance,
# hotlines): above document, agency (3) and instrument (2) pages, so "xam hai tre
# em" or "tre bi bao luc phai lam gi" lands on them rather than on a near-empty
# instrument page whose title holds the same words.
READER_BOOST = "search:\n  boost: 5"

EXCLUDED_OPEN = '<div class="quotes" data-search-exclude markdown>\n'
EXCLUDED_CLOSE = "\n</div>\n"


def quote(text: str) -> str:
    """A verbatim quotation as one Markdown blockquote paragraph."""
    body = escape_block(" ".join(plain(text).split()))
    return "> " + body


def docs_by_date(corpus: Corpus) -> list[Document]:
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
