#!/usr/bin/env python3
"""Generate a national-scale benchmark corpus by recombining the real sources.

    python benchmarks/gen_corpus.py --out /tmp/proj -n 1000 [--seed 15] [--repo .]

Copies the project (``--repo``, default this checkout) to ``--out`` without
``.git``, ``.venv``, ``site/``, the generated ``docs/`` folders or
``sources/``, then writes N source files into ``--out/sources``. Never writes
into the real ``sources/``.

Every generated file is one real source (a template) with real text moved
around, so the parser sees the same kinds of header, body and closing it sees
in the real corpus, while the indexes grow as in a national corpus:

* province: every occurrence of the template's province (any case) becomes a
  province of ``data/agencies.yml`` (Sở / UBND / Công an ... pages per province);
* number and type: the document's own number (``Số: 5310/UBND-KGVX``) gets a
  new number, and for templates with a type line the type changes among the
  common local types (Kế hoạch, Thông báo, Hướng dẫn, Báo cáo, Chương trình)
  with the matching form code; some numbers stay blank as in the real drafts;
* year: the signing year and the years near it move to a year 2016–2025
  (instrument numbers such as ``13/2021/TT-...`` and ``giai đoạn 2021 - 2030``
  are left alone);
* local citations (``782/KH-UBND``, ``641/CTr-BCĐ``, ``1740-CV/TU`` ...) get a
  number drawn per (province, original), so documents of one province cite
  the same local plans and every province has its own; national citations
  (``20/2021/NĐ-CP``, ``06/QĐ-TTg``, ``20-CT/TW``) stay, as in reality;
* body: about a third of the duty bullets (``- ...``) and numbered items are
  replaced with real ones of other sources, and some prose paragraphs are
  dropped, so no two documents have the same body.

Templates are every ``sources/*.txt`` / ``*.md`` of the repo (whatever national
texts sit there too). Templates of central bodies (no province) keep their
issuer and only get new numbers and years; they are drawn less often
(``--central-share``), as in a national corpus that is mostly local.
Deterministic: the same --seed, -n and repo give byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GENERATED_DOCS = ("van-ban", "co-quan", "phap-ly", "chu-de", "du-lieu", "chi-muc", "huong-dan", "tu-dien",
                  "_generated", "includes/abbreviations.md", "feed.xml")
SKIP_TOP = {".git", ".venv", "site", "sources", "dist", "build", ".pytest_cache", ".mypy_cache", ".ruff_cache",
            ".hypothesis", "__pycache__"}

# Local document types: (type line, form code). Only used for templates that print a type line.
LOCAL_TYPES = [("KẾ HOẠCH", "KH"), ("THÔNG BÁO", "TB"), ("HƯỚNG DẪN", "HD"), ("BÁO CÁO", "BC"),
               ("CHƯƠNG TRÌNH", "CTr")]
FORM_SLUG = {"KH": "ke-hoach", "TB": "thong-bao", "HD": "huong-dan", "BC": "bao-cao", "CTr": "chuong-trinh",
             "UBND": "cong-van", "TT": "thong-tu", "QĐ": "quyet-dinh"}
TYPE_LINE = re.compile(r"^(?:#+ )?(THÔNG BÁO|HƯỚNG DẪN|BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|THÔNG TƯ|CHỈ THỊ)\s*$",
                       re.M)
SELF_NUMBER = re.compile(r"^(Số:\s*)(\*?)(\d*)(\*?)/((?:20\d\d/)?[A-Za-zĐđ]+)(-[^\s]+)", re.M)
# A citation's number and code: 782/KH-UBND, 13/2021/TT-BLĐTBXH, 1740-CV/TU, 20-CT/TW.
CITATION = re.compile(r"(?<![\d/])(\d{1,5})(/(?:20\d\d/)?[A-Za-zĐđ]+-[A-ZĐa-z&]+(?:-[A-ZĐ]+)?|-[A-Za-zĐđ]+/[A-ZĐ]+)")
LOCAL_ISSUER = re.compile(r"UBND|BCĐ|HĐND|SLĐTBXH|BTC|KGVX|/TU$|/HU$|/ThU$|SGDĐT|SYT|STP")
# A year that dates something (not the year part of a number such as 13/2021/TT-..., not a range "2021 - 2030").
YEAR = re.compile(r"(?<![\d.])(?<![-–]\s)(?<![-–])(20\d\d)(?![\d/])(?!\s*[-–]\s*20\d\d)")
ITEM_PREFIX = re.compile(r"^\d+(?:\.\d+)?\.\s+")
BULLET = re.compile(r"^- \S")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)?\.)\s+\S")
CLOSING = re.compile(r"^(?:\*\*)?(?:Trên đây|Nơi nhận|KT\.|TM\.)")


@dataclass
class Template:
    path: Path
    text: str
    province: str | None
    year: int
    sidecar: dict[str, object] | None
    head: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


def fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def provinces(repo: Path) -> list[str]:
    data = yaml.safe_load((repo / "data" / "agencies.yml").read_text(encoding="utf-8"))
    return [p for p in data["provinces"] if p != "Thừa Thiên Huế"]


def split_paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text)]


def load_templates(repo: Path, provs: list[str]) -> list[Template]:
    out = []
    files = sorted(p for p in (repo / "sources").iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    for f in files:
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))
        counts = Counter({p: len(re.findall(re.escape(p), text, re.I)) for p in provs})
        prov, n = counts.most_common(1)[0]
        if re.search(r"^BỘ ", text[:400], re.M):  # a ministry's document: central, its place is not a province
            n = 0
        years = re.findall(r"năm (20\d\d)", text[:1500]) or re.findall(r"^(20\d\d)", f.name)
        side = f.with_suffix(".yml")
        sidecar = yaml.safe_load(side.read_text(encoding="utf-8")) if side.exists() else None
        t = Template(f, text, prov if n else None, int(years[0]) if years else 2023, sidecar)
        paras = split_paragraphs(text)
        start = next((i for i, p in enumerate(paras) if len(p) > 150 and i > 0), 1)
        end = next((i for i, p in enumerate(paras) if i > start and CLOSING.match(p.strip())), len(paras))
        t.head, t.body, t.tail = paras[:start], paras[start:end], paras[end:]
        out.append(t)
    return out


def stable_int(*parts: object, lo: int = 1, hi: int = 3000) -> int:
    h = int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)
    return lo + h % (hi - lo + 1)


def generate_one(i: int, t: Template, pools: dict[str, list[str]], provs: list[str], rng: random.Random,
                 seed: int) -> tuple[str, str, dict[str, object] | None]:
    province = rng.choice(provs) if t.province else None
    year = rng.randint(2016, 2025)
    delta = year - t.year
    # Body: swap a third of the bullets / numbered items for real ones of other sources; drop some prose.
    body = []
    for k, p in enumerate(t.body):
        s = p.strip()
        if BULLET.match(s) and len(s) > 60 and pools["bullet"] and rng.random() < 0.35:
            body.append(rng.choice(pools["bullet"]))
        elif (m := NUMBERED.match(s)) and len(s) > 120 and pools["numbered"] and rng.random() < 0.35:
            body.append(m.group(1) + " " + ITEM_PREFIX.sub("", rng.choice(pools["numbered"]), count=1))
        elif k > 0 and len(s) > 300 and not s.startswith(("#", "|", "*")) and rng.random() < 0.15:
            continue
        else:
            body.append(p)
    text = "\n\n".join(t.head + body + t.tail)

    # Own number and type.
    m = SELF_NUMBER.search(text)
    number = ""
    code = ""
    if m:
        form, rest = m.group(5), m.group(6)
        new_type = None
        if TYPE_LINE.search(text) and t.province and rng.random() < 0.6:
            new_type = rng.choice(LOCAL_TYPES)
            form = new_type[1]
        elif re.match(r"20\d\d/", form):
            form = re.sub(r"20\d\d", str(year), form)
        number = "" if rng.random() < 0.15 else str(rng.randint(1, 4500))
        old_self = (m.group(3) or "") + "/" + m.group(5) + m.group(6)
        code = form + rest
        text = text[: m.start()] + f"{m.group(1)}{m.group(2)}{number}{m.group(4)}/{code}" + text[m.end():]
        if m.group(3):  # the document cites itself (annexes of a Thông tư): keep it consistent
            text = text.replace(old_self, f"{number}/{code}")
        if new_type:
            text = TYPE_LINE.sub(lambda mm: mm.group(0).replace(mm.group(1), new_type[0]), text, count=1)

    # Local citations get per-province numbers; national ones stay.
    def cite(mm: re.Match[str]) -> str:
        if province and LOCAL_ISSUER.search(mm.group(2)):
            return f"{stable_int(seed, province, mm.group(0))}{mm.group(2)}"
        return mm.group(0)

    head_len = len("\n\n".join(t.head))
    text = text[:head_len] + CITATION.sub(cite, text[head_len:])

    # Years near the signing year move with it.
    def shift(mm: re.Match[str]) -> str:
        y = int(mm.group(1))
        return str(y + delta) if t.year - 2 <= y <= t.year + 1 else mm.group(0)

    # ... except in "Căn cứ" lines, which date the laws the document rests on.
    text = "\n".join(line if line.startswith("Căn cứ") else YEAR.sub(shift, line) for line in text.split("\n"))
    if province and t.province:
        text = re.sub(re.escape(t.province.upper()), province.upper(), text)
        text = re.sub(re.escape(t.province), province, text)

    kind = TYPE_LINE.search(text)
    form_code = code.split("/")[-1].split("-")[0] if code else ""
    kind_slug = fold(kind.group(1)) if kind else FORM_SLUG.get(form_code, "tin-bai" if t.sidecar else "van-ban")
    name = "-".join(x for x in (str(year), kind_slug, number, fold(code), fold(province or "tw")) if x)
    name = f"{name}-g{i:05d}"
    sidecar = None
    if t.sidecar:
        sidecar = {k: v for k, v in t.sidecar.items() if k not in ("related", "url", "retrieved")}
        for k, v in list(sidecar.items()):
            if isinstance(v, str) and province and t.province:
                sidecar[k] = v.replace(t.province, province)
        sidecar["provenance"] = f"benchmark corpus: generated from sources/{t.path.name} (seed {seed})"
    return name, text, sidecar


def copy_project(repo: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for p in repo.iterdir():
        if p.name in SKIP_TOP:
            continue
        (shutil.copytree(p, out / p.name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
         if p.is_dir() else shutil.copy2(p, out / p.name))
    for g in GENERATED_DOCS:
        q = out / "docs" / g
        if q.is_dir():
            shutil.rmtree(q)
        elif q.exists():
            q.unlink()
    (out / "sources").mkdir()


def generate(repo: Path, out_sources: Path, n: int, seed: int, central_share: float) -> int:
    provs = provinces(repo)
    templates = load_templates(repo, provs)
    pools = {"bullet": [], "numbered": []}
    for t in templates:
        for p in t.body:
            s = p.strip()
            if BULLET.match(s) and len(s) > 60 and "\n" not in s:
                pools["bullet"].append(s)
            elif NUMBERED.match(s) and len(s) > 120 and "\n" not in s:
                pools["numbered"].append(s)
    local = [t for t in templates if t.province]
    central = [t for t in templates if not t.province] or local
    rng = random.Random(seed)
    for i in range(n):
        t = rng.choice(central if rng.random() < central_share else local)
        name, text, sidecar = generate_one(i, t, pools, provs, rng, seed)
        (out_sources / f"{name}{t.path.suffix}").write_text(text.rstrip() + "\n", encoding="utf-8")
        if sidecar:
            (out_sources / f"{name}.yml").write_text(yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True),
                                                     encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="project copy to create (replaced if it exists)")
    ap.add_argument("-n", type=int, default=1000, help="number of source files")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--repo", type=Path, default=ROOT, help="project checkout to copy and recombine")
    ap.add_argument("--central-share", type=float, default=0.05, help="share of central (national) templates")
    ap.add_argument("--sources-only", action="store_true", help="only (re)write OUT/sources, do not copy the project")
    args = ap.parse_args(argv)
    repo, out = args.repo.resolve(), args.out.resolve()
    if out == repo or (repo / "sources") in (out, *out.parents):
        print(f"{out}: refusing to write into the real project; give a separate folder", file=sys.stderr)
        return 2
    if args.sources_only:
        shutil.rmtree(out / "sources", ignore_errors=True)
        (out / "sources").mkdir(parents=True)
    else:
        copy_project(repo, out)
    generate(repo, out / "sources", args.n, args.seed, args.central_share)
    print(f"{out / 'sources'}: {args.n} sources from {repo / 'sources'} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
