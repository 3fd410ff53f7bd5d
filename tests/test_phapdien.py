"""The Bộ Pháp điển format: notes read as a table, the twelve national texts as pages.

Expected figures come from ../shared/national/SOURCES.md (article counts, issuer,
signing and effective dates), not from the parser.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pagetext import _subsequence_gap, page_html, page_words, words_of

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.records import Amendment, Document
from tracuu.parse.clean import clean
from tracuu.parse.phapdien import is_phapdien, parse_phapdien, read_note
from tracuu.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[1]


@cache
def corpus() -> Corpus:
    return load_corpus(ROOT)


def doc(stem: str) -> Document:
    found = [d for d in corpus().documents if d.id == stem]
    assert found, f"no document {stem} in sources/"
    return found[0]


def parse(text: str) -> Document:
    return parse_phapdien(clean(text), "sources/x.txt", "x")


# --- source notes ------------------------------------------------------------------

LAW_82 = ("(Điều 82 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017, có nội dung được sửa đổi, "
          "có nội dung được bổ sung bởi Điều 11 Luật số 28/2018/QH14 có hiệu lực thi hành kể từ ngày 01/01/2019)")


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("(Điều 1 Luật số 102/2016/QH13 Trẻ em ngày 05/04/2016 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/06/2017)",
         dict(article="1", type="Luật", number="102/2016/QH13", title="Trẻ em", date="2016-04-05",
              issuer="Quốc hội", effective="2017-06-01")),
        ("(Điều 2 Nghị định số 20/2021/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/07/2021)",
         dict(article="2", type="Nghị định", number="20/2021/NĐ-CP", title="", date="", issuer="", effective="2021-07-01")),
        # the type repeated before the title is not part of it
        ("(Điều 1 Thông tư số 28/2019/TT-BLĐTBXH Thông tư Hướng dẫn tổ chức Tháng hành động vì trẻ em ngày 26/12/2019 "
         "của Bộ Lao động - Thương binh và Xã hội, có hiệu lực thi hành kể từ ngày 20/02/2020)",
         dict(title="Hướng dẫn tổ chức Tháng hành động vì trẻ em", date="2019-12-26",
              issuer="Bộ Lao động - Thương binh và Xã hội", effective="2020-02-20")),
        # a date written in words inside the title is the title's; the signing date is the last one
        ("(Điều 1 Thông tư số 02/2021/TT-BLĐTBXH Hướng dẫn thực hiện một số điều của Nghị định số 20/2021/NĐ-CP ngày "
         "15 tháng 3 năm 2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội ngày "
         "24/06/2021 của Bộ Lao động - Thương binh và Xã hội, có hiệu lực thi hành kể từ ngày 01/07/2021 )",
         dict(number="02/2021/TT-BLĐTBXH", date="2021-06-24", issuer="Bộ Lao động - Thương binh và Xã hội",
              effective="2021-07-01")),
        ("(Điều 1 Thông tư số 34/2017/TT-BYT Hướng dẫn tư vấn, sàng lọc, chẩn đoán, điều trị trước sinh và sơ sinh. "
         "ngày 18/08/2017 của Bộ Y tế, có hiệu lực thi hành kể từ ngày 02/10/2017)",
         dict(title="Hướng dẫn tư vấn, sàng lọc, chẩn đoán, điều trị trước sinh và sơ sinh", issuer="Bộ Y tế")),
    ],
)
def test_note_facts(note: str, expected: dict[str, str]) -> None:
    facts = read_note(note)
    assert facts is not None and not facts.problem
    assert {k: getattr(facts, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("note", "amendments"),
    [
        (LAW_82, [Amendment(("sửa đổi", "bổ sung"), "Luật", "28/2018/QH14", ("11",), "2019-01-01", ("82",))]),
        ("(Điều 2 Thông tư số 34/2017/TT-BYT, có hiệu lực thi hành kể từ ngày 02/10/2017, có nội dung được sửa đổi, "
         "có nội dung bị bãi bỏ bởi Điều 1, Điều 2 Thông tư số 30/2019/TT-BYT có hiệu lực thi hành kể từ ngày 01/02/2020)",
         [Amendment(("sửa đổi", "bãi bỏ"), "Thông tư", "30/2019/TT-BYT", ("1", "2"), "2020-02-01", ("2",))]),
        ("(Điều 10 Thông tư số 34/2017/TT-BYT, có hiệu lực thi hành kể từ ngày 02/10/2017, được bổ sung bởi Điều 1 "
         "Thông tư số 30/2019/TT-BYT có hiệu lực thi hành kể từ ngày 01/02/2020)",
         [Amendment(("bổ sung",), "Thông tư", "30/2019/TT-BYT", ("1",), "2020-02-01", ("10",))]),
        ("(Điều 3 Nghị định số 20/2021/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/07/2021)", []),
    ],
)
def test_note_amendments(note: str, amendments: list[Amendment]) -> None:
    facts = read_note(note, line=3)
    assert facts is not None
    got = [(a.actions, a.type, a.number, a.articles, a.effective, a.targets) for a in facts.amendments]
    assert got == [(a.actions, a.type, a.number, a.articles, a.effective, a.targets) for a in amendments]
    assert all(a.text in note and a.line == 3 for a in facts.amendments)


@pytest.mark.parametrize(
    ("note", "problem"),
    [
        ("(Điều 5 Luật số 102/2016/QH13)", "có hiệu lực thi hành"),
        ("(Điều 5 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017, có nội dung được sửa đổi)",
         "không đọc được phần sửa đổi"),
    ],
)
def test_unreadable_note_says_what_is_missing(note: str, problem: str) -> None:
    facts = read_note(note)
    assert facts is not None and problem in facts.problem


# --- structure ----------------------------------------------------------------------

ARTICLE_82 = f"""Điều 8.1.LQ.82. Bộ Lao động - Thương binh và Xã hội

{LAW_82}

Bộ Lao động - Thương binh và Xã hội có trách nhiệm sau đây:

1. Chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về trẻ em.

3. Chủ trì, phối hợp với cơ quan liên quan:

a) Hướng dẫn thực hiện;

a1) Tổ chức tập huấn;

- Lần thứ nhất;

đ) Kiểm tra.

Trường hợp khác thực hiện theo quy định.
"""


def test_article_blocks_anchors_and_labels() -> None:
    d = parse(ARTICLE_82)
    got = [(b.kind, b.anchor, b.label, b.parent, b.level) for b in d.body]
    assert got == [
        ("heading", "dieu-82", "Điều 82", "", 0),
        ("note", "dieu-82-phap-dien", "", "", 1),
        ("note", "dieu-82-ghi-chu", "", "", 1),
        ("para", "dieu-82-doan-1", "", "dieu-82", 1),
        ("item", "dieu-82-khoan-1", "1", "dieu-82", 1),
        ("item", "dieu-82-khoan-3", "3", "dieu-82", 1),
        ("item", "dieu-82-khoan-3-diem-a", "a", "dieu-82-khoan-3", 2),
        ("item", "dieu-82-khoan-3-diem-a1", "a1", "dieu-82-khoan-3-diem-a", 3),
        ("bullet", "dieu-82-khoan-3-diem-a1-gach-1", "-", "dieu-82-khoan-3-diem-a1", 4),
        ("item", "dieu-82-khoan-3-diem-dd", "đ", "dieu-82-khoan-3", 2),
        ("para", "dieu-82-khoan-3-diem-dd-doan-1", "", "dieu-82-khoan-3-diem-dd", 3),
    ]
    heading, pd, note = d.body[:3]
    assert heading.text == "Điều 82. Bộ Lao động - Thương binh và Xã hội"  # the original number and title
    assert pd.text == "Điều 8.1.LQ.82. Bộ Lao động - Thương binh và Xã hội" and note.text == LAW_82  # verbatim
    [art] = d.articles
    assert (art.anchor, art.article, art.code, art.title, art.number, art.effective) == (
        "dieu-82", "82", "8.1.LQ.82", "Bộ Lao động - Thương binh và Xã hội", "102/2016/QH13", "2017-06-01")
    assert d.warnings == ()


def test_document_facts_come_from_the_notes_only() -> None:
    d = parse(ARTICLE_82)
    # the note of Điều 82 names no title, no issuer, no signing date: they stay blank
    assert (d.doc_type, d.number, d.symbol, d.subject, d.issuer, d.date, d.effective) == (
        "Luật", "102/2016/QH13", "QH13", "", "", "", "2017-06-01")
    assert d.signer.name == "" and d.place == ""


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("Điều 8.1.LQ.7. Tên\n\nNội dung không có ghi chú.\n", "line 1: điều Pháp điển 8.1.LQ.7 không có ghi chú nguồn"),
        ("Điều 8.1.LQ.7. Tên\n\n(Điều 8 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017)\n",
         "line 1: đề mục 8.1.LQ.7 khác số điều trong ghi chú (Điều 8)"),
        ("Điều 8.1.LQ.7. A\n\n(Điều 7 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017)\n\n1. X\n\n1. Y\n",
         "line 7: 'dieu-7-khoan-1' đã có ở trên"),
        ("Điều 8.1.LQ.7. A\n\n(Điều 7 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017)\n\n"
         "Điều 8.1.LQ.8. B\n\n(Điều 8 Luật số 28/2018/QH14, có hiệu lực thi hành kể từ ngày 01/01/2019)\n",
         "line 7: ghi chú dẫn Luật số 28/2018/QH14, khác văn bản của tệp"),
    ],
)
def test_doubtful_input_is_reported_with_its_line(text: str, warning: str) -> None:
    d = parse(text)
    assert any(w.startswith(warning) for w in d.warnings), d.warnings


def test_pipeline_dispatches_on_the_first_line() -> None:
    d = parse_text(ARTICLE_82, source="sources/x.txt", doc_id="x")
    assert d.doc_type == "Luật" and d.block("dieu-82-khoan-3-diem-a") is not None
    assert not is_phapdien(clean("UBND TỈNH BẮC KẠN\n\nĐiều 8.1.LQ.82. Tên\n"))
    assert not is_phapdien(clean("Điều 1. Phạm vi điều chỉnh\n"))  # a signed text's article


# --- the twelve national texts -------------------------------------------------------

NATIONAL = [
    # (page id, type, number, issuer, signed, in force, articles) — SOURCES.md's table
    ("2016-04-05-luat-102-2016-qh13", "Luật", "102/2016/QH13", "Quốc hội", "2016-04-05", "2017-06-01", 106),
    ("2017-05-09-nghi-dinh-56-2017-nd-cp", "Nghị định", "56/2017/NĐ-CP", "Chính phủ", "2017-05-09", "2017-07-01", 58),
    ("2021-03-15-nghi-dinh-20-2021-nd-cp", "Nghị định", "20/2021/NĐ-CP", "Chính phủ", "2021-03-15", "2021-07-01", 39),
    ("2019-12-26-thong-tu-28-2019-tt-bldtbxh", "Thông tư", "28/2019/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
     "2019-12-26", "2020-02-20", 10),
    ("2019-12-26-thong-tu-29-2019-tt-bldtbxh", "Thông tư", "29/2019/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
     "2019-12-26", "2020-02-20", 16),
    ("2020-11-28-thong-tu-14-2020-tt-bldtbxh", "Thông tư", "14/2020/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
     "2020-11-28", "2021-01-12", 17),
    ("2018-12-26-thong-tu-36-2018-tt-bldtbxh", "Thông tư", "36/2018/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
     "2018-12-26", "2019-02-15", 9),
    ("2017-06-23-thong-tu-09-2017-tt-btttt", "Thông tư", "09/2017/TT-BTTTT", "Bộ Thông tin và Truyền thông",
     "2017-06-23", "2017-06-23", 21),
    ("2017-05-15-thong-tu-23-2017-tt-byt", "Thông tư", "23/2017/TT-BYT", "Bộ Y tế", "2017-05-15", "2017-09-15", 7),
    ("2017-08-01-thong-tu-33-2017-tt-byt", "Thông tư", "33/2017/TT-BYT", "Bộ Y tế", "2017-08-01", "2017-10-01", 6),
    ("2017-08-18-thong-tu-34-2017-tt-byt", "Thông tư", "34/2017/TT-BYT", "Bộ Y tế", "2017-08-18", "2017-10-02", 10),
    ("2021-06-24-thong-tu-02-2021-tt-bldtbxh", "Thông tư", "02/2021/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội",
     "2021-06-24", "2021-07-01", 7),
]
STEMS = [row[0] for row in NATIONAL]


@pytest.mark.parametrize(("stem", "doc_type", "number", "issuer", "signed", "effective", "count"), NATIONAL)
def test_national_facts_and_article_count(stem: str, doc_type: str, number: str, issuer: str, signed: str,
                                          effective: str, count: int) -> None:
    d = doc(stem)
    assert (d.doc_type, d.number, d.issuer, d.date, d.effective) == (doc_type, number, issuer, signed, effective)
    assert d.issuer_source == "ghi chú Pháp điển tại Điều 1"
    assert len(d.articles) == count
    # every article, in its original order, is a heading of the page
    assert [a.article for a in d.articles] == [str(n) for n in range(1, count + 1)]
    assert [b.label for b in d.body if b.kind == "heading"] == [f"Điều {n}" for n in range(1, count + 1)]


@pytest.mark.parametrize(
    ("stem", "amendments"),
    [
        ("2016-04-05-luat-102-2016-qh13", [("28/2018/QH14", ("11",), ("5", "7", "45", "57", "74", "79", "82"))]),
        ("2017-08-18-thong-tu-34-2017-tt-byt", [("30/2019/TT-BYT", ("1", "2"), ("2",)), ("30/2019/TT-BYT", ("1",), ("10",))]),
        # the text is the original wording: later amendments are not stated, so none are shown
        ("2021-03-15-nghi-dinh-20-2021-nd-cp", []),
        ("2017-05-09-nghi-dinh-56-2017-nd-cp", []),
    ],
)
def test_amendments_are_relations_from_the_notes(stem: str, amendments: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> None:
    assert [(a.number, a.articles, a.targets) for a in doc(stem).amendments] == amendments


@pytest.mark.parametrize("stem", STEMS)
def test_every_word_of_the_national_text_is_on_its_page_in_order(stem: str) -> None:
    d = doc(stem)
    cleaned = clean((ROOT / d.source).read_text(encoding="utf-8"))
    assert is_phapdien(cleaned)
    seq = [(ln.no, w) for ln in cleaned.lines for w in words_of(ln.text)]
    gap = _subsequence_gap([w for _, w in seq], page_words(d))
    assert gap is None, f"{d.source}:{seq[gap][0]}: word '{seq[gap][1]}' missing from the page (or out of order)"


@pytest.mark.parametrize("stem", STEMS)
def test_anchors_are_unique_and_on_the_page(stem: str) -> None:
    d = doc(stem)
    html = page_html(d)
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert not [i for i, n in ids.items() if n > 1]
    assert not [b.anchor for b in d.body if b.anchor not in ids]
    for a in d.articles:  # article, khoản and điểm anchors follow the legal units
        assert a.anchor == f"dieu-{a.article}"
    # ("-2" only where the source repeats a label: Nghị định 20/2021 prints two "b)" in Điều 11 khoản 3)
    assert all(re.fullmatch(r"dieu-\d+[a-z]?(-khoan-\d+(-diem-[a-z]+\d*)?)?(-2)?", b.anchor)
               for b in d.body if b.kind in ("heading", "item"))


def test_luat_tre_em_page_shows_article_82_by_its_number_with_its_note() -> None:
    d = doc("2016-04-05-luat-102-2016-qh13")
    html = page_html(d)
    h3 = re.search(r'<h3 class="doc-heading" id="dieu-82">(.*?)</h3>', html)
    assert h3 and re.sub(r"<[^>]+>", "", h3.group(1)) == "Điều 82. Bộ Lao động - Thương binh và Xã hội"
    assert 'id="dieu-82-khoan-3"' in html and 'id="dieu-82-ghi-chu"' in html
    assert re.search(r'<p (?=[^>]*class="blk blk-note)(?=[^>]*id="dieu-82-ghi-chu")[^>]*>\(Điều 82 Luật số 102/2016/QH13', html)
    # the amendment, linked to each article it touched
    assert 'Ngày có hiệu lực' in html and 'href="#dieu-82"' in html and "28/2018/QH14" in html
    assert "chưa xác định (văn bản không ghi)" not in html  # the issuer is stated by the note of Điều 1


# --- property: whatever follows a Pháp điển heading, every line stays, anchors stay unique ------------

PD_LINES = st.sampled_from([
    "Điều 8.1.LQ.5. Nguyên tắc", "Điều 8.1.NĐ.1.58. Trách nhiệm thi hành", "Điều 6.1.TT.12.3. Hồ sơ", LAW_82,
    "(Điều 5 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ ngày 01/06/2017)", "(Điều 9 Nghị định số 1/2020/NĐ-CP)",
    "1. Khoản một;", "2.Khoản hai (mất dấu cách)", "1. Khoản lặp", "a) Điểm a;", "đ) Điểm đ;", "a1) Điểm a1;", "- Gạch đầu dòng;",
    "  3. Thụt đầu dòng", "1.000 đồng mỗi tháng", "Đoạn không đánh số.", "",
])
PD_DOCS = st.lists(st.one_of(PD_LINES, st.text(alphabet="abcđ ().,;:-0123456789", max_size=20)), max_size=25).map(
    lambda lines: "\n".join(["Điều 8.1.LQ.1. Trẻ em", *lines]))


@given(PD_DOCS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_pháp_điển_text_keeps_every_line_with_unique_anchors(text: str) -> None:
    d = parse(text)
    anchors = [b.anchor for b in d.body]
    assert len(anchors) == len(set(anchors))
    kept = [b.text for b in d.body if b.kind != "heading"]
    # every cleaned line, verbatim and in order (cleaning may rejoin a line broken before a small letter)
    assert kept == [ln.text.strip() for ln in clean(text).lines if ln.text.strip()]
    assert len(d.articles) == sum(1 for b in d.body if b.kind == "heading")
