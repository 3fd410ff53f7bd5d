"""Bounded pages (issue 15): long lists split into pieces, every item still on exactly one page.

The real corpus is small, so the integration tests shrink ``paging.MAX_BYTES`` to make every kind
of page split, then count the items across a page and its pieces against the corpus index.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

import pytest

from tracuu.build import load_corpus, render_all
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.render import paging, urls
from tracuu.render import portal as render_portal
from tracuu.render.portal.guidance import QUOTES, file_name
from tracuu.resolve.index import build_index

SMALL = 4000


@pytest.mark.parametrize(
    ("sizes", "budget", "parts"),
    [
        ([10] * 5, 100, [[10] * 5]),  # within the budget: one piece, no suffix
        ([40] * 5, 100, [[40, 40], [40, 40], [40]]),  # numbered parts, none over the budget
        ([150, 10, 10], 100, [[150], [10, 10]]),  # an item larger than the budget gets a part of its own
    ],
)
def test_split_keeps_every_item_in_order(monkeypatch: pytest.MonkeyPatch, sizes: list[int], budget: int, parts: list[list[int]]) -> None:
    monkeypatch.setattr(paging, "MAX_BYTES", budget)
    items = list(enumerate(sizes))
    pieces = paging.split(items, [], lambda it: it[1])
    assert [[s for _, s in p.items] for p in pieces] == parts
    assert [it for p in pieces for it in p.items] == items
    if len(pieces) > 1:
        assert [p.suffix for p in pieces] == [str(n) for n in range(1, len(pieces) + 1)]


def test_split_by_year_newest_first_then_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "MAX_BYTES", 100)
    items = [("2023-05-01", 60), ("2024-01-02", 60), ("", 10), ("2023-07-01", 60), ("2024-03-04", 30)]
    pieces = paging.split(items, [lambda it: paging.year_facet(it[0])], lambda it: it[1])
    assert [(p.suffix, p.label) for p in pieces] == [
        ("2024", "Năm 2024"),
        ("2023-1", "Năm 2023 (phần 1)"),
        ("2023-2", "Năm 2023 (phần 2)"),
        ("khong-ro-nam", "Không rõ năm"),
    ]
    shown, rest = paging.lead(pieces, lambda it: it[1])
    assert [p.suffix for p in shown] == ["2024"] and len(rest) == 3


def test_piece_names_cannot_meet_a_slug() -> None:
    assert urls.piece("bo-cong-an", "2024") == "bo-cong-an--2024"
    assert urls.piece("bo-cong-an", "") == "bo-cong-an"


@pytest.fixture(scope="module")
def small() -> Iterator[tuple[Corpus, CorpusIndex, dict[str, str]]]:
    corpus = load_corpus()
    index = build_index(corpus)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paging, "MAX_BYTES", SMALL)
        files = render_all(corpus, index)
    yield corpus, index, {k: v.decode("utf-8") for k, v in files.items() if k.endswith(".md")}


def _family(pages: dict[str, str], folder: str, name: str) -> list[str]:
    """A page and its pieces (``<name>--…``)."""
    return [text for path, text in pages.items() if path == f"{folder}/{name}.md" or path.startswith(f"{folder}/{name}--")]


def _pieces(pages: dict[str, str], folder: str) -> list[str]:
    return [p for p in pages if p.startswith(folder + "/") and "--" in p]


def test_topic_items_all_on_one_page_each(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, index, pages = small
    assert _pieces(pages, urls.TOPICS)
    for t in index.topics.topics:
        hits = index.topic_hits.get(t.id)
        want = len(hits.duties) + len(hits.paragraphs) if hits else 0
        got = sum(text.count("[Xem trong văn bản](") for text in _family(pages, urls.TOPICS, t.id))
        assert got == want, t.id


def test_agency_duties_all_on_one_page_each(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, index, pages = small
    assert _pieces(pages, urls.AGENCIES)
    for aid, v in index.agencies.items():
        got = sum(text.count('<span class="duty-meta">') for text in _family(pages, urls.AGENCIES, aid))
        assert got == len(v.entries), aid


def _section_items(text: str, heading: str) -> int:
    """List items of one section, the links to its pieces left out."""
    m = re.search(rf"^#+ {heading} \{{#[a-z-]+\}}\n(.*?)(?=^#|^\?\?\?|\Z)", text, re.M | re.S)
    if not m:
        return 0
    return sum(1 for ln in m.group(1).splitlines() if ln.startswith("- ") and "--" not in ln.split("](", 1)[-1][:200])


def test_instrument_mentions_all_on_one_page_each(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, index, pages = small
    assert any("--dan-chieu-" in p for p in pages)
    for inst_id, facts in index.instruments.items():
        own = index.instrument_document.get(inst_id, "")
        main = pages[urls.page(urls.DOCUMENTS, own)] if own else pages[urls.page(urls.INSTRUMENTS, inst_id)]
        got = _section_items(main, "Được dẫn chiếu trong")
        for path in _pieces(pages, urls.INSTRUMENTS):
            if path.startswith(f"{urls.INSTRUMENTS}/{urls.piece(inst_id, 'dan-chieu')}-"):
                got += sum(1 for ln in pages[path].splitlines() if ln.startswith("- "))
        assert got == len([m for m in facts.mentions if m.doc.id != own]), inst_id


@pytest.mark.parametrize("name", ["theo-nam", "theo-tinh", "theo-loai", "theo-cap"])
def test_document_indexes_list_every_document_once(small: tuple[Corpus, CorpusIndex, dict[str, str]], name: str) -> None:
    corpus, _, pages = small
    family = _family(pages, urls.INDEXES, name)
    assert len(family) > 1
    listed = [m for text in family for m in re.findall(r"^- \[.*?\]\(\.\./van-ban/([^)#]+)\.md\)", text, re.M)]
    assert sorted(listed) == sorted(d.id for d in corpus.documents)


def test_guidance_quotes_all_on_one_page_each(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, index, pages = small
    assert _pieces(pages, urls.GUIDANCE)
    for page in index.guidance_pages:
        key, with_duties = QUOTES.get(page.id, ("", False))
        found = index.guidance.get(key)
        # Codified national texts are not quoted (the statements link their articles).
        quoted = [q for q in ((found.duties if with_duties else ()) + found.paragraphs if found else ()) if not q.doc.articles]
        want = len(quoted)
        got = sum(len(re.findall(r"^ *> ", text, re.M)) for text in _family(pages, urls.GUIDANCE, file_name(page.id)))
        assert got == want, page.id


def test_figures_all_charted_once(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, index, pages = small
    got = sum(text.count('<svg class="chart"') for text in _family(pages, urls.INDEXES, "so-lieu"))
    assert got == len(index.figures)


def test_links_to_pieces_resolve(small: tuple[Corpus, CorpusIndex, dict[str, str]]) -> None:
    _, _, pages = small
    seen = 0
    for path, text in pages.items():
        for target in re.findall(r"\]\(([^)#\s]+--[^)#\s]+\.md)(?:#[^)]*)?\)", text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in pages, f"{path} → {target}"
            seen += 1
    assert seen > 0


def test_real_corpus_pages_keep_their_budget() -> None:
    """At the real size, pages other than whole documents stay within the budget (plus their frame)."""
    corpus = load_corpus()
    files = render_all(corpus, build_index(corpus))
    own_docs = {urls.page(urls.DOCUMENTS, d.id) for d in corpus.documents}
    for path, data in files.items():
        if path.endswith(".md") and path not in own_docs:
            assert len(data) < 2 * paging.MAX_BYTES, path


def test_hotlines_all_on_the_pieces_and_the_box_summarised(
    small: tuple[Corpus, CorpusIndex, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index, _ = small
    national = [h for h in index.hotlines if not h.place]
    assert national
    monkeypatch.setattr(paging, "MAX_BYTES", paging.total(index.hotlines, lambda h: len(h.sentence) + 250) // 3)
    pages = render_portal.pages(corpus, index)
    pieces = [text for path, text in pages.items() if path.startswith(f"{urls.GUIDANCE}/tong-dai--")]
    assert len(pieces) > 1
    number = max({h.number for h in national}, key=lambda n: (sum(h.number == n for h in national), n))
    want = [h for h in index.hotlines if (h.place or h.number == number) and corpus.document(h.doc_id)]
    got = sum(len(re.findall(r"^    - (?:“|.+: \*\*\[)", text, re.M)) for text in pieces)
    assert got == len(want)
    home = pages[urls.page(urls.SNIPPETS, "hotline")]
    assert "](huong-dan/tong-dai.md)" in home and "“" not in home  # summarised: no sentence quoted
