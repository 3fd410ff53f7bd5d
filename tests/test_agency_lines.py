"""Issue 12: a province's Sở links to the ministry of its sector and the ministry to the Sở of
each province in the corpus (data/agencies.yml ``line_ministries``, resolve.agency_index)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.paths import data_dir
from tracuu.registries.agencies import problems
from tracuu.render import agencies as render_agencies
from tracuu.resolve.index import build_index


@cache
def built() -> tuple[Corpus, CorpusIndex, dict[str, str]]:
    corpus = load_corpus()
    index = build_index(corpus)
    return corpus, index, render_agencies.pages(corpus, index)


PAIRS = [
    ("so-y-te-tinh-thai-nguyen", "bo-y-te"),
    ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-thai-nguyen", "bo-lao-dong-thuong-binh-va-xa-hoi"),
    ("so-lao-dong-thuong-binh-va-xa-hoi-tinh-bac-kan", "bo-lao-dong-thuong-binh-va-xa-hoi"),
    ("so-giao-duc-va-dao-tao-tinh-kon-tum", "bo-giao-duc-va-dao-tao"),
    ("cong-an-tinh-bac-kan", "bo-cong-an"),
    ("so-thong-tin-va-truyen-thong-tinh-kon-tum", "bo-thong-tin-va-truyen-thong"),
]


@pytest.mark.parametrize(("local", "ministry"), PAIRS)
def test_province_body_and_ministry_link_both_ways(local: str, ministry: str) -> None:
    _, index, pages = built()
    assert index.agencies[local].line_ministry is not None
    assert index.agencies[local].line_ministry.id == ministry  # type: ignore[union-attr]
    assert local in {a.id for a in index.agencies[ministry].line_offices}
    assert f"]({ministry}.md)" in _line_block(pages[f"co-quan/{local}.md"])
    assert f"]({local}.md)" in _line_block(pages[f"co-quan/{ministry}.md"])


def _line_block(page: str) -> str:
    """The "cùng ngành" section of an agency page (after its duties)."""
    return page.split("{#cung-nganh}", 1)[1].split("\n## ", 1)[0]


def test_every_province_of_the_corpus_is_listed_under_its_ministry() -> None:
    _, index, _ = built()
    provinces = {a.agency.province for a in index.agencies.values() if a.agency.template == "so-y-te"} - {""}
    assert provinces >= {"Bắc Kạn", "Kon Tum", "Thái Nguyên"}
    listed = {a.province for a in index.agencies["bo-y-te"].line_offices}
    assert provinces <= listed


def test_no_pair_for_bodies_outside_a_sector_pair() -> None:
    _, index, pages = built()
    for aid in ("ubnd-tinh", "cac-so-ban-nganh-dia-phuong-tinh-kon-tum", "chinh-phu"):
        if aid in index.agencies:
            assert index.agencies[aid].line_ministry is None and not index.agencies[aid].line_offices
            assert "{#cung-nganh}" not in pages[f"co-quan/{aid}.md"]


BAD = [
    ("{ministry: so-y-te, local: [so-y-te], basis: x}", "must be a template id of level trung ương"),
    ("{ministry: bo-y-te, local: [so-tu-phap], basis: x}", "not one sector"),
    ("{ministry: bo-y-te, local: [phong-y-te], basis: x}", "must be a template id of level tỉnh"),
    ("{ministry: bo-y-te, local: [so-y-te]}", "needs its 'basis'"),
]


@pytest.mark.parametrize(("entry", "message"), BAD)
def test_a_wrong_pair_is_a_problem_with_its_line(tmp_path: Path, entry: str, message: str) -> None:
    text = (data_dir() / "agencies.yml").read_text(encoding="utf-8")
    head, tail = text.split("line_ministries:\n", 1)
    bad = tmp_path / "agencies.yml"
    bad.write_text(head + "line_ministries:\n  - " + entry + "\n" + tail, encoding="utf-8")
    line = head.count("\n") + 2
    found = problems(bad)
    assert len(found) == 1
    assert found[0].line == line and message in found[0].message
