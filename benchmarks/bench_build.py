#!/usr/bin/env python3
"""Measure parse and build speed, and the built site's size, on a corpus scaled up N times.

    python benchmarks/bench_build.py [--copies 50] [--site]

Copies every file of sources/ N times (renamed) into a temporary project,
then prints: documents, seconds to parse all, seconds for `tracuu build`,
generated Markdown bytes, and with --site the `mkdocs build` time and the
site's size in total and per page. Figures, not pass/fail: speed is not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--site", action="store_true", help="also run mkdocs build and measure site/")
    args = ap.parse_args()
    from tracuu.build import build, load_corpus
    from tracuu.pipeline import parse_file
    from tracuu.render import urls
    from tracuu.sources import source_files

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        for f in source_files(ROOT / "sources"):
            for n in range(args.copies):
                shutil.copy(f, root / "sources" / f"{f.stem}-x{n:04d}{f.suffix}")
        shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns(*urls.GENERATED_DIRS))
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(ROOT / "overrides", root / "overrides")
        files = source_files(root / "sources")
        per_file = []
        for f in files[: min(len(files), 60)]:
            t = time.perf_counter()
            parse_file(f)
            per_file.append(time.perf_counter() - t)
        t0 = time.perf_counter()
        corpus = load_corpus(root)
        t_parse = time.perf_counter() - t0
        t1 = time.perf_counter()
        report = build(root=root)
        t_build = time.perf_counter() - t1
        md_bytes = sum(p.stat().st_size for p in (root / "docs").rglob("*.md"))
        print(f"documents {len(corpus.documents)} | parse all {t_parse:.2f} s "
              f"(median {statistics.median(per_file) * 1000:.1f} ms/file) | tracuu build {t_build:.2f} s "
              f"| pages {report.pages} | generated Markdown {md_bytes / 1e6:.1f} MB")
        if args.site:
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TRACUU_ROOT=str(ROOT))
            t2 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(root / "site")],
                           cwd=root, env=env, check=False)
            t_site = time.perf_counter() - t2
            html = list((root / "site").rglob("*.html"))
            size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
            idx = sum(p.stat().st_size for p in (root / "site" / "search").rglob("*") if p.is_file())
            print(f"mkdocs build {t_site:.1f} s | site {size / 1e6:.1f} MB | {len(html)} HTML pages | "
                  f"{size / max(len(html), 1) / 1e3:.1f} KB per page | "
                  f"search index {idx / max(len(html), 1) / 1e3:.2f} KB per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
