"""Find, resolve and record citations of legal instruments (eyecite's three steps).

1. ``find_citations(text)`` — purely textual: every mention with its span,
   the type word as written, the parsed số/ký hiệu or the name, and the date,
   issuer and subject the sentence gives next to it.
2. ``resolve(match, context)`` — identity: (type, number, jurisdiction, year)
   or the name; a local number ("782/KH-UBND") belongs to the citing
   document's province unless the citation names another issuer; registry
   entries (``data/instruments.yml``) win when they match.
3. ``cite_document(doc)`` — walks body blocks and footnotes in text order and
   returns ``Citation`` records with their ``Span``; linking is done by the
   renderer at those spans, never by searching again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracuu.model.corpus import Corpus
from tracuu.model.problems import Problem
from tracuu.model.records import Citation, Document, Span
from tracuu.model.sokyhieu import SO_KY_HIEU_RE, SoKyHieu
from tracuu.model.textutil import fold, nfc, slugify
from tracuu.registries.instruments import Registry, registry, registry_problems
from tracuu.resolve.pinpoint import pinpoint_before

# --------------------------------------------------------------------------- patterns


def _word(text: str) -> str:
    """A literal phrase whose first letter may be either case and whose spaces may be any run."""
    first, rest = text[0], text[1:]
    return f"[{first.upper()}{first.lower()}]" + r"\s+".join(re.escape(w) for w in rest.split(" "))


# Type words as written before a number, longest first; value: the type we record.
TYPE_WORDS: dict[str, str] = {
    "Nghị quyết liên tịch": "Nghị quyết liên tịch",
    "Thông tư liên tịch": "Thông tư liên tịch",
    "Chương trình hành động": "Chương trình",
    "Chương trình phối hợp": "Chương trình",
    "Chương trình công tác": "Chương trình",
    "Thông báo kết luận": "Thông báo",
    "Kế hoạch liên ngành": "Kế hoạch",
    "Quy chế phối hợp": "Quy chế",
    "Nghị quyết": "Nghị quyết",
    "Nghị định": "Nghị định",
    "Thông tư": "Thông tư",
    "Quyết định": "Quyết định",
    "Chỉ thị": "Chỉ thị",
    "Kế hoạch": "Kế hoạch",
    "Chương trình": "Chương trình",
    "Công văn": "Công văn",
    "Văn bản": "Văn bản",
    "Hướng dẫn": "Hướng dẫn",
    "Thông báo": "Thông báo",
    "Kết luận": "Kết luận",
    "Báo cáo": "Báo cáo",
    "Công điện": "Công điện",
    "Quy định": "Quy định",
    "Quy chế": "Quy chế",
    "Đề án": "Đề án",
    "Tờ trình": "Tờ trình",
    "Pháp lệnh": "Pháp lệnh",
    "Bộ luật": "Bộ luật",
    "Luật": "Luật",
    "Lệnh": "Lệnh",
}
_TYPE_ALT = "|".join(_word(w) for w in sorted(TYPE_WORDS, key=len, reverse=True))
# The type word right before a number: "Kế hoạch số ", "Nghị định ", "chỉ thị số ".
_TYPE_BEFORE = re.compile(rf"(?<!\w)(?P<type>{_TYPE_ALT})\s+(?:[Ss]ố\s*:?\s*)?$")
_SO_COLON_BEFORE = re.compile(r"(?<!\w)[Ss]ố\s*:\s*$")  # "Số: 5310/UBND-KGVX" is a document's own number

_DATE = re.compile(
    r"""
    (?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})     # 25 tháng 12 năm 2023
  | (?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})  # 30/9/2021, 05/5/2021
  | tháng\s+(?P<m3>\d{1,2})\s+năm\s+(?P<y3>\d{4})                 # (day left blank) tháng 3 năm 2023
    """,
    re.VERBOSE,
)
# ", ngày 22/3/2023", " ban hành ngày ...", " năm 2016"
_AFTER_DATE = re.compile(rf"^\s*,?\s*(?:(?:được\s+)?ban\s+hành\s+)?ngày\s+(?:{_DATE.pattern})", re.VERBOSE)
_AFTER_YEAR = re.compile(r"^\s*,?\s*năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")

# Heads of issuing bodies: what may follow "của" for it to be an issuer.
_ISSUER_HEAD = (
    r"(?:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội"
    r"|Bộ\s+trưởng|Bộ|[UỦ]ỷ?\s*ban|UBND|HĐND|Hội\s+đồng|Ban|Tỉnh\s+[uủ]ỷ?|Thành\s+[uủ]ỷ?|Huyện\s+[uủ]ỷ?"
    r"|Tỉnh\s+ủy|Sở|Văn\s+phòng|Tổng\s+cục|Cục|Chủ\s+tịch|Phòng|Liên\s+ngành|Liên\s+bộ|Trung\s+ương)"
)
_ISSUER_HEAD = _ISSUER_HEAD.replace(r"[UỦ]ỷ?\s*ban", r"(?:Ủy|Uỷ|UB)\s*ban").replace(r"[uủ]ỷ?", r"(?:ủy|uỷ)")
# Words that end an issuer's name and start the rest of the sentence.
_ISSUER_STOP = re.compile(
    r"\s+(?:về|quy\s+định|ban\s+hành|hướng\s+dẫn|phê\s+duyệt|triển\s+khai|thực\s+hiện|tại|đã|theo|trong"
    r"|nhằm|với|để|do|là|có|đối|cho|ngày|số|yêu\s+cầu|đề\s+nghị|báo\s+cáo|giao|xây\s+dựng|ban\s+hành)(?!\w)"
    rf"|\s+và\s+(?:các\s+)?(?={_TYPE_ALT})"
    r"|[;.:()“”\"!?\n¹²³⁴⁵⁶⁷⁸⁹⁰]|,(?!\s+[A-ZĐ])|,\s+(?=[A-ZĐ]\w*\s+(?:số|ngày))"
    # "của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu …", "của UBND tỉnh, Sở Y tế báo cáo …":
    # a comma before the head of another body ends the name ("Bộ Văn hóa, Thể thao và Du lịch" goes on)
    rf"|,\s+(?={_ISSUER_HEAD}(?!\w))"
)
_AFTER_ISSUER = re.compile(rf"^\s*,?\s*(?:của|do)\s+(?P<issuer>{_ISSUER_HEAD}(?!\w))")
_BEFORE_ISSUER = re.compile(rf"(?:của|do)\s+(?P<issuer>{_ISSUER_HEAD}(?!\w)[^;.]*?)\s+tại\s+$")

# The subject that follows: "về việc ...", "về ...", "quy định ...", "ban hành ...".
_AFTER_SUBJECT = re.compile(
    r"^\s*,?\s*(?:(?:về\s+việc|về|V/v)\s+(?P<subj>\S)"
    r"|(?P<subj2>(?:quy\s+định|ban\s+hành|hướng\s+dẫn|phê\s+duyệt|thực\s+hiện|triển\s+khai)\s))"
)
# "… về chính sách trợ giúp xã hội hết hiệu lực kể từ ngày …": a repeal clause ends the subject
_SUBJECT_END = re.compile(r"[;:\n)]|\.(?:\s|$)|,\s+(?=[A-ZĐ])|\s+hết\s+hiệu\s+lực\b|$")

_PROPER = r"[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)*"
_PLACE_IN_ISSUER = re.compile(
    rf"(?P<kind>(?:[Tt]ỉnh|[Tt]hành|[Hh]uyện)\s+(?:ủy|uỷ)|[Tt]ỉnh|[Tt]hành\s+phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị\s+xã)"
    rf"\s+(?P<name>{_PROPER})"
)
_KIND = {
    "tỉnh": "tỉnh", "tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "thành phố": "thành phố",
    "tp.": "thành phố", "tp": "thành phố", "huyện": "huyện", "quận": "quận", "thị xã": "thị xã",
}
_CENTRAL_ISSUER = re.compile(
    r"^(?:Bộ(?!\s+Chỉ)|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương"
    r"|Trung\s+ương|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Văn\s+phòng\s+Chính\s+phủ|Liên\s+bộ)"
)

# --- instruments known by name -------------------------------------------------------
_LAW_STOP = {
    "ngày", "năm", "số", "của", "đã", "được", "về", "theo", "tại", "hiện", "này", "thì", "do", "để",
    "với", "trong", "cho", "nhằm", "quy", "hướng", "sửa", "ban", "và", "các", "có", "là", "đối",
    "trên", "từ", "khi", "mà", "như", "hoặc", "những", "đó", "sau", "trước", "thi",
    # words that carry the sentence on after a name: "tuyên truyền Luật Trẻ em đến từng thôn"
    "đến", "tới", "vào", "lên", "bằng", "qua", "giữa", "nhưng", "không", "cần", "phải", "sẽ", "đang",
    "vẫn", "cũng", "đều", "nên", "bị", "rằng", "nếu", "mới", "hơn", "nhất", "cùng", "kèm",
}
# Names with a comma of their own: "Luật Phòng, chống …", "Luật Bảo vệ, chăm sóc và giáo dục
# trẻ em", "Luật Khám bệnh, chữa bệnh" — (word before the comma, word after it).
_LAW_COMMA_PAIRS = {("Phòng", "chống"), ("vệ", "chăm"), ("bệnh", "chữa"), ("Khám", "chữa")}
# Organic laws name a body in capitals: "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân".
_ORGANIC = ("Tổ", "chức")
_LAW_HEAD = re.compile(r"(?<![\w])(?P<type>Bộ\s+luật|Luật)\s+(?=[A-ZĐ])")
_LAW_AMEND = re.compile(
    r"(?<![\w])Luật\s+sửa\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của\s+)?(?:các\s+)?(?=(?:Bộ\s+luật|Luật)\s+[A-ZĐ])"
)
_NATIONAL_PROGRAMME = re.compile(
    r"(?<![\w])(?P<type>Chương\s+trình|Chiến\s+lược|Đề\s+án|Kế\s+hoạch)\s+"
    r"(?P<rest>(?:hành\s+động\s+|mục\s+tiêu\s+)?quốc\s+gia\s+"
    r"(?:(?!Chương\s+trình|Kế\s+hoạch|Đề\s+án|Quyết\s+định|Chiến\s+lược)[^.;:()\n“”\"])*?"
    r"giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)"
)
_QUOTED_PROGRAMME = re.compile(
    r"(?<![\w])(?P<type>Chương\s+trình|Đề\s+án|Dự\s+án|Chiến\s+lược|Kế\s+hoạch)\s+"
    r"(?P<q>[“\"])(?P<name>[^”\"\n]{5,200}?giai\s+đoạn\s+(?:19|20)\d\d[^”\"\n]{0,40})[”\"]"
)
# International conventions: "Công ước của Liên hợp quốc về quyền trẻ em", "Công ước số 182 của Tổ
# chức Lao động quốc tế về …". A named one says what it is about ("về …"); "các Công ước quốc tế
# mà Việt Nam đã ký kết" names none.
_CONVENTION = re.compile(
    r"(?<![\w])Công\s+ước\s+(?:(?P<num>số\s+\d{1,4})\s+)?(?:của\s+)?(?P<org>(?:Liên\s+[Hh]ợp\s+[Qq]uốc|LHQ|[Qq]uốc\s+tế"
    r"|Tổ\s+chức\s+Lao\s+động\s+[Qq]uốc\s+tế|ILO)\s+)?(?P<about>về\s+[^\s,;.:()“”\"]+(?:\s+[^\s,;.:()“”\"]+){0,8})"
)
# The words that end a convention's subject: "… về quyền trẻ em mà Việt Nam đã ký kết".
_CONVENTION_STOP = {"mà", "và", "đã", "năm", "ngày", "của", "tại", "theo", "để", "nhằm", "trong", "cho", "với", "do"}
_NAMED_SCHEME = re.compile(r"(?<![\w])(?P<type>Đề\s+án)\s+(?P<n>\d{1,4})(?![\w/.-]|\s*[-–]\s*[A-Z])")
_NOT_AN_INSTRUMENT_BEFORE = re.compile(r"(?:(?<!\w)các|Ban\s+[Cc]hỉ\s+đạo|Ban\s+[Qq]uản\s+lý)\s+$")


# --------------------------------------------------------------------------- step 1: find


@dataclass(frozen=True)
class CitationMatch:
    """One mention found in a text, before identity is decided."""

    start: int  # text[start:end] is the mention (type word + number, or the name)
    end: int
    text: str
    type: str  # recorded type ("Kế hoạch"); "" when only the number is written
    sokyhieu: SoKyHieu | None = None
    title: str = ""  # the name for an instrument cited by name, else the subject ("về ...")
    date: str = ""  # ISO, as precise as the text
    issuer: str = ""  # as written ("Ủy ban nhân dân tỉnh")
    by_name: bool = False

    @property
    def number(self) -> str:
        return str(self.sokyhieu) if self.sokyhieu else ""


def iso_date(m: re.Match[str]) -> str:
    d, mo, y = (m.group("d") or m.group("d2")), (m.group("m") or m.group("m2") or m.group("m3")), (
        m.group("y") or m.group("y2") or m.group("y3")
    )
    month = int(mo)
    if not 1 <= month <= 12:
        return ""
    if d is None:
        return f"{y}-{month:02d}"
    day = int(d)
    return f"{y}-{month:02d}-{day:02d}" if 1 <= day <= 31 else ""


def parse_date(text: str) -> str:
    """'25 tháng 12 năm 2023' / '30/9/2021' → ISO; '' when there is no date."""
    m = _DATE.search(text)
    return iso_date(m) if m else ""


def _clean_name(text: str) -> str:
    """A name as shown: emphasis dropped, spaces and dashes normal."""
    text = text.replace("*", "")
    text = re.sub(r"\s*[–—]\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _issuer_at(text: str, start: int) -> str:
    """The issuer's name starting at ``start`` up to the first word that ends it."""
    tail = text[start : start + 200]
    m = _ISSUER_STOP.search(tail)
    name = tail[: m.start()] if m else tail
    return _clean_name(name)


def _strip_emphasis(text: str) -> tuple[str, list[int]]:
    """Text without ``*`` markers, and for each kept character its index in ``text``."""
    kept = [i for i, c in enumerate(text) if c != "*"]
    return "".join(text[i] for i in kept), kept


def _tail_facts(plain: str, end: int) -> tuple[str, str, str, int]:
    """(date, issuer, subject start) after a mention ending at ``end``; returns the new end."""
    date = issuer = ""
    pos = end
    if m := _AFTER_DATE.match(plain[pos:]):
        date = iso_date(m)
        pos += m.end()
    elif m := _AFTER_YEAR.match(plain[pos:]):
        date = m.group("y")
        pos += m.end()
    if m := _AFTER_ISSUER.match(plain[pos:]):
        issuer = _issuer_at(plain, pos + m.start("issuer"))
        pos += m.start("issuer") + len(issuer)
    return date, issuer, "", pos


def _subject(plain: str, pos: int, stops: list[int]) -> str:
    m = _AFTER_SUBJECT.match(plain[pos:])
    if not m:
        return ""
    begin = pos + (m.start("subj") if m.group("subj") else m.start("subj2"))
    end_m = _SUBJECT_END.search(plain, begin)
    end = end_m.start() if end_m else len(plain)
    for s in stops:  # stop before "... và Chương trình số 19-CTr/TU": the next citation
        if begin < s < end:
            joint = re.search(r"(?:,|\s+và)\s+(?:các\s+)?$", plain[begin:s])
            if joint:
                end = begin + joint.start()
                break
    subject = _clean_name(plain[begin:end]).rstrip(".… ")
    return subject if len(subject) <= 300 else ""


def _number_matches(plain: str) -> list[CitationMatch]:
    found: list[CitationMatch] = []
    for m in SO_KY_HIEU_RE.finditer(plain):
        if m.start() and (plain[m.start() - 1].isalnum() or plain[m.start() - 1] in "/-."):
            continue
        before = plain[max(0, m.start() - 60) : m.start()]
        tm = _TYPE_BEFORE.search(before)
        if tm is None and _SO_COLON_BEFORE.search(before):
            continue  # the document's own "Số: ..." line
        skh = SoKyHieu.from_match(m)
        start = m.start() - (len(before) - tm.start()) if tm else m.start()
        written = TYPE_WORDS[_cap(re.sub(r"\s+", " ", tm.group("type")))] if tm else ""
        found.append(CitationMatch(start, m.end(), plain[start : m.end()], written, skh))
    return found


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span over emphasis markers so it never opens or closes only half a ``*...*`` pair."""
    for _ in range(4):
        if text.count("*", start, end) % 2 == 0:
            break
        if start > 0 and text[start - 1] == "*":
            start -= 1
        elif end < len(text) and text[end] == "*":
            end += 1
        else:
            break
    return start, end


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name_matches(plain: str, reg: Registry) -> list[CitationMatch]:
    found: list[CitationMatch] = []
    # Registry names first: exact names beat the generic shapes below.
    for inst in reg.instruments:
        for name in inst.names:
            pattern = r"\s*[-–]\s*".join(
                r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", name)
            )
            for m in re.finditer(rf"(?<!\w)(?i:{pattern[:1]}){pattern[1:]}(?!\w)", plain):
                found.append(
                    CitationMatch(m.start(), m.end(), m.group(0), inst.type, title=_clean_name(m.group(0)),
                                  by_name=True)
                )
    for m in _LAW_AMEND.finditer(plain):
        law = _law_name(plain, m.end())
        if law:
            end = m.end() + len(law)
            found.append(CitationMatch(m.start(), end, plain[m.start() : end], "Luật",
                                       title=_clean_name(plain[m.start() : end]), by_name=True))
    for m in _LAW_HEAD.finditer(plain):
        law = _law_name(plain, m.start())
        if law and len(law.split()) > len(m.group("type").split()):
            end = m.start() + len(law)
            found.append(CitationMatch(m.start(), end, law, _cap(re.sub(r"\s+", " ", m.group("type"))),
                                       title=_clean_name(law), by_name=True))
    for m in _NATIONAL_PROGRAMME.finditer(plain):
        if _NOT_AN_INSTRUMENT_BEFORE.search(plain[max(0, m.start() - 30) : m.start()]):
            continue
        found.append(CitationMatch(m.start(), m.end(), m.group(0), _cap(re.sub(r"\s+", " ", m.group("type"))),
                                   title=_clean_name(m.group(0)), by_name=True))
    for m in _QUOTED_PROGRAMME.finditer(plain):
        if _NOT_AN_INSTRUMENT_BEFORE.search(plain[max(0, m.start() - 30) : m.start()]):
            continue
        kind = _cap(re.sub(r"\s+", " ", m.group("type")))
        close = "”" if m.group("q") == "“" else '"'
        found.append(CitationMatch(m.start(), m.end(), m.group(0), kind,
                                   title=f"{kind} {m.group('q')}{_clean_name(m.group('name'))}{close}",
                                   by_name=True))
    for m in _NAMED_SCHEME.finditer(plain):
        found.append(CitationMatch(m.start(), m.end(), m.group(0), "Đề án",
                                   title=_clean_name(m.group(0)), by_name=True))
    for m in _CONVENTION.finditer(plain):
        words = m.group("about").split()
        keep = next((k for k, w in enumerate(words[1:], 1) if w in _CONVENTION_STOP), len(words))
        if keep < 2:
            continue
        end = m.start("about") + len(" ".join(words[:keep]))
        text = plain[m.start() : end]
        # One instrument however the body is named: "Công ước (của) Liên hợp quốc về quyền trẻ em"
        # is "Công ước về quyền trẻ em"; a numbered one is known by its number.
        title = f"Công ước {m.group('num')}" if m.group("num") else f"Công ước {' '.join(words[:keep])}"
        found.append(CitationMatch(m.start(), end, text, "Công ước", title=_clean_name(_cap(title)), by_name=True))
    return found


def _law_name(plain: str, start: int) -> str:
    """'Luật Trẻ em' from 'Luật Trẻ em ngày 05 tháng 4 năm 2016': words up to a stop word."""
    words = list(re.finditer(r"[^\s,;.:()“”\"¹²³⁴⁵⁶⁷⁸⁹⁰]+|\S", plain[start : start + 160]))
    end = 0
    head = 2 if plain.startswith("Bộ", start) else 1
    for n, w in enumerate(words):
        token = w.group(0)
        if n < head:
            end = w.end()
            continue
        if token == ",":
            # "Luật Phòng, chống ...": a comma within the name's first words
            if head < n <= head + 2 and n + 1 < len(words) \
                    and (words[n - 1].group(0), words[n + 1].group(0)) in _LAW_COMMA_PAIRS:
                continue
            break
        organic = tuple(w.group(0) for w in words[head : head + 2]) == _ORGANIC and n >= head + 2
        nxt = words[n + 1].group(0) if n + 1 < len(words) else ""
        # "và" joins two parts of one name: "Hôn nhân và gia đình", "Hội đồng nhân dân và Ủy ban nhân dân"
        joins = token == "và" and nxt[:1].isalpha() and (
            (nxt[0].islower() and nxt not in _LAW_STOP) or (organic and nxt[0].isupper())
        )
        joins = joins or (organic and token == "ban" and words[n - 1].group(0) in ("Ủy", "Uỷ"))  # "Ủy ban …"
        if not token[0].isalpha() or token.lower() in _LAW_STOP and not joins:
            break
        if n > head and token[0].isupper() and words[n - 1].group(0) != "," and not organic:
            break  # a capitalised word later on starts something else ("Luật Trẻ em Nghị định ...")
        end = w.end()
    return plain[start : start + end].rstrip() if end else ""


def find_citations(text: str, reg: Registry | None = None) -> list[CitationMatch]:
    """Every citation in ``text``, in order, with spans into ``text`` itself.

    Inline emphasis (``*``) is looked through, so ``Số *5310*/UBND-KGVX`` is
    found; spans still point into the original text.
    """
    reg = reg if reg is not None else registry()
    text = nfc(text)
    plain, index = _strip_emphasis(text)
    candidates = _number_matches(plain) + _name_matches(plain, reg)
    # Overlaps: the earlier start wins, then the longer mention; a number inside a name is dropped.
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start), not c.sokyhieu))
    kept: list[CitationMatch] = []
    for c in candidates:
        if kept and c.start < kept[-1].end:
            prev = kept[-1]
            # "Luật Trẻ em số 102/2016/QH13": the name carries the number
            if prev.by_name and c.sokyhieu and not prev.sokyhieu:
                kept[-1] = replace(prev, end=max(prev.end, c.end), sokyhieu=c.sokyhieu)
            continue
        if kept and kept[-1].by_name and not kept[-1].sokyhieu and c.sokyhieu and not c.type:
            gap = plain[kept[-1].end : c.start]
            if re.fullmatch(r"\s+số\s+", gap):
                kept[-1] = replace(kept[-1], end=c.end, sokyhieu=c.sokyhieu)
                continue
        kept.append(c)
    starts = [c.start for c in kept]
    out: list[CitationMatch] = []
    for c in kept:
        date, issuer, _, pos = _tail_facts(plain, c.end)
        if not issuer and c.sokyhieu and (b := _BEFORE_ISSUER.search(plain[max(0, c.start - 160) : c.start])):
            issuer = _clean_name(b.group("issuer"))
        title = c.title if c.by_name else _subject(plain, pos, starts)
        # Map the span back to the text with emphasis and keep it from cutting a marker pair.
        start, end = _balanced(text, index[c.start], index[c.end - 1] + 1)
        out.append(replace(c, start=start, end=end, text=text[start:end], date=date, issuer=issuer,
                           title=title))
    return out


# --------------------------------------------------------------------------- step 2: resolve


@dataclass(frozen=True)
class Context:
    """What the citing document tells about local references."""

    province: str = ""  # "Kon Tum"
    jurisdiction: str = ""  # "Kon Tum", or "thành phố Bắc Kạn" for a city's own document


@dataclass(frozen=True)
class Resolved:
    type: str
    number: str
    title: str
    date: str
    issuer: str
    instrument: str
    jurisdiction: str


def context_for(doc: Document) -> Context:
    return Context(province=doc.province, jurisdiction=document_jurisdiction(doc))


def document_jurisdiction(doc: Document) -> str:
    """A district-level issuer ("UBND thành phố Bắc Kạn") is its own jurisdiction; else the province."""
    issuer = nfc(doc.issuer)
    m = _PLACE_IN_ISSUER.search(issuer)
    if m and not re.search(r"(?i)tỉnh", issuer):
        kind = _KIND.get(re.sub(r"\s+", " ", m.group("kind")).lower().replace("uỷ", "ủy"), "")
        if kind not in {"tỉnh", ""}:
            return f"{kind} {m.group('name')}"
    return doc.province


def resolve_issuer(issuer: str, ctx: Context) -> str:
    """'Ủy ban nhân dân tỉnh' → 'Ủy ban nhân dân tỉnh Kon Tum'; 'Tỉnh ủy' → 'Tỉnh ủy Kon Tum'."""
    if not issuer or not ctx.province:
        return issuer
    if re.search(r"(?:\btỉnh|Tỉnh\s+(?:ủy|uỷ))$", issuer):
        return f"{issuer} {ctx.province}"
    return issuer


def _jurisdiction(skh: SoKyHieu, issuer: str, ctx: Context) -> str:
    if issuer:
        if _CENTRAL_ISSUER.match(issuer) and not issuer.startswith("Bộ Chỉ"):
            return ""
        m = _PLACE_IN_ISSUER.search(issuer)
        if m:
            kind = _KIND.get(re.sub(r"\s+", " ", m.group("kind")).lower().replace("uỷ", "ủy"), "")
            return m.group("name") if kind in {"tỉnh", ""} else f"{kind} {m.group('name')}"
        if re.search(r"(?i)(?:tỉnh|tỉnh\s+ủy|tỉnh\s+uỷ)$", issuer):
            return ctx.province
    if skh.is_central:
        return ""
    return ctx.jurisdiction or ctx.province


def canonical_type(written: str, skh: SoKyHieu | None) -> str:
    """The type that names the instrument: the form code's, else the word written, else 'Công văn'."""
    if skh and skh.form:
        return skh.instrument_type
    if written and written != "Văn bản":
        return written
    return skh.instrument_type if skh else written


def instrument_id(type_: str, skh: SoKyHieu | None, title: str, jurisdiction: str, year: str) -> str:
    """Stable slug: 'thong-tu-13-2021-tt-bldtbxh', 'ke-hoach-782-kh-ubnd-kon-tum-2023', 'luat-tre-em'."""
    if skh is None:
        return slugify(title)
    parts = [type_, str(skh)]
    if jurisdiction:
        parts.append(jurisdiction)
    if not skh.year and year:
        parts.append(year)
    return slugify(" ".join(parts))


def resolve(match: CitationMatch, ctx: Context, reg: Registry | None = None) -> Resolved:
    reg = reg if reg is not None else registry()
    issuer = resolve_issuer(match.issuer, ctx)
    if match.sokyhieu is None:
        entry = reg.by_name(match.title)
        inst_id = entry.id if entry else instrument_id("", None, match.title, "", "")
        return Resolved(match.type, "", match.title, match.date, issuer, inst_id, "")
    skh = match.sokyhieu
    ctype = canonical_type(match.type, skh)
    jur = _jurisdiction(skh, issuer, ctx)
    year = skh.year or match.date[:4]
    entry = reg.by_number(str(skh), jur, year)
    inst_id = entry.id if entry else instrument_id(ctype, skh, "", jur, year)
    return Resolved(match.type or ctype, str(skh), match.title, match.date, issuer, inst_id, jur)


# --------------------------------------------------------------------------- step 3: a document


def _line_of(text: str, start: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, start)


def cite_document(doc: Document, reg: Registry | None = None) -> tuple[Citation, ...]:
    """Citations in the body blocks and footnotes of ``doc``, in text order, with spans."""
    reg = reg if reg is not None else registry()
    ctx = context_for(doc)
    # a codification's own notes ("(Điều 82 Luật số …)") are typed facts (Document.articles), not citations
    units: list[tuple[int, int, str, str]] = [(b.line, 0, b.anchor, b.text) for b in doc.body if b.kind != "note"]
    units += [(f.line, 1, f"fn-{f.number}", f.text) for f in doc.footnotes]
    units.sort(key=lambda u: (u[0], u[1]))
    found: list[tuple[Citation, str]] = []
    for line, _, anchor, text in units:
        text = nfc(text)
        for m in find_citations(text, reg):
            r = resolve(m, ctx, reg)
            cit = Citation(
                text=m.text, type=r.type, number=r.number, title=r.title, date=r.date, issuer=r.issuer,
                instrument=r.instrument, line=_line_of(text, m.start, line),
                span=Span(anchor, m.start, m.end), pinpoint=pinpoint_before(text, m.start),
            )
            found.append((cit, _undated_key(m, r)))
    return tuple(_unify_years(found))


def _undated_key(m: CitationMatch, r: Resolved) -> str:
    return f"{fold(canonical_type(m.type, m.sokyhieu))}|{r.number}|{fold(r.jurisdiction)}" if r.number else ""


def _unify_years(found: list[tuple[Citation, str]]) -> list[Citation]:
    """A later "Kế hoạch số 782/KH-UBND" without a date is the one dated elsewhere in the document."""
    dated: dict[str, set[str]] = {}
    for cit, key in found:
        if key and (cit.date or _has_year(cit.number)):
            dated.setdefault(key, set()).add(cit.instrument)
    out = []
    for cit, key in found:
        ids = dated.get(key, set())
        if key and not cit.date and not _has_year(cit.number) and len(ids) == 1:
            cit = replace(cit, instrument=next(iter(ids)))
        out.append(cit)
    return out


def _has_year(number: str) -> bool:
    return bool(number) and bool(SoKyHieu.parse(number).year)


def instrument_id_for_document(doc: Document, reg: Registry | None = None) -> str:
    """The instrument a corpus document *is* (same id its citations get); '' without a number."""
    reg = reg if reg is not None else registry()
    try:
        skh = SoKyHieu.parse(doc.number)
    except ValueError:
        return ""
    ctx = context_for(doc)
    ctype = canonical_type(doc.doc_type, skh)
    jur = "" if skh.is_central else _jurisdiction(skh, nfc(doc.issuer), ctx)
    year = skh.year or doc.date[:4]
    entry = reg.by_number(str(skh), jur, year)
    return entry.id if entry else instrument_id(ctype, skh, "", jur, year)


# --------------------------------------------------------------------------- tracuu check


def check_instruments(corpus: Corpus, reg: Registry | None = None) -> list[Problem]:
    """Registry errors, then one warning per cited instrument missing from the registry.

    The instrument still gets a page built from what its citations say; the
    warning tells an editor to add an entry (with sources) to data/instruments.yml.
    """
    problems = registry_problems() if reg is None else []
    if problems:
        return problems
    reg = reg if reg is not None else registry()
    own = {instrument_id_for_document(d, reg) for d in corpus.documents}
    reported: set[str] = set()
    for doc in corpus.documents:
        for c in doc.citations:
            if c.instrument in reported or reg.get(c.instrument) is not None or c.instrument in own:
                continue
            reported.add(c.instrument)
            name = f"{c.type} {c.number}".strip() if c.number else c.title
            problems.append(Problem(
                doc.source, c.line,
                f"văn bản được dẫn chiếu '{name}' (mã {c.instrument}) chưa có trong data/instruments.yml; "
                "thêm mục với nguồn (source) cho từng thông tin",
                "warning",
            ))
    return problems
