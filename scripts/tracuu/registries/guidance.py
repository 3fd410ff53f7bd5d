"""The guidance registry (``data/guidance.yml``): plain-language pages for people in trouble.

Loaded from the YAML node tree (``yaml.compose``) so that every problem names
its line. Aliases are refused: a statement's basis must be written out where
it is used, so an editor reading one statement sees everything it rests on.

``load`` validates the shape (keys, non-empty texts, well-formed pinpoints);
``check`` also resolves each basis against the parsed corpus: a document
basis must name a source and one of its block anchors; an instrument basis
is checked against the instrument's text when the corpus holds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

import yaml

from tracuu.model.corpus import Corpus
from tracuu.model.guidance import Basis, GuidancePage, GuidanceSection, Statement
from tracuu.model.problems import Problem, SourceError
from tracuu.model.sokyhieu import SoKyHieu
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir
from tracuu.registries.loader import compose

FILE = "guidance.yml"
PAGE_KEYS = ("id", "title", "lead", "sections")
SECTION_KEYS = ("id", "title", "statements")
STATEMENT_KEYS = ("text", "basis", "tel")
INSTRUMENT_KEYS = ("instrument", "article", "clause", "point")
DOCUMENT_KEYS = ("document", "anchor")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBER = re.compile(r"[0-9]+[a-z]?")
# Điểm letters of Vietnamese legal drafting (Nghị định 34/2016/NĐ-CP lists a, b, c, d, đ, e, ...).
_POINT = re.compile(r"[a-zđ]")
_TEL = re.compile(r"[0-9]{3,11}")
_Item = TypeVar("_Item", GuidancePage, GuidanceSection)


class _Loader:
    """Walks the node tree, collecting problems instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.path, line, message))

    def unique(self, items: Iterable[tuple[yaml.Node, _Item | None]], what: str) -> list[_Item]:
        """The items that loaded, in order; a repeated id is a problem naming the first one's line."""
        out: list[_Item] = []
        seen: dict[str, int] = {}
        for node, item in items:
            if item is None:
                continue
            if item.id in seen:
                self.problem(node, f"{what} '{item.id}' trùng với {what} ở dòng {seen[item.id]}")
                continue
            seen[item.id] = item.line
            out.append(item)
        return out

    def mapping(self, node: yaml.Node, keys: tuple[str, ...], what: str) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} phải là bảng khóa ({', '.join(keys)})")
            return None
        out: dict[str, yaml.Node] = {}
        for knode, vnode in node.value:
            key = str(knode.value)
            if key not in keys:
                self.problem(knode, f"{what}: khóa không hỗ trợ '{key}'; dùng {', '.join(keys)}")
            elif key in out:
                self.problem(knode, f"{what}: khóa '{key}' lặp lại")
            else:
                out[key] = vnode
        return out

    def text(self, d: dict[str, yaml.Node], key: str, parent: yaml.Node, what: str, required: bool = True) -> str:
        node = d.get(key)
        if node is None:
            if required:
                self.problem(parent, f"{what} thiếu '{key}'")
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what}: '{key}' phải là một chuỗi")
            return ""
        value = " ".join(nfc(str(node.value)).split())
        if required and not value:
            self.problem(node, f"{what}: '{key}' để trống")
        return value

    def sequence(self, d: dict[str, yaml.Node], key: str, parent: yaml.Node, what: str) -> list[yaml.Node]:
        node = d.get(key)
        if node is None:
            self.problem(parent, f"{what} thiếu '{key}'")
            return []
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"{what}: '{key}' phải là một danh sách không rỗng")
            return []
        return list(node.value)

    def basis(self, node: yaml.Node) -> Basis | None:
        d = self.mapping(node, INSTRUMENT_KEYS + DOCUMENT_KEYS, "căn cứ")
        if d is None:
            return None
        line = node.start_mark.line + 1
        if "instrument" in d and "document" in d:
            self.problem(node, "căn cứ: ghi 'instrument' (điều luật) hoặc 'document' (văn bản trong kho), không ghi cả hai")
            return None
        if "document" in d:
            return self.document_basis(d, node, line)
        return self.instrument_basis(d, node, line)

    def document_basis(self, d: dict[str, yaml.Node], node: yaml.Node, line: int) -> Basis | None:
        """A clause of a corpus document: ``document`` (its page id) and ``anchor``."""
        for k in INSTRUMENT_KEYS[1:]:
            if k in d:
                self.problem(d[k], f"căn cứ văn bản: khóa '{k}' chỉ dùng với 'instrument'; ghi khoản bằng 'anchor'")
        document = self.text(d, "document", node, "căn cứ văn bản")
        anchor = self.text(d, "anchor", node, "căn cứ văn bản")
        if document and ("/" in document or document.endswith(".txt")):
            self.problem(d["document"], f"căn cứ văn bản: '{document}' phải là tên tệp trong sources/ không có đuôi .txt")
            return None
        return Basis(document=document, anchor=anchor, line=line) if document and anchor else None

    def instrument_basis(self, d: dict[str, yaml.Node], node: yaml.Node, line: int) -> Basis | None:
        """An article (clause, point) of a legal instrument named by its number."""
        if "anchor" in d:
            self.problem(d["anchor"], "căn cứ điều luật: dùng 'article', 'clause', 'point' thay cho 'anchor'")
        instrument = self.text(d, "instrument", node, "căn cứ điều luật")
        article = self.text(d, "article", node, "căn cứ điều luật")
        clause = self.text(d, "clause", node, "căn cứ điều luật", required=False)
        point = self.text(d, "point", node, "căn cứ điều luật", required=False)
        ok = bool(instrument and article)
        if instrument:
            try:
                instrument = str(SoKyHieu.parse(instrument))
            except ValueError:
                self.problem(d["instrument"], f"căn cứ điều luật: '{instrument}' không phải số/ký hiệu (ví dụ 102/2016/QH13)")
                ok = False
        for key, value, pattern, example in (
            ("article", article, _NUMBER, "54"),
            ("clause", clause, _NUMBER, "1"),
            ("point", point, _POINT, "a, đ"),
        ):
            if value and not pattern.fullmatch(value):
                self.problem(d[key], f"căn cứ điều luật: '{key}' phải là số hiệu như {example}, không phải '{value}'")
                ok = False
        if point and not clause:
            self.problem(d["point"], "căn cứ điều luật: có 'point' (điểm) thì phải có 'clause' (khoản)")
            ok = False
        if not ok:
            return None
        return Basis(instrument=instrument, article=article, clause=clause, point=point, line=line)

    def statement(self, node: yaml.Node) -> Statement | None:
        d = self.mapping(node, STATEMENT_KEYS, "câu hướng dẫn")
        if d is None:
            return None
        text = self.text(d, "text", node, "câu hướng dẫn")
        tel = self.text(d, "tel", node, "câu hướng dẫn", required=False)
        if tel and not _TEL.fullmatch(tel):
            self.problem(d["tel"], f"'tel' phải là số điện thoại chỉ gồm chữ số, không phải '{tel}'")
            tel = ""
        elif tel and tel not in text:
            self.problem(d["tel"], f"số '{tel}' ở 'tel' phải có trong câu hướng dẫn")
        bases = [b for b in (self.basis(n) for n in self.sequence(d, "basis", node, "câu hướng dẫn")) if b]
        if not text or not bases:
            return None
        return Statement(text=text, basis=tuple(bases), tel=tel, line=node.start_mark.line + 1)

    def section(self, node: yaml.Node) -> GuidanceSection | None:
        d = self.mapping(node, SECTION_KEYS, "mục")
        if d is None:
            return None
        sid = self.text(d, "id", node, "mục")
        if sid and not _SLUG.fullmatch(sid):
            self.problem(d["id"], f"mục: id '{sid}' chỉ gồm chữ thường không dấu, số và '-' (ví dụ lam-ngay)")
        title = self.text(d, "title", node, "mục")
        statements = [s for s in (self.statement(n) for n in self.sequence(d, "statements", node, "mục")) if s]
        if not sid or not title or not statements:
            return None
        return GuidanceSection(sid, title, tuple(statements), node.start_mark.line + 1)

    def page(self, node: yaml.Node) -> GuidancePage | None:
        d = self.mapping(node, PAGE_KEYS, "trang")
        if d is None:
            return None
        pid = self.text(d, "id", node, "trang")
        if pid and not _SLUG.fullmatch(pid):
            self.problem(d["id"], f"trang: id '{pid}' chỉ gồm chữ thường không dấu, số và '-' (ví dụ phu-huynh)")
        title = self.text(d, "title", node, "trang")
        lead = self.text(d, "lead", node, "trang")
        sections = self.unique(
            ((snode, self.section(snode)) for snode in self.sequence(d, "sections", node, "trang")), "mục"
        )
        if not pid or not title or not sections:
            return None
        return GuidancePage(pid, title, lead, tuple(sections), node.start_mark.line + 1)


def parse(path: Path) -> tuple[list[GuidancePage], list[Problem]]:
    """Every page that loads, and every problem as ``path:line: message``."""
    p = str(path)
    if not path.exists():
        return [], [Problem(p, 1, "thiếu tệp hướng dẫn data/guidance.yml")]
    try:
        root = compose(path)
    except SourceError as err:
        return [], [err.problem]
    loader = _Loader(p)
    if root is None:
        return [], [Problem(p, 1, "tệp hướng dẫn rỗng; cần khóa 'pages'")]
    d = loader.mapping(root, ("pages",), "tệp hướng dẫn")
    pages: list[GuidancePage] = []
    if d is not None:
        pnodes = loader.sequence(d, "pages", root, "tệp hướng dẫn")
        pages = loader.unique(((pnode, loader.page(pnode)) for pnode in pnodes), "trang")
    return pages, loader.problems


def load(path: Path | None = None) -> list[GuidancePage]:
    return parse(path or data_dir() / FILE)[0]


def resolve_problems(pages: list[GuidancePage], corpus: Corpus, path: str) -> list[Problem]:
    """Bases that do not resolve in the corpus.

    A document basis must name a corpus document and one of its block anchors.
    An instrument basis is checked against the instrument's document when the
    corpus holds its text (Pháp điển anchors ``dieu-N-khoan-K-diem-x``). An
    instrument whose text is not in sources/ is not reported here (the
    national texts may not be in the corpus yet); tests/test_guidance.py
    checks every article against the Pháp điển text itself.
    """
    by_number = {d.number: d for d in corpus.documents if d.number}
    problems: list[Problem] = []
    for page in pages:
        for st in page.statements():
            for b in st.basis:
                doc = by_number.get(b.instrument) if b.is_instrument else corpus.document(b.document)
                if doc is None and not b.is_instrument:
                    problems.append(Problem(path, b.line, f"không có văn bản sources/{b.document}.txt"))
                elif doc is not None and doc.block(b.target_anchor()) is None:
                    where = b.label() if b.is_instrument else f"khoản có neo '{b.anchor}'"
                    problems.append(
                        Problem(path, b.line, f"{doc.id}: không có {where}; xem các neo trên trang docs/van-ban/{doc.id}.md")
                    )
    return problems


def check(corpus: Corpus) -> list[Problem]:
    path = data_dir() / FILE
    pages, problems = parse(path)
    return problems + resolve_problems(pages, corpus, str(path))
