"""The parse cache: under `mkdocs serve` an edit to one source re-parses that file only, never a stale record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracuu import parse_cache, pipeline
from tracuu.build import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen.txt",
    "2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan.txt",
    "2024-06-bao-cao-dien-dan-tre-em-tp-bac-kan.txt",
)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("TRACUU_NO_CACHE", raising=False)
    (tmp_path / "sources").mkdir()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for name in SOURCES:
        shutil.copy(ROOT / "sources" / name, tmp_path / "sources" / name)
    return tmp_path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = pipeline.parse_file

    def counting(path: str | Path, source_name: str | None = None) -> object:
        parsed.append(Path(path).name)
        return real(path, source_name=source_name)

    monkeypatch.setattr(parse_cache, "parse_file", counting)
    return parsed


def test_an_edit_reparses_only_the_edited_source(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = _counting(monkeypatch)
    first = load_corpus(root)
    assert sorted(parsed) == sorted(SOURCES)
    parsed.clear()
    assert load_corpus(root) == first and parsed == []
    edited = root / "sources" / SOURCES[1]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("trẻ em", "trẻ  em", 1), encoding="utf-8")
    again = load_corpus(root)
    assert parsed == [SOURCES[1]]
    assert [d.id for d in again.documents] == [d.id for d in first.documents]


def test_cached_records_equal_fresh_ones(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus(root)
    cached = load_corpus(root)
    monkeypatch.setenv("TRACUU_NO_CACHE", "1")
    assert cached == load_corpus(root)


def test_a_registry_edit_invalidates_every_entry(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = _counting(monkeypatch)
    load_corpus(root)
    parsed.clear()
    reg = root / "data" / "instruments.yml"
    reg.write_text(reg.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_corpus(root)
    assert sorted(parsed) == sorted(SOURCES)


def test_a_removed_source_leaves_no_entry_behind(root: Path) -> None:
    load_corpus(root)
    folder = root / parse_cache.CACHE_DIR
    assert len(list(folder.glob("*.pickle"))) == len(SOURCES)
    (root / "sources" / SOURCES[0]).unlink()
    load_corpus(root)
    assert len(list(folder.glob("*.pickle"))) == len(SOURCES) - 1


def test_a_damaged_entry_is_parsed_again(root: Path) -> None:
    first = load_corpus(root)
    for f in (root / parse_cache.CACHE_DIR).glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    assert load_corpus(root) == first
