"""Parts of a document page: the header as printed, the print and download buttons, related
documents, and the copy of each source text (``van-ban/<id>.txt``). Pure functions of records
and the index (the source copy is the file's bytes, unchanged)."""

from __future__ import annotations

from pathlib import Path

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex, InstrumentFacts, PrintedHeader, Related
from tracuu.model.records import Document
from tracuu.render import urls
from tracuu.render.mdsafe import escape_block, escape_inline, link
from tracuu.render.titles import title_of

DIR = urls.DOCUMENTS


def _lines(lines: list[str]) -> str:
    return "  \n".join(escape_inline(x, keep_emphasis=False) for x in lines if x)


def _para(text_md: str, cls: str) -> str:
    """A paragraph of already-escaped Markdown with a class (attr_list)."""
    return f"{text_md}\n{{: .{cls} }}\n" if text_md else ""


def _unindexed(md: str) -> str:
    return f'<div data-search-exclude markdown>\n\n{md}\n</div>\n' if md else ""


def header_block(doc: Document, h: PrintedHeader) -> str:
    """The header as the document prints it: issuer and Số on the left, Quốc hiệu and date on
    the right (stacked on a phone), then the type line and the trích yếu. Only printed lines."""
    if doc.doc_type == "Tin bài":
        return ""
    left = _lines(list(h.issuer_lines))
    right = _lines(list(h.motto_lines))
    if not (left or h.number_text or right or h.date_text or h.type_text):
        return ""
    vv = ""
    if doc.subject and doc.subject_prefix:
        # a Công văn prints its trích yếu ("V/v …") under the Số
        vv = f"{escape_inline(doc.subject_prefix)} {escape_inline(doc.subject, keep_emphasis=False)}"
    # The search index keeps what it kept before this block existed (the issuer's and the Quốc
    # hiệu's lines, the trích yếu); the Số, the date and the type line repeat the attribute table
    # and stay out (Material's search ends an excluded block at the first </div>: innermost divs).
    out = ['<div class="doc-header" markdown>\n', '<div class="doc-header__issuer" markdown>\n']
    out.append(_para(left, "doc-header__org"))
    out.append(_unindexed(_para(escape_inline(h.number_text, keep_emphasis=False), "doc-header__number")))
    out.append(_para(vv, "doc-header__vv"))
    out += ["</div>\n", '<div class="doc-header__motto" markdown>\n']
    out.append(_para(right, "doc-header__quochieu"))
    out.append(_unindexed(_para(escape_inline(h.date_text, keep_emphasis=False), "doc-header__date")))
    out += ["</div>\n", "</div>\n"]
    out.append(_unindexed(_para(escape_block(h.type_text, keep_emphasis=False), "doc-type")))
    if doc.subject and not doc.subject_prefix:
        out.append(_para(escape_block(doc.subject, keep_emphasis=False), "doc-subject"))
    return "\n".join(x for x in out if x)


def actions(doc: Document, has_source: bool) -> str:
    """Print and download buttons (no content: out of the search index). The download is a
    Markdown link, so MkDocs makes it relative to wherever the page is served."""
    buttons = ['<button type="button" class="md-button" onclick="window.print()">In văn bản</button>']
    if has_source:
        href = urls.document_source_href(doc.id, DIR)
        name = href.rsplit("/", 1)[-1]
        buttons.append(f'[Tải văn bản gốc (.txt)]({href}){{ .md-button download="{name}" }}')
    return '<div class="doc-actions" data-search-exclude markdown>\n\n' + " ".join(buttons) + "\n\n</div>\n"


def _short_name(facts: InstrumentFacts) -> str:
    """"Chỉ thị 28-CT/TW"; an instrument known by name by its title ("Luật Trẻ em")."""
    return f"{facts.type} {facts.number}".strip() if facts.number else facts.title or facts.id


def _why(r: Related, index: CorpusIndex) -> str:
    why: list[str] = []
    if r.sidecar:
        why.append("cùng sự việc")
    if r.cites:
        why.append("được văn bản này dẫn chiếu")
    if r.cited_by:
        why.append("dẫn chiếu văn bản này")
    if r.same_issuer:
        why.append("cùng cơ quan ban hành")
    if r.shared:
        names = [_short_name(index.instruments[i]) if i in index.instruments else i for i in r.shared]
        why.append("cùng dẫn chiếu " + ", ".join(names))
    return "; ".join(why)


def related_section(doc: Document, corpus: Corpus, index: CorpusIndex) -> str:
    rel = index.related.get(doc.id, ())
    docs = {d.id: d for d in corpus.documents}
    lines = []
    for r in rel:
        other = docs.get(r.doc_id)
        if other is None:
            continue
        why = _why(r, index)
        tail = f" — {escape_inline(why)}" if why else ""
        lines.append(f"- {link(escape_inline(title_of(other)), urls.document(other.id, DIR))}{tail}")
    if not lines:
        return ""
    return "## Văn bản liên quan {#lien-quan}\n\n" + "\n".join(lines) + "\n"


def source_path(doc: Document, corpus: Corpus) -> Path | None:
    path = Path(corpus.root) / doc.source
    return path if doc.source and path.is_file() else None


def files(corpus: Corpus, index: CorpusIndex) -> dict[str, bytes]:
    """Each document's source text, byte for byte, beside its page (``van-ban/<id>.txt``)."""
    out: dict[str, bytes] = {}
    for doc in corpus.documents:
        path = source_path(doc, corpus)
        if path is not None:
            out[urls.document_source(doc.id)] = path.read_bytes()
    return out
