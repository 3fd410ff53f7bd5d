"""The hostile corpus (issue 14): every input gets a page or a listed problem, never a traceback,
and no text from a source or a file name becomes markup, a snippet or a template.

The corpus is built in a temporary copy (tests/hostile/corpus.py makes the symlinks,
FIFO, oversize files and hostile names there); the browser half is
tests/browser/test_hostile_browser.py.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from tracuu.build import build, load_corpus
from tracuu.model.corpus import Corpus

_spec = importlib.util.spec_from_file_location("hostile_corpus", Path(__file__).parent / "hostile" / "corpus.py")
assert _spec and _spec.loader
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile_corpus"] = hostile
_spec.loader.exec_module(hostile)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made: Path = hostile.make_root(tmp_path_factory.mktemp("hostile"))
    return made


@pytest.fixture(scope="module")
def corpus(root: Path) -> Corpus:
    return load_corpus(root)


@pytest.fixture(scope="module")
def built(root: Path) -> Path:
    build(root=root)
    return root / "docs"


@pytest.mark.parametrize("case", hostile.CASES, ids=lambda c: c.what)
def test_every_input_gets_a_page_or_a_listed_problem(case: object, corpus: Corpus) -> None:
    assert case.page or case.problem[0], "a case must expect something"  # type: ignore[attr-defined]
    if case.page:  # type: ignore[attr-defined]
        doc = corpus.document(case.page)  # type: ignore[attr-defined]
        assert doc is not None, f"{case.name!r} got no page {case.page}"  # type: ignore[attr-defined]
    path, words = case.problem  # type: ignore[attr-defined]
    if path:
        listed = [str(p) for p in corpus.problems if p.path == path]
        assert any(words in m for m in listed), (path, words, listed)


def test_no_traceback_and_no_unexplained_document(corpus: Corpus) -> None:
    assert not [p for p in corpus.problems if "không xử lý được văn bản" in p.message]
    assert not [p for p in corpus.problems if "Traceback" in p.message or "Error:" in p.message]
    # every document comes from a listed, plain file; nothing outside sources/ was read
    assert all(d.source.startswith("sources/") for d in corpus.documents)
    assert not any("root:x:0:0" in b.text for d in corpus.documents for b in d.body)


def test_legacy_encodings_read_as_vietnamese(corpus: Corpus) -> None:
    for doc_id in ("tcvn3-vntime", "tcvn3-mojibake", "vni-times", "vni-mojibake", "windows-1258", "utf16-bom", "utf8-bom"):
        d = corpus.document(doc_id)
        assert d is not None
        assert d.doc_type == "Kế hoạch" and d.issuer == "Ủy ban nhân dân tỉnh Thái Nguyên", (doc_id, d.doc_type, d.issuer)
        assert d.subject == "Về bảo vệ, chăm sóc trẻ em năm 2024", (doc_id, d.subject)


def test_control_characters_are_gone(corpus: Corpus) -> None:
    d = corpus.document("nul-dieu-khien")
    assert d is not None
    text = "\n".join(b.text for b in d.body)
    assert "Sở Y tế" in text and not re.search("[\x00-\x08\u202e]", text)


def test_a_bad_sidecar_affects_only_its_own_document(corpus: Corpus) -> None:
    for doc_id in ("sidecar-ngay-sai", "sidecar-bi-danh", "sidecar-yaml-hong", "sidecar-khong-utf8", "sidecar-note-7mb"):
        d = corpus.document(doc_id)
        assert d is not None and d.doc_type == "Kế hoạch" and d.subject, doc_id
    bad = corpus.document("sidecar-sai-kieu")
    assert bad is not None and ("related", "khong-co-van-ban-nay") in bad.meta  # kept, and reported above
    assert not any(k == "note" for k, _ in bad.meta)


def test_alias_bomb_and_7mb_note_are_refused_fast(root: Path) -> None:
    from tracuu.parse import sidecar

    for stem in ("sidecar-bi-danh", "sidecar-note-7mb"):
        t = time.perf_counter()
        side = sidecar.load(root / "sources" / f"{stem}.txt")
        took = time.perf_counter() - t
        assert side is not None and side.problems and not side.values, stem
        assert took < 1.0, (stem, took)


def test_ids_are_unique_and_deterministic(corpus: Corpus, root: Path) -> None:
    ids = [d.id for d in corpus.documents]
    assert len(ids) == len(set(ids))
    again = load_corpus(root)
    assert [(d.source, d.id) for d in again.documents] == [(d.source, d.id) for d in corpus.documents]


def _site_markdown(root: Path) -> markdown.Markdown:
    cfg = load_config(str(root / "mkdocs.yml"))
    return markdown.Markdown(extensions=cfg["markdown_extensions"], extension_configs=cfg["mdx_configs"])


OWN_HANDLERS = {"window.print()"}  # the generator's own "In trang" buttons


class _Active(HTMLParser):
    """Collects what a browser would run: script/iframe/object/embed elements, on* attributes, javascript:/data: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "frame", "base", "meta", "link", "style"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            v = (value or "").strip().lower()
            if (name.lower().startswith("on") and v not in OWN_HANDLERS) or name.lower() == "srcdoc" or v.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")


def active(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


def test_generated_pages_hold_no_markup_from_sources(built: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every generated page through the site's own Markdown (snippets, attr_list, md_in_html …):
    no element or attribute from a source, no repository file pulled in."""
    monkeypatch.chdir(root)  # snippets resolve against the working directory, as under `mkdocs build`
    md = _site_markdown(root)
    pages = sorted(p for p in built.rglob("*.md") if "includes" not in p.parts and "_generated" not in p.parts)
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
        md.reset()
        html = md.convert(body)
        assert active(html) == [], page
        for marker in hostile.LEAK_MARKERS:
            assert marker not in html, (page, marker)
        assert "{: " not in html.replace("{: #", "") or "\\{" in text, page


def test_markdown_lookalikes_render_as_text(built: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    md = _site_markdown(root)
    text = (built / "van-ban" / "xss-ke-hoach.md").read_text(encoding="utf-8")
    html = md.convert(re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S))
    assert "<hr" not in html and "<ul>\n<li>dấu sao" not in html
    assert "* dấu sao đầu dòng" in html and "---" in html and "***" in html
    assert "c thừa" in html and "d \\| e" in html  # the extra cell and the escaped pipe stay
    assert "{: #m" not in html  # no attribute list shown as text
    assert "&lt;script&gt;" in html


def test_no_other_page_grows_past_1_mb(built: Path) -> None:
    big = {p.relative_to(built).as_posix(): p.stat().st_size for p in built.rglob("*") if p.is_file() and p.stat().st_size > 1_000_000}
    # the hostile document's own page and its own source copy (the .txt download) may be big; nothing else
    assert set(big) <= {"van-ban/trich-yeu-5mb.md", "van-ban/trich-yeu-5mb.txt"}, big


def test_every_template_output_of_page_or_source_text_is_escaped() -> None:
    """The theme override prints page titles, meta fields and source names: each through `| e`
    (or `| urlencode` inside a URL). A merge once lost the escaping of the source names."""
    template = (Path(__file__).resolve().parents[1] / "overrides" / "main.html").read_text(encoding="utf-8")
    outputs = re.findall(r"\{\{\s*(.*?)\s*\}\}", template)
    # values that never carry source text: URLs of our own pages, Material's strings, dates we format
    ours = re.compile(r"^(?:super\(\)|mkdocs_version|lang\.t\(.*\)|.*\|\s*url|alt\.lang.*|build_date_utc\.strftime\(.*\))$")
    unsafe = [o for o in outputs if not ours.match(o) and not re.search(r"\|\s*(?:e|urlencode)\s*$", o)]
    assert unsafe == []
