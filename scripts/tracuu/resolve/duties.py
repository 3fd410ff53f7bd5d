"""Who must do what: duties found in a parsed document's blocks.

Layouts handled, in the order they are tried (a block used by one is not
looked at again):

1. statistical indicators of an annex ("0102. Tỷ số giới tính khi sinh" …
   "5. Cơ quan chịu trách nhiệm thu thập, tổng hợp" + "- Chủ trì: Bộ …;" /
   "- Phối hợp: Bộ …; Bộ …", or the inline form "…: Bộ …"); each named body
   gets one duty per indicator, the leader "chủ trì", the others "phối hợp";
2. addressee headers: a heading or numbered item that names an agency, with
   the duty after a colon ("**5. Sở Thông tin và Truyền thông:** Chỉ đạo …")
   or in the blocks under it (bullets, paragraphs, "a) … d)"); a role in the
   header ("X chủ trì, phối hợp với Y:") is X's role, Y are partners;
3. guidance to all: a paragraph ending in ":" that addresses someone
   ("… hướng dẫn các ngành, địa phương … cụ thể như sau:") followed by
   numbered items that name no agency: each item is a duty of the addressee;
4. running prose (not in news articles): a sentence that starts with an
   agency, or "Giao"/"Yêu cầu"/"Đề nghị" + agency, followed by what it must do;
   in a normative article also "…, đề nghị A, B và C … thực hiện …";
5. task tables (annexes of a Kế hoạch): "| Nội dung | Cơ quan chủ trì | Cơ
   quan phối hợp | Thời gian |"; each row is a duty of every lead ("chủ trì")
   and of every partner ("phối hợp"); a single "Đơn vị thực hiện" column
   gives "thực hiện".

An addressee may name several agencies ("**6. Hội Liên hiệp Phụ nữ tỉnh, Tỉnh
đoàn:** …", "Đề nghị Ủy ban MTTQ tỉnh, Tỉnh đoàn, Hội LHPN tỉnh …"): each gets
the duty. "Ủy ban MTTQ tỉnh và các tổ chức thành viên" is one collective
addressee (a group in the registry).

Not duties: what an agency has done ("Sở Y tế đã tổ chức …"), closing
formulas ("Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./."), and the
execution clause of a Quyết định ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám
đốc các Sở …, Chủ tịch UBND các huyện … chịu trách nhiệm thi hành Quyết định
này"): it names office holders, repeats the whole decision for each of them
and gives no task of its own; the decision's tasks are in its other articles
("Điều 2. Giao Sở … chủ trì …") and in the plan it adopts.

Partners named in a duty ("phối hợp với Công an tỉnh, Sở Y tế") are kept as
``Duty.partners``; they do not get a duty of their own here (the agency pages
show the duty on the partner's page as "phối hợp").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracuu.model.records import Block, Document, Duty, Membership, ResolvedAgency, Role
from tracuu.model.textutil import fold
from tracuu.registries.agencies import AgencyRegistry, clean_name, jurisdiction, load_registry

NEWS_TYPES = {"Tin bài"}

# A verb or qualifier that ends an addressee ("Hội LHPN tỉnh| chỉ đạo các cấp Hội").
# Lower-case on purpose: in names these words are capitalised ("Ban Chỉ đạo").
_STOP_WORDS = (
    "chủ trì", "phối hợp", "phối kết hợp", "chỉ đạo", "theo chức năng", "có trách nhiệm", "thực hiện",
    "tham mưu", "hướng dẫn", "triển khai", "tổ chức", "căn cứ", "cần", "tiếp tục", "tăng cường",
    "khẩn trương", "rà soát", "chủ động", "xây dựng", "nghiên cứu", "đẩy mạnh", "quan tâm", "được giao",
    "là cơ quan", "kiểm tra", "báo cáo", "ban hành", "trong phạm vi", "phải", "nghiêm túc", "đôn đốc",
    "bố trí", "lồng ghép", "thu thập", "cung cấp", "phối hợp với", "quán triệt", "chịu trách nhiệm",
    "tập trung", "bảo đảm", "đảm bảo", "tuyên truyền", "vận động", "theo dõi", "tổng hợp", "giám sát",
    "thường xuyên", "đã", "đang", "sẽ", "mở", "đăng tải",
)
_STOP = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(_STOP_WORDS, key=len, reverse=True)) + r")\b")
# ... or the words before it say it is still a name ("và các tổ chức thành viên").
_NAME_BEFORE_VERB = ("Ban Chỉ đạo", "Ban chỉ đạo", "BCĐ", " các", "Các")

_LABEL = re.compile(r"^\s*(?:Điều\s+\d+[a-zđ]?\.?|[IVXLC]+\.|\d+(?:\.\d+)*\s*[.)]?|[a-zđ]\)|[-+•])\s*")
_MARKUP = re.compile(r"\*+|^#+\s*")
_ROLE_HEAD = re.compile(r"^(?:chủ trì|phối hợp)\b")
_PARTNERS = re.compile(r"\bphối (?:kết )?hợp(?:\s+với)?\s+(?P<list>.+)$")
_INDICATOR = re.compile(r"^\d{4}$")
_RESPONSIBLE = re.compile(r"Cơ quan chịu trách nhiệm thu thập,\s*tổng hợp\s*:?\s*(?P<rest>.*)$")
_LEAD = re.compile(r"^(?:Cơ quan\s+)?chủ trì\s*:\s*(?P<list>.*)$", re.IGNORECASE)
_SUPPORT = re.compile(r"^(?:Cơ quan\s+)?phối hợp\s*:\s*(?P<list>.*)$", re.IGNORECASE)
_SEE_INDICATOR = re.compile(r"quy định tại mã chỉ tiêu\s+(?P<code>\d{4}),?\s*phụ lục\s+(?P<annex>[IVXLC]+)", re.I)
_GUIDANCE = re.compile(r"\b(?:hướng dẫn|đề nghị|yêu cầu|giao(?: cho)?)\s+(?P<rest>.+)$", re.I)
_PROSE_HEAD = re.compile(r"^(?:(?P<verb>Giao|Yêu cầu|Đề nghị)(?:\s+cho)?\s+)?(?P<rest>.+)$", re.DOTALL)
# Words that open a header before the addressee ("1. Đối với Sở Y tế", "7. Đề nghị Ủy ban MTTQ tỉnh …").
_HEAD_PREFIX = re.compile(r"^(?:Đối với|Đề nghị|Trách nhiệm của|Nhiệm vụ của|Giao(?:\s+cho)?)\s+")
# A paragraph that addresses someone else, not the rest of the header's duties.
_ADDRESSING = re.compile(r"^(?:Đề nghị|Yêu cầu|Giao)\s")
# "(cơ quan thường trực)", "(chủ trì)": a remark on the addressee's role, not part of its name.
_ROLE_NOTE = re.compile(r"\s*\((?P<note>[a-zđà-ỹ][^()]*)\)\s*$")
# What is left after the addressee of a closing formula ("… nghiêm túc triển khai thực hiện./.").
_CLOSING_REST = re.compile(
    r"^(?:(?:nghiêm túc|khẩn trương|quan tâm|phối hợp|triển khai|tổ chức|căn cứ[^,]*,)\s*)*"
    r"(?:thực hiện|thi hành)(?:\s+(?:nghiêm túc|tốt))?"
    r"(?:\s+(?:Kế hoạch|Chỉ thị|Quyết định|Công văn|Thông báo|Hướng dẫn|văn bản) này)?\s*[./]*$"
)
# The execution clause of a decision ("Chánh Văn phòng …, Giám đốc các Sở …, Chủ tịch
# UBND … chịu trách nhiệm thi hành Quyết định này"): office holders, no task of their own.
_EXECUTION = re.compile(
    r"\b(?:chịu trách nhiệm|có trách nhiệm)?\s*thi hành\s+(?:Quyết định|Nghị quyết|Chỉ thị)\s+này\b", re.I
)
_REPORTED = re.compile(r"^(?:đã|Đã|đang|Đang)\b")
_NOT_DUTY_START = re.compile(r"^(?:Trên đây|Với nội dung trên|Nơi nhận)", re.I)
# The closing line of a notice ("UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.").
_NOTICE = re.compile(r"\b(?:thông báo|sao gửi)\b[^.]*\bđể\b[^.]*\bbiết\b", re.I)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
_ITEM_SPLIT = re.compile(r"\s*;\s*|,\s+|\s+và\s+")


@dataclass(frozen=True)
class Named:
    """An agency as a list or header writes it, and who it is."""

    text: str
    agency: ResolvedAgency


def plain(text: str) -> str:
    """Block text without Markdown emphasis, heading marks or its label."""
    out = _MARKUP.sub("", text).strip()
    return _LABEL.sub("", out, count=1).strip()


class _Ctx:
    def __init__(self, doc: Document, reg: AgencyRegistry) -> None:
        self.doc = doc
        self.reg = reg
        self.province, self.district = jurisdiction(doc, reg)
        self.children: dict[str, list[Block]] = {}
        for b in doc.body:
            self.children.setdefault(b.parent, []).append(b)
        self.used: set[str] = set()

    def resolve(self, text: str, allow_unknown: bool = True) -> ResolvedAgency | None:
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
        if rest and not rest[0].isupper():
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


# --- names ---------------------------------------------------------------------
def addressee_end(text: str) -> int:
    """Where the addressee at the start of ``text`` ends (before its verb)."""
    for m in _STOP.finditer(text):
        if text[: m.start()].rstrip().endswith(_NAME_BEFORE_VERB):
            continue
        return m.start()
    return len(text)


# Words that go on with a name after a known agency ("Phòng Y tế các huyện", "Sở Y tế tỉnh").
_NAME_GOES_ON = re.compile(r"^(?:các|cấp|tỉnh|huyện|thành|thị|xã|phường|quận|trên|của|và|thuộc|tại)\b")


def leading_agencies(ctx: _Ctx, text: str) -> tuple[list[Named], str] | None:
    """(addressees, what follows) when ``text`` starts with one or more agencies' names."""
    text = text.strip()
    end = addressee_end(text)
    named = names_in(ctx, text[:end])
    if not named:
        return None
    last = named[-1]
    pos = text.find(last.text)
    if not last.agency.known and pos >= 0:
        # "Sở Kế hoạch và Đầu tư cân đối, bố trí …": a verb the stop list does not know;
        # the name is the longest known agency at its start
        trimmed = _known_prefix(ctx, last.text)
        if trimmed is not None:
            return [*named[:-1], trimmed], text[pos + len(trimmed.text):].strip()
    return named, text[end:].strip()


def _known_prefix(ctx: _Ctx, name: str) -> Named | None:
    words = name.split(" ")
    for k in range(len(words) - 1, 1, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if not tail[:1].islower() or _NAME_GOES_ON.match(tail):
            continue
        found = ctx.resolve(head, allow_unknown=False)
        if found is not None:
            return Named(head, found)
    return None


def names_in(ctx: _Ctx, text: str) -> list[Named]:
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
    found = ctx.resolve(name)
    return [Named(name, found)] if found is not None else []


def split_names(ctx: _Ctx, text: str) -> list[Named]:
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
    return out


def _starts_name(ctx: _Ctx, text: str) -> bool:
    if re.match(r"(?:các|Các)\s|bộ, ngành|Bộ, ngành", text):
        return True
    first = text.split(",")[0]
    kind = ctx.reg.kind_of(first)
    if kind is None:
        return False
    if ctx.resolve(first.split(";")[0], allow_unknown=False) is not None:
        return True  # "…, Tòa án nhân dân tỉnh": a known name, even if not capitalised after its kind
    rest = first[len(kind.prefix):].lstrip()
    return not rest or rest[0].isupper() or rest.startswith(("các ", "tỉnh", "huyện", "thành phố", "xã"))


# --- layout 1: statistical indicators ------------------------------------------
def _indicators(ctx: _Ctx) -> list[Duty]:
    doc = ctx.doc
    found: dict[tuple[str, str], tuple[list[Named], list[Named]]] = {}
    refs: dict[str, tuple[str, str]] = {}
    blocks = [b for b in doc.body if b.annex and _INDICATOR.match(b.label)]
    for ind in blocks:
        lead: list[Named] = []
        support: list[Named] = []
        sub = ctx.descendants(ind.anchor)
        for n, b in enumerate(sub):
            m = _RESPONSIBLE.search(plain(b.text))
            if m:
                if m.group("rest").strip():
                    lead.extend(split_names(ctx, m.group("rest")))
                after_lead = False
                for item in sub[n + 1:]:
                    if item.parent != b.anchor:
                        break
                    t = plain(item.text)
                    if ml := _LEAD.match(t):
                        lead.extend(split_names(ctx, ml.group("list")))
                        after_lead = True
                    elif ms := _SUPPORT.match(t):
                        support.extend(split_names(ctx, ms.group("list")))
                    elif after_lead:  # an unlabelled line after "Chủ trì: …" lists the partners
                        support.extend(split_names(ctx, t))
                break
            if see := _SEE_INDICATOR.search(b.text):
                refs[ind.anchor] = (see.group("code"), f"Phụ lục {see.group('annex').upper()}")
        found[(ind.annex, ind.label)] = (lead, support)
        ctx.used.update([ind.anchor, *(b.anchor for b in sub)])
    duties: list[Duty] = []
    for ind in blocks:
        lead, support = found[(ind.annex, ind.label)]
        if not lead and not support and ind.anchor in refs:
            code, annex = refs[ind.anchor]
            lead, support = found.get((annex, code), ([], []))
        text = _MARKUP.sub("", ind.text).strip()
        for who in lead:
            duties.append(ctx.duty(who, "chủ trì", text, ind, [s.agency for s in support]))
        for who in support:
            duties.append(ctx.duty(who, "phối hợp", text, ind, [s.agency for s in lead]))
    return duties


# --- layout 2: addressee headers ----------------------------------------------
@dataclass(frozen=True)
class Header:
    who: tuple[Named, ...]
    role: Role
    partners: tuple[ResolvedAgency, ...]
    body: str


def parse_header(ctx: _Ctx, block: Block) -> Header | None:
    """The addressee(s) a heading, numbered item or "- Agency: …" bullet names."""
    if block.kind not in ("heading", "item", "bullet") or not block.label:
        return None
    is_bullet = block.kind == "bullet" or block.label in ("-", "+", "•", "–")
    text = plain(block.text)
    text = _HEAD_PREFIX.sub("", text, count=1)
    head, colon, body = text.partition(":")
    head = head.strip()
    if not colon:
        head = head.rstrip(".")
    elif is_bullet and not body.strip() and not ctx.children.get(block.anchor):
        return None
    if is_bullet and not colon:
        return None  # a bullet names its addressee only as "- Sở Tư pháp: …"
    if len(head) > 250:
        return None
    role: Role = "thực hiện"
    if note := _ROLE_NOTE.search(head):
        head = head[: note.start()]
        if "chủ trì" in note.group("note"):
            role = "chủ trì"
    lead = leading_agencies(ctx, head)
    if lead is None:
        return None
    who, rest = lead
    if m := _ROLE_HEAD.match(rest):
        role = "chủ trì" if m.group(0) == "chủ trì" else "phối hợp"
    elif rest and (not colon or is_bullet):
        # "Sở X chủ động rà soát …" with no colon is a sentence, not a header
        return None
    if not colon and rest and not ctx.children.get(block.anchor):
        return None  # "9. Đề nghị X phối hợp tuyên truyền …": a sentence, read as prose
    if is_bullet and _REPORTED.match(body.strip()):
        return None  # "- Sở Y tế: đã khám cho …" reports, it does not assign
    if role == "thực hiện" and colon and not ctx.children.get(block.anchor):
        # "Phòng X: Chủ trì, phối hợp với …" / "Đề nghị Y: Phối hợp tuyên truyền …": the one
        # ("Sở X: Chủ trì tuyên truyền …" names no partner: X simply does it)
        # duty after the colon says the role; "Phối hợp với Z …" names a partner, X still acts
        if re.match(r"chủ trì,?\s+phối (?:kết )?hợp\b", body.strip(), re.I):
            role = "chủ trì"
        elif re.match(r"phối (?:kết )?hợp\b(?!\s+với)", body.strip(), re.I):
            role = "phối hợp"
    partners: tuple[ResolvedAgency, ...] = ()
    if pm := _PARTNERS.search(rest):
        partners = tuple(n.agency for n in split_names(ctx, pm.group("list")))
    return Header(tuple(who), role, partners, body.strip())


def _partners_in(ctx: _Ctx, text: str) -> list[ResolvedAgency]:
    m = _PARTNERS.search(text)
    if not m:
        return []
    return [n.agency for n in split_names(ctx, m.group("list"))]


def _someone_else(ctx: _Ctx, text: str, header: Header) -> bool:
    """A block under a header that addresses another agency ("Đề nghị Ủy ban MTTQ …")."""
    if _ADDRESSING.match(text):
        return True
    lead = leading_agencies(ctx, text)
    if lead is None:
        return False
    mine = {w.agency.id for w in header.who}
    return any(n.agency.id not in mine for n in lead[0]) and bool(_STOP.match(" " + lead[1]))


def _headers(ctx: _Ctx) -> list[Duty]:
    duties: list[Duty] = []
    for block in ctx.doc.body:
        if block.anchor in ctx.used:
            continue
        header = parse_header(ctx, block)
        if header is None:
            continue
        kids = [k for k in ctx.children.get(block.anchor, []) if k.anchor not in ctx.used]
        if any(parse_header(ctx, k) for k in kids):
            continue  # a container ("1. Đối với các đơn vị …") whose items name the agencies
        ctx.used.add(block.anchor)
        first = len(duties)
        if header.body:
            partners = [*header.partners, *_partners_in(ctx, header.body)]
            duties.extend(ctx.duty(w, header.role, header.body, block, partners) for w in header.who)
        for kid in kids:
            text = plain(kid.text)
            if kid.kind == "para" and _NOTICE.search(text):
                continue  # the closing line, not one more duty of the last header
            if kid.kind == "para" and _someone_else(ctx, text, header):
                continue  # left to the prose reader
            sub = ctx.descendants(kid.anchor)
            ctx.used.update([kid.anchor, *(b.anchor for b in sub)])
            if not text:
                continue
            if len(duties) > first and kid.kind == "para" and text[:1].islower():
                continue  # the rest of the previous duty, split by a page break
            partners = [*header.partners, *_partners_in(ctx, text)]
            duties.extend(ctx.duty(w, header.role, text, kid, partners, sub) for w in header.who)
    return duties


# --- layout 3: guidance addressed to all ----------------------------------------
def _guidance(ctx: _Ctx) -> list[Duty]:
    duties: list[Duty] = []
    body = ctx.doc.body
    for n, block in enumerate(body):
        if block.kind != "para" or block.anchor in ctx.used or not block.text.rstrip().endswith(":"):
            continue
        m = _GUIDANCE.search(plain(block.text))
        if not m:
            continue
        lead = leading_agencies(ctx, m.group("rest"))
        if lead is None:
            continue
        who, _ = lead
        items: list[Block] = []
        for b in body[n + 1:]:
            if b.parent != block.parent or b.kind not in ("item", "para"):
                if b.parent == block.parent or b.kind == "heading":
                    break
                continue
            if b.kind == "para":
                if plain(b.text)[:1].islower():
                    continue
                break
            if b.anchor in ctx.used or parse_header(ctx, b):
                break
            items.append(b)
        if not items:
            continue
        ctx.used.add(block.anchor)
        for item in items:
            sub = ctx.descendants(item.anchor)
            ctx.used.update([item.anchor, *(b.anchor for b in sub)])
            text = plain(item.text)
            duties.extend(ctx.duty(w, "thực hiện", text, item, _partners_in(ctx, text), sub) for w in who)
    return duties


# --- layout 4: running prose ----------------------------------------------------
def _prose(ctx: _Ctx) -> list[Duty]:
    if ctx.doc.doc_type in NEWS_TYPES:
        return []
    duties: list[Duty] = []
    for block in ctx.doc.body:
        if block.anchor in ctx.used or block.annex:
            continue
        # "Điều 2. Giao Sở … chủ trì, …": an article whose heading is its text
        article = block.kind == "heading" and block.label.startswith("Điều")
        if block.kind not in ("para", "item", "bullet") and not article:
            continue
        text = plain(block.text)
        if _NOT_DUTY_START.match(text) or _NOTICE.search(text):
            continue
        normative = block.anchor.startswith("dieu-")
        for sentence in _SENTENCE.split(text):
            sentence = sentence.strip()
            if not sentence or sentence.endswith(":"):
                continue
            duties.extend(_prose_sentence(ctx, block, sentence, normative))
    return duties


def _prose_sentence(ctx: _Ctx, block: Block, sentence: str, normative: bool) -> list[Duty]:
    m = _PROSE_HEAD.match(sentence)
    if m is None:
        return []
    lead = leading_agencies(ctx, m.group("rest"))
    if lead is not None:
        who, rest = lead
        if not rest or _CLOSING_REST.match(rest):
            return []
        # "Giao Tỉnh đoàn là cơ quan thường trực, …" assigns; "Sở Y tế là cơ quan …" describes
        described = r"(?:là|được|có\s(?!trách nhiệm))" if not m.group("verb") else r"(?!)"
        if re.match(rf"^(?:đã|đang|vẫn|{described})\b", rest):
            return []
        if not _STOP.match(" " + rest) and not (rest[:1].islower() and who[-1].agency.known):
            return []
        role: Role = "chủ trì" if rest.startswith("chủ trì") else "phối hợp" if rest.startswith("phối hợp") else "thực hiện"
        return [ctx.duty(w, role, sentence, block, _partners_in(ctx, rest)) for w in who]
    if not normative:
        return []
    # "Căn cứ …, đề nghị các bộ, …, Sở … và các cơ quan có liên quan … thực hiện …"
    g = re.search(
        r"\b(?:đề nghị|giao|yêu cầu)\s+(?P<list>.+?)\s(?:trong phạm vi|theo chức năng|thực hiện|có trách nhiệm)\b",
        sentence,
    )
    if not g:
        return []
    return [ctx.duty(n, "thực hiện", sentence, block) for n in split_names(ctx, g.group("list"))]


# --- layout 5: task tables ----------------------------------------------------------
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_TASK_COLUMN = re.compile(r"\b(?:noi dung|nhiem vu|hoat dong|cong viec|giai phap)\b")
_NOT_TASK_COLUMN = re.compile(r"^(?:tt|stt|so tt)$|\b(?:thoi gian|thoi han|kinh phi|nguon|san pham|ghi chu|du kien)\b")


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [c.strip() for c in _CELL_SPLIT.split(row)]


def _table_columns(header: list[str]) -> tuple[int, int, int, int] | None:
    """(task, lead, partners, doer) column indexes of a task table's header row; -1 when absent."""
    folded = [fold(_MARKUP.sub("", c)) for c in header]
    lead = next((n for n, c in enumerate(folded) if re.search(r"\bchu tri\b", c)), -1)
    partners = next((n for n, c in enumerate(folded) if re.search(r"\bphoi hop\b", c)), -1)
    doer = next(
        (n for n, c in enumerate(folded)
         if re.search(r"\b(?:co quan|don vi)?\s*(?:thuc hien|chiu trach nhiem)\b", c)
         and not re.search(r"\b(?:thoi gian|chu tri|phoi hop)\b", c)),
        -1,
    )
    if lead < 0 and doer < 0:
        return None
    agency_cols = {lead, partners, doer}
    task = next((n for n, c in enumerate(folded) if n not in agency_cols and _TASK_COLUMN.search(c)), -1)
    if task < 0:
        task = next((n for n, c in enumerate(folded) if n not in agency_cols and c and not _NOT_TASK_COLUMN.search(c)), -1)
    if task < 0:
        return None
    return task, lead, partners, doer


def _cell_names(ctx: _Ctx, cells: list[str], col: int) -> list[Named]:
    return split_names(ctx, cells[col]) if 0 <= col < len(cells) and cells[col] else []


def _cell(cells: list[str], col: int) -> str:
    return _MARKUP.sub("", cells[col]).strip() if 0 <= col < len(cells) else ""


def _section_row(cells: list[str], task: int) -> bool:
    """A row that heads a group of tasks: a Roman numeral, or its text all bold or upper case."""
    number = _MARKUP.sub("", cells[0]).strip() if task > 0 else ""
    raw = cells[task].strip()
    text = _MARKUP.sub("", raw).strip()
    return (
        bool(re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", number))
        or (raw.startswith("**") and raw.endswith("**"))
        or (text.isupper() and len(text) > 3)
    )


def _tables(ctx: _Ctx) -> list[Duty]:
    duties: list[Duty] = []
    for block in ctx.doc.body:
        if block.kind != "table" or block.anchor in ctx.used:
            continue
        rows = block.text.split("\n")
        cols = _table_columns(_cells(rows[0])) if rows else None
        if cols is None:
            continue
        task, lead_col, partner_col, doer_col = cols
        ctx.used.add(block.anchor)
        above: tuple[list[Named], list[Named], list[Named]] | None = None
        for n, row in enumerate(rows[1:], start=1):
            cells = _cells(row)
            if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
                continue  # the Markdown rule under the header
            if len(cells) <= task:
                continue
            text = _MARKUP.sub("", cells[task]).strip()
            if not text:
                continue
            leads, partners, doers = (_cell_names(ctx, cells, c) for c in (lead_col, partner_col, doer_col))
            blank = all(not _cell(cells, c) for c in (lead_col, doer_col, partner_col) if c >= 0)
            if blank and _section_row(cells, task):
                above = None  # "| II | **Truyền thông** | | |": a heading row, no duty
                continue
            if blank and above is not None:
                # cells merged down from the row above (Word's vertical merge leaves them empty)
                leads, partners, doers = above
            elif leads or doers:
                above = (leads, partners, doers)
            where = Block(kind="table", text=row, line=block.line + n, anchor=block.anchor,
                          level=block.level, parent=block.parent, annex=block.annex)
            for who in leads:
                duties.append(ctx.duty(who, "chủ trì", text, where, [p.agency for p in partners]))
            for who in partners:
                duties.append(ctx.duty(who, "phối hợp", text, where, [p.agency for p in leads]))
            for who in doers:
                duties.append(ctx.duty(who, "thực hiện", text, where, [p.agency for p in partners]))
    return duties


def extract_duties(doc: Document, registry: AgencyRegistry | None = None) -> tuple[Duty, ...]:
    """Every duty a document assigns, in text order."""
    ctx = _Ctx(doc, registry or load_registry())
    ctx.used.update(b.anchor for b in doc.body if _EXECUTION.search(plain(b.text)))
    found = _indicators(ctx) + _tables(ctx) + _headers(ctx) + _guidance(ctx) + _prose(ctx)
    asks = _requests_section(doc)
    found = [d for d in found if d.block not in asks]
    order = {b.anchor: n for n, b in enumerate(doc.body)}
    return tuple(sorted(found, key=lambda d: (order.get(d.block, len(order)), d.line)))


# "III. ĐỀ XUẤT, KIẾN NGHỊ" / "Kiến nghị": a report asks these bodies (often its superiors)
# for something; it assigns them nothing.
_REQUESTS_HEADING = re.compile(r"^(?:[IVXLC]+\.|\d+\.)?\s*(?:đề\s+xuất|kiến\s+nghị)\b", re.IGNORECASE)


def _requests_section(doc: Document) -> set[str]:
    """Anchors of the blocks inside a report's "kiến nghị, đề xuất" section."""
    if doc.doc_type not in ("Báo cáo", "Tờ trình"):
        return set()
    parent = {b.anchor: b.parent for b in doc.body}
    heads = {b.anchor for b in doc.body if b.kind == "heading" and _REQUESTS_HEADING.match(plain(b.text).lstrip("# "))}
    out: set[str] = set()
    for b in doc.body:
        a = b.anchor
        while a:
            if a in heads:
                out.add(b.anchor)
                break
            a = parent.get(a, "")
    return out


# --- groups whose members a document names ----------------------------------------
_MEMBERS_SENTENCE = re.compile(
    r"(?P<group>(?:các\s+)?(?:sở, ngành\s+)?thành viên (?:Ban Chỉ đạo|BCĐ)[^:.;]{0,120}?)[^:.;]{0,60}:\s*(?P<list>[^.]+)",
    re.IGNORECASE,
)


def extract_memberships(doc: Document, registry: AgencyRegistry | None = None) -> tuple[Membership, ...]:
    """Groups whose members the document names.

    - a sentence "… các thành viên Ban Chỉ đạo là lãnh đạo các đơn vị: A, B, C";
    - a footnote attached to a group ("Các Sở, ngành, đoàn thể thành viên BCD²")
      whose text lists agencies ("- Các Sở: Y tế; Giáo dục và Đào tạo; …").
    """
    ctx = _Ctx(doc, registry or load_registry())
    out: list[Membership] = []
    for block in doc.body:
        for m in _MEMBERS_SENTENCE.finditer(plain(block.text)):
            group = ctx.resolve(m.group("group"), allow_unknown=False)
            named = tuple(n.agency for n in split_names(ctx, m.group("list")) if not n.agency.is_group)
            if group is not None and group.is_group and len(named) >= 2:
                out.append(Membership(group, named, block.line))
    lines = [*doc.noi_nhan, *(b.text for b in doc.body)]
    for fn in doc.footnotes:
        group = None
        for line in lines:
            pos = line.find(fn.marker) if fn.marker else -1
            if pos > 0:
                group = ctx.resolve(clean_name(line[:pos]).lstrip("- "), allow_unknown=False)
                if group is not None:
                    break
        if group is None or not group.is_group:
            continue
        members: list[ResolvedAgency] = []
        for part in re.split(r"\n+|(?:^|\s)-\s", fn.text):
            part = part.strip(" -")
            km = re.match(r"^Các\s+(Sở|Bộ|Phòng)\s*:\s*(?P<rest>.*)$", part)
            if km:
                for item in re.split(r"\s*;\s*", km.group("rest")):
                    item = item.strip(" .")
                    if not item:
                        continue
                    a = ctx.resolve(f"{km.group(1)} {item}", allow_unknown=False) or ctx.resolve(item)
                    if a is not None:
                        members.append(a)
            else:
                members.extend(n.agency for n in split_names(ctx, part))
        uniq = tuple(dict.fromkeys(m for m in members if not m.is_group))
        if len(uniq) >= 2:
            out.append(Membership(group, uniq, fn.line))
    return tuple(out)
