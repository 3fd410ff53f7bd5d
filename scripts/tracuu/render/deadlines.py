"""Deadlines on the pages: what each duty is due, "Sắp đến hạn" and "Định kỳ" on an agency's
page, and the corpus-wide "Lịch nhiệm vụ" (one page per year, so no page grows without bound).

Pure functions of ``DeadlineEntry`` values; links are made by the caller's ``href`` function.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence

from tracuu.model.corpus import Corpus
from tracuu.model.deadline import Deadline, DeadlineEntry, due_date, next_occurrence
from tracuu.model.index import AgencyFacts, CorpusIndex
from tracuu.render import paging, urls
from tracuu.render.mdsafe import escape_inline
from tracuu.render.titles import title_of

CALENDAR = urls.CALENDAR

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FREQ_WORDS = {("YEARLY", 1): "hằng năm", ("MONTHLY", 1): "hằng tháng", ("MONTHLY", 3): "hằng quý", ("WEEKLY", 1): "hằng tuần"}
Href = Callable[[DeadlineEntry], str]


def _vn_date(iso: str, precision: str) -> str:
    if precision == "day":
        y, m, d = iso.split("-")
        return f"{int(d):02d}/{int(m):02d}/{y}"
    if precision == "month":
        y, m = iso.split("-")
        return f"tháng {int(m):02d}/{y}"
    if precision == "quarter":
        y, q = iso.split("-Q")
        return f"Quý {ROMAN[int(q)]}/{y}"
    return f"năm {iso}"


def describe(d: Deadline) -> str:
    """The deadline in plain Vietnamese (unescaped text)."""
    if d.kind == "date":
        rel = "trước" if d.relation == "before" else "trong"
        guess = " (năm tính theo ngày ban hành văn bản)" if d.relative else ""
        return f"{rel} {_vn_date(d.date, d.precision)}{guess}"
    if d.kind == "recurrence":
        words = FREQ_WORDS.get((d.freq, d.interval), f"{d.interval} tháng một lần" if d.freq == "MONTHLY" else d.text)
        if d.month and d.day:
            return f"{words}, trước ngày {d.day:02d}/{d.month:02d}"
        if d.month:
            return f"{words}, vào tháng {d.month}"
        if d.day:
            return f"{words}, trước ngày {d.day}"
        return words
    if d.kind == "period":
        return f"năm {d.period_start}" if d.period_start == d.period_end else f"giai đoạn {d.period_start}–{d.period_end}"
    if d.kind == "ongoing":
        return "thường xuyên"
    return f"“{d.text}” (chưa xác định được ngày cụ thể)"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line(e: DeadlineEntry, href: Href, lead: str = "") -> str:
    duty = escape_inline(_short(e.duty_text), keep_emphasis=False)
    doc = escape_inline(e.doc_title, keep_emphasis=False)
    return f"- {lead}[{duty}]({href(e)}) — *{escape_inline(describe(e.deadline))}* · {e.role} · {doc}"


def upcoming(entries: Sequence[DeadlineEntry], today: dt.date, days: int = 90) -> list[tuple[dt.date, DeadlineEntry]]:
    """Deadlines falling due from ``today`` to ``today + days``, soonest first."""
    end = today + dt.timedelta(days=days)
    out = []
    for e in entries:
        due = next_occurrence(e.deadline, today)
        if due is not None and due <= end:
            out.append((due, e))
    return sorted(out, key=lambda p: (p[0], p[1].doc_id, p[1].clause, p[1].deadline.start))


def agency_sections(entries: Sequence[DeadlineEntry], today: dt.date, href: Href, ics_href: str = "") -> str:
    """"Sắp đến hạn" (next 90 days from the build date) and "Định kỳ" for one agency's page."""
    if not entries:
        return ""
    out = ["## Thời hạn", ""]
    soon = upcoming(entries, today)
    out += [f"### Sắp đến hạn (90 ngày tính từ {today:%d/%m/%Y})", ""]
    out += [_line(e, href, f"**{due:%d/%m/%Y}** · ") for due, e in soon] or ["Không có nhiệm vụ nào đến hạn trong 90 ngày tới."]
    recurring = sorted((e for e in entries if e.deadline.kind == "recurrence"), key=lambda e: (e.doc_id, e.clause))
    out += ["", "### Định kỳ", ""]
    out += [_line(e, href) for e in recurring] or ["Không có nhiệm vụ định kỳ."]
    if ics_href:
        out += [
            "",
            f"[Tải lịch nhiệm vụ (.ics)]({ics_href}){{ .md-button }} — mở bằng Google Calendar, Outlook hoặc "
            "ứng dụng Lịch; nhiệm vụ có ngày cụ thể và nhiệm vụ định kỳ có ngày được đưa vào lịch.",
        ]
    return "\n".join(out) + "\n"


def _month_key(e: DeadlineEntry) -> tuple[int, int] | None:
    due = due_date(e.deadline)
    return (due.year, due.month) if due is not None else None


def calendar_pages(entries: Sequence[DeadlineEntry], today: dt.date, href: Href, folder: str = CALENDAR) -> dict[str, str]:
    """The corpus-wide calendar: an index (coming up, recurring, years) and one page per year by month."""
    by_year: dict[int, dict[int, list[DeadlineEntry]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        key = _month_key(e)
        if key is None:
            continue
        by_year[key[0]][key[1]].append(e)
    years = sorted(by_year, reverse=True)
    index = [
        "# Lịch nhiệm vụ",
        "",
        "Các nhiệm vụ có thời hạn trong văn bản, theo tháng đến hạn. Thời hạn được đọc từ chính câu chữ "
        "của văn bản; ngày không ghi năm được tính theo ngày ban hành và có ghi chú.",
        "",
        f"## Sắp đến hạn (90 ngày tính từ {today:%d/%m/%Y})",
        "",
    ]
    soon = upcoming([e for e in entries if e.deadline.kind == "date"], today)
    index += [_line(e, lambda x: "../" + href(x), f"**{due:%d/%m/%Y}** · {escape_inline(e.agency_name)} · ") for due, e in soon]
    if not soon:
        index.append("Không có nhiệm vụ nào đến hạn trong 90 ngày tới.")
    index += ["", "## Theo năm", ""]
    index += [f"- [Năm {y}]({y}.md) — {sum(len(v) for v in by_year[y].values())} nhiệm vụ" for y in years]
    if not years:
        index.append("Chưa có nhiệm vụ nào có ngày cụ thể.")
    pages = {f"{folder}/index.md": "\n".join(index) + "\n"}
    for y in years:
        pages.update(_year_pages(y, by_year[y], today, href, folder))
    return pages


def _entry_size(e: DeadlineEntry) -> int:
    return paging.text_size(_short(e.duty_text) + e.doc_title + e.agency_name, 200)


def _year_pages(
    y: int, months: dict[int, list[DeadlineEntry]], today: dt.date, href: Href, folder: str
) -> dict[str, str]:
    """``<year>.md`` by month; a year longer than ``paging.MAX_BYTES`` lists its months, each on ``<year>--<mm>.md``."""
    def when(e: DeadlineEntry) -> tuple[dt.date, str, str, str]:
        return (due_date(e.deadline) or today, e.agency_name, e.doc_id, e.clause)

    rows = {m: sorted(v, key=when) for m, v in months.items()}
    ordered = [e for m in sorted(rows) for e in rows[m]]

    def month_md(m: int, entries: Sequence[DeadlineEntry]) -> list[str]:
        body: list[str] = []
        for e in entries:
            due = due_date(e.deadline)
            lead = f"**{due:%d/%m}** · {escape_inline(e.agency_name)} · " if due else ""
            body.append(_line(e, lambda x: "../" + href(x), lead))
        return body

    head = [f"# Lịch nhiệm vụ năm {y}", "", "[← Lịch nhiệm vụ](index.md)", ""]
    if not paging.too_long(ordered, _entry_size):
        body = list(head)
        for m in sorted(rows):
            body += [f"## Tháng {m:02d}/{y}", "", *month_md(m, rows[m]), ""]
        return {f"{folder}/{y}.md": "\n".join(body)}
    pages: dict[str, str] = {}
    body = list(head)
    for m in sorted(rows):
        body += [f"## Tháng {m:02d}/{y} {{#thang-{m:02d}}}", ""]
        pieces = paging.split(rows[m], [], _entry_size, f"{m:02d}", f"Tháng {m:02d}/{y}")
        body += [*paging.piece_links(str(y), folder, pieces, "nhiệm vụ"), ""]
        for p in pieces:
            page = [f"# Lịch nhiệm vụ: {p.label}", "", f"[← Lịch nhiệm vụ năm {y}]({y}.md)", "", *month_md(m, p.items)]
            pages[f"{folder}/{urls.piece(str(y), p.suffix)}.md"] = "\n".join(page) + "\n"
    pages[f"{folder}/{y}.md"] = "\n".join(body)
    return pages


def entries_for(v: AgencyFacts) -> list[DeadlineEntry]:
    """The deadlines of an agency's own and partner duties (a group's shared duties are on the group's page)."""
    return [
        DeadlineEntry(
            agency_id=v.agency.id,
            agency_name=v.agency.name,
            role="phối hợp" if e.relation == "partner" else e.duty.role,
            doc_id=e.doc.id,
            doc_title=title_of(e.doc),
            doc_date=e.doc.date,
            clause=e.duty.block,
            duty_text=e.duty.text,
            deadline=d,
        )
        for e in v.entries
        if e.relation != "shared"
        for d in e.duty.deadlines
    ]


def today_of(index: CorpusIndex) -> dt.date:
    return dt.date.fromisoformat(index.build_date)


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    """"Lịch nhiệm vụ": every agency's dated duties by month, one page per year."""
    entries = [x for v in index.agencies.values() if not v.agency.is_group for x in entries_for(v) if x.role != "phối hợp"]
    groups = [x for v in index.agencies.values() if v.agency.is_group for x in entries_for(v)]
    return calendar_pages(entries + groups, today_of(index), lambda e: urls.document(e.doc_id, "", e.clause))
