"""The instrument registry ``data/instruments.yml``: frozen records, loaded with line numbers.

Every fact an entry states (type, number, issuer, date, title, status,
replaced_by, jurisdiction) must name where it comes from in ``source:``
(``sources/<file>:<line>``); an entry that states a fact without a source is
an error, because the portal never shows a legal fact nobody can check.
``examples`` are strings that must resolve to the entry (``tests/test_citations.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tracuu.model.instruments import FACTS as FACTS
from tracuu.model.instruments import Instrument as Instrument
from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import fold, nfc, slugify
from tracuu.paths import data_dir
from tracuu.registries import loader

_LISTS = ("aliases", "examples")
_KNOWN = {"id", "source", *FACTS, *_LISTS}


@dataclass(frozen=True)
class Registry:
    instruments: tuple[Instrument, ...] = ()
    path: str = ""
    _by_id: dict[str, Instrument] = field(default_factory=dict, compare=False, repr=False)

    def get(self, instrument_id: str) -> Instrument | None:
        if not self._by_id and self.instruments:
            self._by_id.update({i.id: i for i in self.instruments})
        return self._by_id.get(instrument_id)

    def by_number(self, number: str, jurisdiction: str, year: str) -> Instrument | None:
        """The entry with this normal-form number in this jurisdiction (and year, when both know it)."""
        hits = [
            i
            for i in self.instruments
            if i.number == number
            and fold(i.jurisdiction) == fold(jurisdiction)
            and (not year or not i.date or i.date[:4] == year)
        ]
        return hits[0] if len(hits) == 1 else None

    def by_name(self, name: str) -> Instrument | None:
        key = fold(name)
        return next((i for i in self.instruments if any(fold(n) == key for n in i.names)), None)


def _scalar(node: yaml.Node, path: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise SourceError(path, node.start_mark.line + 1, "expected a plain value")
    if node.tag.endswith(":null"):
        return ""
    # The raw scalar text: dates stay "2021-09-30" strings, numbers stay as written.
    return nfc(str(node.value)).strip()


def _entry(node: yaml.Node, path: str) -> Instrument:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(path, line, "each instrument must be a mapping (id: ..., type: ...)")
    values: dict[str, object] = {"line": line}
    for key_node, value_node in node.value:
        key = _scalar(key_node, path)
        kline = key_node.start_mark.line + 1
        if key not in _KNOWN:
            raise SourceError(path, kline, f"unknown field {key!r}; allowed: {', '.join(sorted(_KNOWN))}")
        if key in _LISTS:
            if not isinstance(value_node, yaml.SequenceNode):
                raise SourceError(path, kline, f"{key} must be a list of strings")
            values[key] = tuple(_scalar(v, path) for v in value_node.value)
        elif key == "source":
            if not isinstance(value_node, yaml.MappingNode):
                raise SourceError(path, kline, "source must map each fact to 'sources/<file>:<line>'")
            pairs = []
            for fk, fv in value_node.value:
                fact, where = _scalar(fk, path), _scalar(fv, path)
                if fact not in FACTS:
                    raise SourceError(path, fk.start_mark.line + 1, f"source for unknown fact {fact!r}")
                if ":" not in where or not where.rsplit(":", 1)[1].isdigit():
                    raise SourceError(path, fv.start_mark.line + 1, f"source {where!r} is not 'path:line'")
                pairs.append((fact, where))
            values["source"] = tuple(pairs)
        else:
            values[key] = _scalar(value_node, path)
    inst = Instrument(**values)  # type: ignore[arg-type]
    if not inst.id:
        raise SourceError(path, line, "instrument without an id")
    if inst.id != _slug_id(inst.id):
        raise SourceError(path, line, f"id {inst.id!r} must be a lower-case slug (a-z, 0-9, -)")
    for fact in FACTS:
        if getattr(inst, fact) and not inst.source_of(fact):
            raise SourceError(path, line, f"{inst.id}: fact {fact!r} has no source; add source: {{{fact}: ...}}")
    if not inst.number and not inst.title:
        raise SourceError(path, line, f"{inst.id}: needs a number or a title")
    return inst


def _slug_id(text: str) -> str:
    return slugify(text)


def load_registry(path: Path | None = None) -> Registry:
    """Load and check ``instruments.yml``; raise ``SourceError`` naming the file and line."""
    path = path or data_dir() / "instruments.yml"
    if not path.exists():
        return Registry((), str(path))
    root = loader.compose(path)
    if root is None:
        return Registry((), str(path))
    if not isinstance(root, yaml.SequenceNode):
        raise SourceError(path, root.start_mark.line + 1, "instruments.yml must be a list of entries")
    entries = tuple(_entry(n, str(path)) for n in root.value)
    seen: dict[str, int] = {}
    for e in entries:
        if e.id in seen:
            raise SourceError(path, e.line, f"duplicate id {e.id!r} (first at line {seen[e.id]})")
        seen[e.id] = e.line
    for e in entries:
        if e.replaced_by and e.replaced_by not in seen:
            raise SourceError(path, e.line, f"{e.id}: replaced_by {e.replaced_by!r} is not an entry")
    return Registry(entries, str(path))


@loader.per_file
def _cached(path: str, mtime: float) -> Registry:
    return load_registry(Path(path))


def registry() -> Registry:
    """The project's registry, reloaded when the file changes."""
    path = data_dir() / "instruments.yml"
    return _cached(str(path), path.stat().st_mtime if path.exists() else 0.0)


def registry_problems(path: Path | None = None) -> list[Problem]:
    try:
        load_registry(path)
    except SourceError as err:
        return [err.problem]
    return []
