"""Sidecar YAML (issue 14): every problem is path:line: message; nothing is constructed from the YAML."""

from __future__ import annotations

import time

import pytest

from tracuu.parse.sidecar import check_related, parse

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
) + "note: *i\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (b"retrieved: 2024-13-45\n", 1, "'retrieved' không phải ngày hợp lệ"),
        (b"publisher: x\nretrieved: 2024-02-30\n", 2, "không phải ngày hợp lệ"),
        (b"retrieved: hom qua\n", 1, "ghi YYYY-MM-DD"),
        (b"note: [1, 2]\n", 1, "'note' phải là một chuỗi"),
        (b"issuer: {a: b}\n", 1, "'issuer' phải là một chuỗi"),
        (b"publisher: x\nnguon: y\n", 2, "khóa không hỗ trợ 'nguon'"),
        (b"url: javascript:alert(1)\n", 1, "'url' phải là địa chỉ http"),
        (b"url: data:text/html,<script>x</script>\n", 1, "'url' phải là địa chỉ http"),
        (b"related: [ok-id, 'Not An Id']\n", 1, "'related' phải là mã trang"),
        (b"publisher: a\npublisher: b\n", 2, "ghi hai lần"),
        (b"publisher: [chua dong\n", 2, "YAML không hợp lệ"),
        ("publisher: Cổng\n".encode("utf-16"), 1, "không phải UTF-8"),
        (b"publisher: ok\n\xff\n", 2, "không phải UTF-8"),
        (b"- a\n- b\n", 1, "phải là một bảng khóa"),
        (b"note: !!python/object/apply:os.system ['id']\n", 1, "thẻ YAML"),
        (b"base: &b {publisher: x}\nnote: *b\n", 1, "neo/bí danh"),
        (BOMB.encode(), 1, "neo/bí danh"),
        (b"publisher: " + b"x" * 400 + b"\n", 1, "'publisher' quá dài"),
        (b"note: " + b"y" * 5000 + b"\n", 1, "'note' quá dài"),
        (b"note: |\n" + b"  dong\n" * 20000, 1, "quá lớn"),
        (b"publisher: a\x00b\n", 1, "NUL"),
    ],
)
def test_every_sidecar_problem_names_its_line(text: bytes, line: int, words: str) -> None:
    side = parse(text, "sources/x.yml")
    assert [(p.path, p.line) for p in side.problems][:1] == [("sources/x.yml", line)], side.problems
    assert words in side.problems[0].message, side.problems


def test_good_sidecar_values() -> None:
    side = parse(
        "publisher: Cổng thông tin\nretrieved: 2024-01\nrelated: [a-b, c]\nnote: |\n  dòng một\n  dòng hai\nissuer: ~\n".encode(),
        "s.yml",
    )
    assert side.problems == ()
    assert side.values == {"publisher": "Cổng thông tin", "retrieved": "2024-01", "related": ("a-b", "c"), "note": "dòng một\ndòng hai"}
    assert [str(p) for p in check_related(side, {"a-b"})] == ["s.yml:3: 'related: c' không trùng mã trang văn bản nào; sửa hoặc bỏ"]


@pytest.mark.parametrize(
    "text",
    [BOMB.encode(), b"note: |\n" + (b"  " + b"ghi chu rat dai " * 5 + b"\n") * 90_000],
    ids=["alias bomb (1.3 KB)", "7 MB multi-line note"],
)
def test_bombs_are_refused_in_under_a_second(text: bytes) -> None:
    t = time.perf_counter()
    side = parse(text, "x.yml")
    assert time.perf_counter() - t < 1.0
    assert side.problems and side.values == {}
