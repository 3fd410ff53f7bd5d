"""Strategy 5: task tables (annexes of a Kế hoạch).

"| Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |": each row is a
duty of every lead ("chủ trì") and of every partner ("phối hợp"); a single
"Đơn vị thực hiện" column gives "thực hiện". Cells left empty by a vertical
merge take the bodies of the row above.
"""

from __future__ import annotations

import re

from tracuu.model.records import Block, Duty
from tracuu.model.textutil import fold
from tracuu.resolve.duties.names import MARKUP, Claim, Context, Named, split_names

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
    folded = [fold(MARKUP.sub("", c)) for c in header]
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


def _cell_names(ctx: Context, cells: list[str], col: int) -> list[Named]:
    return split_names(ctx, cells[col]) if 0 <= col < len(cells) and cells[col] else []


def _cell(cells: list[str], col: int) -> str:
    return MARKUP.sub("", cells[col]).strip() if 0 <= col < len(cells) else ""


def _section_row(cells: list[str], task: int) -> bool:
    """A row that heads a group of tasks: a Roman numeral, or its text all bold or upper case."""
    number = MARKUP.sub("", cells[0]).strip() if task > 0 else ""
    raw = cells[task].strip()
    text = MARKUP.sub("", raw).strip()
    return (
        bool(re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", number))
        or (raw.startswith("**") and raw.endswith("**"))
        or (text.isupper() and len(text) > 3)
    )


Bodies = tuple[list[Named], list[Named], list[Named]]


def _rule_row(cells: list[str]) -> bool:
    """The Markdown rule under the header."""
    return all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells)


def _row_duties(ctx: Context, where: Block, text: str, bodies: Bodies) -> list[Duty]:
    leads, partners, doers = bodies
    out = [ctx.duty(who, "chủ trì", text, where, [p.agency for p in partners]) for who in leads]
    out += [ctx.duty(who, "phối hợp", text, where, [p.agency for p in leads]) for who in partners]
    out += [ctx.duty(who, "thực hiện", text, where, [p.agency for p in partners]) for who in doers]
    return out


def _table_duties(ctx: Context, block: Block, cols: tuple[int, int, int, int]) -> list[Duty]:
    task, lead_col, partner_col, doer_col = cols
    duties: list[Duty] = []
    above: Bodies | None = None
    for n, row in enumerate(block.text.split("\n")[1:], start=1):
        cells = _cells(row)
        if _rule_row(cells) or len(cells) <= task:
            continue
        text = MARKUP.sub("", cells[task]).strip()
        if not text:
            continue
        bodies: Bodies = (
            _cell_names(ctx, cells, lead_col), _cell_names(ctx, cells, partner_col), _cell_names(ctx, cells, doer_col)
        )
        blank = all(not _cell(cells, c) for c in (lead_col, doer_col, partner_col) if c >= 0)
        if blank and _section_row(cells, task):
            above = None  # "| II | **Truyền thông** | | |": a heading row, no duty
            continue
        if blank and above is not None:
            # cells merged down from the row above (Word's vertical merge leaves them empty)
            bodies = above
        elif bodies[0] or bodies[2]:
            above = bodies
        where = Block(kind="table", text=row, line=block.line + n, anchor=block.anchor,
                      level=block.level, parent=block.parent, annex=block.annex)
        duties.extend(_row_duties(ctx, where, text, bodies))
    return duties


def tables(ctx: Context) -> list[Claim]:
    """One claim per task table."""
    claims: list[Claim] = []
    for block in ctx.doc.body:
        if block.kind != "table" or block.anchor in ctx.excluded:
            continue
        rows = block.text.split("\n")
        cols = _table_columns(_cells(rows[0])) if rows else None
        if cols is not None:
            claims.append(Claim(frozenset([block.anchor]), tuple(_table_duties(ctx, block, cols))))
    return claims
