"""Parse a text as codified in the Bộ Pháp điển (Ministry of Justice): article after article,

    Điều 8.1.LQ.82. Bộ Lao động - Thương binh và Xã hội            ← Pháp điển heading
    (Điều 82 Luật số 102/2016/QH13, có hiệu lực thi hành kể từ      ← source note
    ngày 01/06/2017, có nội dung được sửa đổi, … bởi Điều 11 Luật số 28/2018/QH14 …)
    1. Chịu trách nhiệm trước Chính phủ …                           ← khoản
    a) …                                                             ← điểm (a1) … sub-points, "- " dashes)

There is no Quốc hiệu, no preamble, no signature: what the page says about the
instrument (type, number, title, issuer, signing and effective dates,
amendments) comes from the source notes and nothing else; a fact no note
states stays "". Every line of the source stays on the page: the article is
shown by its original number and title ("Điều 82. Bộ Lao động - …"), its
Pháp điển heading and note follow it as quiet "note" blocks, then the body.

Anchors follow the legal units: ``dieu-82``, ``dieu-82-khoan-3``,
``dieu-82-khoan-3-diem-a`` (``-diem-dd`` for đ, ``-diem-a1`` for a sub-point),
``…-gach-2`` for the second dash item, ``…-doan-1`` for an unnumbered
paragraph, ``dieu-82-phap-dien`` and ``dieu-82-ghi-chu`` for the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracuu.model.problems import Problem
from tracuu.model.records import Amendment, ArticleNote, Block, BlockKind, Document, unit_anchor
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.parse.clean import Cleaned, Line

# "Điều 8.1.LQ.82. Bộ Lao động - …", "Điều 8.1.NĐ.1.58. Trách nhiệm thi hành", "Điều 8.1.TT.6.10. …":
# đề mục (8.1), kind of instrument (LQ, NĐ, TT …), the instrument's place in the đề mục, the article.
HEADING = re.compile(
    r"""^Điều\s+
    (?P<code>\d+(?:\.\d+)*            # đề mục: 8.1
      \.(?P<kind>[A-ZĐ]{2,6})         # LQ = luật, NĐ, TT, …
      (?:\.\d+)*\.(?P<last>\d+))      # [instrument.]article
    \.\s+(?P<title>\S.*?)\s*$""",
    re.VERBOSE,
)
_TYPES = (r"Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+quyết\s+liên\s+tịch|Nghị\s+quyết|Nghị\s+định"
          r"|Thông\s+tư\s+liên\s+tịch|Thông\s+tư|Quyết\s+định")
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_NUMBER = r"[^\s,;()]+"
# "(Điều 82 Luật số 102/2016/QH13<rest>)"
NOTE = re.compile(rf"^\(\s*Điều\s+(?P<article>\d+[a-z]?)\s+(?P<type>{_TYPES})\s+số\s+(?P<number>{_NUMBER})(?P<rest>.*)\)\s*$")
# the rest: "[ <title> ngày 05/04/2016 của <issuer>], có hiệu lực thi hành kể từ ngày 01/06/2017[, <amendments>]"
_EFFECTIVE = re.compile(rf",\s*có\s+hiệu\s+lực\s+thi\s+hành\s+kể\s+từ\s+ngày\s+(?P<date>{_DATE})\s*(?:,\s*(?P<more>.*?))?\s*$")
_HEAD_FACTS = re.compile(rf"^(?P<title>.*)\s+ngày\s+(?P<date>{_DATE})(?:\s+của\s+(?P<issuer>.+?))?\s*$")
_ACTIONS = r"sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|hủy\s+bỏ|huỷ\s+bỏ|đình\s+chỉ|ngưng\s+hiệu\s+lực"
# "có nội dung được sửa đổi, có nội dung được bổ sung bởi Điều 11 Luật số 28/2018/QH14 có hiệu lực thi hành kể từ ngày 01/01/2019"
_AMENDMENT = re.compile(
    rf"""(?P<acts>(?:(?:có\s+nội\s+dung\s+)?(?:được|bị)\s+(?:{_ACTIONS})\s*,?\s*)+)
    bởi\s+(?P<articles>Điều\s+\d+[a-z]?(?:\s*(?:,|và)\s*(?:Điều\s+)?\d+[a-z]?)*)
    \s+(?P<type>{_TYPES})\s+số\s+(?P<number>{_NUMBER})
    (?:\s+có\s+hiệu\s+lực\s+thi\s+hành\s+kể\s+từ\s+ngày\s+(?P<date>{_DATE}))?""",
    re.VERBOSE,
)
_KHOAN = re.compile(r"^(?P<label>\d{1,3})\.(?!\d)\s*\S")  # "1. …", "2.Chậm nhất …" (space lost); not "1.000 đồng"
_DIEM = re.compile(r"^(?P<label>[a-zđ])\)\s*\S")
_SUB = re.compile(r"^(?P<label>[a-zđ]\d{1,2})\)\s*\S")
_DASH = re.compile(r"^[-+•–]\s+\S")


def is_phapdien(cleaned: Cleaned) -> bool:
    """The text is a Pháp điển extract: its first non-empty line is a Pháp điển article heading."""
    first = next((ln.text.strip() for ln in cleaned.lines if ln.text.strip()), "")
    return bool(HEADING.match(first))


def iso(ddmmyyyy: str) -> str:
    """'01/06/2017' → '2017-06-01'; '' when the date is not a real one."""
    d, m, y = (int(x) for x in ddmmyyyy.split("/"))
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else ""


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normal_number(number: str) -> str:
    """The số/ký hiệu in normal form ("28/2019/TT-BLĐTBXH"); as printed when it does not parse."""
    try:
        return str(SoKyHieu.parse(number))
    except ValueError:
        return number


@dataclass(frozen=True)
class NoteFacts:
    """What one source note states; "" for what it does not."""

    article: str
    type: str
    number: str
    title: str = ""
    date: str = ""  # signing date, ISO
    date_text: str = ""  # as printed: "ngày 05/04/2016"
    issuer: str = ""
    effective: str = ""
    amendments: tuple[Amendment, ...] = ()
    problem: str = ""  # what could not be read, for a warning


def read_note(text: str, line: int = 0) -> NoteFacts | None:
    """The facts of a source note; None when ``text`` is not one."""
    m = NOTE.match(text.strip())
    if not m:
        return None
    doc_type = _space(m.group("type"))
    facts = NoteFacts(article=m.group("article"), type=doc_type, number=normal_number(m.group("number")))
    rest = m.group("rest")
    eff = _EFFECTIVE.search(rest)
    if eff is None:
        return replace(facts, problem="ghi chú không có câu 'có hiệu lực thi hành kể từ ngày …'")
    head = rest[: eff.start()].strip()
    if head:
        hm = _HEAD_FACTS.match(head)
        if hm is None:
            return replace(facts, problem=f"không đọc được tên, ngày, cơ quan trong ghi chú: '{head}'")
        title = _space(hm.group("title")).rstrip(".").strip()
        # "Thông tư số 28/2019/TT-BLĐTBXH Thông tư Hướng dẫn …": the type repeated before the title
        if title.startswith(doc_type + " ") and title[len(doc_type) + 1 : len(doc_type) + 2].isupper():
            title = title[len(doc_type) + 1 :]
        facts = replace(facts, title=title, date=iso(hm.group("date")), date_text=f"ngày {hm.group('date')}",
                        issuer=_space(hm.group("issuer") or ""))
    facts = replace(facts, effective=iso(eff.group("date")))
    more = eff.group("more") or ""
    if not more:
        return facts
    amendments = tuple(
        Amendment(
            actions=tuple(_space(a) for a in re.findall(rf"(?:được|bị)\s+({_ACTIONS})", a.group("acts"))),
            type=_space(a.group("type")),
            number=normal_number(a.group("number")),
            articles=tuple(re.findall(r"\d+[a-z]?", a.group("articles"))),
            effective=iso(a.group("date")) if a.group("date") else "",
            targets=(facts.article,),
            text=_space(a.group(0)),
            line=line,
        )
        for a in _AMENDMENT.finditer(more)
    )
    if not amendments:
        return replace(facts, problem=f"không đọc được phần sửa đổi trong ghi chú: '{more}'")
    return replace(facts, amendments=amendments)


@dataclass
class _Unit:
    """An open labelled unit while walking one article's body."""

    anchor: str
    level: int
    dashes: int = 0
    paras: int = 0


@dataclass
class _Article:
    heading: Line
    note: Line | None = None
    body: list[Line] = field(default_factory=list)


def _split_articles(lines: tuple[Line, ...]) -> tuple[list[Line], list[_Article]]:
    """Lines before the first heading (should be none), and the articles with their notes and bodies."""
    before: list[Line] = []
    articles: list[_Article] = []
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if HEADING.match(text):
            articles.append(_Article(Line(ln.no, text)))
        elif not articles:
            before.append(Line(ln.no, text))
        elif articles[-1].note is None and not articles[-1].body and NOTE.match(text):
            articles[-1].note = Line(ln.no, text)
        else:
            articles[-1].body.append(Line(ln.no, text))
    return before, articles


class _Anchors:
    """Anchors unique on the page: a repeated one gets "-2", "-3" and a warning."""

    def __init__(self, warnings: list[str]) -> None:
        self.used: set[str] = set()
        self.warnings = warnings

    def take(self, anchor: str, line: int) -> str:
        out, k = anchor, 2
        while out in self.used:
            out, k = f"{anchor}-{k}", k + 1
        if out != anchor:
            self.warnings.append(f"line {line}: '{anchor}' đã có ở trên (số điều, khoản hoặc điểm lặp lại); dùng '{out}'")
        self.used.add(out)
        return out


def _body_blocks(art_anchor: str, lines: list[Line], anchors: _Anchors) -> list[Block]:
    """khoản, điểm, sub-points, dashes and paragraphs of one article, each with its anchor and parent.

    Anchors extend the article's (``dieu-82`` → ``dieu-82-khoan-3-diem-a``), so they are
    ``unit_anchor(82, 3, "a")``, the anchor a pinpoint citation of that unit names.
    """
    blocks: list[Block] = []
    article = _Unit(art_anchor, 0)
    khoan: _Unit | None = None
    diem: _Unit | None = None
    sub: _Unit | None = None

    def add(kind: BlockKind, ln: Line, anchor: str, level: int, label: str, parent: str) -> _Unit:
        anchor = anchors.take(anchor, ln.no)
        blocks.append(Block(kind=kind, text=ln.text, line=ln.no, anchor=anchor, level=level, label=label, parent=parent))
        return _Unit(anchor, level)

    for ln in lines:
        text = ln.text
        if m := _KHOAN.match(text):
            khoan = add("item", ln, f"{art_anchor}-khoan-{m.group('label')}", 1, m.group("label"), art_anchor)
            diem = sub = None
        elif (m := _SUB.match(text)) and diem is not None:
            # "a1)" under "a)": named like a point of the khoản it belongs to (dieu-9-khoan-1-diem-a1)
            owner = khoan or article
            label = m.group("label")
            sub = add("item", ln, f"{owner.anchor}-diem-{_slug(label)}", diem.level + 1, label, diem.anchor)
        elif m := _DIEM.match(text):
            owner = khoan or article
            label = m.group("label")
            diem = add("item", ln, f"{owner.anchor}-diem-{_slug(label)}", owner.level + 1, label, owner.anchor)
            sub = None
        elif _DASH.match(text):
            owner = sub or diem or khoan or article
            owner.dashes += 1
            add("bullet", ln, f"{owner.anchor}-gach-{owner.dashes}", owner.level + 1, text[0], owner.anchor)
        else:
            owner = sub or diem or khoan or article
            owner.paras += 1
            add("para", ln, f"{owner.anchor}-doan-{owner.paras}", owner.level + 1, "", owner.anchor)
    return blocks


def _slug(label: str) -> str:
    return label.replace("đ", "dd")


def _document_facts(notes: list[tuple[NoteFacts, int]], warnings: list[str]) -> dict[str, str]:
    """Type, number, title, issuer and dates of the instrument: from the first note that states each."""
    facts = {"doc_type": "", "number": "", "subject": "", "date": "", "date_text": "", "issuer": "",
             "issuer_source": "", "effective": ""}
    if not notes:
        return facts
    first, _ = notes[0]
    facts["doc_type"], facts["number"] = first.type, first.number
    for note, line in notes:
        if (note.type, note.number) != (first.type, first.number):
            warnings.append(f"line {line}: ghi chú dẫn {note.type} số {note.number}, khác văn bản của tệp "
                            f"({first.type} số {first.number}); kiểm tra tệp chỉ chứa một văn bản")
            continue
        if note.title and not facts["subject"]:
            facts["subject"] = note.title
        if note.date and not facts["date"]:
            facts["date"], facts["date_text"] = note.date, note.date_text
        if note.issuer and not facts["issuer"]:
            facts["issuer"], facts["issuer_source"] = note.issuer, f"ghi chú Pháp điển tại Điều {note.article}"
        if note.effective and not facts["effective"]:
            facts["effective"] = note.effective
    return facts


def _merge_amendments(found: list[Amendment]) -> tuple[Amendment, ...]:
    """One relation per (instrument, its articles, actions, date); the amended articles gathered in order."""
    merged: dict[tuple[str, str, tuple[str, ...], tuple[str, ...], str], Amendment] = {}
    for a in found:
        key = (a.type, a.number, a.articles, a.actions, a.effective)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, targets=old.targets + tuple(t for t in a.targets if t not in old.targets))
        else:
            merged[key] = a
    return tuple(merged.values())


_LINE = re.compile(r"^line (?P<line>\d+): (?P<message>.*)$", re.S)


def _problem(source: str, warning: str) -> Problem:
    """``line N: message`` (how this parser notes doubts) as a typed warning Problem."""
    m = _LINE.match(warning)
    return Problem(source, int(m.group("line")), m.group("message"), "warning") if m else Problem(source, 1, warning, "warning")


def _article_number(art: _Article, hm: re.Match[str], warns: list[str]) -> tuple[str, NoteFacts | None]:
    """The article's number and what its source note states: the note's number, else the heading's (noted)."""
    facts = read_note(art.note.text, art.note.no) if art.note else None
    if facts is None:
        number = hm.group("last")
        warns.append(f"line {art.heading.no}: điều Pháp điển {hm.group('code')} không có ghi chú nguồn "
                     f"'(Điều … số …)'; số điều lấy theo đề mục ({number})")
        return number, None
    if facts.problem:
        warns.append(f"line {art.note.no if art.note else art.heading.no}: {facts.problem}")
    if facts.article != hm.group("last"):
        warns.append(f"line {art.heading.no}: đề mục {hm.group('code')} khác số điều trong ghi chú "
                     f"(Điều {facts.article}); giữ số điều theo ghi chú")
    return facts.article, facts


def _article_blocks(art: _Article, number: str, title: str, anchors: _Anchors) -> tuple[str, list[Block]]:
    """The article's anchor, and its blocks: heading, the codification's notes, then its body."""
    anchor = anchors.take(unit_anchor(number), art.heading.no)
    blocks = [Block(kind="heading", text=f"Điều {number}. {title}", line=art.heading.no, anchor=anchor,
                    level=0, label=f"Điều {number}")]
    # The notes follow the article but hang from nothing: they are the codification's words
    # about it, not a clause of it (no duty, topic or citation is read from them).
    blocks.append(Block(kind="note", text=art.heading.text, line=art.heading.no,
                        anchor=anchors.take(f"{anchor}-phap-dien", art.heading.no), level=1))
    if art.note:
        blocks.append(Block(kind="note", text=art.note.text, line=art.note.no,
                            anchor=anchors.take(f"{anchor}-ghi-chu", art.note.no), level=1))
    blocks.extend(_body_blocks(anchor, art.body, anchors))
    return anchor, blocks


def _article_note(art: _Article, hm: re.Match[str], anchor: str, number: str, facts: NoteFacts | None) -> ArticleNote:
    return ArticleNote(
        anchor=anchor, article=number, title=hm.group("title"), code=hm.group("code"), heading=art.heading.text,
        note=art.note.text if art.note else "", type=facts.type if facts else "",
        number=facts.number if facts else "", effective=facts.effective if facts else "",
        amendments=facts.amendments if facts else (), line=art.heading.no,
        note_line=art.note.no if art.note else 0,
    )


def parse_phapdien(cleaned: Cleaned, source: str, doc_id: str, warnings: list[str] | None = None) -> Document:
    """One Pháp điển extract → one Document (body blocks, article notes, facts from the notes)."""
    warns = list(warnings or [])
    before, articles = _split_articles(cleaned.lines)
    anchors = _Anchors(warns)
    body: list[Block] = []
    notes: list[ArticleNote] = []
    stated: list[tuple[NoteFacts, int]] = []
    for ln in before:
        warns.append(f"line {ln.no}: dòng đứng trước đề mục Pháp điển đầu tiên; giữ nguyên như một đoạn")
        body.append(Block(kind="para", text=ln.text, line=ln.no, anchor=anchors.take("dau-van-ban", ln.no), level=0))
    for art in articles:
        hm = HEADING.match(art.heading.text)
        assert hm is not None  # _split_articles only opens an article at a heading
        number, facts = _article_number(art, hm, warns)
        if facts is not None:
            stated.append((facts, art.note.no if art.note else art.heading.no))
        anchor, blocks = _article_blocks(art, number, hm.group("title"), anchors)
        body.extend(blocks)
        notes.append(_article_note(art, hm, anchor, number, facts))
    if not articles:
        warns.append("line 1: không tìm thấy điều nào theo mẫu Pháp điển 'Điều 8.1.LQ.82. Tên điều'")
    f = _document_facts(stated, warns)
    symbol = SoKyHieu.parse(f["number"]).symbol if f["number"] else ""  # "TT-BLĐTBXH", "QH13"
    return Document(
        source=source,
        id=doc_id,
        doc_type=f["doc_type"],
        number=f["number"],
        symbol=symbol,
        issuer=f["issuer"],
        date=f["date"],
        subject=f["subject"],
        problems=tuple(_problem(source, w) for w in warns),
        body=tuple(body),
        issuer_source=f["issuer_source"],
        date_text=f["date_text"],
        effective=f["effective"],
        articles=tuple(notes),
        amendments=_merge_amendments([a for n in notes for a in n.amendments]),
    )


__all__ = ["HEADING", "NOTE", "is_phapdien", "parse_phapdien", "read_note", "NoteFacts"]
