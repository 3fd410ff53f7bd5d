"""Every registry is read by registries/loader.py: line marks, aliases refused, problems as path:line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tracuu.model.problems import Problem
from tracuu.registries import agencies, deadlines, glossary, guidance, instruments, search, topics, vocabulary

ALIAS = {
    "agencies.yml": "sectors:\n  - &s {id: yte, name: Y tế}\ntemplates:\n  - *s\n",
    "instruments.yml": "- &a {id: luat-tre-em, title: Luật Trẻ em, source: {title: 'sources/a.txt:1'}}\n- *a\n",
    "glossary.yml": "- &t {term: UBND, expansion: Ủy ban nhân dân}\n- *t\n",
    "vocabulary.yml": "mottos: &m [A]\nissuer_block_starts: *m\n",
    "topics.yml": "topics:\n  - &t {id: a, name: A, keywords: [x], examples: [x]}\n  - *t\n",
    "guidance.yml": "pages:\n  - &p {id: a, title: A}\n  - *p\n",
    "search.yml": "stopwords: &w [ve]\nsynonyms:\n  - {words: *w, means: [x]}\n",
    "deadlines.yml": "recurrence: &r []\nquarters: *r\n",
}
PROBLEMS: dict[str, Callable[[Path], list[Problem]]] = {
    "agencies.yml": lambda p: agencies.problems(p),
    "instruments.yml": lambda p: instruments.registry_problems(p),
    "glossary.yml": lambda p: glossary._load(p)[1],
    "vocabulary.yml": lambda p: vocabulary.problems(p),
    "topics.yml": lambda p: topics._parse(p)[1],
    "guidance.yml": lambda p: guidance.parse(p)[1],
    "search.yml": lambda p: search.problems(p),
    "deadlines.yml": lambda p: deadlines.load(p)[1],
}


@pytest.mark.parametrize("name", sorted(ALIAS))
def test_every_registry_refuses_aliases_naming_the_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ALIAS[name], encoding="utf-8")
    found = PROBLEMS[name](path)
    expected_line = ALIAS[name].count("\n", 0, ALIAS[name].index("*")) + 1
    assert [(p.path, p.line) for p in found] == [(str(path), expected_line)]
    assert "bí danh" in found[0].message and found[0].hint


@pytest.mark.parametrize("name", sorted(ALIAS))
def test_every_registry_reports_a_syntax_error_with_its_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("a: 1\nb: [2\n", encoding="utf-8")
    found = PROBLEMS[name](path)
    assert [(p.path, p.line) for p in found] == [(str(path), 3)]
    assert found[0].message.startswith("YAML không hợp lệ")


@pytest.mark.parametrize("name", sorted(ALIAS))
def test_the_project_registries_load_without_problems(name: str) -> None:
    path = Path(__file__).resolve().parents[1] / "data" / name
    assert PROBLEMS[name](path) == []


def test_a_broken_registry_is_read_once_per_change_not_once_per_document(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A vocabulary with a list deleted stops every document with the same path:line problem, and the
    file is read once: before, each call re-read the YAML and failed again (minutes at 1,000 documents)."""
    from tracuu import paths
    from tracuu.model.problems import SourceError
    from tracuu.registries import loader

    data = tmp_path / "data"
    data.mkdir()
    text = (Path(__file__).resolve().parents[1] / "data" / "vocabulary.yml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("directive_verbs:"))
    end = next(i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n", "-"))
    data.joinpath("vocabulary.yml").write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    reads: list[Path] = []
    compose = loader.compose

    def counted(path: Path) -> object:
        reads.append(path)
        return compose(path)

    monkeypatch.setattr(loader, "compose", counted)
    errors = []
    with paths.using_root(tmp_path):
        for _ in range(50):
            with pytest.raises(SourceError) as raised:
                vocabulary.vocabulary()
            errors.append(str(raised.value.problem))
    assert len(reads) == 1
    assert set(errors) == {f"{data / 'vocabulary.yml'}:1: thiếu danh sách 'directive_verbs'"}


def test_a_build_reads_the_vocabulary_once_and_the_next_build_sees_an_edit(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``vocabulary.pinned`` (one build's parse): no file check per call inside it, an edit seen after it,
    and another root inside it (a test project, a second corpus) never gets the pinned words."""
    import os

    from tracuu import paths

    project = Path(__file__).resolve().parents[1]
    for name in ("a", "b"):
        (tmp_path / name / "data").mkdir(parents=True)
        text = (project / "data" / "vocabulary.yml").read_text(encoding="utf-8")
        (tmp_path / name / "data" / "vocabulary.yml").write_text(text, encoding="utf-8")
    stats: list[str] = []
    stat = os.stat

    def counted(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        stats.append(str(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    with paths.using_root(tmp_path / "a"), vocabulary.pinned():
        first = vocabulary.vocabulary()
        checks = len(stats)
        assert all(vocabulary.vocabulary() is first for _ in range(100))
        assert len(stats) == checks  # no file check per call
        with paths.using_root(tmp_path / "b"):
            assert vocabulary.vocabulary().path.startswith(str(tmp_path / "b"))
    edited = tmp_path / "a" / "data" / "vocabulary.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("\nmottos:\n", "\nmottos:\n  - MỘT KHẨU HIỆU MỚI\n"),
                      encoding="utf-8")
    os.utime(edited, ns=(os.stat(edited).st_mtime_ns + 10**9,) * 2)
    with paths.using_root(tmp_path / "a"):
        assert "MỘT KHẨU HIỆU MỚI" in vocabulary.vocabulary().mottos
