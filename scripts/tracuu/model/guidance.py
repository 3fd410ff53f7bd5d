"""Plain-language guidance pages (``data/guidance.yml``) as frozen records.

Every statement rests on one or more ``Basis``: an article (khoản, điểm) of a
national instrument named by its number, or a clause (block anchor) of a
corpus document named by its source file stem.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracuu.model.textutil import fold


def _slug_part(label: str) -> str:
    # "đ" is a điểm letter of its own: "dd" keeps it apart from "d" (the
    # Pháp điển document kind slugs điểm đ the same way).
    return fold(label.strip().lower().replace("đ", "dd")).replace(" ", "-")


@dataclass(frozen=True)
class Basis:
    """What a statement rests on: ``instrument`` + ``article`` or ``document`` + ``anchor``."""

    instrument: str = ""  # "102/2016/QH13", as printed in the Pháp điển notes
    article: str = ""  # "54"
    clause: str = ""  # khoản "1" or ""
    point: str = ""  # điểm "a", "đ" or ""
    document: str = ""  # source file stem in sources/
    anchor: str = ""  # block anchor of the document page ("m5-b2")
    line: int = 0

    @property
    def is_instrument(self) -> bool:
        return bool(self.instrument)

    def target_anchor(self) -> str:
        """The page anchor: the block anchor, or ``dieu-54-khoan-1-diem-a`` for an article."""
        if not self.is_instrument:
            return self.anchor
        out = f"dieu-{_slug_part(self.article)}"
        if self.clause:
            out += f"-khoan-{_slug_part(self.clause)}"
            if self.point:
                out += f"-diem-{_slug_part(self.point)}"
        return out

    def label(self) -> str:
        """Reader form of an article pinpoint: "điểm a khoản 1 Điều 54"."""
        if not self.is_instrument:
            return self.anchor
        parts = []
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.clause:
            parts.append(f"khoản {self.clause}")
        parts.append(f"Điều {self.article}")
        return " ".join(parts)


@dataclass(frozen=True)
class Statement:
    text: str
    basis: tuple[Basis, ...]
    tel: str = ""  # a number to dial, printed in ``text``
    line: int = 0


@dataclass(frozen=True)
class GuidanceSection:
    id: str
    title: str
    statements: tuple[Statement, ...]
    line: int = 0


@dataclass(frozen=True)
class GuidancePage:
    id: str
    title: str
    lead: str
    sections: tuple[GuidanceSection, ...]
    line: int = 0

    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for sec in self.sections for s in sec.statements)

    def text(self) -> str:
        """Everything a reader reads on the page, in order (title, lead, sections)."""
        parts = [self.title, self.lead]
        for sec in self.sections:
            parts.append(sec.title)
            parts.extend(s.text for s in sec.statements)
        return "\n".join(parts)


@dataclass(frozen=True)
class BasisLink:
    """Where a basis leads on the site (resolved once per build in ``resolve.guidance``).

    ``kind``: "document" (a document page, ``page`` its id, ``anchor`` the
    article/clause anchor when that page has it), "instrument" (the page of a
    cited instrument whose text the corpus does not hold; no anchor) or ""
    (nothing on the site to link to). ``name`` names the instrument as a
    reader knows it ("Luật Trẻ em", "Nghị định 56/2017/NĐ-CP"); "" for a
    corpus document basis (the renderer names it from the document).
    """

    kind: str
    page: str = ""
    anchor: str = ""
    name: str = ""
