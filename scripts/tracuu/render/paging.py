"""Bounded pages: the one threshold for every list that grows with the corpus, and how a long list splits.

A list within ``MAX_BYTES`` stays on its page as before (the bundled corpus'
pages keep their shape). A longer one is split into pieces by facets tried in
order (year, province, …) and, when one facet value alone is still too long,
into numbered parts, so no piece outgrows the budget and no item is dropped. Each piece gets a stable page name from
``urls.piece`` (``<page>--<suffix>``: slugs never hold two hyphens, so piece
names cannot meet a record's own page), and the page that was split lists the
pieces with their counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from tracuu.model.textutil import collation_key, slugify
from tracuu.render import urls
from tracuu.render.mdsafe import escape_inline, link

# Markdown bytes of listed items (duties, paragraphs, documents, mentions,
# deadlines) one page holds at most, estimated per item by the renderer's
# ``size`` function. The HTML of a page is about 1.3× its Markdown plus the
# theme's frame, so a page stays well under 1 MB.
MAX_BYTES = 250_000

T = TypeVar("T")
Size = Callable[[T], int]


class Facet(NamedTuple):
    """What one item is grouped by: sort order, page-name slug and reader label."""

    order: tuple[object, ...]
    slug: str
    label: str


@dataclass(frozen=True)
class Piece(Generic[T]):
    suffix: str  # "2024", "2024-2", "ha-noi": joined to the page's name by urls.piece
    label: str  # "Năm 2024", "Năm 2024 (phần 2)", "Hà Nội"
    items: tuple[T, ...]


def text_size(text: str, overhead: int = 0) -> int:
    """Bytes of ``text`` in UTF-8 plus the item's links and marks around it."""
    return len(text.encode("utf-8")) + overhead


def total(items: Sequence[T], size: Size[T]) -> int:
    return sum(size(it) for it in items)


def too_long(items: Sequence[T], size: Size[T]) -> bool:
    return total(items, size) > MAX_BYTES


def split(
    items: Sequence[T], facets: Sequence[Callable[[T], Facet]], size: Size[T], slug: str = "", label: str = ""
) -> list[Piece[T]]:
    """``items`` in pieces of at most ``MAX_BYTES``, by the facets in turn, then in numbered parts.

    Order is kept within a piece; no item is left out or repeated.
    """
    if not too_long(items, size):
        return [Piece(slug, label, tuple(items))]
    if not facets:
        parts: list[list[T]] = [[]]
        n = 0
        for it in items:
            k = size(it)
            if parts[-1] and n + k > MAX_BYTES:
                parts.append([])
                n = 0
            parts[-1].append(it)
            n += k
        return [
            Piece(_join(slug, str(i)), f"{label} (phần {i})" if label else f"Phần {i}", tuple(part))
            for i, part in enumerate(parts, 1)
        ]
    groups: dict[Facet, list[T]] = defaultdict(list)
    for it in items:
        groups[facets[0](it)].append(it)
    out: list[Piece[T]] = []
    for f in sorted(groups, key=lambda f: (f.order, f.slug)):
        out += split(groups[f], facets[1:], size, _join(slug, f.slug), f"{label}, {f.label}" if label else f.label)
    return out


def _join(a: str, b: str) -> str:
    return f"{a}-{b}" if a else b


def year_facet(date: str) -> Facet:
    """Newest year first; undated last."""
    year = date[:4]
    if year.isdigit():
        return Facet((0, -int(year)), year, f"Năm {year}")
    return Facet((1,), "khong-ro-nam", "Không rõ năm")


def place_facet(province: str) -> Facet:
    """Provinces in Vietnamese order; central (no province) first."""
    if not province:
        return Facet((0,), "trung-uong", "Trung ương")
    return Facet((1, collation_key(province)), slugify(province) or "khac", province)


def piece_links(name: str, folder: str, pieces: Sequence[Piece[T]], unit: str = "mục", from_dir: str | None = None) -> list[str]:
    """One line per piece: its link (from a page in ``from_dir``, default the pieces' own folder) and count."""
    here = folder if from_dir is None else from_dir
    return [
        f"- {link(escape_inline(p.label), urls.href(folder, urls.piece(name, p.suffix), here))}: {len(p.items)} {unit}"
        for p in pieces
    ]


def lead(pieces: Sequence[Piece[T]], size: Size[T]) -> tuple[list[Piece[T]], list[Piece[T]]]:
    """(pieces shown on the split page itself, pieces given pages): the leading ones within ``MAX_BYTES``."""
    n = 0
    for i, p in enumerate(pieces):
        n += total(p.items, size)
        if n > MAX_BYTES:
            return list(pieces[:i]), list(pieces[i:])
    return list(pieces), []
