"""MkDocs glue, kept thin: regenerate pages before each build, watch sources/ and data/.

Everything else lives in the ``tracuu`` package, which does not import MkDocs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.tracuu")


def on_pre_build(config: Any, **kwargs: Any) -> None:
    if os.environ.get("TRACUU_SKIP_GENERATE"):  # benchmarks/bench_scale.py times MkDocs alone
        return
    from tracuu.build import build  # imported here: the whole generator (~0.4 s CPU) only when it runs

    report = build(root=Path(config["config_file_path"]).resolve().parent)
    for problem in report.problems:
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    log.info("tracuu: %d văn bản, %d trang, %d tệp ghi mới", report.documents, report.pages, report.written)


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    """Let go of a page's Markdown once MkDocs has converted it.

    MkDocs converts every page before it writes any, so it holds the Markdown and
    the HTML of the whole site at once; nothing reads the Markdown after this
    event (the title comes from the front matter or the rendered ``<h1>``). At
    N = 1,000 generated documents, peak memory of ``mkdocs build`` 1,004 -> 738 MB
    with every page byte-identical (benchmarks/RESULTS-issue15.md). ``""``, not
    ``None``: MkDocs reads ``None`` as "not read yet" and the title would vanish."""
    page.markdown = ""
    return html


def on_serve(server: Any, config: Any, builder: Any, **kwargs: Any) -> Any:
    root = Path(config["config_file_path"]).resolve().parent
    for folder in ("sources", "data"):
        if (root / folder).exists():
            server.watch(str(root / folder))
    return server


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Write the site's search index (``search/``) from the built pages."""
    from tracuu import site_search
    figures = site_search.write(Path(config["site_dir"]))
    log.info("tracuu: chỉ mục tìm kiếm %d mục, %d tệp, %d byte", figures["entries"], figures["files"], figures["total"])
