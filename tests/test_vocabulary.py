"""data/vocabulary.yml: every entry held to its example (reporters-db style), and the one loader's problems."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tracuu import paths
from tracuu.model.problems import SourceError
from tracuu.model.records import Block, Document
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.parse.clean import clean
from tracuu.parse.layout import parse_layout
from tracuu.registries import loader
from tracuu.registries.vocabulary import WORD_LISTS, DocumentType, Word, load, problems, vocabulary
from tracuu.resolve.citations import find_citations
from tracuu.resolve.duties import extract_duties

ROOT = Path(__file__).resolve().parents[1]
VOCAB = vocabulary()
TYPES = VOCAB.types


def header_type(type_line: str) -> str:
    lay = parse_layout(clean(f"Số: 12/UBND\n\nHà Nội, ngày 01 tháng 02 năm 2024\n\n{type_line}\nVề việc A\n\nNội dung."))
    return lay.doc_type


@pytest.mark.parametrize("entry", TYPES, ids=[t.type for t in TYPES])
def test_document_type_example_reads_as_its_type(entry: DocumentType) -> None:
    ex = entry.example
    if " số " in ex:  # a citation: the type word before the number says the type
        found = find_citations(f"theo {ex} ngày 01/02/2024")
        assert [(c.text, c.type) for c in found][:1] == [(ex, entry.type)]
    elif ex[:1].isdigit():  # a number: the form code says the type
        assert SoKyHieu.parse(ex).instrument_type == entry.type
    else:  # a type line
        assert header_type(ex) == entry.type


@pytest.mark.parametrize(
    ("type_line", "type_"), [(w, t.type) for t in TYPES for w in t.type_lines], ids=lambda x: str(x)
)
def test_every_type_line_is_read_in_a_header(type_line: str, type_: str) -> None:
    assert header_type(type_line) == type_


@pytest.mark.parametrize(("code", "type_"), [(c, t.type) for t in TYPES for c in t.form_codes], ids=lambda x: str(x))
def test_every_form_code_is_read_by_the_number_grammar(code: str, type_: str) -> None:
    state, party = SoKyHieu.parse(f"12/{code}-UBND"), SoKyHieu.parse(f"12-{code}/TU")
    assert (state.form, state.issuer, state.instrument_type) == (code, "UBND", type_)
    assert (party.form, party.symbol, party.instrument_type) == (code, f"{code}/TU", type_)


@pytest.mark.parametrize(
    ("word", "type_"), [(w, t.type) for t in TYPES for w in t.citation_words], ids=lambda x: str(x)
)
def test_every_citation_word_names_the_type_of_a_cited_number(word: str, type_: str) -> None:
    found = find_citations(f"Thực hiện {word} số 12/UBND ngày 01/02/2024 của UBND tỉnh.")
    assert [c.type for c in found][:1] == [type_]


@pytest.mark.parametrize(
    ("name", "word"), [(name, w) for name in WORD_LISTS for w in VOCAB.words[name]], ids=lambda x: str(x)
)
def test_every_agency_word_matches_its_example(name: str, word: Word) -> None:
    example = word.example.removeprefix("của ")
    m = re.match(VOCAB.pattern(name) + r"(?!\w)", example)
    assert m is not None and re.sub(r"\s+", " ", m.group(0)) == word.word


def words(name: str) -> list[Word]:
    return list(VOCAB.words[name])


@pytest.mark.parametrize("word", words("citation_issuer_ends"), ids=lambda w: w.word)
def test_every_issuer_end_ends_a_cited_issuer(word: Word) -> None:
    found = find_citations(f"Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh Bắc Kạn {word.example}.")
    assert [c.issuer for c in found][:1] == ["UBND tỉnh Bắc Kạn"]


def prose_duties(text: str, doc_type: str = "Kế hoạch") -> list[tuple[str, str]]:
    block = Block(kind="para", text=text, line=1, anchor="p1", level=0)
    doc = Document(source="t.txt", id="t", doc_type=doc_type, province="Bắc Kạn", body=(block,))
    return [(d.agency_text, d.role) for d in extract_duties(doc)]


@pytest.mark.parametrize("word", words("directive_verbs"), ids=lambda w: w.word)
def test_every_directive_verb_gives_work_to_the_body_after_it(word: Word) -> None:
    """In a news copy only a directive verb assigns; the body after it has the duty, the one before it none."""
    duties = prose_duties(f"Sở Giáo dục và Đào tạo {word.word} Sở Y tế chủ trì tổ chức tập huấn.", doc_type="Tin bài")
    assert duties == [("Sở Y tế", "chủ trì")]


@pytest.mark.parametrize("word", words("report_words"), ids=lambda w: w.word)
def test_every_report_word_makes_a_sentence_no_duty(word: Word) -> None:
    assert prose_duties("Sở Y tế chủ trì tổ chức tập huấn.") == [("Sở Y tế", "chủ trì")]
    assert prose_duties(f"Sở Y tế {word.example}.") == []


@pytest.mark.parametrize("word", words("sentence_openings"), ids=lambda w: w.word)
def test_every_sentence_opening_is_passed_over_to_the_body_after_it(word: Word) -> None:
    assert prose_duties(f"{word.example} tập huấn cho cán bộ.") != []
    rest = word.example.partition(",")[2]
    if "," not in rest:  # an opening the vocabulary does not know leaves the body unread
        assert prose_duties(f"Hôm nay,{rest} tập huấn cho cán bộ.") == []


def test_mottos_are_never_the_issuer() -> None:
    for motto in VOCAB.mottos:
        lay = parse_layout(clean(f"SỞ Y TẾ\n{motto}\nSố: 12/KH-SYT\nHà Nội, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nVề việc A\n"))
        assert lay.issuer_lines == ["SỞ Y TẾ"] and motto in lay.header


def test_the_three_old_tables_agree_now() -> None:
    """doc_types.yml (17 form codes), sokyhieu.FORMS (28) and citations.TYPE_WORDS (30) disagreed."""
    # 29 form codes since QCPH (Quy chế phối hợp, "505/QCPH/SGDĐT-CATP") was added
    assert len(VOCAB.form_codes) == 29 and len(VOCAB.citation_words) == 30
    assert VOCAB.form_codes["KH"] == VOCAB.type_lines["KẾ HOẠCH"] == VOCAB.citation_words["Kế hoạch"]


# --- the loader's problems --------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "vocabulary.yml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("document_types:\n  - &kh {type: Kế hoạch, example: KẾ HOẠCH}\n  - *kh\n", 3, "bí danh YAML (*kh)"),
        ("document_types: [\n", 2, "YAML không hợp lệ"),
        ("document_types:\n  - type: Kế hoạch\n    exmple: KẾ HOẠCH\n", 3, "khóa không hỗ trợ 'exmple'"),
        ("document_types:\n  - type: Kế hoạch\n    type_lines: [KẾ HOẠCH]\n", 2, "thiếu 'type' hoặc 'example'"),
        ("mottos: [A]\nissuer_block_starts:\n  - {word: SỞ}\n", 3, "đúng hai khóa 'word' và 'example'"),
        ("tu_loai: []\n", 1, "phần không hỗ trợ 'tu_loai'"),
        ("admin_units:\n  - {word: tỉnh, example: tỉnh Bắc Kạn}\n", 2, "đúng ba khóa 'word', 'unit' và 'example'"),
    ],
)
def test_problems_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourceError) as err:
        load(path)
    assert (err.value.problem.path, err.value.problem.line) == (str(path), line)
    assert message in err.value.problem.message
    assert str(err.value.problem).startswith(f"{path}:{line}: ")
    assert problems(path) == [err.value.problem]


def test_alias_problem_says_how_to_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "a: &x 1\nb: *x\n")
    with pytest.raises(SourceError) as err:
        loader.compose(path)
    assert err.value.problem.line == 2 and "viết đầy đủ" in err.value.problem.hint


def test_missing_registry_is_a_problem_not_an_empty_table(tmp_path: Path) -> None:
    assert [p.line for p in problems(tmp_path / "vocabulary.yml")] == [1]


def test_the_root_moves_the_vocabulary(tmp_path: Path) -> None:
    """build(root=…) / TRACUU_ROOT read the registries of that root, lazily."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    vocab = tmp_path / "data" / "vocabulary.yml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace("[KẾ HOẠCH,", "[KẾ HOẠCH THÍ ĐIỂM, KẾ HOẠCH,"), encoding="utf-8")
    assert header_type("KẾ HOẠCH THÍ ĐIỂM") == ""
    with paths.using_root(tmp_path):
        assert header_type("KẾ HOẠCH THÍ ĐIỂM") == "Kế hoạch"
    assert header_type("KẾ HOẠCH THÍ ĐIỂM") == ""


def test_check_reports_a_broken_vocabulary(tmp_path: Path) -> None:
    from tracuu.registries.vocabulary import check

    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "vocabulary.yml").write_text("mottos: [A\n", encoding="utf-8")
    with paths.using_root(tmp_path):
        found = check()
    assert [(Path(p.path).name, p.line, p.severity) for p in found] == [("vocabulary.yml", 2, "error")]


@pytest.mark.parametrize("word", words("list_heads"), ids=lambda w: w.word)
def test_every_list_head_gives_each_name_after_it_the_duty(word: Word) -> None:
    names = word.example.partition(":")[2]
    duties = prose_duties(f"UBND tỉnh yêu cầu các {word.example} tăng cường kiểm tra.", doc_type="Tin bài")
    assert len(duties) == len(re.split(r"[,;]", names)) and all(role == "thực hiện" for _, role in duties)


@pytest.mark.parametrize("word", words("petition_words"), ids=lambda w: w.word)
def test_every_petition_word_makes_a_request_no_duty(word: Word) -> None:
    assert prose_duties(f"Tại hội nghị, {word.example}.", doc_type="Tin bài") == []
    verb = next(v for v in ("đề nghị", "yêu cầu", "giao") if v in word.example)
    addressed = word.example[word.example.index(verb):]
    assert prose_duties(f"UBND tỉnh {addressed}.", doc_type="Tin bài") != []
