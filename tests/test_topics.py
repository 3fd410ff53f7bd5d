"""Topics registry: every example matches, every counter-example does not; topics land on sensible duties."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.registries.topics import _parse, load_registry, registry_problems
from tracuu.resolve.topics import paragraph_topics

REG = load_registry()
EXAMPLES = [(t.id, ex) for t in REG.topics for ex in t.examples] + [(a.id, ex) for a in REG.audiences for ex in a.examples]
COUNTERS = [(t.id, ex) for t in REG.topics for ex in t.counter] + [(a.id, ex) for a in REG.audiences for ex in a.counter]


def _matcher(ident: str):  # type: ignore[no-untyped-def]
    found = REG.topic(ident) or REG.audience(ident)
    assert found is not None
    return found.matcher


def test_registry_has_the_ten_topics_of_issue_6() -> None:
    assert registry_problems() == []
    assert [t.name for t in REG.topics] == [
        "Phòng, chống xâm hại và bạo lực",
        "Tai nạn thương tích và đuối nước",
        "An toàn trên môi trường mạng",
        "Lao động trẻ em trái quy định",
        "Trẻ em có hoàn cảnh đặc biệt",
        "Y tế, dinh dưỡng, tiêm chủng",
        "Giáo dục, bỏ học, kỹ năng sống",
        "Diễn đàn trẻ em và quyền tham gia",
        "Thiên tai, dịch bệnh",
        "Thống kê và dữ liệu",
    ]
    assert all("đ" not in t.id for t in REG.topics)


@pytest.mark.parametrize(("ident", "text"), EXAMPLES)
def test_example_matches(ident: str, text: str) -> None:
    assert _matcher(ident)(text), f"{ident}: {text}"


@pytest.mark.parametrize(("ident", "text"), COUNTERS)
def test_counter_example_does_not_match(ident: str, text: str) -> None:
    assert not _matcher(ident)(text), f"{ident} matched {_matcher(ident).matches(text)}: {text}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hướng dẫn các cơ sở dịch vụ thể dục, thể thao liên quan đến hoạt động bơi, lặn", ("tai-nan-thuong-tich",)),
        ("được bảo đảm bởi pháp luật", ()),  # "bởi" is not "bơi"
        ("Sở Lao động - Thương binh và Xã hội chủ trì", ()),
        ("ĐUỐI NƯỚC", ("tai-nan-thuong-tich",)),  # folded: case and đ
        ("phòng, chống xâm hại trên không gian mạng", ("xam-hai-bao-luc", "an-toan-mang")),
    ],
)
def test_classify_table(text: str, expected: tuple[str, ...]) -> None:
    assert REG.classify(text) == expected


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def _duty(corpus: Corpus, doc_id: str, block: str):  # type: ignore[no-untyped-def]
    doc = corpus.document(doc_id)
    assert doc is not None
    return next(d for d in doc.duties if d.block == block)


BK = "2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan"
TN = "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen"
FORUM = "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan"
KT = "2023-03-huong-dan-cong-tac-tre-em-kon-tum"
TT = "2021-09-30-thong-tu-13-2021-tt-bldtbxh"


@pytest.mark.parametrize(
    ("doc_id", "block", "has", "lacks"),
    [
        (BK, "m5", {"an-toan-mang", "xam-hai-bao-luc"}, {"lao-dong-tre-em"}),  # Sở TT&TT: môi trường mạng
        (BK, "m3-b1", {"y-te-dinh-duong"}, {"xam-hai-bao-luc"}),  # Sở Y tế: tiêm chủng, dinh dưỡng
        (BK, "m4-b3", {"tai-nan-thuong-tich"}, {"y-te-dinh-duong"}),  # bơi, lặn, đuối nước
        (BK, "m2-b2", {"giao-duc-ky-nang-song"}, set()),  # kỹ năng sống, học sinh
        (BK, "m1-b5", {"dien-dan-tham-gia"}, set()),  # Diễn đàn trẻ em tỉnh
        (BK, "m1-b7", {"hoan-canh-dac-biet"}, set()),
        (BK, "m1-b2", {"thong-ke-du-lieu"}, set()),  # số hóa
        (TN, "m2-b1", {"giao-duc-ky-nang-song", "hoan-canh-dac-biet", "thien-tai-dich-benh"}, set()),  # bỏ học
        (TN, "m5-b2", {"xam-hai-bao-luc", "lao-dong-tre-em"}, set()),  # bóc lột sức lao động
        (FORUM, "m1-3-p1", {"dien-dan-tham-gia"}, set()),
        (KT, "m11", {"thong-ke-du-lieu"}, set()),
        # indicators take their annex's title: "Phụ lục III — Nội dung chỉ tiêu thống kê về tình hình trẻ em"
        (TT, "pl-iii-0103", {"thong-ke-du-lieu"}, {"xam-hai-bao-luc"}),  # "Tỷ suất sinh thô"
        (TT, "pl-iv-0201", {"thong-ke-du-lieu", "xam-hai-bao-luc"}, set()),  # Phụ lục IV: "… tình hình xâm hại trẻ em"
    ],
)
def test_topics_on_corpus_duties(corpus: Corpus, doc_id: str, block: str, has: set[str], lacks: set[str]) -> None:
    d = _duty(corpus, doc_id, block)
    assert has <= set(d.topics), d.topics
    assert not (lacks & set(d.topics)), d.topics


def test_document_topics_are_union_of_duties_and_paragraphs(corpus: Corpus) -> None:
    for doc in corpus.documents:
        union = {t for d in doc.duties for t in d.topics} | {t for ids in paragraph_topics(doc).values() for t in ids}
        assert set(doc.topics) == union
        assert list(doc.topics) == [t.id for t in REG.topics if t.id in union]  # registry order


def test_every_topic_is_used_by_the_corpus(corpus: Corpus) -> None:
    per_topic = Counter(t for doc in corpus.documents for d in doc.duties for t in d.topics)
    assert all(per_topic[t.id] > 0 for t in REG.topics), per_topic


def test_broken_registry_reports_path_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "topics.yml"
    bad.write_text(
        "topics:\n"
        "  - id: Đuối nước\n"
        "    name: Đuối nước\n"
        "    keywords: [đuối nước]\n"
        "    examples: [trẻ em bị bỏng]\n"
        "  - id: x\n"
        "    name: X\n"
        "    keywords: [x]\n"
        "    examples: [x]\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    _, problems = _parse(bad)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (2, "id 'Đuối nước' không phải dạng slug; dùng 'duoi-nuoc'"),
        (2, "ví dụ của 'Đuối nước' không khớp từ khóa nào"),
        (6, "khóa không hỗ trợ 'colour' trong chủ đề; dùng id, name, keywords, exclude, examples, counter"),
    ]
    assert all(p.path == str(bad) for p in problems)
