"""``tracuu check``: every problem in sources/ and data/ as ``path:line: message``."""

from __future__ import annotations

from collections.abc import Callable

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.problems import Problem
from tracuu.registries import agencies, glossary, guidance, search, vocabulary
from tracuu.resolve import citations, figures, topics

# Registries checked against the corpus, each ``(corpus) -> list[Problem]``.
CHECKERS: tuple[Callable[[Corpus], list[Problem]], ...] = (
    citations.check_instruments,
    agencies.check,
    topics.check,
    glossary.check,
    guidance.check,
    figures.check,
    vocabulary.check,
    search.check,
)


def check() -> list[Problem]:
    corpus = load_corpus()
    problems = list(corpus.problems)
    for check_registry in CHECKERS:
        problems.extend(check_registry(corpus))
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))
