"""Topics and audiences of ``data/topics.yml`` as values, and their keyword matching.

Matching is on folded whole words (``textutil.fold``), so the same keyword
list serves the pages and the search box. Loaded by ``registries.topics``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tracuu.model.textutil import fold


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
