"""When a duty is due, as the text says it: a typed value, never a guessed date."""

from __future__ import annotations

import calendar
import datetime as dt
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


# When is it due next (for "Sắp đến hạn" and calendars): pure date arithmetic on the value.


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def due_date(d: Deadline) -> dt.date | None:
    """The last day a fixed deadline allows: the day itself, or the end of its month, quarter, year."""
    if d.kind != "date" or not d.date:
        return None
    y = int(d.date[:4])
    if d.precision == "day":
        return dt.date.fromisoformat(d.date)
    if d.precision == "month":
        return _month_end(y, int(d.date[5:7]))
    if d.precision == "quarter":
        return _month_end(y, int(d.date[-1]) * 3)
    if d.precision == "year":
        return dt.date(y, 12, 31)
    return None


def next_occurrence(d: Deadline, today: dt.date) -> dt.date | None:
    """The next due day on or after ``today``: a fixed deadline's own, or an anchored recurrence's next."""
    if d.kind == "date":
        due = due_date(d)
        return due if due is not None and due >= today else None
    if d.kind != "recurrence":
        return None
    if d.freq == "YEARLY" and d.month:
        for y in (today.year, today.year + 1):
            day = min(d.day, calendar.monthrange(y, d.month)[1]) if d.day else calendar.monthrange(y, d.month)[1]
            cand = dt.date(y, d.month, day)
            if cand >= today:
                return cand
    if d.freq == "MONTHLY" and d.interval == 1 and d.day:
        y, m = today.year, today.month
        for _ in range(2):
            cand = dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
            if cand >= today:
                return cand
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return None


@dataclass(frozen=True)
class DeadlineEntry:
    """One duty's deadline as the pages and calendars show it (links are computed by the caller)."""

    agency_id: str
    agency_name: str
    role: str
    doc_id: str
    doc_title: str
    doc_date: str
    clause: str  # block anchor
    duty_text: str
    deadline: Deadline
