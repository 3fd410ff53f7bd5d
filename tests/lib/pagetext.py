"""Shared helpers of the page tests: the corpus, its index, and a document page as HTML and words."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs.config import load_config

from tracuu.build import build, load_corpus
from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.model.textutil import fold
from tracuu.render.documents import render_document_page
from tracuu.resolve.index import build_index

ROOT = Path(__file__).resolve().parents[2]

_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@cache
def corpus() -> Corpus:
    return load_corpus(ROOT)


@cache
def index() -> CorpusIndex:
    return build_index(corpus())


@cache
def md() -> markdown.Markdown:
    # The site's Markdown appends the generated glossary snippet to every page
    # (pymdownx.snippets, check_paths): generate it as `mkdocs build` would.
    build(ROOT)
    cfg = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=cfg["markdown_extensions"], extension_configs=cfg["mdx_configs"])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_html(d: Document) -> str:
    text = render_document_page(d, corpus(), index())
    body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    m = md()
    m.reset()
    return m.convert(body)


def page_words(d: Document) -> list[str]:
    p = _Text()
    p.feed(page_html(d))
    return fold(" ".join(p.parts)).split()


def words_of(text: str) -> list[str]:
    """Folded words; footnote markers are checked as footnote links, not as words."""
    return fold(_SUPERSCRIPTS.sub(" ", text)).split()


def _subsequence_gap(needle: list[str], hay: list[str]) -> int | None:
    """Index in ``needle`` of the first word not found in order in ``hay`` (None when all are)."""
    it = iter(hay)
    for i, w in enumerate(needle):
        if not any(w == h for h in it):
            return i
    return None
