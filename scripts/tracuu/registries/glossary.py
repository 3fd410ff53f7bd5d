"""Loading the glossary (``data/glossary.yml``); ``render.glossary`` makes its page and tooltips.

``docs/includes/abbreviations.md`` holds one ``*[UBND]: Ủy ban nhân dân``
line per term; ``pymdownx.snippets`` appends it to every page (``auto_append``
in mkdocs.yml), the ``abbr`` extension wraps each occurrence in
``<abbr title>``, and Material's ``content.tooltips`` shows the title.
Terms marked ``tooltip: false`` (letters with several meanings) are listed on
the page but get no tooltip, so "TT Thành ủy" is never glossed "Thông tư".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tracuu.model.corpus import Corpus
from tracuu.model.glossary import Term as Term
from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir
from tracuu.registries import loader

KEYS = ("term", "expansion", "note", "source", "tooltip")


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
