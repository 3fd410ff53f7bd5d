"""The site's search index, in pieces: built from the built HTML, read by
``overrides/assets/javascripts/tracuu-search.js``.

    python -m tracuu.site_search SITE_DIR     # mkdocs_hooks.on_post_build runs it

Whatever static generator wrote ``SITE_DIR``, every ``*.html`` page with one
``<h1>`` becomes one search entry (its title the ``<h1>``, its text what comes
before the first ``<h2>``-``<h6>`` with an ``id``) and every such heading one
more entry (``page#id``), as Material's search did, so ranking and the result
list stay the same while nothing depends on Material's search worker.

Terms are those of the old ``lunr.vi`` override: the text is split where
Material's ``search.config.separator`` split it (``20/2021/NĐ-CP`` stays one
token), each token folded (accents and đ; ``tracuu.model.textutil.fold``) and,
when it had accents, also kept as ``=<accented>`` so a query typed with accents
ranks exact words first; a glued token is indexed as its parts, whole
(``20-2021-nd-cp``) and joined (``202021ndcp``). Weights are lunr's BM25
(k1 1.2, b 0.75) with the title field boosted ×1000, summed over fields,
computed here once, so the browser only adds numbers.

Written under ``search/`` as JavaScript files that call
``TracuuSearch.load(kind, key, data)``, loaded with ``<script>`` tags (works
from ``file://``, where ``fetch`` is blocked, and over HTTP alike):

* ``search/manifest.js``: entry count, entries per page, the shard keys and
  the page-table chunk size;
* ``search/t/<key>.js``: terms whose folded form starts with ``key`` (a shard
  is split by one more letter while larger than ``SHARD_BYTES``); postings are
  ``[entry delta, 2 × weight×100 + in title, ...]``;
* ``search/p/<n>.js``: the page table, ``CHUNK`` entries per file:
  ``[url or #anchor, title, snippet]``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tracuu.model.textutil import fold

# Material's search.config.separator (overrides/partials/languages/vi.html).
_LETTER = "0-9A-Za-z\u00c0-\u1ef9"
SEPARATOR = re.compile(
    r"[\s,;:!?()\[\]{}<>\"“”‘’«»…]+"
    rf"|[\-–—/.&’](?![{_LETTER}])"
    rf"|(?<![{_LETTER}])[\-–—/.&’]"
)
_EXACT_NON_WORD = re.compile(r"[^\w\u0300-\u036f]+")

FIELDS = {"title": 1000.0, "text": 1.0}
K1, B = 1.2, 0.75
SHARD_BYTES = 48_000
# A term in more entries than this ("trẻ", "em" in a national corpus) keeps its
# MAX_POSTINGS heaviest entries and every entry with it in the title: beyond them
# its low idf adds little, and whole it would weigh hundreds of kB per query.
MAX_POSTINGS = 1_000
CHUNK = 64
SNIPPET = 160
OUT = "search"
_SKIP_DIRS = {"assets", "search", "stylesheets", "javascripts"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_IGNORE = {"script", "style", "noscript", "template", "svg", "button"}
# Tags that end a word (text on either side is not one word); inline tags do not.
_BREAK = {"p", "div", "li", "td", "th", "tr", "br", "ul", "ol", "dl", "dt", "dd", "table", "section", "blockquote",
          "pre", "figure", "figcaption", "details", "summary", "hr", "nav", "aside", "caption"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
IGNORE_ATTR = "data-search-ignore"  # an element the search leaves out (the page's build note)


@dataclass
class Entry:
    url: str  # page path ("van-ban/x/index.html") or "#anchor" of a section
    title: str
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join("".join(self.text).split())


class _Page(HTMLParser):
    """The <article> (else <main>, else <body>) of one page, cut at its headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the content root
        self.root: str | None = None
        self.skip = 0
        self.heading: str | None = None
        self.heading_id = ""
        self.heading_text: list[str] = []
        self.entries: list[Entry] = []
        self.h1s = 0
        self.article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.root is None:
            if tag == "article":
                self.root, self.depth, self.article = tag, 1, True
            return
        if tag == self.root:
            self.depth += 1
        if self.skip:
            self.skip += tag not in _VOID
            return
        names = dict(attrs)
        if tag in _IGNORE or IGNORE_ATTR in names or names.get("class") == "headerlink":
            self.skip = int(tag not in _VOID)
            return
        if tag in _HEADINGS:
            self.heading, self.heading_text = tag, []
            self.heading_id = names.get("id") or ""
        elif tag in _BREAK:
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.root is None:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag == self.heading:
            title = " ".join("".join(self.heading_text).split())
            if tag == "h1":
                self.h1s += 1
                if not self.entries:
                    self.entries.append(Entry("", title))
            elif self.heading_id and self.entries:
                self.entries.append(Entry("#" + self.heading_id, title))
            elif self.entries:
                self.entries[-1].text.append(f" {title} ")
            self.heading = None
        elif tag in _BREAK:
            self.handle_data(" ")
        elif tag == self.root:
            self.depth -= 1
            if not self.depth:
                self.root = "done"

    def handle_data(self, data: str) -> None:
        if self.root in (None, "done") or self.skip:
            return
        if self.heading:
            self.heading_text.append(data)
        elif self.entries:
            self.entries[-1].text.append(data)


def page_entries(html: str, url: str) -> list[Entry]:
    """Search entries of one built page: the page, then its sections (none without one <h1>)."""
    parser = _Page()
    parser.feed(html)
    parser.close()
    if parser.h1s != 1 or not parser.entries:
        return []
    parser.entries[0].url = url
    return parser.entries


def index_terms(token: str) -> list[str]:
    """The index terms of one token (as ``TracuuSearch.indexTerms``)."""
    parts = fold(token).split()
    if not parts:
        return []
    if len(parts) == 1:
        exact = [w for w in _EXACT_NON_WORD.split(token.lower()) if w]
        if len(exact) == 1 and exact[0] != parts[0]:
            return [parts[0], "=" + exact[0]]
        return parts
    return [*parts, "-".join(parts), "".join(parts)]


def terms_of(text: str) -> list[str]:
    """Index terms of a text, in order (a token's terms side by side)."""
    out: list[str] = []
    for token in SEPARATOR.split(unicodedata.normalize("NFC", text).lower()):
        if token:
            out.extend(index_terms(token))
    return out


def shard_of(term: str, keys: set[str]) -> str:
    """The longest shard key the term's folded form starts with ("" for none)."""
    folded = folded_key(term)
    for n in range(len(folded), 0, -1):
        if folded[:n] in keys:
            return folded[:n]
    return ""


def folded_key(term: str) -> str:
    """What shards are keyed by: the term folded, without separators ("=trẻ" → "tre")."""
    return fold(term.lstrip("=")).replace(" ", "")


def _shard_keys(sizes: dict[str, int]) -> set[str]:
    """Prefixes of the folded terms: one more letter wherever the terms weigh more than SHARD_BYTES.

    A split prefix keeps the terms no longer than itself; every longer term falls
    under one of its children, so the longest key a term starts with is its shard."""
    keys: set[str] = set()
    pending: list[tuple[str, list[tuple[str, int]]]] = [("", [(folded_key(t), n) for t, n in sizes.items()])]
    while pending:
        key, inside = pending.pop()
        keys.add(key)
        if sum(n for _, n in inside) <= SHARD_BYTES:
            continue
        below: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for f, n in inside:
            if len(f) > len(key):
                below[f[: len(key) + 1]].append((f, n))
        pending.extend(below.items())
    return keys


def _weights(entries: list[Entry]) -> dict[str, list[tuple[int, int]]]:
    """term → [(entry, 2 × round(weight × 100) + in title)], lunr's BM25 per field, summed."""
    counts: list[dict[str, Counter[str]]] = []
    lengths: dict[str, list[int]] = {f: [] for f in FIELDS}
    df: Counter[str] = Counter()
    for e in entries:
        per = {"title": Counter(terms_of(e.title)), "text": Counter(terms_of(e.body))}
        counts.append(per)
        for f in FIELDS:
            lengths[f].append(sum(per[f].values()))
        for f in FIELDS:  # as lunr.idf: an entry counts once per field the term is in
            df.update(per[f].keys())
    n = len(entries)
    avg = {f: (sum(v) / len(v) if v and sum(v) else 1.0) for f, v in lengths.items()}
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, per in enumerate(counts):
        total: dict[str, float] = defaultdict(float)
        for f, boost in FIELDS.items():
            norm = K1 * (1 - B + B * lengths[f][i] / avg[f])
            for term, tf in per[f].items():
                idf = math.log(1 + abs((n - df[term] + 0.5) / (df[term] + 0.5)))
                total[term] += boost * idf * (K1 + 1) * tf / (norm + tf)
        for term, w in total.items():
            postings[term].append((i, 2 * max(1, round(w * 100)) + (term in per["title"])))
    return postings


def _heaviest(plist: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The MAX_POSTINGS heaviest postings and every title one, in entry order."""
    keep = {i for i, w in plist if w & 1}
    keep.update(i for i, _ in sorted(plist, key=lambda p: (-p[1], p[0]))[:MAX_POSTINGS])
    return [p for p in plist if p[0] in keep]


def _js(kind: str, key: str, data: object) -> bytes:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"TracuuSearch.load({json.dumps(kind)},{json.dumps(key, ensure_ascii=False)},{body});\n".encode()


def _file_name(key: str) -> str:
    """Shard file name of a key: "k" + the key (``k.js`` holds what no longer key does)."""
    return "k" + key


def collect(site: Path) -> tuple[list[Entry], list[int]]:
    """Entries of every page under ``site`` in path order, and how many entries each page has."""
    entries: list[Entry] = []
    sizes: list[int] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/")[0] in _SKIP_DIRS or rel == "404.html":
            continue
        found = page_entries(path.read_text(encoding="utf-8"), rel)
        if found:
            entries.extend(found)
            sizes.append(len(found))
    return entries, sizes


def files(entries: list[Entry], sizes: list[int]) -> dict[str, bytes]:
    """``{path under the site: content}`` of the whole index."""
    postings = _weights(entries)
    encoded: dict[str, list[int]] = {}
    for term, plist in postings.items():
        if len(plist) > MAX_POSTINGS:
            plist = _heaviest(plist)
        flat: list[int] = []
        last = 0
        for i, w in plist:
            flat += [i - last, w]
            last = i
        encoded[term] = flat
    sizes_b = {t: len(t) + 6 + len(json.dumps(v, separators=(",", ":"))) for t, v in encoded.items()}
    keys = _shard_keys(sizes_b)
    shards: dict[str, dict[str, list[int]]] = {key: {} for key in keys}
    for term, flat in encoded.items():
        shards[shard_of(term, keys)][term] = flat
    out: dict[str, bytes] = {}
    for key, terms in shards.items():
        out[f"{OUT}/t/{_file_name(key)}.js"] = _js("t", key, terms)
    for c in range(0, len(entries), CHUNK):
        rows = [[e.url, e.title, e.body[:SNIPPET]] for e in entries[c:c + CHUNK]]
        out[f"{OUT}/p/{c // CHUNK}.js"] = _js("p", str(c // CHUNK), rows)
    manifest = {"entries": len(entries), "pages": sizes, "shards": sorted(shards), "chunk": CHUNK}
    out[f"{OUT}/manifest.js"] = _js("m", "", manifest)
    return out


def write(site: Path) -> dict[str, int]:
    """(Re)write ``site/search/``; returns byte counts (total, largest shard, manifest, files)."""
    entries, sizes = collect(site)
    out = files(entries, sizes)
    target = site / OUT
    for sub in ("t", "p"):
        if (target / sub).exists():
            shutil.rmtree(target / sub)
    for rel, data in out.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    shard_sizes = [len(v) for k, v in out.items() if k.startswith(f"{OUT}/t/")]
    return {
        "entries": len(entries),
        "pages": len(sizes),
        "files": len(out),
        "total": sum(len(v) for v in out.values()),
        "largest_shard": max(shard_sizes, default=0),
        "shards": len(shard_sizes),
        "manifest": len(out[f"{OUT}/manifest.js"]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tracuu.site_search", description="write SITE/search/ from SITE's pages")
    ap.add_argument("site", type=Path)
    args = ap.parse_args(argv)
    print(json.dumps(write(args.site)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
