"""Whole-corpus output snapshots: what `tracuu parse --json` says of every source
and the SHA-256 of every generated file.

A change of code layout must leave both byte-identical. A change meant to alter
output shows up here as a reviewable diff: the parse JSON in full, and the list
of generated files whose bytes changed. Refresh with ``pytest --update-goldens``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tracuu.build import load_corpus, render_all
from tracuu.pipeline import parse_file
from tracuu.sources import source_files

ROOT = Path(__file__).resolve().parents[1]
SNAP = Path(__file__).resolve().parent / "snapshots"


def _compare(name: str, actual: str, update: bool) -> None:
    path = SNAP / name
    if update:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} missing: run pytest --update-goldens and review it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        exp, act = expected.splitlines(), actual.splitlines()
        diff = [f"- {e}\n+ {a}" for e, a in zip(exp, act, strict=False) if e != a][:20]
        pytest.fail(f"{path} differs from current output (first differences below); if intended, run pytest --update-goldens\n" + "\n".join(diff))


def test_parse_output_matches_snapshot(update_goldens: bool) -> None:
    files = source_files(ROOT / "sources")
    docs = [parse_file(f, source_name=f.relative_to(ROOT).as_posix()).contract() for f in files]
    text = json.dumps({"documents": docs}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    _compare("parse.json", text, update_goldens)


def test_generated_files_match_snapshot(update_goldens: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02: "Sắp đến hạn" counts from the build date
    files = render_all(load_corpus(ROOT))
    lines = [f"{hashlib.sha256(data).hexdigest()}  {rel}" for rel, data in sorted(files.items())]
    _compare("generated.sha256", "\n".join(lines) + "\n", update_goldens)
