"""``tracuu add FILE`` (issue 14): a .docx made here with python-docx comes in with its lists, tables,
bold and footnotes; .txt/.md come in as NFC UTF-8; the name comes from the header; nothing is overwritten."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx

from tracuu.add import add, docx_to_text
from tracuu.parse.bounds import MAX_SUBJECT, bound_fields
from tracuu.pipeline import parse_text

FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Theo Kế hoạch số 2026/KH-UBND ngày 18/6/2021.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def make_docx(path: Path) -> None:
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "Số: 12/KH-UBND", "Thái Nguyên, ngày 5 tháng 6 năm 2024", "KẾ HOẠCH",
                 "Thực hiện công tác bảo vệ trẻ em năm 2024"):
        d.add_paragraph(line)
    p = d.add_paragraph()
    p.add_run("I. MỤC ĐÍCH").bold = True
    p = d.add_paragraph("Sở Lao động - Thương binh và Xã hội chủ trì thực hiện Luật Trẻ em năm 2016", style="List Number")
    p.add_run("FOOTNOTE")
    d.add_paragraph("Sở Giáo dục và Đào tạo phối hợp tuyên truyền.", style="List Number")
    d.add_paragraph("trẻ em có hoàn cảnh đặc biệt", style="List Bullet")
    t = d.add_table(rows=2, cols=3)
    for i, row in enumerate(t.rows):
        for j, c in enumerate(row.cells):
            c.text = ["Chỉ tiêu", "Năm 2023", "Năm 2024"][j] if i == 0 else ["Trẻ em được hỗ trợ", "120", "150 | dự kiến"][j]
    d.add_paragraph("<script>window.__pwned=1</script> giữ nguyên là chữ")
    d.save(str(path))
    # python-docx writes no footnotes: add the part and a reference the way Word does.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    parts["word/document.xml"] = re.sub(rb"<w:r>(?:(?!<w:r>).)*?<w:t>FOOTNOTE</w:t></w:r>", ref.encode(), parts["word/document.xml"])
    parts["word/footnotes.xml"] = FOOTNOTES.encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"'
        b' Target="footnotes.xml"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_docx_comes_in_with_lists_tables_bold_and_footnotes(tmp_path: Path) -> None:
    src = tmp_path / "Kế hoạch gửi tỉnh.docx"
    make_docx(src)
    text = docx_to_text(src).text
    lines = text.splitlines()
    assert "**I. MỤC ĐÍCH**" in lines
    assert "1. Sở Lao động - Thương binh và Xã hội chủ trì thực hiện Luật Trẻ em năm 2016¹" in lines
    assert "2. Sở Giáo dục và Đào tạo phối hợp tuyên truyền." in lines
    assert "- trẻ em có hoàn cảnh đặc biệt" in lines
    assert "| Chỉ tiêu | Năm 2023 | Năm 2024 |" in lines and "| Trẻ em được hỗ trợ | 120 | 150 \\| dự kiến |" in lines
    assert lines[-1] == "¹ Theo Kế hoạch số 2026/KH-UBND ngày 18/6/2021."
    assert text == unicodedata.normalize("NFC", text)
    doc = parse_text(text)
    assert [b.kind for b in doc.body].count("table") == 1
    assert doc.footnotes and doc.footnotes[0].text.startswith("Theo Kế hoạch")


def test_add_names_the_file_from_its_header_and_never_overwrites(tmp_path: Path) -> None:
    src = tmp_path / "in.docx"
    make_docx(src)
    sources = tmp_path / "sources"
    code, out = add(src, sources)
    assert code == 0 and out[0] == "Đã ghi sources/2024-06-05-ke-hoach-12-kh-ubnd.txt", out
    assert "Loại văn bản: Kế hoạch" in out and "Số, ký hiệu: 12/KH-UBND" in out and "Ngày: 2024-06-05" in out
    assert "Cơ quan ban hành: Ủy ban nhân dân tỉnh Thái Nguyên" in out
    assert any(line.startswith("  - dòng ") and "Luật Trẻ em" in line for line in out)
    assert any("Sở Lao động - Thương binh và Xã hội tỉnh Thái Nguyên (chủ trì): 1" in line for line in out)
    assert any("Sở Giáo dục và Đào tạo tỉnh Thái Nguyên (phối hợp)" in line for line in out)
    assert any(line.startswith("sources/2024-06-05-ke-hoach-12-kh-ubnd.txt:") for line in out)  # problems, path:line
    written = (sources / "2024-06-05-ke-hoach-12-kh-ubnd.txt").read_text(encoding="utf-8")
    assert "<script>window.__pwned=1</script> giữ nguyên là chữ" in written
    code, out = add(src, sources)
    assert code == 1 and "không ghi đè" in out[-1]


def test_add_txt_in_a_legacy_font_and_the_cli(tmp_path: Path) -> None:
    from tracuu.parse.legacy_fonts import TCVN3

    inverse = {v: k for k, v in TCVN3.items()}
    plain = "Số: 7/TB-UBND\nHà Nội, ngày 1 tháng 2 năm 2023\nTHÔNG BÁO\nVề việc bảo vệ trẻ em\n"
    raw = "".join(inverse.get(c, inverse.get(c.lower(), c) if c.isupper() else c) for c in plain).encode("latin-1")
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", tmp_path / "data")
    src = tmp_path / "cu.txt"
    src.write_bytes(raw)
    proc = subprocess.run([sys.executable, "-m", "tracuu.cli", "--root", str(tmp_path), "add", str(src)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Đã ghi sources/2023-02-01-thong-bao-7-tb-ubnd.txt" in proc.stdout
    assert "TCVN3" in proc.stdout  # the conversion is reported
    assert (tmp_path / "sources" / "2023-02-01-thong-bao-7-tb-ubnd.txt").read_text(encoding="utf-8") == plain
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF")
    proc = subprocess.run([sys.executable, "-m", "tracuu.cli", "--root", str(tmp_path), "add", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1 and "dùng .docx, .txt hoặc .md" in proc.stderr and "Traceback" not in proc.stderr
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    proc = subprocess.run([sys.executable, "-m", "tracuu.cli", "--root", str(tmp_path), "add", str(broken)], capture_output=True, text=True)
    assert proc.returncode == 1 and "không mở được tệp .docx" in proc.stderr and "Traceback" not in proc.stderr


def test_a_huge_subject_is_bounded_and_kept_verbatim_on_its_page() -> None:
    from tracuu.model.records import Document

    subject = "Về bảo vệ trẻ em " * 200
    doc = bound_fields(Document(source="s", id="s", doc_type="Kế hoạch", subject=subject, issuer="x" * 400), subject_line=7)
    assert len(doc.subject) < MAX_SUBJECT and doc.subject.endswith("…")
    assert doc.body[0].text == subject and doc.body[0].line == 7
    assert doc.issuer == "" and any("issuer" in w for w in doc.warnings)
