"""Errors editors see: ``path:line: what is wrong and how to fix it``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # "error" stops `tracuu check`; "warning" is reported only
    hint: str = ""  # how to fix it, when the message alone does not say

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SourceError(Exception):
    """A problem in an input file that stops that file (not the whole build)."""

    def __init__(self, path: str | Path, line: int, message: str, hint: str = "") -> None:
        self.problem = Problem(str(path), line, message, hint=hint)
        super().__init__(str(self.problem))
