#!/usr/bin/env python3
"""Search benchmark: index size, and per query the raw bytes fetched and the cold time to results.

    python benchmarks/bench_search.py --site site [--queries "đuối nước" "trẻ em" ...]
        [--query-file tests/data/search_queries.yaml] [--json out.json]

For each query a fresh browser context (empty cache: cold) opens the home page
of the built site, served by ``http.server`` (no compression, as ``file://``),
waits until the network is idle, then types the query into the CONTRACT §2 box
as a person would (15 ms between keys, as ``../shared/eval/search_eval.py``) and
waits until the results on screen answer the whole query (``data-tracuu-query``
on the results element; ``.md-search-result__item`` on a Material-search site).
Reported per query:

* ``home B``: bytes the home page loaded (HTML, CSS, scripts) before the first key;
* ``search B``: bytes fetched from the first key until the results (index
  manifest, term shards, page-table files, vocabulary), with the shards' and
  the page-table files' share;
* ``total B``: both (the issue-15 target is ≤ 2 MB from opening the home page);
* ``ms``: from the last key press until the results answer the whole query;
* ``files``: requests under ``search/``.

Bytes are the sizes of the files served (raw, uncompressed). Times are wall
clock: print the load average next to them (the script does).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

import yaml

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
QUERIES = ["đuối nước", "xam hai tre em", "20/2021/NĐ-CP", "20 2021 nd cp", "trẻ em", "Sở Y tế", "tổng đài 111"]
UI = [("[data-search-input]", "[data-search-results]", "[data-search-results] a"),
      (".md-search__input", "[data-md-component=search-result]", ".md-search-result__item > a")]
_ANSWERED = """([query, input, results, link]) => {
  const box = document.querySelector(input), out = document.querySelector(results)
  if (!box || !out || box.value !== query) return false
  if (out.hasAttribute("data-tracuu-query")) return out.getAttribute("data-tracuu-query") === query
  return !!document.querySelector(link)
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def index_figures(site: Path) -> dict[str, Any]:
    root = site / "search"
    files = [p for p in root.rglob("*") if p.is_file()]

    def sizes(sub: str) -> list[int]:
        return [p.stat().st_size for p in files if p.relative_to(root).as_posix().startswith(sub)]

    out: dict[str, Any] = {"bytes": sum(p.stat().st_size for p in files), "files": len(files)}
    manifest = root / "manifest.js"
    if manifest.exists():
        text = manifest.read_text(encoding="utf-8")
        data = json.loads(text[text.index("{"):text.rindex("}") + 1])
        out.update(entries=data["entries"], pages=len(data["pages"]), manifest=manifest.stat().st_size,
                   shards=len(sizes("t/")), largest_shard=max(sizes("t/"), default=0),
                   row_files=len(sizes("p/")), largest_row_file=max(sizes("p/"), default=0))
    return out


def _file_size(site: Path, url: str) -> int:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    f = site / path
    if f.is_dir() or not path:
        f = f / "index.html"
    return f.stat().st_size if f.is_file() else 0


def _record(into: list[str], request: Any) -> None:
    into.append(request.url)


def measure(site: Path, queries: list[str]) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows: list[dict[str, Any]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for q in queries:
                context = browser.new_context()  # empty cache: cold
                page = context.new_page()
                fetched: list[str] = []
                page.on("requestfinished", functools.partial(_record, fetched))
                page.goto(base)
                page.wait_for_load_state("networkidle")
                home = len(fetched)
                box, results, link = next(u for u in UI if page.query_selector(u[0]))
                page.click(box)
                page.type(box, q, delay=15)
                typed = time.perf_counter()
                page.wait_for_function(_ANSWERED, arg=[q, box, results, link], timeout=120_000)
                ms = (time.perf_counter() - typed) * 1000
                home_b = sum(_file_size(site, u) for u in fetched[:home])
                search_b = sum(_file_size(site, u) for u in fetched[home:])
                after = fetched[home:]
                rows.append({"query": q, "home": home_b, "search": search_b, "total": home_b + search_b, "ms": ms,
                             "files": sum(1 for u in after if "/search/" in u),
                             "shards": sum(_file_size(site, u) for u in after if "/search/t/" in u),
                             "rows": sum(_file_size(site, u) for u in after if "/search/p/" in u),
                             "results": len(page.query_selector_all(link))})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, default=Path("site"))
    ap.add_argument("--queries", nargs="*", default=QUERIES)
    ap.add_argument("--query-file", type=Path, help="a YAML list of {q: ...} (tests/data/search_queries.yaml)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    queries = list(args.queries)
    if args.query_file:
        queries = [item["q"] for item in yaml.safe_load(args.query_file.read_text(encoding="utf-8"))]
    fig = index_figures(args.site)
    print("index: " + ", ".join(f"{k} {v}" for k, v in fig.items()))
    load0 = os.getloadavg()
    rows = measure(args.site, queries)
    load1 = os.getloadavg()
    print("| query | home B | search B (shards + rows) | total B | search files | ms (last key → results) | results |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['query']} | {r['home']:,} | {r['search']:,} ({r['shards']:,} + {r['rows']:,}) | {r['total']:,} "
              f"| {r['files']} | {r['ms']:.0f} "
              f"| {r['results']} |")
    if rows:
        print(f"median ms {statistics.median(r['ms'] for r in rows):.0f}; max total B {max(r['total'] for r in rows):,}; "
              f"load average {load0[0]:.1f} before, {load1[0]:.1f} after")
    if args.json:
        args.json.write_text(json.dumps({"index": fig, "queries": rows, "load": [load0, load1]}, ensure_ascii=False,
                                        indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
