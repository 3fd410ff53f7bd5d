"""The site's search index (tracuu.site_search): entries from built HTML, terms, weights, shards."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tracuu import site_search
from tracuu.site_search import Entry, folded_key, index_terms, page_entries, shard_of, terms_of

PAGE = """<!doctype html><html><head><title>x</title><script>var skip = "trẻ em"</script></head>
<body><header><input data-search-input placeholder="Tìm kiếm"></header>
<article class="md-content__inner">
<h1 id="tieu-de">Nghị định 20/2021/NĐ-CP</h1>
<p>Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội.</p>
<svg><path d="M0"/><title>icon</title></svg>
<h2 id="can-cu">Là căn cứ ban hành</h2><p>Kế hoạch 782/KH-UBND<br>tỉnh Bắc Kạn.</p>
<h3>Không có id</h3><p>vẫn <b>thuộc</b> mục t<i>rên</i></p>
<aside data-search-ignore><p>Trang được dựng ngày 01/01/2025</p></aside>
</article><footer>Chân trang</footer></body></html>"""


def test_page_entries_cut_at_headings_with_ids() -> None:
    entries = page_entries(PAGE, "phap-ly/nd-20/index.html")
    assert [(e.url, e.title) for e in entries] == [
        ("phap-ly/nd-20/index.html", "Nghị định 20/2021/NĐ-CP"),
        ("#can-cu", "Là căn cứ ban hành"),
    ]
    assert entries[0].body == "Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội."
    # a heading without id stays in its section; scripts, svg, header, footer and the build note do not count
    assert entries[1].body == "Kế hoạch 782/KH-UBND tỉnh Bắc Kạn. Không có id vẫn thuộc mục trên"


@pytest.mark.parametrize("html", [
    "<article><p>no heading</p></article>",
    "<article><h1>One</h1><h1>Two</h1></article>",
    "<main><h1>outside any article</h1></main>",
])
def test_pages_without_one_h1_in_an_article_are_not_indexed(html: str) -> None:
    assert page_entries(html, "x.html") == []


@pytest.mark.parametrize(("token", "terms"), [
    ("trẻ", ["tre", "=trẻ"]),
    ("em", ["em"]),
    ("20/2021/nđ-cp", ["20", "2021", "nd", "cp", "20-2021-nd-cp", "202021ndcp"]),
    ("lđ-tb&xh", ["ld", "tb", "xh", "ld-tb-xh", "ldtbxh"]),
    ("“dục”.", ["duc", "=dục"]),
    ("…", []),
])
def test_index_terms_equal_the_javascript_ones(token: str, terms: list[str]) -> None:
    # the same table as tests/browser/test_fold.py::test_javascript_index_terms
    assert index_terms(token) == terms


@pytest.mark.parametrize(("text", "terms"), [
    ("Nghị định 20/2021/NĐ-CP.", ["nghi", "=nghị", "dinh", "=định", "20", "2021", "nd", "cp",
                                  "20-2021-nd-cp", "202021ndcp"]),
    ("tre\u0309 em", ["tre", "=trẻ", "em"]),  # NFD text
    ("Sở LĐ-TB&XH, 1.000 trẻ", ["so", "=sở", "ld", "tb", "xh", "ld-tb-xh", "ldtbxh", "1", "000", "1-000", "1000",
                                "tre", "=trẻ"]),
])
def test_terms_of_text(text: str, terms: list[str]) -> None:
    assert terms_of(text) == terms


def _entries(n: int) -> tuple[list[Entry], list[int]]:
    words = ["trẻ em", "bảo vệ", "xâm hại", "đuối nước", "Nghị định 20/2021/NĐ-CP", "tổng đài 111"]
    entries = [Entry(f"p{i}/index.html", f"Trang {i} {words[i % 6]}", [" ".join(words[: 1 + i % 6]) * (1 + i % 3)])
               for i in range(n)]
    return entries, [1] * n


def _load(data: bytes) -> tuple[str, str, object]:
    m = re.fullmatch(r'TracuuSearch\.load\(("[^"]*"),("[^"]*"),(.*)\);\n', data.decode("utf-8"), re.S)
    assert m, data[:80]
    return json.loads(m.group(1)), json.loads(m.group(2)), json.loads(m.group(3))


def _rows(data: bytes) -> list[list[str]]:
    kind, _, rows = _load(data)
    assert kind == "p" and isinstance(rows, list)
    return rows


def test_every_term_is_in_the_shard_of_its_longest_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_search, "SHARD_BYTES", 400)  # force splits on a small corpus
    out = site_search.files(*_entries(300))
    _, _, manifest = _load(out["search/manifest.js"])
    assert isinstance(manifest, dict)
    keys = set(manifest["shards"])
    assert len(keys) > 5
    seen = 0
    for path, data in out.items():
        if path.startswith("search/t/"):
            kind, key, terms = _load(data)
            assert kind == "t" and path == f"search/t/k{key}.js"
            assert isinstance(terms, dict)
            for term in terms:
                assert shard_of(term, keys) == key and folded_key(term).startswith(key)
                seen += 1
    assert seen > 20


def test_weights_rank_title_matches_and_flag_them() -> None:
    entries = [Entry("a.html", "Đuối nước", ["phòng chống"]), Entry("b.html", "Phòng chống", ["đuối nước đuối nước"]),
               Entry("c.html", "Khác", ["không liên quan"])]
    out = site_search.files(entries, [1, 1, 1])
    shard = next(v for k, v in out.items() if k.startswith("search/t/") and b'"duoi"' in v)
    _, _, terms = _load(shard)
    assert isinstance(terms, dict)
    df, *flat = terms["duoi"]
    assert df == 2  # the title of a, the text of b (lunr counts an entry once per field it is in)
    ids, weights, last = [], [], 0
    for d, w in zip(flat[::2], flat[1::2], strict=True):
        last += d
        ids.append(last)
        weights.append(w)
    assert ids == [0, 1]
    assert weights[0] & 1 == 1 and weights[1] & 1 == 0  # in the title of page 0 only
    assert weights[0] > 100 * weights[1]  # the title field weighs ×1000


def test_page_table_chunks(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "404.html").write_text(PAGE, encoding="utf-8")
    figures = site_search.write(tmp_path)
    assert figures["entries"] == 2 and figures["pages"] == 1
    kind, key, rows = _load((tmp_path / "search" / "p" / "0.js").read_bytes())
    assert (kind, key) == ("p", "0")
    assert rows == [["a/index.html", "Nghị định 20/2021/NĐ-CP",
                     "Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội."],
                    ["#can-cu", "Là căn cứ ban hành", "Kế hoạch 782/KH-UBND tỉnh Bắc Kạn. Không có id vẫn thuộc mục trên"]]


READER_PAGE = """<!doctype html><html><head><meta name="tracuu-search-boost" content="3.0"></head><body>
<article class="md-content__inner">
<nav class="md-tags"><a class="md-tag" href="#">Phòng, chống xâm hại</a> <a class="md-tag" href="#">Trẻ em</a></nav>
<h1>Chỉ thị 20-CT/TW</h1>
<p><button>In</button> <a class="md-button" href="x.txt">Tải văn bản gốc (.txt)</a></p>
<div class="doc-attrs">
<table><thead><tr><th>Thuộc tính</th><th>Nội dung</th><th>Nguồn</th></tr></thead>
<tbody><tr><td>Cơ quan ban hành</td><td>Bộ Chính trị</td><td>theo Công văn 5310/UBND-KGVX: bảo vệ trẻ em</td></tr></tbody>
</table></div>
<p>Tăng cường sự lãnh đạo của Đảng.</p>
<nav class="duty-filter">Xem: Chủ trì · Phối hợp</nav>
<p><a href="../">← Phòng, chống xâm hại</a></p><p>Xem <a href="x">Điều 5</a>.</p>
<div data-search-exclude><p>Khoản ghi chú Pháp điển</p></div>
<table><thead><tr><th>Viết tắt</th><th>Nghĩa</th></tr></thead><tbody><tr><td>UBND</td><td>Ủy ban nhân dân</td></tr></tbody></table>
<aside class="tracuu-page-meta" data-search-exclude><p>Trang được dựng ngày 01/01/2025</p></aside>
<details class="tracuu-editor"><summary>Dành cho người biên tập</summary><p>Tệp nguồn: <code>sources/x.txt</code></p></details>
</article></body></html>"""


def test_reader_text_only_is_indexed_and_only_content_is_the_snippet() -> None:
    (page,) = page_entries(READER_PAGE, "phap-ly/ct-20/index.html")
    # attribute values are indexed (the issuer finds the page) but labels, sources, headers, buttons,
    # navigation, excluded blocks, the build note and the editors' block are not
    assert page.body == "Bộ Chính trị Tăng cường sự lãnh đạo của Đảng. Xem Điều 5. UBND Ủy ban nhân dân"
    assert page.snippet == "Tăng cường sự lãnh đạo của Đảng. Xem Điều 5. UBND Ủy ban nhân dân"
    assert page.tag_text == "Phòng, chống xâm hại Trẻ em"  # Material's tags (above the <h1>): the tags field
    assert page.boost == 3.0


def test_page_boost_multiplies_every_weight() -> None:
    plain = READER_PAGE.replace('<meta name="tracuu-search-boost" content="3.0">', "")
    other = "<html><body><article><h1>Khác</h1><p>Bộ Chính trị</p></article></body></html>"

    def weight(html: str) -> int:
        entries = page_entries(html, "a.html") + page_entries(other, "b.html")
        out = site_search.files(entries, [1, 1])
        shard = next(v for k, v in out.items() if k.startswith("search/t/") and b'"chinh"' in v)
        _, _, terms = _load(shard)
        assert isinstance(terms, dict)
        return int(terms["chinh"][2]) >> 1  # [document frequency, first entry, its weight, ...]

    assert abs(weight(READER_PAGE) - 3 * weight(plain)) <= 3  # weights are stored ×100, rounded


def test_page_table_files_hold_whole_pages_and_stay_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_search, "ROWS_BYTES", 900)
    sizes = [21 if i == 5 else 3 for i in range(30)]
    entries = [Entry(f"p{i}/index.html" if j == 0 else f"#s{j}", f"Trang {i} mục {j}", snip=["trẻ em " * 12])
               for i, n in enumerate(sizes) for j in range(n)]
    out = site_search.files(entries, sizes)
    _, _, manifest = _load(out["search/manifest.js"])
    assert isinstance(manifest, dict)
    counts: list[int] = manifest["rows"]
    assert sum(counts) == len(entries) and len(counts) > 5
    rows = [r for c in range(len(counts)) for r in _rows(out[f"search/p/{c}.js"])]
    assert [r[1] for r in rows] == [e.title for e in entries]
    assert all(len(out[f"search/p/{c}.js"]) < 900 + 100 for c in range(len(counts)))

    def file_of(entry: int) -> int:
        return max(c for c in range(len(counts)) if sum(counts[:c]) <= entry)

    first = 0
    for n in sizes:  # a page that fits is never cut; the long one is
        assert (file_of(first) == file_of(first + n - 1)) == (n == 3)
        first += n


def test_snippets_are_cut_at_a_word() -> None:
    e = Entry("a.html", "A", snip=["Trẻ em là người dưới 16 tuổi " * 20])
    out = site_search.files([e], [1])
    (_, _, rows) = _load(out["search/p/0.js"])
    assert isinstance(rows, list)
    snippet = rows[0][2]
    assert snippet.endswith(" …") and len(snippet) <= site_search.SNIPPET + 2
    assert ("Trẻ em là người dưới 16 tuổi " * 20).startswith(snippet[:-2] + " ")


def test_a_very_common_term_keeps_its_heaviest_and_title_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_search, "MAX_POSTINGS", 5)
    entries = [Entry(f"p{i}.html", "Trẻ em" if i == 7 else f"Trang {i}", ["trẻ " * (1 + i % 4) + "x " * 20])
               for i in range(20)]
    out = site_search.files(entries, [1] * 20)
    shard = next(v for k, v in out.items() if k.startswith("search/t/") and b'"tre"' in v)
    _, _, terms = _load(shard)
    assert isinstance(terms, dict)
    df, *flat = terms["tre"]
    assert df == 21  # all twenty texts and one title: the frequency before the cut
    ids = [sum(flat[0:k + 1:2]) for k in range(0, len(flat), 2)]
    assert 7 in ids and len(ids) == 5  # the five heaviest, the title one among them
    assert ids == sorted(ids)
