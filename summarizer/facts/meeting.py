"""Meetings: who met whom, where and when."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from pydantic import create_model
from rapidfuzz import fuzz

from ..extract.tasks import (
    NONE,
    PassageContext,
    Task,
    choice,
    date_ref,
    listing,
    optional,
)
from ..grounding.context import dateline
from ..grounding.fields import (
    LOCATED_CUE,
    FieldCheck,
    Rules,
    Span,
    Support,
    Verdict,
    check_name,
    field,
    in_context,
)
from ..schema import Fact, Meeting
from ..text import lexicon
from ..text.align import normalise
from ..text.names import find_mentions, same_entity, same_name
from ..text.passages import CUES
from ..text.roles import Slot, inside_a_title, one_predicate_holds, predicate_slots
from .merge import better_date, fuller, same_people
from .registry import FactSpec, register

_MEET = lexicon.pattern("cues_meetings")
_TOGETHER = lexicon.pattern("joint_presence")  # "Scholz and Ruto witnessed the signing": a meeting too
# "Lula and Boric spoke by phone", "had a video call with", "agreed in a phone call": a meeting held at a distance
_REMOTE = re.compile(r"\b(?:(?:" + lexicon.alternation("remote_talk_verbs") + r")(?:\s+[\w-]+){0,2}?|(?:in|during|over)\s+"
                     r"(?:a|an|the|their|his|her)(?:\s+[\w-]+)?)\s+(?:" + lexicon.alternation("remote_meetings")
                     + r")\b", re.IGNORECASE)
_ATTENDED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:in attendance|were present|was present|also present|"
                             r"were also present)\b", re.IGNORECASE)
_ATTENDED_BEFORE = re.compile(r"\b(?:" + lexicon.alternation("presence_phrases") + r")\s+(?:\w+\s+){0,6}$",
                              re.IGNORECASE)
_MEETING_NAME = re.compile(r"\s*(?:meeting|summit|forum|conference|session)\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:told|said|says|reported|according to|stated)\b", re.IGNORECASE)


def _attends(text: str, start: int, end: int, span_start: int, span_end: int) -> bool:
    """Whether the name at text[start:end] is said to attend ("with X in attendance", "accompanied by X"),
    within the span it was found in."""
    return bool(_ATTENDED_AFTER.match(text, end, span_end) or
                _ATTENDED_BEFORE.search(text[max(span_start, start - 40):start]))


def check_meeting(fact: Meeting, support: Support) -> FieldCheck:
    """The participants around a meeting cue in one quote, or in the whole sentence it was cut from;
    or a meeting of "the two leaders" whose names the context gives."""
    found = _check_meeting(fact, support)
    if found is not None:
        return found
    missing = field(Verdict.unsupported, "no evidence sentence has both participants and a meeting",
                    fact.participants)
    sentence = support.tier("sentence")
    if sentence is None:
        return missing
    wider = _check_meeting(fact, sentence)
    if wider is not None:
        return wider if wider.verdict != Verdict.supported else wider.model_copy(
            update={"found_in": "sentence", "reason": f"{wider.reason} (sentence)"})
    if support.refers_back() and any(_MEET.search(text) for *_, text in support.texts()):
        named = [in_context(partial(check_name, p), support, relation=True) for p in fact.participants]
        if all(n.verdict == Verdict.supported for n in named):
            return field(Verdict.supported, "a meeting of the parties the evidence names collectively: "
                                            + "; ".join(f"{n.value}: {n.reason}" for n in named),
                         fact.participants, [span for n in named for span in n.spans]).model_copy(
                update={"found_in": next((n.found_in for n in named if n.found_in != "quote"), "quote")})
    return missing


def _check_meeting(fact: Meeting, support: Support) -> FieldCheck | None:
    """Both participants on either side of a meeting cue, the first not merely reporting it; None when
    no span has a meeting cue and every participant."""
    for i, (article, start, end, text) in enumerate(support.texts()):
        cued = [(m, c) for m in (_MEET, _TOGETHER, _REMOTE) if (c := m.search(text))]
        if not cued:
            continue
        mentions = support.mentions(i)
        named = [(p, [m for m in mentions if same_entity(p, m.name) or _by_title(p, m)]) for p in fact.participants]
        if any(not hits for _, hits in named):
            continue
        positions = [[(h.start, h.end) for h in hits] for _, hits in named]
        # the kind of meeting whose predicate has every participant ("watched ... sign" after "a meeting")
        holding = next(((m, c) for m, c in cued
                        if one_predicate_holds(_parties_of(m, article.text, start, end), positions)), None)
        meet, cue = holding or cued[0]
        held = holding is not None
        span = Span(article_id=article.id, start=start, end=end)
        opening = dateline(article)
        for participant, hits in named:
            if all(_MEETING_NAME.match(article.text, h.end) for h in hits):
                return field(Verdict.contradicted, f"{participant} names the meeting, not a participant",
                              fact.participants, [span])
            # every mention a place: after "in" or "at", or the dateline's ("KIGALI, June 3 - ... in Kigali")
            in_dateline = [bool(opening and opening[0] <= h.start < opening[1]) for h in hits]
            if all(d or LOCATED_CUE.search(normalise(article.text[max(start, h.start - 20):h.start]) + " ")
                   for d, h in zip(in_dateline, hits)):
                where = "the dateline's place" if all(in_dateline) else "named as a place"
                return field(Verdict.unsupported, f"{participant} is {where}, not a participant",
                             fact.participants, [span])
            if all(_attends(article.text, h.start, h.end, start, end) for h in hits):
                return field(Verdict.unsupported, f"{participant} attended; the evidence does not make them a "
                                                   "party to the meeting", fact.participants, [span])
        for participant, hits in named:
            title = next((t for h in hits if (t := inside_a_title(article.text, h.start, h.end))), None)
            if title and all(inside_a_title(article.text, h.start, h.end) for h in hits):
                return field(Verdict.unsupported, f"{participant} is part of the name {title!r}, not a person",
                             fact.participants, [span])
        if not held:
            reporter = _reporter(named, article.text, start + cue.start())
            if reporter:
                return field(Verdict.contradicted, f"{reporter} reports the meeting, not a participant",
                             fact.participants, [span])
            return field(Verdict.unsupported, "the participants are not the parties of one meeting in the evidence "
                                              "(subject, object or 'with' of the same meeting)", fact.participants,
                         [span])
        if not one_predicate_holds(_parties_of(meet, article.text, start, end, settled=True), positions):
            return field(Verdict.unsupported, "the evidence has this meeting still to come ('will meet'), not held",
                         fact.participants, [span])
        return field(Verdict.supported, "the participants are the parties of a meeting in the evidence",
                     fact.participants, [span])
    return None


def _by_title(value: str, mention: Any) -> bool:
    """``value`` is the title the mention writes before the name ("Communist Party General Secretary" for
    "Vietnamese Communist Party General Secretary To Lam"): it names that person."""
    if not mention.title or not normalise(value).endswith(normalise(mention.title)):
        return False
    return normalise(value) in normalise(mention.text[:len(mention.text) - len(mention.name)])


def _parties_of(meet: re.Pattern[str], text: str, start: int, end: int,
                settled: bool = False) -> Sequence[Sequence[Slot]]:
    """The argument slots of each meeting predicate; of an act done together ("witnessed the signing"),
    only those that do it (subjects, with-phrases), never what is watched ("the signing of a pact that
    Ramaphosa praised")."""
    slot_sets = predicate_slots(text, start, end, meet, settled=settled)
    if meet is _TOGETHER:
        return [[slot for slot in slots if slot.role != "object"] for slots in slot_sets]
    return slot_sets


def _reporter(named: list[tuple[str, list[Any]]], text: str, cue_at: int) -> str | None:
    """A participant named only before a meeting cue, with a speech verb between ("a spokeswoman told
    reporters Lula met Boric"): the one who tells of the meeting."""
    for participant, hits in named:
        if hits and all(h.end <= cue_at for h in hits):
            nearest = max(h.end for h in hits)
            if _SPEECH.search(text[nearest:cue_at]):
                return participant
    return None


def meeting_parties(ctx: PassageContext) -> list[str]:
    """The passage's people that are arguments of a meeting predicate in it and not said to attend it,
    when two of them are the parties of one meeting (what :func:`check_meeting` asks of a quote);
    else none. "Before seeing Lula, he met Boluarte" offers nobody: Lula is no argument, "he" no name;
    nor does "Lula and Boric will meet in May", a meeting still to come."""
    text, passage = ctx.article.text, ctx.passage
    slot_sets = predicate_slots(text, passage.start, passage.end, _MEET, settled=True)
    mentions = find_mentions(text, passage.start, passage.end)
    placed = []
    for person in ctx.candidates.people:
        hits = [(m.start, m.end) for m in mentions if same_entity(person, m.name)
                and not _attends(text, m.start, m.end, passage.start, passage.end)]
        if any(s.start <= a and b <= s.end for slots in slot_sets for s in slots for a, b in hits):
            placed.append((person, hits))
    pairs = [[a[1], b[1]] for i, a in enumerate(placed) for b in placed[i + 1:]]
    return [person for person, _ in placed] if any(one_predicate_holds(slot_sets, pair) for pair in pairs) else []


def plan(ctx: PassageContext) -> Task | None:
    """Which people met, where and when: asked when two of the passage's people are the parties of
    one meeting in it, with those people as the options. A third participant is asked for when
    there are three; any person may be "none"."""
    passage, cand, evidence, date_texts = ctx.passage, ctx.candidates, ctx.evidence, ctx.date_texts
    people = meeting_parties(ctx)
    if len(people) < 2:
        return None
    slots = ["person_a", "person_b"] + (["person_c"] if len(people) >= 3 else [])
    fields: dict[str, Any] = {slot: (choice(people + [NONE]), ...) for slot in slots}
    fields.update(location=(choice(cand.places + [NONE]), ...), date=(choice(date_texts + [NONE]), ...))
    model = create_model("MeetingAnswer", **fields)

    def build(answer: Any) -> Fact | None:
        people: list[str] = []
        for person in (getattr(answer, slot) for slot in slots):
            if person != NONE and not any(same_entity(person, p) for p in people):
                people.append(person)
        if len(people) < 2:  # the same person chosen twice, or "none": no meeting
            return None
        return Meeting(participants=people, location=optional(answer.location),
                       date=date_ref(answer.date, cand.dates), evidence=evidence)

    return Task("meetings", "meeting", {"sentence": passage.shown, "people": listing(people),
                                        "places": listing(cand.places), "dates": listing(date_texts)},
                model, build)


def rules(fact: Meeting, out: Rules) -> None:
    for i, person in enumerate(fact.participants):
        out.name(f"participants[{i}]", person, relation=True)
    out.add("participants", lambda: check_meeting(fact, out.support))
    # where and when the meeting was: not from an invitation's quote merged into the same fact
    # ("invited him to visit Durban next year")
    stated = Support([(a, s, e) for a, s, e, text in out.support.texts()
                      if _MEET.search(text) or not CUES["invitations"].search(text)]
                     or out.support.spans, with_context=out.support.with_context, people=out.support.people)
    at_meeting = Rules(stated)
    at_meeting.place("location", fact.location)
    at_meeting.date("date", fact.date, act=_MEET)
    out.items.extend(at_meeting.items)


def describe(fact: Meeting) -> str:
    where = f" in {fact.location}" if fact.location else ""
    when = f" on {fact.date.iso or fact.date.text}" if fact.date else ""
    return f"{' & '.join(fact.participants)}{where}{when}"


def same_fact(a: Meeting, b: Meeting) -> bool:
    """The same people, and no two full dates that differ."""
    dates_clash = a.date and b.date and a.date.iso and b.date.iso and a.date.iso[:10] != b.date.iso[:10] \
        and len(a.date.iso) == len(b.date.iso) == 10
    return same_people(a.participants, b.participants) and not dates_clash


def absorb(into: Meeting, other: Meeting) -> None:
    into.participants = [next((fuller(x, y) for y in other.participants if same_entity(x, y)), x)
                         or x for x in into.participants]
    into.location = into.location or other.location
    into.date = better_date(into.date, other.date)


def sentence(fact: Meeting) -> str:
    where = f" in {fact.location}" if fact.location else ""
    when = f" ({fact.date.iso})" if fact.date and fact.date.iso else ""
    return f"{fact.participants[0]} met {' and '.join(fact.participants[1:])}{where}{when}."


def match(pred: Meeting, gold: Meeting) -> bool:
    """Evals: the same participants (names as aliases, or near text)."""
    a, b = pred.participants, gold.participants
    return len(a) == len(b) and all(any(same_name(x, y) or fuzz.token_set_ratio(normalise(x), normalise(y)) >= 70
                                        for y in b) for x in a)


def people(fact: Fact) -> list[str]:
    assert isinstance(fact, Meeting)
    return list(fact.participants)


SPEC = register(FactSpec(
    kind="meetings", model=Meeting, label="Meeting", rules=rules, describe=describe,
    key_fields=("participants",), scored_fields=("participants", "location", "date"),
    plan=plan, same_fact=same_fact, absorb=absorb, people=people, sentence=sentence, narrative_limit=3,
    headline=lambda fact: " meets ".join(fact.participants[:2]), headline_rank=2, match=match,
))
