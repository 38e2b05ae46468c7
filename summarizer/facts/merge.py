"""Merging per-passage facts into one event summary.

The same fact found in several passages (or articles) becomes one fact with all their evidence;
names are written in their fullest form seen. Participants and topics are collected
deterministically from the articles, each with the sentence that supports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz

from ..articles import Article
from ..schema import (
    Agreement,
    DateRef,
    EventSummary,
    Evidence,
    Fact,
    Invitation,
    Meeting,
    Participant,
    Topic,
    TradeFigure,
)
from ..text.money import same_amount
from ..text.names import find_mentions, name_tokens, same_entity
from ..text.passages import Passage

TOPICS = {
    "trade": r"\btrade\b", "energy": r"\benergy\b|\boil\b|\bhydrocarbons?\b", "nuclear energy": r"\bnuclear\b",
    "defence cooperation": r"\bmilitary\b|\bdefen[cs]e\b|\bweapon", "connectivity": r"\bconnectivity\b|\bcorridor\b",
    "Ukraine conflict": r"\bUkrain", "Gaza": r"\bGaza\b", "Indo-Pacific": r"\bIndo-Pacific\b",
    "Afghanistan": r"\bAfghanistan\b", "BRICS": r"\bBRICS\b", "SCO": r"\bSCO\b", "G20": r"\bG20\b",
    "investment": r"\binvestments?\b", "payment systems": r"\bpayment systems?\b",
    "sanctions": r"\bsanctions?\b", "finance": r"\bfinance\b|\bbanks?\b", "elections": r"\belections?\b",
    "consulates": r"\bconsulates?\b", "fertilizer": r"\bfertili[sz]ers?\b", "climate": r"\bclimate\b",
}


def _merge_evidence(target: Fact, source: Fact) -> None:
    for evidence in source.evidence:
        if evidence not in target.evidence:
            target.evidence.append(evidence)


def _fuller(a: str | None, b: str | None) -> str | None:
    """The longer of two names for the same thing (the fuller form), or whichever exists."""
    if not a or not b:
        return a or b
    return b if len(b) > len(a) else a


def _better_date(a: DateRef | None, b: DateRef | None) -> DateRef | None:
    if a is None or (a.iso is None and b is not None and b.iso is not None):
        return b
    if b is not None and a.iso and b.iso and len(b.iso) > len(a.iso) and b.iso.startswith(a.iso):
        return b
    return a


def _same_people(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(any(same_entity(x, y) for y in b) for x in a)


def merge_facts(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per distinct fact (facts of one type), evidence pooled."""
    merged: list[Fact] = []
    for fact in facts:
        twin = next((m for m in merged if _same_fact(m, fact)), None)
        if twin is None:
            merged.append(fact.model_copy(deep=True))
        else:
            _absorb(twin, fact)
    return merged


def _same_fact(a: Fact, b: Fact) -> bool:
    if isinstance(a, Invitation) and isinstance(b, Invitation):
        return same_entity(a.inviter, b.inviter) and same_entity(a.invitee, b.invitee)
    if isinstance(a, Meeting) and isinstance(b, Meeting):
        dates_clash = a.date and b.date and a.date.iso and b.date.iso and a.date.iso[:10] != b.date.iso[:10] \
            and len(a.date.iso) == len(b.date.iso) == 10
        return _same_people(a.participants, b.participants) and not dates_clash
    if isinstance(a, Agreement) and isinstance(b, Agreement):
        return a.status == b.status and fuzz.token_set_ratio(a.subject.lower(), b.subject.lower()) >= 85
    if isinstance(a, TradeFigure) and isinstance(b, TradeFigure):
        return same_amount(a.value, b.value) and a.scale == b.scale and a.currency == b.currency
    return False


def _absorb(into: Fact, other: Fact) -> None:
    _merge_evidence(into, other)
    if isinstance(into, Invitation) and isinstance(other, Invitation):
        into.inviter = _fuller(into.inviter, other.inviter) or into.inviter
        into.invitee = _fuller(into.invitee, other.invitee) or into.invitee
        into.destination = into.destination or other.destination
        into.timeframe = _better_date(into.timeframe, other.timeframe)
        into.conveyed_via = into.conveyed_via or other.conveyed_via
    elif isinstance(into, Meeting) and isinstance(other, Meeting):
        into.participants = [next((_fuller(x, y) for y in other.participants if same_entity(x, y)), x)
                             or x for x in into.participants]
        into.location = into.location or other.location
        into.date = _better_date(into.date, other.date)
    elif isinstance(into, Agreement) and isinstance(other, Agreement):
        into.parties = into.parties or other.parties
        into.date = _better_date(into.date, other.date)
    elif isinstance(into, TradeFigure) and isinstance(other, TradeFigure):
        into.period = _better_date(into.period, other.period)
        into.qualifier = into.qualifier or other.qualifier


def collect_participants(articles: list[Article], facts: list[Fact]) -> list[Participant]:
    """The people named in facts, with the title, country and spellings the articles give them."""
    named = []
    for fact in facts:
        if isinstance(fact, Meeting):
            named.extend(fact.participants)
        elif isinstance(fact, Invitation):
            named.extend(n for n in (fact.inviter, fact.invitee, fact.conveyed_via) if n)
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


def collect_topics(passages: list[Passage], min_passages: int = 2) -> list[Topic]:
    """Topics named in at least ``min_passages`` passages, each with up to three supporting sentences."""
    topics = []
    for name, pattern in TOPICS.items():
        hits = [p for p in passages if re.search(pattern, p.shown, re.IGNORECASE)]
        if len(hits) >= min_passages:
            topics.append(Topic(name=name, evidence=[Evidence(article_id=p.article_id, quote=p.text)
                                                     for p in hits[:3]]))
    return topics


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()


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

    meetings, invitations = chosen("meetings", 3), chosen("invitations", 2)
    agreements, figures = chosen("agreements", 3), chosen("trade_figures", 2)
    sentences = []
    for meeting in meetings:
        where = f" in {meeting.location}" if meeting.location else ""
        when = f" ({meeting.date.iso})" if meeting.date and meeting.date.iso else ""
        sentences.append(f"{meeting.participants[0]} met {' and '.join(meeting.participants[1:])}{where}{when}.")
    for invitation in invitations:
        to = f" to {invitation.destination}" if invitation.destination else ""
        when = f" ({invitation.timeframe.text})" if invitation.timeframe else ""
        sentences.append(f"{invitation.inviter} invited {invitation.invitee}{to}{when}.")
    for agreement in agreements:
        sentences.append(f"{agreement.subject[0].upper()}{agreement.subject[1:]}: {agreement.status.value}.")
    for figure in figures:
        amount = f"{figure.value:g} {figure.scale or ''} {figure.currency or ''}".replace("  ", " ").strip()
        sentences.append(f"{figure.metric[0].upper()}{figure.metric[1:]}: {amount}"
                         f"{' (' + figure.qualifier + ')' if figure.qualifier else ''}.")
    if invitations:
        first = invitations[0]
        title = f"{first.inviter} invites {first.invitee}" + (f" to {first.destination}" if first.destination else "")
    elif meetings:
        title = " meets ".join(meetings[0].participants[:2])
    elif agreements:
        title = agreements[0].subject
    else:
        title = "Event summary"
    return title, " ".join(sentences)
