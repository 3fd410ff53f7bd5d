"""Where the project's folders are. One place, so tests can point elsewhere."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


_ROOT: ContextVar[Path | None] = ContextVar("tracuu_root", default=None)


@contextmanager
def using_root(root: Path) -> Iterator[None]:
    """Within the block, sources/, data/ (the registries) and docs/ are those of ``root``."""
    token = _ROOT.set(Path(root).resolve())
    try:
        yield
    finally:
        _ROOT.reset(token)


def root_token() -> Path | None:
    """What ``using_root`` set (None outside it): a cheap key for "the same root as before"."""
    return _ROOT.get()


def project_root() -> Path:
    """The root set by ``using_root``, else TRACUU_ROOT, else the checkout this package lives in."""
    if (override := _ROOT.get()) is not None:
        return override
    env = os.environ.get("TRACUU_ROOT")
    return Path(env).resolve() if env else _PACKAGE_ROOT


def data_dir() -> Path:
    return project_root() / "data"


def sources_dir() -> Path:
    return project_root() / "sources"


def docs_dir() -> Path:
    return project_root() / "docs"
