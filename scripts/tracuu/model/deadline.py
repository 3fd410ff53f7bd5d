"""When a duty is due, as the text says it: a typed value, never a guessed date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

DeadlineKind = Literal["date", "recurrence", "period", "ongoing", "text"]
Precision = Literal["day", "month", "quarter", "year", ""]
Freq = Literal["YEARLY", "MONTHLY", "WEEKLY", ""]


@dataclass(frozen=True)
class Deadline:
    """One time expression of a duty.

    kind:
      - ``date``: a fixed date as precise as the text (``2023-12-15``, ``2024-05``, ``2024-Q2``, ``2024``);
        ``relation`` says whether the work is due *before* it or *within* it.
      - ``recurrence``: every ``interval`` units of ``freq`` (RRULE terms), with the anchor month/day
        when the text states one ("trước ngày 31 tháng 5 hằng năm").
      - ``period``: a span of years ("giai đoạn 2021-2025", "trong năm 2024").
      - ``ongoing``: "thường xuyên".
      - ``text``: a time expression the portal recognised but cannot turn into a date without guessing
        ("trước năm học mới"); shown as written.
    ``relative`` marks a date whose year (or whole value) was taken from the document's own date.
    """

    kind: DeadlineKind
    text: str  # exact substring of the duty text
    start: int  # offset of ``text`` in the duty text
    date: str = ""
    precision: Precision = ""
    relation: Literal["before", "within", ""] = ""
    relative: bool = False
    freq: Freq = ""
    interval: int = 0
    month: int = 0  # anchor month of a recurrence, 0 = not stated
    day: int = 0  # anchor day of a recurrence, 0 = not stated
    period_start: str = ""
    period_end: str = ""

    def contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.kind == "date":
            out.update(date=self.date, precision=self.precision, relation=self.relation, relative=self.relative)
        elif self.kind == "recurrence":
            out.update(freq=self.freq, interval=self.interval, month=self.month, day=self.day)
        elif self.kind == "period":
            out.update(start=self.period_start, end=self.period_end)
        return out
