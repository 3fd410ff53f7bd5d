"""scripts/lighthouse.py without Lighthouse: which pages it scores and how it names a failure."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("lighthouse_script", Path(__file__).parents[1] / "scripts" / "lighthouse.py")
assert _spec is not None and _spec.loader is not None
lighthouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lighthouse)


def _site(tmp_path: Path, *pages: str, big: tuple[str, ...] = ()) -> Path:
    for p in ("", *pages):
        (tmp_path / p).mkdir(parents=True, exist_ok=True)
        body = "<p>x</p>" * (100 if p in big else 1)
        (tmp_path / p / "index.html").write_text(f"<html lang='vi'>{body}</html>", encoding="utf-8")
    return tmp_path


def test_default_pages_are_home_the_largest_document_and_agency_and_the_guidance_page(tmp_path: Path) -> None:
    pages = ("van-ban/a", "van-ban/b", "co-quan/ban", "co-quan/so-y-te", "huong-dan", "huong-dan/phu-huynh")
    site = _site(tmp_path, *pages, big=("van-ban/b", "co-quan/so-y-te"))
    assert lighthouse.default_pages(site) == ["", "van-ban/b/", "co-quan/so-y-te/", "huong-dan/"]
    assert lighthouse.default_pages(_site(tmp_path / "bare")) == [""]


def _report(audits: dict[str, Any]) -> dict[str, Any]:
    return {"categories": {"accessibility": {"auditRefs": [{"id": "color-contrast"}, {"id": "html-has-lang"}]}}, "audits": audits}


def test_a_failed_audit_names_its_elements() -> None:
    node = {"selector": "aside > details.tracuu-editor > summary", "explanation": "Fix any of the following:\n  contrast 4.45"}
    data = _report(
        {
            "color-contrast": {"id": "color-contrast", "title": "Contrast", "score": 0, "details": {"items": [{"node": node}]}},
            "html-has-lang": {"id": "html-has-lang", "title": "lang", "score": 1},
            "uses-http2": {"id": "uses-http2", "title": "not accessibility", "score": 0},
        }
    )
    assert lighthouse.failed_accessibility_audits(data) == [
        "accessibility audit failed: color-contrast: Contrast",
        "    aside > details.tracuu-editor > summary: Fix any of the following: contrast 4.45",
    ]


def test_a_page_not_in_the_site_is_refused_before_lighthouse_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, "huong-dan")
    assert lighthouse.main(["--site", str(site), "huong-dan/", "phap-ly/khong-co/"]) == 2
    assert "/phap-ly/khong-co/" in capsys.readouterr().err
