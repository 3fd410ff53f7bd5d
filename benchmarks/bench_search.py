#!/usr/bin/env python3
"""Search benchmark: median time to first result and index bytes per page.

    python benchmarks/bench_search.py --site site [--stock-site /tmp/site-stock]
        [--queries tests/data/search_queries.yaml] [--repeat 1]

Types every query into the built site's search box in headless Chromium
(Debian /usr/bin/chromium, as ../shared/eval/search_eval.py does) and reports
the median and p90 time from the last key press to the first result, plus the
search index size: every file under search/ (the sharded index of
tracuu.site_search, or a Material search_index.json), pages, bytes per page.
With --stock-site (the same docs built by stock Material,
e.g. `mkdocs build` with theme.custom_dir and the search-related settings
removed) both are printed side by side.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import yaml

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def index_figures(site: Path) -> dict[str, float]:
    files = [p for p in (site / "search").rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    material = site / "search" / "search_index.json"
    if material.exists():
        docs = json.loads(material.read_bytes())["docs"]
        entries, pages = len(docs), sum(1 for d in docs if "#" not in d["location"])
    else:
        text = (site / "search" / "manifest.js").read_text(encoding="utf-8")
        manifest = json.loads(text[text.index("{"):text.rindex("}") + 1])
        entries, pages = manifest["entries"], len(manifest["pages"])
    return {"bytes": total, "entries": entries, "pages": pages, "bytes_per_page": total / max(pages, 1)}


# CONTRACT §2: the first (input, result link) pair the home page has.
UI = [("[data-search-input]", "[data-search-results] a"), (".md-search__input", ".md-search-result__item > a")]


def latencies(site: Path, queries: list[str], repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out: list[float] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page()
            for _ in range(repeat):
                for q in queries:
                    page.goto(base)
                    page.wait_for_load_state("networkidle")
                    box, link = next((i, a) for i, a in UI if page.query_selector(i))
                    page.click(box)
                    page.fill(box, "")
                    page.type(box, q, delay=15)
                    typed = time.perf_counter()
                    while time.perf_counter() - typed < 10:
                        if page.query_selector(link):
                            out.append((time.perf_counter() - typed) * 1000)
                            break
                        page.wait_for_timeout(5)
            browser.close()
    finally:
        server.shutdown()
    return out


def report(name: str, site: Path, queries: list[str], repeat: int) -> None:
    fig = index_figures(site)
    lat = latencies(site, queries, repeat)
    med = statistics.median(lat) if lat else float("nan")
    p90 = statistics.quantiles(lat, n=10)[-1] if len(lat) >= 10 else float("nan")
    print(f"{name:8} index {fig['bytes']:>9} B | {fig['pages']:>4} pages, {fig['entries']:>5} entries | "
          f"{fig['bytes_per_page']:>7.0f} B/page | first result median {med:.0f} ms, p90 {p90:.0f} ms "
          f"({len(lat)}/{len(queries) * repeat} answered)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", type=Path, default=Path("site"))
    ap.add_argument("--stock-site", type=Path)
    default_queries = Path(__file__).resolve().parents[1] / "tests" / "data" / "search_queries.yaml"
    ap.add_argument("--queries", type=Path, default=default_queries)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    queries = [item["q"] for item in yaml.safe_load(args.queries.read_text(encoding="utf-8"))]
    report("tracuu", args.site, queries, args.repeat)
    if args.stock_site:
        report("stock", args.stock_site, queries, args.repeat)


if __name__ == "__main__":
    main()
