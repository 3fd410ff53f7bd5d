"""Step 1 of citing: find every mention of an instrument in a text (purely textual).

``find_citations(text)`` returns each mention with its span, the type word as
written, the parsed số/ký hiệu or the name, and the date, issuer and subject
the sentence gives next to it. Who the instrument is, is decided in
``identity``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from tracuu.model.sokyhieu import SO_KY_HIEU_RE, SoKyHieu, undo_eth
from tracuu.model.textutil import nfc
from tracuu.registries.instruments import Registry, registry
from tracuu.registries.vocabulary import alternation, vocabulary

# --------------------------------------------------------------------------- patterns


# Type words as written before a number, longest first; value: the type we record.
TYPE_WORDS: dict[str, str] = vocabulary().citation_words  # data/vocabulary.yml, citation_words
_TYPE_ALT = alternation(TYPE_WORDS, either_case=True)  # "Kế hoạch" or "kế hoạch"
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
_ISSUER_HEAD = vocabulary().pattern("citation_issuer_heads")  # data/vocabulary.yml
# Words that end an issuer's name and start the rest of the sentence.
_ISSUER_STOP = re.compile(
    r"\s+" + vocabulary().pattern("citation_issuer_ends") + r"(?!\w)"  # data/vocabulary.yml
    rf"|\s+và\s+(?:các\s+)?(?={_TYPE_ALT})"
    r"|[;.:()“”\"!?\n¹²³⁴⁵⁶⁷⁸⁹⁰]|,(?!\s+[A-ZĐ])|,\s+(?=[A-ZĐ]\w*\s+(?:số|ngày))"
    # "của Ban Bí thư, Ban Thường vụ Tỉnh ủy yêu cầu …", "của UBND tỉnh, Sở Y tế báo cáo …":
    # a comma before the head of another body ends the name ("Bộ Văn hóa, Thể thao và Du lịch" goes on)
    rf"|,\s+(?={_ISSUER_HEAD}(?!\w))"
)
_AFTER_ISSUER = re.compile(rf"^\s*,?\s*(?:của|do)\s+(?P<issuer>{_ISSUER_HEAD}(?!\w))")
# A number printed without its ký hiệu: "Chỉ thị số 06 của Chủ tịch UBND tỉnh", "Văn bản số 863 của phòng
# LĐTBXH", "Chỉ thị 06 của …". Only with the type word and the issuer after it: a bare number says nothing
# else; without "số" a year is no number ("Kế hoạch 2024 của UBND tỉnh" is that year's plan).
_BARE_NUMBER = re.compile(
    rf"(?<!\w)(?P<type>{_TYPE_ALT})\s+(?:số\s+(?P<n>\d{{1,5}})|(?!(?:19|20)\d\d(?!\d))(?P<n2>\d{{1,5}}))(?![\w/-])"
    rf"(?=(?:\s*,?\s*(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?)?\s*,?\s*(?:của|do)\s+{_ISSUER_HEAD}(?!\w))"
)
_BEFORE_ISSUER = re.compile(rf"(?:của|do)\s+(?P<issuer>{_ISSUER_HEAD}(?!\w)[^;.]*?)\s+tại\s+$")

# The subject that follows: "về việc ...", "về ...", "quy định ...", "ban hành ...".
_AFTER_SUBJECT = re.compile(
    r"^\s*,?\s*(?:(?:về\s+việc|về|V/v)\s+(?P<subj>\S)"
    r"|(?P<subj2>(?:quy\s+định|ban\s+hành|hướng\s+dẫn|phê\s+duyệt|thực\s+hiện|triển\s+khai)\s))"
)
# "… về chính sách trợ giúp xã hội hết hiệu lực kể từ ngày …": a repeal clause ends the subject
# as does "(sau đây gọi tắt là …)", the short name the text goes on to use
_SUBJECT_END = re.compile(r"[;:\n)]|\.(?:\s|$)|,\s+(?=[A-ZĐ])|\s+hết\s+hiệu\s+lực\b|\s*\((?=sau\s+đây|gọi\s+tắt)|$")

# --- instruments known by name -------------------------------------------------------
_LAW_STOP = {
    "ngày", "năm", "số", "của", "đã", "được", "về", "theo", "tại", "hiện", "này", "thì", "do", "để",
    "với", "trong", "cho", "nhằm", "quy", "hướng", "sửa", "ban", "và", "các", "có", "là", "đối",
    "trên", "từ", "khi", "mà", "như", "hoặc", "những", "đó", "sau", "trước", "thi",
    # words that carry the sentence on after a name: "tuyên truyền Luật Trẻ em đến từng thôn"
    "đến", "tới", "vào", "lên", "bằng", "qua", "giữa", "nhưng", "không", "cần", "phải", "sẽ", "đang",
    "vẫn", "cũng", "đều", "nên", "bị", "rằng", "nếu", "mới", "hơn", "nhất", "cùng", "kèm",
    "hết",  # "… của Luật Người khuyết tật hết hiệu lực kể từ ngày …": a repeal clause
}
# Names with a comma of their own: "Luật Phòng, chống …", "Luật Bảo vệ, chăm sóc và giáo dục
# trẻ em", "Luật Khám bệnh, chữa bệnh" — (word before the comma, word after it).
_LAW_COMMA_PAIRS = {("Phòng", "chống"), ("vệ", "chăm"), ("bệnh", "chữa"), ("Khám", "chữa")}
# Organic laws name a body in capitals: "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân".
_ORGANIC = ("Tổ", "chức")
_BODY_HEAD = re.compile(rf"{_ISSUER_HEAD}(?!\w)")  # a body's name (data/vocabulary.yml, citation_issuer_heads)
_LAW_HEAD = re.compile(r"(?<![\w])(?P<type>Bộ\s+luật|Luật)\s+(?=[A-ZĐ])")
# A law cited by article or as a legal basis may be written in lower case: "Điều 11 Luật trẻ em năm
# 2016", "Căn cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015", "Căn cứ Bộ Luật lao động ngày …".
_ARTICLE_LAW = re.compile(
    r"(?<!\w)(?:Điều\s+\d+[a-zđ]?\s+(?:của\s+)?|Căn\s+cứ\s+)(?P<law>(?P<type>Bộ\s+[Ll]uật|Luật)\s+(?=[a-zà-ỹđ]))"
)
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
    bare: str = ""  # a number printed without its ký hiệu ("Chỉ thị số 06 của …"): "06"
    title: str = ""  # the name for an instrument cited by name, else the subject ("về ...")
    date: str = ""  # ISO, as precise as the text
    issuer: str = ""  # as written ("Ủy ban nhân dân tỉnh")
    by_name: bool = False

    @property
    def number(self) -> str:
        return str(self.sokyhieu) if self.sokyhieu else self.bare


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
    if "*" not in text:  # most paragraphs: nothing to strip
        return text, list(range(len(text)))
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


def _bare_numbers(plain: str) -> list[CitationMatch]:
    """Numbers cited without a ký hiệu, each with its type word and the issuer that follows."""
    return [
        CitationMatch(m.start(), m.end(), m.group(0), TYPE_WORDS[_cap(re.sub(r"\s+", " ", m.group("type")))],
                      bare=m.group("n") or m.group("n2"))
        for m in _BARE_NUMBER.finditer(plain)
    ]


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


@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """A registry name as a pattern (any spacing, any dash); compiled once.

    A name written in lower case may open a sentence in capitals; a capitalised name
    ("Luật trẻ em") is not the same as the common noun ("phổ biến luật trẻ em").
    """
    pattern = r"\s*[-–]\s*".join(
        r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", name)
    )
    head = f"(?i:{pattern[:1]})" if pattern[:1].islower() else pattern[:1]
    return re.compile(rf"(?<!\w){head}{pattern[1:]}(?!\w)")


@functools.cache
def _name_probe(name: str) -> str:
    """A word every match of ``_name_pattern(name)`` holds verbatim (the first without its first letter)."""
    parts = re.split(r"\s*[-–]\s*", name)
    words = [w for part in parts for w in part.split()]
    return max([words[0][1:], *words[1:]], key=len) if words and parts[0].strip() else ""


def _registry_names(plain: str, reg: Registry) -> list[CitationMatch]:
    """Names the instrument registry lists: exact names beat the generic shapes below."""
    found: list[CitationMatch] = []
    for inst in reg.instruments:
        for name in (n for n in inst.names if _name_probe(n) in plain):  # a cheap test first
            for m in _name_pattern(name).finditer(plain):
                found.append(
                    CitationMatch(m.start(), m.end(), m.group(0), inst.type, title=_clean_name(m.group(0)),
                                  by_name=True)
                )
    return found


def _laws(plain: str, reg: Registry) -> list[CitationMatch]:
    """"Luật sửa đổi, bổ sung … Luật X" and "Luật Trẻ em", "Bộ luật Hình sự"."""
    found: list[CitationMatch] = []
    for m in _LAW_AMEND.finditer(plain):
        law = _law_name(plain, m.end())
        if law:
            end = m.end() + len(law)
            found.append(CitationMatch(m.start(), end, plain[m.start() : end], "Luật",
                                       title=_clean_name(plain[m.start() : end]), by_name=True))
    heads = [(m.start(), m.group("type"), False) for m in _LAW_HEAD.finditer(plain)]
    heads += [(m.start("law"), m.group("type"), True) for m in _ARTICLE_LAW.finditer(plain)]
    for start, type_, lower in heads:
        law = _known_prefix(_law_name(plain, start), reg, lower)
        if law and len(law.split()) > len(type_.split()):
            end = start + len(law)
            found.append(CitationMatch(start, end, law, "Bộ luật" if type_.startswith("Bộ") else "Luật",
                                       title=_clean_name(law), by_name=True))
    return found


def _known_prefix(law: str, reg: Registry, lower: bool = False) -> str:
    """"Luật Trẻ em và tuyên truyền …": a known law's name followed by "và" ends there; so does one
    cited in lower case by article, followed by the sentence's verb ("khoản 2 Điều 63 Luật trẻ em
    làm đơn …": no capital marks where the name ends)."""
    after = r"\s+(?:và\s|[a-zà-ỹđ])" if lower else r"\s+và\s"
    for name in sorted((n for i in reg.instruments for n in i.names), key=len, reverse=True):
        if re.match(rf"(?i:{re.escape(name)}){after}", law):
            return law[: len(name)]
    return law


def _programmes(plain: str) -> list[CitationMatch]:
    """National target programmes, and programmes named in quotes."""
    found: list[CitationMatch] = []
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
    return found


def _conventions(plain: str) -> list[CitationMatch]:
    found: list[CitationMatch] = []
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


def _name_matches(plain: str, reg: Registry) -> list[CitationMatch]:
    schemes = [
        CitationMatch(m.start(), m.end(), m.group(0), "Đề án", title=_clean_name(m.group(0)), by_name=True)
        for m in _NAMED_SCHEME.finditer(plain)
    ]
    return [*_registry_names(plain, reg), *_laws(plain, reg), *_programmes(plain), *schemes, *_conventions(plain)]


def _comma_in_name(words: list[re.Match[str]], n: int, head: int) -> bool:
    """"Luật Phòng, chống ...": a comma within the name's first words."""
    return head < n <= head + 2 and n + 1 < len(words) \
        and (words[n - 1].group(0), words[n + 1].group(0)) in _LAW_COMMA_PAIRS


def _joins(words: list[re.Match[str]], n: int, organic: bool) -> bool:
    """"và" joins two parts of one name: "Hôn nhân và gia đình", "Hội đồng nhân dân và Ủy ban nhân dân";
    so does "ban" in "Ủy ban …" of an organic law."""
    token = words[n].group(0)
    nxt = words[n + 1].group(0) if n + 1 < len(words) else ""
    joins = token == "và" and nxt[:1].isalpha() and (
        (nxt[0].islower() and nxt not in _LAW_STOP) or (organic and nxt[0].isupper())
    )
    return joins or (organic and token == "ban" and words[n - 1].group(0) in ("Ủy", "Uỷ"))


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
            if _comma_in_name(words, n, head):
                continue
            break
        organic = tuple(w.group(0) for w in words[head : head + 2]) == _ORGANIC and n >= head + 2
        if organic and n > head + 2 and words[n - 1].group(0) != "và" and _BODY_HEAD.match(plain, start + w.start()):
            break  # "Luật Tổ chức chính quyền địa phương Ủy ban nhân dân tỉnh …": the name stops before a body's
        if not token[0].isalpha() or token.lower() in _LAW_STOP and not _joins(words, n, organic):
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
    plain = undo_eth(plain)  # "NÐ-CP" is "NĐ-CP"; the mention's text is taken from ``text``, as printed
    candidates = _number_matches(plain) + _bare_numbers(plain) + _name_matches(plain, reg)
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
