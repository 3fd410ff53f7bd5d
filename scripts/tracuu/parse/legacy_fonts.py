"""Legacy Vietnamese font encodings as data: TCVN3 (ABC, ``.VnTime``) and VNI (``VNI-Times``).

Before Unicode, Vietnamese Word files were typed in 8-bit fonts that reuse the
Latin-1 code points for Vietnamese letters. Saved as text (or pasted and then
saved as UTF-8) they read as gibberish: TCVN3 "C«ng v¨n" is "Công văn", VNI
"Coâng vaên" is "Công văn". These tables map the characters such text shows
when read as Windows-1252 back to Unicode; ``parse/decode.py`` detects and
applies them. Tested letter by letter in tests/test_decode.py.
"""

from __future__ import annotations

# TCVN3 (TCVN 5712:1993, ABC fonts): one byte per letter. The upper-case
# ``.VnTimeH`` fonts draw the same codes as capitals, so only the seven base
# capitals have codes of their own.
TCVN3: dict[str, str] = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ", "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\u00ad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
}

# Characters that never appear in Vietnamese Unicode text but are common in TCVN3:
# the detector counts these (ê, é, í … are both, so they do not count).
TCVN3_MARKERS = frozenset("µ¸¶·¹¨»¾¼½Æ©ÇËÐÎÏÑª×ØÜÞß«åæçäë¬îïñô\u00adõøö÷ùûüþ¡¢£¤¥¦§®")

# VNI (VNI-Windows): a base letter followed by a mark character; a few letters
# are single characters. Lower case marks follow lower case letters, upper case
# marks upper case letters.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}


def _vni_table() -> dict[str, str]:
    import unicodedata

    def nfc(s: str) -> str:
        return unicodedata.normalize("NFC", s)

    table: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        for base in "aeiouy":
            for mark, tone in _VNI_TONES.items():
                table[case(base + mark)] = case(nfc(base + tone))
        for base in "aeo":
            for mark, tone in _VNI_CIRCUMFLEX.items():
                table[case(base + mark)] = case(nfc(base + "\u0302" + tone))
        for mark, tone in _VNI_BREVE.items():
            table[case("a" + mark)] = case(nfc("a\u0306" + tone))
        for hook, base in (("ô", "ơ"), ("ö", "ư")):
            for mark, tone in _VNI_TONES.items():
                table[case(hook + mark)] = case(nfc(base + tone))
        for single, letter in _VNI_SINGLE.items():
            table.setdefault(case(single), case(letter))
    return table


VNI: dict[str, str] = _vni_table()

# Two-character VNI sequences that Vietnamese Unicode text never contains
# (a vowel followed by a tone character): what the detector counts.
VNI_MARK_AFTER_VOWEL = "ùøûõïåäëüÙØÛÕÏÅÄËÜ"
