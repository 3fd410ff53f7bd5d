"""data/guidance.yml: every statement rests on a text that exists and says it.

The national instruments are read straight from their Pháp điển text (the
"(Điều N Luật số …)" notes, khoản "1." and điểm "a)" lines), independently of
the project's parser: from sources/ once they are in the corpus, else from the
shared copy (../shared/national). Corpus clauses are resolved with
``tracuu.pipeline.parse_file`` and ``Block.anchor``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.guidance import Basis, GuidancePage, Statement
from tracuu.pipeline import parse_file
from tracuu.registries import glossary
from tracuu.registries.guidance import parse, resolve_problems

ROOT = Path(__file__).resolve().parents[1]
GUIDANCE = ROOT / "data" / "guidance.yml"
LAW = "102/2016/QH13"
PAGE_IDS = ("khi-tre-em-gap-nguy-hiem", "phu-huynh", "giao-vien")
MAX_WORDS = 35  # per statement
MAX_STATEMENTS, MAX_SECTION, MAX_PAGE_WORDS = 30, 7, 700

# ---------------------------------------------------------------- national texts

_HEADING = re.compile(r"^Điều \d+(?:\.\d+)*\.[A-ZĐ]+(?:\.\d+)+\. ")
_NOTE = re.compile(r"^\(Điều (?P<article>\d+[a-z]?) [^()]*?số (?P<number>\d+/\d{4}/[^\s,]+)")
_CLAUSE = re.compile(r"^(?P<n>\d+)\. ")
_POINT = re.compile(r"^(?P<p>[a-zđ])\) ")


@dataclass
class Article:
    text: list[str] = field(default_factory=list)
    clauses: dict[str, list[str]] = field(default_factory=dict)  # khoản → its lines (điểm included)
    points: dict[tuple[str, str], str] = field(default_factory=dict)  # (khoản, điểm) → line


def national_dirs() -> list[Path]:
    """Where the Pháp điển texts are: the corpus first, then the shared copy."""
    env = os.environ.get("TRACUU_NATIONAL_DIR")
    out = [ROOT / "sources"]
    if env:
        out.append(Path(env))
    out += [ROOT.parent / "shared" / "national", ROOT.parents[1] / "shared" / "national"]
    return [d for d in out if d.is_dir()]


@cache
def national() -> dict[tuple[str, str], Article]:
    """(instrument number, article) → the article's text, khoản and điểm."""
    articles: dict[tuple[str, str], Article] = {}
    for folder in national_dirs():
        for f in sorted(folder.glob("*.txt")):
            lines = f.read_text(encoding="utf-8").splitlines()
            if not lines or not _HEADING.match(lines[0]):
                continue  # not a Pháp điển text
            current: Article | None = None
            clause = ""
            for i, raw in enumerate(lines):
                line = raw.strip()
                if _HEADING.match(line):
                    current, clause = None, ""
                    note = next((x for x in lines[i + 1 : i + 4] if x.startswith("(Điều")), "")
                    m = _NOTE.match(note)
                    assert m, f"{f.name}:{i + 1}: article without a source note"
                    key = (m["number"], m["article"])
                    if key not in articles:  # the same text in sources/ and shared/: keep one
                        current = articles[key] = Article()
                    continue
                if current is None or not line:
                    continue
                current.text.append(line)
                if c := _CLAUSE.match(line):
                    clause = c["n"]
                    current.clauses[clause] = [line]
                elif clause:
                    current.clauses[clause].append(line)
                    if p := _POINT.match(line):
                        current.points[(clause, p["p"])] = line
    return articles


def basis_text(b: Basis) -> str | None:
    """The text a basis points at, or None when it does not exist."""
    if b.is_instrument:
        art = national().get((b.instrument, b.article))
        if art is None:
            return None
        if not b.clause:
            return "\n".join(art.text)
        if b.clause not in art.clauses:
            return None
        if not b.point:
            return "\n".join(art.clauses[b.clause])
        return art.points.get((b.clause, b.point))
    doc = _document(b.document)
    block = doc.block(b.anchor) if doc else None
    return block.text if block else None


@cache
def _document(stem: str):  # type: ignore[no-untyped-def]
    path = ROOT / "sources" / f"{stem}.txt"
    return parse_file(path, source_name=f"sources/{stem}.txt") if path.exists() else None


@cache
def pages() -> dict[str, GuidancePage]:
    loaded, problems = parse(GUIDANCE)
    assert not problems, "\n".join(map(str, problems))
    return {p.id: p for p in loaded}


def all_statements() -> list[tuple[str, Statement]]:
    return [(pid, st) for pid, page in pages().items() for st in page.statements()]


# ---------------------------------------------------------------- the data


def test_national_texts_found() -> None:
    law = {a for (n, a) in national() if n == LAW}
    assert len(law) == 106, f"Luật Trẻ em: {len(law)} articles found in {national_dirs()}"
    assert ("56/2017/NĐ-CP", "25") in national()


def test_the_three_pages() -> None:
    assert tuple(pages()) == PAGE_IDS


def test_every_basis_resolves() -> None:
    missing = [
        f"data/guidance.yml:{b.line}: {pid}: {b.instrument or b.document} {b.label()} not found"
        for pid, st in all_statements()
        for b in st.basis
        if basis_text(b) is None
    ]
    assert not missing, "\n".join(missing)


def test_bases_resolve_in_the_corpus() -> None:
    """What ``tracuu check`` reports: corpus anchors exist; an instrument in sources/ has the anchor."""
    problems = resolve_problems(list(pages().values()), load_corpus(ROOT), "data/guidance.yml")
    errors = [str(p) for p in problems]
    assert not errors, "\n".join(errors)


def _numbers(text: str) -> set[str]:
    return {n.lstrip("0") or "0" for n in re.findall(r"\d+", text)}


def test_every_number_is_in_a_cited_text() -> None:
    """A phone number, a deadline or an age must be printed in one of the texts cited."""
    bad = []
    for pid, st in all_statements():
        cited = set().union(*(_numbers(basis_text(b) or "") for b in st.basis))
        for n in sorted(_numbers(st.text) - cited):
            bad.append(f"data/guidance.yml:{st.line}: {pid}: '{n}' is in no cited text: {st.text}")
    assert not bad, "\n".join(bad)


def test_parents_page_cites_three_articles_of_the_law() -> None:
    articles = {b.article for st in pages()["phu-huynh"].statements() for b in st.basis if b.instrument == LAW}
    assert len(articles) >= 3, articles


def test_parents_page_quotes_no_duty_list() -> None:
    for st in pages()["phu-huynh"].statements():
        assert not re.search(r"[“”\"…]|^[-–•]", st.text), f"line {st.line}: a quote, not a plain statement: {st.text}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_111_comes_first(page_id: str) -> None:
    """The hotline is in the first statement of the first section: the first screen on a phone."""
    first = pages()[page_id].sections[0].statements[0]
    assert first.tel == "111" and "111" in first.text, first.text


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_fits_a_phone(page_id: str) -> None:
    page = pages()[page_id]
    words = sum(len(st.text.split()) for st in page.statements())
    assert len(page.statements()) <= MAX_STATEMENTS and words <= MAX_PAGE_WORDS, (len(page.statements()), words)
    assert all(len(sec.statements) <= MAX_SECTION for sec in page.sections)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_statements_are_short(page_id: str) -> None:
    for st in pages()[page_id].statements():
        words = [w for w in st.text.split() if re.search(r"\w", w)]
        assert len(words) <= MAX_WORDS, f"line {st.line}: {len(words)} words: {st.text}"


_ABBR = re.compile(r"(?<![\w&-])[A-ZĐ][A-ZĐ&-]*[A-ZĐ](?![\w&-])")


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_abbreviations_are_spelled_out(page_id: str) -> None:
    """Each abbreviation is in the glossary and its expansion comes first on the page."""
    text = pages()[page_id].text()
    terms = {t.term: t.expansion for t in glossary.load()}
    for m in _ABBR.finditer(text):
        abbr = m.group()
        assert abbr in terms, f"{page_id}: '{abbr}' is not in data/glossary.yml"
        first = text.lower().find(terms[abbr].lower())
        assert 0 <= first < m.start(), f"{page_id}: '{abbr}' used before '{terms[abbr]}' is spelled out"


# ---------------------------------------------------------------- the loader


@pytest.mark.parametrize(
    ("article", "clause", "point", "anchor", "label"),
    [
        ("54", "", "", "dieu-54", "Điều 54"),
        ("100", "1", "", "dieu-100-khoan-1", "khoản 1 Điều 100"),
        ("31", "3", "a", "dieu-31-khoan-3-diem-a", "điểm a khoản 3 Điều 31"),
        ("27", "1", "đ", "dieu-27-khoan-1-diem-dd", "điểm đ khoản 1 Điều 27"),
    ],
)
def test_instrument_anchor(article: str, clause: str, point: str, anchor: str, label: str) -> None:
    b = Basis(instrument=LAW, article=article, clause=clause, point=point)
    assert (b.target_anchor(), b.label()) == (anchor, label)


def _page(statement: str) -> str:
    return (
        "pages:\n"
        "  - id: p\n"
        "    title: T\n"
        "    lead: L\n"
        "    sections:\n"
        "      - id: s\n"
        "        title: S\n"
        "        statements:\n" + statement
    )


GOOD = '          - text: "Gọi 111."\n            basis:\n              - {instrument: "102/2016/QH13", article: "51"}\n'


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (_page(GOOD), []),
        (
            _page('          - text: "Gọi 111."\n            basis: []\n'),
            ["10: câu hướng dẫn: 'basis' phải là một danh sách không rỗng"],
        ),
        (
            _page(
                '          - text: "A"\n            basis:\n              - {instrument: "102/2016/QH13", article: "5", document: x}\n'
            ),
            ["11: căn cứ: ghi 'instrument' (điều luật) hoặc 'document' (văn bản trong kho), không ghi cả hai"],
        ),
        (
            _page(
                '          - text: "A"\n            basis:\n              - {instrument: "102/2016/QH13", article: "5", point: a}\n'
            ),
            ["11: căn cứ điều luật: có 'point' (điểm) thì phải có 'clause' (khoản)"],
        ),
        (
            _page('          - text: "A"\n            basis:\n              - {instrument: "Luật Trẻ em", article: "Điều 5"}\n'),
            [
                "11: căn cứ điều luật: 'Luật Trẻ em' không phải số/ký hiệu (ví dụ 102/2016/QH13)",
                "11: căn cứ điều luật: 'article' phải là số hiệu như 54, không phải 'Điều 5'",
            ],
        ),
        (
            _page('          - text: "A"\n            basis:\n              - {document: x.txt, anchor: m1}\n'),
            ["11: căn cứ văn bản: 'x.txt' phải là tên tệp trong sources/ không có đuôi .txt"],
        ),
        (
            _page(
                '          - text: "Gọi ngay."\n            tel: "111"\n            basis:\n              - {document: x, anchor: m1}\n'
            ),
            ["10: số '111' ở 'tel' phải có trong câu hướng dẫn"],
        ),
        (
            _page(
                '          - text: "A"\n            source: x\n            basis:\n              - {document: x, anchor: m1}\n'
            ),
            ["10: câu hướng dẫn: khóa không hỗ trợ 'source'; dùng text, basis, tel"],
        ),
        (
            _page(
                '          - text: "A"\n            basis:\n              - &b {document: x, anchor: m1}\n'
                '          - text: "B"\n            basis:\n              - *b\n'
            ),
            ["14: không dùng bí danh YAML (*b); ghi đầy đủ tại chỗ"],
        ),
        (
            _page(GOOD).replace("  - id: p\n", "  - id: Phụ huynh\n"),
            ["2: trang: id 'Phụ huynh' chỉ gồm chữ thường không dấu, số và '-' (ví dụ phu-huynh)"],
        ),
        ("pages: [\n", ["2: YAML không hợp lệ"]),
    ],
)
def test_loader_problems(tmp_path: Path, yaml_text: str, expected: list[str]) -> None:
    f = tmp_path / "guidance.yml"
    f.write_text(yaml_text, encoding="utf-8")
    loaded, problems = parse(f)
    got = [f"{p.line}: {p.message}" for p in problems]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g.startswith(e), (g, e)
    assert all(p.path == str(f) for p in problems)
    if not expected:
        (page,) = loaded
        (st,) = page.statements()
        assert st.basis == (Basis(instrument=LAW, article="51", line=11),)
        assert st.line == 9


def test_loader_reports_every_problem_not_the_first(tmp_path: Path) -> None:
    f = tmp_path / "guidance.yml"
    f.write_text(GUIDANCE.read_text(encoding="utf-8").replace('article: "25"', 'article: "x"'), encoding="utf-8")
    _, problems = parse(f)
    assert len(problems) > 3
    assert all("'article' phải là số hiệu" in p.message for p in problems)


def test_missing_anchor_is_reported_with_its_line(tmp_path: Path) -> None:
    f = tmp_path / "guidance.yml"
    f.write_text(
        _page(
            '          - text: "A"\n            basis:\n              - {document: 2023-03-huong-dan-cong-tac-tre-em-kon-tum, anchor: m99}\n'
        ),
        encoding="utf-8",
    )
    loaded, problems = parse(f)
    assert not problems
    got = resolve_problems(loaded, load_corpus(ROOT), str(f))
    assert [(p.line, p.severity) for p in got] == [(11, "error")]
    assert "'m99'" in got[0].message
