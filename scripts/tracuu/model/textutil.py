"""Vietnamese text helpers shared by parsing, slugs, sorting and search.

``fold`` is the single definition of "the same word without accents"; the
search override in ``overrides/`` implements the same table in JavaScript and
``tests/test_fold.py`` holds both to one list of cases.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Punctuation that people type glued to words; the search index must not keep it.
_NON_WORD = re.compile(r"[^\w]+")


# Footnote markers as printed: "¹", "²³" (cleaning keeps them; renderers link them).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# Emphasis marks touch a space, a line end or punctuation ("**5. Sở:**", "*5310*/");
# an asterisk between two letters or digits is text and stays.
_EMPHASIS = re.compile(r"(?<![^\W_])\*+|\*+(?![^\W_])")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")


@functools.lru_cache(maxsize=1 << 14)  # pure; blocks are read by several resolvers
def plain(text: str) -> str:
    """Text without Markdown heading marks, emphasis and surrounding space (``Block.plain``)."""
    return _EMPHASIS.sub("", _HEADING_MARK.sub("", text)).strip()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Remove Vietnamese tone and vowel marks; đ→d, Đ→D. Case is kept."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, đ→d; words separated by one space.

    >>> fold("Đuối  NƯỚC, trẻ em!")
    'duoi nuoc tre em'
    """
    bare = strip_marks(text).lower()
    return " ".join(w for w in _NON_WORD.split(bare) if w)


def slugify(text: str, sep: str = "-") -> str:
    """URL slug that folds đ and accents: ``Đuối nước`` → ``duoi-nuoc``.

    Also used as MkDocs' ``toc.slugify`` so heading anchors fold đ the same way
    (Material's default drops đ: "Đường dây nóng" → "uong-day-nong").
    """
    words = re.findall(r"[a-z0-9]+", strip_marks(text).lower())
    return sep.join(words)


def toc_slugify(value: str, separator: str) -> str:
    """Signature expected by Python-Markdown's ``toc`` extension."""
    return slugify(value, separator)


# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# tones ordered: none, huyền, hỏi, ngã, sắc, nặng (the dictionary convention).
_BASE_ORDER = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: letters, not tones


@functools.lru_cache(maxsize=4096)
def _letter_key(ch: str) -> tuple[int, int, int]:
    """(base letter rank, tone rank, case) for one character."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    marks = decomposed[1:]
    letter_marks = "".join(m for m in marks if m in _VOWEL_MARKS)
    tone = next((m for m in marks if m in _TONE_ORDER), "")
    letter = unicodedata.normalize("NFC", base + letter_marks).lower()
    if letter in _BASE_ORDER:
        rank = 100 + _BASE_ORDER.index(letter)
    elif letter.isdigit():
        rank = 10 + int(letter)
    elif letter.isalpha():
        rank = 200 + ord(letter)
    else:
        rank = 0 if letter.isspace() else 1
    return rank, _TONE_ORDER.get(tone, 0), 0 if ch.islower() else 1


@functools.lru_cache(maxsize=1 << 15)
def collation_key(text: str) -> tuple[tuple[int, int, int], ...]:
    """Sort key following Vietnamese dictionary order (Đ after D, not after Z).

    Primary: letters; secondary: tones; so "Đà Nẵng" sorts after "Dung" and
    before "Em". Python's default ``sorted`` puts Đ after Z.
    """
    chars = [_letter_key(c) for c in nfc(text)]
    primary = tuple((r, 0, 0) for r, _, _ in chars)
    return primary + ((999, 0, 0),) + tuple(chars)


# Superscript digits mark footnote references in the sources ("trẻ em¹").
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
