"""One question per fact, not per article: passages that ask the same question share one answer.

Five reports of one meeting give five passages with the same people on offer. The passage strategy
asks the shortest of them (the plainest statement) and carries its answer over to the others, value by value,
to whichever of their own options names the same thing ("William Ruto" / "Ruto"). A value with no
counterpart there becomes "none" where the field allows it; where it does not, that passage is asked
itself. Each carried-over fact keeps its own passage as evidence, so the checker verifies it there and
corroboration across articles is kept.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ..text.align import normalise
from ..text.names import same_name
from .tasks import NONE, Task


def options(task: Task) -> dict[str, tuple[str, ...]]:
    """The strings each field of the task's response model may take."""
    return {name: typing.get_args(info.annotation) for name, info in task.response_model.model_fields.items()}


def _key(value: str) -> str:
    """A name's last word ("President William Ruto" -> "ruto"); other text as a whole, normalised."""
    words = normalise(value).replace("’s", "").replace("'s", "").split()
    return words[-1] if words and value[:1].isupper() else " ".join(words)


def _question(task: Task) -> tuple[str, frozenset[str]]:
    """What a task asks about: its kind and the things its first field (who met, who invited, what
    was agreed, which figure) may name."""
    first = next(iter(options(task).values()), ())
    return task.kind, frozenset(_key(v) for v in first if v != NONE)


def _same(a: str, b: str) -> bool:
    return normalise(a) == normalise(b) or (a[:1].isupper() and b[:1].isupper() and same_name(a, b))


def carry_over(answer: BaseModel, to: Task) -> BaseModel | None:
    """The answer restated in another task's options; None when a value has no counterpart there and
    the field cannot be "none"."""
    values: dict[str, Any] = {}
    for name, allowed in options(to).items():
        value = getattr(answer, name)
        values[name] = value if value in allowed else next(
            (o for o in allowed if o != NONE and value != NONE and _same(value, o)), NONE)
    try:
        return to.response_model.model_validate(values)
    except ValidationError:
        return None


def share(tasks: Sequence[Task]) -> dict[int, list[int]]:
    """Tasks to ask (index -> indices of the tasks that take their answer). The shortest passage asks
    for its question (the plainest statement, least to distract a small model); ties go to the first."""
    groups: dict[tuple[str, frozenset[str]], list[int]] = {}
    for i, task in enumerate(tasks):
        question = _question(task)
        groups.setdefault(question if question[1] else (task.kind, frozenset({str(i)})), []).append(i)
    asked: dict[int, list[int]] = {}
    for members in groups.values():
        plainest = min(members, key=lambda i: (len(tasks[i].values.get("sentence", "")), i))
        asked[plainest] = [i for i in members if i != plainest]
    return dict(sorted(asked.items()))
