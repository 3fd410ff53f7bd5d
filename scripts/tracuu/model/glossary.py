"""A glossary entry of ``data/glossary.yml`` (loaded by ``registries.glossary``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    note: str = ""
    source: str = ""
    tooltip: bool = True
    line: int = 0
