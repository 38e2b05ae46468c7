"""The checker judged against real model errors: facts a model wrote, labelled by hand.

``evals/labels/<model>.json`` lists every structured fact the model produced on the labelled events
(its one-line description), each labelled correct or wrong by reading the articles. A wrong fact the
checker flags (anything but supported) is a true positive; a correct fact it passes is a true
negative. Balanced accuracy is the mean of the two rates, per fact type and overall.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import InputError
from ..facts.registry import spec_for
from ..grounding.checker import GroundingReport, Verdict
from ..schema import EventSummary


class Label(BaseModel):
    event: str
    kind: str
    fact: str                     # spec.describe(fact): how the fact is recognised in a replay
    correct: bool
    reason: str = ""


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


def score_labels(labels: list[Label], results: dict[str, tuple[EventSummary, GroundingReport]]) -> dict[str, Any]:
    """The checker's verdicts on the labelled facts of the replayed events. Facts of a replay that no
    label names (a re-recording changed them) are listed: label them again."""
    by_key = {(label.event, label.kind, label.fact): label for label in labels}
    pairs: dict[str, list[tuple[bool, bool]]] = {}
    unlabelled, missed = [], []
    labelled_events = {label.event for label in labels}
    for event, (summary, report) in results.items():
        if event not in labelled_events:
            continue
        verdicts = {(f.kind, f.index): f.verdict for f in report.facts}
        for kind, index, fact in summary.facts():
            if kind not in {label.kind for label in labels}:
                continue
            label = by_key.get((event, kind, spec_for(kind).describe(fact)))
            if label is None:
                unlabelled.append(f"{event}: {kind}: {spec_for(kind).describe(fact)}")
                continue
            flagged = verdicts[(kind, index)] != Verdict.supported
            pairs.setdefault(kind, []).append((label.correct, flagged))
            if not label.correct and not flagged:
                missed.append(f"{event}: {kind}: {label.fact} ({label.reason})")
    every = [pair for kind_pairs in pairs.values() for pair in kind_pairs]
    return {"all": _rates(every), "by_type": {kind: _rates(p) for kind, p in pairs.items()},
            "missed": missed, "unlabelled": unlabelled}
