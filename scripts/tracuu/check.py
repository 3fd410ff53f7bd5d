"""``tracuu check``: every problem in sources/ and data/ as ``path:line: message``."""

from __future__ import annotations

from collections.abc import Callable

from . import agencies, citations, figures, glossary, topics
from .build import load_corpus
from .corpus import Corpus
from .errors import Problem

# Registries checked against the corpus, each ``(corpus) -> list[Problem]``.
CHECKERS: tuple[Callable[[Corpus], list[Problem]], ...] = (
    citations.check_instruments,
    agencies.check,
    topics.check,
    glossary.check,
    figures.check,
)


def check() -> list[Problem]:
    corpus = load_corpus()
    problems = list(corpus.problems)
    for check_registry in CHECKERS:
        problems.extend(check_registry(corpus))
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))
