"""Shared pytest options and helpers.

Golden files: expected output is stored under tests/golden/ next to the test
that reads it; ``pytest --update-goldens`` rewrites them, and the diff is
reviewed like code (mkdocs-gen-files style).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Helpers shared by several test modules (tests/lib/pagetext.py); mypy finds them through mypy_path.
sys.path.insert(0, str(Path(__file__).resolve().parent / "lib"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/* from current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def golden(update_goldens: bool):  # type: ignore[no-untyped-def]
    """``golden("name.md", text)``: compare with tests/golden/name.md (or rewrite it)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update_goldens or not path.exists():
            if not update_goldens:
                pytest.fail(f"golden file {path} missing: run pytest --update-goldens and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{path} differs from current output; if intended, run pytest --update-goldens"

    return check
