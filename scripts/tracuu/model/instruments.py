"""A legal instrument as ``data/instruments.yml`` describes it (loaded by ``registries.instruments``)."""

from __future__ import annotations

from dataclasses import dataclass

FACTS = ("type", "number", "jurisdiction", "issuer", "date", "title", "status", "replaced_by")


@dataclass(frozen=True)
class Instrument:
    id: str
    type: str = ""
    number: str = ""  # normal-form số/ký hiệu, "" for an instrument known by name
    jurisdiction: str = ""  # "Kon Tum" for a local instrument, "" for a national one
    issuer: str = ""
    date: str = ""  # ISO, as precise as the source
    title: str = ""
    status: str = ""
    replaced_by: str = ""  # an instrument id
    aliases: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    source: tuple[tuple[str, str], ...] = ()  # (fact, "sources/file.txt:12")
    line: int = 0  # line of the entry in instruments.yml

    def source_of(self, fact: str) -> str:
        return next((s for f, s in self.source if f == fact), "")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the instrument is known by, for matching by title."""
        return tuple(n for n in (self.title if not self.number else "", *self.aliases) if n)
