"""The vocabulary (``data/vocabulary.yml``): document types, form codes, type words, mottos, agency and prose words.

One file holds every word the parser and the citation finder read as a fact,
so the header parser, the số/ký hiệu grammar and the citation finder cannot
disagree about what "KH" or "KẾ HOẠCH LIÊN NGÀNH" means. Loaded lazily through
``registries.loader`` from the data folder of the current project root
(``TRACUU_ROOT`` or ``build(root=…)``), cached until the file changes, and
checked by ``tracuu check``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from tracuu.model import sokyhieu
from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir, root_token
from tracuu.registries import loader

FILE = "vocabulary.yml"
_TYPE_KEYS = ("type", "type_lines", "form_codes", "citation_words", "example")
WORD_LISTS = (
    "issuer_block_starts", "citation_issuer_heads", "authority_lines", "dateline_words", "news_credits", "caption_marks",
    "citation_issuer_ends", "directive_verbs", "report_words", "sentence_openings", "list_heads",
    "petition_words", "task_openings",
)


@dataclass(frozen=True)
class DocumentType:
    type: str
    type_lines: tuple[str, ...] = ()
    form_codes: tuple[str, ...] = ()
    citation_words: tuple[str, ...] = ()
    example: str = ""
    line: int = 0


@dataclass(frozen=True)
class Word:
    word: str
    example: str
    line: int = 0


@dataclass(frozen=True)
class AdminUnit:
    """An administrative unit word as written ("TP.", "Huyện ủy") and the unit it names ("thành phố", "huyện")."""

    word: str
    unit: str
    example: str
    line: int = 0


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per loaded file
class Vocabulary:
    types: tuple[DocumentType, ...]
    mottos: tuple[str, ...]
    words: dict[str, tuple[Word, ...]]  # WORD_LISTS name → words
    path: str = ""
    units: tuple[AdminUnit, ...] = ()

    @cached_property
    def type_lines(self) -> dict[str, str]:
        """Type line as printed (upper case) → the type we record."""
        return {w: t.type for t in self.types for w in t.type_lines}

    @cached_property
    def form_codes(self) -> dict[str, str]:
        """Form code of a ký hiệu → type."""
        return {c: t.type for t in self.types for c in t.form_codes}

    @cached_property
    def citation_words(self) -> dict[str, str]:
        """Type word written before a cited number → type."""
        return {w: t.type for t in self.types for w in t.citation_words}

    def pattern(self, name: str) -> str:
        """A regex alternation ``(?:…)`` of one word list, longest word first; a space matches any run of spaces."""
        return alternation(w.word for w in self.words[name])


def alternation(words: Iterable[str], either_case: bool = False) -> str:
    """A regex alternation ``(?:…)`` of literal words, longest first; a space matches any run of spaces.

    With ``either_case`` a word's first letter may be written in either case ("Kế hoạch", "kế hoạch").
    The one builder of word patterns: every word list of this file and the type words go through it.
    """

    def literal(word: str) -> str:
        body = r"\s+".join(re.escape(part) for part in word.split())
        if either_case and word[:1].isalpha():
            return f"[{word[0].upper()}{word[0].lower()}]" + body[len(re.escape(word[0])) :]
        return body

    return "(?:" + "|".join(literal(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _strings(node: yaml.Node, path: Path, what: str) -> tuple[str, ...]:
    return tuple(loader.scalar(n, path) for n in loader.entries(node, path, what))


def _type_entry(node: yaml.Node, path: Path) -> DocumentType:
    fields: dict[str, object] = {"line": loader.line_of(node)}
    for key, value in loader.items(node, path, "mỗi loại văn bản"):
        if key not in _TYPE_KEYS:
            raise SourceError(path, loader.line_of(value), f"khóa không hỗ trợ '{key}'", hint=f"dùng: {', '.join(_TYPE_KEYS)}")
        fields[key] = loader.scalar(value, path) if key in ("type", "example") else _strings(value, path, key)
    entry = DocumentType(**fields)  # type: ignore[arg-type]
    if not entry.type or not entry.example:
        raise SourceError(path, entry.line, "loại văn bản thiếu 'type' hoặc 'example'", hint="mỗi mục cần tên loại và một ví dụ")
    return entry


def _words(node: yaml.Node, path: Path, name: str) -> tuple[Word, ...]:
    out: list[Word] = []
    for item in loader.entries(node, path, name):
        d = dict(loader.items(item, path, f"mỗi mục của '{name}'"))
        word = loader.scalar(d["word"], path) if "word" in d else ""
        example = loader.scalar(d["example"], path) if "example" in d else ""
        if not word or not example or set(d) - {"word", "example"}:
            raise SourceError(path, loader.line_of(item), f"mục của '{name}' phải có đúng hai khóa 'word' và 'example'")
        out.append(Word(word, example, loader.line_of(item)))
    return tuple(out)


def _units(node: yaml.Node, path: Path) -> tuple[AdminUnit, ...]:
    out: list[AdminUnit] = []
    for item in loader.entries(node, path, "admin_units"):
        d = {k: loader.scalar(v, path) for k, v in loader.items(item, path, "mỗi mục của 'admin_units'")}
        if set(d) != {"word", "unit", "example"} or not all(d.values()):
            message = "mục của 'admin_units' phải có đúng ba khóa 'word', 'unit' và 'example'"
            raise SourceError(path, loader.line_of(item), message)
        out.append(AdminUnit(d["word"], d["unit"], d["example"], loader.line_of(item)))
    return tuple(out)


def _sections(root: yaml.Node, path: Path) -> Iterator[tuple[str, yaml.Node]]:
    known = ("document_types", "mottos", "admin_units", *WORD_LISTS)
    for key, value in loader.items(root, path, FILE):
        if key not in known:
            raise SourceError(path, loader.line_of(value), f"phần không hỗ trợ '{key}'", hint=f"dùng: {', '.join(known)}")
        yield key, value


def _check_duplicates(vocab: Vocabulary, path: Path) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for t in vocab.types:
        for kind, values in (("type_lines", t.type_lines), ("form_codes", t.form_codes), ("citation_words", t.citation_words)):
            for v in values:
                key = f"{kind}:{v}"
                if key in seen:
                    raise SourceError(path, t.line, f"'{v}' đã có ở loại '{seen[key][0]}' (dòng {seen[key][1]})",
                                      hint="mỗi từ chỉ thuộc một loại văn bản")
                seen[key] = (t.type, t.line)


def load(path: Path | None = None) -> Vocabulary:
    """Read and check the vocabulary; raise ``SourceError`` naming the file and line."""
    path = path or data_dir() / FILE
    root = loader.compose(path)
    if root is None:
        raise SourceError(path, 1, f"{FILE} rỗng", hint="khôi phục tệp từ kho mã")
    types: tuple[DocumentType, ...] = ()
    mottos: tuple[str, ...] = ()
    words: dict[str, tuple[Word, ...]] = {name: () for name in WORD_LISTS}
    units: tuple[AdminUnit, ...] = ()
    for key, value in _sections(root, path):
        if key == "document_types":
            types = tuple(_type_entry(n, path) for n in loader.entries(value, path, key))
        elif key == "mottos":
            mottos = _strings(value, path, key)
        elif key == "admin_units":
            units = _units(value, path)
        else:
            words[key] = _words(value, path, key)
    vocab = Vocabulary(types, tuple(nfc(m) for m in mottos), words, str(path), units)
    _check_duplicates(vocab, path)
    for name in ("admin_units", *WORD_LISTS):
        if not (units if name == "admin_units" else words[name]):
            raise SourceError(path, 1, f"thiếu danh sách '{name}'", hint="khôi phục phần này từ kho mã")
    return vocab


@loader.per_file
def _cached(path: str, mtime: float) -> Vocabulary:
    return load(Path(path))


# (root, vocabulary) while ``pinned`` runs: read once for a whole corpus
_PINNED: ContextVar[tuple[Path | None, Vocabulary] | None] = ContextVar("tracuu_vocabulary", default=None)


@contextmanager
def pinned() -> Iterator[None]:
    """Within the block (one build's parse of the corpus), the vocabulary is read once.

    Outside it every call checks the file's mtime, so a long ``mkdocs serve`` sees an edit; but the
    parser asks for the vocabulary for every line it reads (630,000 calls at N = 1,000: a tenth of
    ``tracuu build``), and within one build the file does not change. A broken file is not pinned:
    every call reports it (read once, ``loader.per_file``)."""
    try:
        vocab = vocabulary()
    except SourceError:
        yield
        return
    token = _PINNED.set((root_token(), vocab))
    try:
        yield
    finally:
        _PINNED.reset(token)


def vocabulary() -> Vocabulary:
    """The project's vocabulary (data folder of the current root), reloaded when the file changes."""
    if (held := _PINNED.get()) is not None and held[0] is root_token():
        return held[1]
    path = os.path.join(data_dir(), FILE)  # called for every số/ký hiệu parsed: one stat, no Path objects
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        mtime = -1
    return _cached(path, mtime)


def problems(path: Path | None = None) -> list[Problem]:
    """Every problem in the vocabulary file, as ``path:line: message``."""
    return loader.problems(lambda: load(path or data_dir() / FILE))


def check(corpus: object = None) -> list[Problem]:
    """``tracuu check``: the vocabulary loads (its examples are held by tests/test_vocabulary.py)."""
    return problems()


class LazyPattern:
    """A regex built from the vocabulary on first use and rebuilt when the vocabulary changes.

    ``template`` holds ``{name}`` for each word list it uses: ``r"^{issuer_block_starts}\\b"``.
    Lets a module keep a module-level pattern without reading data at import time.
    """

    def __init__(self, template: str, flags: int = 0) -> None:
        self.template = template
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        return _compile(self.template, self.flags, vocabulary())

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled().match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)


@lru_cache(maxsize=32)
def _compile(template: str, flags: int, vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(template.format(**{name: vocab.pattern(name) for name in WORD_LISTS}), flags)


# The số/ký hiệu grammar (model) reads the form codes from here.
sokyhieu.use_forms(lambda: vocabulary().form_codes)
