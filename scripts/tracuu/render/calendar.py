"""ICS calendars of duties with deadlines: one per agency (and per group).

Built with ``icalendar`` (maintained, RFC 5545 folding, escaping and RRULE encoding done
right) rather than writing ICS by hand. Output is deterministic: UIDs come from the
document, clause and expression; DTSTAMP from the document's date, never the clock.
A recurrence whose day the text does not state cannot be placed on a calendar without
guessing and is left out (the agency page still lists it under "Định kỳ").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event, vRecur

from tracuu.model.corpus import Corpus
from tracuu.model.deadline import Deadline, DeadlineEntry, due_date, next_occurrence
from tracuu.model.index import CorpusIndex
from tracuu.render import urls
from tracuu.render.deadlines import entries_for

PRODID = "-//Tra cuu cong tac tre em//tracuu//VI"


@dataclass(frozen=True)
class CalendarEntry:
    doc_id: str
    doc_title: str
    doc_date: str  # ISO, as precise as the document
    clause: str  # block anchor
    url: str  # absolute or site-relative link to the clause
    duty_text: str
    role: str
    deadline: Deadline


def _start_of(doc_date: str) -> dt.date:
    parts = [int(p) for p in doc_date.split("-")[:3] if p.isdigit()]
    y, m, d = (parts + [1, 1, 1])[:3] if parts else (1970, 1, 1)
    return dt.date(y, m or 1, d or 1)


def _uid(e: CalendarEntry) -> str:
    key = f"{e.doc_id}#{e.clause}#{e.deadline.start}#{e.deadline.text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + "@tracuu"


def _summary(e: CalendarEntry) -> str:
    text = " ".join(e.duty_text.split())
    return (text[:117] + "…") if len(text) > 118 else text


def _event(e: CalendarEntry) -> Event | None:
    d = e.deadline
    ev = Event()
    if d.kind == "date":
        due = due_date(d)
        if due is None:
            return None
        ev.add("dtstart", due)
        ev.add("dtend", due + dt.timedelta(days=1))
    elif d.kind == "recurrence" and (d.month or d.day):
        first = next_occurrence(d, _start_of(e.doc_date))
        if first is None:
            return None
        rule: dict[str, object] = {"freq": d.freq, "interval": d.interval}
        if d.month and d.freq == "YEARLY":
            rule["bymonth"] = d.month
        if d.day:
            rule["bymonthday"] = d.day
        ev.add("dtstart", first)
        ev.add("dtend", first + dt.timedelta(days=1))
        ev.add("rrule", vRecur(rule))
    else:
        return None
    ev.add("uid", _uid(e))
    ev.add("dtstamp", dt.datetime.combine(_start_of(e.doc_date), dt.time(0, 0), tzinfo=dt.UTC))
    ev.add("summary", f"[{e.role}] {_summary(e)}")
    ev.add("description", f"Thời hạn: {d.text}\n{e.doc_title}\n\n{' '.join(e.duty_text.split())}")
    ev.add("url", e.url)
    return ev


def agency_calendar(name: str, entries: Sequence[CalendarEntry]) -> bytes:
    """One VCALENDAR for ``name``: every entry that can be placed on a day."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Nhiệm vụ: {name}")
    events = [ev for ev in map(_event, sorted(entries, key=lambda e: (e.doc_id, e.clause, e.deadline.start))) if ev]
    for ev in events:
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data


def placeable(d: Deadline) -> bool:
    """Whether a deadline can go on a calendar (a fixed date, or a recurrence with its day)."""
    return (d.kind == "date" and due_date(d) is not None) or (d.kind == "recurrence" and bool(d.month or d.day))


def ics_path(agency_id: str) -> str:
    return f"{urls.AGENCIES}/{agency_id}.ics"


def entry_of(e: DeadlineEntry, base: str) -> CalendarEntry:
    url = base + urls.site_document(e.doc_id, e.clause)
    return CalendarEntry(e.doc_id, e.doc_title, e.doc_date, e.clause, url, e.duty_text, e.role, e.deadline)


def files(corpus: Corpus, index: CorpusIndex) -> dict[str, bytes]:
    """``co-quan/<id>.ics`` for every agency (and group) with a duty that can be placed on a day."""
    base = os.environ.get("SITE_URL", "").rstrip("/")
    base = base + "/" if base else ""
    out: dict[str, bytes] = {}
    for aid, v in sorted(index.agencies.items()):
        entries = [entry_of(e, base) for e in entries_for(v) if placeable(e.deadline)]
        if entries:
            out[ics_path(aid)] = agency_calendar(v.agency.name, entries)
    return out
