"""A news article copied from a portal: dateline, headline, body, byline.

An article has no Số, no Quốc hiệu and no type line. What marks it is the
dateline a portal prints over it ("24/01/2024", "Thứ Năm, 04/05/2017, 12:15
[GMT+7]", "KHÁNH PHÚC 16:41, 25/06/2023"), or, when the copy has none, its
shape: a headline or the lead, paragraphs of prose, a byline ("Trung tâm Tin
tức", "VĂN PHIN - ÁI LY") or a credit ("Theo QĐND điện tử") at the end. The
words around a date, the credits and the photo-caption marks are data
(data/vocabulary.yml: dateline_words, news_credits, caption_marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracuu.model.records import Signer
from tracuu.model.textutil import plain
from tracuu.parse.clean import Line
from tracuu.parse.common import NAME, Layout, is_upper_line, iso_date
from tracuu.registries.vocabulary import LazyPattern

# One full date: "04/05/2017", "4-5-2017", "04.05.2017" (a year of four digits; "Ngày 4/5" is no date).
_DATE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)(?!\d)")
# The rest a portal prints around it: times, a time zone, the words of data/vocabulary.yml.
_TOKENS = LazyPattern(
    r"(?<!\w)(?:{dateline_words})(?!\w)"
    r"|[\[(]?\s*GMT\s*[+-]\s*\d{{1,2}}(?::\d\d)?\s*[\])]?"  # doubled braces: the template is str.format'ed
    # "9:58'(GMT+7)": some portals mark the minutes
    r"|(?<![\d:])\d{{1,2}}(?::\d{{2}}){{1,2}}(?:\s*(?:AM|PM|SA|CH)(?!\w))?['’]?(?![\d:])",
    re.I,
)
_SEPARATORS = re.compile(r"^[\s,;|:()\[\]\-–—]*$")
_CREDIT = LazyPattern(r"^(?:{news_credits})(?!\w)\s*:?\s*\S", re.I)
_CAPTION = LazyPattern(r"(?:^|\()\s*(?:{caption_marks})(?!\w)", re.I)
# A paragraph that ends a sentence (". …", "./.", "!", "?", a closing quote after them).
_SENTENCE_END = re.compile(r"[.!?…;:][”\"')]*\s*(?:/\.)?$")
# Structure of an administrative text: articles, chapters, numbered sections and items.
_STRUCTURE = re.compile(r"^(?:Điều\s+\d|Chương\s+[IVXLC\d]|[IVXLC]+\.\s|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s)")
# A lead that names its outlet first: "(LĐ online) - …", "(Website Văn phòng) - …", "VTV.vn - …".
_OUTLET_TAG = re.compile(r"^(?:\([^()]{1,40}\)|[\w.]{2,20}\.vn)\s*[-–—]\s")
HEADLINE_MAX = 200  # characters; a longer first line is the lead of a copy without its headline


@dataclass(frozen=True)
class Dateline:
    date: str  # ISO
    byline: str  # the author printed before the date ("KHÁNH PHÚC 16:41, 25/06/2023"), else ""


def read_dateline(text: str) -> Dateline | None:
    """The date (and byline) of a portal's dateline; None when ``text`` is anything else.

    The line must hold one full date and otherwise only times, a time zone, the
    vocabulary's dateline words and separators; an author's name may come first.
    """
    text = plain(text).strip()
    dates = list(_DATE.finditer(text))
    if len(dates) != 1 or len(text) > 90:
        return None
    spans = sorted([(m.start(), m.end()) for m in _TOKENS.compiled().finditer(text)] + [dates[0].span()])
    gaps: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            return None  # overlapping readings: not a plain dateline
        gaps.append(text[pos:start])
        pos = end
    gaps.append(text[pos:])
    if any(not _SEPARATORS.match(g) for g in gaps[1:]):
        return None
    lead = "" if _SEPARATORS.match(gaps[0]) else gaps[0].strip(" ,;|:-–—")
    if lead and not byline_name(lead):
        return None
    m = dates[0]
    return Dateline(iso_date(m.group("y"), m.group("m"), m.group("d")), lead)


def is_time_line(text: str) -> bool:
    """A line of a dateline's leftovers only ("08:35:21", "| 16:45 (GMT+7)"): a time, no date, no words."""
    text = plain(text).strip()
    if not text or _DATE.search(text):
        return False
    rest = _TOKENS.compiled().sub(" ", text)
    return rest != text and bool(_SEPARATORS.match(rest))


# "Bài, ảnh: Hoàng Anh", "Tin: …": the words before an author's name.
_BYLINE_LABEL = re.compile(r"^(?:Bài\s+và\s+ảnh|Bài,\s*ảnh|Tin,\s*ảnh|Tin\s+và\s+ảnh|Bài|Tin|Tác\s+giả)\s*:\s*", re.I)
_AFFILIATION = re.compile(r"\s*\([^()]{1,60}\)$")  # "Minh Châu (Sở LĐ-TB&XH)"
_INITIALS = re.compile(r"^[A-ZĐ](?:\.\s?[A-ZĐ]){1,3}\.?$|^[A-ZĐ]{2,6}$")  # "K.D", "MCNT"
_UPPER_NAMES = re.compile(r"^[A-ZÀ-ỸĐ]+(?:\s+[A-ZÀ-ỸĐ]+){1,4}(?:\s*[-–,]\s*[A-ZÀ-ỸĐ]+(?:\s+[A-ZÀ-ỸĐ]+){1,4})*$")
_NAMES = re.compile(rf"^{NAME.pattern[1:-1]}(?:\s*[-–,]\s*{NAME.pattern[1:-1]})*$")


def byline_name(text: str) -> str:
    """The author's name when ``text`` is a byline ("Thu Trang", "PHƯƠNG LAN", "VĂN PHIN - ÁI LY",
    "K.D", "Minh Châu (Sở LĐ-TB&XH)", "Bài, ảnh: Hoàng Anh"), else ""."""
    name = _AFFILIATION.sub("", _BYLINE_LABEL.sub("", text.strip())).strip()
    if not 2 <= len(name) <= 50:
        return ""
    if _NAMES.match(name) or _INITIALS.match(name) or (_UPPER_NAMES.match(name) and is_upper_line(name)):
        return name
    return ""


def _short_phrase(text: str) -> bool:
    """A desk's name as a byline ("Trung tâm Tin tức"): a few words, capitalised, no sentence."""
    words = text.split()
    return (
        1 <= len(words) <= 6 and len(text) <= 50 and text[:1].isupper()
        and not _SENTENCE_END.search(text) and not any(c.isdigit() for c in text)
    )


def _closing(body: list[Line]) -> tuple[Signer, list[Line]]:
    """The byline or credit at the end of the copy: (signer, its lines); the lines leave the body."""
    if not body:
        return Signer(), []
    last = plain(body[-1].text).strip()
    before = plain(body[-2].text).strip() if len(body) > 1 else ""
    if last.startswith("(") and last.endswith(")") and len(last) <= 62 and (name := byline_name(before)):
        return Signer(name=name, title=last[1:-1].strip()), body[-2:]  # "Lê Lan" / "(Đài TT-TH Thái Thụy)"
    if _CREDIT.match(last) and len(last) <= 60 and not _SENTENCE_END.search(last):
        return Signer(), body[-1:]  # "Theo QĐND điện tử": where the copy comes from, not who wrote it
    if name := byline_name(last):
        return Signer(name=name), body[-1:]
    if len(body) > 1 and _short_phrase(last) and _SENTENCE_END.search(before):
        return Signer(name=last), body[-1:]
    return Signer(), []


# "… kỷ luật nghiêm khắc học sinh vi phạm. Bích Thanh": a copy that lost its line breaks runs the
# byline into the last paragraph; the sentence before it ends on a word, not an abbreviation ("TP.").
_RUN_IN = re.compile(r"^(?P<body>.*[a-zđà-ỹ]{2}[.!?…])\s+(?P<name>[^\s.!?…][^.!?…]{1,40})$", re.S)


def _run_in_byline(text: str) -> tuple[str, str] | None:
    """(the paragraph, the author) when a byline ends the last paragraph, else None."""
    m = _RUN_IN.match(plain(text).strip())
    if m is None or not 2 <= len(m.group("name").split()) <= 4:
        return None
    name = byline_name(m.group("name"))
    return (m.group("body"), name) if name else None


def is_caption(text: str) -> bool:
    """A photo caption ("Huấn luyện viên hướng dẫn học sinh … (Ảnh: Thanh Tùng/TTXVN)", "Ảnh minh họa")."""
    return bool(_CAPTION.search(plain(text)))


def is_headline(text: str, dated_next: bool) -> bool:
    """Whether the copy's first line is its headline rather than the lead of a copy that lost it.

    A headline is short and ends no sentence ("… trẻ em." only when the dateline follows it);
    a lead that names its outlet ("(LĐ online) - …") is never one.
    """
    text = plain(text).strip()
    if not text or len(text) > HEADLINE_MAX or _OUTLET_TAG.match(text) or is_caption(text):
        return False
    # "… tại Hà Nội ra sao?": a headline may ask; a lead does not
    return dated_next or not _SENTENCE_END.search(text) or text.endswith("?")


def _content(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if plain(ln.text).strip()]


def _dateline_at(content: list[Line]) -> tuple[int, Dateline, list[Line]] | None:
    """(index, dateline, the site's header lines) of a copy's dateline in its first four lines.

    A portal may print today's date over the article ("Thứ Bảy, 23/11/2024 / Xã hội / Thứ Bảy,
    23/3/2019 9:58'(GMT+7) / headline"): of two datelines the second is the article's, and the
    first, with the section labels of a word or three between them, is the site's header.
    """
    for n, ln in enumerate(content[:4]):
        if d := read_dateline(ln.text):
            for k in range(n + 1, min(n + 4, len(content))):
                if (again := read_dateline(content[k].text)) is not None:
                    labels = [x for x in content[n + 1:k] if len(plain(x.text).split()) <= 3]
                    return k, again, [ln, *labels]
            return n, d, []
    return None


# "Ngày 23/10/2025, Sở Giáo dục và Đào tạo Hà Nội đã ban hành …": a lead that dates what it reports.
_DATED_LEAD = re.compile(r"^(?:Ngày|Sáng|Chiều|Tối)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d\s*,\s*\S")


def _dated_lead(content: list[Line]) -> bool:
    """A headline, then a lead dating what it reports: a news copy even if it goes on to quote
    numbered clauses of a regulation (a legal-information site's article)."""
    if len(content) < 2 or not is_headline(content[0].text, dated_next=False):
        return False
    lead = plain(content[1].text).strip()
    return bool(_DATED_LEAD.match(lead)) and len(lead) >= 80 and not _STRUCTURE.match(lead)


def looks_like_news(lines: list[Line]) -> bool:
    """Whether a text with no administrative header reads as a news copy.

    A dateline among its first four lines says so; without one, its shape does:
    prose paragraphs with no articles, chapters or numbered sections, and either
    a byline or credit at the end or a paragraph of news length.
    """
    content = _content(lines)
    if not content:
        return False
    if _dateline_at(content):
        return True
    if any(_STRUCTURE.match(plain(ln.text).strip()) for ln in content) and not _dated_lead(content):
        return False
    signer, closing = _closing(content)
    prose = [plain(ln.text).strip() for ln in content[: len(content) - len(closing)]]
    run_in = not closing and _run_in_byline(content[-1].text) is not None
    return bool(prose) and (bool(closing) or run_in or any(len(p) >= 120 and _SENTENCE_END.search(p) for p in prose))


def read_news(lines: list[Line], lay: Layout) -> list[Line]:
    """Headline, date and byline of a news article into ``lay``; returns the body lines."""
    content = _content(lines)
    body: list[Line] = list(content)
    dated = _dateline_at(content)
    dateline = dated[1] if dated else None
    if dated:
        ln = content[dated[0]]
        lay.date, lay.date_line, lay.date_text = dated[1].date, ln.no, plain(ln.text).strip()
        body.remove(ln)
        for site in dated[2]:  # the site's header: kept with the document's header lines, out of the body
            body.remove(site)
            lay.header.append(plain(site.text).strip())
    while dated and body and is_time_line(body[0].text):  # "| 15-05-2015 | 08:35:21" split into cells
        lay.header.append(plain(body[0].text).strip())
        del body[0]
    head_at = next((n for n, ln in enumerate(body[:2]) if not is_caption(ln.text)), None)
    if head_at is not None:
        head = body[head_at]
        at = content.index(head)
        dated_next = dated is not None and at < dated[0] and all(x in dated[2] for x in content[at + 1:dated[0]])
        if is_headline(head.text, dated_next):
            lay.subject, lay.subject_line = plain(head.text).strip(), head.no
            body.remove(head)
    signer, closing = _closing(body)
    if closing:
        lay.closing = [ln.text for ln in closing]
        del body[len(body) - len(closing):]
    elif body and (run_in := _run_in_byline(body[-1].text)) is not None:
        last = body[-1]
        body[-1] = Line(last.no, run_in[0])
        signer, closing, lay.closing = Signer(name=run_in[1]), [last], [run_in[1]]
    if not signer.name and dateline and dateline.byline:
        signer = Signer(name=dateline.byline)
    if signer.name:
        lay.signer, lay.signers = signer, [signer]
        lay.signer_line = closing[0].no if closing else lay.date_line
    lay.doc_type = "Tin bài"
    lay.is_news = True
    return body
