"""`tracuu build` / `tracuu check` / `tracuu parse --json`: what editors and outside tools rely on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tracuu.build import build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "sources" / "2023-10-10-cong-van-5310-ubnd-kgvx-thai-nguyen.txt"


def make_root(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "data", tmp_path / "data")  # a root brings its own registries
    shutil.copy(SEED, tmp_path / "sources" / SEED.name)
    return tmp_path


def test_build_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    first = build(root=root)
    assert first.documents == 1 and first.written > 0
    page = root / "docs" / "van-ban" / (SEED.stem + ".md")
    assert page.exists()
    mtime = page.stat().st_mtime_ns
    again = build(root=root)
    assert again.written == 0 and page.stat().st_mtime_ns == mtime
    stale = root / "docs" / "van-ban" / "cu.md"
    stale.write_text("# cũ\n", encoding="utf-8")
    hand = root / "docs" / "gioi-thieu.md"
    hand.write_text("# Giới thiệu\n", encoding="utf-8")
    third = build(root=root)
    assert third.deleted == 1 and not stale.exists() and hand.exists()


def test_build_is_deterministic(tmp_path: Path) -> None:
    a = make_root(tmp_path / "a")
    b = make_root(tmp_path / "b")
    build(root=a)
    build(root=b)
    files_a = sorted(p.relative_to(a / "docs") for p in (a / "docs").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b / "docs") for p in (b / "docs").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / "docs" / rel).read_bytes() == (b / "docs" / rel).read_bytes(), rel


def test_bad_input_is_reported_and_the_rest_still_builds(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / "sources" / "hong.txt").write_bytes("Số: 1/UBND\n\n".encode() + b"\xff\xfe r\xe1c")
    (root / "sources" / "rong.txt").write_text("", encoding="utf-8")
    (root / "sources" / SEED.with_suffix(".yml").name).write_text("publisher: [chưa đóng\n", encoding="utf-8")
    report = build(root=root)
    assert report.documents == 3  # nothing silently dropped
    messages = [str(p) for p in report.problems]
    assert any(m.startswith("sources/hong.txt:3: ") and "UTF-8" in m for m in messages), messages
    assert any(m.startswith("sources/rong.txt:1: tệp rỗng") for m in messages), messages
    assert any(".yml" in m and "YAML không hợp lệ" in m for m in messages), messages
    assert (root / "docs" / "van-ban" / "hong.md").exists()
    assert (root / "docs" / "van-ban" / (SEED.stem + ".md")).exists()


def test_parse_json_follows_the_contract() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tracuu.cli", "parse", "--json", str(SEED), "missing.txt"],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(proc.stdout)
    docs = data["documents"]
    assert [d["source"] for d in docs] == [str(SEED), "missing.txt"]
    fields = {"source", "id", "doc_type", "number", "symbol", "issuer", "place", "date", "subject",
              "signer", "signers", "recipients", "citations", "duties", "topics", "warnings"}
    for d in docs:
        assert set(d) == fields
        assert set(d["signer"]) == {"name", "title"}
        assert all(set(s) == {"name", "title"} for s in d["signers"])
        assert d["signers"][:1] == ([d["signer"]] if d["signer"]["name"] else [])
    first = docs[0]
    assert (first["doc_type"], first["number"], first["date"]) == ("Công văn", "5310/UBND-KGVX", "2023-10-10")
    assert "Các sở, ban, ngành của tỉnh" in first["recipients"]
    for c in first["citations"]:
        assert set(c) == {"text", "type", "number", "title", "date", "issuer", "instrument", "pinpoint", "line"}
        assert set(c["pinpoint"]) == {"article", "clause", "point"}
    for duty in first["duties"]:
        assert set(duty) == {"agency", "agency_id", "agency_text", "role", "text", "line"}
        assert duty["role"] in ("chủ trì", "phối hợp", "thực hiện")
    assert docs[1]["warnings"] and docs[1]["warnings"][0].startswith("line 1: không đọc được tệp")
