"""Figures a report states in its own words: "17 câu hỏi … Nhóm an toàn mạng, có 5 câu hỏi; …".

One pattern, no document-specific code: a run of at least two
``nhóm <tên>[,] có <số> <đơn vị>`` parts in one paragraph, and the total, the
nearest "<số> <đơn vị>" with the same unit before the first part. Each figure
keeps the block it came from, so a chart links to its paragraph, and
``check`` reports parts that do not add up to the stated total.
"""

from __future__ import annotations

import re

from tracuu.model.corpus import Corpus
from tracuu.model.figures import Figure, Part
from tracuu.model.problems import Problem
from tracuu.model.records import Document
from tracuu.model.textutil import fold

# "Nhóm an toàn mạng, có 5 câu hỏi" / "nhóm quyền trẻ em có 02 câu hỏi"
_PART = re.compile(
    r"""
    \b[Nn]hóm\s+                       # the word that opens a group
    (?P<name>[^;:.()]{2,120}?)         # its name, as written
    ,?\s+(?:có|gồm|với)\s+             # "có" links name and count
    (?P<count>\d{1,6})\s+              # the count (leading zeros allowed: "02")
    (?P<unit>[^\W\d_]+(?:\s+[^\W\d_]+)?)  # one or two words of unit ("câu hỏi", "ý kiến")
    (?=\s*[;.,]|\s*$)
    """,
    re.VERBOSE,
)


def _total_before(text: str, end: int, unit: str) -> tuple[int | None, str]:
    """The last "<n> <unit>" before ``end`` (the first part), as the stated total."""
    rx = re.compile(rf"(\d{{1,6}})\s+{re.escape(unit)}\b", re.IGNORECASE)
    found = list(rx.finditer(text[:end]))
    if not found:
        return None, ""
    m = found[-1]
    return int(m.group(1)), m.group(0)


def figures_in(doc: Document) -> list[Figure]:
    out: list[Figure] = []
    for b in doc.body:
        if b.kind not in ("para", "item", "bullet"):
            continue
        text = b.plain
        parts = list(_PART.finditer(text))
        # Group consecutive parts by unit (folded: "Câu hỏi" = "câu hỏi").
        by_unit: dict[str, list[re.Match[str]]] = {}
        for m in parts:
            by_unit.setdefault(fold(m.group("unit")), []).append(m)
        for matches in by_unit.values():
            if len(matches) < 2:
                continue
            unit = matches[0].group("unit")
            total, total_text = _total_before(text, matches[0].start(), unit)
            out.append(
                Figure(
                    doc_id=doc.id,
                    block=b.anchor,
                    line=b.line,
                    unit=unit,
                    parts=tuple(
                        Part(" ".join(m.group("name").split()), int(m.group("count")), m.group(0)) for m in matches
                    ),
                    total=total,
                    total_text=total_text,
                )
            )
    return out


def all_figures(corpus: Corpus) -> list[tuple[Document, Figure]]:
    return [(d, f) for d in sorted(corpus.documents, key=lambda d: d.id) for f in figures_in(d)]


def check(corpus: Corpus) -> list[Problem]:
    """A stated total that the parts do not add up to is a warning on the paragraph's line."""
    out: list[Problem] = []
    for doc, f in all_figures(corpus):
        if not f.consistent:
            out.append(
                Problem(
                    doc.source,
                    f.line,
                    f"các nhóm cộng lại {f.sum} {f.unit}, văn bản ghi tổng {f.total} ({f.total_text}); "
                    "biểu đồ vẫn vẽ theo từng nhóm",
                    "warning",
                )
            )
    return out


__all__ = ["Figure", "Part", "all_figures", "check", "figures_in"]
