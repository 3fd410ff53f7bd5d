"""No module under scripts/tracuu is over 450 lines (issue 10: a module a newcomer can read whole).

Counts physical lines as an editor shows them. A module that grows past the limit is split
along the layer it belongs to (see README "Layout"), not trimmed by packing lines.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "tracuu"
MAX_LINES = 450


def module_lines() -> dict[str, int]:
    """Line count of every module in the package, keyed by its path relative to scripts/."""
    return {
        str(p.relative_to(PACKAGE.parent)): len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def test_the_package_is_walked() -> None:
    sizes = module_lines()
    assert "tracuu/cli.py" in sizes and len(sizes) >= 20, sorted(sizes)


def test_no_module_over_450_lines() -> None:
    over = sorted(((n, m) for m, n in module_lines().items() if n > MAX_LINES), reverse=True)
    assert not over, f"modules over {MAX_LINES} lines (split them): " + ", ".join(f"{m} {n}" for n, m in over)
