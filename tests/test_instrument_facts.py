"""Issue 12: no "chưa rõ" for a fact the corpus states; repeal clauses give an instrument its status.

The scan below reads sources/*.txt with its own plain patterns (not the citation finder's): for
every instrument page, each fact shown as unknown (number, issuer, date, status) must not be
stated next to the instrument's number (or name) anywhere in the corpus — in a citing sentence
("Quyết định số 06/QĐ-TTg ngày 03 tháng 01 năm 2019 của Thủ tướng Chính phủ") or a Pháp điển
note ("Luật số 102/2016/QH13 Trẻ em ngày 05/04/2016 của Quốc hội").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Block, Document
from tracuu.registries.instruments import registry
from tracuu.render import instruments as render_instruments
from tracuu.resolve.citations import cite_document
from tracuu.resolve.citations.find import find_citations
from tracuu.resolve.index import build_index
from tracuu.resolve.repeals import repeals_in

ROOT = Path(__file__).resolve().parents[1]
UNKNOWN = render_instruments.UNKNOWN


@cache
def built() -> tuple[Corpus, CorpusIndex, dict[str, str]]:
    corpus = load_corpus(ROOT)
    index = build_index(corpus)
    return corpus, index, render_instruments.pages(corpus, index)


@cache
def texts() -> tuple[str, ...]:
    """Every paragraph (line) of sources/*.txt, spaces normalised."""
    return tuple(
        " ".join(line.split())
        for p in sorted((ROOT / "sources").glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )


def _rows(page: str) -> dict[str, str]:
    rows = (ln.split(" | ") for ln in page.splitlines() if ln.startswith("| ") and ln.count(" | ") >= 2)
    return {r[0][2:]: r[1] for r in rows}


_VERB = re.compile(r"\s(?:về|quy định|hướng dẫn|sửa đổi|ban hành|thực hiện|triển khai|phê duyệt)\s")
_ISSUER = re.compile(
    r"\s(?:của|do)\s+(?:Quốc hội|Chính phủ|Thủ tướng|Bộ|Ủy ban|UBND|Hội đồng|Ban|Sở|Tỉnh ủy|Bộ Chính trị|Ban Chấp hành)\b"
)
_DATE = re.compile(r"\sngày\s+\d{1,2}(?:\s*/|\s+tháng)")
# a repeal clause ends the paragraph: "… hết hiệu lực kể từ ngày Nghị định này có hiệu lực."
_REPEAL = re.compile(r"\bhết hiệu lực(?: thi hành)? kể từ ngày \w+(?: \w+)? này có hiệu lực(?: thi hành)?\.?$")


def _stated(key: str) -> set[str]:
    """Which facts the corpus states right after ``key`` (an instrument's number or name)."""
    out: set[str] = set()
    for text in texts():
        for m in re.finditer(re.escape(key) + r"(?![\w/-])", text):
            window = re.split(r"[;:()]|\.\s", text[m.end() : m.end() + 300])[0]
            head = window[: v.start()] if (v := _VERB.search(window)) else window
            part = text[: m.start()].rsplit(";", 1)[-1]
            if _ISSUER.search(head):
                out.add("issuer")
            if _DATE.search(head.split("kể từ")[0]):
                out.add("date")
            # the instrument opens its ";"-part of a repeal clause, not as "Điều 17 Nghị định …" or inside a title
            opens = re.fullmatch(r"\s*(?:\d+\.\s*)?(?:và\s+)?[\w\s,]{0,80}?", part) and not re.search(r"Điều|của", part)
            if opens and _REPEAL.search(text):
                out.add("status")
    return out


def test_no_unknown_fact_on_an_instrument_page_is_stated_in_the_corpus() -> None:
    _, _, pages = built()
    wrong: list[tuple[str, str]] = []
    checked = 0
    labels = {"issuer": "Cơ quan ban hành", "date": "Ngày ban hành", "status": "Tình trạng"}
    for path, page in sorted(pages.items()):
        rows = _rows(page)
        if "Thuộc tính" not in rows:
            continue
        number = rows.get("Số, ký hiệu", "")
        key = number if number and number != UNKNOWN else page.split("\n# ", 1)[1].split("\n", 1)[0].split(" — ")[0]
        stated = _stated(key.replace("\\", ""))
        for fact, label in labels.items():
            if rows.get(label) == UNKNOWN:
                checked += 1
                if fact in stated:
                    wrong.append((path, label))
    assert checked > 40  # Tình trạng of most, issuer and date of the laws cited by name
    assert wrong == []


def test_the_scan_sees_what_the_corpus_states() -> None:
    """The scan itself: it finds facts where the corpus writes them (else the test above proves nothing)."""
    assert {"issuer", "date"} <= _stated("06/QĐ-TTg")
    assert "date" in _stated("Luật Thống kê")
    assert "status" in _stated("25/2004/QH11")
    assert "status" in _stated("136/2013/NĐ-CP")
    assert "status" not in _stated("Luật Người khuyết tật")  # named inside the repealed decree's title
    assert "status" not in _stated("140/2018/NĐ-CP")  # only its Điều 17 is repealed


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("phap-ly/luat-25-2004-qh11.md", "| Tình trạng | Hết hiệu lực từ ngày 01/06/2017 | theo [Luật Trẻ em số 102/2016/QH13]"),
        ("phap-ly/nghi-dinh-136-2013-nd-cp.md", "| Tình trạng | Hết hiệu lực từ ngày 01/07/2021 | theo [Nghị định 20/2021/NĐ-CP"),
        ("phap-ly/quyet-dinh-06-qd-ttg-2019.md", "| Cơ quan ban hành | Thủ tướng Chính phủ | theo ["),
        ("phap-ly/luat-thong-ke.md", "| Ngày ban hành | 23/11/2015 | theo ["),
    ],
)
def test_facts_shown_with_reader_language_sources(path: str, shown: str) -> None:
    _, _, pages = built()
    page = pages[path]
    assert shown in page
    reader = page.split('??? note tracuu-editor')[0]
    assert "sources/" not in reader and "data/" not in reader and ".txt:" not in reader  # editor paths only below


def _doc(text: str) -> Document:
    d = Document(source="t.txt", id="t", doc_type="Nghị định", effective="2021-07-01",
                 body=(Block("item", text, 1, "dieu-38-khoan-2", 1, "2", "dieu-38"),))
    return Document(**{**d.__dict__, "citations": cite_document(d, registry())})


@pytest.mark.parametrize(
    ("text", "repealed"),
    [
        # real: Luật Trẻ em, Điều 103 khoản 2
        ("2. Luật Bảo vệ, chăm sóc và giáo dục trẻ em số 25/2004/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
         ["luat-25-2004-qh11"]),
        # real (shortened): Nghị định 20/2021/NĐ-CP, Điều 38 khoản 2 — a list; parts naming articles repeal those only,
        # and a law named inside a decree's title is not repealed
        ("2. Nghị định số 136/2013/NĐ-CP ngày 21 tháng 10 năm 2013 của Chính phủ về chính sách trợ giúp xã hội; "
         "Điều 17 Nghị định số 140/2018/NĐ-CP ngày 08 tháng 10 năm 2018 của Chính phủ về sửa đổi; "
         "các điều từ Điều 15 đến Điều 23 Nghị định số 28/2012/NĐ-CP ngày 10 tháng 4 năm 2012 của Chính phủ quy định "
         "chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật hết hiệu lực kể từ ngày Nghị định này có hiệu lực.",
         ["nghi-dinh-136-2013-nd-cp"]),
        # real: Thông tư 02/2021/TT-BLĐTBXH, Điều 7 khoản 2 — the second part's head, not the circular it amended
        ("2. Thông tư liên tịch số 29/2014/TTLT-BLĐTBXH-BTC ngày 24 tháng 10 năm 2014 của Bộ Lao động - Thương binh và "
         "Xã hội và Bộ Tài chính hướng dẫn thực hiện; Thông tư liên tịch số 06/2015/TTLT-BLĐTBXH-BTC ngày 12 tháng 5 năm "
         "2015 của Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính sửa đổi, bổ sung khoản 2 và 4 Điều 11 Thông tư liên "
         "tịch số 29/2014/TTLT-BLĐTBXH-BTC hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.",
         ["thong-tu-lien-tich-29-2014-ttlt-bldtbxh-btc", "thong-tu-lien-tich-06-2015-ttlt-bldtbxh-btc"]),
        # not a repeal clause: in force from a date
        ("2. Nghị định số 136/2013/NĐ-CP có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2013.", []),
    ],
)
def test_repeal_clauses(text: str, repealed: list[str]) -> None:
    got = repeals_in(_doc(text))
    assert [i for i, _ in got] == repealed
    assert all(r.effective == "2021-07-01" and r.anchor == "dieu-38-khoan-2" for _, r in got)


def test_an_issuer_ends_before_the_verb() -> None:
    # real: Thông tư 02/2021/TT-BLĐTBXH, Điều 7 khoản 2
    t = ("Thông tư liên tịch số 06/2015/TTLT-BLĐTBXH-BTC ngày 12 tháng 5 năm 2015 của Bộ Lao động - Thương binh và "
         "Xã hội và Bộ Tài chính sửa đổi, bổ sung khoản 2 và 4 Điều 11")
    assert find_citations(t)[0].issuer == "Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính"


def test_a_subject_ends_before_the_short_name_the_text_goes_on_to_use() -> None:
    # real: Thông tư 23/2017/TT-BYT
    t = ("Điều 9 Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT ngày 12/5/2016 quy định về công tác y tế trường học "
         "(sau đây gọi tắt là Thông tư liên tịch số 13/2016/TTLT-BYT-BGDĐT).")
    assert find_citations(t)[0].title == "quy định về công tác y tế trường học"
