"""The parsed corpus handed to every page renderer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracuu.model.problems import Problem
from tracuu.model.records import Document


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    root: Path
    problems: tuple[Problem, ...] = ()

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)
