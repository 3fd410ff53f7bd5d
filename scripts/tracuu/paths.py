"""Where the project's folders are. One place, so tests can point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def project_root() -> Path:
    """TRACUU_ROOT, else the checkout this package lives in."""
    env = os.environ.get("TRACUU_ROOT")
    return Path(env).resolve() if env else _PACKAGE_ROOT


def data_dir() -> Path:
    return project_root() / "data"


def sources_dir() -> Path:
    return project_root() / "sources"


def docs_dir() -> Path:
    return project_root() / "docs"
