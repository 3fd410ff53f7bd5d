"""Who must do what: duties found in a parsed document's blocks.

Five strategies read a document, each on its own (``STRATEGIES``):

1. ``indicators`` — statistical indicators of an annex;
2. ``tables`` — task tables ("| Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |");
3. ``headers`` — addressee headers ("**5. Sở Thông tin và Truyền thông:** …");
4. ``guidance`` — guidance to all ("… hướng dẫn các ngành … như sau:" + items);
5. ``prose`` — running prose ("Giao Sở Y tế chủ trì …").

A strategy is a pure function of the document: it returns claims, each the
blocks it reads and the duties it finds there (``names.Claim``). ``merge``
then decides: a claim that takes a block already taken by a strategy of higher
priority (lower number above) is dropped whole. Strategies share no state, so
the order they run in does not change the result.

An addressee may name several agencies ("Đề nghị Ủy ban MTTQ tỉnh, Tỉnh đoàn,
Hội LHPN tỉnh …"): each gets the duty. "Ủy ban MTTQ tỉnh và các tổ chức thành
viên" is one collective addressee (a group in the registry).

Not duties: the execution clause of a Quyết định ("Điều 3. Chánh Văn phòng UBND
tỉnh, Giám đốc các Sở …, Chủ tịch UBND các huyện … chịu trách nhiệm thi hành
Quyết định này"): it names office holders, repeats the whole decision for each
of them and gives no task of its own (``names.EXECUTION``; no strategy reads
it); and what a report asks of its superiors in its "kiến nghị, đề xuất"
section. Partners named in a duty ("phối hợp với Công an tỉnh, Sở Y tế") are
kept as ``Duty.partners``; they get no duty of their own here (the agency pages
show the duty on the partner's page as "phối hợp").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from tracuu.model.records import Document, Duty
from tracuu.model.textutil import fold
from tracuu.registries.agencies import AgencyRegistry, load_registry
from tracuu.resolve.duties.articles import articles
from tracuu.resolve.duties.headers import headers
from tracuu.resolve.duties.indicators import indicators
from tracuu.resolve.duties.memberships import extract_memberships
from tracuu.resolve.duties.names import Claim, Context, plain
from tracuu.resolve.duties.prose import guidance, prose
from tracuu.resolve.duties.tables import tables

__all__ = ["STRATEGIES", "Strategy", "extract_duties", "extract_memberships", "merge"]


@dataclass(frozen=True)
class Strategy:
    """A way duties are written; ``priority`` decides which claim keeps a block two strategies read."""

    name: str
    priority: int
    find: Callable[[Context], list[Claim]]


STRATEGIES: tuple[Strategy, ...] = (
    Strategy("articles", 0, articles),  # "Điều 84. Bộ Y tế": an article headed by a body (articles.py)
    Strategy("indicators", 1, indicators),
    Strategy("tables", 2, tables),
    Strategy("headers", 3, headers),
    Strategy("guidance", 4, guidance),
    Strategy("prose", 5, prose),
)


def merge(found: Iterable[tuple[Strategy, list[Claim]]]) -> list[Duty]:
    """The duties of the claims that keep their blocks, by strategy priority.

    A claim is dropped when any of its blocks is held by an accepted claim of a
    strategy with higher priority; claims of one strategy never exclude each
    other (the strategy has already made them consistent).
    """
    held: dict[str, int] = {}
    duties: list[Duty] = []
    for strategy, claims in sorted(found, key=lambda sc: sc[0].priority):
        accepted = [c for c in claims if all(held.get(b, strategy.priority) == strategy.priority for b in c.blocks)]
        for claim in accepted:
            held.update(dict.fromkeys(claim.blocks, strategy.priority))
            duties.extend(claim.duties)
    return duties


def extract_duties(
    doc: Document, registry: AgencyRegistry | None = None, strategies: Iterable[Strategy] = STRATEGIES
) -> tuple[Duty, ...]:
    """Every duty a document assigns, in text order."""
    ctx = Context(doc, registry or load_registry())
    found = merge((s, s.find(ctx)) for s in strategies)
    asks = _requests_section(doc)
    found = [d for d in found if d.block not in asks]
    order = {b.anchor: n for n, b in enumerate(doc.body)}
    found = sorted(found, key=lambda d: (order.get(d.block, len(order)), d.line))
    return tuple(_without_repeats(found) if doc.doc_type == "Tin bài" else found)


def _task(duty: Duty) -> str:
    """What a duty's sentence asks, from its addressee on, folded ("Bộ Công an chỉ đạo điều tra …")."""
    at = duty.text.find(duty.agency_text)
    return re.sub(r"\W+", " ", fold(duty.text[at:] if at >= 0 else duty.text)).strip()


def _without_repeats(duties: list[Duty]) -> list[Duty]:
    """A news copy's lead often prints the assignment its body reports again, (nearly) word for word
    from the addressee on: one duty, the first."""
    out: list[Duty] = []
    for d in duties:
        task = _task(d)
        if not any(
            (o.agency_id, o.role) == (d.agency_id, d.role) and SequenceMatcher(None, _task(o), task).ratio() >= 0.85
            for o in out
        ):
            out.append(d)
    return out


# "III. ĐỀ XUẤT, KIẾN NGHỊ" / "Kiến nghị": a report asks these bodies (often its superiors)
# for something; it assigns them nothing.
_REQUESTS_HEADING = re.compile(r"^(?:[IVXLC]+\.|\d+\.)?\s*(?:đề\s+xuất|kiến\s+nghị)\b", re.IGNORECASE)


def _requests_section(doc: Document) -> set[str]:
    """Anchors of the blocks inside a report's "kiến nghị, đề xuất" section."""
    if doc.doc_type not in ("Báo cáo", "Tờ trình"):
        return set()
    parent = {b.anchor: b.parent for b in doc.body}
    heads = {b.anchor for b in doc.body if b.kind == "heading" and _REQUESTS_HEADING.match(plain(b.text).lstrip("# "))}
    out: set[str] = set()
    for b in doc.body:
        a = b.anchor
        while a:
            if a in heads:
                out.add(b.anchor)
                break
            a = parent.get(a, "")
    return out
