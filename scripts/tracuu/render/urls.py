"""Every generated folder, file and link of the site, in one place.

Pages live in folders under docs/; a link is relative to the folder of the
page that holds it (``from_dir``, "" for a page at the site root). The build
(which folders it owns), the benchmarks and every renderer take their paths
from here.
"""

from __future__ import annotations

DOCUMENTS = "van-ban"
AGENCIES = "co-quan"
INSTRUMENTS = "phap-ly"
TOPICS = "chu-de"
EXPORTS = "du-lieu"
INDEXES = "chi-muc"
GUIDANCE = "huong-dan"
GLOSSARY = "tu-dien"
SNIPPETS = "_generated"  # pieces the hand-written home page includes
CALENDAR = "lich-nhiem-vu"

# Folders the build owns: files in them it did not produce are deleted.
GENERATED_DIRS = (DOCUMENTS, AGENCIES, INSTRUMENTS, TOPICS, EXPORTS, INDEXES, GUIDANCE, GLOSSARY, SNIPPETS, CALENDAR)
ABBREVIATIONS = "includes/abbreviations.md"
FEED = "feed.xml"
GENERATED_FILES = (ABBREVIATIONS, FEED)
GLOSSARY_PAGE = f"{GLOSSARY}/index.md"
SEARCH_SYNONYMS = "assets/javascripts/search-synonyms.js"


def page(folder: str, name: str) -> str:
    """A generated page's path under docs/: ``page("van-ban", "x")`` → ``van-ban/x.md``."""
    return f"{folder}/{name}.md"


def href(folder: str, name: str, from_dir: str = "", anchor: str = "") -> str:
    """Link to page ``folder/name.md`` from a page in ``from_dir``."""
    if from_dir == folder:
        base = f"{name}.md"
    elif from_dir:
        base = f"../{folder}/{name}.md"
    else:
        base = f"{folder}/{name}.md"
    return f"{base}#{anchor}" if anchor else base


def page_anchor(anchor: str) -> str:
    """The id a block or footnote has on the rendered page (Python-Markdown names footnotes ``fn:N``)."""
    return "fn:" + anchor[3:] if anchor.startswith("fn-") else anchor


def document(doc_id: str, from_dir: str = "", anchor: str = "") -> str:
    """Link to a document page (and clause)."""
    return href(DOCUMENTS, doc_id, from_dir, page_anchor(anchor))


def document_source(doc_id: str) -> str:
    """Where a document's source text is copied under docs/ (``van-ban/<id>.txt``), a safe file name."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in doc_id).strip(".-") or "van-ban"
    return f"{DOCUMENTS}/{safe}.txt"


def document_source_href(doc_id: str, from_dir: str = "") -> str:
    """Link to that copy from a page in ``from_dir``."""
    name = document_source(doc_id).split("/", 1)[1]
    return name if from_dir == DOCUMENTS else (f"../{DOCUMENTS}/{name}" if from_dir else f"{DOCUMENTS}/{name}")


def agency(agency_id: str, from_dir: str = "", anchor: str = "") -> str:
    return href(AGENCIES, agency_id, from_dir, anchor)


def instrument(instrument_id: str, from_dir: str = "") -> str:
    return href(INSTRUMENTS, instrument_id, from_dir)


def site_document(doc_id: str, anchor: str = "") -> str:
    """A document page's address on the built site, from its root (``van-ban/<id>/#anchor``)."""
    return f"{DOCUMENTS}/{doc_id}/" + (f"#{anchor}" if anchor else "")


def piece(name: str, suffix: str) -> str:
    """The page name of one piece of a split page (``render.paging``): ``bo-cong-an--2024``.

    Slugs never hold two hyphens in a row, so a piece cannot take the name of a record's own page.
    """
    return f"{name}--{suffix}" if suffix else name
