"""Read when a duty is due from its text: fixed dates, recurrences, periods, "thường xuyên".

A date counts only where a relation word puts it before the work ("trước ngày 15/12/2023",
"chậm nhất ngày …", "trong Quý II", "vào tháng 6 hằng năm"): a bare date in a duty is usually
the date of a cited document. A date without a year takes the document's year (the next
occurrence on or after the document's date) and is marked ``relative``; where the document's
own date is not precise enough for that, the expression stays text. Vague times ("trước năm
học mới") stay text: a reader sees them as written, never a guessed date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from tracuu.model.deadline import Deadline
from tracuu.model.records import Document
from tracuu.model.textutil import nfc
from tracuu.registries.deadlines import DeadlineVocabulary, RecurrenceWord, vocabulary

_DAY_MONTH_YEAR = r"(?P<d>\d{1,2})\s*(?:/|-|\.)\s*(?P<m>\d{1,2})\s*(?:/|-|\.)\s*(?P<y>(?:19|20)\d\d)"
_DAY_MONTH_YEAR_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
_DAY_MONTH = r"(?P<d3>\d{1,2})\s*/\s*(?P<m3>\d{1,2})(?!\s*/?\s*\d)"
_DAY_MONTH_WORDS = r"(?P<d4>\d{1,2})\s+tháng\s+(?P<m4>\d{1,2})(?!\s*(?:/|năm)\s*\d)(?!\d)"
_MONTH_YEAR = r"tháng\s+(?P<m5>\d{1,2})\s*(?:/|năm)\s*(?P<y5>(?:19|20)\d\d)"
_MONTH = r"tháng\s+(?P<m6>\d{1,2})(?![\d/])(?!\s*năm\s*\d)(?!\s+tuổi)"
_YEAR = r"năm\s+(?P<y7>(?:19|20)\d\d)(?!\s*[-–—]\s*\d)"
_PERIOD = re.compile(
    r"""(?:giai\s+đoạn|thời\s+kỳ)\s+(?P<a>(?:19|20)\d\d)\s*(?:-|–|—|đến|tới)\s*(?:năm\s+)?(?P<b>(?:19|20)\d\d)
      | từ\s+năm\s+(?P<c>(?:19|20)\d\d)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<e>(?:19|20)\d\d)
      | năm\s+học\s+(?P<f>(?:19|20)\d\d)\s*(?:-|–|—)\s*(?P<g>(?:19|20)\d\d)""",
    re.VERBOSE | re.IGNORECASE,
)


# "trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ", "chậm nhất sau 15 ngày kể từ ngày kết thúc":
# a duration counted from an event the text names; no calendar day without knowing the event.
_DURATION = re.compile(
    r"(?<!\w)(?:chậm\s+nhất\s+(?:sau|là)?|trong\s+(?:thời\s+hạn|vòng)|trong|sau)\s+(?:\d{1,3}|một|hai|ba|năm|mười)\s+"
    r"(?:ngày(?:\s+làm\s+việc)?|tháng)\s*,?\s+(?:kể\s+từ|tính\s+từ|từ)\s+(?:ngày\s+|khi\s+)?[^,.;:]{1,60}",
    re.IGNORECASE,
)
# "trước ngày 15 tháng 6 và 15 tháng 12 hằng năm": two anchor days of one yearly duty.
_TWO_ANCHORS = re.compile(
    r"(?<!\w)(?:trước|chậm\s+nhất|vào)\s+ngày\s+(?P<d1>\d{1,2})\s*(?:tháng\s+|/)(?P<m1>\d{1,2})\s+và\s+(?:ngày\s+)?"
    r"(?P<d2>\d{1,2})\s*(?:tháng\s+|/)(?P<m2>\d{1,2})\s+(?P<rec>hằng\s+năm|hàng\s+năm|mỗi\s+năm)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    deadline: Deadline
    priority: int  # lower wins an overlap

    @property
    def end(self) -> int:
        return self.deadline.start + len(self.deadline.text)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    dated: re.Pattern[str]
    quarter: re.Pattern[str]
    recurrence: tuple[tuple[re.Pattern[str], RecurrenceWord], ...]
    ongoing: re.Pattern[str] | None
    vague: re.Pattern[str] | None
    quarters: dict[str, int]


@lru_cache(maxsize=8)
def _patterns(vocab: DeadlineVocabulary) -> _Patterns:
    rel = _alt((*vocab.before, *vocab.within))
    # A relation word, then (optionally "ngày") one date form; the relation is group "rel".
    dated = re.compile(
        rf"(?<!\w)(?P<rel>{rel})\s+(?:ngày\s+)?(?:{_DAY_MONTH_YEAR}|{_DAY_MONTH_YEAR_WORDS}|{_MONTH_YEAR}|"
        rf"{_DAY_MONTH}|{_DAY_MONTH_WORDS}|{_MONTH}|{_YEAR})",
        re.IGNORECASE,
    )
    qwords = "|".join(re.escape(k) for k, _ in sorted(vocab.quarters, key=lambda kv: -len(kv[0])))
    quarter = re.compile(
        rf"(?:(?<!\w)(?P<rel>{rel})\s+)?[Qq]uý\s+(?P<q>{qwords})(?![\w])(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))?"
    )
    recurrence = tuple(
        (re.compile(rf"(?<!\w)(?:{_alt(r.words)})(?!\w)", re.IGNORECASE), r) for r in vocab.recurrences if r.words
    )
    ongoing = re.compile(rf"(?<!\w)(?:{_alt(vocab.ongoing)})(?!\w)", re.IGNORECASE) if vocab.ongoing else None
    vague = None
    if vocab.vague and vocab.vague_cues:
        vague = re.compile(rf"(?<!\w)(?:{_alt(vocab.vague_cues)})\s+(?:\S+\s+){{0,2}}?(?:{_alt(vocab.vague)})(?!\w)")
    return _Patterns(dated, quarter, recurrence, ongoing, vague, dict(vocab.quarters))


def _doc_date(doc_date: str) -> tuple[int, int, int]:
    """(year, month, day) of the document, 0 where the date line leaves it out."""
    parts = [int(p) for p in doc_date.split("-")[:3] if p.isdigit()] if doc_date else []
    return (parts + [0, 0, 0])[0], (parts + [0, 0, 0])[1], (parts + [0, 0, 0])[2]


def _year_for(month: int, day: int, doc_date: str) -> int:
    """The year of the next (month, day) on or after the document's date; 0 when that is unknowable."""
    y, m, d = _doc_date(doc_date)
    if not y or not m:
        return 0
    if (month, day) >= (m, d or 1):
        return y
    return y + 1


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _relation(word: str, vocab: DeadlineVocabulary) -> str:
    w = " ".join(word.lower().split())
    return "before" if w in {b.lower() for b in vocab.before} else "within"


def _dated(m: re.Match[str], doc_date: str, vocab: DeadlineVocabulary) -> Deadline | None:
    g = m.groupdict()
    rel = _relation(g["rel"], vocab)
    base = Deadline(kind="date", text=m.group(0), start=m.start(), relation=rel)  # type: ignore[arg-type]
    if g["y"] or g["y2"]:
        y, mo, d = (int(g["y"]), int(g["m"]), int(g["d"])) if g["y"] else (int(g["y2"]), int(g["m2"]), int(g["d2"]))
        return replace(base, date=f"{y:04d}-{mo:02d}-{d:02d}", precision="day") if _valid(y, mo, d) else None
    if g["y5"]:
        mo = int(g["m5"])
        return replace(base, date=f"{int(g['y5']):04d}-{mo:02d}", precision="month") if 1 <= mo <= 12 else None
    if g["d3"] or g["d4"]:
        d, mo = (int(g["d3"]), int(g["m3"])) if g["d3"] else (int(g["d4"]), int(g["m4"]))
        if not _valid(2000, mo, d):  # 2000 is a leap year: 29/2 stays possible
            return None
        y = _year_for(mo, d, doc_date)
        if not y or not _valid(y, mo, d):
            return replace(base, kind="text")
        return replace(base, date=f"{y:04d}-{mo:02d}-{d:02d}", precision="day", relative=True)
    if g["m6"]:
        mo = int(g["m6"])
        if not 1 <= mo <= 12:
            return None
        y = _year_for(mo, calendar.monthrange(2001, mo)[1], doc_date)
        if not y:
            return replace(base, kind="text")
        return replace(base, date=f"{y:04d}-{mo:02d}", precision="month", relative=True)
    if g["y7"]:
        y = int(g["y7"])
        if rel == "within":
            return replace(base, kind="period", relation="", period_start=str(y), period_end=str(y))
        return replace(base, date=f"{y:04d}", precision="year")
    return None


def _quarter(m: re.Match[str], doc_date: str, vocab: DeadlineVocabulary, quarters: dict[str, int]) -> Deadline | None:
    q = quarters[m.group("q")]
    rel = _relation(m.group("rel"), vocab) if m.group("rel") else "within"
    base = Deadline(kind="date", text=m.group(0), start=m.start(), relation=rel, precision="quarter")  # type: ignore[arg-type]
    if m.group("y"):
        return replace(base, date=f"{int(m.group('y')):04d}-Q{q}")
    y = _year_for(q * 3, 1, doc_date)
    if not y:
        return replace(base, kind="text", precision="")
    return replace(base, date=f"{y:04d}-Q{q}", relative=True)


def _after(text: str, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether ``text`` just before ``start`` ends with one of ``phrases`` (a name the word belongs to)."""
    before = " ".join(text[max(0, start - 60) : start].lower().split())
    return any(before.endswith(p.lower()) for p in phrases)


def _recurrences(text: str, pats: _Patterns) -> list[_Found]:
    out: list[_Found] = []
    for pattern, word in pats.recurrence:
        for m in pattern.finditer(text):
            if word.not_after and _after(text, m.start(), word.not_after):
                continue
            d = Deadline(kind="recurrence", text=m.group(0), start=m.start(), freq=word.freq, interval=word.interval)  # type: ignore[arg-type]
            out.append(_Found(d, 3))
    return out


def _anchor(date: Deadline, rec: Deadline, text: str) -> Deadline | None:
    """"trước ngày 15/12 hằng năm", "vào tháng 6 hàng năm", "trước ngày 20 hằng tháng": one recurrence with its anchor."""
    gap = text[date.start + len(date.text) : rec.start]
    if gap.strip(" ,") or not date.relative:
        return None
    parts = date.date.split("-")
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    day = int(parts[2]) if len(parts) > 2 else 0
    if rec.freq == "MONTHLY":
        month = 0  # "trước ngày 20 hằng tháng": only the day recurs
    joined = text[date.start : rec.start + len(rec.text)]
    return replace(rec, text=joined, start=date.start, month=month, day=day)


def _day_of_month(text: str, pats: _Patterns, recs: list[_Found]) -> list[_Found]:
    """"trước ngày 20 hằng tháng": a day without a month, anchored on a monthly recurrence."""
    out = []
    for r in recs:
        if r.deadline.freq != "MONTHLY" or r.deadline.interval != 1:
            continue
        m = re.search(r"(?:trước|chậm nhất|vào)\s+ngày\s+(\d{1,2})\s*,?\s*$", text[: r.deadline.start], re.IGNORECASE)
        if m and 1 <= int(m.group(1)) <= 31:
            d = replace(r.deadline, text=text[m.start() : r.end], start=m.start(), day=int(m.group(1)))
            out.append(_Found(d, 0))
    return out


def _calendar(text: str, doc_date: str, vocab: DeadlineVocabulary, pats: _Patterns) -> list[_Found]:
    """Dates, quarters and periods ("trước ngày 15/12/2024", "quý III", "từ năm 2021 đến năm 2025")."""
    found: list[_Found] = []
    for m in pats.dated.finditer(text):
        d = _dated(m, doc_date, vocab)
        if d is not None:
            found.append(_Found(d, 1 if d.kind != "text" else 5))
    for m in pats.quarter.finditer(text):
        d = _quarter(m, doc_date, vocab, pats.quarters)
        if d is not None:
            found.append(_Found(d, 1 if d.kind != "text" else 5))
    for m in _PERIOD.finditer(text):
        a, b = next((m.group(x), m.group(y)) for x, y in (("a", "b"), ("c", "e"), ("f", "g")) if m.group(x))
        if a <= b:
            found.append(_Found(Deadline(kind="period", text=m.group(0), start=m.start(), period_start=a, period_end=b), 2))
    return found


def _two_anchors(text: str) -> list[_Found]:
    """"15 tháng 6 và 15 tháng 12 hằng năm": one yearly expression with two anchor days."""
    found: list[_Found] = []
    for m in _TWO_ANCHORS.finditer(text):
        for d_, m_ in (("d1", "m1"), ("d2", "m2")):
            day, month = int(m.group(d_)), int(m.group(m_))
            if _valid(2000, month, day):
                rec = Deadline(kind="recurrence", text=m.group(0), start=m.start(), freq="YEARLY", interval=1)
                found.append(_Found(replace(rec, month=month, day=day), -1))
    return found


def find_deadlines(text: str, doc_date: str, vocab: DeadlineVocabulary) -> tuple[Deadline, ...]:
    """Every time expression of one duty's text, in text order, none overlapping."""
    text = nfc(text)
    pats = _patterns(vocab)
    found = _calendar(text, doc_date, vocab, pats)
    recs = _recurrences(text, pats)
    dates = [f.deadline for f in found if f.deadline.kind == "date"]
    for r in recs:
        for d in dates:
            joined = _anchor(d, r.deadline, text)
            if joined is not None:
                found.append(_Found(joined, 0))
    found += recs + _day_of_month(text, pats, recs)
    if pats.ongoing is not None:
        for m in pats.ongoing.finditer(text):
            if not _after(text, m.start(), vocab.ongoing_not_after):
                found.append(_Found(Deadline(kind="ongoing", text=m.group(0), start=m.start()), 4))
    found += [_Found(Deadline(kind="text", text=m.group(0).rstrip(), start=m.start()), 2) for m in _DURATION.finditer(text)]
    found += _two_anchors(text)
    if pats.vague is not None:
        found += [_Found(Deadline(kind="text", text=m.group(0), start=m.start()), 6) for m in pats.vague.finditer(text)]
    return _non_overlapping(found)


def _non_overlapping(found: list[_Found]) -> tuple[Deadline, ...]:
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.priority, -len(f.deadline.text), f.deadline.start, f.deadline.month)):
        same_span = [k for k in kept if (k.deadline.start, k.end) == (f.deadline.start, f.end)]
        if f.priority < 0 and all(k.priority < 0 for k in same_span):
            kept.append(f)  # one expression, several anchor days ("15 tháng 6 và 15 tháng 12 hằng năm")
        elif all(f.end <= k.deadline.start or f.deadline.start >= k.end for k in kept):
            kept.append(f)
    return tuple(k.deadline for k in sorted(kept, key=lambda k: (k.deadline.start, k.deadline.month)))


def add_deadlines(doc: Document) -> Document:
    """Each duty of ``doc`` with the time expressions of its text, read against the document's date."""
    vocab = vocabulary()
    duties = tuple(replace(d, deadlines=find_deadlines(d.text, doc.date, vocab)) for d in doc.duties)
    return replace(doc, duties=duties)
