"""Publishing (issue 7): the site under a project subpath, no third-party requests, print.

The site is built once for this module with ``SITE_URL=https://example.github.io/tracuu/``
(as CI does from actions/configure-pages) and served only under ``/tracuu/`` on 127.0.0.1,
the way GitHub Pages serves a project site: anything outside the prefix is a 404, and a
missing page gets ``404.html`` with status 404.
"""

from __future__ import annotations

import http.server
import mimetypes
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "/tracuu/"
PUBLIC = "https://example.github.io/tracuu/"
# Added to site/ by the workflow after `mkdocs build` (tracuu bundle), so absent from a local build.
CI_ONLY = {"tracuu-offline.zip"}

BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml", site_dir=sys.argv[1], strict=False))
"""


def build_site(out: Path, **env: str) -> Path:
    """Build into ``out`` (not strict: broken links are this module's job to report)."""
    proc = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail("mkdocs build failed:\n" + proc.stderr[-4000:])
    return out


def _handler(root: Path) -> type[http.server.BaseHTTPRequestHandler]:
    class Subpath(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, ctype: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _serve(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            target: Path | None = None
            if path.startswith(PREFIX):
                f = (root / path[len(PREFIX) :]).resolve()
                if f.is_dir() and (f / "index.html").is_file():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.end_headers()
                        return
                    f = f / "index.html"
                if f.is_file() and (f == root or root in f.parents):
                    target = f
            if target is None:
                self._send(404, (root / "404.html").read_bytes(), "text/html; charset=utf-8", head)
                return
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            self._send(200, target.read_bytes(), ctype, head)

        def do_GET(self) -> None:  # noqa: N802
            self._serve(False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(True)

    return Subpath


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("subpath") / "site", SITE_URL=PUBLIC)


@pytest.fixture(scope="module")
def subpath_url(subpath_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(subpath_site.resolve()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


# --------------------------------------------------------------------------- crawling


class _Refs(HTMLParser):
    ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "area": "href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(str(a[key]))
        want = self.ATTRS.get(tag)
        if want and a.get(want):
            if tag == "link" and (a.get("rel") or "") in ("canonical", "alternate") and str(a[want]).startswith(PUBLIC):
                return  # public URLs for crawlers and feed readers, checked via their local twin
            self.refs.append(str(a[want]))
        if tag in ("img", "source") and a.get("srcset"):
            self.refs.extend(part.strip().split(" ")[0] for part in str(a["srcset"]).split(",") if part.strip())


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers.get("Content-Type", "")


def page_urls(site: Path, base: str) -> list[str]:
    out = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        out.append(base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return out


def crawl(start: list[str], base: str) -> list[str]:
    """Follow every internal href/src from every page; return the problems."""
    origin = base[: base.index(PREFIX)]
    problems: list[str] = []
    parsed: dict[str, _Refs | None] = {}
    status: dict[str, int] = {}

    def get(url: str) -> _Refs | None:
        if url not in parsed:
            code, body, ctype = fetch(url)
            status[url] = code
            p = None
            if code == 200 and "html" in ctype:
                p = _Refs()
                p.feed(body.decode("utf-8", "replace"))
            parsed[url] = p
        return parsed[url]

    queue = list(start)
    seen = set(queue)
    while queue:
        page = queue.pop(0)
        refs = get(page)
        if status[page] != 200:
            problems.append(f"{page}: HTTP {status[page]}")
            continue
        for ref in refs.refs if refs else []:
            url = urljoin(page, ref)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != origin:
                continue
            target, frag = urldefrag(url)
            if parts.path.startswith(PREFIX) and parts.path[len(PREFIX) :] in CI_ONLY:
                continue
            if not parts.path.startswith(PREFIX):
                problems.append(f"{page}: {ref!r} leaves the {PREFIX} subpath ({parts.path})")
                continue
            tref = get(target)
            if status[target] != 200:
                problems.append(f"{page}: {ref!r} → HTTP {status[target]}")
                continue
            if frag and tref is not None and unquote(frag) not in tref.ids:
                problems.append(f"{page}: {ref!r} → no element with id {unquote(frag)!r}")
            if tref is not None and target not in seen:
                seen.add(target)
                queue.append(target)
    return problems


def test_every_internal_link_resolves_under_a_subpath(subpath_site: Path, subpath_url: str) -> None:
    start = [subpath_url, *page_urls(subpath_site, subpath_url)]
    problems = crawl(start, subpath_url)
    assert not problems, f"{len(problems)} broken internal links:\n" + "\n".join(problems[:60])


def test_404_page_works_at_any_depth_under_the_subpath(subpath_url: str) -> None:
    for missing in ("khong-co-trang-nay/", "van-ban/khong-co/trang/"):
        code, body, _ = fetch(subpath_url + missing)
        assert code == 404
        refs = _Refs()
        refs.feed(body.decode("utf-8"))
        assets = [r for r in refs.refs if "/assets/" in r or r.startswith("assets/")]
        assert assets, "404.html links no assets?"
        for ref in refs.refs:
            url = urljoin(subpath_url + missing, ref)
            if urlsplit(url).netloc != urlsplit(subpath_url).netloc or urldefrag(url)[0] == subpath_url + missing:
                continue
            code, _, _ = fetch(urldefrag(url)[0])
            assert code == 200, f"404.html at {missing}: {ref} → HTTP {code}"


# --------------------------------------------------------------------------- page kinds


def page_kinds(site: Path, base: str) -> dict[str, str]:
    """One page of each kind: home, every section index, the first page of every section."""
    kinds = {"home": base}
    for d in sorted(p for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file()):
        kinds[f"{d.name}/ (index)"] = f"{base}{d.name}/"
        pages = sorted(p for p in d.iterdir() if p.is_dir() and (p / "index.html").is_file())
        if pages:
            kinds[f"{d.name}/{pages[0].name}/"] = f"{base}{d.name}/{pages[0].name}/"
    return kinds


def test_page_kinds_cover_documents_agencies_and_instruments(subpath_site: Path, subpath_url: str) -> None:
    kinds = page_kinds(subpath_site, subpath_url)
    for section in ("van-ban", "co-quan", "phap-ly"):
        assert any(k.startswith(f"{section}/") and "(index)" not in k for k in kinds), (section, sorted(kinds))


def test_no_request_leaves_the_site_origin(browser: Any, subpath_site: Path, subpath_url: str) -> None:
    origin = subpath_url[: subpath_url.index(PREFIX)]
    kinds = page_kinds(subpath_site, subpath_url)
    kinds["404"] = subpath_url + "khong-co-trang-nay/"
    leaks: list[str] = []
    failures: list[str] = []
    for kind, url in kinds.items():
        ctx = browser.new_context(service_workers="block")
        page = ctx.new_page()
        page.on(
            "request",
            lambda r, kind=kind: (
                None if r.url.startswith((origin + "/", "data:", "blob:", "about:")) else leaks.append(f"{kind}: {r.url}")
            ),
        )
        page.on(
            "response",
            lambda r, kind=kind: (
                failures.append(f"{kind}: {r.url} → {r.status}") if r.status >= 400 and r.url != kinds["404"] else None
            ),
        )
        page.goto(url, wait_until="networkidle")
        if kind == "home":
            # Search pulls in its manifest, vocabulary, index shards and page table.
            page.fill("[data-search-input]", "trẻ em")
            page.wait_for_selector("[data-search-results] a", timeout=15000)
            page.wait_for_load_state("networkidle")
        ctx.close()
    assert not leaks, "requests leaving the site:\n" + "\n".join(leaks)
    assert not failures, "failed same-origin requests:\n" + "\n".join(failures)


# --------------------------------------------------------------------------- print


def _first_with(site: Path, section: str, marker: str, needs: str = "") -> str:
    for f in sorted((site / section).glob("*/index.html")):
        text = f.read_text(encoding="utf-8")
        if marker in text and needs in text:
            return f.parent.name
    pytest.fail(f"no {section} page with {marker} {needs}")


@pytest.mark.parametrize(("section", "panel"), [("van-ban", "doc-attrs"), ("co-quan", "agency-attrs")])
def test_print_hides_navigation_keeps_attributes_and_link_targets(
    browser: Any, subpath_site: Path, subpath_url: str, section: str, panel: str
) -> None:
    # An agency page with duties links to documents: its links must print their targets.
    name = _first_with(subpath_site, section, f'class="{panel}"', 'href="../../van-ban/' if section == "co-quan" else "")
    page = browser.new_page()
    try:
        page.goto(f"{subpath_url}{section}/{name}/", wait_until="load")
        page.emulate_media(media="print")
        for sel in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".tracuu-search"):
            for el in page.locator(sel).all():
                assert not el.is_visible(), f"{sel} visible in print on {section}/{name}"
        assert page.locator(f".{panel}").first.is_visible()
        assert page.locator("h1").first.is_visible()
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.md-content a[href]')]
                 .filter(a => !a.getAttribute('href').startsWith('#'))
                 .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
        )
        assert shown, f"no links on {section}/{name}"
        missing = [href for href, after in shown if PUBLIC not in after and "http" not in after]
        assert not missing, f"links printed without their target: {missing[:5]}"
        internal = [after for href, after in shown if not href.startswith("http")]
        assert all(PUBLIC in a for a in internal), internal[:3]
        page.emulate_media(media="screen")
        assert page.locator(".md-header").first.is_visible()
    finally:
        page.close()
