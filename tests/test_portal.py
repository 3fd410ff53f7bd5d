"""Portal pages: a golden topic page, chart figures equal the report's, hotlines with sources, guidance quotes."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.textutil import plain
from tracuu.render import glossary
from tracuu.render import portal as render_portal
from tracuu.resolve import figures
from tracuu.resolve.index import build_index
from tracuu.resolve.topics import load_registry

FORUM = "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def pages(corpus: Corpus) -> dict[str, str]:
    return render_portal.pages(corpus, build_index(corpus))


def test_topic_page_golden(pages: dict[str, str], golden: Callable[[str, str], None]) -> None:
    golden("chu-de/an-toan-mang.md", pages["chu-de/an-toan-mang.md"])


def test_pages_are_deterministic(corpus: Corpus, pages: dict[str, str]) -> None:
    assert render_portal.pages(corpus, build_index(corpus)) == pages


def test_every_topic_has_a_page_with_its_tag(pages: dict[str, str]) -> None:
    for t in load_registry().topics:
        page = pages[f"chu-de/{t.id}.md"]
        assert f'tags:\n  - "{t.name}"' in page
        assert f"# {t.name}" in page.replace("\\", "")


def test_forum_chart_numbers_equal_the_report(corpus: Corpus) -> None:
    """The parts are parsed from the Báo cáo's own sentence: 17 = 5 + 3 + 2 + 2 + 3 + 2."""
    doc = corpus.document(FORUM)
    assert doc is not None
    (fig,) = figures.figures_in(doc)
    source = plain(doc.block(fig.block).text)  # type: ignore[union-attr]
    stated = [int(n) for n in re.findall(r"có (\d+) câu hỏi", source)]
    assert [p.count for p in fig.parts] == stated == [5, 3, 2, 2, 3, 2]
    assert fig.total == 17 == fig.sum and fig.consistent
    assert [p.name for p in fig.parts][:2] == ["an toàn mạng", "tai nạn thương tích"]
    assert figures.check(corpus) == []


def test_chart_is_inline_svg_with_table(pages: dict[str, str]) -> None:
    page = pages["chi-muc/so-lieu.md"]
    assert "<svg" in page and "http" not in page.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", "")
    assert "| an toàn mạng | 5 |" in page and "| **Tổng các nhóm** | **17** |" in page


def test_figures_mismatch_is_reported() -> None:
    from tracuu.model.records import Block, Document

    block = Block("para", "Có **10** ý kiến. Nhóm an toàn, có **4** ý kiến; nhóm học tập có **5** ý kiến.", 7, "p1", 0)
    doc = Document(source="sources/x.txt", id="x", doc_type="Báo cáo", body=(block,))
    (fig,) = figures.figures_in(doc)
    assert (fig.total, fig.sum, fig.consistent) == (10, 9, False)
    problems = figures.check(Corpus(documents=(doc,), root=None))  # type: ignore[arg-type]
    assert [(p.path, p.line, p.severity) for p in problems] == [("sources/x.txt", 7, "warning")]


def test_hotlines_found_with_sources(corpus: Corpus) -> None:
    lines = build_index(corpus).hotlines
    national = {(h.number, h.doc_id) for h in lines if not h.place}
    assert {n for n, _ in national} == {"111"}
    assert len({d for _, d in national}) >= 3
    local = [(h.place, h.number) for h in lines if h.place]
    assert ("Thái Nguyên", "18008080") in local


def test_every_guidance_page_has_the_hotline_and_links_every_quote(pages: dict[str, str]) -> None:
    for path in ("huong-dan/index.md", "huong-dan/giao-vien.md", "huong-dan/phu-huynh.md"):
        page = pages[path]
        assert "[111](tel:111)" in page
        # every quotation is followed by its source link
        blocks = page.split("\n\n")
        for i, b in enumerate(blocks):
            if b.startswith("> "):
                assert blocks[i + 1].startswith("Nguồn: [") and "../van-ban/" in blocks[i + 1], b[:80]


def test_teacher_page_quotes_the_bac_kan_conclusions(pages: dict[str, str]) -> None:
    page = pages["huong-dan/giao-vien.md"]
    assert "trang bị kỹ năng xử lý tình huống cho giáo viên" in page
    assert "2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan.md#m2-b2" in page


def test_glossary_outputs(pages: dict[str, str]) -> None:
    abbr = pages[glossary.ABBR_FILE]
    assert "*[UBND]: Ủy ban nhân dân" in abbr.splitlines()
    assert not any(line.startswith("*[TT]:") for line in abbr.splitlines())  # tooltip: false
    page = pages[glossary.PAGE]
    for term in ("UBND", "BCĐ", "LĐ-TB&amp;XH", "BVQTE", "BVCSTE", "KGVX", "TW", "NĐ-CP", "TT", "QĐ-TTg", "KH", "CTr", "HĐND", "MTTQ"):
        assert f"**{term}**" in page, term


def test_newest_snippet_lists_newest_first(corpus: Corpus, pages: dict[str, str]) -> None:
    newest = pages["_generated/newest.md"]
    ids = re.findall(r"\(van-ban/([^)#]+)\.md\)", newest)
    dates = [corpus.document(i).date for i in ids]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True) and len(ids) == min(5, len(corpus.documents))


def test_each_page_defines_only_the_abbreviations_it_uses() -> None:
    """Tooltips without the whole glossary on every page (the abbr pass over every page with every
    term was the project's extra MkDocs cost): a page gets the definitions of the terms in its text."""
    from tracuu.model.glossary import Term

    terms = [Term("UBND", "Ủy ban nhân dân"), Term("BCĐ", "Ban Chỉ đạo"), Term("TT", "Thông tư", tooltip=False)]
    got = dict(
        glossary.with_abbreviations(
            {
            "van-ban/a.md": "# UBND tỉnh\n\nTT Thành ủy\n",
            "van-ban/b.md": "# Không viết tắt\n",
            "_generated/newest.md": "UBND\n",
                "du-lieu/a.csv": "UBND\n",
            },
            terms,
        )
    )
    assert got["van-ban/a.md"].endswith("\n*[UBND]: Ủy ban nhân dân\n")
    assert "BCĐ" not in got["van-ban/a.md"] and "*[TT]" not in got["van-ban/a.md"]
    assert got["van-ban/b.md"] == "# Không viết tắt\n"
    # snippets of the home page (which includes the whole list) and non-Markdown files are untouched
    assert got["_generated/newest.md"] == "UBND\n" and got["du-lieu/a.csv"] == "UBND\n"


def test_the_site_pages_carry_their_abbreviations() -> None:
    from pathlib import Path

    from tracuu.build import render_all

    files = render_all(load_corpus(Path(__file__).resolve().parents[1]))
    page = files["van-ban/2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen.md"].decode()
    assert "\n*[UBND]: Ủy ban nhân dân" in page
    assert "--8<--" not in page
    home = (Path(__file__).resolve().parents[1] / "docs" / "index.md").read_text(encoding="utf-8")
    assert '--8<-- "includes/abbreviations.md"' in home
