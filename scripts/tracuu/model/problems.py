"""Errors editors see: ``path:line: what is wrong and how to fix it``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

# How a document's warnings name a problem of its sidecar file ("tệp kèm theo x.yml dòng 3: …").
SIDECAR_WARNING = "tệp kèm theo"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" stops `tracuu check`; "warning" is reported only
    hint: str = ""  # how to fix it, when the message alone does not say

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def as_warning(self, source: str) -> str:
        """The line ``Document.warnings`` shows for this problem of the document read from ``source``.

        "line 7: …" for the document itself; a problem of another file (its sidecar)
        is shown on line 1 naming that file: "line 1: tệp kèm theo x.yml dòng 3: …".
        """
        if self.path == source:
            return f"line {self.line}: {self.message}"
        return f"line 1: {SIDECAR_WARNING} {PurePath(self.path).name} dòng {self.line}: {self.message}"


class SourceError(Exception):
    """A problem in an input file that stops that file (not the whole build)."""

    def __init__(self, path: str | Path, line: int, message: str, hint: str = "") -> None:
        self.problem = Problem(str(path), line, message, hint=hint)
        super().__init__(str(self.problem))
