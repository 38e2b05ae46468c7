"""The fact-type registry: one :class:`FactSpec` per fact type, registered by its own module.

A spec holds everything the rest of the package needs to know about a fact type: its schema
model, how the passage strategy asks for it, how each field is checked, how two facts of the
type are merged, how it is written in reports and narratives, and which fields the evals score.
Code elsewhere asks the registry; it never lists the fact types itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..grounding.fields import Rules
from ..schema import FACT_TYPES, Fact


def _nobody(fact: Any) -> list[str]:
    return []


@dataclass(frozen=True)
class FactSpec:
    """One fact type. Callables take facts of ``model``; optional ones are left out by types that
    are collected deterministically rather than asked of the model (participants, topics)."""

    kind: str                                          # the EventSummary list: "meetings"
    model: type[Fact]
    label: str                                         # "Meeting"
    rules: Callable[[Any, Rules], None]                # adds the field checks of one fact
    describe: Callable[[Any], str]                     # one line for reports
    key_fields: tuple[str, ...]                        # fields that identify the fact (corroboration)
    scored_fields: tuple[str, ...] = ()                # fields the evals score
    plan: Callable[[Any], Any] | None = None           # PassageContext -> Task | None (passage strategy)
    same_fact: Callable[[Any, Any], bool] | None = None    # merge key: two facts are one
    absorb: Callable[[Any, Any], None] | None = None       # fill a merged fact's fields from its twin
    people: Callable[[Any], list[str]] = _nobody       # names the fact makes participants of the event
    sentence: Callable[[Any], str] | None = None       # one narrative sentence
    narrative_limit: int = 0                           # at most this many facts in the narrative
    headline: Callable[[Any], str] | None = None       # a title, for the type that leads the title
    headline_rank: int = 99                            # lower leads
    match: Callable[[Any, Any], bool] | None = None    # evals: the two facts describe the same thing


SPECS: dict[str, FactSpec] = {}


def register(spec: FactSpec) -> FactSpec:
    """Add a fact type; its ``kind`` must be a list of :class:`~summarizer.schema.EventSummary`."""
    if spec.kind not in FACT_TYPES or FACT_TYPES[spec.kind] is not spec.model:
        raise ValueError(f"fact type {spec.kind!r} is not an EventSummary list of {spec.model.__name__}")
    SPECS[spec.kind] = spec
    return spec


def spec_for(kind: str) -> FactSpec:
    return SPECS[kind]


def specs() -> list[FactSpec]:
    """Every registered fact type, in the order of the summary's lists."""
    return [SPECS[kind] for kind in FACT_TYPES if kind in SPECS]
