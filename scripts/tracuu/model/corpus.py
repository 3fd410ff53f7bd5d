"""The parsed corpus handed to every page renderer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tracuu.model.problems import Problem
from tracuu.model.records import Document


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    root: Path
    problems: tuple[Problem, ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, Document]:
        out: dict[str, Document] = {}
        for d in self.documents:
            out.setdefault(d.id, d)
        return out

    def document(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)
