"""One deliberately broken corpus, asserted against the full ordered list of problems (PEP 9002 style).

Editors see these messages; each names the file and line and says how to fix it.
Every file still becomes a document: nothing is silently dropped.
"""

from __future__ import annotations

from pathlib import Path

from tracuu.build import load_corpus

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "broken"

EXPECTED = [
    ("sources/01-khong-phai-utf8.txt", 5, "warning", "tệp không phải UTF-8; lưu lại tệp với mã hóa UTF-8"),
    ("sources/01-khong-phai-utf8.txt", 1, "warning", "không tìm thấy tên loại văn bản"),
    ("sources/01-khong-phai-utf8.txt", 1, "warning", "không tìm thấy người ký"),
    ("sources/01-khong-phai-utf8.txt", 1, "warning", "không tìm thấy trích yếu"),
    ("sources/01-khong-phai-utf8.txt", 1, "warning", "không xác định được cơ quan ban hành"),
    ("sources/02-rong.txt", 1, "warning", "tệp rỗng"),
    ("sources/03-co-tep-kem.yml", 3, "error",
     "khóa không hỗ trợ 'nguon'; dùng một trong: issuer, place, province, publisher, url, retrieved, provenance, related, note"),
    ("sources/03-co-tep-kem.txt", 1, "warning", "không tìm thấy người ký"),
    ("sources/03-co-tep-kem.txt", 1, "warning", "cơ quan ban hành suy từ ký hiệu UBND và địa danh"),
    ("sources/03-co-tep-kem.txt", 1, "warning",
     "cơ quan ban hành 'Ủy ban nhân dân tỉnh Yên Bái' ghi trong tệp kèm theo khác văn bản; giữ theo văn bản"),
    ("sources/04-yaml-hong.yml", 2, "error",
     "YAML không hợp lệ (expected ',' or ']', but got '<stream end>'); sửa cú pháp (xem sources/README.md)"),
    ("sources/04-yaml-hong.txt", 1, "warning", "không tìm thấy người ký"),
    ("sources/04-yaml-hong.txt", 1, "warning", "cơ quan ban hành suy từ ký hiệu UBND và địa danh"),
    ("sources/05-thieu-dau-trang.txt", 1, "warning",
     "không nhận ra bố cục văn bản (không có Số, ngày tháng, tên loại, hay ngày đăng tin); kiểm tra tệp có đủ phần đầu văn bản"),
    ("sources/05-thieu-dau-trang.txt", 1, "warning", "không xác định được cơ quan ban hành"),
]


def test_broken_corpus_reports_every_problem_in_order() -> None:
    corpus = load_corpus(FIXTURE)
    assert [(p.path, p.line, p.severity, p.message) for p in corpus.problems] == EXPECTED


def test_broken_corpus_still_yields_every_document() -> None:
    corpus = load_corpus(FIXTURE)
    assert [d.id for d in corpus.documents] == ["01-khong-phai-utf8", "02-rong", "03-co-tep-kem", "04-yaml-hong", "05-thieu-dau-trang"]
    sidecar_doc = corpus.document("03-co-tep-kem")
    assert sidecar_doc is not None and sidecar_doc.issuer == "Ủy ban nhân dân tỉnh Lào Cai"  # the text wins over the sidecar
    assert ("publisher", "Cổng thông tin") in sidecar_doc.meta
