"""One error channel: typed problems from parsing to the build; a failing stage is an error naming where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracuu import pipeline
from tracuu.build import load_corpus
from tracuu.model.problems import Problem
from tracuu.model.records import Document
from tracuu.pipeline import STAGES, enrich, parse_text

LETTER = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN

Số: 12/KH-UBND

Bắc Kạn, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện công tác trẻ em năm 2024

1. Sở Y tế: Chủ trì tổ chức khám sức khỏe cho trẻ em.
"""


@pytest.mark.parametrize(
    ("problem", "warning"),
    [
        (Problem("sources/a.txt", 12, "không tìm thấy người ký", "warning"), "line 12: không tìm thấy người ký"),
        (Problem("sources/a.yml", 3, "khóa không hỗ trợ 'nguon'"), "line 1: tệp kèm theo a.yml dòng 3: khóa không hỗ trợ 'nguon'"),
    ],
)
def test_contract_warnings_are_made_from_typed_problems(problem: Problem, warning: str) -> None:
    doc = Document(source="sources/a.txt", id="a", doc_type="", problems=(problem,))
    assert doc.warnings == (warning,)
    assert doc.contract()["warnings"] == [warning]


def _broken(doc: Document) -> Document:
    raise KeyError("m9")


def test_a_failing_stage_is_an_error_that_names_the_code_line_and_keeps_the_document() -> None:
    doc = parse_text(LETTER, source="sources/kh.txt", doc_id="kh")
    assert doc.duties  # the real stages found the duty
    stages = [STAGES[0], ("lỗi khi tìm nhiệm vụ", _broken), STAGES[2]]
    bare = Document(source=doc.source, id=doc.id, doc_type=doc.doc_type, body=doc.body)
    out = enrich(bare, stages)
    errors = [p for p in out.problems if p.severity == "error"]
    assert len(errors) == 1
    e = errors[0]
    assert (e.path, e.line) == ("sources/kh.txt", 1)
    assert e.message.startswith("lỗi khi tìm nhiệm vụ: KeyError: 'm9' tại ")
    assert "test_error_channel.py:" in e.message  # the file and line of the code that failed
    assert out.id == "kh" and out.body == doc.body  # the document still gets its page


def test_build_takes_typed_problems_without_reading_strings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "kh.txt").write_text(LETTER, encoding="utf-8")
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "data")  # a root brings its registries
    monkeypatch.setattr(pipeline, "STAGES", (("lỗi khi tìm nhiệm vụ", _broken),))
    monkeypatch.setattr(pipeline.enrich, "__defaults__", (pipeline.STAGES,))
    corpus = load_corpus(tmp_path)
    assert [d.id for d in corpus.documents] == ["kh"]
    errors = [p for p in corpus.problems if p.severity == "error"]
    assert [(p.path, p.line) for p in errors] == [("sources/kh.txt", 1)]
    assert errors[0].message.startswith("lỗi khi tìm nhiệm vụ: KeyError")
