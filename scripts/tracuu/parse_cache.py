"""On-disk cache of parsed documents, so an edit to one source re-parses that one file.

``mkdocs serve`` regenerates the site on every save; parsing (layout, duties,
citations) is most of a build's own work and depends only on the source file,
its sidecar, the registries in ``data/`` and this package's code. Each parsed
``Document`` is stored under ``<root>/.cache/tracuu/<key>.pickle`` where the key
is a SHA-256 of all of those, so any change to any of them is a miss, never a
stale record. Entries no build used are removed at the end of a build.
``TRACUU_NO_CACHE=1`` turns the cache off (benchmarks time cold parses).
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

from tracuu.model.records import Document
from tracuu.pipeline import parse_file

CACHE_DIR = Path(".cache") / "tracuu"
_PACKAGE = Path(__file__).resolve().parent


def enabled() -> bool:
    return not os.environ.get("TRACUU_NO_CACHE")


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """This package's code: a change to the parser invalidates every entry."""
    h = hashlib.sha256()
    for f in sorted(_PACKAGE.rglob("*.py")):
        h.update(f.relative_to(_PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def data_digest(root: Path) -> str:
    """The registries (every file under ``data/``) the parser resolves names and citations with."""
    h = hashlib.sha256(_code_digest().encode())
    data = root / "data"
    if data.is_dir():
        for f in sorted(p for p in data.rglob("*") if p.is_file()):
            h.update(f.relative_to(data).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0unreadable"


def key(source: Path, rel: str, salt: str) -> str:
    h = hashlib.sha256(f"{salt}\0{rel}\0".encode())
    h.update(_read(source))
    h.update(b"\0sidecar\0" + _read(source.with_suffix(".yml")))
    return h.hexdigest()


class ParseCache:
    """Parsed documents of one root, looked up by the key of their inputs."""

    def __init__(self, root: Path) -> None:
        self.folder = root / CACHE_DIR
        self.salt = data_digest(root)
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def parse(self, source: Path, rel: str) -> Document:
        k = key(source, rel, self.salt)
        self.used.add(k)
        entry = self.folder / f"{k}.pickle"
        try:
            doc = pickle.loads(entry.read_bytes())  # noqa: S301 - our own cache, written below
            if isinstance(doc, Document):
                self.hits += 1
                return doc
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged or outdated entry is a miss
            pass
        self.misses += 1
        doc = parse_file(source, source_name=rel)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, entry)
        except OSError:
            pass  # a read-only checkout builds without a cache
        return doc

    def prune(self) -> None:
        """Remove entries this build did not use (edited or deleted sources, older registries or code)."""
        if not self.folder.is_dir():
            return
        for f in self.folder.glob("*.pickle"):
            if f.stem not in self.used:
                f.unlink(missing_ok=True)
