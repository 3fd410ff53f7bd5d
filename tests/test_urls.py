"""render/urls.py: every generated folder and link, relative to the page that holds it."""

from __future__ import annotations

import pytest

from tracuu import build
from tracuu.render import urls


@pytest.mark.parametrize(("link", "expected"), [
    (urls.document("huong-dan", urls.DOCUMENTS), "huong-dan.md"),
    (urls.document("huong-dan", urls.AGENCIES, "m11"), "../van-ban/huong-dan.md#m11"),
    (urls.document("huong-dan", "", "m11"), "van-ban/huong-dan.md#m11"),
    # a footnote's block anchor is Python-Markdown's footnote id on the page
    (urls.document("huong-dan", urls.INSTRUMENTS, "fn-3"), "../van-ban/huong-dan.md#fn:3"),
    (urls.agency("so-y-te-tinh-bac-kan", urls.AGENCIES), "so-y-te-tinh-bac-kan.md"),
    (urls.agency("so-y-te-tinh-bac-kan", urls.GUIDANCE), "../co-quan/so-y-te-tinh-bac-kan.md"),
    (urls.instrument("luat-tre-em", urls.TOPICS), "../phap-ly/luat-tre-em.md"),
    (urls.href(urls.AGENCIES, "theo-nganh", urls.AGENCIES, "y-te"), "theo-nganh.md#y-te"),
    (urls.site_document("huong-dan", "m11"), "van-ban/huong-dan/#m11"),
    (urls.page(urls.INDEXES, "so-lieu"), "chi-muc/so-lieu.md"),
])
def test_links(link: str, expected: str) -> None:
    assert link == expected


def test_build_owns_exactly_the_generated_folders() -> None:
    assert build.GENERATED_DIRS == urls.GENERATED_DIRS
    assert {p.split("/")[0] for p in build.render_all(build.load_corpus()) if "/" in p} <= {
        *urls.GENERATED_DIRS, "includes", "assets",
    }
