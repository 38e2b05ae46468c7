"""Topics: subjects named in at least two passages, collected deterministically (no model call)."""

from __future__ import annotations

from ..grounding.fields import Rules
from ..schema import Evidence, Topic
from ..text import lexicon
from ..text.passages import Passage
from .registry import FactSpec, register

TOPICS = lexicon.table("topics")


def collect_topics(passages: list[Passage], min_passages: int = 2) -> list[Topic]:
    """Topics named in at least ``min_passages`` passages, each with up to three supporting sentences."""
    topics = []
    for name, pattern in TOPICS.items():
        hits = [p for p in passages if pattern.search(p.shown)]
        if len(hits) >= min_passages:
            topics.append(Topic(name=name, evidence=[Evidence(article_id=p.article_id, quote=p.text)
                                                     for p in hits[:3]]))
    return topics


def rules(fact: Topic, rules: Rules) -> None:
    rules.words("name", fact.name, "topic", 0.5)


SPEC = register(FactSpec(kind="topics", model=Topic, label="Topic", rules=rules, describe=lambda fact: fact.name,
                         key_fields=("name",)))
