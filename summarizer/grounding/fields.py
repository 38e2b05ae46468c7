"""Field checks shared by every fact type: evidence spans and the support they give to names,
places, dates and free text. Fact-type checks live with their fact type (:mod:`summarizer.facts`).

A field is checked against the aligned evidence spans of its own fact only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from ..articles import Article
from ..schema import DateRef
from ..text.align import normalise
from ..text.dates import find_dates, same_date
from ..text.names import NameMatch, country_of, find_mentions, match_names


class Verdict(str, Enum):
    supported = "supported"
    unsupported = "unsupported"
    contradicted = "contradicted"


VERDICT_RANK = {Verdict.supported: 0, Verdict.unsupported: 1, Verdict.contradicted: 2}


class Span(BaseModel):
    article_id: str
    start: int
    end: int


class FieldCheck(BaseModel):
    verdict: Verdict
    reason: str
    value: Any = None
    spans: list[Span] = Field(default_factory=list)
    note: str | None = None


class Support:
    """The aligned evidence spans of one fact, with their normalised text and name mentions cached."""

    def __init__(self, spans: list[tuple[Article, int, int]]):
        self.spans = spans
        self._texts = [(a, s, e, a.text[s:e]) for a, s, e in spans]
        self._normalised = [normalise(t) for *_, t in self._texts]
        self._mentions: dict[int, list[Any]] = {}

    def texts(self) -> list[tuple[Article, int, int, str]]:
        return self._texts

    def normalised(self, i: int) -> str:
        return self._normalised[i]

    def mentions(self, i: int) -> list[Any]:
        if i not in self._mentions:
            article, start, end, _ = self._texts[i]
            self._mentions[i] = find_mentions(article.text, start, end)
        return self._mentions[i]

    def find_text(self, value: str) -> list[Span]:
        """Spans where ``value`` occurs (normalised comparison)."""
        needle = normalise(value)
        if not needle:
            return []
        return [Span(article_id=a.id, start=s, end=e) for (a, s, e, _), text in zip(self._texts, self._normalised)
                if needle in text]


def field(verdict: Verdict, reason: str, value: Any, spans: list[Span] | None = None,
          note: str | None = None) -> FieldCheck:
    """A field verdict with its reason and the spans that decided it."""
    return FieldCheck(verdict=verdict, reason=reason, value=value, spans=spans or [], note=note)


def check_name(value: str, support: Support) -> FieldCheck:
    """A person, organisation or place named in the evidence (aliases, titles, demonyms); other
    spellings of the same name in the evidence are noted as variants."""
    found: FieldCheck | None = None
    variants: dict[str, Span] = {}
    country = country_of(value)
    needle = normalise(value)
    for i, (article, start, end, text) in enumerate(support.texts()):
        if found is None and needle in support.normalised(i):
            found = field(Verdict.supported, "named in the evidence", value,
                           [Span(article_id=article.id, start=start, end=end)])
        for mention in support.mentions(i):
            how = match_names(value, mention.name)
            span = Span(article_id=article.id, start=mention.start, end=mention.end)
            if how in (NameMatch.exact, NameMatch.alias) and found is None:
                found = field(Verdict.supported, f"named in the evidence as {mention.text!r}", value, [span])
            elif how == NameMatch.variant:
                variants.setdefault(mention.name, span)
        for word in re.finditer(r"\b[A-Z][a-z]+\b", text):
            if found is None and word.group(0) != country and country_of(word.group(0)) == country:
                found = field(Verdict.supported, f"named in the evidence as {word.group(0)!r}", value,
                               [Span(article_id=article.id, start=start + word.start(), end=start + word.end())])
    note = f"spelling variant: {value} / {' / '.join(variants)}" if variants else None
    if found is not None:
        return found.model_copy(update={"note": note})
    if variants:
        return field(Verdict.supported, f"named in the evidence with another spelling ({next(iter(variants))!r})",
                      value, list(variants.values()), note=note)
    return field(Verdict.unsupported, "not named in the evidence", value)


PLACE_CUE = re.compile(r"\b(?:in|at|to|visit|visiting|visited|arrived in|from)\s+(?:the\s+)?$", re.IGNORECASE)


def check_place(value: str, support: Support) -> FieldCheck:
    """A place named in the evidence *as a place* ("in Moscow", "at the Kremlin", "visit Russia")."""
    named = check_name(value, support)
    if named.verdict != Verdict.supported:
        return named
    needle = normalise(value)
    for i, (article, start, end, text) in enumerate(support.texts()):
        folded = support.normalised(i)
        for hit in re.finditer(re.escape(needle), folded):
            if PLACE_CUE.search(folded[max(0, hit.start() - 20):hit.start()]):
                return field(Verdict.supported, f"'{folded[max(0, hit.start() - 12):hit.end()].strip()}' in the "
                                                 "evidence", value, [Span(article_id=article.id, start=start, end=end)])
    return field(Verdict.unsupported, f"{value} is named in the evidence, but not as the place", value, named.spans)


def check_date(value: DateRef, support: Support) -> FieldCheck:
    """The date phrase is in the evidence and resolves (against the article's date) to the ISO value."""
    other: list[str] = []
    for article, start, end, _ in support.texts():
        for found in find_dates(article.text, article.published, start, end):
            matches_text = normalise(found.text) == normalise(value.text) or normalise(value.text) in normalise(
                found.text)
            if value.iso is None and matches_text:
                return field(Verdict.supported, f"{found.text!r} in the evidence", value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and found.iso and same_date(found.iso, value.iso) and len(found.iso) >= len(value.iso):
                return field(Verdict.supported, f"{found.text!r} resolves to {found.iso}", value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and matches_text and found.iso and not same_date(found.iso, value.iso):
                return field(Verdict.contradicted, f"{found.text!r} resolves to {found.iso}, not {value.iso}",
                              value.model_dump(), [Span(article_id=article.id, start=found.start, end=found.end)])
            if found.iso:
                other.append(f"{found.text!r}={found.iso}")
    if value.iso and other and not support.find_text(value.text):
        return field(Verdict.contradicted, f"the evidence dates it {', '.join(other)}, not {value.iso}",
                      value.model_dump())
    if value.iso is None and support.find_text(value.text):
        return field(Verdict.supported, f"{value.text!r} in the evidence", value.model_dump(),
                      support.find_text(value.text))
    return field(Verdict.unsupported, f"no date in the evidence gives {value.iso or value.text!r}",
                  value.model_dump())


def check_words(value: str, support: Support, what: str, min_ratio: float = 0.75) -> FieldCheck:
    """Free text (metric, subject, qualifier): present as written, or most of its words are."""
    spans = support.find_text(value)
    if spans:
        return field(Verdict.supported, f"{what} as written in the evidence", value, spans)
    words = [w for w in re.findall(r"\w+", value.lower()) if len(w) > 2]
    for article, start, end, text in support.texts():
        text_words = set(re.findall(r"\w+", normalise(text)))
        if words and sum(w in text_words for w in words) / len(words) >= min_ratio:
            return field(Verdict.supported, f"{what}: its words are in the evidence", value,
                          [Span(article_id=article.id, start=start, end=end)])
    return field(Verdict.unsupported, f"{what} not in the evidence", value)


Check = Callable[[], FieldCheck]


class Rules:
    """The (field name, check) pairs of one fact, in display order; each check runs when called."""

    def __init__(self, support: Support):
        self.support = support
        self.items: list[tuple[str, Check]] = []

    def add(self, name: str, check: Check) -> None:
        self.items.append((name, check))

    def name(self, name: str, value: str | None) -> None:
        if value:
            self.add(name, lambda: check_name(value, self.support))

    def place(self, name: str, value: str | None) -> None:
        if value:
            self.add(name, lambda: check_place(value, self.support))

    def date(self, name: str, value: DateRef | None) -> None:
        if value:
            self.add(name, lambda: check_date(value, self.support))

    def words(self, name: str, value: str | None, what: str, ratio: float = 0.75) -> None:
        if value:
            self.add(name, lambda: check_words(value, self.support, what, ratio))
