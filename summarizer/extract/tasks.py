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

from pydantic import BaseModel, model_validator

from ..articles import Article
from ..schema import DateRef, Evidence, Fact
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


@dataclass
class Task:
    """One model call: a prompt, a response model, and how to turn the answer into a fact."""

    kind: str
    template: str
    values: dict[str, str]
    response_model: type[BaseModel]
    build: Callable[[Any], Fact | None]


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
        if not grammar_safe(name):
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
    return Candidates(unique(people), unique(places), unique(parties),
                      find_dates(text, article.published, passage.start, passage.end),
                      find_figures(text, passage.start, passage.end), mentions)


def passage_context(article: Article, passage: Passage, people_words: set[str] | None = None) -> PassageContext:
    """The candidates of one passage, its verbatim evidence and the date phrases a model may choose."""
    cand = find_candidates(article, passage, people_words)
    return PassageContext(passage, cand, [Evidence(article_id=article.id, quote=passage.text)],
                          [d.text for d in cand.dates if grammar_safe(d.text)])


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


def distinct(first: str, second: str) -> dict[str, Any]:
    """A model validator (for create_model) rejecting the same person in two fields."""
    def check(answer: Any) -> Any:
        a, b = getattr(answer, first), getattr(answer, second)
        if same_entity(a, b):
            raise ValueError(f"{a!r} and {b!r} are the same person; choose two different people")
        return answer

    return {"distinct": model_validator(mode="after")(check)}


def messages_for(task: Task) -> list[dict[str, str]]:
    """The chat messages for one task: a single user turn (Gemma's template drops system turns)."""
    return [{"role": "user", "content": prompts.render(task.template, **task.values)}]
