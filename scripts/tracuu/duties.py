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
   in a normative article also "…, đề nghị A, B và C … thực hiện …".

Partners named in a duty ("phối hợp với Công an tỉnh, Sở Y tế") are kept as
``Duty.partners``; they do not get a duty of their own here (the agency pages
show the duty on the partner's page as "phối hợp").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .agencies import AgencyRegistry, clean_name, jurisdiction, load_registry
from .records import Block, Document, Duty, Membership, ResolvedAgency, Role

NEWS_TYPES = {"Tin bài"}

# A verb or qualifier that ends an addressee ("Hội LHPN tỉnh| chỉ đạo các cấp Hội").
# Lower-case on purpose: in names these words are capitalised ("Ban Chỉ đạo").
_STOP_WORDS = (
    "chủ trì", "phối hợp", "phối kết hợp", "chỉ đạo", "theo chức năng", "có trách nhiệm", "thực hiện",
    "tham mưu", "hướng dẫn", "triển khai", "tổ chức", "căn cứ", "cần", "tiếp tục", "tăng cường",
    "khẩn trương", "rà soát", "chủ động", "xây dựng", "nghiên cứu", "đẩy mạnh", "quan tâm", "được giao",
    "là cơ quan", "kiểm tra", "báo cáo", "ban hành", "trong phạm vi", "phải", "nghiêm túc", "đôn đốc",
    "bố trí", "lồng ghép", "thu thập", "cung cấp", "phối hợp với",
)
_STOP = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(_STOP_WORDS, key=len, reverse=True)) + r")\b")
_NAME_BEFORE_VERB = ("Ban Chỉ đạo", "Ban chỉ đạo", "BCĐ")

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
_PROSE_HEAD = re.compile(r"^(?:(?:Giao|Yêu cầu|Đề nghị)(?:\s+cho)?\s+)?(?P<rest>.+)$")
_NOT_DUTY_START = re.compile(r"^(?:Trên đây|Với nội dung trên|Nơi nhận)", re.I)
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
        self.province, self.district = jurisdiction(doc)
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
        if not allow_unknown or len(name.split()) > 12:
            return None
        kind = self.reg.kind_of(name)
        if kind is None:
            return None
        # A proper name goes on capitalised after its kind ("Sở Xây dựng"), a
        # common noun does not ("Bộ chỉ tiêu thống kê", "Đoàn kiểm tra").
        rest = name[len(kind.prefix):].strip()
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


def leading_agency(ctx: _Ctx, text: str) -> tuple[Named, str] | None:
    """(addressee, what follows) when ``text`` starts with an agency's name."""
    text = text.strip()
    end = addressee_end(text)
    name = clean_name(text[:end])
    if not name:
        return None
    found = ctx.resolve(name)
    if found is None:
        return None
    return Named(name, found), text[end:].strip()


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
        # "Tỉnh đoàn Bắc Kạn, đại diện Tổ chức …": the name is the longest part that resolves
        parts = piece.split(", ")
        for k in range(len(parts), 0, -1):
            candidate = ", ".join(parts[:k])
            found = ctx.resolve(candidate)
            if found is None and prefix:
                found = ctx.resolve(f"{prefix} {candidate}", allow_unknown=False)
            if found is not None:
                piece = candidate
                break
        if found is None:
            continue
        kind = ctx.reg.kind_of(piece)
        prefix = kind.prefix if kind else prefix
        out.append(Named(piece, found))
    return out


def _starts_name(ctx: _Ctx, text: str) -> bool:
    if re.match(r"(?:các|Các)\s|bộ, ngành|Bộ, ngành", text):
        return True
    kind = ctx.reg.kind_of(text.split(",")[0])
    if kind is None:
        return False
    rest = text[len(kind.prefix):].lstrip()
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
    who: Named
    role: Role
    partners: tuple[ResolvedAgency, ...]
    body: str


def parse_header(ctx: _Ctx, block: Block) -> Header | None:
    if block.kind not in ("heading", "item") or not block.label or block.label == "-":
        return None
    text = plain(block.text)
    text = re.sub(r"^Đối với\s+", "", text)
    head, colon, body = text.partition(":")
    head = head.strip()
    if not colon:
        head = head.rstrip(".")
    if len(head) > 250:
        return None
    lead = leading_agency(ctx, head)
    if lead is None:
        return None
    who, rest = lead
    role: Role = "thực hiện"
    if m := _ROLE_HEAD.match(rest):
        role = "chủ trì" if m.group(0) == "chủ trì" else "phối hợp"
    elif rest and not colon:
        # "Sở X chủ động rà soát …" with no colon is a sentence, not a header
        return None
    partners: tuple[ResolvedAgency, ...] = ()
    if pm := _PARTNERS.search(rest):
        partners = tuple(n.agency for n in split_names(ctx, pm.group("list")))
    return Header(who, role, partners, body.strip())


def _partners_in(ctx: _Ctx, text: str) -> list[ResolvedAgency]:
    m = _PARTNERS.search(text)
    if not m:
        return []
    return [n.agency for n in split_names(ctx, m.group("list"))]


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
        if header.body:
            partners = [*header.partners, *_partners_in(ctx, header.body)]
            duties.append(ctx.duty(header.who, header.role, header.body, block, partners))
        for kid in kids:
            sub = ctx.descendants(kid.anchor)
            ctx.used.update([kid.anchor, *(b.anchor for b in sub)])
            text = plain(kid.text)
            if not text:
                continue
            if duties and kid.kind == "para" and text[:1].islower() and duties[-1].agency_id == header.who.agency.id:
                continue  # the rest of the previous duty, split by a page break
            partners = [*header.partners, *_partners_in(ctx, text)]
            duties.append(ctx.duty(header.who, header.role, text, kid, partners, sub))
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
        lead = leading_agency(ctx, m.group("rest"))
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
            duties.append(ctx.duty(who, "thực hiện", text, item, _partners_in(ctx, text), sub))
    return duties


# --- layout 4: running prose ----------------------------------------------------
def _prose(ctx: _Ctx) -> list[Duty]:
    if ctx.doc.doc_type in NEWS_TYPES:
        return []
    duties: list[Duty] = []
    for block in ctx.doc.body:
        if block.anchor in ctx.used or block.annex or block.kind not in ("para", "item", "bullet"):
            continue
        text = plain(block.text)
        if _NOT_DUTY_START.match(text):
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
    assert m is not None
    lead = leading_agency(ctx, m.group("rest"))
    if lead is not None:
        who, rest = lead
        if not rest or re.match(r"^(?:đã|đang|vẫn|được|là|có\s(?!trách nhiệm))\b", rest):
            return []
        if not _STOP.match(" " + rest):
            return []
        role: Role = "chủ trì" if rest.startswith("chủ trì") else "phối hợp" if rest.startswith("phối hợp") else "thực hiện"
        return [ctx.duty(who, role, sentence, block, _partners_in(ctx, rest))]
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


def extract_duties(doc: Document, registry: AgencyRegistry | None = None) -> tuple[Duty, ...]:
    """Every duty a document assigns, in text order."""
    ctx = _Ctx(doc, registry or load_registry())
    found = _indicators(ctx) + _headers(ctx) + _guidance(ctx) + _prose(ctx)
    order = {b.anchor: n for n, b in enumerate(doc.body)}
    return tuple(sorted(found, key=lambda d: order.get(d.block, len(order))))


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
