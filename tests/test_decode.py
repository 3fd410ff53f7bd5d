"""Bytes → text (issue 14): UTF-8/16, Windows-1258, TCVN3 and VNI legacy fonts, control characters."""

from __future__ import annotations

import os
import threading
import unicodedata
from pathlib import Path

import pytest

from tracuu.parse.decode import ReadError, convert_legacy, decode, read_bounded, vietnamese_score
from tracuu.parse.legacy_fonts import TCVN3, VNI

LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
SAMPLE = "Ban chỉ đạo tỉnh Thái Nguyên\nKẾ HOẠCH\nThực hiện công tác bảo vệ, chăm sóc trẻ em năm 2024; Sở Lao động phối hợp."


def to_tcvn3(text: str) -> str:
    inverse = {v: k for k, v in TCVN3.items()}
    return "".join(inverse.get(c, inverse.get(c.lower(), c) if c.isupper() else c) for c in text)


def to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for k, v in VNI.items():
        if v not in inverse or len(k) < len(inverse[v]):
            inverse[v] = k
    return "".join(inverse.get(c, c) for c in text)


def to_cp1258(text: str) -> bytes:
    out = []
    for c in text:
        try:
            out.append(c.encode("cp1258"))
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tones = [x for x in d if x in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(x for x in d if x not in tones))
            out.append((base + "".join(tones)).encode("cp1258"))
    return b"".join(out)


@pytest.mark.parametrize("letter", list(LOWER))
def test_tcvn3_table_covers_every_small_letter(letter: str) -> None:
    assert convert_legacy(to_tcvn3(letter), "tcvn3") == letter


@pytest.mark.parametrize("letter", list(LOWER + LOWER.upper()))
def test_vni_table_covers_every_letter(letter: str) -> None:
    assert convert_legacy(to_vni(letter), "vni") == letter


def test_tcvn3_capital_lines_stay_capitals() -> None:
    assert convert_legacy(to_tcvn3("UBND TỈNH THÁI NGUYÊN\nSố: 5/KH-UBND"), "tcvn3") == "UBND TỈNH THÁI NGUYÊN\nSố: 5/KH-UBND"


@pytest.mark.parametrize(
    ("raw", "encoding", "warns"),
    [
        (SAMPLE.encode(), "utf-8", ""),
        (b"\xef\xbb\xbf" + SAMPLE.encode(), "utf-8", ""),
        (SAMPLE.encode("utf-16"), "utf-16", ""),
        (SAMPLE.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16", ""),
        (to_cp1258(SAMPLE), "windows-1258", "Windows-1258"),
        (to_tcvn3(SAMPLE).encode("latin-1"), "tcvn3", "TCVN3"),
        (to_tcvn3(SAMPLE).encode("utf-8"), "tcvn3 (mojibake)", "TCVN3"),
        (to_vni(SAMPLE).encode("cp1252"), "vni", "VNI"),
        (to_vni(SAMPLE).encode("utf-8"), "vni (mojibake)", "VNI"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16 le", "utf-16 be", "windows-1258", "tcvn3", "tcvn3 mojibake", "vni", "vni mojibake"],
)
def test_every_encoding_reads_back_the_same_text(raw: bytes, encoding: str, warns: str) -> None:
    d = decode(raw)
    assert (d.text, d.encoding, d.refused) == (SAMPLE, encoding, "")
    assert (warns in " ".join(d.warnings)) if warns else d.warnings == ()


@pytest.mark.parametrize(
    "raw",
    [bytes(range(0x80, 0x100)) * 4, b"\xff\xfe\x00\xd8", b"\x81\x8d\x8f\x90\x9d" * 20],
    ids=["high bytes", "broken utf-16", "undefined cp1258"],
)
def test_unreadable_bytes_are_refused_with_how_to_fix(raw: bytes) -> None:
    d = decode(raw)
    assert d.text == "" and "UTF-8" in d.refused and d.refused.startswith("line ")


def test_plain_vietnamese_is_never_converted() -> None:
    text = "Hòa Bình, khoá học; thuê nhà, Sở Tư pháp ưu tiên; ôn tập, ủy ban\n" * 3
    assert decode(text.encode()).text == text
    assert vietnamese_score(text) > 0.8


def test_control_characters_removed_with_line_numbers() -> None:
    d = decode("dòng một\nhai\x00 ba\x07\nbốn \u202ehướng\n".encode())
    assert d.text == "dòng một\nhai ba\nbốn hướng\n"
    assert d.warnings == ("line 2: đã xóa 3 ký tự điều khiển (NUL, ký tự vô hình) ở dòng 2, 3; kiểm tra lại bản gốc",)


def test_utf8_with_a_few_broken_bytes_keeps_its_text() -> None:
    d = decode("Số: 1/UBND\n\n".encode() + b"\xff\xfe r\xe1c")
    assert d.text.startswith("Số: 1/UBND") and d.warnings[0].startswith("line 3: tệp không phải UTF-8")


def test_reading_is_bounded_and_refuses_what_is_not_a_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(2048)
    with pytest.raises(ReadError, match="quá lớn"):
        read_bounded(big, limit=1024)
    link = tmp_path / "link.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReadError, match="symlink"):
        read_bounded(link)
    with pytest.raises(ReadError, match="không phải tệp thường"):
        read_bounded(tmp_path)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    result: list[object] = []
    t = threading.Thread(target=lambda: result.append(pytest.raises(ReadError, read_bounded, fifo)), daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "reading a FIFO blocked"
