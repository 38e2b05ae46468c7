"""Merging per-passage facts into one event summary.

The same fact found in several passages (or articles) becomes one fact with all their evidence;
names are written in their fullest form seen. Which facts are the same, and how a merged fact
takes its twin's fields, is each fact type's own (:mod:`summarizer.facts.registry`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..schema import DateRef, EventSummary, Fact
from ..text.names import same_entity
from .registry import spec_for, specs


def fuller(a: str | None, b: str | None) -> str | None:
    """The longer of two names for the same thing (the fuller form), or whichever exists."""
    if not a or not b:
        return a or b
    return b if len(b) > len(a) else a


def better_date(a: DateRef | None, b: DateRef | None) -> DateRef | None:
    """The more precise of two dates for one fact (a resolved one over a phrase)."""
    if a is None or (a.iso is None and b is not None and b.iso is not None):
        return b
    if b is not None and a.iso and b.iso and len(b.iso) > len(a.iso) and b.iso.startswith(a.iso):
        return b
    return a


def same_people(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(any(same_entity(x, y) for y in b) for x in a)


def merge_facts(kind: str, facts: Iterable[Fact]) -> list[Fact]:
    """One fact per distinct fact (facts of one type), evidence pooled."""
    spec = spec_for(kind)
    merged: list[Fact] = []
    for fact in facts:
        twin = next((m for m in merged if spec.same_fact and spec.same_fact(m, fact)), None)
        if twin is None:
            merged.append(fact.model_copy(deep=True))
            continue
        for evidence in fact.evidence:
            if evidence not in twin.evidence:
                twin.evidence.append(evidence)
        if spec.absorb:
            spec.absorb(twin, fact)
    return merged


def title_and_narrative(summary: EventSummary,
                        publishable: dict[tuple[str, int], int] | None = None) -> tuple[str, str]:
    """A plain title and narrative written from the facts themselves (nothing the facts lack).

    ``publishable`` maps (fact list, index) of the facts that may be published (the checker's
    supported ones) to how many articles corroborate each; the best corroborated come first.
    Without it every fact may be used, ranked by its pieces of evidence."""
    def chosen(kind: str, limit: int) -> list[Any]:
        items = [(i, f) for i, f in enumerate(getattr(summary, kind))
                 if publishable is None or (kind, i) in publishable]
        items.sort(key=lambda item: -(publishable[(kind, item[0])] if publishable else len(item[1].evidence)))
        return [f for _, f in items[:limit]]

    told = [(spec, chosen(spec.kind, spec.narrative_limit)) for spec in specs() if spec.sentence]
    sentences = [spec.sentence(fact) for spec, facts in told for fact in facts if spec.sentence]
    leads = sorted(((spec.headline_rank, spec, facts) for spec, facts in told if spec.headline and facts),
                   key=lambda item: item[0])
    title = leads[0][1].headline(leads[0][2][0]) if leads and leads[0][1].headline else "Event summary"
    return title, " ".join(sentences)
