"""The glossary (``data/glossary.yml``): a page, and a tooltip on every occurrence.

``docs/includes/abbreviations.md`` holds one ``*[UBND]: Ủy ban nhân dân``
line per term; ``pymdownx.snippets`` appends it to every page (``auto_append``
in mkdocs.yml), the ``abbr`` extension wraps each occurrence in
``<abbr title>``, and Material's ``content.tooltips`` shows the title.
Terms marked ``tooltip: false`` (letters with several meanings) are listed on
the page but get no tooltip, so "TT Thành ủy" is never glossed "Thông tư".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.corpus import Corpus
from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import collation_key, nfc
from tracuu.paths import data_dir
from tracuu.registries import loader
from tracuu.render.mdsafe import escape_inline, link

ABBR_FILE = "includes/abbreviations.md"
PAGE = "tu-dien/index.md"
KEYS = ("term", "expansion", "note", "source", "tooltip")


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    note: str = ""
    source: str = ""
    tooltip: bool = True
    line: int = 0


def _load(path: Path) -> tuple[list[Term], list[Problem]]:
    p = str(path)
    if not path.exists():
        return [], [Problem(p, 1, "thiếu tệp từ điển viết tắt data/glossary.yml")]
    try:
        root = loader.compose(path)
    except SourceError as err:
        return [], [err.problem]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(p, 1, "từ điển phải là một danh sách các mục {term, expansion, note, source}")]
    terms: list[Term] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for node in root.value:
        line = node.start_mark.line + 1
        d: Any = loader.value(node)
        if not isinstance(d, dict):
            problems.append(Problem(p, line, "mỗi mục phải là bảng khóa {term, expansion, ...}"))
            continue
        for k in sorted(set(d) - set(KEYS)):
            problems.append(Problem(p, line, f"khóa không hỗ trợ '{k}'; dùng {', '.join(KEYS)}"))
        term, expansion = nfc(str(d.get("term") or "")).strip(), nfc(str(d.get("expansion") or "")).strip()
        if not term or not expansion:
            problems.append(Problem(p, line, "mục thiếu 'term' hoặc 'expansion'"))
            continue
        if any(c in term for c in "[]\n"):
            problems.append(Problem(p, line, f"'{term}': chữ viết tắt không được chứa [ ] hay xuống dòng"))
            continue
        if term in seen:
            problems.append(Problem(p, line, f"trùng chữ viết tắt '{term}' với dòng {seen[term]}"))
            continue
        seen[term] = line
        terms.append(
            Term(
                term,
                expansion,
                nfc(str(d.get("note") or "")),
                nfc(str(d.get("source") or "")),
                d.get("tooltip", True) is not False,
                line,
            )
        )
    return terms, problems


def load(path: Path | None = None) -> list[Term]:
    return _load(path or data_dir() / "glossary.yml")[0]


def check(corpus: Corpus) -> list[Problem]:
    return _load(data_dir() / "glossary.yml")[1]


def abbreviations_md(terms: list[Term]) -> str:
    """pymdownx/abbr definitions; the title is an attribute, so no Markdown escaping applies."""
    lines = ["<!-- Sinh tự động từ data/glossary.yml (tracuu.glossary); không sửa tay. -->", ""]
    for t in sorted(terms, key=lambda t: t.term):
        if t.tooltip:
            lines.append(f"*[{t.term}]: {' '.join(t.expansion.split())}")
    return "\n".join(lines) + "\n"


def _source_cell(source: str, corpus: Corpus) -> str:
    doc = corpus.document(source) if source else None
    if doc is not None:
        return link(escape_inline(source), f"../van-ban/{doc.id}.md")
    return escape_inline(source) if source else "—"


def glossary_page(terms: list[Term], corpus: Corpus) -> str:
    out = [
        "---\nsource: data/glossary.yml\nsearch:\n  boost: 1\n---\n",
        "# Từ điển viết tắt\n",
        "Chữ viết tắt gặp trong các văn bản và nghĩa thông dụng của chúng. Trên mọi trang, "
        "đưa chuột (hoặc chạm) vào chữ viết tắt có gạch chấm để xem nghĩa. Cột *Nguồn* cho biết "
        "nghĩa được lấy từ đâu.\n",
        "| Viết tắt | Nghĩa | Ghi chú | Nguồn |",
        "|---|---|---|---|",
    ]
    for t in sorted(terms, key=lambda t: collation_key(t.term)):
        note = escape_inline(t.note) if t.note else ""
        if not t.tooltip:
            note = (note + "; " if note else "") + "nhiều nghĩa, không tự chú thích trên các trang"
        # The term itself is wrapped in backticks-free plain text; abbr adds its own tooltip.
        out.append(
            f"| **{escape_inline(t.term)}** | {escape_inline(t.expansion)} | {note or '—'} | {_source_cell(t.source, corpus)} |"
        )
    return "\n".join(out) + "\n"


def pages(corpus: Corpus) -> dict[str, str]:
    terms = load()
    return {PAGE: glossary_page(terms, corpus), ABBR_FILE: abbreviations_md(terms)}
