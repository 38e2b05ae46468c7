"""The checker judged against real model errors: facts a model wrote, labelled by hand.

``evals/labels/<model>.json`` lists every structured fact the model produced on the labelled events
(its one-line description and the fact itself, evidence included, as recorded), each labelled correct
or wrong by reading the articles. A wrong fact the
checker flags (anything but supported) is a true positive; a correct fact it passes is a true
negative. Balanced accuracy is the mean of the two rates, per fact type and overall.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..articles import Article
from ..errors import InputError
from ..facts.registry import spec_for
from ..grounding.checker import Verdict, check
from ..schema import EventSummary


class Label(BaseModel):
    event: str
    kind: str
    fact: str                     # spec.describe(fact): how the fact is recognised in a replay
    correct: bool
    reason: str = ""
    value: dict[str, Any]         # the fact as the model wrote it, evidence included


def read_labels(path: Path) -> list[Label]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Label.model_validate(item) for item in data["facts"]]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"{path}: cannot read the labelled facts ({exc})") from exc


def _rates(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
    """(correct, flagged) pairs -> precision and recall of the flags, specificity, balanced accuracy."""
    tp = sum(not correct and flagged for correct, flagged in pairs)
    fn = sum(not correct and not flagged for correct, flagged in pairs)
    tn = sum(correct and not flagged for correct, flagged in pairs)
    fp = sum(correct and flagged for correct, flagged in pairs)
    recall = tp / (tp + fn) if tp + fn else 1.0
    specificity = tn / (tn + fp) if tn + fp else 1.0
    return {"facts": len(pairs), "wrong": tp + fn, "caught": tp, "false_flags": fp,
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0, "recall": round(recall, 4),
            "specificity": round(specificity, 4), "balanced_accuracy": round((recall + specificity) / 2, 4)}


def score_labels(labels: list[Label], articles: dict[str, list[Article]],
                 replays: dict[str, EventSummary] | None = None) -> dict[str, Any]:
    """The checker's verdicts on the labelled facts, each checked as the model wrote it against its
    event's articles (so a re-recording never loses the labelled set). Facts of ``replays`` that no
    label names are listed as unlabelled: label them to widen the set."""
    pairs: dict[str, list[tuple[bool, bool]]] = {}
    missed = []
    events, kinds = {label.event for label in labels}, {label.kind for label in labels}
    for event in sorted(events & set(articles)):
        mine = [label for label in labels if label.event == event]
        facts: dict[str, list[Any]] = {}
        for label in mine:
            facts.setdefault(label.kind, []).append(label.value)
        summary = EventSummary.model_validate({"title": event, **facts})
        report = check(summary, articles[event])
        verdicts = {(f.kind, f.index): f.verdict for f in report.facts}
        seen: dict[str, int] = {}
        for label in mine:
            index = seen[label.kind] = seen.get(label.kind, -1) + 1
            flagged = verdicts[(label.kind, index)] != Verdict.supported
            pairs.setdefault(label.kind, []).append((label.correct, flagged))
            if not label.correct and not flagged:
                missed.append(f"{event}: {label.kind}: {label.fact} ({label.reason})")
    known = {(label.event, label.kind, label.fact) for label in labels}
    unlabelled = [f"{event}: {kind}: {spec_for(kind).describe(fact)}"
                  for event, summary in (replays or {}).items() if event in events
                  for kind, _, fact in summary.facts()
                  if kind in kinds and (event, kind, spec_for(kind).describe(fact)) not in known]
    every = [pair for kind_pairs in pairs.values() for pair in kind_pairs]
    return {"all": _rates(every), "by_type": {kind: _rates(p) for kind, p in pairs.items()},
            "missed": missed, "unlabelled": unlabelled}
