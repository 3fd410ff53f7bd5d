"""Running prose: whom a sentence gives work to (conventions C1, C4, C5, C6).

Read in this order in each sentence, in any document (news copies included):

1. a directive verb anywhere, with its addressees: "UBND tỉnh giao Sở Y tế chủ
   trì …", "Sở GD-ĐT vừa có văn bản yêu cầu Phòng GD-ĐT … và các đơn vị trực
   thuộc tăng cường …", "đề nghị A, B, C: Tăng cường …" (the colon ends the
   list), and the addressees of a dispatch "gửi X đề nghị …";
2. a sentence that opens with its addressee ("Sở Y tế chủ trì …"), or names it
   after an opening phrase ("Theo đó, các Phòng GD&ĐT thực hiện …", "Đặc biệt,
   nhằm …, X và Y cần …");
3. semicolon chains whose clauses open with an addressee ("…; UBND các quận,
   huyện tổ chức …; UBND các xã, phường xây dựng …").

A paragraph carries on the last one's addressees (``Thread``) when it refers
back to them ("các đơn vị cần …", "các sở cần …", "Đặc biệt, cần …"), or when
it follows an introduction that ends in a colon ("Chủ tịch UBND huyện yêu
cầu:", "… có ý kiến như sau:"). In "A chỉ đạo/đôn đốc B …" A has the duty (C5):
"chỉ đạo" is no directive verb here, it ends A's name.

Not duties (C6): "Theo/Xét đề nghị của …"; reports ("đã", "đang", "vừa ký");
plans ("sẽ"); what a body says or criticises ("thông báo", "cho biết", "phê
bình"); descriptions ("là cơ quan …"); closing formulas ("… nghiêm túc triển
khai thực hiện").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracuu.model.records import Block, Duty, Role
from tracuu.model.textutil import fold
from tracuu.registries.vocabulary import LazyPattern
from tracuu.resolve.duties.names import (
    MARKUP,
    PARTNERS,
    STOP,
    Context,
    Named,
    addressee_end,
    headed_list,
    leading_agencies,
    names_in,
    partner_names,
    split_names,
)

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ])")
# data/vocabulary.yml: directive_verbs, report_words, sentence_openings.
_DIRECTIVE = LazyPattern(r"(?<!\w){directive_verbs}(?:\s+cho)?\s+(?!của\b)", re.I)
# "Theo đề nghị của …", "đáp ứng yêu cầu …", "các yêu cầu": a noun, not an assignment.
_NOT_DIRECTIVE_BEFORE = re.compile(r"(?:\btheo|\bxét|\btại|\bcủa|\bcác|\bnhững|\bđáp ứng|\bđược|\bbàn)\s*$", re.I)
# "Nhiều phụ huynh đề nghị nhà trường …", "Sở … đề xuất UBND tỉnh giao Sở Tài chính …": in the
# same clause, a petition or a proposal gives no work (data/vocabulary.yml, petition_words).
_PETITION_BEFORE = LazyPattern(r"(?<!\w){petition_words}(?!\w)[^,.;:“”\"]*$")
# "Chủ tịch UBND tỉnh chỉ đạo Sở Y tế …", "Thủ tướng phân công Bộ …": a leader (or the provincial
# UBND) directing a body assigns it the work (C1); "UBND các huyện chỉ đạo UBND cấp xã …" does not (C5).
_LEADER_VERB = re.compile(r"(?<!\w)(?:chỉ đạo|phân công)(?:\s+cho)?\s+(?!của\b)")
_LEADER = re.compile(
    r"(?:\b(?:Chủ tịch|Thủ tướng|Bộ trưởng)\b|\b(?:UBND|Ủy ban nhân dân) (?:tỉnh|thành phố|TP)\b)[^,;:]{0,60}$"
)
_DISPATCH = re.compile(r"\bgửi\s+(?P<list>.{3,300}?)\s+(?:đề nghị|yêu cầu)\s+(?P<rest>\S.*)$", re.I)
_DIRECTING = re.compile(r"^(?:[Cc]hỉ đạo|[Đđ]ôn đốc|[Hh]ướng dẫn)\s+")
_OPENING = LazyPattern(r"^{sentence_openings}(?!\w)")
# "các đơn vị cần …", "các sở cần …": the addressees just named, referred back to.
_ANAPHOR = re.compile(r"^(?:các|Các)\s+(?P<noun>đơn vị|cơ quan|sở|phòng|trường|nhà trường|địa phương|ngành|cơ sở)\s+")
# "Thực hiện tốt …", "Tăng cường …": a paragraph that carries on the last one's work (data/vocabulary.yml).
_TASK_OPENING = LazyPattern(r"^{task_openings}(?!\w)")
_REJECT = LazyPattern(r"^(?:{report_words}|{directive_verbs})(?!\w)")
_DESCRIBED = re.compile(r"^(?:là|được|có\s(?!trách nhiệm|văn bản))")
# What is left after the addressee of a closing formula ("… nghiêm túc triển khai thực hiện./.").
CLOSING_REST = re.compile(
    r"^(?:(?:nghiêm túc|khẩn trương|quan tâm|phối hợp|triển khai|tổ chức|căn cứ[^,]*,)\s*)*"
    r"(?:thực hiện|thi hành)(?:\s+(?:nghiêm túc|tốt))?"
    r"(?:\s+(?:Kế hoạch|Chỉ thị|Quyết định|Công văn|Thông báo|Hướng dẫn|văn bản) này)?\s*[./]*$"
)
_INTRO = LazyPattern(r"(?:\bnhư sau|\bý kiến|\bgồm|(?<!\w)(?:{directive_verbs}|chỉ đạo))\s*:$", re.I)
_NORMATIVE_LIST = re.compile(
    r"\b(?:đề nghị|giao|yêu cầu)\s+(?P<list>.+?)\s(?:trong phạm vi|theo chức năng|thực hiện|có trách nhiệm)\b"
)


@dataclass(frozen=True)
class Thread:
    """The addressees the last paragraph spoke to, and whether an introduction ("… yêu cầu:") is open."""

    last: tuple[Named, ...] = ()
    intro: bool = False
    marker: str | None = None  # how the open introduction's first item was numbered ("(1)", "1.", "-", "")


# How an item is numbered: "(1) …", "1. …", "1) …", "a) …", "- …"; "" when it is not.
_MARKERS = (
    ("(n)", re.compile(r"^\(\d{1,2}\)\s")),
    ("n.", re.compile(r"^\d{1,2}\.\s")),
    ("n)", re.compile(r"^\d{1,2}\)\s")),
    ("a)", re.compile(r"^[a-zđ]\)\s")),
    ("-", re.compile(r"^[-–+•]\s")),
)


def item_marker(text: str) -> str:
    """The numbering style of an item, "" for a paragraph that has none."""
    return next((name for name, pattern in _MARKERS if pattern.match(text)), "")


def _ends_items(thread: Thread, text: str) -> bool:
    """Whether ``text`` is past the open introduction's items: numbered ones ("(1) …" … "(6) …")
    end at the first block not numbered the same way ("Xem chi tiết …", a question, "- …")."""
    return bool(thread.marker) and item_marker(text) != thread.marker


Found = tuple[list[Named], str]  # addressees, what follows them


def _role(rest: str) -> Role:
    return "chủ trì" if rest.startswith("chủ trì") else "phối hợp" if rest.startswith("phối hợp") else "thực hiện"


def _acceptable(rest: str, verb: bool) -> bool:
    return bool(rest) and not CLOSING_REST.match(rest) and not _REJECT.match(rest) and (verb or not _DESCRIBED.match(rest))


def _directed(ctx: Context, sentence: str) -> Found | None:
    """Form 1: "… giao/yêu cầu/đề nghị/lưu ý X …", "… gửi X đề nghị …"."""
    led = (m for m in _LEADER_VERB.finditer(sentence) if _LEADER.search(sentence[: m.start()]))
    verbs = [*_DIRECTIVE.finditer(sentence), *led]
    for m in sorted(verbs, key=lambda m: m.start()):
        if _NOT_DIRECTIVE_BEFORE.search(sentence[: m.start()]) or _PETITION_BEFORE.search(sentence[: m.start()]):
            continue
        after = sentence[m.end():]
        head, colon, tail = after.partition(":")
        if colon and tail.strip() and len(head) < 400 and headed_list(ctx, after) is None:
            named = names_in(ctx, head)
            if named:
                return named, tail.strip()
        lead = leading_agencies(ctx, after) or _bare_level(ctx, after)
        if lead is not None and _acceptable(lead[1], verb=True):
            return lead
    d = _DISPATCH.search(sentence)
    if d is not None:
        named = names_in(ctx, d.group("list"))
        if named:
            return named, d.group("rest")
    return None


# "BCĐ hoạt động hè tỉnh đề nghị huyện tiếp tục …": a level word alone, then a verb (not a place's
# name, "huyện Na Rì"; not "xã hội"), is that level's people's committee.
_BARE_LEVEL = re.compile(r"^(?P<level>tỉnh|huyện|thị xã|xã(?! hội\b))\s+(?=[a-zđà-ỹ])")


def _bare_level(ctx: Context, text: str) -> Found | None:
    m = _BARE_LEVEL.match(text)
    agency = ctx.resolve(f"UBND {m.group('level')}", allow_unknown=False) if m else None
    return ([Named(m.group("level"), agency)], text[m.end():]) if m and agency else None


def _referred(last: tuple[Named, ...], noun: str) -> list[Named]:
    """Which of the last addressees "các <noun>" refers back to (all of them for "các đơn vị")."""
    if noun in ("đơn vị", "cơ quan"):
        return list(last)
    mine = [w for w in last if re.search(rf"(?:^| ){fold(noun)}(?: |$)", fold(w.text))]
    return mine or list(last)


def _subject(ctx: Context, text: str, last: tuple[Named, ...], after_opening: bool) -> Found | None:
    """Form 2: the addressee a sentence (or what follows its opening phrase) starts with."""
    if last and (a := _ANAPHOR.match(text)):
        rest = text[a.end():]
        if (rest.startswith("cần ") or STOP.match(" " + rest)) and _acceptable(rest, verb=False):
            return _referred(last, a.group("noun")), rest
    if after_opening and last and text.startswith("cần "):
        return list(last), text
    lead = leading_agencies(ctx, text)
    if lead is None:
        return None
    who, rest = lead
    if not _acceptable(rest, verb=False):
        return None
    strict = STOP.match(" " + rest) is not None
    if not strict and (after_opening or not (rest[:1].islower() and who[-1].agency.known)):
        return None
    return lead


def _more_clauses(ctx: Context, rest: str) -> list[Found]:
    """Clauses after the task of a directive that give work to others: "giao A chủ trì, phối hợp
    với B …; giao C …; D chỉ đạo …" (past A's partner list, which may itself hold ";")."""
    m = PARTNERS.search(rest)
    end = m.start("list") + addressee_end(m.group("list")) if m else 0
    clauses = [c.strip() for c in rest[end:].split(";")]
    if _DIRECTING.match(clauses[0]) and names_in(ctx, _DIRECTING.sub("", clauses[0])):
        clauses = clauses[1:]  # "Chỉ đạo UBND cấp xã; các cơ quan, đơn vị triển khai …": one list (C5)
    out: list[Found] = []
    for clause in clauses[1:]:
        f = _directed(ctx, clause) or _subject(ctx, clause, (), after_opening=True)
        if f is not None and all(w.agency.known for w in f[0]):
            out.append(f)
    return out


def _assignments(ctx: Context, sentence: str, last: tuple[Named, ...], normative: bool, free: bool) -> list[Found]:
    """What a sentence assigns; unless ``free``, only through a directive verb (a news report)."""
    found = _directed(ctx, sentence)
    if found is not None:
        return [found, *_more_clauses(ctx, found[1])]
    if not free:
        return []
    found = found or _subject(ctx, sentence, last, after_opening=False)
    if found is None and _OPENING.match(sentence):
        for m in re.finditer(r",\s+", sentence.split(";")[0][:400]):
            candidate = sentence[m.end():]
            if not re.match(r"[A-ZĐÀ-Ỹ]|các\s|cần\s", candidate):
                continue  # "…, phường xây dựng …": a list's next word, not an addressee
            found = _subject(ctx, candidate, last, after_opening=True)
            if found is not None:
                break
    if found is not None:
        return [found]
    # Form 3: "…; UBND các quận, huyện tổ chức …; UBND các xã, phường xây dựng …"
    chain = [
        f for c in sentence.split(";")[1:]
        if (f := _subject(ctx, c.strip(), (), after_opening=True)) and all(w.agency.known for w in f[0])
    ]
    if chain or not normative:
        return chain
    # "Căn cứ …, đề nghị các bộ, …, Sở … và các cơ quan có liên quan … thực hiện …"
    g = _NORMATIVE_LIST.search(sentence)
    return [(split_names(ctx, g.group("list")), sentence)] if g else []


def _introduction(ctx: Context, sentence: str) -> list[Named] | None:
    """ "Chủ tịch UBND huyện yêu cầu:" → []; "… đề nghị Sở Y tế thực hiện như sau:" → [Sở Y tế]; else None."""
    if not _INTRO.search(sentence):
        return None
    found = _directed(ctx, sentence.rstrip(":") + ":x")
    return found[0] if found else []


def _same_as_before(who: list[Named], last: tuple[Named, ...]) -> list[Named]:
    """An addressee named again keeps the wording it was first given ("Các sở GD&ĐT" after
    "giám đốc các sở GD&ĐT"): one addressee, one entry."""
    before = {w.agency.id: w for w in last}
    return [before.get(w.agency.id, w) for w in who]


def _directive_in(sentence: str) -> bool:
    """A directive verb (not "Theo đề nghị của …") anywhere in the sentence, addressee or not."""
    verbs = [*_DIRECTIVE.finditer(sentence), *_LEADER_VERB.finditer(sentence)]
    return any(not _NOT_DIRECTIVE_BEFORE.search(sentence[: m.start()]) for m in verbs)


# Types whose prose reports rather than assigns: a sentence that opens with a body ("Sở Y tế tổ
# chức tập huấn …") is a duty only once a directive has been reported (a verb, an open "yêu cầu:").
_REPORTED_TYPES = ("Tin bài", "")


Assigned = tuple[list[Named], Role, str, list[Named]]  # addressees, role, sentence, partners


@dataclass
class _Reading:
    """What the sentences of one block have given so far, and the thread they leave."""

    last: tuple[Named, ...]
    intro: bool
    opened: bool = False  # the block opened an introduction ("… yêu cầu:")
    found: list[Assigned] = field(default_factory=list)


def read_block(ctx: Context, block: Block, text: str, thread: Thread) -> tuple[list[Duty], Thread]:
    """The duties of one block, and the thread the next block continues."""
    reading = _read_sentences(ctx, text, thread, normative=block.anchor.startswith("dieu-"))
    marker = None
    if not reading.found and not reading.opened and thread.intro and thread.last and text:
        numbered = MARKUP.sub("", block.text).strip()  # ``text`` has lost its label ("1.", "-")
        if _ends_items(thread, numbered):
            return [], Thread()
        reading.found.append((list(thread.last), "thực hiện", text, []))  # an item of the open introduction
        marker = item_marker(numbered) if thread.marker is None else thread.marker
    elif not reading.found and not reading.opened and thread.last and _TASK_OPENING.match(text):
        reading.found.append((list(thread.last), "thực hiện", text, []))  # the last paragraph's work goes on
    duties = _first_duties(ctx, block, reading.found)
    if not duties and not reading.opened:
        return [], Thread()
    return duties, Thread(reading.last, reading.intro, None if reading.opened else marker)


def _read_sentences(ctx: Context, text: str, thread: Thread, normative: bool) -> _Reading:
    """Each sentence's assignments in turn, each one's addressees the next one's ``last``.

    A sentence ending in a colon is an introduction: it opens the thread (with its
    addressees, if it names any) and assigns nothing itself. In a type that reports,
    a sentence opening with a body assigns only once a directive has been seen.
    """
    r = _Reading(thread.last, thread.intro)
    context = ctx.doc.doc_type not in _REPORTED_TYPES or r.intro or bool(r.last)
    for sentence in (s.strip() for s in _SENTENCE.split(text)):
        if sentence.endswith(":"):
            named = _introduction(ctx, sentence)
            if named is not None:
                r.intro, r.opened, r.last = True, True, tuple(named) or r.last
            continue
        context = context or _directive_in(sentence)
        for who, rest in _assignments(ctx, sentence, r.last, normative, context):
            who = _same_as_before(who, r.last)
            role = _role(rest)
            r.found.append((who, role, sentence, partner_names(ctx, rest) if role == "chủ trì" else []))
            r.last = tuple(who)
    return r


def _first_duties(ctx: Context, block: Block, found: list[Assigned]) -> list[Duty]:
    """The duties of a block's assignments: one per agency and role, from the first sentence giving it."""
    duties: list[Duty] = []
    seen: set[tuple[str, str]] = set()
    for who, role, sentence, partners in found:
        for duty in ctx.duties([w for w in who if (w.agency.id, role) not in seen], role, sentence, block, partners):
            if (duty.agency_id, duty.role) not in seen:
                seen.add((duty.agency_id, duty.role))
                duties.append(duty)
    return duties
