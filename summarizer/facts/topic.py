"""Topics: subjects named in at least two passages, collected deterministically (no model call)."""

from __future__ import annotations

import re

from ..grounding.fields import Rules
from ..schema import Evidence, Topic
from ..text.passages import Passage
from .registry import FactSpec, register

TOPICS = {
    "trade": r"\btrade\b", "energy": r"\benergy\b|\boil\b|\bhydrocarbons?\b", "nuclear energy": r"\bnuclear\b",
    "defence cooperation": r"\bmilitary\b|\bdefen[cs]e\b|\bweapon", "connectivity": r"\bconnectivity\b|\bcorridor\b",
    "Ukraine conflict": r"\bUkrain", "Gaza": r"\bGaza\b", "Indo-Pacific": r"\bIndo-Pacific\b",
    "Afghanistan": r"\bAfghanistan\b", "BRICS": r"\bBRICS\b", "SCO": r"\bSCO\b", "G20": r"\bG20\b",
    "investment": r"\binvestments?\b", "payment systems": r"\bpayment systems?\b",
    "sanctions": r"\bsanctions?\b", "finance": r"\bfinance\b|\bbanks?\b", "elections": r"\belections?\b",
    "consulates": r"\bconsulates?\b", "fertilizer": r"\bfertili[sz]ers?\b", "climate": r"\bclimate\b",
}


def collect_topics(passages: list[Passage], min_passages: int = 2) -> list[Topic]:
    """Topics named in at least ``min_passages`` passages, each with up to three supporting sentences."""
    topics = []
    for name, pattern in TOPICS.items():
        hits = [p for p in passages if re.search(pattern, p.shown, re.IGNORECASE)]
        if len(hits) >= min_passages:
            topics.append(Topic(name=name, evidence=[Evidence(article_id=p.article_id, quote=p.text)
                                                     for p in hits[:3]]))
    return topics


def rules(fact: Topic, rules: Rules) -> None:
    rules.words("name", fact.name, "topic", 0.5)


SPEC = register(FactSpec(kind="topics", model=Topic, label="Topic", rules=rules, describe=lambda fact: fact.name,
                         key_fields=("name",)))
