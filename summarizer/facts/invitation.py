"""Invitations: who invited whom, where to and when, and who passed the invitation on."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from pydantic import create_model

from ..extract.tasks import (
    NONE,
    PassageContext,
    Task,
    choice,
    date_ref,
    listing,
    optional,
)
from ..grounding.fields import FieldCheck, Rules, Span, Support, Verdict, field, in_context
from ..schema import Fact, Invitation
from ..text.countries import country_code_of_place
from ..text.names import same_entity, same_name
from ..text.roles import received_from_a_relative, verb_between
from .merge import better_date, fuller
from .registry import FactSpec, register

_INVITE_TO = re.compile(r"\b(?:invit(?:ed|es|e|ing)|invitation to|pass(?:ed)? on to|convey(?:ed)? to|"
                        r"handed over to|extended an invitation to"
                        # "asked Lee to visit Tashkent": asking someone to come is inviting them
                        r"|(?:asked|urged)(?=\s+(?:[\w'’-]+\s+){1,4}to\s+(?:visit|attend|come)\b))\s+",
                        re.IGNORECASE)
_INVITED_BY = re.compile(r"\binvit(?:ed|ation)\s+(?:\w+\s+){0,3}?by\s+|\binvitation\s+from\s+(?:the\s+)?",
                         re.IGNORECASE)
_INVITATION = re.compile(r"\binvitations?\b", re.IGNORECASE)
# "an invitation for Leo to visit Lebanon": the one named between "for" and "to" is invited
_INVITATION_FOR = re.compile(r"\binvitations?\s+for\s+", re.IGNORECASE)
_TO = re.compile(r"\s+to\b", re.IGNORECASE)
# The inviter named before the invitation: "thanked Lula for his invitation", "accepted Lula's invitation".
_THANKED_FOR = re.compile(r"\bthank(?:ed|s|ing)?\s+(?P<agent>[^.;]{1,60}?)\s+for\s+(?:his|her|their|its|the)\s+"
                          r"(?:\w+\s+)?invitation\b", re.IGNORECASE)
_OWN_INVITATION = re.compile(r"['’]s?\s+(?:\w+\s+)?invitation\b", re.IGNORECASE)
# The one invited named before the invitation: "Ruto accepted an invitation to visit Chile".
_ACCEPTED = re.compile(r"\s+(?:has\s+|had\s+)?(?:accepted|accepts|took up|declined)\s+(?:an|the|a)\s+(?:\w+\s+)?invitation\b",
                       re.IGNORECASE)


def check_invitation_direction(fact: Invitation, support: Support) -> FieldCheck:
    """The invitee is the one invited (after 'invited', 'invitation to', 'pass on to'), not the inviter."""
    for i, (article, start, end, text) in enumerate(support.texts()):
        mentions = support.mentions(i)
        recipients, agents = [], []
        for cue in _INVITE_TO.finditer(text):
            after = [m for m in mentions if 0 <= m.start - (start + cue.end()) <= 25]
            # "an invitation to visit Chile", "invited to attend the summit in Lima": a place, not whom
            if after and not verb_between(article.text, start + cue.end(), after[0].start):
                recipients.append(after[0].name)
        recipients += [m.name for m in mentions if start <= m.end <= end and _ACCEPTED.match(article.text, m.end)]
        recipients += [m.name for cue in _INVITATION_FOR.finditer(text) for m in mentions
                       if m.start == start + cue.end() and _TO.match(article.text, m.end)]
        # "Kagame received Al-Khulaifi, who delivered an invitation from the emir": Kagame, never the bearer
        relayed = [m.name for a, b in received_from_a_relative(article.text, start, end, _INVITATION)
                   for m in mentions if a <= m.start and m.end <= b]
        recipients += relayed
        for cue in _INVITED_BY.finditer(text):
            after = [m for m in mentions if 0 <= m.start - (start + cue.end()) <= 25]
            if after:
                agents.append(after[0].name)
        for cue in _THANKED_FOR.finditer(text):
            agents += [m.name for m in mentions if start + cue.start("agent") <= m.start < start + cue.end("agent")][:1]
        for cue in _OWN_INVITATION.finditer(text):
            agents += [m.name for m in mentions if 0 <= start + cue.start() - m.end <= 1]
        span = Span(article_id=article.id, start=start, end=end)
        invitee_received = any(same_entity(fact.invitee, r) for r in recipients)
        inviter_received = any(same_entity(fact.inviter, r) for r in recipients)
        if any(same_entity(fact.invitee, a) for a in agents):
            return field(Verdict.contradicted, f"the evidence says {fact.invitee} invited, not was invited",
                          "direction", [span])
        if invitee_received and not inviter_received:
            return field(Verdict.supported, f"{fact.invitee} is the one invited", "direction", [span])
        if inviter_received and not invitee_received:
            return field(Verdict.contradicted, f"the evidence has {fact.inviter} as the one invited: "
                                                "inviter and invitee are swapped", "direction", [span])
        inviter_invites = any(same_entity(fact.inviter, a) for a in agents)
        invitee_named = any(same_entity(fact.invitee, m.name) for m in mentions)
        if inviter_invites and invitee_named and not inviter_received and not relayed:
            return field(Verdict.supported, f"the invitation is {fact.inviter}'s and {fact.invitee} is named "
                                            "with it", "direction", [span])
    return field(Verdict.unsupported, "the evidence does not say who was invited", "direction")


def plan(ctx: PassageContext) -> Task | None:
    """Who invited whom, where to and when: asked when the passage names two people."""
    passage, cand, evidence, date_texts = ctx.passage, ctx.candidates, ctx.evidence, ctx.date_texts
    if len(cand.people) < 2:
        return None
    people = choice(cand.people + [NONE])
    model = create_model(
        "InvitationAnswer",
        inviter=(people, ...), invitee=(people, ...),
        destination=(choice(cand.places + [NONE]), ...), timeframe=(choice(date_texts + [NONE]), ...),
        conveyed_via=(choice(cand.people + [NONE]), ...),
    )

    def build(answer: Any) -> Fact | None:
        if NONE in (answer.inviter, answer.invitee) or same_entity(answer.inviter, answer.invitee):
            return None
        return Invitation(inviter=answer.inviter, invitee=answer.invitee, destination=optional(answer.destination),
                          timeframe=date_ref(answer.timeframe, cand.dates),
                          conveyed_via=optional(answer.conveyed_via), evidence=evidence)

    return Task("invitations", "invitation", {"sentence": passage.shown, "people": listing(cand.people),
                                              "places": listing(cand.places), "dates": listing(date_texts)},
                model, build)


def rules(fact: Invitation, out: Rules) -> None:
    out.name("inviter", fact.inviter, relation=True)
    out.name("invitee", fact.invitee, relation=True)
    # who was invited is a relation: stated in the quote's own sentence ("Kagame received Al-Khulaifi, who delivered
    # an invitation from the emir" when the quote starts at "who")
    out.add("direction", lambda: in_context(partial(check_invitation_direction, fact), out.support, relation=True))
    out.place("destination", fact.destination)
    out.date("timeframe", fact.timeframe)
    if fact.conveyed_via and (same_entity(fact.conveyed_via, fact.inviter) or same_entity(fact.conveyed_via,
                                                                                            fact.invitee)):
        out.add("conveyed_via", lambda: field(Verdict.contradicted, f"{fact.conveyed_via} is inviter or invitee, "
                                              "not the one who passed the invitation on", fact.conveyed_via))
    else:
        out.name("conveyed_via", fact.conveyed_via, relation=True)


def describe(fact: Invitation) -> str:
    to = f" to {fact.destination}" if fact.destination else ""
    when = f" ({fact.timeframe.text}{' = ' + fact.timeframe.iso if fact.timeframe.iso else ''})" \
        if fact.timeframe else ""
    via = f", via {fact.conveyed_via}" if fact.conveyed_via else ""
    return f"{fact.inviter} invited {fact.invitee}{to}{when}{via}"


def same_fact(a: Invitation, b: Invitation) -> bool:
    return same_entity(a.inviter, b.inviter) and same_entity(a.invitee, b.invitee)


def absorb(into: Invitation, other: Invitation) -> None:
    into.inviter = fuller(into.inviter, other.inviter) or into.inviter
    into.invitee = fuller(into.invitee, other.invitee) or into.invitee
    into.destination = into.destination or other.destination
    into.timeframe = better_date(into.timeframe, other.timeframe)
    into.conveyed_via = into.conveyed_via or other.conveyed_via


def sentence(fact: Invitation) -> str:
    to = f" to {fact.destination}" if fact.destination else ""
    when = f" ({fact.timeframe.text})" if fact.timeframe else ""
    return f"{fact.inviter} invited {fact.invitee}{to}{when}."


def headline(fact: Invitation) -> str:
    return f"{fact.inviter} invites {fact.invitee}" + (f" to {fact.destination}" if fact.destination else "")


def match(pred: Invitation, gold: Invitation) -> bool:
    """Evals: the same inviter and invitee, and no two destinations that differ."""
    places_differ = pred.destination and gold.destination and not same_name(pred.destination, gold.destination) \
        and country_code_of_place(pred.destination) != country_code_of_place(gold.destination)
    return same_name(pred.inviter, gold.inviter) and same_name(pred.invitee, gold.invitee) and not places_differ


def people(fact: Fact) -> list[str]:
    assert isinstance(fact, Invitation)
    return [n for n in (fact.inviter, fact.invitee, fact.conveyed_via) if n]


SPEC = register(FactSpec(
    kind="invitations", model=Invitation, label="Invitation", rules=rules, describe=describe,
    key_fields=("inviter", "invitee", "direction"), scored_fields=("inviter", "invitee", "destination", "timeframe"),
    plan=plan, same_fact=same_fact, absorb=absorb, people=people, sentence=sentence, narrative_limit=2,
    headline=headline, headline_rank=1, match=match,
))
