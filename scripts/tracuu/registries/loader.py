"""The one way a registry (``data/*.yml``) is read: a node tree with line marks.

Every registry module reads its file through ``compose``: the YAML is parsed
into PyYAML nodes (each knows its line), aliases (``*name``) are refused —
a registry entry is written out where it applies, so one edit never changes
two entries unseen — and every problem becomes a ``SourceError`` carrying a
``Problem(path, line, message, hint)``. ``problems`` turns a loader call into
the list ``tracuu check`` reports.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml

from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc

_ALIAS = "không dùng bí danh YAML"
T = TypeVar("T")


def per_file(read: Callable[[str, float], T]) -> Callable[[str, float], T]:
    """Memoise a registry read per (path, mtime), its ``SourceError`` included.

    The parser asks for the registries for every line it reads; a broken file
    (a list deleted, a bad entry) must be read, and reported, once per change,
    not once per call: without this, every document of the corpus re-read the
    YAML and failed again (minutes at 1,000 documents)."""

    @functools.lru_cache(maxsize=4)
    def attempt(path: str, mtime: float) -> tuple[T | None, SourceError | None]:
        try:
            return read(path, mtime), None
        except SourceError as error:
            return None, error

    @functools.wraps(read)
    def cached(path: str, mtime: float) -> T:
        value, error = attempt(path, mtime)
        if error is not None:
            raise error.with_traceback(None)
        return value  # type: ignore[return-value]  # no error: the read returned a value

    return cached


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that stops at the first alias, naming its line."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, f"{_ALIAS} (*{getattr(event, 'anchor', '')}); ghi đầy đủ tại chỗ", event.start_mark
            )
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def line_of(node: yaml.Node) -> int:
    """1-based line where ``node`` starts."""
    return int(node.start_mark.line) + 1


def compose(path: Path, missing_ok: bool = False) -> yaml.Node | None:
    """The node tree of ``path`` (None for an empty file, or a missing one when ``missing_ok``).

    Raises ``SourceError`` for a missing file, a syntax error or an alias.
    """
    if not path.exists():
        if missing_ok:
            return None
        raise SourceError(path, 1, f"thiếu tệp {path.name}", hint="khôi phục tệp từ kho mã (git checkout -- data/)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(path, 1, f"không đọc được tệp: {err}", hint="lưu tệp với mã hóa UTF-8") from err
    loader = _NoAliasLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = int(mark.line) + 1 if mark else 1
        alias = _ALIAS in str(err.problem or "")
        raise SourceError(
            path,
            line,
            str(err.problem) if alias else f"YAML không hợp lệ: {err.problem or err}",
            hint="viết đầy đủ giá trị thay cho tham chiếu *tên" if alias else "sửa cú pháp YAML ở dòng này (thụt lề, dấu :)",
        ) from err
    except yaml.YAMLError as err:
        raise SourceError(path, 1, f"YAML không hợp lệ: {err}", hint="sửa cú pháp YAML") from err
    finally:
        loader.dispose()
    return node


def value(node: yaml.Node) -> Any:
    """The plain Python value of a node (strings NFC-normalised by the caller)."""
    return yaml.safe_load(yaml.serialize(node))


def scalar(node: yaml.Node, path: str | Path) -> str:
    """A scalar's text as written ("" for null); raise ``SourceError`` for a list or mapping."""
    if not isinstance(node, yaml.ScalarNode):
        raise SourceError(path, line_of(node), "cần một giá trị đơn (chuỗi), không phải danh sách hay bảng")
    if node.tag.endswith(":null"):
        return ""
    return nfc(str(node.value)).strip()


def items(node: yaml.Node, path: str | Path, what: str) -> Iterator[tuple[str, yaml.Node]]:
    """(key, value node) of a mapping; raise ``SourceError`` when ``node`` is not one."""
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(path, line_of(node), f"{what} phải là một bảng khóa: giá trị")
    for k, v in node.value:
        yield scalar(k, path), v


def entries(node: yaml.Node, path: str | Path, what: str) -> list[yaml.Node]:
    """The items of a list; raise ``SourceError`` when ``node`` is not one."""
    if not isinstance(node, yaml.SequenceNode):
        raise SourceError(path, line_of(node), f"{what} phải là một danh sách")
    return list(node.value)


def problems(load: Callable[[], object]) -> list[Problem]:
    """Run a loader; its ``SourceError`` as a list of problems (empty when it loads)."""
    try:
        load()
    except SourceError as err:
        return [err.problem]
    return []
