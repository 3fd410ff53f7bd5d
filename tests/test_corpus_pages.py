"""Cross-page promises on the real corpus: every addressee has a page, deep links land on clauses."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from tracuu.build import load_corpus, render_all
from tracuu.model.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]


@cache
def corpus() -> Corpus:
    return load_corpus(ROOT)


@cache
def pages() -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in render_all(corpus()).items() if k.endswith(".md")}


def test_every_duty_bearer_has_a_page() -> None:
    missing = {(d.agency_id, d.agency_text) for doc in corpus().documents for d in doc.duties
               if f"co-quan/{d.agency_id}.md" not in pages()}
    assert not missing


def test_so_y_te_bac_kan_lists_its_two_duties_with_clause_links() -> None:
    page = pages()["co-quan/so-y-te-tinh-bac-kan.md"]
    assert page.splitlines()[page.splitlines().index("---", 1) + 2] == "# Sở Y tế tỉnh Bắc Kạn"
    links = re.findall(r"\(\.\./van-ban/2024-01-thong-bao-ket-luan-bcd-tre-em-bac-kan\.md#(m3-b\d)\)", page)
    assert sorted(set(links)) == ["m3-b1", "m3-b2"]


def test_every_clause_link_points_at_an_existing_block() -> None:
    anchors = {doc.id: {b.anchor for b in doc.body} | {f"fn:{f.number}" for f in doc.footnotes} for doc in corpus().documents}
    bad = []
    for path, text in pages().items():
        for doc_id, anchor in re.findall(r"van-ban/([a-z0-9-]+)\.md#([^)\s\"]+)", text):
            if anchor not in anchors.get(doc_id, set()):
                bad.append((path, doc_id, anchor))
    assert not bad, bad[:10]


def test_ministry_leads_the_indicators_of_the_circular() -> None:
    bo = [d for doc in corpus().documents for d in doc.duties
          if d.agency_id == "bo-lao-dong-thuong-binh-va-xa-hoi" and d.role == "chủ trì" and re.fullmatch(r"pl-(iii|iv)-\d{4}", d.block)]
    assert len(bo) >= 40
    page = pages()["co-quan/bo-lao-dong-thuong-binh-va-xa-hoi.md"]
    assert page.count("chủ trì") >= 40
