"""Deadlines read from duty texts: table tests over real phrasings (corpus, national texts)
and invented variants, including ones that must stay unparsed."""

from __future__ import annotations

import datetime as dt

import pytest

from tracuu.model.deadline import Deadline, DeadlineEntry, next_occurrence
from tracuu.registries.deadlines import load, parse_vocabulary, vocabulary
from tracuu.resolve.deadlines import find_deadlines

DOC = "2023-10-10"


def kinds(text: str, doc_date: str = DOC) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for d in find_deadlines(text, doc_date, vocabulary()):
        value = {
            "date": f"{d.relation} {d.date}" + (" rel" if d.relative else ""),
            "recurrence": f"{d.freq}/{d.interval}" + (f" {d.month:02d}-{d.day:02d}" if d.month or d.day else ""),
            "period": f"{d.period_start}-{d.period_end}",
            "ongoing": "",
            "text": d.text,
        }[d.kind]
        out.append((d.kind, value))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fixed dates, as precise as the text
        ("báo cáo kết quả về Sở Lao động - Thương binh và Xã hội trước ngày 15/12/2023", [("date", "before 2023-12-15")]),
        ("gửi báo cáo chậm nhất ngày 05 tháng 01 năm 2024", [("date", "before 2024-01-05")]),
        ("hoàn thành trong tháng 12/2023", [("date", "within 2023-12")]),
        ("tổ chức kiểm tra trong Quý II năm 2024", [("date", "within 2024-Q2")]),
        ("trước năm 2025 hoàn thành việc lập hồ sơ", [("date", "before 2025")]),
        # relative: the year comes from the document's date, marked as such
        ("báo cáo trước ngày 15/12", [("date", "before 2023-12-15 rel")]),
        ("báo cáo trước ngày 15/01", [("date", "before 2024-01-15 rel")]),
        ("triển khai trong Quý IV", [("date", "within 2023-Q4 rel")]),
        # recurrences, with their anchor when stated
        ("Định kỳ 6 tháng, hằng năm báo cáo kết quả", [("recurrence", "MONTHLY/6"), ("recurrence", "YEARLY/1")]),
        ("báo cáo trước ngày 31 tháng 5 hằng năm", [("recurrence", "YEARLY/1 05-31")]),
        ("Báo cáo về Sở trước ngày 15/12 hằng năm", [("recurrence", "YEARLY/1 12-15")]),
        ("tổ chức vào tháng 6 hàng năm", [("recurrence", "YEARLY/1 06-00")]),
        ("gửi số liệu trước ngày 20 hằng tháng", [("recurrence", "MONTHLY/1 00-20")]),
        ("cân, đo trẻ dưới 2 tuổi định kỳ 3 tháng/lần", [("recurrence", "MONTHLY/3")]),
        ("tổng hợp, báo cáo hằng quý", [("recurrence", "MONTHLY/3")]),
        # national texts: two anchor days a year; a duration counted from an event stays text
        ("báo cáo trước ngày 15 tháng 6 và 15 tháng 12 hằng năm", [("recurrence", "YEARLY/1 06-15"), ("recurrence", "YEARLY/1 12-15")]),
        ("gửi báo cáo trước ngày 20 hàng tháng", [("recurrence", "MONTHLY/1 00-20")]),
        ("tổng hợp gửi Bộ trước ngày 10 tháng 7 hằng năm", [("recurrence", "YEARLY/1 07-10")]),
        (
            "báo cáo kết quả chậm nhất sau 15 ngày kể từ ngày kết thúc diễn đàn",
            [("text", "chậm nhất sau 15 ngày kể từ ngày kết thúc diễn đàn")],
        ),
        ("trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", [("text", "trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ")]),
        # periods
        ("thực hiện Chương trình giai đoạn 2021-2025", [("period", "2021-2025")]),
        ("bảo vệ, chăm sóc trẻ em trong năm 2024", [("period", "2024-2024")]),
        ("từ năm 2021 đến năm 2030", [("period", "2021-2030")]),
        # ongoing
        ("Thường xuyên kiểm tra, giám sát việc thực hiện", [("ongoing", "")]),
        # recognised but not turned into a date: shown as text
        ("hoàn thành xong trước năm học mới", [("text", "xong trước năm học mới")]),
        ("tổ chức các hoạt động trong dịp hè", [("text", "trong dịp hè")]),
        # not deadlines at all
        ("đối tượng đang hưởng trợ cấp xã hội hàng tháng", []),
        ("thực hiện chính sách trợ giúp xã hội thường xuyên", []),
        ("theo Quyết định số 123/QĐ-UBND ngày 15/12/2023 của UBND tỉnh", []),
        ("trẻ em dưới 36 tháng tuổi", []),
        ("khám sức khỏe định kỳ cho trẻ em", []),
        ("trước ngày 31/02/2024", []),
    ],
)
def test_deadline_table(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_relative_date_without_a_month_in_the_document_stays_text() -> None:
    # A document dated only "2024" cannot tell whether "15/01" is this January or next.
    assert kinds("báo cáo trước ngày 15/01", doc_date="2024") == [("text", "trước ngày 15/01")]
    assert kinds("báo cáo trước ngày 15/01", doc_date="") == [("text", "trước ngày 15/01")]


def test_spans_are_exact_substrings() -> None:
    text = "Sở Y tế báo cáo trước ngày 15/12/2023 và định kỳ 6 tháng gửi số liệu"
    for d in find_deadlines(text, DOC, vocabulary()):
        assert text[d.start : d.start + len(d.text)] == d.text


def test_every_vocabulary_example_is_read_and_counter_example_is_not() -> None:
    vocab = vocabulary()
    for rec in vocab.recurrences:
        for ex in rec.examples:
            found = find_deadlines(ex, DOC, vocab)
            assert any(d.kind == "recurrence" and d.freq == rec.freq and d.interval == rec.interval for d in found), ex
        for ex in rec.counter_examples:
            assert not any(d.kind == "recurrence" for d in find_deadlines(ex, DOC, vocab)), ex
    for ex in vocab.examples:
        assert find_deadlines(ex, DOC, vocab), ex
    for ex in vocab.counter_examples:
        assert not find_deadlines(ex, DOC, vocab), ex


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("trước ngày 15/12/2023", dt.date(2023, 11, 1), dt.date(2023, 12, 15)),
        ("trước ngày 15/12/2023", dt.date(2024, 1, 1), None),
        ("trong Quý II năm 2024", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("trước ngày 31 tháng 5 hằng năm", dt.date(2026, 6, 1), dt.date(2027, 5, 31)),
        ("trước ngày 20 hằng tháng", dt.date(2026, 12, 21), dt.date(2027, 1, 20)),
        ("hằng năm", dt.date(2026, 1, 1), None),
    ],
)
def test_next_occurrence(text: str, today: dt.date, expected: dt.date | None) -> None:
    (d,) = find_deadlines(text, DOC, vocabulary())
    assert next_occurrence(d, today) == expected


def test_vocabulary_problems_name_the_file_and_line(tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "deadlines.yml"
    p.write_text("recurrence:\n  - words: [hằng năm]\n    freq: DAILYISH\n    interval: 1\n", encoding="utf-8")
    vocab, problems = load(p)
    assert vocab is None and len(problems) == 1
    assert str(problems[0]).startswith(f"{p}:1: ") and "DAILYISH" in problems[0].message
    p.write_text("recurrence: [\n", encoding="utf-8")
    _, problems = load(p)
    assert problems and problems[0].line >= 1


def test_contract_shape() -> None:
    d = Deadline(kind="date", text="trước ngày 15/12/2023", start=0, date="2023-12-15", precision="day", relation="before")
    assert d.contract() == {"kind": "date", "text": "trước ngày 15/12/2023", "date": "2023-12-15", "precision": "day", "relation": "before", "relative": False}
    assert parse_vocabulary({}).recurrences == ()


def test_agency_calendar_round_trips_through_icalendar() -> None:
    from icalendar import Calendar, vRecur

    from tracuu.render.calendar import CalendarEntry, agency_calendar

    vocab = vocabulary()
    duty = "Báo cáo kết quả về Sở trước ngày 15/12/2023; tổng hợp số liệu trước ngày 31 tháng 5 hằng năm; định kỳ 6 tháng báo cáo"
    entries = [
        CalendarEntry("cv-5310", "Công văn 5310/UBND-KGVX", DOC, "m2", "https://example.org/van-ban/cv-5310/#m2", duty, "chủ trì", d)
        for d in find_deadlines(duty, DOC, vocab)
    ]
    data = agency_calendar("Sở Y tế tỉnh Thái Nguyên", entries)
    assert data == agency_calendar("Sở Y tế tỉnh Thái Nguyên", list(reversed(entries)))  # deterministic
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == 2  # the 6-monthly report has no stated day: not placed
    fixed, yearly = sorted(events, key=lambda e: "RRULE" in e)
    assert fixed.decoded("dtstart") == dt.date(2023, 12, 15)
    assert str(fixed["url"]).endswith("#m2")
    assert yearly.decoded("dtstart") == dt.date(2024, 5, 31)
    rule = yearly.decoded("rrule")
    assert isinstance(rule, vRecur)
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [5] and rule["BYMONTHDAY"] == [31]
    assert "Sở Y tế tỉnh Thái Nguyên" in str(cal["x-wr-calname"])


def _entries(text: str, agency: str = "Sở Y tế tỉnh Thái Nguyên") -> list[DeadlineEntry]:

    return [
        DeadlineEntry("so-y-te", agency, "chủ trì", "cv-5310", "Công văn số 5310/UBND-KGVX", DOC, "m2", text, d)
        for d in find_deadlines(text, DOC, vocabulary())
    ]


def test_agency_sections_list_what_is_due_next_and_what_recurs() -> None:
    from tracuu.render.deadlines import agency_sections

    entries = _entries("Báo cáo trước ngày 15/12/2023 <script>; tổng hợp trước ngày 31 tháng 5 hằng năm; định kỳ 6 tháng báo cáo")
    md = agency_sections(entries, dt.date(2023, 11, 1), lambda e: f"../../van-ban/{e.doc_id}/#{e.clause}", "so-y-te.ics")
    soon, recurring = md.split("### Định kỳ")
    assert "**15/12/2023**" in soon and "trước 15/12/2023" in soon
    assert "31/05" not in soon  # next 31/5 is more than 90 days after 1/11/2023
    assert "hằng năm, trước ngày 31/05" in recurring and "6 tháng một lần" in recurring
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "(so-y-te.ics)" in md


def test_calendar_pages_split_by_year_and_link_the_clause() -> None:
    from tracuu.render.deadlines import calendar_pages

    entries = _entries("Báo cáo trước ngày 15/12/2023; hoàn thành trong Quý II năm 2024; thường xuyên kiểm tra")
    pages = calendar_pages(entries, dt.date(2023, 12, 1), lambda e: f"../van-ban/{e.doc_id}/#{e.clause}")
    assert sorted(pages) == ["lich-nhiem-vu/2023.md", "lich-nhiem-vu/2024.md", "lich-nhiem-vu/index.md"]
    assert "## Tháng 12/2023" in pages["lich-nhiem-vu/2023.md"]
    assert "](../../van-ban/cv-5310/#m2)" in pages["lich-nhiem-vu/2023.md"]
    assert "## Tháng 06/2024" in pages["lich-nhiem-vu/2024.md"]  # a quarter is due at its end
    assert "**15/12/2023**" in pages["lich-nhiem-vu/index.md"]


def test_duties_carry_their_deadlines_into_the_open_data() -> None:
    import csv
    import io

    from tracuu.model.corpus import Corpus
    from tracuu.pipeline import parse_text
    from tracuu.render.export import duties_csv, duty_row

    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\n\nSố: 12/UBND-KGVX\n\nThái Nguyên, ngày 10 tháng 10 năm 2023\n\n"
        "Kính gửi: Sở Y tế\n\nĐể triển khai công tác trẻ em, UBND tỉnh yêu cầu:\n\n"
        "1. Sở Y tế chủ trì tổ chức khám sức khỏe cho trẻ em; báo cáo kết quả về UBND tỉnh trước ngày 15/12/2023.\n\n"
        "Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
    )
    doc = parse_text(text, source="sources/x.txt", doc_id="x")
    duty = next(d for d in doc.duties if "15/12/2023" in d.text)
    assert [x.contract() for x in duty.deadlines] == [
        {"kind": "date", "text": "trước ngày 15/12/2023", "date": "2023-12-15", "precision": "day", "relation": "before", "relative": False}
    ]
    assert duty_row(doc, duty)["deadlines"][0]["date"] == "2023-12-15"
    from pathlib import Path

    rows = list(csv.DictReader(io.StringIO(duties_csv(Corpus(documents=(doc,), root=Path("."))).decode("utf-8-sig"))))
    assert any(r["deadlines"] == "trước ngày 15/12/2023" for r in rows)


LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\n\nSố: 12/UBND-KGVX\n\nThái Nguyên, ngày 10 tháng 10 năm 2023\n\n"
    "Kính gửi: Sở Y tế\n\nĐể triển khai công tác trẻ em, UBND tỉnh yêu cầu:\n\n"
    "1. Sở Y tế chủ trì tổ chức khám sức khỏe cho trẻ em; báo cáo kết quả về UBND tỉnh trước ngày 15/12/2023.\n\n"
    "2. Sở Y tế tổng hợp số liệu trẻ em suy dinh dưỡng, gửi về UBND tỉnh trước ngày 31 tháng 5 hằng năm.\n\n"
    "Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n"
)


def test_agency_page_calendar_file_and_timeline_from_a_built_corpus(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    from pathlib import Path

    from icalendar import Calendar

    from tracuu.build import build

    root = Path(str(tmp_path))
    (root / "sources").mkdir()
    (root / "sources" / "cv.txt").write_text(LETTER, encoding="utf-8")
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", root / "data")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2023, 11, 1, tzinfo=dt.UTC).timestamp())))
    build(root, quiet=True)
    docs = root / "docs"
    (page,) = [p for p in (docs / "co-quan").glob("so-y-te*.md")]
    md = page.read_text(encoding="utf-8")
    soon = md.split("### Sắp đến hạn")[1].split("### Định kỳ")[0]
    assert "**15/12/2023**" in soon and "(90 ngày tính từ 01/11/2023)" in md
    assert "hằng năm, trước ngày 31/05" in md.split("### Định kỳ")[1]
    ics = page.with_suffix(".ics")
    assert f"]({ics.name})" in md
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert sorted(str(e.decoded("dtstart")) for e in events) == ["2023-12-15", "2024-05-31"]
    timeline = (docs / "lich-nhiem-vu" / "2023.md").read_text(encoding="utf-8")
    assert "## Tháng 12/2023" in timeline and "../van-ban/cv.md#" in timeline
