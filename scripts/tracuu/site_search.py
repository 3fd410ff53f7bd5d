"""The site's search index, in pieces: built from the built HTML, read by
``overrides/assets/javascripts/tracuu-search.js``.

    python -m tracuu.site_search SITE_DIR     # mkdocs_hooks.on_post_build runs it

Whatever static generator wrote ``SITE_DIR``, every ``*.html`` page with one
``<h1>`` becomes search entries (``tracuu.search_html``: the page and its
sections, reader text only), as Material's search did, so ranking and the
result list stay the same while nothing depends on Material's search worker.

Terms are those of the old ``lunr.vi`` override: the text is split where
Material's ``search.config.separator`` split it (``20/2021/NĐ-CP`` stays one
token), each token folded (accents and đ; ``tracuu.model.textutil.fold``) and,
when it had accents, also kept as ``=<accented>`` so a query typed with accents
ranks exact words first; a glued token is indexed as its parts, whole
(``20-2021-nd-cp``) and joined (``202021ndcp``). Weights are lunr's BM25
(k1 1.2, b 0 as Material sets it) per field (title ×1000, tags ×10, text ×1), summed, times the
page's search boost, computed here once, so the browser only adds numbers.

Written under ``search/`` as JavaScript files that call
``TracuuSearch.load(kind, key, data)``, loaded with ``<script>`` tags (works
from ``file://``, where ``fetch`` is blocked, and over HTTP alike). What one
query fetches is bounded whatever the corpus size (sizes are raw bytes: neither
``python -m http.server`` nor ``file://`` compresses):

* ``search/manifest.js`` (once): entry count, entries per page, the shard keys,
  rows per page-table file; grows with the number of pages (a few bytes each);
* ``search/t/k<key>.js``: terms whose folded form starts with ``key``; a
  shard is split by one more letter while larger than ``SHARD_BYTES``, and a
  term keeps its ``MAX_POSTINGS`` heaviest postings, so a shard is at most
  about ``SHARD_BYTES`` + one term of ``MAX_POSTINGS`` postings; postings are
  ``[document frequency, entry delta, 2 × round(weight × 100) + in title, ...]``
  (the frequency before the cut: the browser weighs typed words by their idf);
* ``search/p/<n>.js``: the page table, ``[url or #anchor, title, snippet]``
  rows, whole pages per file while they fit in ``ROWS_BYTES`` (a result and
  its sections are one file, mostly); the snippet is the entry's first
  ``SNIPPET`` characters of reader text, cut at a word.
"""

from __future__ import annotations

import argparse
import functools
import heapq
import json
import math
import operator
import re
import shutil
import sys
import unicodedata
from array import array
from collections import Counter, defaultdict
from pathlib import Path

from tracuu.model.textutil import fold
from tracuu.search_html import Entry, page_entries

__all__ = ["Entry", "page_entries", "index_terms", "terms_of", "shard_of", "folded_key", "collect", "files", "write"]

# Material's search.config.separator (overrides/partials/languages/vi.html).
_LETTER = "0-9A-Za-z\u00c0-\u1ef9"
SEPARATOR = re.compile(
    r"[\s,;:!?()\[\]{}<>\"“”‘’«»…]+"
    rf"|[\-–—/.&’](?![{_LETTER}])"
    rf"|(?<![{_LETTER}])[\-–—/.&’]"
)
_EXACT_NON_WORD = re.compile(r"[^\w\u0300-\u036f]+")

# Material's fields, as mkdocs.yml configured them before the site had its own search.
FIELDS = {"title": 1000.0, "text": 1.0, "tags": 10.0}
# b = 0: Material builds its lunr index with `this.b(0)` (no field-length normalisation)
K1, B = 1.2, 0.0
SHARD_BYTES = 24_000
# A term keeps its MAX_POSTINGS heaviest postings (title ones weigh ×1000 and come
# first): "trẻ", "em", "tỉnh" are in most entries of a national corpus, where their
# low idf adds little to a score and the whole list would weigh hundreds of kB.
MAX_POSTINGS = 600
# Page-table files hold whole pages while they fit in ROWS_BYTES (a long page is cut),
# so the rows of one result (its page and sections) are mostly one small file.
ROWS_BYTES = 4_000
SNIPPET = 160
OUT = "search"
_SKIP_DIRS = {"assets", "search", "stylesheets", "javascripts"}


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


@functools.lru_cache(maxsize=1 << 17)
def _token_terms(token: str) -> tuple[str, ...]:
    # A corpus repeats a small vocabulary: at N = 1,000 index_terms ran 12.9 million times.
    return tuple(index_terms(token))


def terms_of(text: str) -> list[str]:
    """Index terms of a text, in order (a token's terms side by side)."""
    out: list[str] = []
    for token in SEPARATOR.split(unicodedata.normalize("NFC", text).lower()):
        if token:
            out.extend(_token_terms(token))
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


def _fields(e: Entry) -> dict[str, Counter[str]]:
    return {"title": Counter(terms_of(e.title)), "text": Counter(terms_of(e.body)), "tags": Counter(terms_of(e.tag_text))}


# lunr's length norm k1 × (1 - b + b × length / average): with b = 0 the same k1 for every entry
NORM = K1 * (1 - B)
assert B == 0.0, "site_search weighs postings by term frequencies alone: b must stay 0"


def _weight(coef: tuple[float, float, float], t: int, x: int, g: int, boost: float) -> int:
    """Encoded posting weight: 2 × round(BM25 summed over title, text, tags × boost × 100) + in title."""
    w = 0.0
    if t:
        w += coef[0] * t / (NORM + t)
    if x:
        w += coef[1] * x / (NORM + x)
    if g:
        w += coef[2] * g / (NORM + g)
    return 2 * max(1, round(w * boost * 100)) + (t > 0)


def _weights(entries: list[Entry]) -> tuple[dict[str, array[int]], Counter[str]]:
    """term → [entry, 2 × round(weight × 100) + in title, ...]: lunr's BM25 per field, summed, × the page's boost;
    and term → in how many (entry, field) it is (lunr's document frequency).

    One pass tokenises each entry once and keeps, per term, its raw term frequencies
    ``[entry, tf title, tf text, tf tags, ...]`` (flat int32 arrays, never every entry's
    counters); the weights need the corpus-wide frequencies, so they are computed after,
    term by term, each raw row replaced by its postings as it is done. b = 0 (Material's
    setting): no field-length normalisation, so entry lengths are not needed."""
    fields = ("title", "text", "tags")  # FIELDS' order: a term's weight sums them in this order
    boosts: list[float] = []
    df: Counter[str] = Counter()
    raw: dict[str, array[int]] = {}
    for i, e in enumerate(entries):
        per = _fields(e)
        boosts.append(e.boost)
        for f in fields:
            df.update(per[f].keys())  # as lunr.idf: an entry counts once per field the term is in
        pt, px, pg = (per[f] for f in fields)
        for term in {**pt, **px, **pg}:  # each term of the entry once
            row = raw.get(term)
            if row is None:
                row = raw[term] = array("i")
            row.extend((i, pt.get(term, 0), px.get(term, 0), pg.get(term, 0)))
    n = len(entries)
    bt, bx, bg = (FIELDS[f] for f in fields)
    flat: dict[str, array[int]] = {}
    for term in list(raw):
        row = raw.pop(term)  # released as it is weighed
        d = df[term]
        idf = math.log(1 + abs((n - d + 0.5) / (d + 0.5)))
        # the products in lunr's order: boost × idf × (k1 + 1) × tf / (norm + tf)
        coef = (bt * idf * (K1 + 1), bx * idf * (K1 + 1), bg * idf * (K1 + 1))
        at = row[0::4]
        # a posting's weight depends on its term frequencies and its page's boost only (b = 0): a term's
        # postings repeat a few of them, so each is weighed once and the rest is looked up in C loops
        keys = list(zip(row[1::4], row[2::4], row[3::4], map(boosts.__getitem__, at), strict=True))
        weight = {k: _weight(coef, *k) for k in set(keys)}
        out = flat[term] = array("q", bytes(16 * len(at)))  # [entry, weight, entry, weight, ...]
        out[0::2] = array("q", at)
        out[1::2] = array("q", map(weight.__getitem__, keys))
    return flat, df


def _heaviest(plist: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The MAX_POSTINGS heaviest postings (ties: first entries first), in entry order."""
    keep = {i for _, i in heapq.nsmallest(MAX_POSTINGS, ((-w, i) for i, w in plist))}
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


def _postings(entries: list[Entry]) -> dict[str, list[int]]:
    """term → flat [document frequency, entry delta, weight, ...], each term cut to its MAX_POSTINGS heaviest."""
    encoded: dict[str, list[int]] = {}
    postings, df = _weights(entries)
    for term in list(postings):
        row = postings.pop(term)  # released as it is encoded
        plist = list(zip(row[::2], row[1::2], strict=True))
        if len(plist) > MAX_POSTINGS:
            plist = _heaviest(plist)
        ids = [i for i, _ in plist]
        flat: list[int] = [df[term]] + [0] * (2 * len(plist))
        flat[1::2] = map(operator.sub, ids, [0, *ids[:-1]])  # entry deltas
        flat[2::2] = [w for _, w in plist]
        encoded[term] = flat
    return encoded


def _row(e: Entry) -> list[str]:
    snippet = e.snippet
    if len(snippet) > SNIPPET:
        snippet = snippet[:SNIPPET].rsplit(" ", 1)[0] + " …"
    return [e.url, e.title, snippet]


def _chunks(entries: list[Entry], sizes: list[int]) -> list[list[list[str]]]:
    """Page-table files: whole pages while they fit in ROWS_BYTES; a longer page is cut."""
    out: list[list[list[str]]] = []
    rows: list[list[str]] = []
    used = 0
    at = 0
    for size in sizes:
        page = [_row(e) for e in entries[at:at + size]]
        at += size
        weight = [len(json.dumps(r, ensure_ascii=False).encode()) + 1 for r in page]
        if rows and used + sum(weight) > ROWS_BYTES:
            out.append(rows)
            rows, used = [], 0
        for r, n in zip(page, weight, strict=True):
            if rows and used + n > ROWS_BYTES:
                out.append(rows)
                rows, used = [], 0
            rows.append(r)
            used += n
    if rows:
        out.append(rows)
    return out


def files(entries: list[Entry], sizes: list[int]) -> dict[str, bytes]:
    """``{path under the site: content}`` of the whole index."""
    encoded = _postings(entries)
    sizes_b = {t: len(t) + 6 + len(json.dumps(v, separators=(",", ":"))) for t, v in encoded.items()}
    keys = _shard_keys(sizes_b)
    shards: dict[str, dict[str, list[int]]] = {key: {} for key in keys}
    for term, flat in encoded.items():
        shards[shard_of(term, keys)][term] = flat
    out: dict[str, bytes] = {}
    for key, terms in shards.items():
        out[f"{OUT}/t/{_file_name(key)}.js"] = _js("t", key, terms)
    starts: list[int] = []
    for c, rows in enumerate(_chunks(entries, sizes)):
        out[f"{OUT}/p/{c}.js"] = _js("p", str(c), rows)
        starts.append(len(rows))
    manifest = {"entries": len(entries), "pages": sizes, "shards": sorted(shards), "rows": starts}
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
