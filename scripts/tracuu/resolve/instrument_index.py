"""Cited instruments: their mentions, the name to show, the level that issued them, the document that is one.

Computed once per build (``resolve.index``); ``render.instruments`` lays it out.
"""

from __future__ import annotations

import re
from collections import defaultdict

from tracuu.model.corpus import Corpus
from tracuu.model.index import AmendmentLink, InstrumentFacts, Mention
from tracuu.model.instruments import Instrument
from tracuu.model.records import Citation, Document, Pinpoint, unit_anchor
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import collation_key
from tracuu.registries.instruments import Registry
from tracuu.resolve.citations import _jurisdiction, canonical_type, context_for, instrument_id_for_document
from tracuu.resolve.citations.identity import instrument_id


def _sentence(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, mention, after) of the sentence holding text[start:end], emphasis markers dropped."""
    bounds = [m.end() for m in re.finditer(r"[.;!?](?=\s)|\n", text[:start])]
    s = bounds[-1] if bounds else 0
    m = re.search(r"[.;!?](?=\s|$)|\n", text[end:])
    e = end + m.end() if m else len(text)
    before, mention, after = text[s:start], text[start:end], text[end:e]
    if len(before) > 200:
        before = "…" + before[-200:].split(" ", 1)[-1]
    if len(after) > 200:
        after = after[:200].rsplit(" ", 1)[0] + "…"
    return tuple(x.replace("*", "") for x in (before.lstrip(), mention, after.rstrip()))  # type: ignore[return-value]


def _block_text(doc: Document, c: Citation) -> str:
    anchor = c.span.block if c.span else ""
    if anchor.startswith("fn-"):
        num = anchor[3:]
        fn = next((f for f in doc.footnotes if f.number == num), None)
        return fn.text if fn else c.text
    block = doc.block(anchor)
    return block.text if block else c.text


def mention(doc: Document, c: Citation) -> Mention:
    """A citation with the sentence it stands in, for quoting on the instrument's page."""
    text = _block_text(doc, c)
    if c.span and text[c.span.start : c.span.end] == c.text:
        context = _sentence(text, c.span.start, c.span.end)
    else:
        context = ("", c.text.replace("*", ""), "")
    basis = text.lstrip("*_ ").startswith("Căn cứ") and bool(c.span)
    return Mention(doc, c, context, basis)


def mentions_by_instrument(corpus: Corpus) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for doc in corpus.documents:
        for c in doc.citations:
            out[c.instrument].append(mention(doc, c))
    return dict(out)


def document_instruments(corpus: Corpus, reg: Registry) -> dict[str, str]:
    """Document id → the instrument it is ('' entries left out)."""
    out: dict[str, str] = {}
    for doc in corpus.documents:
        inst = instrument_id_for_document(doc, reg)
        if inst:
            out[doc.id] = inst
    return out


def _pick(fact: str, mentions: list[Mention], entry: Instrument | None) -> str:
    if entry is not None and getattr(entry, fact):
        return str(getattr(entry, fact))
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        if getattr(m.citation, fact):
            counts[getattr(m.citation, fact)] += 1
    return min(counts, key=lambda v: (-counts[v], collation_key(v))) if counts else ""


def label(mentions: list[Mention], entry: Instrument | None) -> tuple[str, str, str]:
    """(type, number or name, title) to show for an instrument."""
    number = _pick("number", mentions, entry)
    type_ = _pick("type", mentions, entry)
    if number:
        try:
            type_ = (entry.type if entry and entry.type else "") or canonical_type(type_, SoKyHieu.parse(number))
        except ValueError:
            pass
    return type_, number, _pick("title", mentions, entry)


def _parsed(number: str) -> SoKyHieu | None:
    if not number:
        return None
    try:
        return SoKyHieu.parse(number)
    except ValueError:
        return None


def _national_level(type_: str, issuer: str, skh: SoKyHieu | None) -> str:
    """The national level an instrument's type, issuer or number code names ("" when none does)."""
    code = skh.issuer_code if skh else ""
    if type_ in {"Công ước", "Nghị định thư", "Hiệp định"}:
        return "Điều ước quốc tế"
    if type_ in {"Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"} or issuer.startswith("Quốc hội"):
        return "Quốc hội"
    if code.startswith(("QH", "UBTVQH")):
        return "Quốc hội"
    if code in {"TW", "BCT", "BBT"} or issuer.startswith(("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương")):
        return "Đảng"
    if code in {"CP", "TTg", "VPCP"} or issuer.startswith(("Chính phủ", "Thủ tướng")):
        return "Chính phủ, Thủ tướng Chính phủ"
    if issuer.startswith("Bộ") or (skh is not None and skh.is_central):
        return "Bộ, ngành trung ương"
    return ""


def level(type_: str, number: str, mentions: list[Mention], entry: Instrument | None) -> str:
    """The level that issued an instrument (one of ``render.instruments.LEVELS``)."""
    issuers = [entry.issuer] if entry and entry.issuer else [m.citation.issuer for m in mentions if m.citation.issuer]
    skh = _parsed(number)
    national = _national_level(type_, issuers[0] if issuers else "", skh)
    if national:
        return national
    if skh is not None and mentions:
        m = mentions[0]
        jur = entry.jurisdiction if entry and entry.jurisdiction else _jurisdiction(
            skh, m.citation.issuer, context_for(m.doc)
        )
        if jur:
            return "Huyện, thành phố thuộc tỉnh" if re.match(r"(?:huyện|thành phố|quận|thị xã)\s", jur) else "Tỉnh"
    return "Chưa rõ cấp ban hành"


def amender_id(type_: str, number: str, reg: Registry) -> str:
    """The instrument id of an amending text named in a note ("Luật", "28/2018/QH14")."""
    skh = _parsed(number)
    if skh is None:
        return ""
    entry = reg.by_number(str(skh), "", skh.year)
    return entry.id if entry else instrument_id(canonical_type(type_, skh), skh, "", "", skh.year)


def amendment_links(corpus: Corpus, reg: Registry) -> tuple[AmendmentLink, ...]:
    """Every amendment the Pháp điển notes record, with the amending instrument's id."""
    out: list[AmendmentLink] = []
    for doc in corpus.documents:
        for a in doc.amendments:
            amender = amender_id(a.type, a.number, reg)
            if amender:
                out.append(AmendmentLink(amender, doc, a))
    return tuple(out)


def instrument_facts(corpus: Corpus, reg: Registry) -> dict[str, InstrumentFacts]:
    """Every cited or amending instrument id → how the site names and files it."""
    out: dict[str, InstrumentFacts] = {}
    for inst_id, ms in mentions_by_instrument(corpus).items():
        entry = reg.get(inst_id)
        type_, number, title = label(ms, entry)
        out[inst_id] = InstrumentFacts(inst_id, type_, number, title, level(type_, number, ms, entry), entry, tuple(ms))
    for a in amendment_links(corpus, reg):
        if a.amender not in out:  # known only from a note: its type and number, nothing more
            entry = reg.get(a.amender)
            skh = _parsed(a.amendment.number)
            type_ = canonical_type(a.amendment.type, skh) if skh else a.amendment.type
            number = str(skh) if skh else a.amendment.number
            out[a.amender] = InstrumentFacts(a.amender, type_, number, "", level(type_, number, [], entry), entry, ())
    return out


def _first(items: str) -> str:
    return items.split(",")[0].strip()


def pinpoint_anchor(pin: Pinpoint, anchors: set[str]) -> str:
    """The deepest unit of ``pin`` that has an anchor on the cited text's page; "" for none.

    A list ("Điều 48, 49, 50", "các khoản 1, 2") points at its first item; a khoản or
    điểm the page has no anchor for falls back to its article.
    """
    if not pin.article:
        return ""
    article, clause, point = _first(pin.article), _first(pin.clause), _first(pin.point)
    for candidate in (
        unit_anchor(article, clause, point) if clause and point else "",
        unit_anchor(article, clause) if clause else "",
        unit_anchor(article),
    ):
        if candidate and candidate in anchors:
            return candidate
    return ""


def pinpoint_anchors(corpus: Corpus, instrument_document: dict[str, str]) -> dict[tuple[str, Pinpoint], str]:
    """(instrument id, pinpoint) → the anchor on that instrument's document page, for every pinpoint citation."""
    docs = {d.id: d for d in corpus.documents}
    anchors: dict[str, set[str]] = {}
    out: dict[tuple[str, Pinpoint], str] = {}
    for doc in corpus.documents:
        for c in doc.citations:
            target = instrument_document.get(c.instrument)
            if not c.pinpoint or target is None or (c.instrument, c.pinpoint) in out:
                continue
            if target not in anchors:
                anchors[target] = {b.anchor for b in docs[target].body}
            found = pinpoint_anchor(c.pinpoint, anchors[target])
            if found:
                out[(c.instrument, c.pinpoint)] = found
    return out
