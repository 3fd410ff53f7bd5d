"""Loading ``data/search.yml``: stop-words and what people type for what the documents say."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir
from tracuu.registries.loader import compose, value


@dataclass(frozen=True)
class Synonym:
    words: tuple[str, ...]  # what a person types
    means: tuple[str, ...]  # what to look for as well


@dataclass(frozen=True)
class SearchWords:
    stopwords: tuple[str, ...] = ()
    synonyms: tuple[Synonym, ...] = ()


def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (nfc(value),)
    return tuple(nfc(str(v)) for v in (value or ()) if v is not None)


def _load(path: Path) -> tuple[SearchWords, list[Problem]]:
    p = str(path)
    if not path.is_file():
        return SearchWords(), []
    try:
        root = compose(path)
    except SourceError as err:
        return SearchWords(), [err.problem]
    if root is None:
        return SearchWords(), []
    if not isinstance(root, yaml.MappingNode):
        return SearchWords(), [Problem(p, 1, "tệp phải là bảng khóa có 'stopwords' và 'synonyms'")]
    problems: list[Problem] = []
    stopwords: tuple[str, ...] = ()
    synonyms: list[Synonym] = []
    for k, v in root.value:
        data: Any = value(v)
        if k.value == "stopwords":
            stopwords = _strs(data)
        elif k.value == "synonyms" and isinstance(v, yaml.SequenceNode):
            for item in v.value:
                entry: Any = value(item)
                if not isinstance(entry, dict):
                    problems.append(Problem(p, item.start_mark.line + 1, "mỗi mục của 'synonyms' phải có words và means"))
                    continue
                synonyms.append(Synonym(_strs(entry.get("words")), _strs(entry.get("means"))))
        else:
            problems.append(Problem(p, k.start_mark.line + 1, f"khóa không hỗ trợ '{k.value}'; dùng stopwords, synonyms"))
    return SearchWords(stopwords, tuple(synonyms)), problems


def load(path: Path | None = None) -> SearchWords:
    return _load(path or data_dir() / "search.yml")[0]


def problems(path: Path | None = None) -> list[Problem]:
    return _load(path or data_dir() / "search.yml")[1]


def check(corpus: object = None) -> list[Problem]:
    """``tracuu check``: problems in data/search.yml."""
    return problems()
