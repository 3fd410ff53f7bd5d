"""Property tests: whatever an editor drops into sources/, parsing does not crash and loses no word."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracuu.model.records import Document
from tracuu.model.textutil import fold
from tracuu.parse.clean import clean
from tracuu.pipeline import parse_text

LINES = st.sampled_from(
    [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: /KH-UBND", "Số: 12/QĐ-UBND", "Bắc Kạn, ngày tháng 01 năm 2024", "Hà Nội, ngày 30 tháng 9 năm 2021",
        "KẾ HOẠCH", "THÔNG BÁO", "V/v tăng cường công tác trẻ em", "Kính gửi:", "- Các sở, ban, ngành;",
        "I. MỤC ĐÍCH", "1. Sở Y tế", "1.1. Phòng Giáo dục và Đào tạo.", "a) Tổng hợp thông tin;", "- Tuyên truyền phòng, chống đuối nước.",
        "+ Chi tiết thêm", "**5. Công an tỉnh:** Chỉ đạo kiểm tra.", "### **2. Sở Tư pháp**", "Điều 2. Tổ chức thực hiện",
        "Phụ lục I", "| A | B |", "|---|---|", "| 1 | 0101 |", "0101. Dân số trẻ em", "Nơi nhận:", "- Lưu: VT.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình", "¹ Theo Kế hoạch số 2026/KH-UBND.", "ghi tiếp đoạn bị ngắt trang",
        "Theo Chỉ thị số 28-CT/TW ngày 25 tháng 12 năm 2023 của Bộ Chính trị¹.", "24/01/2024", "Thu Trang", "",
    ]
)
FREE = st.text(alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạĐÂ .,;:-*#|/()0123456789"), max_size=40)
DOCS = st.lists(st.one_of(LINES, FREE), min_size=0, max_size=30).map("\n".join)

_SUP = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def words(text: str) -> set[str]:
    return set(fold(_SUP.sub(" ", text.replace("*", " "))).split())


def retained(doc: Document) -> set[str]:
    # Labels the page prints beside the values (attribute panel rows).
    labels = ["Số Kính gửi"] if doc.number_text or doc.kinh_gui else []
    parts = [*labels, doc.doc_type, doc.number_text, doc.number, doc.symbol, doc.issuer, doc.place, doc.date_text, doc.subject_prefix, doc.subject,
             doc.signer.name, doc.signer.title, *doc.header, *doc.closing, *doc.kinh_gui, *doc.noi_nhan,
             *(b.text for b in doc.body), *(f.text for f in doc.footnotes), *(f.marker for f in doc.footnotes)]
    return words(" ".join(parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def test_parse_never_crashes_and_loses_no_word(text: str) -> None:
    doc = parse_text(text, source="sources/x.txt", doc_id="x")
    lost = set()
    for ln in clean(text).lines:
        lost |= words(ln.text)
    for f in clean(text).footnotes:
        lost |= words(f.text)
    assert not (lost - retained(doc)), sorted(lost - retained(doc))


@settings(max_examples=300, deadline=None)
@given(DOCS)
def test_anchors_are_unique_and_url_safe(text: str) -> None:
    doc = parse_text(text, source="sources/x.txt", doc_id="x")
    anchors = [b.anchor for b in doc.body]
    assert len(anchors) == len(set(anchors))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", a) for a in anchors), anchors
    assert all(re.fullmatch(r"line \d+: .+", w) for w in doc.warnings), doc.warnings
