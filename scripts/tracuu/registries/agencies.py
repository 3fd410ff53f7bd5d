"""Loading and checking ``data/agencies.yml`` into an ``AgencyRegistry`` (see ``agency_registry``).

Every entry keeps its line, so a problem names ``data/agencies.yml:LINE``;
``check`` also holds every example to the entry it must resolve to.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir
from tracuu.registries import loader
from tracuu.registries.agency_registry import (
    LEVELS,
    AgencyRegistry,
    Group,
    KindPrefix,
    LineMinistry,
    Sector,
    Template,
    clean_name,
    key,
)

__all__ = [
    "LEVELS",
    "AgencyRegistry",
    "Group",
    "KindPrefix",
    "LineMinistry",
    "Sector",
    "Template",
    "check",
    "clean_name",
    "key",
    "load_registry",
    "problems",
    "registry_or_none",
]


# --- loading -----------------------------------------------------------------
def _plain(node: yaml.Node) -> Any:
    return loader.value(node)


def _entries(root: yaml.MappingNode, name: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    for k, v in root.value:
        if k.value == name:
            if not isinstance(v, yaml.SequenceNode):
                raise SourceError(path, v.start_mark.line + 1, f"'{name}' must be a list")
            out = []
            for item in v.value:
                data = _plain(item)
                if not isinstance(data, dict):
                    raise SourceError(path, item.start_mark.line + 1, f"each entry of '{name}' must be a mapping")
                out.append((item.start_mark.line + 1, data))
            return out
    return []


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(nfc(str(v)) for v in (value or ()))


def problems(path: Path | None = None) -> list[Problem]:
    """Every problem in the registry file, as ``path:line: message``."""
    path = path or data_dir() / "agencies.yml"
    try:
        _load(path)
    except SourceError as err:
        return [err.problem]
    return []


def _load(path: Path) -> AgencyRegistry:
    root = loader.compose(path)
    if not isinstance(root, yaml.MappingNode):
        raise SourceError(path, 1, "the registry must be a mapping with 'templates' and 'groups'")
    data = _plain(root)
    sectors = tuple(
        Sector(str(d["id"]), nfc(str(d["name"])), _strs(d.get("abbr"))) for _, d in _entries(root, "sectors", path)
    )
    kinds = tuple(
        KindPrefix(nfc(str(d["prefix"])), nfc(str(d["kind"])), nfc(str(d["level"])), d.get("alone") is True)
        for _, d in _entries(root, "kinds", path)
    )
    check = _EntryCheck(path, {s.id for s in sectors})
    templates = []
    for line, d in _entries(root, "templates", path):
        check(line, d, ("id", "name", "kind", "level", "sector"))
        templates.append(_template(line, d))
    groups = []
    for line, d in _entries(root, "groups", path):
        check(line, d, ("id", "name", "level"))
        groups.append(_group(path, line, d))
    codes = {nfc(str(k)): nfc(str(v)) for k, v in (data.get("codes") or {}).items()}
    return AgencyRegistry(
        tuple(templates), tuple(groups), sectors, kinds, codes, _strs(data.get("provinces")),
        _strs(data.get("titles")), _line_ministries(root, path, {t.id: t for t in templates}),
    )


class _EntryCheck:
    """What every template and group must have: its required fields, an id used once, a known level and sector."""

    def __init__(self, path: Path, sector_ids: set[str]) -> None:
        self.path = path
        self.sector_ids = sector_ids
        self.seen: dict[str, int] = {}  # id -> line of first use

    def __call__(self, line: int, d: dict[str, Any], required: tuple[str, ...]) -> None:
        path = self.path
        for f in required:
            if not d.get(f):
                raise SourceError(path, line, f"entry {d.get('id', '?')!r} has no '{f}'")
        ident = str(d["id"])
        if ident in self.seen:
            raise SourceError(path, line, f"id {ident!r} already used on line {self.seen[ident]}")
        self.seen[ident] = line
        if d["level"] not in LEVELS:
            raise SourceError(path, line, f"level {d['level']!r} is not one of {', '.join(LEVELS)}")
        if d.get("sector") and d["sector"] not in self.sector_ids:
            raise SourceError(path, line, f"sector {d['sector']!r} is not listed under 'sectors'")


def _template(line: int, d: dict[str, Any]) -> Template:
    return Template(
        id=str(d["id"]),
        name=nfc(str(d["name"])),
        kind=nfc(str(d["kind"])),
        level=str(d["level"]),
        sector=str(d["sector"]),
        instance=nfc(str(d.get("instance") or "")),
        aliases=_strs(d.get("aliases")),
        examples=_strs(d.get("examples")),
        line=line,
    )


def _group(path: Path, line: int, d: dict[str, Any]) -> Group:
    for p in d.get("patterns") or ():
        try:
            re.compile(p)
        except re.error as err:
            raise SourceError(path, line, f"pattern {p!r} is not a valid regular expression: {err}") from err
    every = _includes_all(path, line, d)
    return Group(
        id=str(d["id"]),
        name=nfc(str(d["name"])),
        level=str(d["level"]),
        sector=str(d.get("sector") or ""),
        aliases=_strs(d.get("aliases")),
        patterns=tuple(str(p) for p in d.get("patterns") or ()),
        member_kinds=_strs(d.get("member_kinds")),
        includes_all_kinds=_strs(every.get("kinds")),
        includes_all_templates=_strs(every.get("templates")),
        includes_all_level=str(every.get("level") or d["level"]) if every else "",
        examples=_strs(d.get("examples")),
        line=line,
    )


def _includes_all(path: Path, line: int, d: dict[str, Any]) -> dict[str, Any]:
    """A group's ``includes_all`` ({kinds or templates: [...], level: ...}), checked; ``{}`` when it has none."""
    every = d.get("includes_all") or {}
    if not isinstance(every, dict) or not (every.get("kinds") or every.get("templates")):
        if every:
            raise SourceError(path, line, "includes_all must be a mapping {kinds or templates: [...], level: ...}")
        return {}
    if every.get("level", d["level"]) not in LEVELS:
        raise SourceError(path, line, f"includes_all level {every['level']!r} is not one of {', '.join(LEVELS)}")
    return every


def _line_ministries(root: yaml.MappingNode, path: Path, templates: dict[str, Template]) -> tuple[LineMinistry, ...]:
    """``line_ministries``: a central template, provincial templates of the same sector, the basis."""
    out: list[LineMinistry] = []
    for line, d in _entries(root, "line_ministries", path):
        ministry = templates.get(str(d.get("ministry") or ""))
        if ministry is None or ministry.level != "trung ương":
            raise SourceError(path, line, f"ministry {d.get('ministry')!r} must be a template id of level trung ương")
        if not str(d.get("basis") or "").strip():
            raise SourceError(path, line, "each line_ministries entry needs its 'basis' (what links the two)")
        local = _strs(d.get("local"))
        for t in local:
            found = templates.get(t)
            if found is None or found.level != "tỉnh":
                raise SourceError(path, line, f"local {t!r} must be a template id of level tỉnh")
            if found.sector != ministry.sector:
                raise SourceError(
                    path, line, f"{t!r} is of sector {found.sector!r}, {ministry.id!r} of {ministry.sector!r}: not one sector"
                )
        out.append(LineMinistry(ministry.id, local, nfc(str(d["basis"])), line))
    return tuple(out)


@loader.per_file
def _cached(path: str, mtime: float) -> AgencyRegistry:
    return _load(Path(path))


def load_registry(path: Path | None = None) -> AgencyRegistry:
    """The registry in ``data/agencies.yml`` (cached until the file changes)."""
    path = path or data_dir() / "agencies.yml"
    return _cached(str(path), path.stat().st_mtime)


def registry_or_none() -> AgencyRegistry | None:
    """The agency registry, or None while it cannot be loaded (`tracuu check` reports why)."""
    try:
        return load_registry()
    except Exception:  # noqa: BLE001 - a broken registry is reported by `tracuu check`
        return None


def check(corpus: object = None, path: Path | None = None) -> list[Problem]:
    """``tracuu check``: registry problems and examples that do not resolve to their entry."""
    path = path or data_dir() / "agencies.yml"
    try:
        reg = _load(path)
    except SourceError as err:
        return [err.problem]
    out: list[Problem] = []
    entries: list[Template | Group] = [*reg.templates, *reg.groups]
    for entry in entries:
        for example in entry.examples:
            found = reg.match(example, "Bắc Kạn", allow_unknown=False)
            if found is None or found.template != entry.id:
                got = found.template if found else "không khớp mục nào"
                out.append(Problem(str(path), entry.line, f"ví dụ {example!r} của {entry.id!r} khớp với: {got}"))
    return out
