"""Bytes of a source file → text, or a refusal that says how to fix the file.

Accepted: UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, Windows-1258.
Text typed in the legacy TCVN3 (``.VnTime``) or VNI fonts — as raw bytes, or
already turned into Windows-1252 "mojibake" inside a UTF-8 file — is detected
and converted with the tables in ``parse/legacy_fonts.py``, with a warning.
NUL and other control characters (and bidirectional overrides, which can make
text read differently from what it is) are removed, with a warning naming the
lines. Every warning is ``line N: message``.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tracuu.parse.legacy_fonts import TCVN3, TCVN3_MARKERS, VNI, VNI_MARK_AFTER_VOWEL

MAX_SOURCE_BYTES = 8 * 1024 * 1024
HOW_TO_SAVE = "mở tệp bằng Word hoặc Notepad++ và lưu lại với mã hóa UTF-8 (Unicode)"
# Letters only Vietnamese Unicode text has and Windows-1252 lacks (ă đ ơ ư ĩ ũ and the tones from U+1EA0).
_VIET_LETTER = re.compile(r"[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]")
# A TCVN3 letter stands for a vowel, so it mostly follows a consonant ("v¨n"); a VNI mark follows
# the vowel it modifies ("vaên"). The two counts tell the fonts apart (their characters overlap).
_TCVN3_MARKER = re.compile("(?<![aeiouyAEIOUY])[" + re.escape("".join(sorted(TCVN3_MARKERS))) + "]")
_VNI_MARKER = re.compile(rf"[aeiouyAEIOUY][{VNI_MARK_AFTER_VOWEL}âáàãêéèúÂÁÀÃÊÉÈÚ]|[ôöÔÖ][ùøûõïÙØÛÕÏ]|\b[ñÑ]")
_VNI_KEYS = re.compile("|".join(re.escape(k) for k in sorted(VNI, key=len, reverse=True)))
_TCVN3_KEYS = re.compile("[" + re.escape("".join(sorted(TCVN3))) + "]")
# Removed: C0/C1 controls except tab and newline, bidi embeddings/overrides/isolates, stray BOMs.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16", "windows-1258", "tcvn3", "vni", "tcvn3 (mojibake)", ... or "" when refused
    warnings: tuple[str, ...] = ()
    refused: str = ""  # "line N: why, and how to fix it" when the bytes are not text we can read


def legacy_font(text: str) -> str:
    """"tcvn3" or "vni" when ``text`` reads like one of the legacy fonts, else ""."""
    viet = len(_VIET_LETTER.findall(text))
    tcvn3 = len(_TCVN3_MARKER.findall(text))
    vni = len(_VNI_MARKER.findall(text))
    best, count = max((("tcvn3", tcvn3), ("vni", vni)), key=lambda t: t[1])
    return best if count >= 3 and count > 4 * viet else ""


def _upper_lines(text: str, converted: str) -> str:
    """TCVN3 capitals (``.VnTimeH``) share codes with small letters: a line whose Latin letters are all capitals
    ("UBND TØNH") is a capitals line: "UBND TỈNH", not "UBND TỉNH"."""
    if converted == text:
        return converted
    out = []
    for line in converted.split("\n"):
        # judged by its words that mix Latin letters and converted ones ("TØNH"), two Latin letters or more
        mixed = [[c for c in w if c.isascii()] for w in _WORD.findall(line) if not w.isascii()]
        mixed = [letters for letters in mixed if len(letters) >= 2]
        out.append(line.upper() if mixed and all(c.isupper() for letters in mixed for c in letters) else line)
    return "\n".join(out)


def convert_legacy(text: str, font: str) -> str:
    """Legacy-font text (as read in Windows-1252) → NFC Unicode."""
    if font == "tcvn3":
        out = _upper_lines(text, _TCVN3_KEYS.sub(lambda m: TCVN3[m.group(0)], text))
    elif font == "vni":
        out = _VNI_KEYS.sub(lambda m: VNI[m.group(0)], text)
    else:
        raise ValueError(f"unknown legacy font {font!r}")
    return unicodedata.normalize("NFC", out)


def _line_of(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def _strip_controls(text: str) -> tuple[str, list[str]]:
    text = text.replace("\x0c", "\n")  # a form feed is a page break: keep the break, not the byte
    if not _CONTROL.search(text):
        return text, []
    lines = text.split("\n")
    hit: list[int] = []
    removed = 0
    for i, line in enumerate(lines):
        cleaned, n = _CONTROL.subn("", line)
        if n:
            lines[i] = cleaned
            removed += n
            hit.append(i + 1)
    shown = ", ".join(str(n) for n in hit[:10]) + (f" và {len(hit) - 10} dòng khác" if len(hit) > 10 else "")
    msg = f"line {hit[0]}: đã xóa {removed} ký tự điều khiển (NUL, ký tự vô hình) ở dòng {shown}; kiểm tra lại bản gốc"
    return "\n".join(lines), [msg]


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 200_000


def vietnamese_score(text: str) -> float:
    """Share of the words in (the start of) ``text`` that are well-formed Vietnamese syllables, at most one tone each."""
    words = _WORD.findall(text[:SAMPLE])
    if not words:
        return 0.0
    good = 0
    for w in words:
        d = unicodedata.normalize("NFD", w.lower())
        bare = "".join(c for c in d if c not in _TONES)
        if len(d) - len(bare) <= 1 and _SYLLABLE.fullmatch(unicodedata.normalize("NFC", bare)):
            good += 1
    return good / len(words)


def _candidates(raw: bytes) -> dict[str, str]:
    """Readings of 8-bit bytes: Windows-1258, TCVN3 and VNI."""
    out = {
        "tcvn3": convert_legacy(raw.decode("latin-1"), "tcvn3"),
        "vni": convert_legacy(raw.decode("cp1252", errors="replace"), "vni"),
    }
    try:
        out["windows-1258"] = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    return out


def _legacy_message(encoding: str, mojibake: bool) -> str:
    if encoding == "windows-1258":
        return f"line 1: tệp mã Windows-1258 (không phải UTF-8); đã chuyển sang Unicode; {HOW_TO_SAVE}"
    name = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}[encoding]
    how = " rồi lưu thành UTF-8 (chữ lỗi kiểu “C«ng v¨n”, “Coâng vaên”)" if mojibake else ""
    return (f"line 1: văn bản gõ bằng phông {name}{how}; đã chuyển sang Unicode, hãy kiểm tra chữ và lưu lại bản gốc "
            "bằng Unikey (Công cụ chuyển mã, đích Unicode)")


def decode(raw: bytes) -> Decoded:
    """Decode ``raw``; never raises. Among several readings, the one whose words are Vietnamese wins."""
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                why = f"line {_line_of(raw, exc.start)}: tệp có dấu BOM {codec} nhưng nội dung hỏng; {HOW_TO_SAVE}"
                return Decoded("", "", (), why)
            encoding = codec.removesuffix("-sig")
            break
    warnings: list[str] = []
    if text is None:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            bad_line = _line_of(raw, exc.start)
            damaged = raw.decode("utf-8", errors="replace")
            good = sum(1 for c in damaged if c > "\x7f" and c != "\ufffd")
            if good and good * 4 >= damaged.count("\ufffd"):
                # UTF-8 with a few broken bytes (an 8-bit legacy file almost never holds a valid UTF-8
                # sequence): keep the text, flag the first bad line.
                text, control = _strip_controls(damaged)
                warning = f"line {bad_line}: tệp không phải UTF-8; lưu lại tệp với mã hóa UTF-8"
                return Decoded(text, "utf-8 (hỏng)", (warning, *control))
            scored = sorted(((vietnamese_score(t), name, t) for name, t in _candidates(raw).items()), reverse=True)
            score, encoding, text = scored[0]
            if score < 0.5:
                return Decoded("", "", (), f"line {bad_line}: tệp không phải UTF-8 và không nhận ra bảng mã; {HOW_TO_SAVE}")
            warnings.append(_legacy_message(encoding, mojibake=False))
    if encoding in ("utf-8", "utf-16", "utf-32") and (font := legacy_font(text)):
        converted = convert_legacy(text, font)
        if vietnamese_score(converted) >= vietnamese_score(text) + 0.15:
            text, encoding = converted, f"{font} (mojibake)"
            warnings.append(_legacy_message(font, mojibake=True))
    text, control = _strip_controls(text)
    return Decoded(text, encoding, tuple(warnings + control))


class ReadError(Exception):
    pass


def read_bounded(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit``; never follows a symlink, never blocks on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if path.is_symlink():
            raise ReadError("là liên kết tượng trưng (symlink), không được đọc; chép tệp thật vào đây") from exc
        raise ReadError(f"không đọc được tệp: {exc.strerror}") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("không phải tệp thường (thư mục, thiết bị, FIFO); chỉ đọc tệp văn bản")
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadError(f"không đọc được tệp: {exc.strerror}") from exc
    finally:
        os.close(fd)
    if size > limit:
        raise ReadError(f"tệp quá lớn (trên {limit // (1024 * 1024)} MB); tách văn bản thành nhiều tệp")
    return b"".join(chunks)


def read_text(path: Path) -> tuple[str, list[str], str]:
    """(text, warnings, refusal): the decoded text, or a ``line N: …`` refusal and no text."""
    try:
        raw = read_bounded(path)
    except ReadError as exc:
        return "", [], f"line 1: {exc}"
    decoded = decode(raw)
    return decoded.text, list(decoded.warnings), decoded.refused
