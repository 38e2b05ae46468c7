"""Topics: subjects named in at least two passages, collected deterministically (no model call)."""

from __future__ import annotations

from ..grounding.fields import FieldCheck, Rules, Span, Support, Verdict, field
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


def check_topic(fact: Topic, support: Support) -> FieldCheck:
    """A topic of the lexicon is supported by any of its words ("defence" by "military")."""
    for article, start, end, text in support.texts():
        hit = TOPICS[fact.name].search(text)
        if hit:
            return field(Verdict.supported, f"{hit.group(0)!r} in the evidence", fact.name,
                         [Span(article_id=article.id, start=start, end=end)])
    return field(Verdict.unsupported, "topic not in the evidence", fact.name)


def rules(fact: Topic, out: Rules) -> None:
    if fact.name in TOPICS:
        out.add("name", lambda: check_topic(fact, out.support))
    else:
        out.words("name", fact.name, "topic", 0.5)


SPEC = register(FactSpec(kind="topics", model=Topic, label="Topic", rules=rules, describe=lambda fact: fact.name,
                         key_fields=("name",)))
