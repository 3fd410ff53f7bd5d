"""The deadline vocabulary (data/deadlines.yml): recurrence words, relation words, vague times."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracuu.model.problems import Problem, SourceError
from tracuu.model.textutil import nfc
from tracuu.paths import data_dir
from tracuu.registries.loader import compose, per_file, value

FREQS = ("YEARLY", "MONTHLY", "WEEKLY")


@dataclass(frozen=True)
class RecurrenceWord:
    words: tuple[str, ...]
    freq: str
    interval: int
    not_after: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeadlineVocabulary:
    recurrences: tuple[RecurrenceWord, ...]
    ongoing: tuple[str, ...]
    ongoing_not_after: tuple[str, ...]
    before: tuple[str, ...]
    within: tuple[str, ...]
    quarters: tuple[tuple[str, int], ...]
    vague: tuple[str, ...]
    vague_cues: tuple[str, ...]
    examples: tuple[str, ...] = ()  # ongoing and vague examples
    counter_examples: tuple[str, ...] = ()


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: cần một danh sách chuỗi không rỗng")
    return tuple(nfc(v) for v in value)


def _recurrence(entry: Any, i: int) -> RecurrenceWord:
    if not isinstance(entry, dict):
        raise ValueError(f"recurrence[{i}]: cần một mục có words, freq, interval")
    freq = str(entry.get("freq", ""))
    if freq not in FREQS:
        raise ValueError(f"recurrence[{i}].freq: '{freq}' không hợp lệ; dùng một trong {', '.join(FREQS)}")
    interval = entry.get("interval")
    if not isinstance(interval, int) or interval < 1:
        raise ValueError(f"recurrence[{i}].interval: cần một số nguyên dương")
    return RecurrenceWord(
        words=_strs(entry.get("words"), f"recurrence[{i}].words"),
        freq=freq,
        interval=interval,
        not_after=_strs(entry.get("not_after"), f"recurrence[{i}].not_after"),
        examples=_strs(entry.get("examples"), f"recurrence[{i}].examples"),
        counter_examples=_strs(entry.get("counter_examples"), f"recurrence[{i}].counter_examples"),
    )


def parse_vocabulary(raw: Any) -> DeadlineVocabulary:
    if not isinstance(raw, dict):
        raise ValueError("tệp phải là một ánh xạ (recurrence, ongoing, relations, quarters, vague)")
    rec = raw.get("recurrence") or []
    if not isinstance(rec, list):
        raise ValueError("recurrence: cần một danh sách")
    ongoing = raw.get("ongoing") or {}
    relations = raw.get("relations") or {}
    vague = raw.get("vague") or {}
    quarters = raw.get("quarters") or {}
    if not all(isinstance(x, dict) for x in (ongoing, relations, vague, quarters)):
        raise ValueError("ongoing, relations, vague, quarters: mỗi mục phải là một ánh xạ")
    q: list[tuple[str, int]] = []
    for k, v in quarters.items():
        if not isinstance(v, int) or not 1 <= v <= 4:
            raise ValueError(f"quarters.{k}: cần một số 1–4")
        q.append((str(k), v))
    return DeadlineVocabulary(
        recurrences=tuple(_recurrence(e, i) for i, e in enumerate(rec)),
        ongoing=_strs(ongoing.get("words"), "ongoing.words"),
        ongoing_not_after=_strs(ongoing.get("not_after"), "ongoing.not_after"),
        before=_strs(relations.get("before"), "relations.before"),
        within=_strs(relations.get("within"), "relations.within"),
        quarters=tuple(q),
        vague=_strs(vague.get("words"), "vague.words"),
        vague_cues=_strs(vague.get("cues"), "vague.cues"),
        examples=_strs(ongoing.get("examples"), "ongoing.examples") + _strs(vague.get("examples"), "vague.examples"),
        counter_examples=_strs(ongoing.get("counter_examples"), "ongoing.counter_examples"),
    )


def load(path: Path | None = None) -> tuple[DeadlineVocabulary | None, list[Problem]]:
    path = path or data_dir() / "deadlines.yml"
    try:
        root = compose(path)
    except SourceError as err:
        return None, [err.problem]
    try:
        return parse_vocabulary(value(root) if root is not None else None), []
    except ValueError as exc:
        line = 1
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = mark.line + 1
        fix = "sửa tệp theo hướng dẫn ở đầu tệp"
        return None, [Problem(str(path), line, f"từ vựng thời hạn không đọc được: {exc}; {fix}")]


@per_file
def _cached(path: str, mtime: float) -> DeadlineVocabulary:
    vocab, problems = load(Path(path))
    if vocab is None:
        return parse_vocabulary({})
    return vocab


def vocabulary(path: Path | None = None) -> DeadlineVocabulary:
    path = path or data_dir() / "deadlines.yml"
    mtime = path.stat().st_mtime if path.exists() else 0.0
    return _cached(str(path), mtime)


def check(corpus: object = None) -> list[Problem]:
    return load()[1]
