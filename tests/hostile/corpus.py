"""Build a throwaway project root whose sources/ is the hostile corpus (issue 14).

The committed files in tests/hostile/sources/ hold the injection vectors, the
legacy encodings and the broken sidecars. What git should not hold — file names
with markup, newlines or control characters, symlinks, a FIFO, case-colliding
names, a 5 MB trích yếu, a 7 MB sidecar note, an 9 MB file — is made here, in a
temporary copy, at test time.

``CASES`` is the table the tests walk: every input and what must come of it,
a page (``page``: its id) or a listed problem (``problem``: path and words of
the message).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = Path(__file__).resolve().parent / "sources"
PWN = "window.__pwned=1"
# Strings that only the repository's own files contain: none may reach a built page.
LEAK_MARKERS = ("site_name: Tra cứu", "markdown_extensions:", "build-backend", "[project.optional-dependencies]",
                "root:x:0:0", "exclude_docs:")

PLAIN = """ỦY BAN NHÂN DÂN
TỈNH THÁI NGUYÊN
Số: {num}
Thái Nguyên, ngày 5 tháng 6 năm 2024
KẾ HOẠCH
{subject}

1. Sở Lao động - Thương binh và Xã hội chủ trì thực hiện Luật Trẻ em năm 2016.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


@dataclass(frozen=True)
class Case:
    name: str  # file name in sources/ (as created)
    what: str  # what it tries
    page: str = ""  # id of the page it must get ("" = none)
    problem: tuple[str, str] = ("", "")  # (path shown, words of the message) that must be listed


CASES: tuple[Case, ...] = (
    Case("xss-ke-hoach.txt", "script/img/svg/iframe/javascript:/data:/attr list/raw HTML/snippet/Jinja/</title> in every field",
         page="xss-ke-hoach"),
    Case("xss-ke-hoach.yml", "sidecar with markup, snippet and Jinja in publisher/note/provenance; url with <script>",
         problem=("sources/xss-ke-hoach.yml", "'url' phải là địa chỉ http")),
    Case("xss-tin-bai.txt", "news headline and byline with </title><script>", page="xss-tin-bai"),
    Case("tcvn3-vntime.txt", "TCVN3 (.VnTime) bytes", page="tcvn3-vntime"),
    Case("tcvn3-mojibake.txt", "TCVN3 saved as UTF-8 mojibake", page="tcvn3-mojibake"),
    Case("vni-times.txt", "VNI-Times bytes", page="vni-times"),
    Case("vni-mojibake.txt", "VNI saved as UTF-8 mojibake", page="vni-mojibake"),
    Case("windows-1258.txt", "Windows-1258 bytes", page="windows-1258"),
    Case("utf16-bom.txt", "UTF-16 with BOM", page="utf16-bom"),
    Case("utf8-bom.txt", "UTF-8 with BOM", page="utf8-bom"),
    Case("nul-dieu-khien.txt", "NUL, BEL and a bidi override in the text", page="nul-dieu-khien",
         problem=("sources/nul-dieu-khien.txt", "ký tự điều khiển")),
    Case("khong-doc-duoc.txt", "bytes no encoding explains", problem=("sources/khong-doc-duoc.txt", "không nhận ra bảng mã")),
    Case("rong.txt", "empty file", page="rong", problem=("sources/rong.txt", "tệp rỗng")),
    Case("trung-so-b.txt", "same số/ký hiệu as trung-so-a", page="trung-so-b", problem=("sources/trung-so-b.txt", "trùng số, ký hiệu")),
    Case("sidecar-ngay-sai.yml", "retrieved: 2024-13-45", problem=("sources/sidecar-ngay-sai.yml", "không phải ngày hợp lệ")),
    Case("sidecar-ngay-sai.txt", "its document still builds", page="sidecar-ngay-sai"),
    Case("sidecar-sai-kieu.yml", "wrong type, unknown key, unknown related, javascript: url",
         problem=("sources/sidecar-sai-kieu.yml", "không trùng mã trang văn bản nào")),
    Case("sidecar-bi-danh.yml", "YAML alias bomb (1.3 KB class)", problem=("sources/sidecar-bi-danh.yml", "neo/bí danh")),
    Case("sidecar-bi-danh.txt", "its document still builds", page="sidecar-bi-danh"),
    Case("sidecar-yaml-hong.yml", "YAML syntax error", problem=("sources/sidecar-yaml-hong.yml", "YAML không hợp lệ")),
    Case("sidecar-the-python.yml", "!!python/object tag", problem=("sources/sidecar-the-python.yml", "thẻ YAML")),
    Case("sidecar-khong-utf8.yml", "non-UTF-8 sidecar", problem=("sources/sidecar-khong-utf8.yml", "không phải UTF-8")),
    Case("sidecar-note-7mb.yml", "7 MB multi-line note", problem=("sources/sidecar-note-7mb.yml", "quá lớn")),
    Case("sidecar-note-7mb.txt", "its document still builds", page="sidecar-note-7mb"),
    Case("ghi-chu-nhieu-dong.yml", "multi-line note within bounds renders as lines", page="ghi-chu-nhieu-dong"),
    Case("trich-yeu-5mb.txt", "a 5 MB single-line trích yếu", page="trich-yeu-5mb",
         problem=("sources/trich-yeu-5mb.txt", "dài bất thường")),
    Case("qua-lon.txt", "a 9 MB file", problem=("sources/qua-lon.txt", "tệp quá lớn")),
    Case("Ke-hoach.txt", "id collision (case)", page="ke-hoach-4", problem=("sources/Ke-hoach.txt", "trùng mã trang 'ke-hoach'")),
    Case("ke-hoach.txt", "id collision: the exact name keeps the id", page="ke-hoach"),
    Case("ke-hoach.md", "id collision (.md)", page="ke-hoach-3", problem=("sources/ke-hoach.md", "trùng mã trang 'ke-hoach'")),
    Case("kế hoạch.txt", "id collision (accents, space)", page="ke-hoach-5", problem=("sources/kế hoạch.txt", "trùng mã trang")),
    Case("ke-hoach-2.txt", "its own id is never given to a collision", page="ke-hoach-2"),
    Case("HOA-DON.TXT", "upper-case extension", problem=("sources/HOA-DON.TXT", "đổi thành .txt")),
    Case("ghi-chu.text", ".text extension", problem=("sources/ghi-chu.text", "đổi thành .txt")),
    Case("cong-van.docx", ".docx not yet added", problem=("sources/cong-van.docx", "tracuu add")),
    Case("thu-muc-con", "a subfolder", problem=("sources/thu-muc-con", "thư mục con")),
    Case("thu-muc.txt", "a folder named like a source", problem=("sources/thu-muc.txt", "là thư mục")),
    Case("passwd.txt", "symlink to /etc/passwd", problem=("sources/passwd.txt", "symlink")),
    Case("treo.txt", "symlink to /dev/zero", problem=("sources/treo.txt", "symlink")),
    Case("mat.txt", "dangling symlink", problem=("sources/mat.txt", "symlink")),
    Case("ong.txt", "a FIFO", problem=("sources/ong.txt", "không phải tệp thường")),
    Case("inj-<svg onload=window.__pwned=1>.txt", "markup in a file name", problem=("sources/inj-<svg onload=window.__pwned=1>.txt", "ký tự '<'")),
    Case("tick`x`.txt", "a backtick in a file name", problem=("sources/tick`x`.txt", "ký tự '`'")),
    Case('dong\n--8<-- "mkdocs.yml".txt', "a newline and a snippet in a file name", problem=("sources/dong\\u000a--8<-- \"mkdocs.yml\".txt", "ký tự điều khiển")),
    Case("{{ config }}.txt", "Jinja in a file name", problem=("sources/{{ config }}.txt", "ký tự '{'")),
    Case("{: onclick=x }.txt", "an attribute list in a file name", problem=("sources/{: onclick=x }.txt", "ký tự '{'")),
    Case("ten\u202etxt.exe.txt", "a bidi override in a file name", problem=("sources/ten\\u202etxt.exe.txt", "ký tự điều khiển")),
)


def _plain(num: str, subject: str = "Về bảo vệ, chăm sóc trẻ em năm 2024") -> str:
    return PLAIN.format(num=num, subject=subject)


def make_sources(src: Path) -> None:
    """Fill ``src`` (an empty sources/ folder) with the hostile corpus."""
    shutil.copytree(HOSTILE, src, dirs_exist_ok=True)
    (src / "sidecar-note-7mb.txt").write_text(_plain("201/KH-UBND"), encoding="utf-8")
    (src / "sidecar-note-7mb.yml").write_text("note: |\n" + ("  " + "ghi chú rất dài " * 5 + "\n") * 90_000, encoding="utf-8")
    (src / "ghi-chu-nhieu-dong.txt").write_text(_plain("202/KH-UBND"), encoding="utf-8")
    (src / "ghi-chu-nhieu-dong.yml").write_text(
        f"note: |\n  dòng một\n  | a | b |\n  ---\n  <script>{PWN}</script>\npublisher: Cổng </title> tỉnh\n", encoding="utf-8")
    words = "bảo vệ chăm sóc trẻ em Ủy ban nhân dân tỉnh Sở Lao động </title><script>window.__pwned=1</script> "
    (src / "trich-yeu-5mb.txt").write_text(_plain("203/KH-UBND", "Về " + words * (5_000_000 // len(words))), encoding="utf-8")
    with (src / "qua-lon.txt").open("wb") as fh:
        fh.truncate(9 * 1024 * 1024)
    for i, name in enumerate(("Ke-hoach.txt", "ke-hoach.txt", "ke-hoach.md", "kế hoạch.txt", "ke-hoach-2.txt")):
        (src / name).write_text(_plain(f"{300 + i}/KH-UBND"), encoding="utf-8")
    (src / "HOA-DON.TXT").write_text(_plain("310/KH-UBND"), encoding="utf-8")
    (src / "ghi-chu.text").write_text(_plain("311/KH-UBND"), encoding="utf-8")
    (src / "cong-van.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (src / "thu-muc-con").mkdir()
    (src / "thu-muc-con" / "an.txt").write_text(_plain("312/KH-UBND"), encoding="utf-8")
    (src / "thu-muc.txt").mkdir()
    os.symlink("/etc/passwd", src / "passwd.txt")
    os.symlink("/dev/zero", src / "treo.txt")
    os.symlink(src / "khong-co-that.txt", src / "mat.txt")
    os.mkfifo(src / "ong.txt")
    for case in CASES:
        if case.name.startswith(("inj-", "tick", "dong\n", "{", "ten\u202e")):
            (src / case.name).write_text(_plain("320/KH-UBND", f"Tên tệp độc {case.name}"), encoding="utf-8")


def make_root(tmp: Path) -> Path:
    """A project root in ``tmp``: the site's config, data, theme and hand-written pages, and the hostile sources."""
    root = tmp / "site-root"
    root.mkdir()
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, root / name)
    for folder in ("data", "overrides"):
        shutil.copytree(ROOT / folder, root / folder)
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for rel in tracked:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, root / rel)
    (root / "scripts").symlink_to(ROOT / "scripts")  # the MkDocs hook lives there
    (root / "sources").mkdir()
    make_sources(root / "sources")
    return root
