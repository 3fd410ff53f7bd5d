"""Duty strategies share no state: the order they run in never changes the duties."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tracuu.model.records import Block, Document, Duty
from tracuu.pipeline import parse_file
from tracuu.registries.agencies import load_registry
from tracuu.resolve.duties import STRATEGIES, Strategy, extract_duties, merge
from tracuu.resolve.duties.names import Claim, Context
from tracuu.sources import source_files

ROOT = Path(__file__).resolve().parents[1]
SOURCES = source_files(ROOT / "sources")


def _orders(n: int) -> list[tuple[Strategy, ...]]:
    """The reverse order and six seeded random ones (all 120 are slow over the corpus)."""
    rng = random.Random(20260101)
    perms = [tuple(reversed(STRATEGIES))]
    for _ in range(n):
        p = list(STRATEGIES)
        rng.shuffle(p)
        perms.append(tuple(p))
    return perms


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_shuffled_strategies_give_the_same_duties(path: Path) -> None:
    doc = parse_file(path)
    expected = extract_duties(doc)
    assert expected == tuple(replace(d, topics=(), deadlines=()) for d in doc.duties)  # what the pipeline stored, before deadlines and topics
    for order in _orders(6):
        assert extract_duties(doc, strategies=order) == expected, [s.name for s in order]


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_strategies_leave_the_shared_context_as_they_found_it(path: Path) -> None:
    """All 120 orders: no strategy writes to the Context, and merge depends on priority alone."""
    doc = parse_file(path)
    ctx = Context(doc, load_registry())

    def state() -> object:
        return (ctx.doc, dict(ctx.children), ctx.excluded, ctx.province, ctx.district, vars(ctx).keys())

    before = state()
    claims = {s.name: s.find(ctx) for s in STRATEGIES}
    assert state() == before
    expected = merge((s, claims[s.name]) for s in STRATEGIES)
    for order in itertools.permutations(STRATEGIES):
        assert merge((s, claims[s.name]) for s in order) == expected, [s.name for s in order]
        assert state() == before


def _duty(agency: str, block: str) -> Duty:
    return Duty(agency=agency, agency_id=agency, agency_text=agency, role="thực hiện", text="…", line=1, block=block)


def test_merge_keeps_the_higher_priority_claim_in_any_order() -> None:
    a = Strategy("a", 1, lambda _ctx: [Claim(frozenset({"m1"}), (_duty("A", "m1"),))])
    b = Strategy("b", 2, lambda _ctx: [
        Claim(frozenset({"m1", "m2"}), (_duty("B", "m2"),)),  # overlaps a's block: dropped whole
        Claim(frozenset({"m3"}), (_duty("B", "m3"),)),
    ])
    c = Strategy("c", 3, lambda _ctx: [Claim(frozenset({"m2"}), (_duty("C", "m2"),))])  # free again once b lost m2
    body = (Block(kind="para", text="x", line=1, anchor="m1", level=0),)
    ctx = Context(Document(source="t.txt", id="t", doc_type="Thông báo", body=body), load_registry())
    for order in itertools.permutations((a, b, c)):
        got = merge((s, s.find(ctx)) for s in order)
        assert [(d.agency, d.block) for d in got] == [("A", "m1"), ("B", "m3"), ("C", "m2")]
