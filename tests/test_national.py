"""Issue 12: the national texts as one page per instrument, pinpoint links, amendments, ministries' duties."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Block, Document, Pinpoint
from tracuu.registries.agencies import load_registry
from tracuu.registries.instruments import registry
from tracuu.render import documents as render_documents
from tracuu.render import instruments as render_instruments
from tracuu.resolve.citations import cite_document
from tracuu.resolve.duties import extract_duties
from tracuu.resolve.duties.articles import role_of
from tracuu.resolve.index import build_index
from tracuu.resolve.instrument_index import pinpoint_anchor

LAW = "2016-04-05-luat-102-2016-qh13"


@cache
def built() -> tuple[Corpus, CorpusIndex]:
    corpus = load_corpus()
    return corpus, build_index(corpus)


@cache
def with_new_document() -> tuple[Corpus, CorpusIndex]:
    corpus, _ = built()
    new = Document(
        source="sources/moi.txt", id="ke-hoach-moi", doc_type="Kế hoạch", province="Bắc Kạn", subject="Thử",
        body=(Block("para", "Thực hiện theo khoản 3 Điều 82 Luật Trẻ em và Điều 84 Luật trẻ em.", 5, "p1", 0),),
    )
    new = Document(**{**new.__dict__, "citations": cite_document(new, registry())})
    c = Corpus((*corpus.documents, new), corpus.root)
    return c, build_index(c)


def test_the_law_is_one_page() -> None:
    corpus, index = built()
    assert index.instrument_document["luat-tre-em"] == LAW
    out = render_instruments.pages(corpus, index)
    assert "phap-ly/luat-tre-em.md" not in out  # its document page is its page
    page = render_documents.pages(corpus, index)[f"van-ban/{LAW}.md"]
    assert "# Luật Trẻ em số 102/2016/QH13" in page


def test_law_page_golden(golden: Callable[[str, str], None]) -> None:
    corpus, index = built()
    page = render_documents.pages(corpus, index)[f"van-ban/{LAW}.md"]
    golden(f"van-ban/{LAW}.md", page)


def test_a_new_document_links_to_the_khoan_it_cites() -> None:
    corpus, index = with_new_document()
    page = render_documents.pages(corpus, index)["van-ban/ke-hoach-moi.md"]
    assert f"]({LAW}.md#dieu-82-khoan-3)" in page
    assert f"]({LAW}.md#dieu-84)" in page
    law = render_documents.pages(corpus, index)[f"van-ban/{LAW}.md"]
    line = next(ln for ln in law.splitlines() if "ke-hoach-moi.md" in ln and "khoản 3 Điều 82" in ln)
    assert f"[khoản 3 Điều 82]({LAW}.md#dieu-82-khoan-3)" in line  # says which article it cites
    assert "dòng" not in line  # no line numbers for readers


@pytest.mark.parametrize(
    ("pin", "anchors", "expected"),
    [
        (Pinpoint("82", "3", ""), {"dieu-82", "dieu-82-khoan-3"}, "dieu-82-khoan-3"),
        (Pinpoint("50", "2", "b"), {"dieu-50", "dieu-50-khoan-2", "dieu-50-khoan-2-diem-b"}, "dieu-50-khoan-2-diem-b"),
        (Pinpoint("82", "9", ""), {"dieu-82", "dieu-82-khoan-3"}, "dieu-82"),  # no such khoản: the article
        (Pinpoint("48, 49, 50", "", ""), {"dieu-48", "dieu-49"}, "dieu-48"),  # a list: its first item
        (Pinpoint("200", "", ""), {"dieu-82"}, ""),  # no such article: no anchor
        (Pinpoint("", "", ""), {"dieu-1"}, ""),
    ],
)
def test_pinpoint_anchor(pin: Pinpoint, anchors: set[str], expected: str) -> None:
    assert pinpoint_anchor(pin, anchors) == expected


def test_every_pinpoint_link_names_an_anchor_of_its_page() -> None:
    corpus, index = built()
    docs = {d.id: {b.anchor for b in d.body} for d in corpus.documents}
    assert len(index.pinpoint_anchors) > 30
    for (inst, _pin), anchor in index.pinpoint_anchors.items():
        assert anchor in docs[index.instrument_document[inst]]


def test_amendments_on_both_pages() -> None:
    corpus, index = built()
    inst = render_instruments.pages(corpus, index)
    amender = inst["phap-ly/luat-28-2018-qh14.md"]
    assert "## Đã sửa đổi, bổ sung" in amender
    assert f"../van-ban/{LAW}.md#dieu-82" in amender and "theo ghi chú Pháp điển tại" in amender
    assert "| Số, ký hiệu | 28/2018/QH14 | theo ghi chú Pháp điển tại Điều" in amender
    tt = inst["phap-ly/thong-tu-30-2019-tt-byt.md"]
    assert "2017-08-18-thong-tu-34-2017-tt-byt.md" in tt
    law = render_documents.pages(corpus, index)[f"van-ban/{LAW}.md"]
    assert "(../phap-ly/luat-28-2018-qh14.md)" in law


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội hướng dẫn", "chủ trì"),
        ("Phối hợp với Bộ Giáo dục và Đào tạo hướng dẫn", "phối hợp"),
        ("Bảo đảm trẻ em được tiếp cận các dịch vụ chăm sóc sức khỏe", "thực hiện"),
    ],
)
def test_role_per_khoan(text: str, role: str) -> None:
    assert role_of(text) == role


@pytest.mark.parametrize(
    ("agency", "article", "count"),
    [
        ("bo-y-te", "dieu-84", 5),
        ("bo-lao-dong-thuong-binh-va-xa-hoi", "dieu-82", 6),
        ("cac-bo-co-quan-ngang-bo", "dieu-89", 2),
        ("ubnd-cac-cap", "dieu-90", 3),  # khoản 4 opens with its own body: "Ủy ban nhân dân cấp xã giao …"
    ],
)
def test_bodies_get_their_articles_duties_one_per_khoan(agency: str, article: str, count: int) -> None:
    corpus, _ = built()
    law = corpus.document(LAW)
    assert law is not None
    duties = [d for d in extract_duties(law, load_registry()) if d.agency_id == agency and d.block.startswith(article + "-")]
    assert len(duties) == count
    assert len({d.block for d in duties}) == count


@pytest.mark.parametrize("agency", ["bo-y-te", "bo-lao-dong-thuong-binh-va-xa-hoi"])
def test_ministry_pages_list_their_duties_under_the_law(agency: str) -> None:
    from tracuu.render import agencies as render_agencies

    corpus, index = built()
    page = render_agencies.pages(corpus, index)[f"co-quan/{agency}.md"]
    assert f"../van-ban/{LAW}.md" in page
    assert "Luật Trẻ em số 102/2016/QH13" in page  # the Law named beside its duties
