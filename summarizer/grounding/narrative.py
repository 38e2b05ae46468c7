"""The narrative read sentence by sentence: each claim must be carried by a supported fact.

A narrative sentence is carried when every name it mentions is a name in a supported fact (aliases,
country forms and acronyms as :func:`~summarizer.text.names.same_name` reads them) and every figure
it gives is a supported figure's amount. A sentence with a name or a figure no supported fact holds
is a claim the checker cannot stand behind: flagged, or cut under the strict policy.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..schema import EventSummary
from ..text.money import find_figures, same_amount, scaled
from ..text.names import find_mentions, same_name
from ..text.passages import sentence_spans


class NarrativeClaim(BaseModel):
    sentence: str
    supported: bool
    reason: str


def _values(fact: Any) -> tuple[list[str], list[float]]:
    """The names (every string field) and amounts of one fact."""
    names: list[str] = []
    amounts: list[float] = []
    for value in fact.model_dump(exclude={"evidence"}).values():
        if isinstance(value, str):
            names.append(value)
        elif isinstance(value, list):
            names.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            names.append(value["text"])
    if hasattr(fact, "value"):
        amounts.append(scaled(fact.value, getattr(fact, "scale", None)))
    return names, amounts


def check_narrative(summary: EventSummary, supported: set[tuple[str, int]]) -> list[NarrativeClaim]:
    """Each sentence of the narrative, carried or not by the facts in ``supported`` ((kind, index) pairs)."""
    names: list[str] = []
    amounts: list[float] = []
    for kind, index, fact in summary.facts():
        if (kind, index) in supported:
            fact_names, fact_amounts = _values(fact)
            names += fact_names
            amounts += fact_amounts
    words = " ".join(names).lower()
    claims = []
    narrative = summary.narrative
    for sentence in (narrative[start:end] for start, end in sentence_spans(narrative)):
        missing = [m.name for m in find_mentions(sentence) if not any(same_name(m.name, n) for n in names)
                   and m.name.lower() not in words]
        numbers = [f.text for f in find_figures(sentence) if not f.percent
                   and not any(same_amount(f.amount, a) for a in amounts)]
        if missing or numbers:
            reason = "no supported fact holds " + ", ".join(repr(x) for x in missing + numbers)
            claims.append(NarrativeClaim(sentence=sentence, supported=False, reason=reason))
        else:
            claims.append(NarrativeClaim(sentence=sentence, supported=True, reason="carried by supported facts"))
    return claims
