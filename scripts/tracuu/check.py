"""``tracuu check``: every problem in sources/ and data/ as ``path:line: message``."""

from __future__ import annotations

import importlib
import importlib.util

from .build import load_corpus
from .errors import Problem

# Modules that can check their registry against the corpus: ``check(corpus) -> list[Problem]``.
CHECKERS = ("tracuu.citations", "tracuu.agencies", "tracuu.topics", "tracuu.glossary", "tracuu.figures")


def check() -> list[Problem]:
    corpus = load_corpus()
    problems = list(corpus.problems)
    for name in CHECKERS:
        if importlib.util.find_spec(name) is None:
            continue
        mod = importlib.import_module(name)
        fn = getattr(mod, "check", None) or getattr(mod, "check_instruments", None)
        if fn:
            problems.extend(fn(corpus))
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))
