"""Files the site's search needs that are generated from the registries.

``files(corpus)`` returns ``{path under docs/: bytes}``; the build writes them.
Today that is one file, ``assets/javascripts/search-synonyms.js``: the
abbreviation table the search worker (``overrides/assets/javascripts/lunr/min/
lunr.vi.min.js``) loads to expand "LĐTBXH" to "Lao động - Thương binh và Xã
hội" and back. It is built from ``data/glossary.yml`` and ``data/agencies.yml``
(sector abbreviations and agency aliases), never from a list in JavaScript.

Keys are abbreviations folded and joined ("LĐ-TB&XH" → "ldtbxh"); values are
expansions as written (the worker folds them with the same ``fold``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from . import paths
from .textutil import fold

SYNONYMS_PATH = "assets/javascripts/search-synonyms.js"

# Registry abbreviations shorter than this are too ambiguous to expand in
# search ("TP" is Tư pháp for a sector but thành phố in a name, "CT" is Công
# Thương or Chỉ thị); the glossary may still list short ones deliberately.
MIN_REGISTRY_ABBR = 3


def key(abbr: str) -> str:
    """Folded, joined form the worker looks up: "LĐ-TB&XH" → "ldtbxh"."""
    return fold(abbr).replace(" ", "")


def _words(text: str) -> list[str]:
    """Whitespace-separated words, each folded and joined ("LĐ-TB&XH" is one)."""
    out = []
    for chunk in str(text).split():
        k = key(chunk)
        if k:
            out.append(k)
    return out


# Jurisdiction words that end an agency name but are not part of what its
# abbreviation stands for ("UBND huyện" is "Ủy ban nhân dân cấp huyện").
_LEVEL_WORDS = {"cap", "tinh", "huyen"}


def _looks_abbreviated(abbr: str, expansion: list[str]) -> bool:
    """An abbreviation starts with its expansion's first letter and is short."""
    return bool(expansion) and abbr[:1] == expansion[0][:1] and len(abbr) <= 2 * len(expansion) + 2


def alias_pairs(name: str, alias: str) -> Iterable[tuple[str, str]]:
    """(abbreviation, expansion) pairs implied by an agency alias.

    "Sở LĐ-TB&XH" for "Sở Lao động - Thương binh và Xã hội" gives
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"); "SLĐTBXH" gives the
    whole name. Aliases that differ by more than one abbreviated word give
    nothing.
    """
    name_raw = str(name).split()
    alias_raw = str(alias).split()
    n = [key(w) for w in name_raw]
    a = [key(w) for w in alias_raw]
    keep_n = [i for i, w in enumerate(n) if w]
    keep_a = [i for i, w in enumerate(a) if w]
    nw = [n[i] for i in keep_n]
    aw = [a[i] for i in keep_a]
    start = 0
    while start < min(len(nw), len(aw)) and nw[start] == aw[start]:
        start += 1
    end = 0
    while (end < min(len(nw), len(aw)) - start
           and nw[len(nw) - 1 - end] == aw[len(aw) - 1 - end]):
        end += 1
    a_rest = aw[start:len(aw) - end]
    n_rest = nw[start:len(nw) - end]
    if len(a_rest) != 1 or len(n_rest) < 2 or not _looks_abbreviated(a_rest[0], n_rest):
        return
    last = len(nw) - end - 1
    while last > start + 1 and nw[last] in _LEVEL_WORDS:
        last -= 1
    abbr = alias_raw[keep_a[start]]
    expansion = " ".join(name_raw[keep_n[start]:keep_n[last] + 1])
    yield abbr, expansion


def synonym_table(glossary: Any, agencies: Any) -> dict[str, list[str]]:
    """{folded abbreviation: [expansion, ...]} from the two registries."""
    table: dict[str, list[str]] = {}

    def add(abbr: str, expansion: str, minimum: int = 1) -> None:
        k = key(abbr)
        if len(k) < minimum or not fold(expansion) or fold(expansion).replace(" ", "") == k:
            return
        known = table.setdefault(k, [])
        if fold(expansion) not in {fold(e) for e in known}:
            known.append(str(expansion).strip())

    for entry in glossary or []:
        if isinstance(entry, Mapping) and entry.get("term") and entry.get("expansion"):
            add(str(entry["term"]), str(entry["expansion"]))

    if isinstance(agencies, Mapping):
        for sector in agencies.get("sectors") or []:
            if isinstance(sector, Mapping) and sector.get("name"):
                for abbr in sector.get("abbr") or []:
                    add(str(abbr), str(sector["name"]), MIN_REGISTRY_ABBR)
        for section in ("templates", "groups", "agencies"):
            for agency in agencies.get(section) or []:
                if not isinstance(agency, Mapping) or not agency.get("name"):
                    continue
                for alias in agency.get("aliases") or []:
                    for abbr, expansion in alias_pairs(str(agency["name"]), str(alias)):
                        add(abbr, expansion, MIN_REGISTRY_ABBR)
                for abbr in agency.get("abbr") or agency.get("abbreviations") or []:
                    add(str(abbr), str(agency["name"]), MIN_REGISTRY_ABBR)
    return dict(sorted(table.items()))


def _load(path: Path) -> Any:
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def synonyms_js(table: Mapping[str, list[str]]) -> bytes:
    body = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (
        "/* Generated by tracuu.search_assets from data/glossary.yml and data/agencies.yml."
        " Do not edit. */\n"
        f"self.TRACUU_SYNONYMS={body};\n"
    )
    return text.encode("utf-8")


def files(corpus: Any = None, data_dir: Path | None = None) -> dict[str, bytes]:
    """Generated search files, ``{path relative to docs/: content}``."""
    if data_dir is None:
        root = getattr(corpus, "root", None)
        candidate = Path(root) / "data" if root is not None else None
        data_dir = candidate if candidate is not None and candidate.is_dir() else paths.data_dir()
    table = synonym_table(_load(data_dir / "glossary.yml"), _load(data_dir / "agencies.yml"))
    return {SYNONYMS_PATH: synonyms_js(table)}
