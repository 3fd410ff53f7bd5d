"""Số/ký hiệu of a Vietnamese document as a value object (cobalt's FRBR URI, for us).

``SoKyHieu.parse("20/2021/NĐ-CP")`` splits the identifier into its parts and
``str()`` gives it back in normal spacing. People type these by hand, so
parsing tolerates stray spaces and dashes ("4235/UBND- KGVX",
"16619 /UBND-VX", "782/KH–UBND") and ``str()`` always prints the normal form.

Two layouts exist (Nghị định 30/2020/NĐ-CP on state documents, Hướng dẫn
36-HD/VPTW on Party documents):

* state:  ``số[/năm]/[hình thức-]cơ quan[-đơn vị]`` — ``20/2021/NĐ-CP``,
  ``782/KH-UBND``, ``5310/UBND-KGVX`` (a công văn has no form code),
  ``121/2020/QH14``;
* Party:  ``số-hình thức/cơ quan`` — ``28-CT/TW``, ``19-CTr/TU``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from tracuu.model.textutil import nfc

# Form codes (hình thức văn bản) and the document type each one names come from the
# vocabulary (data/vocabulary.yml, form_codes). The model reads no data: the registry
# layer hands it a function that returns the current table (``use_forms``), and the
# grammar is compiled for that table on first use (and again when the table changes).
_forms_source: Callable[[], Mapping[str, str]] | None = None


def use_forms(source: Callable[[], Mapping[str, str]]) -> None:
    """Where the form codes come from (``tracuu.registries.vocabulary`` calls this on import)."""
    global _forms_source
    _forms_source = source


def forms() -> Mapping[str, str]:
    """Form code → document type, as the vocabulary says."""
    if _forms_source is None:
        raise RuntimeError("form codes not loaded: import tracuu.registries.vocabulary before parsing a số/ký hiệu")
    return _forms_source()


# Issuer codes whose documents are national (no province in the identity).
CENTRAL_ISSUERS: frozenset[str] = frozenset(
    {"CP", "TTg", "TW", "VPCP", "BCT", "BBT", "UBTVQH", "TANDTC", "VKSNDTC", "BCĐTW", "BTGTW", "BTCTW"}
)

# "Ð" (U+00D0, Icelandic eth) is often typed for "Đ" (U+0110): "20/2021/NÐ-CP" is "20/2021/NĐ-CP".
_ETH = str.maketrans("Ðð", "Đđ")


def undo_eth(text: str) -> str:
    """``text`` with "Ð"/"ð" read as "Đ"/"đ"; same length, so spans into it are spans into ``text``."""
    return text.translate(_ETH)


_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen and the dashes people type instead
# One code: upper-case first letter (Vietnamese Đ included), then letters, digits or "&".
_CODE = r"[A-ZĐƯƠ][A-Za-zĐđƯưƠơ0-9&]*(?!\w)"
# A dash with at most one space beside it: "UBND- KGVX", "UBND -KGVX"; never " - ",
# which in running text is a clause dash, not part of an identifier.
_D = rf"(?:[{_DASH}][ ]?|[ ][{_DASH}](?![ ]))"
_S = r"(?:[ ]?/[ ]?)"  # slash, one stray space allowed each side
# A drafting unit typed after " - " ("2259/UBND - VX2"): only an all-capitals code that ends
# the identifier (a date, punctuation or the end follows), so a clause dash stays a clause dash.
_SPACED_UNIT = rf"(?:[ ][{_DASH}][ ][A-ZĐ][A-ZĐ0-9&]+(?=\s+ngày|\s*[,;.)]|\s*$))"


def _pattern(number: str, form_codes: tuple[str, ...]) -> str:
    """The one grammar of a số/ký hiệu; ``number`` is the regex of the số thứ tự."""
    # longest first so "TTLT" wins over "TT" in the alternation
    _FORM_ALT = "|".join(sorted((re.escape(f) for f in form_codes), key=len, reverse=True))  # noqa: N806
    return rf"""
    (?P<number>{number})                       # số thứ tự: 20, 5310 (blank in a draft: "/TB-BCĐ")
    (?:
        {_D}(?P<party_form>{_FORM_ALT})(?!\w)  # Party layout: hình thức after a dash, "28-CT"
        {_S}(?P<party_issuer>{_CODE}           # then cơ quan after the slash, "/TW"
            (?:{_D}{_CODE})*)                  # [- đơn vị soạn thảo]: "88-KH/TĐTN-TTNTH"
    |
        (?:{_S}(?P<year>(?:19|20)\d\d))?       # năm ban hành, only in "20/2021/NĐ-CP"-style numbers
        {_S}
        (?:(?P<form>{_FORM_ALT})(?!\w)         # hình thức before the issuer: "NĐ-", "KH-"; absent for công văn
            (?:{_D}|(?P<form_slash>{_S})(?=[A-ZĐ])))?  # or a slash: "505/QCPH/SGDĐT-CATP" (a joint Quy chế)
        (?P<issuer>{_CODE}(?:{_D}{_CODE})*     # cơ quan ban hành [- đơn vị soạn thảo]: "CP", "UBND-KGVX"
            {_SPACED_UNIT}?)                   # "UBND - VX2 ngày …": the unit after a spaced dash
    )
"""


@dataclass(frozen=True)
class _Grammar:
    find: re.Pattern[str]  # in running text ("theo Kế hoạch số 45/KH-UBND ngày …")
    full: re.Pattern[str]  # a whole identifier
    printed: re.Pattern[str]  # the value of a "Số:" line: a draft leaves the number blank ("Số: /TB-BCĐ")


@lru_cache(maxsize=4)
def _compile(form_codes: tuple[str, ...]) -> _Grammar:
    pattern = _pattern(r"\d{1,6}", form_codes)
    return _Grammar(
        find=re.compile(pattern, re.VERBOSE),
        full=re.compile(rf"\s*(?:{pattern})\s*", re.VERBOSE),
        printed=re.compile(_pattern(r"\d{0,6}", form_codes), re.VERBOSE),
    )


def _grammar() -> _Grammar:
    return _compile(tuple(forms()))


class _Finder:
    """``SO_KY_HIEU_RE``: the grammar for the current form codes, used like a compiled pattern."""

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return _grammar().find.search(text, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return _grammar().find.finditer(text, pos)


SO_KY_HIEU_RE = _Finder()
_DASH_RUN = re.compile(rf"\s*[{_DASH}]\s*")


@dataclass(frozen=True)
class SoKyHieu:
    """A parsed số/ký hiệu. ``str()`` is the normal form; ``parse(str(x)) == x``."""

    number: str  # "20"
    year: str = ""  # "2021" when the identifier carries it
    form: str = ""  # "NĐ", "CT", "" for a công văn
    issuer: str = ""  # "CP", "UBND-KGVX", "TW"
    party: bool = False  # Party layout "28-CT/TW"
    form_slash: bool = False  # a slash after the form code, as printed: "505/QCPH/SGDĐT-CATP"

    @classmethod
    def parse(cls, text: str) -> SoKyHieu:
        """Parse a whole identifier; raise ``ValueError`` when it is not one."""
        m = _grammar().full.fullmatch(undo_eth(nfc(text)))
        if m is None:
            raise ValueError(f"not a số/ký hiệu: {text!r}")
        return cls.from_match(m)

    @classmethod
    def read_number_line(cls, value: str) -> SoKyHieu | None:
        """The value of a "Số:" line as printed, or None when it is no số/ký hiệu.

        Emphasis marks and spaces are dropped ("*5310*/UBND-KGVX", "31  /BC-SLĐTBXH");
        a draft's blank number stays blank (``number == ""``: "/TB-BCĐ").
        """
        m = _grammar().printed.fullmatch(re.sub(r"\s+", "", undo_eth(nfc(value)).replace("*", "")))
        return cls.from_match(m) if m is not None else None

    @classmethod
    def from_match(cls, m: re.Match[str]) -> SoKyHieu:
        """Build from a match of ``SO_KY_HIEU_RE`` (used by the citation finder)."""
        if m.group("party_form"):
            return cls(
                number=m.group("number"),
                form=m.group("party_form"),
                issuer=_DASH_RUN.sub("-", m.group("party_issuer")),
                party=True,
            )
        return cls(
            number=m.group("number"),
            year=m.group("year") or "",
            form=m.group("form") or "",
            issuer=_DASH_RUN.sub("-", m.group("issuer")),
            form_slash=bool(m.group("form") and m.group("form_slash")),
        )

    def __str__(self) -> str:
        if self.party:
            return f"{self.number}-{self.form}/{self.issuer}"
        parts = [self.number]
        if self.year:
            parts.append(self.year)
        parts.append(self.symbol)
        return "/".join(parts)

    @property
    def symbol(self) -> str:
        """Ký hiệu: everything after the number (and its year): "TT-BLĐTBXH", "CT/TW", "UBND-KGVX"."""
        if self.party or self.form_slash:
            return f"{self.form}/{self.issuer}"
        return f"{self.form}-{self.issuer}" if self.form else self.issuer

    @property
    def issuer_code(self) -> str:
        """The issuing body's code without the drafting unit: "UBND" of "UBND-KGVX"."""
        return self.issuer.split("-", 1)[0]

    @property
    def instrument_type(self) -> str:
        """The document type named by the form code; a state number without one is a công văn."""
        if self.form:
            return forms().get(self.form, "")
        if self.issuer_code.startswith("QH"):
            return ""  # Luật and Nghị quyết of the Quốc hội share the "/QH14" layout
        return "Công văn"

    @property
    def is_central(self) -> bool:
        """Whether the issuer is national (identity needs no province)."""
        code = self.issuer_code
        return (
            code in CENTRAL_ISSUERS
            or code.startswith("QH")
            or self.form in {"NĐ", "TT", "TTLT"}  # only the Government and ministries issue these
            # "BLĐTBXH", "BYT": a Bộ; but "BCĐ", "BTC" (Ban Chỉ đạo, Ban Tổ chức) are local boards
            or (code.startswith("B") and not code.startswith(("BCĐ", "BTC", "BQL", "BCH", "BTG")))
            or code == "LĐTBXH"  # the Ministry's own công văn: "636/LĐTBXH-TE"
        )
