"""Topics of duties and paragraphs, from the registry ``data/topics.yml``.

A topic belongs to one duty or one paragraph, never to a whole document:
a plan about statistics may have one clause about drowning. Matching is on
folded whole words (``textutil.fold``), so the same keyword list serves the
pages and the search box. ``Document.topics`` is the union, in registry order.

The same registry holds *audiences* (teachers, parents): the guidance pages
pick the duties and paragraphs that speak to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.corpus import Corpus
from tracuu.model.problems import Problem, SourceError
from tracuu.model.records import Block, Document, Duty
from tracuu.model.textutil import fold, nfc, slugify
from tracuu.parse.bounds import MAX_BLOCK
from tracuu.parse.layout import plain
from tracuu.paths import data_dir

# Blocks whose text is running prose a reader can be pointed to.
PARAGRAPH_KINDS = ("para", "item", "bullet", "heading")


@dataclass(frozen=True)
class Matcher:
    """Folded whole-word keyword matching with phrases to ignore first."""

    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def matches(self, text: str) -> tuple[str, ...]:
        """The keywords (folded) found in ``text``."""
        hay = f" {fold(text)} "
        for phrase in self.exclude:
            hay = hay.replace(f" {phrase} ", " ")
        return tuple(k for k in self.keywords if f" {k} " in hay)

    def __call__(self, text: str) -> bool:
        return bool(self.matches(text))


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    line: int = 0

    @property
    def matcher(self) -> Matcher:
        return _matcher(self.keywords, self.exclude)


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    sectors: tuple[str, ...]
    keywords: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    line: int = 0

    @property
    def matcher(self) -> Matcher:
        return _matcher(self.keywords, ())


@dataclass(frozen=True)
class TopicRegistry:
    path: str
    topics: tuple[Topic, ...]
    audiences: tuple[Audience, ...]

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)

    def classify(self, text: str) -> tuple[str, ...]:
        """Ids of the topics whose keywords occur in ``text``, in registry order."""
        return tuple(t.id for t in self.topics if t.matcher(text))


@lru_cache(maxsize=64)
def _matcher(keywords: tuple[str, ...], exclude: tuple[str, ...]) -> Matcher:
    return Matcher(
        tuple(dict.fromkeys(fold(k) for k in keywords if fold(k))), tuple(fold(e) for e in exclude if fold(e))
    )


# --- loading -----------------------------------------------------------------
def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (nfc(value),)
    return tuple(nfc(str(v)) for v in (value or ()))


def _section(root: yaml.MappingNode, name: str) -> list[tuple[int, dict[str, Any]]]:
    for k, v in root.value:
        if k.value == name:
            if not isinstance(v, yaml.SequenceNode):
                raise SourceError("", v.start_mark.line + 1, f"'{name}' phải là một danh sách")
            out = []
            for item in v.value:
                data = yaml.safe_load(yaml.serialize(item))
                if not isinstance(data, dict):
                    raise SourceError(
                        "", item.start_mark.line + 1, f"mỗi mục của '{name}' phải là một bảng khóa: giá trị"
                    )
                out.append((item.start_mark.line + 1, data))
            return out
    return []


def _parse(path: Path) -> tuple[TopicRegistry, list[Problem]]:
    """The registry and every problem found in it (an unreadable file gives an empty registry)."""
    p = str(path)
    empty = TopicRegistry(p, (), ())
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return empty, [Problem(p, 1, f"không đọc được tệp chủ đề: {exc.strerror}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return empty, [Problem(p, mark.line + 1 if mark else 1, f"YAML không hợp lệ: {exc}; sửa cú pháp")]
    if not isinstance(root, yaml.MappingNode):
        return empty, [Problem(p, 1, "tệp chủ đề phải là bảng khóa có 'topics' và 'audiences'")]
    problems: list[Problem] = []
    try:
        raw_topics = _section(root, "topics")
        raw_audiences = _section(root, "audiences")
    except SourceError as err:
        return empty, [Problem(p, err.problem.line, err.problem.message)]
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for line, d in raw_topics:
        unknown = sorted(set(d) - {"id", "name", "keywords", "exclude", "examples", "counter"})
        for k in unknown:
            problems.append(
                Problem(
                    p,
                    line,
                    f"khóa không hỗ trợ '{k}' trong chủ đề; dùng id, name, keywords, exclude, examples, counter",
                )
            )
        tid, name = str(d.get("id") or ""), nfc(str(d.get("name") or ""))
        if not tid or not name:
            problems.append(Problem(p, line, "chủ đề thiếu 'id' hoặc 'name'"))
            continue
        if slugify(tid) != tid:
            problems.append(Problem(p, line, f"id '{tid}' không phải dạng slug; dùng '{slugify(tid)}'"))
        if tid in seen:
            problems.append(Problem(p, line, f"trùng id '{tid}' với dòng {seen[tid]}"))
            continue
        seen[tid] = line
        t = Topic(
            tid,
            name,
            _strs(d.get("keywords")),
            _strs(d.get("exclude")),
            _strs(d.get("examples")),
            _strs(d.get("counter")),
            line,
        )
        if not t.keywords:
            problems.append(Problem(p, line, f"chủ đề '{tid}' không có từ khóa (keywords)"))
        if not t.examples:
            problems.append(Problem(p, line, f"chủ đề '{tid}' cần ít nhất một ví dụ (examples) khớp từ khóa"))
        problems.extend(_example_problems(p, line, tid, t.matcher, t.examples, t.counter))
        topics.append(t)
    audiences: list[Audience] = []
    for line, d in raw_audiences:
        aid, name = str(d.get("id") or ""), nfc(str(d.get("name") or ""))
        if not aid or not name:
            problems.append(Problem(p, line, "đối tượng (audience) thiếu 'id' hoặc 'name'"))
            continue
        a = Audience(
            aid,
            name,
            _strs(d.get("sectors")),
            _strs(d.get("keywords")),
            _strs(d.get("examples")),
            _strs(d.get("counter")),
            line,
        )
        problems.extend(_example_problems(p, line, aid, a.matcher, a.examples, a.counter))
        audiences.append(a)
    return TopicRegistry(p, tuple(topics), tuple(audiences)), problems


def _example_problems(
    path: str, line: int, ident: str, matcher: Matcher, examples: Iterable[str], counter: Iterable[str]
) -> list[Problem]:
    out = [
        Problem(path, line, f"ví dụ của '{ident}' không khớp từ khóa nào: \"{ex}\"; thêm từ khóa hoặc sửa ví dụ")
        for ex in examples
        if not matcher(ex)
    ]
    out += [
        Problem(path, line, f"phản ví dụ của '{ident}' lại khớp ({', '.join(matcher.matches(ex))}): \"{ex}\"")
        for ex in counter
        if matcher(ex)
    ]
    return out


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> tuple[TopicRegistry, tuple[Problem, ...]]:
    reg, problems = _parse(Path(path))
    return reg, tuple(problems)


def load_registry(path: Path | None = None) -> TopicRegistry:
    """``data/topics.yml`` (cached until the file changes)."""
    path = path or data_dir() / "topics.yml"
    if not path.exists():
        return TopicRegistry(str(path), (), ())
    return _cached(str(path), path.stat().st_mtime)[0]


def registry_problems(path: Path | None = None) -> list[Problem]:
    path = path or data_dir() / "topics.yml"
    if not path.exists():
        return [Problem(str(path), 1, "thiếu tệp chủ đề data/topics.yml")]
    return list(_cached(str(path), path.stat().st_mtime)[1])


# --- assigning -----------------------------------------------------------------
def block_text(block: Block) -> str:
    return plain(block.text)


def paragraph_topics(doc: Document, registry: TopicRegistry | None = None) -> dict[str, tuple[str, ...]]:
    """{block anchor: topic ids} for every paragraph-like block that has a topic.

    Reads what ``assign_topics`` stored on the blocks at parse time; classifies
    only a document that did not go through it (tests building records by hand).
    """
    if doc.topics or any(b.topics for b in doc.body):
        return {b.anchor: b.topics for b in doc.body if b.topics}
    reg = registry or load_registry()
    return {
        b.anchor: ids
        for b in doc.body
        if b.kind in PARAGRAPH_KINDS and len(b.text) <= MAX_BLOCK and (ids := reg.classify(block_text(b)))
    }


def _classify_blocks(doc: Document, reg: TopicRegistry) -> tuple[Block, ...]:
    return tuple(
        replace(b, topics=reg.classify(block_text(b))) if b.kind in PARAGRAPH_KINDS else b for b in doc.body
    )


def duty_topics(duty: Duty, registry: TopicRegistry | None = None) -> tuple[str, ...]:
    return (registry or load_registry()).classify(duty.text)


def annex_titles(doc: Document) -> dict[str, str]:
    """{annex label: its title}: the paragraphs printed right under "Phụ lục III" (before any item)."""
    out: dict[str, str] = {}
    current = ""
    for b in doc.body:
        if b.kind == "heading" and b.annex and b.label == b.annex:
            current = b.annex
            out[current] = ""
        elif current and b.annex == current and b.kind == "para":
            out[current] = f"{out[current]} {block_text(b)}".strip()
        else:
            current = ""
    return out


def assign_topics(doc: Document, registry: TopicRegistry | None = None) -> Document:
    """Topics on each duty (``Duty.topics``) and their union with paragraph topics on the document.

    A duty in an annex also takes the annex title's topics: the indicator "0103. Tỷ
    suất sinh thô" of "Phụ lục III — Nội dung chỉ tiêu thống kê về tình hình trẻ em"
    is a statistics duty though its own words do not say so.
    """
    reg = registry or load_registry()
    annex_of = {b.anchor: b.annex for b in doc.body if b.annex}
    titles = {label: reg.classify(title) for label, title in annex_titles(doc).items()}

    def topics_of(d: Duty) -> tuple[str, ...]:
        found = set(duty_topics(d, reg)) | set(titles.get(annex_of.get(d.block, ""), ()))
        return tuple(t.id for t in reg.topics if t.id in found)

    duties = tuple(replace(d, topics=topics_of(d)) for d in doc.duties)
    body = _classify_blocks(doc, reg)
    found = {t for d in duties for t in d.topics}
    found.update(t for b in body for t in b.topics)
    ordered = tuple(t.id for t in reg.topics if t.id in found)
    return replace(doc, duties=duties, body=body, topics=ordered)


def tag_names(doc: Document, registry: TopicRegistry | None = None) -> list[str]:
    """Material tags for a page about ``doc``: the names of its topics."""
    reg = registry or load_registry()
    return [t.name for t in reg.topics if t.id in doc.topics]


def audience_for_duty(duty: Duty, audience: Audience, sector_of: dict[str, str]) -> bool:
    """Is this duty for the audience: its agency's sector, or its text names the audience."""
    return sector_of.get(duty.agency_id, "") in audience.sectors or audience.matcher(duty.text)


# --- checking -----------------------------------------------------------------
def check(corpus: Corpus) -> list[Problem]:
    """Registry problems, plus topics that no duty or paragraph of the corpus carries (warnings)."""
    path = data_dir() / "topics.yml"
    problems = registry_problems(path)
    reg = load_registry(path)
    used = {t for d in corpus.documents for t in d.topics}
    for t in reg.topics:
        if corpus.documents and t.id not in used:
            problems.append(
                Problem(
                    str(path), t.line, f"chủ đề '{t.id}' chưa gắn với nhiệm vụ hay đoạn văn nào trong kho", "warning"
                )
            )
    return problems


__all__ = [
    "Audience",
    "Topic",
    "TopicRegistry",
    "assign_topics",
    "check",
    "load_registry",
    "paragraph_topics",
    "registry_problems",
    "tag_names",
]
