"""The optional sidecar ``name.yml`` next to ``name.txt``: facts the text lacks.

Read once, bounded and validated; every problem is a ``Problem(path, line,
message)`` and the document still builds from its text. The YAML is never
*constructed*: events are checked first (anchors, aliases and tags refused,
so an alias bomb costs nothing), then the node tree is walked by hand, so
``2024-13-45`` is a string we check, not a crash in PyYAML's date constructor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tracuu.model.problems import Problem

# Sidecar keys (facts the text lacks; they never override what the text states) and their labels.
KEYS = {
    "issuer": "Cơ quan ban hành",
    "place": "Địa danh",
    "province": "Tỉnh",
    "publisher": "Đơn vị đăng tải",
    "url": "Địa chỉ gốc",
    "retrieved": "Ngày lấy về",
    "provenance": "Nguồn",
    "related": "Văn bản liên quan",
    "note": "Ghi chú",
}
# Prefix of a document warning that is really about its sidecar file (reported against the .yml by the build).
WARNING_PREFIX = "tệp kèm theo"
MAX_BYTES = 64 * 1024
MAX_CHARS = {"note": 4000, "provenance": 2000}
DEFAULT_MAX_CHARS = 300
MAX_RELATED = 50
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DOC_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_HELP = "xem sources/README.md"


@dataclass(frozen=True)
class Sidecar:
    path: str  # as reported in problems
    values: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for later checks (unknown `related`)
    problems: tuple[Problem, ...] = ()


def sidecar_path(source: Path) -> Path:
    return source.with_suffix(".yml")


def _line(mark: object) -> int:
    line = getattr(mark, "line", None)
    return line + 1 if isinstance(line, int) else 1


def _refuse(where: str, line: int, message: str) -> Sidecar:
    return Sidecar(where, problems=(Problem(where, line, message),))


def _check_events(text: str, where: str) -> Problem | None:
    """Refuse anchors, aliases and explicit tags before anything is built from the YAML."""
    try:
        for ev in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
                return Problem(where, _line(ev.start_mark), "không dùng neo/bí danh YAML (& và *); ghi thẳng giá trị")
            tag = getattr(ev, "tag", None)
            if tag and not getattr(ev, "implicit", True) and tag != "!":
                return Problem(where, _line(ev.start_mark), f"không dùng thẻ YAML ({tag}); ghi thẳng giá trị")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return Problem(where, _line(mark), f"YAML không hợp lệ ({what}); sửa cú pháp ({_HELP})")
    return None


def _check_value(key: str, value: str, where: str, line: int) -> Problem | None:
    limit = MAX_CHARS.get(key, DEFAULT_MAX_CHARS)
    if len(value) > limit:
        return Problem(where, line, f"'{key}' quá dài ({len(value)} ký tự, tối đa {limit}); rút gọn")
    if key == "retrieved":
        m = _ISO_DATE.fullmatch(value)
        try:
            if not m:
                raise ValueError
            dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return Problem(where, line, f"'retrieved' không phải ngày hợp lệ ('{value[:40]}'); ghi YYYY-MM-DD, ví dụ 2024-01-24")
    if key == "url" and not re.match(r"https?://[^\s<>\"']+$", value):
        return Problem(where, line, f"'url' phải là địa chỉ http:// hoặc https:// ('{value[:60]}')")
    if key == "related" and not _DOC_ID.fullmatch(value):
        return Problem(where, line, f"'related' phải là mã trang của văn bản khác (chữ thường, số, '-'): '{value[:60]}'")
    return None


def _scalar(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return None


def _checked(key: str, items: list[yaml.Node], where: str, problems: list[Problem]) -> list[str]:
    """The non-empty scalar values of one key that pass its check; the others become problems."""
    good: list[str] = []
    for node in items:
        text = str(node.value).strip()
        if not text or node.tag.endswith(":null"):
            continue
        bad = _check_value(key, text, where, _line(node.start_mark))
        if bad:
            problems.append(bad)
        else:
            good.append(text)
    return good


def _values(root: yaml.MappingNode, where: str) -> Sidecar:
    values: dict[str, str | tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        line = _line(key_node.start_mark)
        key = _scalar(key_node)
        if key is None or key not in KEYS:
            shown = (key or "?")[:40]
            problems.append(Problem(where, line, f"khóa không hỗ trợ '{shown}'; dùng một trong: {', '.join(KEYS)}"))
            continue
        if key in values:
            problems.append(Problem(where, line, f"khóa '{key}' ghi hai lần; giữ một"))
            continue
        items: list[yaml.Node]
        if key == "related" and isinstance(value_node, yaml.SequenceNode):
            items = list(value_node.value)[: MAX_RELATED + 1]
        else:
            items = [value_node]
        texts = [_scalar(n) for n in items]
        if any(t is None for t in texts) or len(items) > MAX_RELATED:
            kind = "một chuỗi hoặc danh sách chuỗi" if key == "related" else "một chuỗi"
            problems.append(Problem(where, _line(value_node.start_mark), f"'{key}' phải là {kind}; bỏ qua giá trị này"))
            continue
        good = _checked(key, items, where, problems)
        if good:
            values[key] = tuple(good) if key == "related" else good[0]
            lines[key] = line
    return Sidecar(where, values, lines, tuple(problems))


def load(source: Path, shown_as: str | None = None) -> Sidecar | None:
    """The sidecar of ``source``, or None when it has none. Never raises."""
    side = sidecar_path(source)
    where = shown_as if shown_as is not None else str(side)
    if not side.exists() and not side.is_symlink():
        return None
    if side.is_symlink() or not side.is_file():
        return Sidecar(where, problems=(Problem(where, 1, "tệp kèm theo phải là tệp thường (không phải liên kết hay thư mục)"),))
    try:
        with side.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return Sidecar(where, problems=(Problem(where, 1, f"không đọc được tệp kèm theo: {exc.strerror}"),))
    return parse(raw, where)


def parse(raw: bytes, where: str) -> Sidecar:
    """Validate the bytes of a sidecar file (``where`` names it in problems)."""
    if len(raw) > MAX_BYTES:
        return _refuse(where, 1, f"tệp kèm theo quá lớn (trên {MAX_BYTES // 1024} KB); chỉ ghi vài dòng thông tin")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _refuse(where, line, "tệp kèm theo không phải UTF-8; lưu lại với mã hóa UTF-8")
    if "\x00" in text:
        return _refuse(where, text[: text.index("\x00")].count("\n") + 1, "tệp kèm theo chứa ký tự NUL; lưu lại dạng văn bản")
    bad = _check_events(text, where)
    if bad:
        return Sidecar(where, problems=(bad,))
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:  # pragma: no cover - _check_events parsed the same text
        return Sidecar(where, problems=(Problem(where, 1, f"YAML không hợp lệ ({exc}); {_HELP}"),))
    if root is None:
        return Sidecar(where)
    if not isinstance(root, yaml.MappingNode):
        return _refuse(where, _line(root.start_mark), "tệp kèm theo phải là một bảng khóa: giá trị (mapping)")
    return _values(root, where)


def check_related(side: Sidecar, known_ids: set[str]) -> list[Problem]:
    """``related:`` ids that name no document of the corpus."""
    related = side.values.get("related", ())
    missing = [r for r in related if r not in known_ids] if isinstance(related, tuple) else []
    return [
        Problem(side.path, side.lines.get("related", 1), f"'related: {r}' không trùng mã trang văn bản nào; sửa hoặc bỏ")
        for r in missing
    ]
