"""Addressees: splitting a list of agency names and recognising who a text names.

Shared by every duty strategy. ``Context`` is read-only: the document, the
registry and the document's jurisdiction; strategies keep no state in it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tracuu.model.records import Block, Document, Duty, ResolvedAgency, Role
from tracuu.registries.agencies import AgencyRegistry, clean_name
from tracuu.registries.vocabulary import LazyPattern
from tracuu.resolve.jurisdiction import jurisdiction

# A verb or qualifier that ends an addressee ("Hội LHPN tỉnh| chỉ đạo các cấp Hội").
# Lower-case on purpose: in names these words are capitalised ("Ban Chỉ đạo").
_STOP_WORDS = (
    "chủ trì", "phối hợp", "phối kết hợp", "chỉ đạo", "theo chức năng", "có trách nhiệm", "thực hiện",
    "tham mưu", "hướng dẫn", "triển khai", "tổ chức", "căn cứ", "cần", "tiếp tục", "tăng cường",
    "khẩn trương", "rà soát", "chủ động", "xây dựng", "nghiên cứu", "đẩy mạnh", "quan tâm", "được giao",
    "là cơ quan", "kiểm tra", "báo cáo", "ban hành", "trong phạm vi", "phải", "nghiêm túc", "đôn đốc",
    "bố trí", "lồng ghép", "thu thập", "cung cấp", "phối hợp với", "quán triệt", "chịu trách nhiệm",
    "tập trung", "bảo đảm", "đảm bảo", "tuyên truyền", "vận động", "theo dõi", "tổng hợp", "giám sát",
    "thường xuyên", "đã", "đang", "sẽ", "mở", "đăng tải", "vừa", "cũng", "tiến hành", "nhanh chóng",
    "lưu ý", "làm tốt", "có văn bản", "về việc", "yêu cầu", "đề nghị", "thành lập", "sớm",
)
STOP = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(_STOP_WORDS, key=len, reverse=True)) + r")\b")
# ... or the words before it say it is still a name ("và các tổ chức thành viên").
_NAME_BEFORE_VERB = ("Ban Chỉ đạo", "Ban chỉ đạo", "BCĐ", " các", "Các")
# "tổ chức" is a noun as well as a verb: after a comma it is a list's next noun ("cơ quan, tổ chức, cá nhân").
_NOUN_AFTER_COMMA = ("tổ chức",)

_LABEL = re.compile(r"^\s*(?:Điều\s+\d+[a-zđ]?\.?|[IVXLC]+\.|\d+(?:\.\d+)*\s*[.)]?|[a-zđ]\)|[-+•])\s*")
MARKUP = re.compile(r"\*+|^#+\s*")
# "phối hợp với Công an tỉnh, Sở Y tế …"; not "công tác phối hợp liên ngành giữa các cơ quan …" (a noun)
PARTNERS = re.compile(r"\bphối (?:kết )?hợp(?:\s+với)?\s+(?!(?:liên ngành|giữa)\b)(?P<list>.+)$")
_ITEM_SPLIT = re.compile(r"\s*;\s*|,\s+|\s+và\s+")
# The closing line of a notice ("UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.").
NOTICE = re.compile(r"\b(?:thông báo|sao gửi)\b[^.]*\bđể\b[^.]*\bbiết\b", re.I)
# The execution clause of a decision ("Chánh Văn phòng …, Giám đốc các Sở …, Chủ tịch
# UBND … chịu trách nhiệm thi hành Quyết định này"): office holders, no task of their own.
EXECUTION = re.compile(
    r"\b(?:chịu trách nhiệm|có trách nhiệm)?\s*thi hành\s+(?:Quyết định|Nghị quyết|Chỉ thị|Nghị định|Thông tư)\s+này\b",
    re.I,
)


# "UBND huyện Cát Tiên", "Công an quận Hải Châu": a kind, a level word, a place's proper name.
_PLACE = re.compile(r"^(?:tỉnh|huyện|thành phố|quận|thị xã|xã|phường|thị trấn)\s+[A-ZĐÀ-Ỹ]")


@dataclass(frozen=True)
class Named:
    """An agency as a list or header writes it, and who it is."""

    text: str
    agency: ResolvedAgency


_RESOLVED: weakref.WeakKeyDictionary[AgencyRegistry, dict[tuple[str, str, str, bool], ResolvedAgency | None]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class Claim:
    """What one strategy reads in a document: the blocks it takes and the duties it finds there.

    ``blocks`` are anchors; when two strategies claim a block, the merge keeps the
    claim of the strategy with the higher priority and drops the other whole.
    """

    blocks: frozenset[str]
    duties: tuple[Duty, ...] = ()


def plain(text: str) -> str:
    """Block text without Markdown emphasis, heading marks or its label."""
    out = MARKUP.sub("", text).strip()
    return _LABEL.sub("", out, count=1).strip()


class Context:
    """What every strategy reads: the document, the registry, the jurisdiction. Never written to."""

    def __init__(self, doc: Document, reg: AgencyRegistry) -> None:
        self.doc = doc
        self.reg = reg
        self.province, self.district = jurisdiction(doc, reg)
        # resolve() is pure for (registry, jurisdiction, text): shared by every document of a build
        self._resolved = _RESOLVED.setdefault(reg, {})
        children: dict[str, list[Block]] = {}
        for b in doc.body:
            children.setdefault(b.parent, []).append(b)
        self.children: Mapping[str, tuple[Block, ...]] = MappingProxyType({k: tuple(v) for k, v in children.items()})
        # The execution clause of a decision: no strategy reads duties in it.
        self.excluded = frozenset(b.anchor for b in doc.body if EXECUTION.search(plain(b.text)))

    def resolve(self, text: str, allow_unknown: bool = True) -> ResolvedAgency | None:
        key = (text, self.province, self.district, allow_unknown)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(text, allow_unknown)
        return self._resolved[key]

    def _resolve(self, text: str, allow_unknown: bool) -> ResolvedAgency | None:
        name = clean_name(text)
        if not name or len(name) > 160:
            return None
        found = self.reg.match(name, self.province, self.district, allow_unknown=False)
        if found is not None:
            return found
        if not allow_unknown or len([w for w in name.split() if w.isalnum()]) > 14:
            return None
        kind = self.reg.kind_of(name)
        if kind is None:
            return None
        # A proper name goes on capitalised after its kind ("Sở Xây dựng"), a
        # common noun does not ("Bộ chỉ tiêu thống kê", "Đoàn kiểm tra").
        rest = self.reg.without_title(name)[len(kind.prefix):].strip()
        if rest and not rest[0].isupper() and not _PLACE.match(rest):
            return None
        return self.reg.match(name, self.province, self.district, allow_unknown=True)

    def descendants(self, anchor: str) -> list[Block]:
        out: list[Block] = []
        for child in self.children.get(anchor, []):
            out.append(child)
            out.extend(self.descendants(child.anchor))
        return out

    def instruments(self, anchors: Iterable[str]) -> tuple[str, ...]:
        wanted = set(anchors)
        seen: list[str] = []
        for c in self.doc.citations:
            if c.span is not None and c.span.block in wanted and c.instrument and c.instrument not in seen:
                seen.append(c.instrument)
        return tuple(seen)

    def duty(
        self,
        who: Named,
        role: Role,
        text: str,
        block: Block,
        partners: Iterable[ResolvedAgency] = (),
        extra_blocks: Iterable[Block] = (),
    ) -> Duty:
        ids = tuple(dict.fromkeys(p.id for p in partners if p.id != who.agency.id))
        return Duty(
            agency=who.agency.name,
            agency_id=who.agency.id,
            agency_text=who.text,
            role=role,
            text=text,
            line=block.line,
            block=block.anchor,
            partners=ids,
            instruments=self.instruments([block.anchor, *(b.anchor for b in extra_blocks)]),
            is_group=who.agency.is_group,
        )

    def duties(
        self,
        who: Iterable[Named],
        role: Role,
        text: str,
        block: Block,
        partners: Iterable[Named] = (),
        extra_blocks: Iterable[Block] = (),
    ) -> list[Duty]:
        """Each addressee's duty; when it leads ("X chủ trì, phối hợp với Y, Z"), Y and Z each get
        the same duty as "phối hợp" (convention C2), naming the leads as their partners."""
        who, partners, extra_blocks = list(who), list(partners), list(extra_blocks)
        out = [self.duty(w, role, text, block, [p.agency for p in partners], extra_blocks) for w in who]
        if role == "chủ trì":
            mine = {w.agency.id for w in who}
            for p in dict((p.agency.id, p) for p in partners if p.agency.id not in mine).values():
                out.append(self.duty(p, "phối hợp", text, block, [w.agency for w in who], extra_blocks))
        return out


def addressee_end(text: str) -> int:
    """Where the addressee at the start of ``text`` ends (before its verb)."""
    for m in STOP.finditer(text):
        before = text[: m.start()]
        head = before.rstrip()
        # "các tổ chức …": after "các" a verb-like word is a noun
        if head.endswith(_NAME_BEFORE_VERB) or head in ("các", "Các") or (
            before.endswith(",") and m.group().strip() in _NOUN_AFTER_COMMA
        ):
            continue
        return m.start()
    return len(text)


# Words that go on with a name after a known agency ("Phòng Y tế các huyện", "Sở Y tế tỉnh").
_NAME_GOES_ON = re.compile(r"^(?:các|cấp|tỉnh|huyện|thành(?! lập)|thị|xã|phường|quận|trên|của|và|thuộc|tại|ương)\b")


def leading_agencies(ctx: Context, text: str) -> tuple[list[Named], str] | None:
    """(addressees, what follows) when ``text`` starts with one or more agencies' names."""
    text = text.strip()
    if (headed := headed_list(ctx, text)) is not None:
        return headed
    end = addressee_end(text)
    named = names_in(ctx, text[:end])
    if not named or not named[-1].agency.known:
        glued = _glued_prefix(ctx, text)
        if glued is not None:
            return [glued[0]], glued[1]
    if not named:
        # "63 tỉnh thành hỗ trợ …": a verb the stop list does not know ends a known name
        prefix = _known_prefix(ctx, " ".join(text[:end].split(" ")[:16]))
        if prefix is None:
            return None
        return [prefix], text[len(prefix.text):].strip()
    last = named[-1]
    pos = text.find(last.text)
    if not last.agency.known and pos >= 0:
        # "Sở Kế hoạch và Đầu tư cân đối, bố trí …": a verb the stop list does not know;
        # the name is the longest known agency at its start
        trimmed = _known_prefix(ctx, last.text)
        if trimmed is not None:
            return [*named[:-1], trimmed], text[pos + len(trimmed.text):].strip()
    return named, text[end:].strip()


# "các Sở: Lao động - Thương binh và Xã hội, Thông tin và Truyền thông, UBND các huyện …": the kind
# is written once, before the colon (data/vocabulary.yml, list_heads).
_LIST_HEAD = LazyPattern(r"^[Cc]ác\s+(?P<kind>{list_heads})\s*:\s*")
_LIST_SEPARATOR = re.compile(r"^(?:\s*[,;]\s*|\s+và\s+)")


def headed_list(ctx: Context, text: str) -> tuple[list[Named], str] | None:
    """(the bodies of a list headed by their kind, what follows): each name is the kind and the
    longest run of words after it that the registry knows, or a known name of its own kind
    ("UBND các huyện, thành phố"); the list ends at the first words that are neither."""
    m = _LIST_HEAD.match(text)
    if m is None:
        return None
    kind, rest, named = m.group("kind"), text[m.end():], []
    while rest:
        found = _headed_name(ctx, kind, rest)
        if found is None:
            break
        named.append(found[0])
        rest = found[1]
        sep = _LIST_SEPARATOR.match(rest)
        if sep is None or _headed_name(ctx, kind, rest[sep.end():]) is None:
            break
        rest = rest[sep.end():]
    return (named, rest.strip()) if named else None


# "UBND các huyện, thành phố tùy vào …": a place's name is capitalised; the registry, which reads
# folded names, would take "tùy vào" for one.
_NO_PLACE = re.compile(
    r"\b(?:thành phố|huyện|quận|thị xã|tỉnh|xã|phường)\s+"
    r"(?!(?:thành phố|huyện|quận|thị xã|thị trấn|tỉnh|xã|phường|trực thuộc|và|các)\b)[a-zđà-ỹ]"
)


def _headed_name(ctx: Context, kind: str, text: str) -> tuple[Named, str] | None:
    words = text.split(" ")
    for k in range(min(len(words), 14), 0, -1):
        written = " ".join(words[:k]).rstrip(",;")
        if not written[:1].isupper() or _NO_PLACE.search(written):
            continue
        # a name of its own kind first ("Công an tỉnh", not "Bộ Công an tỉnh"), else the list's kind
        own = (written,) if ctx.reg.kind_of(written) is not None else ()
        for name in (*own, f"{kind} {written}"):
            found = ctx.resolve(name, allow_unknown=False)
            if found is not None:
                return Named(name, found), text[len(written):]
    return None


# Words a source may glue to the end of a name ("Xã hộicó văn bản", "Sở Y tếchủ trì").
_GLUED = re.compile(r"(?:có|đã|vừa|chủ|phối|thực|triển|tổ|tăng|tiếp|khẩn|chỉ|hướng)$")
# The same words as a set (a lookup per split point instead of a regular expression); "$" also
# matches before a final newline, hence the second test below.
_GLUED_WORDS = frozenset(_GLUED.pattern[3:-2].split("|"))
_GLUED_ENDINGS = tuple(_GLUED_WORDS)


def _glued(rest: str) -> bool:
    return rest in _GLUED_WORDS or (rest[-1:] == "\n" and rest[:-1] in _GLUED_WORDS)


def _glued_prefix(ctx: Context, text: str) -> tuple[Named, str] | None:
    """A known name glued to the next word: ("Bộ Lao động – Thương binh và Xã hội", "có văn bản …")."""
    words = text.split(" ")
    for n, word in enumerate(words[:16]):
        if not (word[:-1] if word[-1:] == "\n" else word).endswith(_GLUED_ENDINGS):
            continue  # no split point of this word leaves a glued word after it
        for k in range(len(word) - 1, 1, -1):
            if not word[k - 1].isalpha() or not _glued(word[k:]):
                continue
            head = " ".join([*words[:n], word[:k]])
            found = ctx.resolve(head, allow_unknown=False)
            if found is not None:
                return Named(head, found), " ".join([word[k:], *words[n + 1:]])
    return None


def _known_prefix(ctx: Context, name: str) -> Named | None:
    words = name.split(" ")
    for k in range(len(words) - 1, 1, -1):
        if not words[k][:1].islower():  # the tail's first letter (an empty word: a space)
            continue
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if _NAME_GOES_ON.match(tail):
            continue
        found = ctx.resolve(head, allow_unknown=False)
        if found is not None:
            return Named(head, found)
    return None


def names_in(ctx: Context, text: str) -> list[Named]:
    """The agencies an addressee names: one ("Sở Văn hóa, Thể thao và Du lịch",
    "UBND các huyện, thị xã, thành phố") or several ("Hội LHPN tỉnh, Tỉnh đoàn";
    "Sở Kế hoạch và Đầu tư, Sở Tài chính")."""
    name = clean_name(text)
    if not name:
        return []
    known = ctx.resolve(name, allow_unknown=False)
    if known is not None:
        return [Named(name, known)]
    if re.search(r"[,;]|\svà\s", name):
        parts = split_names(ctx, name)
        # every listed name must be an agency, or this is one long name
        if len(parts) >= 2 and sum(len(n.text) for n in parts) >= 0.7 * len(re.sub(r"[,;]|\svà\s", "", name)):
            return parts
        # "A; B; các chủ đầu tư, …": items split by ";" are addressees each; two that are
        # agencies say so, and an item that names none is passed over
        items = [names_in(ctx, s) for s in name.split(";") if s.strip()] if ";" in name else []
        if sum(1 for i in items if i) >= 2:
            return [n for i in items for n in i]
    found = ctx.resolve(name)
    return [Named(name, found)] if found is not None else []


def split_names(ctx: Context, text: str) -> list[Named]:
    """Agencies named in a list ("Bộ Y tế, Bộ Công an; bộ, ngành liên quan")."""
    text = clean_name(text)
    text = re.sub(r"\s+(?:để|nhằm|trong việc)\s.*$", "", text)
    pieces: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        start = 0
        for m in _ITEM_SPLIT.finditer(part):
            after = part[m.end():]
            if m.group(0).strip() == ";" or _starts_name(ctx, after):
                pieces.append(part[start:m.start()])
                start = m.end()
        pieces.append(part[start:])
    out: list[Named] = []
    prefix = ""
    for piece in (p.strip(" .,:") for p in pieces):
        if not piece:
            continue
        piece = piece[: addressee_end(piece)].strip(" .,:") or piece
        found = None
        # "Tỉnh đoàn Bắc Kạn, đại diện Tổ chức …": the name is the longest part the
        # registry knows; failing that, the first part as an agency it does not list.
        parts = piece.split(", ")
        for k in range(len(parts), 0, -1):
            candidate = ", ".join(parts[:k])
            found = ctx.resolve(candidate, allow_unknown=False)
            if found is None and prefix:
                found = ctx.resolve(f"{prefix} {candidate}", allow_unknown=False)
            if found is not None:
                piece = candidate
                break
        if found is None:
            found = ctx.resolve(parts[0])
            piece = parts[0]
        if found is None:
            continue
        kind = ctx.reg.kind_of(piece)
        prefix = kind.prefix if kind else prefix
        out.append(Named(piece, found))
    return _collectives(text, out)


def _collectives(text: str, named: list[Named]) -> list[Named]:
    """Neighbours of a list that name the same collective ("các cấp, các ngành") are one
    addressee, as written (convention C4)."""
    out: list[Named] = []
    for n in named:
        prev = out[-1] if out else None
        if prev is not None and prev.agency.is_group and prev.agency.id == n.agency.id:
            start = text.find(prev.text)
            end = text.find(n.text, start + len(prev.text)) if start >= 0 else -1
            if end >= 0:
                out[-1] = Named(text[start:end + len(n.text)], prev.agency)
                continue
        out.append(n)
    return out


def _starts_name(ctx: Context, text: str) -> bool:
    if re.match(r"(?:các|Các)\s|bộ, ngành|Bộ, ngành", text):
        return True
    first = text.split(",")[0]
    known = ctx.resolve(first.split(";")[0][: addressee_end(first)], allow_unknown=False)
    if known is not None and (known.is_group or first[:1].isupper()):
        return True  # "…, Tòa án nhân dân tỉnh", "…, đơn vị trực thuộc": a known name or group
    kind = ctx.reg.kind_of(first)
    if kind is None:
        return False
    rest = first[len(kind.prefix):].lstrip()
    return not rest or rest[0].isupper() or rest.startswith(("các ", "tỉnh", "huyện", "thành phố", "xã"))




_ITEM_ROLE = re.compile(r"^(?:(?P<lead>chủ trì)|(?P<partner>phối (?:kết )?hợp))\b", re.I)


def item_role(text: str, default: Role) -> Role:
    """C3: an item that begins "Chủ trì …" is chủ trì, one that begins "Phối hợp …" is phối hợp."""
    m = _ITEM_ROLE.match(text.strip())
    if m is None:
        return default
    return "chủ trì" if m.group("lead") else "phối hợp"


def partner_names(ctx: Context, text: str) -> list[Named]:
    """The partners a duty names ("phối hợp với Công an tỉnh, Sở Y tế"), as written."""
    m = PARTNERS.search(text)
    if not m:
        return []
    # the list ends at its verb: "phối hợp với các cơ quan liên quan hướng dẫn …; giao Công an …"
    listed = m.group("list")
    return split_names(ctx, listed[: addressee_end(listed)])


def partners_in(ctx: Context, text: str) -> list[ResolvedAgency]:
    """The partners a duty names ("phối hợp với Công an tỉnh, Sở Y tế")."""
    return [n.agency for n in partner_names(ctx, text)]
