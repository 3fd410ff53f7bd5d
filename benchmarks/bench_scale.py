#!/usr/bin/env python3
"""Scale benchmark on a realistic generated corpus (issue 15), side by side with stock MkDocs + Material.

    python benchmarks/bench_scale.py [--sizes 200 1000 2000] [--rounds 3] [--work /tmp/bench-scale]
        [--query "đuối nước"] [--json results.json] [--no-browser]
    python benchmarks/bench_scale.py --report results.json     # print the table of a saved run

For each N: benchmarks/gen_corpus.py makes a project copy with N recombined
sources, then, interleaved for --rounds rounds:

* ``tracuu build`` (generated folders removed first, so every page is written);
* the project's ``mkdocs build`` with the generator hook off (TRACUU_SKIP_GENERATE=1);
* a stock MkDocs + Material build of the same docs/: theme material (language
  vi), the search plugin, the same nav and Markdown extensions except the
  glossary snippet appended to every page, and no hooks, custom_dir, tags,
  extra CSS or JS;

each timed as a whole child process (wall, user+system CPU and peak RSS from
os.wait4). Medians are printed with the stock ratios taken round by round.
Then the project site is measured (pages, bytes per page, the largest pages,
search index raw and gzip) and, in headless Chromium against
``python -m http.server`` on 127.0.0.1, the cold time from opening the home
page to the first search result for --query and the bytes fetched until then
(the server's log of files sent, summed from disk; Playwright's own count of
response bodies is printed next to it). Growth exponents log(v2/v1)/log(N2/N1)
are printed between the two largest sizes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_corpus import GENERATED_DOCS, copy_project, generate  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
TARGETS = {"tracuu_vs_stock": 0.5, "total_vs_stock": 1.5, "exponent": 1.1, "page_mb": 1.0, "search_s": 1.0,
           "search_mb": 2.0, "peak_gb": 2.0}


def run(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> dict[str, float]:
    """Run a child to completion; its wall seconds, CPU seconds and peak RSS (MB) from the kernel."""
    with log.open("ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}); see {log}")
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak_mb": ru.ru_maxrss / 1024}


def stock_config(proj: Path) -> Path:
    """A stock MkDocs + Material configuration over the project's docs/ (no hooks, overrides or extra JS)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    cfg = yaml.load((proj / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    exts: list[Any] = []
    for e in cfg.get("markdown_extensions", []):
        name = e if isinstance(e, str) else next(iter(e))
        if name in ("pymdownx.snippets",):
            continue  # auto-appends the glossary to every page: a project feature, not stock
        if name == "toc":
            exts.append({"toc": {"permalink": False}})
            continue
        exts.append(e)
    stock = {
        "site_name": cfg["site_name"], "docs_dir": "docs", "strict": False,
        "theme": {"name": "material", "language": "vi"},
        "plugins": ["search"], "markdown_extensions": exts, "nav": cfg.get("nav"),
        "exclude_docs": cfg.get("exclude_docs", ""),
    }
    path = proj / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(stock, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def clean_generated(proj: Path) -> None:
    for g in GENERATED_DOCS:
        q = proj / "docs" / g
        if q.is_dir():
            shutil.rmtree(q)
        elif q.exists():
            q.unlink()


def site_figures(site: Path) -> dict[str, Any]:
    html = [p for p in site.rglob("*.html")]
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    largest = sorted(((p.stat().st_size, str(p.relative_to(site))) for p in html), reverse=True)[:10]
    # the whole search index: Material's search_index.json or the site's own shards (every file under search/)
    raw = b"".join(p.read_bytes() for p in sorted((site / "search").rglob("*")) if p.is_file())
    return {"pages": len(html), "site_bytes": total, "html_bytes": sum(p.stat().st_size for p in html),
            "bytes_per_page": total / max(len(html), 1), "largest": largest,
            "index_raw": len(raw), "index_gzip": len(gzip.compress(raw, 6)) if raw else 0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cold_search(site: Path, query: str, log: Path, timeout_s: float = 120) -> dict[str, Any]:
    """Cold browser: open the home page, type the query, wait for the first result."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    srv_log = log.with_suffix(".http.log")
    with srv_log.open("wb") as err:
        server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                   "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=err)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        body_bytes = [0]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            context = browser.new_context()
            page = context.new_page()

            def finished(req: Any) -> None:
                try:
                    body_bytes[0] += req.sizes()["responseBodySize"]
                except Exception:  # a request torn down with the page
                    pass

            context.on("requestfinished", finished)
            srv_mark = srv_log.stat().st_size
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
            own = page.wait_for_selector("[data-search-input], .md-search__input", state="attached").get_attribute(
                "data-search-input") is not None  # CONTRACT §2: the site's own box, else Material's
            page.click("[data-search-input]" if own else ".md-search__input")
            page.keyboard.type(query)
            found = None
            while time.perf_counter() - t0 < timeout_s:
                if page.query_selector("[data-search-results] a" if own else ".md-search-result__item > a"):
                    found = time.perf_counter() - t0
                    break
                page.wait_for_timeout(10)
            text = srv_log.read_bytes()[srv_mark:].decode("utf-8", "replace")
            browser.close()
    finally:
        server.terminate()
        server.wait()
    fetched = 0
    paths = re.findall(r'"GET (\S+) HTTP/[\d.]+" 200', text)
    from urllib.parse import unquote, urlsplit
    for p in paths:
        f = site / unquote(urlsplit(p).path).lstrip("/")
        if f.is_dir():
            f = f / "index.html"
        if f.is_file():
            fetched += f.stat().st_size
    return {"first_result_s": found, "fetched_bytes": fetched, "requests": len(paths),
            "playwright_body_bytes": body_bytes[0]}


def bench_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    proj = args.work / f"n{n}"
    copy_project(ROOT, proj)
    generate(ROOT, proj / "sources", n, args.seed, args.central_share)
    log = args.work / f"n{n}.log"
    log.write_text("")
    py = sys.executable
    # TRACUU_NO_CACHE: every round parses every source (the parse cache would make rounds after the first warm)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TRACUU_ROOT=str(proj), PYTHONDONTWRITEBYTECODE="1",
               TRACUU_NO_CACHE="1")
    env_off = dict(env, TRACUU_SKIP_GENERATE="1")
    stock = stock_config(proj)
    rows: dict[str, list[dict[str, float]]] = {"tracuu": [], "project": [], "stock": []}
    res: dict[str, Any] = {"n": n, "rounds": rows, "load": os.getloadavg()}
    res["sources_bytes"] = sum(p.stat().st_size for p in (proj / "sources").iterdir())

    def step(name: str, cmd: list[str], e: dict[str, str]) -> None:
        rows[name].append(run(cmd, proj, e, log))
        x = rows[name][-1]
        print(f"  N={n} {name}: {x['wall']:.1f} s wall / {x['cpu']:.1f} s CPU / {x['peak_mb']:.0f} MB "
              f"(load {os.getloadavg()[0]:.1f})", flush=True)
        res["load"] = os.getloadavg()
        if args.json:  # partial results survive an interrupted run
            save(args.json, [res])

    for r in range(args.rounds):
        clean_generated(proj)
        step("tracuu", [py, "-m", "tracuu.cli", "--root", str(proj), "build", "--quiet"], env)
        if r == 0:
            res["markdown"] = markdown_figures(proj / "docs")
        steps = [("project", [py, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(proj / "site")], env_off),
                 ("stock", [py, "-m", "mkdocs", "build", "-q", "-f", str(stock), "-d", str(proj / "site-stock")], env)]
        if r % 2:
            steps.reverse()
        for name, cmd, e in steps:
            step(name, cmd, e)
    res["md_pages"] = sum(1 for _ in (proj / "docs").rglob("*.md"))
    res["site"] = site_figures(proj / "site")
    res["stock_site"] = site_figures(proj / "site-stock")
    if not args.no_browser:
        res["search"] = cold_search(proj / "site", args.query, log)
        res["stock_search"] = cold_search(proj / "site-stock", args.query, log)
    if not args.keep:
        shutil.rmtree(proj / "site-stock", ignore_errors=True)
    return res


def markdown_figures(docs: Path) -> dict[str, Any]:
    """Generated Markdown right after `tracuu build`: pages, bytes, the largest (a proxy for HTML sizes)."""
    md = [(p.stat().st_size, str(p.relative_to(docs))) for p in docs.rglob("*.md")]
    return {"pages": len(md), "bytes": sum(b for b, _ in md), "largest": sorted(md, reverse=True)[:10]}


def save(path: Path, new: list[dict[str, Any]]) -> None:
    old = json.loads(path.read_text()) if path.exists() else []
    keep = [r for r in old if r["n"] not in {x["n"] for x in new}]
    path.write_text(json.dumps(sorted(keep + new, key=lambda r: r["n"]), ensure_ascii=False, indent=1))


def med(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def ratio(a: list[dict[str, float]], b: list[dict[str, float]], key: str) -> float:
    return statistics.median(x[key] / y[key] for x, y in zip(a, b, strict=False))


def exponent(v1: float, v2: float, n1: int, n2: int) -> float:
    return math.log(v2 / v1) / math.log(n2 / n1) if v1 > 0 and v2 > 0 else float("nan")


def table(results: list[dict[str, Any]]) -> str:
    cols = [f"N={r['n']}" for r in results]
    lines = ["| | " + " | ".join(cols) + " | target |", "|---|" + "---|" * len(cols) + "---|"]

    def safe(f: Any, r: dict[str, Any]) -> str:
        try:
            return str(f(r))
        except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError, statistics.StatisticsError):
            return "—"  # not measured (an interrupted run)

    def row(label: str, f: Any, target: str = "") -> None:
        lines.append(f"| {label} | " + " | ".join(safe(f, r) for r in results) + f" | {target} |")

    def total(r: dict[str, Any], i: int, key: str) -> float:
        return r["rounds"]["tracuu"][i][key] + r["rounds"]["project"][i][key]

    def tot_ratio(r: dict[str, Any], key: str) -> float:
        k = len(r["rounds"]["stock"])
        return statistics.median(total(r, i, key) / r["rounds"]["stock"][i][key] for i in range(k))

    for step, label in (("tracuu", "`tracuu build`"), ("project", "project `mkdocs build` (generator off)"),
                        ("stock", "stock MkDocs + Material, same pages")):
        row(f"{label}: wall / CPU s", lambda r, s=step: f"{med(r['rounds'][s], 'wall'):.1f} / {med(r['rounds'][s], 'cpu'):.1f}")
    row("`tracuu build` ÷ stock (CPU; wall)", lambda r: f"{ratio(r['rounds']['tracuu'], r['rounds']['stock'], 'cpu'):.2f}; "
        f"{ratio(r['rounds']['tracuu'], r['rounds']['stock'], 'wall'):.2f}", "≤ 0.5")
    row("project mkdocs ÷ stock (CPU)", lambda r: f"{ratio(r['rounds']['project'], r['rounds']['stock'], 'cpu'):.2f}")
    row("whole build (tracuu + project mkdocs) ÷ stock (CPU; wall)",
        lambda r: f"{tot_ratio(r, 'cpu'):.2f}; {tot_ratio(r, 'wall'):.2f}", "≤ 1.5")
    row("peak memory MB (tracuu / project mkdocs / stock)", lambda r: " / ".join(
        f"{max(x['peak_mb'] for x in r['rounds'][s]):.0f}" for s in ("tracuu", "project", "stock")), "≤ 2048")
    row("rounds; load avg after", lambda r: f"{len(r['rounds']['tracuu'])}; {r['load'][0]:.1f}")
    row("generated Markdown: pages / MB / largest MB", lambda r: f"{r['markdown']['pages']} / "
        f"{r['markdown']['bytes'] / 1e6:.1f} / {r['markdown']['largest'][0][0] / 1e6:.2f}")
    row("HTML pages (project / stock)", lambda r: f"{r['site']['pages']} / {r['stock_site']['pages']}")
    row("site MB (project / stock)", lambda r: f"{r['site']['site_bytes'] / 1e6:.1f} / {r['stock_site']['site_bytes'] / 1e6:.1f}")
    row("site KB per page (project / stock)",
        lambda r: f"{r['site']['bytes_per_page'] / 1e3:.1f} / {r['stock_site']['bytes_per_page'] / 1e3:.1f}")
    row("largest page MB", lambda r: f"{r['site']['largest'][0][0] / 1e6:.2f}", "≤ 1")
    row("search index MB raw / gzip", lambda r: f"{r['site']['index_raw'] / 1e6:.1f} / {r['site']['index_gzip'] / 1e6:.2f}")
    if all("search" in r for r in results):
        row("cold first search result s", lambda r: "none" if r["search"]["first_result_s"] is None
            else f"{r['search']['first_result_s']:.2f}", "≤ 1")
        row("stock site: cold first search result s", lambda r: "none" if not r.get("stock_search", {}).get(
            "first_result_s") else f"{r['stock_search']['first_result_s']:.2f}")
        row("MB fetched until then (server log; Playwright bodies)",
            lambda r: f"{r['search']['fetched_bytes'] / 1e6:.2f}; {r['search']['playwright_body_bytes'] / 1e6:.2f}", "≤ 2")
    out = "\n".join(lines)
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        n1, n2 = a["n"], b["n"]
        ex: list[tuple[str, Any]] = [
            ("`tracuu build` CPU", lambda r: med(r["rounds"]["tracuu"], "cpu")),
            ("`tracuu build` wall", lambda r: med(r["rounds"]["tracuu"], "wall")),
            ("project mkdocs CPU", lambda r: med(r["rounds"]["project"], "cpu")),
            ("stock mkdocs CPU", lambda r: med(r["rounds"]["stock"], "cpu")),
            ("site bytes", lambda r: r["site"]["site_bytes"]),
            ("HTML pages", lambda r: r["site"]["pages"]),
            ("search index bytes", lambda r: r["site"]["index_raw"]),
            ("generated Markdown bytes", lambda r: r["markdown"]["bytes"]),
            ("generated Markdown pages", lambda r: r["markdown"]["pages"]),
            ("sources bytes (input)", lambda r: r["sources_bytes"])]

        def ok(f: Any, r: dict[str, Any]) -> bool:
            return safe(f, r) != "—"

        out += f"\n\nGrowth exponent from N={n1} to N={n2} (1 = linear; target ≤ 1.1):\n"
        out += "\n".join(f"- {label}: {exponent(x(a), x(b), n1, n2):.2f}" for label, x in ex if ok(x, a) and ok(x, b))
    for r in results:
        if "site" in r:
            out += f"\n\nLargest pages at N={r['n']}:\n" + "\n".join(
                f"- {size / 1e6:.2f} MB {path}" for size, path in r["site"]["largest"])
        elif "markdown" in r:
            out += f"\n\nLargest generated Markdown pages at N={r['n']} (site not built):\n" + "\n".join(
                f"- {size / 1e6:.2f} MB {path}" for size, path in r["markdown"]["largest"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 2000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench-scale"))
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--central-share", type=float, default=0.05)
    ap.add_argument("--query", default="đuối nước")
    ap.add_argument("--json", type=Path, help="write (and merge into) this results file after each N")
    ap.add_argument("--report", type=Path, nargs="+", help="only print the table of saved result files")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the stock site")
    args = ap.parse_args(argv)
    if args.report:
        results = [r for f in args.report for r in json.loads(f.read_text())]
        print(table(sorted(results, key=lambda r: r["n"])))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    for n in args.sizes:
        print(f"N={n}: generating and building ({args.rounds} rounds) in {args.work}", flush=True)
        results.append(bench_size(n, args))
        if args.json:
            save(args.json, results[-1:])
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
