"""The corpus folder, read safely: which files are documents, their page ids, their text.

``sources/`` is edited by hand and synced from shared drives, so it can hold
anything. Only regular files named ``*.txt`` / ``*.md`` are documents;
symlinks, devices, FIFOs, folders, unsupported extensions and names that are
not plain printable file names are each reported as a ``Problem`` — never
followed, never silently skipped. Reading is bounded (``MAX_SOURCE_BYTES``)
and never blocks (a FIFO is refused before it is opened). Page ids that
collide are resolved deterministically: every document keeps a page, and each
renamed one gets a warning saying where its page went.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from tracuu.model.problems import Problem
from tracuu.model.records import Document
from tracuu.model.textutil import slugify
from tracuu.parse import sidecar as sidecars
from tracuu.parse.decode import MAX_SOURCE_BYTES, read_text
from tracuu.parse_cache import ParseCache

SOURCE_SUFFIXES = (".txt", ".md")
NOT_SOURCES = ("README.md",)
# Characters a file name may not contain: Windows-forbidden ones, Markdown/HTML/template syntax.
_FORBIDDEN = set('<>:"/\\|?*`{}[]$')
_CONVERT = {
    ".docx": "dùng `tracuu add TỆP.docx` để chuyển thành .txt",
    ".doc": "mở bằng Word, lưu thành .docx rồi dùng `tracuu add`",
    ".odt": "mở bằng LibreOffice, lưu thành .docx rồi dùng `tracuu add`",
    ".rtf": "mở bằng Word, lưu thành .docx rồi dùng `tracuu add`",
    ".pdf": "chép chữ ra tệp .txt (UTF-8) rồi đặt vào sources/",
}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    rel: str  # as shown to editors and stored in Document.source ("sources/x.txt")
    doc_id: str


@dataclass(frozen=True)
class Listing:
    files: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]


def name_problem(name: str) -> str:
    """Why ``name`` is not a plain printable file name, or ""."""
    if name != name.strip() or name.startswith("-"):
        return "tên tệp bắt đầu hoặc kết thúc bằng khoảng trắng, '-' hoặc '.'"
    for ch in name:
        cat = unicodedata.category(ch)
        if cat[0] == "C" or cat in ("Zl", "Zp"):
            return f"tên tệp chứa ký tự điều khiển hoặc vô hình (U+{ord(ch):04X})"
        if ch in _FORBIDDEN:
            return f"tên tệp chứa ký tự '{ch}'"
    if len(name.encode("utf-8")) > 200:
        return "tên tệp quá dài"
    return ""


def _shown(name: str) -> str:
    """A file name safe to print in a message (controls made visible)."""
    return "".join(ch if unicodedata.category(ch)[0] != "C" else f"\\u{ord(ch):04x}" for ch in name)


def _kind_problem(mode: int, is_link: bool, name: str) -> str:
    if is_link:
        return "là liên kết tượng trưng (symlink), không được đọc; chép tệp thật vào sources/"
    if stat.S_ISDIR(mode):
        if name.endswith(SOURCE_SUFFIXES):
            return "là thư mục, không phải tệp văn bản; đổi tên hoặc chuyển ra khỏi sources/"
        return "thư mục con không được đọc; đặt văn bản trực tiếp trong sources/"
    if not stat.S_ISREG(mode):
        return "không phải tệp thường (thiết bị, FIFO hoặc socket); bỏ khỏi sources/"
    return ""


def _suffix_problem(name: str) -> str:
    suffix = os.path.splitext(name)[1]
    if suffix in SOURCE_SUFFIXES:
        return ""
    if suffix.lower() in SOURCE_SUFFIXES or suffix.lower() in (".text", ".markdown"):
        return f"đuôi tệp '{suffix}' không được hỗ trợ; đổi thành .txt (chữ thường)"
    if suffix.lower() in _CONVERT:
        return f"tệp {suffix} chưa được chuyển; {_CONVERT[suffix.lower()]}"
    return f"tệp '{suffix or '(không đuôi)'}' không phải văn bản; chỉ nhận .txt và .md (UTF-8)"


def list_sources(folder: Path, root: Path | None = None) -> Listing:
    """Every document in ``folder`` and a problem for everything else in it."""
    root = root or folder.parent
    problems: list[Problem] = []
    found: list[tuple[str, Path, str]] = []  # (name, path, rel)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        return Listing((), (Problem(_rel(folder, root), 1, f"không đọc được thư mục: {exc.strerror}"),))
    names = {e.name for e in entries}
    for e in entries:
        rel = _rel(Path(e.path), root)
        if e.name in NOT_SOURCES:
            continue
        try:
            st = e.stat(follow_symlinks=False)
        except OSError as exc:
            problems.append(Problem(rel, 1, f"không đọc được: {exc.strerror}"))
            continue
        if why := _kind_problem(st.st_mode, stat.S_ISLNK(st.st_mode), e.name):
            problems.append(Problem(_rel_shown(e.name, folder, root), 1, why))
            continue
        if e.name.startswith("."):
            problems.append(Problem(_rel_shown(e.name, folder, root), 1, "tệp ẩn không được đọc", "warning"))
            continue
        stem, suffix = os.path.splitext(e.name)
        if suffix == ".yml":
            if not any(stem + s in names for s in SOURCE_SUFFIXES):
                problems.append(Problem(rel, 1, f"tệp kèm theo không có văn bản {stem}.txt; đổi tên hoặc xóa", "warning"))
            continue
        why = name_problem(e.name) or _suffix_problem(e.name)
        if not why and st.st_size > MAX_SOURCE_BYTES:
            why = f"tệp quá lớn ({st.st_size / 1e6:.1f} MB, tối đa {MAX_SOURCE_BYTES // (1024 * 1024)} MB); tách văn bản"
        if why:
            problems.append(Problem(_rel_shown(e.name, folder, root), 1, why))
            continue
        found.append((e.name, Path(e.path), rel))
    files, id_problems = assign_ids(found)
    return Listing(tuple(files), tuple(problems + id_problems))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _rel_shown(name: str, folder: Path, root: Path) -> str:
    return _rel(folder, root) + "/" + _shown(name)


def assign_ids(found: list[tuple[str, Path, str]]) -> tuple[list[SourceFile], list[Problem]]:
    """Page ids from file names; on a collision the file whose stem *is* the id keeps it (then .txt, then name
    order) and the others get the first free ``-2``, ``-3`` … that no other file's own id uses."""
    natural = {name: slugify(os.path.splitext(name)[0]) or "van-ban" for name, _, _ in found}
    groups: dict[str, list[tuple[str, Path, str]]] = defaultdict(list)
    for item in found:
        groups[natural[item[0]]].append(item)
    taken = set(groups)
    out: list[SourceFile] = []
    problems: list[Problem] = []
    for doc_id in sorted(groups):
        items = sorted(groups[doc_id], key=lambda t: (os.path.splitext(t[0])[0] != doc_id, not t[0].endswith(".txt"), t[0]))
        first = items[0]
        out.append(SourceFile(first[1], first[2], doc_id))
        n = 2
        for _name, path, rel in items[1:]:
            while f"{doc_id}-{n}" in taken:
                n += 1
            new = f"{doc_id}-{n}"
            taken.add(new)
            out.append(SourceFile(path, rel, new))
            problems.append(Problem(rel, 1, f"trùng mã trang '{doc_id}' với {first[2]}; trang của tệp này là van-ban/{new}/ "
                                            "(đổi tên tệp để có địa chỉ ổn định)", "warning"))
    return sorted(out, key=lambda s: s.rel), problems


# pipeline.parse_text(text, source=, doc_id=, sidecar=, warnings=): passed in, so this module stays below pipeline.
ParseText = Callable[..., Document]


def load_documents(
    listing: Listing, root: Path, parse_text: ParseText, cache: ParseCache | None = None
) -> tuple[list[Document], list[Problem]]:
    """Parse every listed file (sidecar read once); a document that cannot be read is a problem, not a page."""
    docs: list[Document] = []
    problems: list[Problem] = list(listing.problems)
    sides: list[sidecars.Sidecar] = []
    for sf in listing.files:
        text, warnings, refused = read_text(sf.path)
        if refused:
            line, _, msg = refused.removeprefix("line ").partition(": ")
            problems.append(Problem(sf.rel, int(line) if line.isdigit() else 1, msg))
            continue
        side = sidecars.load(sf.path, _rel(sidecars.sidecar_path(sf.path), root))
        if side is not None:
            sides.append(side)
            problems.extend(side.problems)
        try:
            if cache is not None:  # the same record, re-used while the file, its sidecar, data/ and code are unchanged
                doc = replace(cache.parse(sf.path, sf.rel), id=sf.doc_id)
            else:
                doc = parse_text(text, source=sf.rel, doc_id=sf.doc_id, sidecar=side, warnings=warnings)
        except Exception as exc:  # noqa: BLE001 - report, keep building the rest
            why = f"{type(exc).__name__}: {exc}"[:300]
            problems.append(Problem(sf.rel, 1, f"không xử lý được văn bản ({why}); báo lỗi cho nhóm phát triển"))
            doc = Document(source=sf.rel, id=sf.doc_id, doc_type="", problems=(Problem(sf.rel, 1, why, "warning"),))
        # the sidecar's problems are reported against the .yml above; the document's own follow
        problems.extend(p for p in doc.problems if p.path == doc.source)
        docs.append(doc)
    known = {d.id for d in docs}
    for side in sides:
        problems.extend(sidecars.check_related(side, known))
    problems.extend(duplicate_numbers(docs))
    return docs, problems


def duplicate_numbers(docs: list[Document]) -> list[Problem]:
    """Two documents with the same số/ký hiệu (and issuer): a copy, or a typo in one of them."""
    by_number: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for d in docs:
        if d.number:
            by_number[(d.number, d.issuer)].append(d)
    out: list[Problem] = []
    for (number, _), same in sorted(by_number.items()):
        if len(same) > 1:
            first = min(same, key=lambda d: d.source)
            for d in sorted(same, key=lambda d: d.source):
                if d is not first:
                    out.append(Problem(d.source, 1, f"trùng số, ký hiệu '{number}' với {first.source}; "
                                                    "bỏ bản trùng hoặc sửa số", "warning"))
    return out


def source_files(folder: Path) -> list[Path]:
    """The documents of ``folder`` (regular *.txt/*.md files); ``list_sources`` reports the rest."""
    return [f.path for f in list_sources(folder).files]
