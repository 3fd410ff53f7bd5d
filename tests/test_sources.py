"""Listing sources/ (issue 14): plain files only, everything else reported, ids never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracuu.model.records import Document
from tracuu.sources import assign_ids, duplicate_numbers, list_sources, name_problem


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ke-hoach.txt", ""),
        ("Kế hoạch số 5 năm 2024.txt", ""),
        ("inj-<svg onload=x>.txt", "ký tự '<'"),
        ("a`b.txt", "ký tự '`'"),
        ('x\n--8<-- "mkdocs.yml".txt', "ký tự điều khiển"),
        ("{{ config }}.txt", "ký tự '{'"),
        ("a|b.txt", "ký tự '|'"),
        ("ten\u202etxt.exe.txt", "U+202E"),
        ("zero\u200bwidth.txt", "U+200B"),
        (" khoang.txt", "khoảng trắng"),
        ("-rf.txt", "'-'"),
        ("x" * 250 + ".txt", "quá dài"),
    ],
)
def test_file_names(name: str, words: str) -> None:
    why = name_problem(name)
    assert (words in why and why) if words else why == ""


def test_listing_reports_everything_that_is_not_a_document(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    for name in ("a.txt", "b.md", "README.md", "C.TXT", "d.text", "e.docx", "f.pdf", ".gitkeep", "lone.yml"):
        (src / name).write_text("x", encoding="utf-8")
    (src / "a.yml").write_text("publisher: x\n", encoding="utf-8")
    (src / "sub").mkdir()
    (src / "dir.txt").mkdir()
    (src / "link.txt").symlink_to("/etc/passwd")
    (src / "dangling.txt").symlink_to(src / "nowhere")
    os.mkfifo(src / "fifo.txt")
    listing = list_sources(src, tmp_path)
    assert [f.rel for f in listing.files] == ["sources/a.txt", "sources/b.md"]
    got = {p.path: p.message for p in listing.problems}
    assert set(got) == {f"sources/{n}" for n in ("C.TXT", "d.text", "e.docx", "f.pdf", ".gitkeep", "lone.yml", "sub", "dir.txt",
                                                 "link.txt", "dangling.txt", "fifo.txt")}
    assert "đổi thành .txt" in got["sources/C.TXT"] and "tracuu add" in got["sources/e.docx"]
    assert "symlink" in got["sources/link.txt"] and "symlink" in got["sources/dangling.txt"]
    assert "không phải tệp thường" in got["sources/fifo.txt"] and "là thư mục" in got["sources/dir.txt"]


def test_oversize_file_is_refused_by_size(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    src.mkdir()
    with (src / "big.txt").open("wb") as fh:
        fh.truncate(9 * 1024 * 1024)
    listing = list_sources(src, tmp_path)
    assert listing.files == () and "tệp quá lớn" in listing.problems[0].message


def test_id_collisions_give_every_file_a_page() -> None:
    names = ["Ke-hoach.txt", "ke-hoach.txt", "ke-hoach.md", "kế hoạch.txt", "ke-hoach-2.txt"]
    files, problems = assign_ids([(n, Path(n), f"sources/{n}") for n in names])
    ids = {f.rel: f.doc_id for f in files}
    assert ids == {
        "sources/ke-hoach.txt": "ke-hoach",
        "sources/ke-hoach-2.txt": "ke-hoach-2",
        "sources/ke-hoach.md": "ke-hoach-3",
        "sources/Ke-hoach.txt": "ke-hoach-4",
        "sources/kế hoạch.txt": "ke-hoach-5",
    }
    assert sorted(p.path for p in problems) == ["sources/Ke-hoach.txt", "sources/ke-hoach.md", "sources/kế hoạch.txt"]
    assert all(p.severity == "warning" and "van-ban/ke-hoach-" in p.message for p in problems)
    again, _ = assign_ids([(n, Path(n), f"sources/{n}") for n in reversed(names)])
    assert again == files  # deterministic whatever the directory order


def test_duplicate_numbers_are_reported() -> None:
    docs = [Document(source=f"sources/{c}.txt", id=c, doc_type="Kế hoạch", number="5/KH-UBND", issuer="UBND") for c in "bac"]
    docs.append(Document(source="sources/d.txt", id="d", doc_type="Kế hoạch", number="6/KH-UBND"))
    assert [(p.path, p.message) for p in duplicate_numbers(docs)] == [
        ("sources/b.txt", "trùng số, ký hiệu '5/KH-UBND' với sources/a.txt; bỏ bản trùng hoặc sửa số"),
        ("sources/c.txt", "trùng số, ký hiệu '5/KH-UBND' với sources/a.txt; bỏ bản trùng hoặc sửa số"),
    ]
