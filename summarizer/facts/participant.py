"""Participants: the people named in the event's facts, with title, country and spellings.

Collected deterministically from the articles (no model call): a titled mention of someone a
meeting or invitation names.
"""

from __future__ import annotations

import re

from ..articles import Article
from ..grounding.fields import FieldCheck, Rules, Span, Support, Verdict, field
from ..schema import Evidence, Fact, Participant
from ..text.align import normalise
from ..text.names import find_mentions, name_tokens, same_entity
from .registry import FactSpec, register, specs


def check_role(fact: Participant, support: Support) -> FieldCheck:
    """The role is given to this person in the evidence (title before the name)."""
    assert fact.role is not None
    role = normalise(fact.role)
    for article, start, end, _ in support.texts():
        for mention in find_mentions(article.text, start, end):
            if not same_entity(fact.name, mention.name):
                continue
            lead = normalise(article.text[max(start, mention.start - 80):mention.start])
            if (mention.title and normalise(mention.title) == role) or role in normalise(mention.text) \
                    or re.search(rf"{re.escape(role)}\b(?:(?!\b(?:and|met|meets|with|said|told|by)\b)[^.;]){{0,50}}$",
                                 lead):
                return field(Verdict.supported, f"called {fact.role!r} before {mention.name!r}", fact.role,
                              [Span(article_id=article.id, start=mention.start, end=mention.end)])
    return field(Verdict.unsupported, f"the evidence does not call {fact.name} {fact.role!r}", fact.role)


def rules(fact: Participant, rules: Rules) -> None:
    rules.name("name", fact.name)
    if fact.role:
        rules.add("role", lambda: check_role(fact, rules.support))
    rules.name("affiliation", fact.affiliation)


def describe(fact: Participant) -> str:
    extra = ", ".join(x for x in (fact.role, fact.affiliation) if x)
    aka = f" (also {', '.join(fact.aliases)})" if fact.aliases else ""
    return f"{fact.name}{' — ' + extra if extra else ''}{aka}"


def collect_participants(articles: list[Article], facts: list[Fact]) -> list[Participant]:
    """The people named in facts, with the title, country and spellings the articles give them."""
    named = [name for fact in facts for spec in specs() if isinstance(fact, spec.model)
             for name in spec.people(fact)]
    people: list[Participant] = []
    for article in articles:
        for mention in find_mentions(article.text, article.body_start):
            if not mention.title or not any(same_entity(mention.name, n) for n in named):
                continue
            quote = _sentence_around(article.text, mention.start, mention.end)
            existing = next((p for p in people if same_entity(p.name, mention.name)), None)
            if existing is None:
                people.append(Participant(name=mention.name, role=mention.title, affiliation=mention.country,
                                          evidence=[Evidence(article_id=article.id, quote=quote)]))
                continue
            if mention.name not in existing.aliases and mention.name != existing.name:
                existing.aliases.append(mention.name)
            if len(name_tokens(mention.name)) > len(name_tokens(existing.name)):
                existing.name = mention.name
            evidence = Evidence(article_id=article.id, quote=quote)
            if existing.affiliation is None and mention.country:
                existing.affiliation = mention.country  # keep the sentence that says it
                if evidence not in existing.evidence:
                    existing.evidence.append(evidence)
            if len(existing.evidence) < 3 and all(e.article_id != article.id for e in existing.evidence):
                existing.evidence.append(evidence)
    for person in people:
        person.aliases = [a for a in person.aliases if a != person.name]
    return people


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


SPEC = register(FactSpec(
    kind="participants", model=Participant, label="Participant", rules=rules, describe=describe,
    key_fields=("name",), scored_fields=("name", "role", "affiliation"),
    match=lambda pred, gold: same_entity(pred.name, gold.name),
))
