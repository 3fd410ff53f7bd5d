"""Figures a report states in its own words (found by ``resolve.figures``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    name: str
    count: int
    text: str  # as written ("Nhóm an toàn mạng, có 5 câu hỏi")


@dataclass(frozen=True)
class Figure:
    doc_id: str
    block: str  # anchor of the paragraph
    line: int
    unit: str
    parts: tuple[Part, ...]
    total: int | None  # the total the text states, None when it states none
    total_text: str = ""

    @property
    def sum(self) -> int:
        return sum(p.count for p in self.parts)

    @property
    def consistent(self) -> bool:
        return self.total is None or self.total == self.sum
