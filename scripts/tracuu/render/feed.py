"""Atom feed of the newest documents: ``files(corpus) -> {"feed.xml": bytes}``.

Deterministic: the same corpus (and the same ``SITE_URL``) gives the same
bytes. No build timestamp: every date comes from the documents themselves
(the date line, else the sidecar's ``retrieved``). Entry ids are
``urn:uuid`` values derived from the page id, so they survive a move of the
site. Links are absolute when ``SITE_URL`` is set (the same variable
``mkdocs.yml`` reads for ``site_url``; CI sets it from configure-pages),
otherwise relative to the feed, which lives at the site root.
"""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET

from tracuu.model.corpus import Corpus
from tracuu.model.index import CorpusIndex
from tracuu.model.records import Document
from tracuu.render import urls
from tracuu.render.titles import title_of

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = urls.FEED
MAX_ENTRIES = 50
SITE_TITLE = "Tra cứu công tác trẻ em"
SITE_SUBTITLE = "Văn bản mới về bảo vệ, chăm sóc, giáo dục trẻ em"
_EPOCH = "1970-01-01T00:00:00Z"
# Characters XML 1.0 forbids even when escaped.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _text(s: str) -> str:
    return _BAD_XML.sub("", s)


def atom_date(iso: str) -> str:
    """``2024-01-24`` → ``2024-01-24T00:00:00Z``; ``2024-01`` → the 1st; ``2024`` → 1 January; else ""."""
    m = _ISO.match(iso.strip()) if iso else None
    if not m:
        return ""
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}T00:00:00Z"


def _retrieved(doc: Document) -> str:
    return next((v for k, v in doc.meta if k == "retrieved"), "")


def entry_date(doc: Document) -> str:
    return atom_date(doc.date) or atom_date(_retrieved(doc)) or _EPOCH


def page_url(doc: Document, base: str) -> str:
    rel = urls.site_document(doc.id)
    return base + rel if base else rel


def doc_uuid(doc: Document) -> str:
    # A fixed name, not a link: an entry keeps its id if the folder is ever renamed.
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'tracuu:van-ban/' + doc.id)}"


def _title(doc: Document) -> str:
    return title_of(doc)


def _summary(doc: Document) -> str:
    parts = [p for p in (doc.issuer, doc.number, doc.date) if p]
    head = " · ".join(parts)
    return f"{head}. {doc.subject}" if head and doc.subject else head or doc.subject


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _text(text)
    return el


def build_feed(documents: tuple[Document, ...] | list[Document], base: str = "") -> bytes:
    base = base.rstrip("/") + "/" if base else ""
    docs = sorted(documents, key=lambda d: (entry_date(d), d.id), reverse=True)[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    _sub(feed, "title", SITE_TITLE)
    _sub(feed, "subtitle", SITE_SUBTITLE)
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'tracuu:feed')}")
    _sub(feed, "updated", entry_date(docs[0]) if docs else _EPOCH)
    if base:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_PATH)
    _sub(feed, "link", rel="alternate", type="text/html", href=base or "./")
    author = _sub(feed, "author")
    _sub(author, "name", SITE_TITLE)
    _sub(feed, "generator", "tracuu")
    for d in docs:
        e = _sub(feed, "entry")
        _sub(e, "title", _title(d))
        _sub(e, "id", doc_uuid(d))
        _sub(e, "link", rel="alternate", type="text/html", href=page_url(d, base))
        _sub(e, "updated", entry_date(d))
        if atom_date(d.date):
            _sub(e, "published", atom_date(d.date))
        if d.issuer:
            _sub(_sub(e, "author"), "name", d.issuer)
        if d.doc_type:
            _sub(e, "category", term=d.doc_type)
        _sub(e, "summary", _summary(d))
    ET.indent(feed, space="  ")
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def files(corpus: Corpus, index: CorpusIndex) -> dict[str, bytes]:
    return {FEED_PATH: build_feed(corpus.documents, os.environ.get("SITE_URL", ""))}
