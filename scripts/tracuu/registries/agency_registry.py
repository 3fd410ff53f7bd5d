"""The agency registry (``data/agencies.yml``): who a duty can be given to.

A *template* is one kind of agency at one level ("Sở Y tế", level tỉnh); it is
instantiated per jurisdiction when a document names it, so "Công an tỉnh" in a
Bắc Kạn document resolves to "Công an tỉnh Bắc Kạn". A *group* is a collective
addressee ("Các sở, ban, ngành, địa phương") and is instantiated the same way.

Matching works on a key that ignores case, accents, punctuation and spaces, so
"Sở LĐ-TB&XH" and "Sở LĐTBXH" are one alias. The registry is data: every alias
and pattern lives in the YAML file next to examples that the tests resolve.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tracuu.model.records import ResolvedAgency
from tracuu.model.textutil import fold, nfc, slugify

LEVELS = ("trung ương", "tỉnh", "huyện", "xã")


@dataclass(frozen=True)
class Sector:
    id: str
    name: str
    abbr: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindPrefix:
    prefix: str
    kind: str
    level: str
    # The prefix alone names one body ("Tỉnh đoàn", "Huyện ủy": the level is in the word). Other
    # kind words alone name none ("Thanh tra, kiểm tra …" is a verb; "Ban tổ chức" a committee).
    alone: bool = False


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    kind: str
    level: str
    sector: str
    instance: str = ""
    aliases: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    level: str
    sector: str
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    member_kinds: tuple[str, ...] = ()
    # "Các sở, ban, ngành …", "UBND các huyện": the name itself says every body of
    # these kinds at this level in the group's jurisdiction is a member.
    includes_all_kinds: tuple[str, ...] = ()
    includes_all_templates: tuple[str, ...] = ()  # or: every instance of these registry entries
    includes_all_level: str = ""
    examples: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class LineMinistry:
    """A central body and the provincial bodies of its sector (``line_ministries`` in the YAML)."""

    ministry: str  # template id, level trung ương
    local: tuple[str, ...]  # template ids, level tỉnh
    basis: str  # what the link rests on, as the entry states it
    line: int = 0


def key(text: str) -> str:
    """Matching key: folded, without spaces ("Sở LĐ-TB&XH" == "Sở LĐTBXH")."""
    return fold(text).replace(" ", "")


_MARKUP = re.compile(r"[*#_`]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_PARENS = re.compile(r"\s*\([^()]*\)")


@functools.lru_cache(maxsize=1 << 16)  # pure; the duty readers ask for the same names over and over
def clean_name(text: str) -> str:
    """An addressee as written, without emphasis, footnote markers or edge punctuation."""
    out = _MARKUP.sub("", nfc(text))
    out = re.sub(r"\s+", " ", out).strip()
    return out.strip(" :;,.-–")


# Qualifiers that do not change who is meant.
_QUALIFIERS = (
    " theo chuc nang nhiem vu",
    " theo chuc nang nhiem vu duoc giao",
    " tren dia ban tinh",
    " tren dia ban thanh pho",
    " tren dia ban",
    " cua tinh",
    " thuoc tinh",  # "các Sở, Ban, ngành thuộc tỉnh"
    " cac tinh thanh pho truc thuoc trung uong",
)


# A bare level word after a name ("Sở Y tế tỉnh", "Công an huyện") means the
# document's own jurisdiction.
_LEVEL_WORDS = (" tinh", " cap tinh", " huyen", " cap huyen", " thanh pho", " thi xa", " xa", " cap xa")


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    """The patterns as one alternation of named groups ``_g0``, ``_g1`` … (None when a pattern's own
    group numbers, names or flags would not survive being combined)."""
    if not patterns or any(re.search(r"\\\d|\(\?P[=<]|\(\?[aiLmsux]", p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?P<_g{i}>{p})" for i, p in enumerate(patterns)))
    except re.error:
        return None


class AgencyRegistry:
    def __init__(
        self,
        templates: tuple[Template, ...],
        groups: tuple[Group, ...],
        sectors: tuple[Sector, ...],
        kinds: tuple[KindPrefix, ...],
        codes: dict[str, str],
        provinces: tuple[str, ...],
        titles: tuple[str, ...] = (),
        line_ministries: tuple[LineMinistry, ...] = (),
    ) -> None:
        self.templates = templates
        self.line_ministries = line_ministries
        self.titles = titles
        # match() is pure for a registry and called for the same names over and over (every duty, issuer, page)
        self._matched: dict[tuple[str, str, str, bool], ResolvedAgency | None] = {}
        self._kinds: dict[str, KindPrefix | None] = {}  # kind_of, pure too
        alt_titles = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        self._title = re.compile(rf"^(?:{alt_titles})\s+(?=\S)") if titles else None
        self.groups = groups
        self.sectors = sectors
        self.kinds = tuple(sorted(kinds, key=lambda k: -len(k.prefix)))
        self.provinces = provinces
        self.codes = dict(codes)  # issuer code as written → what it stands for
        self._codes = {key(c): name for c, name in codes.items()}
        self._by_key: dict[str, Template] = {}
        for t in templates:
            for name in (t.name, *t.aliases):
                self._by_key.setdefault(key(name), t)
        self._group_keys: dict[str, Group] = {}
        for g in groups:
            for name in (g.name, *g.aliases):
                self._group_keys.setdefault(key(name), g)
        self._group_patterns = tuple(
            (re.compile(p), g) for g in groups for p in g.patterns
        )
        self._any_group = _alternation([p for g in groups for p in g.patterns])
        self._province_by_fold = {fold(p): p for p in provinces}
        alt = "|".join(sorted((re.escape(fold(p)) for p in provinces), key=len, reverse=True))
        self._province_suffix = re.compile(rf" ({alt})$")
        self._district_suffix = re.compile(r" (thanh pho|tp|huyen|thi xa) ([a-z]+(?: [a-z]+){0,2})$")

    # --- lookups -------------------------------------------------------------
    def sector(self, sector_id: str) -> Sector | None:
        return next((s for s in self.sectors if s.id == sector_id), None)

    def province(self, name: str) -> str | None:
        """The province as the registry spells it, or None when ``name`` is no province."""
        return self._province_by_fold.get(fold(name))

    def ministry_of(self, template_id: str) -> LineMinistry | None:
        """The line-ministry entry whose provincial bodies include ``template_id``."""
        return next((m for m in self.line_ministries if template_id in m.local), None)

    def template(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def without_title(self, text: str) -> str:
        """The body an office holder heads: "Giám đốc Sở Y tế" → "Sở Y tế",
        "Trưởng phòng Tư pháp" → "Phòng Tư pháp"; other names unchanged."""
        name = clean_name(text)
        m = self._title.match(name) if self._title is not None else None
        if m is None:
            return name
        rest = name[m.end():]
        return rest[:1].upper() + rest[1:]

    def kind_of(self, text: str) -> KindPrefix | None:
        """The kind a name's first words announce ("Sở ..." → Sở), if any."""
        if text not in self._kinds:
            self._kinds[text] = self._kind_of(text)
        return self._kinds[text]

    def _kind_of(self, text: str) -> KindPrefix | None:
        name = self.without_title(text)
        for k in self.kinds:
            if name == k.prefix or name.startswith(k.prefix + " "):
                return k
        return None

    def expand_code(self, code: str) -> str | None:
        """Full name for an issuer code of a ký hiệu: "SLĐTBXH" → "Sở Lao động - ..."."""
        k = key(code)
        if not k:
            return None
        if k in self._codes:
            return self._codes[k]
        kinds = {"s": "Sở", "b": "Bộ", "p": "Phòng"}
        head, rest = k[0], k[1:]
        if head in kinds and rest:
            for s in self.sectors:
                if rest in {key(a) for a in s.abbr}:
                    t = next((t for t in self.templates if t.kind == kinds[head] and t.sector == s.id), None)
                    if t is not None:
                        return t.name
        return None

    # --- matching ------------------------------------------------------------
    def _variants(self, text: str) -> Iterator[tuple[str, str, str]]:
        """(folded name, province found, district found), longest first."""
        folded = fold(_PARENS.sub("", clean_name(text)))
        seen: set[str] = set()
        queue = [(folded, "", "")]
        while queue:
            f, prov, dist = queue.pop(0)
            if not f or f in seen:
                continue
            seen.add(f)
            yield f, prov, dist
            m = self._province_suffix.search(f)
            if m:
                place = self._province_by_fold[m.group(1)]
                rest = f[: m.start()]
                queue.append((rest, place, dist))
                if rest.endswith(" tinh"):
                    queue.append((rest[: -len(" tinh")], place, dist))
            m = self._district_suffix.search(f)
            if m and m.group(2) not in self._province_by_fold:
                queue.append((f[: m.start()], prov, ""))
            if m and m.group(2) in self._province_by_fold and m.group(1) in ("thanh pho", "tp"):
                # "thành phố Bắc Kạn" inside tỉnh Bắc Kạn: a district of the same name
                place = self._province_by_fold[m.group(2)]
                queue.append((f[: m.start()], prov or place, f"thành phố {place}"))
            for q in _QUALIFIERS:
                if f.endswith(q):
                    queue.append((f[: -len(q)], prov, dist))
            for level_word in _LEVEL_WORDS:
                # "Phòng Giáo dục và Đào tạo huyện": the document's own district
                if f.endswith(level_word) and len(f) > len(level_word):
                    queue.append((f[: -len(level_word)], prov, dist))

    def _group_pattern(self, folded: str) -> Group | None:
        """The first group (registry order) one of whose patterns the whole folded name matches."""
        if self._any_group is None:
            return next((g for rx, g in self._group_patterns if rx.fullmatch(folded)), None)
        m = self._any_group.fullmatch(folded)  # one pass; the first alternative that matches wins
        if m is None:
            return None
        return next(g for i, (_, g) in enumerate(self._group_patterns) if m.group(f"_g{i}") is not None)

    def match(
        self, text: str, province: str = "", district: str = "", allow_unknown: bool = True
    ) -> ResolvedAgency | None:
        """Resolve an addressee as written, in a document of ``province``/``district``."""
        key = (text, province, district, allow_unknown)
        if key not in self._matched:
            self._matched[key] = self._match(text, province, district, allow_unknown)
        return self._matched[key]

    def _match(self, text: str, province: str, district: str, allow_unknown: bool) -> ResolvedAgency | None:
        if not clean_name(text):
            return None
        bare = self.without_title(text)
        if bare != clean_name(text):
            # "Giám đốc Sở Y tế": the body; a title alone ("Trưởng ban") is no agency
            known = self.match(bare, province, district, allow_unknown=False)
            kind = self.kind_of(bare)
            if known is not None or not allow_unknown or kind is None or bare == kind.prefix:
                return known
            return self.match(bare, province, district, allow_unknown=True)
        for f, prov, dist in self._variants(text):
            k = f.replace(" ", "")
            t = self._by_key.get(k)
            if t is not None:
                return self._instance(t, prov or province, dist or district)
            g = self._group_keys.get(k) or self._group_pattern(f)
            if g is not None:
                return self._group_instance(g, prov or province, dist or district)
        if not allow_unknown:
            return None
        kind = self.kind_of(text)
        if kind is None or (self.without_title(text) == kind.prefix and not kind.alone):
            return None  # a kind word alone ("Thanh tra", "Ban") says no body: no agency
        return self._unknown(_PARENS.sub("", clean_name(text)), kind, province, district)

    def _unknown(self, name: str, kind: KindPrefix, province: str, district: str) -> ResolvedAgency:
        """An agency the registry does not list, placed in the document's jurisdiction.

        "Sở Xây dựng" in a Hà Tĩnh document is "Sở Xây dựng tỉnh Hà Tĩnh", not
        the same agency as "Sở Xây dựng" of another province; a name that says
        its level ("Trung tâm Y tế huyện") takes the document's district.
        """
        folded = fold(name)
        level = kind.level
        if re.search(r" (huyen|thanh pho|thi xa|quan)$", folded):
            level = "huyện"
        elif re.search(r" (xa|phuong|thi tran)$", folded):
            level = "xã"
        elif folded.endswith(" tinh"):
            level = "tỉnh"
        placed, prov, dist = name, "", ""
        places = [fold(p) for p in (province, district.split(" ", 1)[-1] if district else "") if p]
        named_place = bool(self._province_suffix.search(folded)) or any(
            re.search(rf"(^| ){re.escape(p)}( |$)", folded) for p in places
        )
        if named_place or level == "trung ương":
            pass  # "Báo Hà Tĩnh", "Đài Phát thanh và Truyền hình tỉnh Hà Tĩnh", "Bộ Xây dựng"
        elif level in ("huyện", "xã") and district and not re.search(r"\bcác\b", name):
            prov, dist = province, district
            bare = re.sub(r"\s+(huyện|thành phố|thị xã|quận)$", "", name)
            if level == "huyện" or _IS_COMMUNE.match(district):
                placed = f"{_COMMUNE_WORD.sub('', bare)} {district}"
            else:
                placed = f"{name} ({district})"
        elif province:
            prov = province
            if level in ("huyện", "xã"):
                placed = f"{name} (tỉnh {province})"
            else:
                placed = f"{name} {province}" if folded.endswith(" tinh") else f"{name} tỉnh {province}"
        return ResolvedAgency(
            id=slugify(placed), name=placed, kind=kind.kind, level=level, sector="", known=False,
            province=prov, district=dist,
        )

    def _instance(self, t: Template, province: str, district: str) -> ResolvedAgency:
        name, prov, dist = t.name, "", ""
        if t.level == "tỉnh" and province:
            prov = province
            name = (t.instance or "{name} tỉnh {province}").format(name=t.name, province=province)
        elif t.level == "xã" and _IS_COMMUNE.match(district):
            # a commune's own body, in the commune's document: "Trạm Y tế xã Đồng Xuân"
            prov, dist = province, district
            name = f"{_COMMUNE_WORD.sub('', t.name)} {district}"
        elif t.level in ("huyện", "xã") and district:
            prov, dist = province, district
            name = (t.instance or "{name} {district}").format(
                name=t.name, province=province, district=district
            )
        elif t.level in ("huyện", "xã") and province:
            prov = province
            name = f"{t.name} (tỉnh {province})"
        ident = t.id if name == t.name else slugify(name)
        return ResolvedAgency(ident, name, t.kind, t.level, t.sector, t.id, prov, dist)

    def _group_instance(self, g: Group, province: str, district: str) -> ResolvedAgency:
        name, prov, dist = g.name, "", ""
        if g.level == "tỉnh" and province:
            prov, name = province, f"{g.name} tỉnh {province}"
        elif g.level in ("huyện", "xã") and district:
            prov, dist, name = province, district, f"{g.name} {district}"
        ident = g.id if name == g.name else slugify(name)
        return ResolvedAgency(ident, name, "Nhóm cơ quan", g.level, g.sector, g.id, prov, dist, True)


_IS_COMMUNE = re.compile(r"^(?:xã|phường|đặc khu) ")
_COMMUNE_WORD = re.compile(r"\s+(?:cấp xã|xã|phường|thị trấn)$")
