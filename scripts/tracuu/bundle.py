"""``tracuu bundle``: the whole site as one zip that works from file://.

    tracuu bundle [-o dist/tracuu-offline.zip] [--site-dir DIR]

Builds the site with ``use_directory_urls`` off, so links end in ``.html``.
Search works from file:// as it is: its index (``search/``, written by
``tracuu.site_search`` after the build) is plain scripts that the search box
loads with ``<script>`` tags, no fetch and no Web Worker. The bundle makes no
network request at all.

The zip is reproducible: entries sorted, fixed timestamps and permissions.
Unzip it anywhere and open ``index.html``.

This is the only tracuu module besides mkdocs_hooks.py that imports MkDocs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from tracuu import paths

SEARCH_MANIFEST = "search/manifest.js"
DEFAULT_OUT = Path("dist") / "tracuu-offline.zip"
_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# Build leftovers a reader does not need offline; Material's search worker and
# lunr packs (the site has its own search).
_SKIP = {"sitemap.xml", "sitemap.xml.gz"}
_SKIP_DIRS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def build_offline_site(site_dir: Path, root: Path | None = None, strict: bool = False) -> Path:
    """Build the site for file:// into ``site_dir`` (emptied first)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = root or paths.project_root()
    old = {k: os.environ.get(k) for k in ("NO_MKDOCS_2_WARNING",)}
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        cfg = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
        cfg["use_directory_urls"] = False
        if site_dir.exists():
            shutil.rmtree(site_dir)
        build(cfg)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if not (site_dir / SEARCH_MANIFEST).is_file():
        raise RuntimeError(f"{SEARCH_MANIFEST} missing from the offline build; is the tracuu hook in mkdocs.yml?")
    return site_dir


def _wanted(rel: str) -> bool:
    """Leave out source maps, the sitemap and Material's unused search worker."""
    return rel not in _SKIP and not rel.endswith(".map") and not rel.startswith(_SKIP_DIRS)


def zip_site(site_dir: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and _wanted(p.relative_to(site_dir).as_posix()))
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for f in files:
            rel = f.relative_to(site_dir).as_posix()
            info = zipfile.ZipInfo(f"tracuu-offline/{rel}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, f.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    tmp.replace(out)
    return out


def bundle(out: Path | None = None, site_dir: Path | None = None, strict: bool = False) -> Path:
    root = paths.project_root()
    out = out or root / DEFAULT_OUT
    if site_dir is not None:
        return zip_site(build_offline_site(site_dir, root, strict), out)
    with tempfile.TemporaryDirectory(prefix="tracuu-offline-") as tmp:
        return zip_site(build_offline_site(Path(tmp) / "site", root, strict), out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="tracuu bundle", description="zip the site for reading from file://")
    ap.add_argument("-o", "--output", type=Path, help=f"zip to write (default: {DEFAULT_OUT})")
    ap.add_argument("--site-dir", type=Path, help="keep the offline build here (default: a temporary folder)")
    ap.add_argument("--strict", action="store_true", help="fail on MkDocs warnings, like `mkdocs build --strict`")
    args = ap.parse_args(argv)
    try:
        out = bundle(args.output, args.site_dir, args.strict)
    except Exception as exc:  # noqa: BLE001 - one line for the person at the terminal
        print(f"tracuu bundle: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    size = out.stat().st_size
    print(f"tracuu bundle: {out} ({size / 1024:.0f} KiB); giải nén rồi mở tracuu-offline/index.html", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
