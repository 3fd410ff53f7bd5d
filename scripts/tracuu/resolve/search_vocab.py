"""The search box's vocabulary, from the registries and the corpus (see ``render.search_assets``).

- synonyms: abbreviations, to expand "LĐTBXH" to "Lao động - Thương binh và
  Xã hội" and back (``data/glossary.yml``; ``data/agencies.yml`` sector
  abbreviations, agency aliases, issuer codes). Keys are folded and joined
  ("LĐ-TB&XH" → "ldtbxh"); values are expansions as written.
- phrases: plain words and what they stand for: agency aliases that are other
  names ("Tỉnh đoàn"), topic and audience keywords (``data/topics.yml``) and the
  synonyms of ``data/search.yml``. Keys are lower-case phrases with their accents.
- stopwords: ``data/search.yml`` stop-words as written (``exact``) and the
  folded forms that are safe to treat as stop-words when typed without accents
  (``folded``): those the corpus does not mostly use as another word.

Built once per build by ``resolve.index``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from tracuu.model.glossary import Term
from tracuu.model.index import SearchVocabulary
from tracuu.model.textutil import fold, nfc
from tracuu.model.topics import TopicRegistry
from tracuu.parse.decode import read_text
from tracuu.registries.agencies import AgencyRegistry
from tracuu.registries.search import SearchWords

# Registry abbreviations shorter than this are too ambiguous to expand in
# search ("TP" is Tư pháp for a sector but thành phố in a name, "CT" is Công
# Thương or Chỉ thị); the glossary may still list short ones deliberately.
MIN_REGISTRY_ABBR = 3


def key(abbr: str) -> str:
    """Folded, joined form the worker looks up: "LĐ-TB&XH" → "ldtbxh"."""
    return fold(abbr).replace(" ", "")


def _words(text: str) -> list[str]:
    """Whitespace-separated words, each folded and joined ("LĐ-TB&XH" is one)."""
    out = []
    for chunk in str(text).split():
        k = key(chunk)
        if k:
            out.append(k)
    return out


# Jurisdiction words that end an agency name but are not part of what its
# abbreviation stands for ("UBND huyện" is "Ủy ban nhân dân cấp huyện").
_LEVEL_WORDS = {"cap", "tinh", "huyen"}


def _looks_abbreviated(abbr: str, expansion: list[str]) -> bool:
    """An abbreviation starts with its expansion's first letter and is short."""
    return bool(expansion) and abbr[:1] == expansion[0][:1] and len(abbr) <= 2 * len(expansion) + 2


def alias_pairs(name: str, alias: str) -> Iterable[tuple[str, str]]:
    """(abbreviation, expansion) pairs implied by an agency alias.

    "Sở LĐ-TB&XH" for "Sở Lao động - Thương binh và Xã hội" gives
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"); "SLĐTBXH" gives the
    whole name. Aliases that differ by more than one abbreviated word give
    nothing.
    """
    name_raw = str(name).split()
    alias_raw = str(alias).split()
    n = [key(w) for w in name_raw]
    a = [key(w) for w in alias_raw]
    keep_n = [i for i, w in enumerate(n) if w]
    keep_a = [i for i, w in enumerate(a) if w]
    nw = [n[i] for i in keep_n]
    aw = [a[i] for i in keep_a]
    start = 0
    while start < min(len(nw), len(aw)) and nw[start] == aw[start]:
        start += 1
    end = 0
    while (end < min(len(nw), len(aw)) - start
           and nw[len(nw) - 1 - end] == aw[len(aw) - 1 - end]):
        end += 1
    a_rest = aw[start:len(aw) - end]
    n_rest = nw[start:len(nw) - end]
    if len(a_rest) != 1 or len(n_rest) < 2 or not _looks_abbreviated(a_rest[0], n_rest):
        return
    last = len(nw) - end - 1
    while last > start + 1 and nw[last] in _LEVEL_WORDS:
        last -= 1
    abbr = alias_raw[keep_a[start]]
    expansion = " ".join(name_raw[keep_n[start]:keep_n[last] + 1])
    yield abbr, expansion


def synonym_table(glossary: Iterable[Term], agencies: AgencyRegistry) -> dict[str, list[str]]:
    """{folded abbreviation: [expansion, ...]} from the two registries."""
    table: dict[str, list[str]] = {}

    def add(abbr: str, expansion: str, minimum: int = 1) -> None:
        k = key(abbr)
        if len(k) < minimum or not fold(expansion) or fold(expansion).replace(" ", "") == k:
            return
        known = table.setdefault(k, [])
        if fold(expansion) not in {fold(e) for e in known}:
            known.append(str(expansion).strip())

    for entry in glossary:
        add(entry.term, entry.expansion)
    for sector in agencies.sectors:
        for abbr in sector.abbr:
            add(abbr, sector.name, MIN_REGISTRY_ABBR)
    named: list[tuple[str, tuple[str, ...]]] = [(t.name, t.aliases) for t in agencies.templates]
    named += [(g.name, g.aliases) for g in agencies.groups]
    for name, aliases in named:
        for alias in aliases:
            for abbr, expansion in alias_pairs(name, alias):
                add(abbr, expansion, MIN_REGISTRY_ABBR)
    # Issuer codes ("TĐTN: Tỉnh đoàn") only where no other table knows the
    # letters: "LĐTBXH" is the sector, not only the ministry.
    for code, name in agencies.codes.items():
        if key(code) not in table:
            add(code, name, MIN_REGISTRY_ABBR)
    return dict(sorted(table.items()))


# A name's trailing "cấp huyện" says which template, not what people type.
_LEVEL_TAIL = re.compile(r"\s+cấp\s+(tỉnh|huyện|xã)$", re.IGNORECASE)


def _other_names(name: str, alias: str) -> str | None:
    """The name an alias stands for, when the alias is another name, not an abbreviation.

    "Tỉnh đoàn" → "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"; "Thành đoàn" →
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh" (no "cấp huyện"). An alias that is
    the name less a word or two ("Cục Thống kê") or an abbreviation handled by
    ``alias_pairs`` gives nothing.
    """
    n, a = fold(name).split(), fold(alias).split()
    if not a or a == n or list(alias_pairs(name, alias)):
        return None
    if set(a) <= set(n) and len(a) * 2 > len(n):
        return None
    return _LEVEL_TAIL.sub("", str(name).strip())


def phrase_key(phrase: str) -> str:
    """Lower-case words with their marks, one space apart: "Tỉnh  Đoàn," → "tỉnh đoàn".

    The worker matches a word typed with accents against this form as written
    ("bạo hành" is not "báo hành") and a word typed without accents folded.
    """
    return " ".join(w for w in re.split(r"[^\w]+", unicodedata.normalize("NFC", str(phrase)).lower()) if w)


def phrase_table(agencies: AgencyRegistry, topics: TopicRegistry, search: SearchWords) -> dict[str, list[str]]:
    """{phrase (``phrase_key``): [what it stands for, ...]} from the registries and data/search.yml."""
    table: dict[str, list[str]] = {}

    def add(phrase: str, meaning: str) -> None:
        k, m = phrase_key(phrase), nfc(str(meaning)).strip()
        if not k or not fold(m) or fold(m) == fold(k):
            return
        known = table.setdefault(k, [])
        if fold(m) not in {fold(e) for e in known}:
            known.append(m)

    for agency in agencies.templates:
        for alias in agency.aliases:
            meaning = _other_names(agency.name, alias)
            if meaning:
                add(alias, meaning)
    keywords = [(t.name, t.keywords) for t in topics.topics] + [(a.name, a.keywords) for a in topics.audiences]
    for name, words in keywords:
        for keyword in words:
            add(keyword, name)
    for entry in search.synonyms:
        for phrase in entry.words:
            for meaning in entry.means:
                add(phrase, meaning)
    return dict(sorted(table.items()))


# A bare (accent-free) stop-word is kept as a stop-word only when the corpus
# uses that spelling for stop-words at least this often: "ve" is mostly "vệ".
STOP_SHARE = 0.8


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """Lower-case NFC words with their marks, counted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in re.split(r"[^\w]+", unicodedata.normalize("NFC", text).lower()) if w)
    return counts


def stopword_table(search: SearchWords, counts: Mapping[str, int]) -> dict[str, list[str]]:
    """{"exact": stop-words as written, "folded": bare forms safe to treat as stop-words}."""
    exact = sorted({nfc(w).strip().lower() for w in search.stopwords if fold(w)})
    stops = set(exact)
    by_fold: dict[str, list[int]] = {}
    for word, n in counts.items():
        f = fold(word)
        tally = by_fold.setdefault(f, [0, 0])
        tally[0] += n
        if word in stops:
            tally[1] += n
    folded = set()
    for w in exact:
        total, stop = by_fold.get(fold(w), [0, 0])
        if total == 0 or stop >= STOP_SHARE * total:
            folded.add(fold(w))
    return {"exact": exact, "folded": sorted(folded)}


def _corpus_texts(root: Path | None) -> list[str]:
    """The source documents' text (for telling stop-words from other words): the files the build reads."""
    src = root / "sources" if root is not None else None
    if src is None or not src.is_dir():
        return []
    # regular files only, bounded, decoded as the build decodes them: never a symlink, FIFO or folder (issue 14)
    files = sorted(src.iterdir())
    wanted = [f for f in files if f.suffix in (".txt", ".md") and f.name != "README.md" and not f.is_symlink() and f.is_file()]
    return [read_text(f)[0] for f in wanted]


def vocabulary(
    glossary: Iterable[Term], agencies: AgencyRegistry, topics: TopicRegistry, search: SearchWords, root: Path | None
) -> SearchVocabulary:
    """The three tables from the registries and the source texts under ``root``."""
    return SearchVocabulary(
        synonym_table(glossary, agencies),
        phrase_table(agencies, topics, search),
        stopword_table(search, word_counts(_corpus_texts(root))),
    )
