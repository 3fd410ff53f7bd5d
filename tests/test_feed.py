"""feed.xml: well-formed Atom, one entry per document (newest first), escaped, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tracuu.build import load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.render import feed
from tracuu.render.feed import ATOM, build_feed, entry_date
from tracuu.resolve.index import build_index

ROOT = Path(__file__).resolve().parents[1]
NS = {"a": ATOM}


def files(c: Corpus) -> dict[str, bytes]:
    return feed.files(c, CorpusIndex())  # the feed needs nothing from the index


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(ROOT)


def parse(data: bytes) -> ET.Element:
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(data)


def test_one_entry_per_document_newest_first(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    out = files(corpus)
    assert list(out) == ["feed.xml"]
    root = parse(out["feed.xml"])
    assert root.tag == f"{{{ATOM}}}feed"
    entries = root.findall("a:entry", NS)
    assert len(entries) == len(corpus.documents)
    links = [e.find("a:link", NS).get("href", "") for e in entries]  # type: ignore[union-attr]
    assert sorted(links) == sorted(f"van-ban/{d.id}/" for d in corpus.documents)
    dates = [e.findtext("a:updated", default="", namespaces=NS) for e in entries]
    assert all(dates)
    assert dates == sorted(dates, reverse=True)
    assert root.findtext("a:updated", namespaces=NS) == dates[0]
    ids = [e.findtext("a:id", namespaces=NS) for e in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)
    for e in entries:
        assert e.findtext("a:title", namespaces=NS)


def test_every_document_page_exists(corpus: Corpus) -> None:
    """The feed links to pages the build writes (docs/van-ban/<id>.md)."""
    from tracuu.render.documents import pages

    written = set(pages(corpus, build_index(corpus)))
    for d in corpus.documents:
        assert f"van-ban/{d.id}.md" in written


def test_deterministic_and_absolute_with_site_url(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/repo")
    a, b = files(corpus)["feed.xml"], files(corpus)["feed.xml"]
    assert a == b
    root = parse(a)
    self_link = [ln.get("href") for ln in root.findall("a:link", NS) if ln.get("rel") == "self"]
    assert self_link == ["https://owner.github.io/repo/feed.xml"]
    for e in root.findall("a:entry", NS):
        assert e.find("a:link", NS).get("href", "").startswith("https://owner.github.io/repo/van-ban/")  # type: ignore[union-attr]


def test_escaping_and_forbidden_characters() -> None:
    nasty = Document(
        source="x.txt",
        id="x",
        doc_type="Công văn",
        number="1/A&B",
        issuer='Sở <Y tế> & "Dân số"',
        date="2024-02",
        subject="Về việc <script>alert(1)</script> & trẻ em\x0b\x01 ]]> cuối",
    )
    data = build_feed([nasty])
    assert b"<script>" not in data and b"\x0b" not in data and b"\x01" not in data
    entry = parse(data).find("a:entry", NS)
    assert entry is not None
    title = entry.findtext("a:title", namespaces=NS) or ""
    assert "<script>alert(1)</script> & trẻ em" in title and "]]> cuối" in title
    assert entry.findtext("a:author/a:name", namespaces=NS) == 'Sở <Y tế> & "Dân số"'
    assert entry.findtext("a:updated", namespaces=NS) == "2024-02-01T00:00:00Z"


def test_dates_only_as_precise_as_the_data() -> None:
    assert entry_date(Document(source="", id="a", doc_type="", date="2024")) == "2024-01-01T00:00:00Z"
    undated = Document(source="", id="b", doc_type="", meta=(("retrieved", "2025-03-04"),))
    assert entry_date(undated) == "2025-03-04T00:00:00Z"
    assert entry_date(Document(source="", id="c", doc_type="")) == "1970-01-01T00:00:00Z"
    assert parse(build_feed([])).findtext("a:updated", namespaces=NS) == "1970-01-01T00:00:00Z"
