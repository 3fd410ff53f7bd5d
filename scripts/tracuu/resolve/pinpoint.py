"""Pinpoints: which article, khoản and điểm a mention names, read from the words right before it.

Vietnamese legal writing puts the unit first and the instrument last, smallest
unit first: "điểm a khoản 1 Điều 5 Nghị định số 56/2017/NĐ-CP", "khoản 3 Điều 82
Luật Trẻ em", "các điều 48, 49 và 50 của Luật này". So the pinpoint of a
citation found at ``text[start:]`` is the run of "điểm … khoản … Điều …" that
ends right where the citation begins.

"… Thông tư này", "… Nghị định này" point into the citing text itself: those are
self-references, found by ``self_references`` and never a citation of another
instrument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracuu.model.records import Pinpoint

_SEP = r"\s*(?:,|\bvà\b|\bhoặc\b)\s*"
_ARTICLE = r"\d+[a-z]?"
_CLAUSE = r"\d+"
_POINT = r"[a-zđ]\d{0,2}"


def _units(word: str, number: str, name: str) -> str:
    """'khoản 1', 'các khoản 1, 2 và 3', 'khoản 1 và khoản 2', 'các điều từ Điều 40 đến Điều 43'."""
    w = f"[{word[0].upper()}{word[0]}]{word[1:]}"
    many = rf"(?:các\s+)?{w}\s+(?P<{name}>{number}(?:{_SEP}(?:{w}\s+)?{number})*)"
    span = rf"(?:các\s+{w}\s+)?từ\s+(?:{w}\s+)?(?P<{name}_from>\d+)\s+đến\s+(?:{w}\s+)?(?P<{name}_to>\d+)"
    return f"(?:{span}|{many})"


_PINPOINT = (
    rf"(?:{_units('điểm', _POINT, 'point')}\s+)?"
    rf"(?:{_units('khoản', _CLAUSE, 'clause')}\s+)?"
    rf"{_units('điều', _ARTICLE, 'article')}"
)
# The pinpoint that ends right before a citation ("… tại khoản 3 Điều 82 [của ]" + "Luật Trẻ em").
_BEFORE = re.compile(rf"(?<!\w){_PINPOINT}\s+(?:của\s+)?$")
_TYPES = (r"Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết|Nghị\s+định|Thông\s+tư(?:\s+liên\s+tịch)?|Quyết\s+định"
          r"|Quy\s+chế|Quy\s+định|Chỉ\s+thị|Kế\s+hoạch")
# "Điều 3 Thông tư này", "khoản 2 Điều 63 của Luật này": a pinpoint into the citing text itself.
_SELF = re.compile(rf"(?<!\w){_PINPOINT}\s+(?:của\s+)?(?P<type>{_TYPES})\s+này(?!\w)")
_WINDOW = 200  # a pinpoint is never longer than this


def _items(value: str | None) -> str:
    """'1, 2 và 3' / '1 và khoản 2' → '1, 2, 3' / '1, 2'."""
    if not value:
        return ""
    bare = re.sub(r"(?i)\b(?:điểm|khoản|điều|và|hoặc)\b", " ", value)
    return ", ".join(re.findall(r"(?<!\w)(\d+[a-z]?|[a-zđ]\d{0,2})(?!\w)", bare))


def _part(m: re.Match[str], name: str) -> str:
    """One part of a pinpoint; a range "từ Điều 40 đến Điều 43" is every unit in it ("40, 41, 42, 43")."""
    first, last = m.group(f"{name}_from"), m.group(f"{name}_to")
    if first and last and int(first) <= int(last) <= int(first) + 100:
        return ", ".join(str(n) for n in range(int(first), int(last) + 1))
    return _items(m.group(name))


def _pinpoint(m: re.Match[str]) -> Pinpoint:
    return Pinpoint(article=_part(m, "article"), clause=_part(m, "clause"), point=_items(m.group("point")))


def pinpoint_before(text: str, start: int) -> Pinpoint:
    """The pinpoint written right before the mention at ``text[start:]``; empty when there is none.

    >>> pinpoint_before("theo khoản 3 Điều 82 Luật Trẻ em", 21)
    Pinpoint(article='82', clause='3', point='')
    """
    before = text[max(0, start - _WINDOW) : start].replace("*", "")  # emphasis is not text
    m = _BEFORE.search(before)
    return _pinpoint(m) if m else Pinpoint()


@dataclass(frozen=True)
class SelfReference:
    """A pinpoint into the citing text itself: "Điều 3 Thông tư này"."""

    start: int
    end: int
    text: str
    type: str  # "Thông tư"
    pinpoint: Pinpoint


def self_references(text: str) -> list[SelfReference]:
    """Every "… Điều N <type> này" in ``text``, in order."""
    out: list[SelfReference] = []
    for m in _SELF.finditer(text):
        out.append(SelfReference(m.start(), m.end(), m.group(0), re.sub(r"\s+", " ", m.group("type")), _pinpoint(m)))
    return out


__all__ = ["pinpoint_before", "self_references", "SelfReference"]
