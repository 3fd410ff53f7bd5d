"""Topics and audiences of ``data/topics.yml`` as values, and their keyword matching.

Matching is on folded whole words (``textutil.fold``), so the same keyword
list serves the pages and the search box. Loaded by ``registries.topics``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from tracuu.model.textutil import fold


@dataclass(frozen=True)
class Matcher:
    """Folded whole-word keyword matching with phrases to ignore first."""

    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def matches(self, text: str) -> tuple[str, ...]:
        """The keywords (folded) found in ``text``."""
        return self.matches_folded(f" {fold(text)} ")

    def matches_folded(self, hay: str) -> tuple[str, ...]:
        """The keywords found in ``hay``: a text already folded, with a space at each end."""
        for phrase in self._excluded:
            hay = hay.replace(phrase, " ")
        return tuple(k for k, padded in self._padded if padded in hay)

    @cached_property
    def _padded(self) -> tuple[tuple[str, str], ...]:  # whole words: a space on each side
        return tuple((k, f" {k} ") for k in self.keywords)

    @cached_property
    def _excluded(self) -> tuple[str, ...]:
        return tuple(f" {phrase} " for phrase in self.exclude)

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

    @cached_property
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

    @cached_property
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
        hay = f" {fold(text)} "  # folded once for every topic
        return tuple(t.id for t in self.topics if t.matcher.matches_folded(hay))


@lru_cache(maxsize=64)
def _matcher(keywords: tuple[str, ...], exclude: tuple[str, ...]) -> Matcher:
    return Matcher(
        tuple(dict.fromkeys(fold(k) for k in keywords if fold(k))), tuple(fold(e) for e in exclude if fold(e))
    )
