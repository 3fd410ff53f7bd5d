"""The glossary's page (``tu-dien/index.md``) and its tooltips (``includes/abbreviations.md``).

Every generated page ends with the ``*[UBND]: Ủy ban nhân dân`` definitions of
the terms its own text contains (``with_abbreviations``); the ``abbr`` extension
wraps each occurrence in ``<abbr title>``, and Material's ``content.tooltips``
shows the title. Appending the whole list to every page (``pymdownx.snippets``
``auto_append``) made ``abbr`` walk every page with every term: the project's
MkDocs build cost 1.26× stock's with it, 1.03× without (benchmarks/RESULTS-issue15.md).
The hand-written home page includes the full list (``includes/abbreviations.md``).
Terms marked ``tooltip: false`` (letters with several meanings) are listed on
the page but get no tooltip, so "TT Thành ủy" is never glossed "Thông tư".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tracuu.model.corpus import Corpus
from tracuu.model.glossary import Term
from tracuu.model.index import CorpusIndex
from tracuu.model.textutil import collation_key
from tracuu.render import urls
from tracuu.render.mdsafe import escape_inline, link
from tracuu.render.titles import title_of

ABBR_FILE = urls.ABBREVIATIONS
# Snippets included into the home page, not pages: the home page has the whole list.
_SNIPPET_DIRS = (ABBR_FILE.rsplit("/", 1)[0] + "/", urls.SNIPPETS + "/")
PAGE = urls.GLOSSARY_PAGE


def abbreviations_md(terms: list[Term]) -> str:
    """pymdownx/abbr definitions; the title is an attribute, so no Markdown escaping applies."""
    lines = ["<!-- Sinh tự động từ data/glossary.yml (tracuu.glossary); không sửa tay. -->", ""]
    lines += [_definition(t) for t in sorted(terms, key=lambda t: t.term) if t.tooltip]
    return "\n".join(lines) + "\n"


def _definition(t: Term) -> str:
    return f"*[{t.term}]: {' '.join(t.expansion.split())}"


def with_abbreviations(pages: Mapping[str, str], terms: list[Term]) -> Iterator[tuple[str, str]]:
    """Each Markdown page with the definitions of the terms it contains (a superset of what ``abbr``
    marks: a term inside a longer word is defined but not marked, as with the whole list); lazily,
    so a build never holds two copies of its pages."""
    defs = [(t.term, _definition(t)) for t in sorted(terms, key=lambda t: t.term) if t.tooltip]
    for path, text in pages.items():
        page = path.endswith(".md") and not path.startswith(_SNIPPET_DIRS)
        used = [d for term, d in defs if term in text] if page else []
        yield path, (text + "\n" + "\n".join(used) + "\n" if used else text)


def _source_cell(source: str, corpus: Corpus) -> str:
    doc = corpus.document(source) if source else None
    if doc is not None:
        return link(escape_inline(title_of(doc)), urls.document(doc.id, urls.GLOSSARY))
    # A registry file is editor matter: readers see what it is, not its path.
    return "danh mục cơ quan" if source.endswith("agencies.yml") else "—"


def glossary_page(terms: list[Term], corpus: Corpus) -> str:
    out = [
        "---\nsource: data/glossary.yml\nsearch:\n  boost: 1\n---\n",
        "# Từ điển viết tắt\n",
        "Chữ viết tắt gặp trong các văn bản và nghĩa thông dụng của chúng. Trên mọi trang, "
        "đưa chuột (hoặc chạm) vào chữ viết tắt có gạch chấm để xem nghĩa. Cột *Nguồn* cho biết "
        "nghĩa được lấy từ đâu.\n",
        "| Viết tắt | Nghĩa | Ghi chú | Nguồn |",
        "|---|---|---|---|",
    ]
    for t in sorted(terms, key=lambda t: collation_key(t.term)):
        note = escape_inline(t.note) if t.note else ""
        if not t.tooltip:
            note = (note + "; " if note else "") + "nhiều nghĩa, không tự chú thích trên các trang"
        # The term itself is wrapped in backticks-free plain text; abbr adds its own tooltip.
        out.append(
            f"| **{escape_inline(t.term)}** | {escape_inline(t.expansion)} | {note or '—'} | {_source_cell(t.source, corpus)} |"
        )
    return "\n".join(out) + "\n"


def pages(corpus: Corpus, index: CorpusIndex) -> dict[str, str]:
    terms = list(index.glossary)
    return {PAGE: glossary_page(terms, corpus), ABBR_FILE: abbreviations_md(terms)}
