"""Per-passage extraction: deterministic candidates, then the model chooses among them.

For each candidate passage and fact type the model fills a small response model whose fields
are ``Literal`` choices of strings that occur in the passage (or "none"), so a grammar-
constrained local model cannot invent a name, figure or date. The evidence quote is the
passage itself, verbatim, so every fact is grounded by construction; the checker still
verifies that each chosen value is supported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, create_model, model_validator

from ..articles import Article
from ..schema import (
    Agreement,
    AgreementStatus,
    DateRef,
    Evidence,
    Fact,
    Invitation,
    Meeting,
    TradeFigure,
)
from ..text.align import unescape_quotes
from ..text.dates import FoundDate, find_dates
from ..text.money import Figure, find_figures
from ..text.names import DEMONYMS, Mention, find_mentions, same_entity
from ..text.passages import Passage
from . import prompts

NONE = "none"
_ORG_WORDS = re.compile(r"\b(?:Union|Ministry|Agency|Corridor|Route|Council|Organisation|Organization|"
                        r"Bank|Party|Forum|Programme|Program|Summit|Plant|Project|News|Kremlin|House|"
                        r"Park|Assembl\w*|Times|Community|Nations|Federation|Republic|Economic)\b")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|from|visit|visiting|near)\s+(?:the\s+)?)$", re.IGNORECASE)
_COUNTRIES = set(DEMONYMS.values())
_AGREEMENT_KIND = {
    "MoU": r"\bMoUs?\b|memorand\w+ of understanding", "protocol": r"\bprotocol\b",
    "FTA": r"free trade (?:agreement|area)|\bFTA\b", "amendment": r"\bamendments?\b",
    "joint statement": r"joint statement", "treaty": r"\btreaty\b", "agreement": r"\bagreements?\b",
    "documents": r"\bdocuments\b",
}
_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w’'-]*|two|three|several|some|nine|\d+|important|significant|bilateral|new|"
    r"the|a|an)\s+){0,6}"
    r"(?:Agreement|agreements?|Protocol|protocol|MoUs?|[Mm]emorand\w+(?: of [Uu]nderstanding)?|Treaty|treaty|"
    r"[Jj]oint [Ss]tatement|amendments?|documents|[Ff]ree [Tt]rade (?:[Aa]greement|[Aa]rea)|FTA|deal)"
    r"(?:\s+(?:on|for|of|between|related to|to|in the areas? of|with)\s+[^,.;:“”\"()]{3,90}?"
    r"(?=\s+(?:will|would|was|were|is|are|has|have|had|that|which|who|could|during|and another|at)\b"
    r"|[,.;:“”\"()]|$))?"
)
_METRICS = re.compile(r"\b(?:bilateral trade|trade turnover|trade volume|volume of bilateral trade|"
                      r"trade target|trade|turnover|exports?|imports?|investments?)\b", re.IGNORECASE)
_QUALIFIERS = re.compile(r"\b(?:crossed|exceeded|surpassed|reached|reaching|hit(?:ting)?|hits|target|goal|"
                         r"expected|expect|record|all-time high|more than|over|almost|nearly|about|around|"
                         r"up to|at least)\b", re.IGNORECASE)


@dataclass
class Candidates:
    """Strings of one passage that facts may be built from."""

    people: list[str]
    places: list[str]
    parties: list[str]
    dates: list[FoundDate]
    figures: list[Figure]
    mentions: list[Mention]


def person_names(article: Article) -> set[str]:
    """Words the article uses as (parts of) people's names: titled or multi-word mentions."""
    names: set[str] = set()
    for mention in find_mentions(article.text, article.body_start):
        words = mention.name.split()
        if mention.title or (len(words) >= 2 and not _ORG_WORDS.search(mention.name)
                             and mention.name not in _COUNTRIES):
            names.update(w for w in words if len(w) > 2)
    return names


def find_candidates(article: Article, passage: Passage, people_words: set[str] | None = None) -> Candidates:
    """People, places, parties, dates and figures in one passage."""
    text = article.text
    people_words = person_names(article) if people_words is None else people_words
    mentions = find_mentions(text, passage.start, passage.end)
    people: list[str] = []
    places: list[str] = []
    parties: list[str] = []
    for mention in mentions:
        name = unescape_quotes(mention.name)
        if not _grammar_safe(name):
            continue
        before = text[max(passage.start, mention.start - 12):mention.start]
        is_org = bool(_ORG_WORDS.search(name))
        after_preposition = bool(_PLACE_BEFORE.search(before))
        if name in _COUNTRIES or is_org:
            parties.append(name)
            if name in _COUNTRIES or after_preposition:
                places.append(name)
        elif mention.title or any(word in people_words for word in name.split()):
            people.append(name)
        else:
            places.append(name)
    for demonym, country in DEMONYMS.items():
        if re.search(rf"\b{re.escape(demonym)}\b", passage.text) and country not in parties:
            parties.append(country)
    return Candidates(_unique(people), _unique(places), _unique(parties),
                      find_dates(text, article.published, passage.start, passage.end),
                      find_figures(text, passage.start, passage.end), mentions)


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _grammar_safe(option: str) -> bool:
    """llama.cpp's server aborts on grammar enums holding a straight double quote or a backslash."""
    return '"' not in option and "\\" not in option and option.isprintable()


def _choice(options: list[str]) -> Any:
    return Literal[tuple(_unique(options))]  # type: ignore[misc]


def _listing(options: list[str]) -> str:
    return " | ".join(options) if options else NONE


def _opt(value: str) -> str | None:
    return None if value == NONE else value


def _date_ref(chosen: str, dates: list[FoundDate]) -> DateRef | None:
    found = next((d for d in dates if d.text == chosen), None)
    return DateRef(text=chosen, iso=found.iso) if found else None


def _distinct(first: str, second: str) -> dict[str, Any]:
    """A model validator (for create_model) rejecting the same person in two fields."""
    def check(answer: Any) -> Any:
        a, b = getattr(answer, first), getattr(answer, second)
        if same_entity(a, b):
            raise ValueError(f"{a!r} and {b!r} are the same person; choose two different people")
        return answer

    return {"distinct": model_validator(mode="after")(check)}


@dataclass
class Task:
    """One model call: a prompt, a response model, and how to turn the answer into a fact."""

    kind: str
    template: str
    values: dict[str, str]
    response_model: type[BaseModel]
    build: Callable[[Any], Fact | None]


def plan_tasks(article: Article, passage: Passage, people_words: set[str] | None = None) -> list[Task]:
    """The model calls worth making for one passage (none when its candidates cannot make a fact)."""
    cand = find_candidates(article, passage, people_words)
    evidence = [Evidence(article_id=article.id, quote=passage.text)]
    date_texts = [d.text for d in cand.dates if _grammar_safe(d.text)]
    tasks = []
    if "invitations" in passage.kinds and len(cand.people) >= 2:
        tasks.append(_invitation_task(passage, cand, evidence, date_texts))
    if "meetings" in passage.kinds and len(cand.people) >= 2:
        tasks.append(_meeting_task(passage, cand, evidence, date_texts))
    if "agreements" in passage.kinds:
        subjects = _unique([re.sub(r"\s+", " ", m.group(0)).strip() for m in _SUBJECT.finditer(passage.shown)
                            if _grammar_safe(m.group(0))])
        if subjects:
            tasks.append(_agreement_task(passage, cand, evidence, date_texts, subjects))
    if "trade_figures" in passage.kinds and any(_grammar_safe(f.text) for f in cand.figures):
        tasks.append(_trade_task(passage, cand, evidence, date_texts))
    return tasks


def _invitation_task(passage: Passage, cand: Candidates, evidence: list[Evidence],
                     date_texts: list[str]) -> Task:
    people = _choice(cand.people)
    model = create_model(
        "InvitationAnswer",
        inviter=(people, ...), invitee=(people, ...),
        destination=(_choice(cand.places + [NONE]), ...), timeframe=(_choice(date_texts + [NONE]), ...),
        conveyed_via=(_choice(cand.people + [NONE]), ...),
        __validators__=_distinct("inviter", "invitee"),
    )

    def build(answer: Any) -> Fact:
        return Invitation(inviter=answer.inviter, invitee=answer.invitee, destination=_opt(answer.destination),
                          timeframe=_date_ref(answer.timeframe, cand.dates),
                          conveyed_via=_opt(answer.conveyed_via), evidence=evidence)

    return Task("invitations", "invitation", {"sentence": passage.shown, "people": _listing(cand.people),
                                              "places": _listing(cand.places), "dates": _listing(date_texts)},
                model, build)


def _meeting_task(passage: Passage, cand: Candidates, evidence: list[Evidence], date_texts: list[str]) -> Task:
    people = _choice(cand.people)
    model = create_model(
        "MeetingAnswer",
        person_a=(people, ...), person_b=(people, ...),
        location=(_choice(cand.places + [NONE]), ...), date=(_choice(date_texts + [NONE]), ...),
        __validators__=_distinct("person_a", "person_b"),
    )

    def build(answer: Any) -> Fact:
        return Meeting(participants=[answer.person_a, answer.person_b], location=_opt(answer.location),
                       date=_date_ref(answer.date, cand.dates), evidence=evidence)

    return Task("meetings", "meeting", {"sentence": passage.shown, "people": _listing(cand.people),
                                        "places": _listing(cand.places), "dates": _listing(date_texts)},
                model, build)


def _agreement_task(passage: Passage, cand: Candidates, evidence: list[Evidence], date_texts: list[str],
                    subjects: list[str]) -> Task:
    kinds = [kind for kind, pattern in _AGREEMENT_KIND.items() if re.search(pattern, passage.shown, re.I)]
    parties = cand.parties + [p for p in cand.people if p not in cand.parties]
    model = create_model(
        "AgreementAnswer",
        subject=(_choice(subjects), ...), kind=(_choice(kinds or ["agreement"]), ...),
        status=(_choice([s.value for s in AgreementStatus]), ...),
        party_a=(_choice(parties + [NONE]), ...), party_b=(_choice(parties + [NONE]), ...),
        date=(_choice(date_texts + [NONE]), ...),
    )

    def build(answer: Any) -> Fact:
        chosen = [p for p in (answer.party_a, answer.party_b) if p != NONE]
        return Agreement(subject=answer.subject, kind=answer.kind, status=AgreementStatus(answer.status),
                         parties=_unique(chosen), date=_date_ref(answer.date, cand.dates), evidence=evidence)

    return Task("agreements", "agreement", {"sentence": passage.shown, "subjects": _listing(subjects),
                                            "parties": _listing(parties), "kinds": _listing(kinds),
                                            "dates": _listing(date_texts)}, model, build)


def _trade_task(passage: Passage, cand: Candidates, evidence: list[Evidence], date_texts: list[str]) -> Task:
    money = [f for f in cand.figures if not f.percent]
    growth = [f.text for f in cand.figures if f.percent]
    metrics = _unique([m.group(0) for m in _METRICS.finditer(passage.shown)]) or ["trade"]
    qualifiers = _unique([m.group(0) for m in _QUALIFIERS.finditer(passage.shown)])
    figures = [f.text for f in (money or cand.figures) if _grammar_safe(f.text)]
    model = create_model(
        "TradeAnswer",
        figure=(_choice(figures), ...), metric=(_choice(metrics), ...),
        qualifier=(_choice(qualifiers + [NONE]), ...), period=(_choice(date_texts + [NONE]), ...),
        growth=(_choice(growth + [NONE]), ...),
    )

    def build(answer: Any) -> Fact | None:
        figure = next(f for f in cand.figures if f.text == answer.figure)
        if figure.percent:
            return None
        return TradeFigure(metric=answer.metric, value=figure.value, scale=figure.scale, currency=figure.currency,
                           period=_date_ref(answer.period, cand.dates), qualifier=_opt(answer.qualifier),
                           growth=_opt(answer.growth), evidence=evidence)

    return Task("trade_figures", "trade", {"sentence": passage.shown, "figures": _listing(figures),
                                           "metrics": _listing(metrics), "qualifiers": _listing(qualifiers),
                                           "dates": _listing(date_texts)}, model, build)


def messages_for(task: Task) -> list[dict[str, str]]:
    """The chat messages for one task: a single user turn (Gemma's template drops system turns)."""
    return [{"role": "user", "content": prompts.render(task.template, **task.values)}]
