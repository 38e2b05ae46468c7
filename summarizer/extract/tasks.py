"""What the passage strategy offers the model: the candidates of one passage, and the task
(prompt, response model, builder) that a fact type makes of them.

Every field of a response model is a ``Literal`` of strings found in the passage (or "none"),
so a grammar-constrained local model cannot invent a name, figure or date. The evidence quote
is the passage itself, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..articles import Article
from ..grounding.context import ESTIMATED
from ..schema import DateRef, Evidence, Fact
from ..text import countries, nlp
from ..text.align import unescape_quotes
from ..text.dates import FoundDate, find_dates
from ..text.money import Figure, find_figures
from ..text.names import (
    Mention,
    NameMatch,
    find_mentions,
    match_names,
    name_tokens,
    same_entity,
    same_name,
)
from ..text.passages import Passage
from . import prompts

NONE = "none"
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|from|visit|visiting|near)\s+(?:the\s+)?)$", re.IGNORECASE)


@dataclass
class Candidates:
    """Strings of one passage that facts may be built from."""

    people: list[str]
    places: list[str]
    parties: list[str]
    dates: list[FoundDate]
    figures: list[Figure]
    mentions: list[Mention]


@dataclass
class PassageContext:
    """What a fact type's planner sees of one passage."""

    passage: Passage
    candidates: Candidates
    evidence: list[Evidence]
    date_texts: list[str]
    article: Article                  # the whole article (passage offsets index its text)


@dataclass
class Task:
    """One model call: a prompt, a response model, and how to turn the answer into a fact."""

    kind: str
    template: str
    values: dict[str, str]
    response_model: type[BaseModel]
    build: Callable[[Any], Fact | None]


def person_names(article: Article) -> set[str]:
    """Names the article uses for people: what the NLP pipeline tags as a person anywhere in it,
    and titled mentions ("Prime Minister X")."""
    names = {e.text for e in nlp.entities(article.text) if e.label == nlp.PERSON}
    names.update(m.name for m in find_mentions(article.text, article.body_start) if m.title)
    return names


def _is_person(name: str, people: set[str]) -> bool:
    return name in people or any(same_entity(name, known) for known in people)


def find_candidates(article: Article, passage: Passage, people: set[str] | None = None) -> Candidates:
    """People, places, parties, dates and figures in one passage.

    Names come from the title-aware mention finder and from the NLP pipeline's entities; a name
    is a person when it has a title or the article uses it for a person, a place when the
    pipeline tags it so here, a party when it is an organisation, a country or a nationality."""
    text = article.text
    people = person_names(article) if people is None else people
    mentions = find_mentions(text, passage.start, passage.end)
    entities = nlp.entities_in(text, passage.start, passage.end)
    person_entities = [e for e in entities if e.label == nlp.PERSON]
    found: list[str] = []
    places: list[str] = []
    parties: list[str] = []

    def add_place(name: str) -> None:
        places.append(name)
        if countries.country_name(name):  # a country is a place and a party
            parties.append(name)

    for mention in mentions:
        name = unescape_quotes(mention.name)
        if not grammar_safe(name):
            continue
        name_start = mention.end - len(mention.name)
        label = nlp.label_at(text, name_start, mention.end)
        wider = next((e for e in person_entities if e.start <= name_start and mention.end <= e.end
                      and e.end - e.start > len(mention.name)), None)
        if wider is not None:  # "Ursula von der Leyen", where capitalised runs give "Ursula" and "Leyen"
            name = unescape_quotes(wider.text)
        if mention.title or (label in (None, nlp.PERSON, nlp.ORG) and _is_person(name, people)):
            found.append(name)  # a lone surname the pipeline calls an organisation, used elsewhere for a person
        elif label in nlp.PLACE_LABELS:
            add_place(name)
        elif label == nlp.ORG:
            parties.append(name)
            if _PLACE_BEFORE.search(text[max(passage.start, mention.start - 12):mention.start]):
                places.append(name)
    for entity in entities:
        name = unescape_quotes(entity.text)
        if not grammar_safe(name):
            continue
        if entity.label == nlp.PERSON and not any(same_entity(name, p) for p in found):
            found.append(name)
        elif entity.label == nlp.NORP and (country := countries.country_of_demonym(name)):
            parties.append(country)
        elif entity.label in nlp.PLACE_LABELS and name not in places:
            add_place(name)
        elif entity.label == nlp.ORG and name not in parties and not _is_person(name, people):
            parties.append(name)
    if len(found) == 1:  # the small model often tags a lone surname as an organisation ("Biden accepted ...")
        found += [p for p in parties if nlp.label_at(text, *_span_of(text, p, passage)) == nlp.ORG
                  and not countries.country_name(p) and p not in found]
    return Candidates(_one_form_each(found), unique(places), _one_party_each(parties),
                      find_dates(text, article.published, passage.start, passage.end,
                                 estimated=article.dated_from == ESTIMATED),
                      find_figures(text, passage.start, passage.end), mentions)


def _span_of(text: str, name: str, passage: Passage) -> tuple[int, int]:
    at = text.find(name, passage.start, passage.end)
    return (at, at + len(name)) if at >= 0 else (passage.start, passage.start)


def _same_person(a: str, b: str) -> bool:
    """One person: the same entity, or one name the first two words or more of the other ("Samia Suluhu"
    / "Samia Suluhu Hassan")."""
    if same_entity(a, b):
        return True
    short, long_ = sorted((name_tokens(a), name_tokens(b)), key=len)
    return len(short) >= 2 and long_[:len(short)] == short


def _one_form_each(people: list[str]) -> list[str]:
    """One name per person: the first form seen, or a fuller one ("Ruto", "William Ruto" -> the latter)."""
    kept: list[str] = []
    for name in people:
        twin = next((i for i, k in enumerate(kept) if _same_person(k, name)), None)
        if twin is None:
            kept.append(name)
        elif len(name_tokens(name)) > len(name_tokens(kept[twin])):
            kept[twin] = name
    return kept


def _one_party_each(parties: list[str]) -> list[str]:
    """One form per party, the first seen: "EU" after "European Union", "Kenya" after "Republic of Kenya"
    are the same side. Spelling variants stay apart ("Austria" is not "Australia")."""
    kept: list[str] = []
    for party in parties:
        if not any(same_name(k, party) and match_names(k, party) != NameMatch.variant for k in kept):
            kept.append(party)
    return kept


def passage_context(article: Article, passage: Passage, people_words: set[str] | None = None) -> PassageContext:
    """The candidates of one passage, its verbatim evidence and the date phrases a model may choose."""
    cand = find_candidates(article, passage, people_words)
    return PassageContext(passage, cand, [Evidence(article_id=article.id, quote=passage.text)],
                          [d.text for d in cand.dates if grammar_safe(d.text)], article)


def unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def grammar_safe(option: str) -> bool:
    """llama.cpp's server aborts on grammar enums holding a straight double quote or a backslash."""
    return '"' not in option and "\\" not in option and option.isprintable()


def choice(options: list[str]) -> Any:
    """A ``Literal`` type of the options, in order, without repeats."""
    return Literal[tuple(unique(options))]  # type: ignore[misc]


def listing(options: list[str]) -> str:
    """The options as the prompt lists them."""
    return " | ".join(options) if options else NONE


def optional(value: str) -> str | None:
    """None for the answer "none"."""
    return None if value == NONE else value


def date_ref(chosen: str, dates: list[FoundDate]) -> DateRef | None:
    """The DateRef of a chosen date phrase (None for "none")."""
    found = next((d for d in dates if d.text == chosen), None)
    return DateRef(text=chosen, iso=found.iso) if found else None


def messages_for(task: Task) -> list[dict[str, str]]:
    """The chat messages for one task: a single user turn (Gemma's template drops system turns)."""
    return [{"role": "user", "content": prompts.render(task.template, **task.values)}]


class FailedTask(BaseModel):
    """A passage the model could not turn into a valid fact (the run carried on without it)."""

    kind: str
    article_id: str
    start: int
    end: int
    error: str


class Reask(BaseModel):
    """A fact the checker did not support at first, asked about again with the checker's reasons."""

    kind: str
    article_id: str
    start: int
    end: int
    reasons: list[str]
    outcome: str = Field(description="the checker's verdict on the fact kept after re-asking")
