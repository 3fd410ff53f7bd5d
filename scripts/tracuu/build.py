"""Generate docs/<generated>/ from sources/ and data/, writing only changed files.

The corpus index (``resolve.index``) is built once; renderers are modules with
``pages(corpus, index) -> {path: markdown}`` (text) or
``files(corpus, index) -> {path: bytes}``; this module only collects and writes.
Generated folders are owned by the build: files it did not produce this time
are deleted, hand-written pages elsewhere in docs/ are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tracuu import parse_cache, paths
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.problems import Problem
from tracuu.parse_cache import ParseCache
from tracuu.pipeline import parse_text
from tracuu.registries import vocabulary
from tracuu.render import agencies as render_agencies
from tracuu.render import calendar as render_calendar
from tracuu.render import deadlines as render_deadlines
from tracuu.render import document_parts, export, feed, glossary, search_assets, urls
from tracuu.render import documents as render_documents
from tracuu.render import instruments as render_instruments
from tracuu.render import portal as render_portal
from tracuu.resolve.index import build_index
from tracuu.sources import list_sources, load_documents

GENERATED_DIRS = urls.GENERATED_DIRS
GENERATED_FILES = urls.GENERATED_FILES
# Text pages (Markdown) and binary files (exports, feed, search assets), in this order.
PAGE_RENDERERS: tuple[Callable[[Corpus, CorpusIndex], Mapping[str, str]], ...] = (
    render_documents.pages,
    render_instruments.pages,
    render_agencies.pages,
    render_portal.pages,
    render_deadlines.pages,
)
FILE_RENDERERS: tuple[Callable[[Corpus, CorpusIndex], Mapping[str, bytes]], ...] = (
    export.files,
    search_assets.files,
    feed.files,
    render_calendar.files,
    document_parts.files,
)


@dataclass(frozen=True)
class BuildReport:
    documents: int
    pages: int
    written: int
    unchanged: int
    deleted: int
    problems: tuple[Problem, ...]


def load_corpus(root: Path | None = None) -> Corpus:
    root = root or paths.project_root()
    with paths.using_root(root), vocabulary.pinned():  # the registries in data/ are the root's too
        return _load_corpus(root)


def _load_corpus(root: Path) -> Corpus:
    cache = ParseCache(root) if parse_cache.enabled() else None
    docs, problems = load_documents(list_sources(root / "sources", root), root, parse_text, cache)
    if cache:
        cache.prune()
    return Corpus(documents=tuple(docs), root=root, problems=tuple(problems))


def render_all(corpus: Corpus, index: CorpusIndex | None = None) -> dict[str, bytes]:
    index = index if index is not None else build_index(corpus)
    terms = list(index.glossary)
    out: dict[str, bytes] = {}
    for render_pages in PAGE_RENDERERS:
        # Encoded renderer by renderer: only one renderer's pages are ever held as text (peak memory).
        pages = glossary.with_abbreviations(render_pages(corpus, index), terms)
        out.update((path, text.encode("utf-8")) for path, text in pages)
    for render_files in FILE_RENDERERS:
        out.update(render_files(corpus, index))
    return out


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def build(root: Path | None = None, quiet: bool = False) -> BuildReport:
    root = root or paths.project_root()
    with paths.using_root(root), vocabulary.pinned():  # renderers read registries (glossary, topics) of the same root
        corpus = load_corpus(root)
        files = render_all(corpus)
    docs = root / "docs"
    written = unchanged = deleted = 0
    for rel, data in sorted(files.items()):
        if write_if_changed(docs / rel, data):
            written += 1
        else:
            unchanged += 1
    wanted = {(docs / rel).resolve() for rel in files}
    for d in GENERATED_DIRS:
        folder = docs / d
        if not folder.exists():
            continue
        for f in sorted(folder.rglob("*"), reverse=True):
            if f.is_file() and f.resolve() not in wanted:
                f.unlink()
                deleted += 1
            elif f.is_dir() and not any(f.iterdir()):
                f.rmdir()
    pages = sum(1 for rel in files if rel.endswith(".md"))
    return BuildReport(len(corpus.documents), pages, written, unchanged, deleted, corpus.problems)
