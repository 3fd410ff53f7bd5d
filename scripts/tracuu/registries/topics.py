"""Loading ``data/topics.yml``: topics and audiences, with every problem found at its line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc, slugify
from tracuu.model.topics import Audience, Matcher, Topic, TopicRegistry
from tracuu.paths import data_dir
from tracuu.registries.loader import compose, per_file


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


_TOPIC_KEYS = ("id", "name", "keywords", "exclude", "examples", "counter")
_AUDIENCE_KEYS = ("id", "name", "sectors", "keywords", "examples", "counter")


def _entries(
    p: str, raw: list[tuple[int, dict[str, Any]]], keys: tuple[str, ...], what: str, problems: list[Problem]
) -> Iterator[tuple[int, str, str, dict[str, tuple[str, ...]]]]:
    """(line, id, name, list fields) of each entry of one section; unknown keys, missing and repeated ids are problems."""
    seen: dict[str, int] = {}
    for line, d in raw:
        for k in sorted(set(d) - set(keys)):
            problems.append(Problem(p, line, f"khóa không hỗ trợ '{k}' trong {what}; dùng {', '.join(keys)}"))
        ident, name = str(d.get("id") or ""), nfc(str(d.get("name") or ""))
        if not ident or not name:
            problems.append(Problem(p, line, f"{what} thiếu 'id' hoặc 'name'"))
            continue
        if slugify(ident) != ident:
            problems.append(Problem(p, line, f"id '{ident}' không phải dạng slug; dùng '{slugify(ident)}'"))
        if ident in seen:
            problems.append(Problem(p, line, f"trùng id '{ident}' với dòng {seen[ident]}"))
            continue
        seen[ident] = line
        yield line, ident, name, {k: _strs(d.get(k)) for k in keys[2:]}


def _parse(path: Path) -> tuple[TopicRegistry, list[Problem]]:
    """The registry and every problem found in it (an unreadable file gives an empty registry)."""
    p = str(path)
    empty = TopicRegistry(p, (), ())
    try:
        root = compose(path)
    except SourceError as err:
        return empty, [err.problem]
    if not isinstance(root, yaml.MappingNode):
        return empty, [Problem(p, 1, "tệp chủ đề phải là bảng khóa có 'topics' và 'audiences'")]
    problems: list[Problem] = []
    try:
        raw_topics = _section(root, "topics")
        raw_audiences = _section(root, "audiences")
    except SourceError as err:
        return empty, [Problem(p, err.problem.line, err.problem.message)]
    topics: list[Topic] = []
    for line, tid, name, f in _entries(p, raw_topics, _TOPIC_KEYS, "chủ đề", problems):
        t = Topic(tid, name, f["keywords"], f["exclude"], f["examples"], f["counter"], line)
        if not t.keywords:
            problems.append(Problem(p, line, f"chủ đề '{tid}' không có từ khóa (keywords)"))
        if not t.examples:
            problems.append(Problem(p, line, f"chủ đề '{tid}' cần ít nhất một ví dụ (examples) khớp từ khóa"))
        problems.extend(_example_problems(p, line, tid, t.matcher, t.examples, t.counter))
        topics.append(t)
    audiences: list[Audience] = []
    for line, aid, name, f in _entries(p, raw_audiences, _AUDIENCE_KEYS, "đối tượng (audience)", problems):
        a = Audience(aid, name, f["sectors"], f["keywords"], f["examples"], f["counter"], line)
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


@per_file
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
