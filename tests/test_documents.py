"""The six corpus documents: records and pages show what the foundation issue promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pagetext import _subsequence_gap, _Text, corpus, index, md, page_html, page_words, words_of

from tracuu.model.records import Document
from tracuu.parse.clean import clean
from tracuu.render.documents import render_document_page

ROOT = Path(__file__).resolve().parents[1]


def doc(stem: str) -> Document:
    found = [d for d in corpus().documents if d.id == stem]
    assert found, f"no document {stem} in sources/"
    return found[0]


BAC_KAN_TB = "2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan"
KON_TUM_HD = "2023-03-huong-dan-cong-tac-tre-em-kon-tum"
NEWS = "2024-01-24-tin-bai-cong-tac-tre-em-bac-kan"
CV_5310 = "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen"
BC_BTC = "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan"
TT_13 = "2021-09-30-thong-tu-13-2021-tt-bldtbxh"
ALL = [BAC_KAN_TB, KON_TUM_HD, NEWS, CV_5310, BC_BTC, TT_13]


@pytest.mark.parametrize(
    ("stem", "doc_type", "number", "symbol", "date", "signer"),
    [
        (BAC_KAN_TB, "Thông báo", "", "TB-BCĐ", "2024-01", "Phạm Duy Hưng"),
        (KON_TUM_HD, "Hướng dẫn", "", "HD-SLĐTBXH", "2023-03", "Nguyễn Thanh Tính"),
        (NEWS, "Tin bài", "", "", "2024-01-24", "Thu Trang"),
        (CV_5310, "Công văn", "5310/UBND-KGVX", "UBND-KGVX", "2023-10-10", "Lê Quang Tiến"),
        (BC_BTC, "Báo cáo", "", "BC-BTC", "2024-06", "Đinh Thị Liễu"),
        (TT_13, "Thông tư", "13/2021/TT-BLĐTBXH", "TT-BLĐTBXH", "2021-09-30", "Nguyễn Thị Hà"),
    ],
)
def test_record_header(stem: str, doc_type: str, number: str, symbol: str, date: str, signer: str) -> None:
    d = doc(stem)
    assert (d.doc_type, d.number, d.symbol, d.date, d.signer.name) == (doc_type, number, symbol, date, signer)


def test_bac_kan_conclusions_has_ten_agency_sections() -> None:
    d = doc(BAC_KAN_TB)
    labelled = [b for b in d.body if b.label.isdigit() and b.kind in ("heading", "item") and not b.parent]
    assert [b.label for b in labelled] == [str(n) for n in range(1, 11)]
    html = page_html(d)
    # All ten are headings (in the page's table of contents): four printed as
    # "### **n. Sở …**", six as bold labels "**5. Sở …:** text" whose text follows.
    headings = re.findall(r'<h3[^>]* id="m(\d+)"[^>]*>(.*?)</h3>', html, flags=re.S)
    assert [n for n, _ in headings] == [str(n) for n in range(1, 11)]
    assert "Sở Thông tin và Truyền thông" in headings[4][1] and "Chỉ đạo" not in headings[4][1]
    assert "Công an tỉnh" in headings[6][1]


@pytest.mark.parametrize(
    ("text", "heading", "after"),
    [
        ("**5. Sở Tư pháp:** Tiếp tục tuyên truyền.", "5. Sở Tư pháp:", "Tiếp tục tuyên truyền."),
        ("**2. Công an huyện**: Chỉ đạo lực lượng.", "2. Công an huyện:", "Chỉ đạo lực lượng."),
        ("**b) Phòng Y tế:** Hướng dẫn trạm y tế.", "b) Phòng Y tế:", "Hướng dẫn trạm y tế."),
        # not a section label: no colon, or nothing after it, or bold in the middle
        ("**3. Sở Y tế** thực hiện tiêm chủng.", None, None),
        ("**3. Các nhiệm vụ khác:**", None, None),
        ("3. Giao **Sở Y tế:** thực hiện.", None, None),
    ],
)
def test_bold_labelled_item_renders_as_heading(text: str, heading: str | None, after: str | None) -> None:
    from tracuu.model.records import Block
    from tracuu.render.documents import render_block

    block = Block(kind="item", text=text, line=1, anchor="m9", level=0, label="9")
    d = Document(source="x.txt", id="x", doc_type="Thông báo", body=(block,))
    m = md()
    m.reset()
    html = m.convert(render_block(d, block, index()))
    h3 = re.findall(r'<h3[^>]* id="m9"[^>]*>(.*?)</h3>', html, flags=re.S)
    if heading is None:
        assert not h3
        return
    assert [re.sub(r"<[^>]+>", "", h) for h in h3] == [heading]
    assert re.search(rf"<p[^>]*>{re.escape(after or '')}</p>", html)


def test_kon_tum_footnotes_are_real_and_item_4_is_whole() -> None:
    d = doc(KON_TUM_HD)
    assert [f.number for f in d.footnotes] == ["1", "2"]
    item4 = next(b for b in d.body if b.anchor == "m4")
    assert "các mục tiêu, chỉ tiêu, giải pháp, mô hình" in item4.text
    assert "Theo Kế hoạch" not in item4.text
    html = page_html(d)
    assert html.count('class="footnote-ref"') >= 2
    assert 'id="fn:1"' in html and 'id="fn:2"' in html


def test_news_has_no_portal_chrome_and_links_the_conclusions() -> None:
    html = page_html(doc(NEWS))
    assert "PublishingPortal" not in html and "Tăng cỡ chữ" not in html
    assert f"{BAC_KAN_TB}.md" in render_document_page(doc(NEWS), corpus(), index())
    assert f"{NEWS}.md" in render_document_page(doc(BAC_KAN_TB), corpus(), index())


def test_cong_van_subject_and_kinh_gui() -> None:
    d = doc(CV_5310)
    assert d.subject.startswith("tăng cường thực hiện công tác")
    assert d.kinh_gui == ("Các sở, ban, ngành của tỉnh", "UBND các huyện, thành phố")
    assert d.issuer == "Ủy ban nhân dân tỉnh Thái Nguyên"


def test_bao_cao_sections() -> None:
    d = doc(BC_BTC)
    assert [b.label for b in d.body if b.kind == "item"] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "2"]


def test_thong_tu_articles_annexes_and_tables() -> None:
    d = doc(TT_13)
    assert [b.label for b in d.body if b.label.startswith("Điều")] == ["Điều 1", "Điều 2", "Điều 3"]
    assert [b.label for b in d.body if b.label.startswith("Phụ lục")] == ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]
    tables = [b for b in d.body if b.kind == "table"]
    assert len(tables) == 2
    html = page_html(d)
    assert html.count("<table>") >= 3  # attribute panel + two annex tables
    assert "<td>Tỷ số giới tính khi sinh</td>" in html
    codes = [b.label for b in d.body if re.fullmatch(r"\d{4}", b.label)]
    assert len(codes) == 84  # 60 + 24 indicators defined in Phụ lục III and IV


_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@pytest.mark.parametrize("stem", ALL)
def test_text_fidelity(stem: str) -> None:
    """Every word of the source body appears on the page, in order; the header words appear too."""
    d = doc(stem)
    src = (ROOT / d.source).read_text(encoding="utf-8")
    cleaned = clean(src)
    first_body = min(b.line for b in d.body)
    words = page_words(d)
    seq: list[tuple[int, str]] = []
    for ln in cleaned.lines:
        if ln.no >= first_body:
            seq.extend((ln.no, w) for w in words_of(ln.text))
    for f in cleaned.footnotes:
        seq.extend((f.line, w) for w in words_of(f.text))
    gap = _subsequence_gap([w for _, w in seq], words)
    assert gap is None, f"{d.source}:{seq[gap][0]}: word '{seq[gap][1]}' missing from the page (or out of order)"
    header_words = {w for ln in cleaned.lines if ln.no < first_body for w in words_of(ln.text)}
    missing = sorted(header_words - set(words))
    assert not missing, f"{d.source}: header words missing from the page: {missing}"


def test_untrusted_text_never_becomes_html() -> None:
    from tracuu.pipeline import parse_text

    evil = parse_text(
        "Số: 1/UBND-VX\nV/v thử <script>alert(1)</script>\n\nHà Nội, ngày 01 tháng 01 năm 2024\n\n"
        "Nội dung [bấm](javascript:alert(1)) <img src=x onerror=alert(1)> &amp;.\n",
        source="sources/evil.txt",
        doc_id="evil",
    )
    html = page_html(evil)
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("stem", "golden_name"),
    [(CV_5310, "van-ban/cong-van-5310.md"), (KON_TUM_HD, "van-ban/huong-dan-kon-tum.md")],
)
def test_document_page_golden(stem: str, golden_name: str, golden) -> None:  # type: ignore[no-untyped-def]
    golden(golden_name, render_document_page(doc(stem), corpus(), index()))


def test_documents_index_golden(golden) -> None:  # type: ignore[no-untyped-def]
    from tracuu.render.documents import render_index

    golden("van-ban/index.md", render_index(corpus()))


@pytest.mark.parametrize("stem", ALL)
def test_every_citation_is_a_link_with_verbatim_text(stem: str) -> None:
    """Each citation's exact text is the label of a link to its instrument (or corpus document) page."""
    from tracuu.render.mdsafe import escape_inline

    d = doc(stem)
    page = render_document_page(d, corpus(), index())
    for c in d.citations:
        assert c.span is not None, c
        label = escape_inline(c.text)
        assert re.search(re.escape(f"[{label}](") + r"(\.\./phap-ly/|[^)]*\.md)", page), f"{d.source}:{c.line}: {c.text!r} not linked"


def test_every_instrument_page_in_the_corpus_build_has_a_mention() -> None:
    from tracuu.render.instruments import pages

    inst_pages = {p: t for p, t in pages(corpus(), index()).items() if p != "phap-ly/index.md"}
    assert inst_pages
    for path, text in inst_pages.items():
        assert "../van-ban/" in text.split("Được dẫn chiếu trong", 1)[-1], path


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("---", "---"),
        ("***", "***"),
        ("* * *", "* * *"),
        ("* dấu sao đầu dòng", "* dấu sao đầu dòng"),
        ("Dòng trên\n===", "Dòng trên\n==="),
        ("Dòng trên\n---", "Dòng trên\n---"),
        ("Thuật ngữ\n: định nghĩa", "Thuật ngữ\n: định nghĩa"),
        ('??? note "mở"', '??? note "mở"'),
        ("    thụt lề bốn dấu cách", "thụt lề bốn dấu cách"),
        ('--8<-- "mkdocs.yml"', '--8<-- "mkdocs.yml"'),
        ("{: onclick=\"x\" }", '{: onclick="x" }'),
        ("<script>x</script> {{ config }}", "<script>x</script> {{ config }}"),
    ],
)
def test_markdown_lookalike_lines_render_as_their_text(text: str, shown: str) -> None:
    """Issue 14: a paragraph block whose lines look like Markdown syntax shows those lines, with its anchor."""
    from tracuu.model.records import Block

    d = Document(source="s.txt", id="s", doc_type="", body=(Block(kind="para", text=text, line=1, anchor="p1", level=0),))
    html = page_html(d)
    m = re.search(r'<p class="blk[^"]*" id="p1">(.*?)</p>', html, flags=re.S)
    assert m, html
    parser = _Text()
    parser.feed(m.group(1))
    assert "".join(parser.parts) == shown
    assert "<hr" not in html and "{: #p1" not in html


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        ("| A | B |\n|---|---|\n| 1 | 2 | 3 |", [["A", "B", ""], ["1", "2", "3"]]),
        ("| A | B |\n|---|---|\n| x \\| y | z |", [["A", "B"], ["x \\| y", "z"]]),
        ("| A | B | C |\n|:---|:---:|---:|\n| 1 | 2 | 3 |", [["A", "B", "C"], ["1", "2", "3"]]),
    ],
    ids=["extra cell", "escaped pipe", "alignment kept"],
)
def test_table_rows_keep_every_cell(table: str, rows: list[list[str]]) -> None:
    from tracuu.model.records import Block

    d = Document(source="s.txt", id="s", doc_type="", body=(Block(kind="table", text=table, line=1, anchor="bang1", level=0),))
    html = page_html(d)
    m = re.search(r'id="bang1".*?<table>(.*?)</table>', html, flags=re.S)
    assert m, html
    got = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, flags=re.S)]
           for r in re.findall(r"<tr>(.*?)</tr>", m.group(1), flags=re.S)]
    assert got == rows
