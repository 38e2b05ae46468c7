"""Field checks shared by every fact type: evidence spans and the support they give to names,
places, dates and free text. Fact-type checks live with their fact type (:mod:`summarizer.facts`).

A field is checked against the aligned evidence spans of its own fact only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from enum import Enum
from functools import lru_cache, partial
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ..articles import Article
from ..schema import DateRef
from ..text import lexicon, nlp
from ..text.acronyms import abbreviated_runs, expansions, spelled_both_ways
from ..text.align import normalise
from ..text.countries import (
    capital_of,
    country_code_of_place,
    country_code_of_region,
    country_name,
    demonyms,
    iso_code,
    words_inside_longer_names,
)
from ..text.dates import FUTURE, FoundDate, find_dates, same_date, years_spanned
from ..text.names import (
    NO_PEOPLE,
    NameMatch,
    TitledPeople,
    country_of,
    country_of_person,
    find_mentions,
    holds_an_office,
    is_title_words,
    match_names,
    pronoun_references,
    same_entity,
    same_name,
)
from ..text.roles import act_of, complement_of
from .context import (
    COLLECTIVE,
    COLLECTIVE_MEASURE,
    ESTIMATED,
    REFERS_BACK,
    WHERE,
    dateline,
    dateline_place,
    headline,
    regions,
)


class Verdict(str, Enum):
    supported = "supported"
    unsupported = "unsupported"
    contradicted = "contradicted"


VERDICT_RANK = {Verdict.supported: 0, Verdict.unsupported: 1, Verdict.contradicted: 2}


class Span(BaseModel):
    article_id: str
    start: int
    end: int
    where: str = Field(default="quote", description="quote, sentence, neighbours, headline, dateline or "
                                                    "publication date: where a reader finds it")


class FieldCheck(BaseModel):
    verdict: Verdict
    reason: str
    value: Any = None
    spans: list[Span] = Field(default_factory=list)
    note: str | None = None
    found_in: str = Field(default="quote", description="'quote', or the context that supplied the value "
                                                       "the quote leaves out")


class Support:
    """The aligned evidence spans of one fact, with their normalised text and name mentions cached."""

    def __init__(self, spans: list[tuple[Article, int, int]], with_context: bool = True,
                 origins: list[str] | None = None, people: TitledPeople = NO_PEOPLE):
        self.spans = spans
        self.with_context = with_context
        self.people = people  # the event's titled people, for "the French head of state" (titled_people)
        self._origin = origins or ["quote"] * len(spans)
        self._texts = [(a, s, e, a.text[s:e]) for a, s, e in spans]
        self._normalised = [normalise(t) for *_, t in self._texts]
        self._mentions: dict[int, list[Any]] = {}
        self._tiers: list[tuple[str, Support]] | None = None
        self._beyond: dict[str, Support | None] = {}

    def context(self) -> list[tuple[str, Support]]:
        """The context of the spans, tier by tier in reading order (none when quotes must stand alone).
        Each tier holds the spans of the tiers before it too: free text may be spread over them."""
        if self._tiers is None:
            by_where: dict[str, list[tuple[Article, int, int]]] = {}
            if self.with_context:
                for article, start, end in self.spans:
                    for region in regions(article, start, end):
                        by_where.setdefault(region.where, []).append((article, region.start, region.end))
            self._tiers = []
            seen, origins = list(self.spans), list(self._origin)
            for where in WHERE:
                for span in by_where.get(where, []):
                    if span not in seen:
                        seen.append(span)
                        origins.append(where)
                if where in by_where:
                    self._tiers.append((where, Support(list(seen), with_context=False, origins=list(origins),
                                                       people=self.people)))
        return self._tiers

    def tier(self, where: str) -> Support | None:
        """The support up to and including one tier of context ("sentence"), if the evidence has it."""
        return next((tier for name, tier in self.context() if name == where), None)

    def beyond_the_sentence(self, where: str) -> Support | None:
        """The context up to and including tier ``where``, without the quotes and their sentences: what the
        rest of the article adds. None when the evidence has no such tier. Kept: several checks of a fact read
        it, and its mentions are found once."""
        if where not in self._beyond:
            tier = self.tier(where)
            self._beyond[where] = None if tier is None else Support(
                [span for k, span in enumerate(tier.spans) if tier.at(k) not in ("quote", "sentence")],
                with_context=False, people=self.people)
        return self._beyond[where]

    def at(self, i: int) -> str:
        """Where span ``i`` was found: the quote, or the tier of context that added it."""
        return self._origin[i]

    def refers_back(self) -> bool:
        """The evidence names its parties elsewhere: collectively in the quote's sentence ("the two
        countries", "both sides": "Lula set out plans for energy cooperation, a sign of alignment between
        the two nations"), or in a sentence that continues the one before ("It includes ...")."""
        sentence = self.tier("sentence") or self
        if any(COLLECTIVE.search(text) for *_, text in sentence.texts()):
            return True
        return any(REFERS_BACK.match(article.text, start) for article, start, _ in sentence.spans)

    def measures_both_sides(self) -> bool:
        """The quotes give a measure of both sides without naming them ("bilateral trade reached ...")."""
        return any(COLLECTIVE_MEASURE.search(text) for *_, text in self.texts())

    def texts(self) -> list[tuple[Article, int, int, str]]:
        return self._texts

    def normalised(self, i: int) -> str:
        return self._normalised[i]

    def mentions(self, i: int) -> list[Any]:
        if i not in self._mentions:
            article, start, end, _ = self._texts[i]
            self._mentions[i] = sorted(find_mentions(article.text, start, end, self.people)
                                       + list(pronoun_references(article.text, start, end, self.people)), key=lambda m: m.start)
        return self._mentions[i]

    def find_text(self, value: str, outside_names: bool = False) -> list[Span]:
        """Spans where ``value`` occurs (normalised comparison); with ``outside_names``, not inside the
        name of an organisation (:func:`_names_blanked`)."""
        needle = normalise(value)
        if not needle:
            return []
        texts = [normalise(_names_blanked(a.text, s, e)) for a, s, e, _ in self._texts] if outside_names \
            else self._normalised
        return [Span(article_id=a.id, start=s, end=e) for (a, s, e, _), text in zip(self._texts, texts)
                if needle in text]


def in_context(check: Callable[[Support], FieldCheck], support: Support, relation: bool = False,
               name: bool = False) -> FieldCheck:
    """Check the value against the quotes, then against their context, tier by tier.

    Only the quotes can contradict: a context that names something else says nothing against the
    value. A relation's argument (who met, who signed) comes from the quote's own sentence, and from
    further context only where the quote refers back to it ("the two leaders", "It includes ...").
    The article's lead is read for a ``name`` only, where the quote refers back to it or gives a
    measure of both sides ("bilateral trade").
    """
    result = check(support)
    if result.verdict != Verdict.unsupported:
        return result
    for where, tier in support.context():
        if relation and where != "sentence" and not support.refers_back():
            break
        if where == "lead" and not (name and (support.refers_back() or support.measures_both_sides())):
            break
        found = check(tier)
        if found.verdict == Verdict.supported:
            return found.model_copy(update={
                "found_in": where, "spans": [s.model_copy(update={"where": where}) for s in found.spans],
                "reason": f"{found.reason} ({where}; the quote leaves it out)"})
    return result


def field(verdict: Verdict, reason: str, value: Any, spans: list[Span] | None = None,
          note: str | None = None) -> FieldCheck:
    """A field verdict with its reason and the spans that decided it."""
    return FieldCheck(verdict=verdict, reason=reason, value=value, spans=spans or [], note=note)


def check_name(value: str, support: Support, by_leader: bool = False) -> FieldCheck:
    """A person, organisation or place named in the evidence (aliases, titles, demonyms); other
    spellings of the same name in the evidence are noted as variants. ``by_leader``: a country may be
    named through its leader (a side of an agreement; never a person at a meeting)."""
    if is_title_words(value):  # "Defence" of "Defence Minister Ken Sato" names nobody
        return field(Verdict.unsupported, f"{value!r} is (part of) a title, not a name", value)
    found: FieldCheck | None = None
    variants: dict[str, Span] = {}
    country = country_of(value)
    needle = normalise(value)
    for i, (article, start, end, text) in enumerate(support.texts()):
        if found is None and needle in support.normalised(i) and not _only_in_another_countrys_name(value, text):
            found = field(Verdict.supported, "named in the evidence", value,
                           [Span(article_id=article.id, start=start, end=end)])
        for mention in support.mentions(i):
            if country and (_in_another_countrys_name(article.text, mention.start, mention.end, country)
                            or _another_country(mention.name, country)):
                continue  # "Guinea" of "Papua New Guinea"; "South Sudan" is not Sudan
            how = match_names(value, mention.name)
            span = Span(article_id=article.id, start=mention.start, end=mention.end)
            if how in (NameMatch.exact, NameMatch.alias) and found is None:
                found = field(Verdict.supported, f"named in the evidence as {mention.text!r}", value, [span])
            elif how == NameMatch.variant:
                variants.setdefault(mention.name, span)
        if found is None:
            a, b = next(((a, b) for a, b in country_words(value, article.text, start, end)
                         if article.text[a:b] != country), (0, 0))
            if b:
                found = field(Verdict.supported, f"named in the evidence as {article.text[a:b]!r}", value,
                              [Span(article_id=article.id, start=a, end=b)])
        if found is None:
            found = _named_otherwise(value, article, start, text)
        if found is None and by_leader and iso_code(value):
            found = _named_by_leader(value, article, support.mentions(i))
    note = f"spelling variant: {value} / {' / '.join(variants)}" if variants else None
    if found is not None:
        return found.model_copy(update={"note": note})
    if variants:
        return field(Verdict.supported, f"named in the evidence with another spelling ({next(iter(variants))!r})",
                      value, list(variants.values()), note=note)
    return field(Verdict.unsupported, "not named in the evidence", value)


# a word that may name a country or its people: "Kenyan", "U.S.", "UK", "UAE"
_COUNTRY_WORD = re.compile(r"\b[A-Z][a-z]+\b|\b[A-Z](?:\.?[A-Z])+\b\.?")


def country_words(value: str, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where a word of text[start:end] names the country ``value`` or its people ("Kenyan", "U.S.",
    "Papua New Guinea", "South African")."""
    country = country_of(value)
    if country is None:
        return iter(())
    found = [(w.start(), w.end()) for w in _COUNTRY_WORD.finditer(text, start, end) if country_of(w.group(0)) == country
             and not _in_another_countrys_name(text, w.start(), w.end(), country)]
    phrases = _names_in_words(country)
    if phrases:
        found = sorted(found + [(m.start(), m.end()) for m in phrases.finditer(text, start, end)])
    return iter(found)


@lru_cache(maxsize=4096)
def _only_in_another_countrys_name(value: str, text: str) -> bool:
    """Whether every occurrence of the country ``value`` in ``text`` is part of another country's name."""
    country = country_name(value)
    if country is None or value.lower() not in words_inside_longer_names():
        return False
    hits = list(re.finditer(rf"\b{re.escape(value)}\b", text, re.IGNORECASE))
    return bool(hits) and all(_in_another_countrys_name(text, m.start(), m.end(), country) for m in hits)


def _in_another_countrys_name(text: str, start: int, end: int, country: str) -> bool:
    """Whether the word text[start:end] is part of another country's longer name: "Guinea" in "Papua New
    Guinea" or "Guinea-Bissau", "Sudan" in "South Sudan"."""
    if text[start:end].lower() not in words_inside_longer_names():
        return False
    words = text[max(0, start - 40):start].split()[-3:]
    longer = [" ".join([*words[i:], text[start:end]]) for i in range(len(words))]
    joined = re.match(r"-[A-Z][a-z]+", text[end:end + 20])
    longer += [text[start:end] + joined.group(0)] if joined else []
    return any(_another_country(name, country) for name in longer)


def _another_country(name: str, country: str) -> bool:
    """Whether ``name`` names a country other than ``country``, by ISO code ("Czechia" is the Czech Republic)."""
    other = country_name(name)
    return other is not None and iso_code(other) != iso_code(country)


@lru_cache(maxsize=256)
def _names_in_words(country: str) -> re.Pattern[str] | None:
    """The names of ``country`` and its people that take several words (the country's own, and the
    lexicon's "South African"), as one pattern; None when every name is one word."""
    phrases = {name for name in (country, *(word for word, place in demonyms().items() if place == country))
               if " " in name}
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split()))
                                          for p in sorted(phrases, key=len, reverse=True)) + r")\b")


def leaders_of(country: str, text: str, mentions: list[Any], article: Article | None = None) -> Iterator[Any]:
    """The mentions of people ``text`` gives as the country's own ("Brazilian President Luiz Inacio Lula
    da Silva", and "Lula" after it); not a company given a country ("Italy's Iveco"). With the ``article``,
    also the office holders it gives no country at all, where its dateline lies in the country and it gives
    no person that country: a report filed from a country calls that country's leaders by their title alone ("MANILA --
    President Ferdinand Marcos Jr. welcomed Cambodian Prime Minister Hun Manet"); a report from abroad marks its
    hosts ("PHNOM PENH -- President Marcos met Cambodian Prime Minister Hun Manet": Marcos is no Cambodian)."""
    wanted = iso_code(country)
    own = bool(wanted and article is not None and _unmarked_leaders_country(article, text) == wanted)
    for m in mentions:
        given = country_of(m.country) if m.country and m.title else country_of_person(m.name, text)
        if wanted and (iso_code(given or "") == wanted
                       or (own and given is None and _holds_an_office_in(text, m))):
            yield m


def _unmarked_leaders_country(article: Article, text: str) -> str | None:
    """The ISO code of the country whose office holders the report calls by their title alone: the dateline's,
    where it marks no titled person as of that country ("MANILA -- President Ferdinand Marcos Jr. welcomed Cambodian
    Prime Minister Hun Manet"); a report from abroad marks its hosts, and then, where its headline names two
    countries, the dateline's and one other, it is the other's ("Pakistan, Saudi Arabia sign defence pact" over
    "RIYADH: Prime Minister Shehbaz Sharif and Saudi Crown Prince Mohammed bin Salman signed ...")."""
    place = _dateline_country(article)
    if place is None:
        return None
    marked = {iso_code(country_of(m.country) or "") for m in find_mentions(text) if m.country and m.title}
    if place not in marked:
        return place
    others = _headline_countries(article) - {place}
    return next(iter(others)) if len(others) == 1 and not others & marked else None


def _headline_countries(article: Article) -> set[str]:
    """The ISO codes of the countries the article's headline names ("Pakistan, Saudi Arabia sign ...")."""
    head = headline(article)
    if head is None:
        return set()
    return {code for e in nlp.entities_in(article.text, *head) if e.label == "GPE" and (code := iso_code(e.text))}


def _holds_an_office_in(text: str, mention: Any) -> bool:
    """The mention's title, or the title ``text`` gives the same person elsewhere ("Yoon" after "President
    Yoon Suk Yeol"), is an office's."""
    if mention.title:
        return holds_an_office(mention.title)
    return any(m.title and holds_an_office(m.title) and same_entity(m.name, mention.name) for m in find_mentions(text))


def _dateline_country(article: Article) -> str | None:
    """The ISO code of the country the article's dateline place lies in."""
    place = dateline_place(article)
    return country_code_of_place(place.title()) if place else None


def _named_by_leader(country: str, article: Article, mentions: list[Any]) -> FieldCheck | None:
    """A country named through a person the article gives as its own ("Lula and Xi witnessed the
    signing", after "Brazilian President Luiz Inacio Lula da Silva")."""
    mention = next(leaders_of(country, article.text, mentions, article), None)
    if mention is None:
        return None
    return field(Verdict.supported, f"named in the evidence through {mention.text!r}", country,
                 [Span(article_id=article.id, start=mention.start, end=mention.end)])


def capital_words(country: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the capital of ``country`` acts for it in text[start:end] ("Ottawa and Canberra agreed"; not
    "in Canberra")."""
    capital = capital_of(country)
    if not capital:
        return []
    return [(hit.start(), hit.end()) for hit in re.compile(rf"\b{re.escape(capital)}\b").finditer(text, start, end)
            if not PLACE_CUE.search(text[max(0, hit.start() - 20):hit.start()])]


def _named_otherwise(value: str, article: Article, start: int, text: str) -> FieldCheck | None:
    """The name as an acronym or its expansion ("EU" / "European Union"), or a country by its capital
    acting for it ("Ottawa and Canberra agreed"; not "in Canberra")."""
    spelled = expansions(value, text) if value.isupper() else []
    if spelled or any(len(run) == len(value.strip()) for run in abbreviated_runs(value, text)):
        how = f"as {spelled[0]!r}" if spelled else "by its acronym"
        return field(Verdict.supported, f"named in the evidence {how}", value,
                     [Span(article_id=article.id, start=start, end=start + len(text))])
    for written in spelled_both_ways(value, text):  # "G20 summit" written "Group of 20 summit"
        if normalise(written) in normalise(text):
            return field(Verdict.supported, f"named in the evidence as {written!r}", value,
                         [Span(article_id=article.id, start=start, end=start + len(text))])
    for a, b in capital_words(value, text, 0, len(text)):
        return field(Verdict.supported, f"{text[a:b]!r} stands for {value}", value,
                     [Span(article_id=article.id, start=start + a, end=start + b)])
    sharing = _sharing_a_noun(value)
    shared = sharing.search(text) if sharing else None
    if shared:
        return field(Verdict.supported, f"named in the evidence as {shared.group(0)!r}", value,
                     [Span(article_id=article.id, start=start + shared.start(), end=start + shared.end())])
    return None


@lru_cache(maxsize=4096)
def _sharing_a_noun(value: str) -> re.Pattern[str] | None:
    """"Pakistani companies" written with another modifier of the same noun: "Pakistani and Chinese
    companies", "Kenyan, Ugandan and Tanzanian officials", "Russian and Ukrainian delegations" for "Russian
    delegation"; None for one word, which shares nothing."""
    first, _, rest = value.strip().partition(" ")
    if not rest:
        return None
    others = r"(?:,\s+[\w’'-]+)*,?\s+(?:and|or|&)\s+[\w’'-]+"
    return re.compile(rf"\b{re.escape(first)}{others}\s+{re.escape(rest)}(?:s|es)?\b", re.IGNORECASE)  # "delegations"


# "at his official residence, Seri Perdana", "in the capital, Putrajaya": a place named after a noun of places;
# "in the ancient city of Hue", "in the Black Sea resort of Sochi": a place named by one
_PLACE_NOUN = "(?:" + lexicon.alternation("place_nouns") + ")"
_IN_APPOSITION = (r"|\b(?:in|at)\s+(?:the|his|her|their|its|[\w-]+'s)\s+(?:[\w-]+\s+){0,2}" + _PLACE_NOUN + r",\s+$"
                  r"|\b(?:in|at)\s+the\s+(?:[\w-]+\s+){0,3}" + _PLACE_NOUN + r"\s+of\s+$")
# where something is: "in Nairobi", "at the State House", "in the Kenyan capital, Nairobi"
LOCATED_CUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+'s\s+)?$" + _IN_APPOSITION, re.IGNORECASE)
# "in Nairobi", "at the State House", "in Nairobi's Uhuru Park"; "to attend the Doha Forum": a gathering named
# by its place, as "to the Doha Forum" is
PLACE_CUE = re.compile(r"\b(?:in|at|to|visit|visiting|visited|arrived in|from|attend|attends|attending|attended)\s+"
                       r"(?:the\s+)?(?:[\w-]+'s\s+)?$" + _IN_APPOSITION, re.IGNORECASE)


_NAMED_PLACE = r"(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s+"


def _in_a_named_place(text: str, value: str, cue: re.Pattern[str]) -> bool:
    """Whether the place follows, after a comma, a place named as one: "in Kananaskis, Alberta", "at
    the Elysee Palace, Paris, France" (a region or country written after the place in it)."""
    for hit in re.finditer(rf"\b{re.escape(value)}\b", text, re.IGNORECASE):
        within = re.search(rf"\b(?:{_NAMED_PLACE}){{1,2}}$", text[max(0, hit.start() - 80):hit.start()])
        if within and cue.search(normalise(text[max(0, hit.start() - 110):hit.start() - len(within.group(0))]) + " "):
            return True
    return False


_AFTER_A_PLACE = re.compile(r"\b[A-Z][\w'’-]*,\s*$")  # "Sanur, Bali": a region after its place


def _check_one_place(value: str, support: Support) -> FieldCheck:
    """A place named in the evidence as a place ("in Lima", "at the Moneda palace", "visit Peru"), or a
    place that lies in it ("in Nairobi" for Kenya)."""
    named = check_name(value, support)
    needle = normalise(value)
    if named.verdict == Verdict.supported:
        for i, (article, start, end, text) in enumerate(support.texts()):
            folded = support.normalised(i)
            for hit in re.finditer(re.escape(needle), folded):
                before = folded[max(0, hit.start() - 50):hit.start()]
                # in the context a place must be where something is, not where someone goes ("to visit X")
                cue = PLACE_CUE if support.at(i) == "quote" else LOCATED_CUE
                if support.at(i) == "dateline" or cue.search(before) or _in_a_named_place(text, value, cue):
                    return field(Verdict.supported, f"'{folded[max(0, hit.start() - 12):hit.end()].strip()}' in "
                                                     "the evidence", value, [Span(article_id=article.id, start=start,
                                                                                  end=end)])
    code = iso_code(value)
    if code:
        for i, (article, start, end, text) in enumerate(support.texts()):
            places = [(e.text, e.start, e.end, country_code_of_region if _AFTER_A_PLACE.search(
                article.text, max(0, e.start - 40), e.start) else country_code_of_place)
                for e in nlp.entities_in(article.text, start, end) if e.label in nlp.PLACE_LABELS]
            if support.at(i) == "dateline":  # "NAIROBI, March 3 (Reuters) -", "NUSA DUA, Bali -": the place
                head = re.match(r".+?(?=\s+[-—–]+\s|[\[(:]|$)", text)   # and its region, not the date
                parts = [p.strip() for p in (head.group(0) if head else text).split(",")[:2]]
                places += [(part.title(), start, end, country_code_of_region if n else country_code_of_place)
                           for n, part in enumerate(parts) if part and not re.search(r"\d", part)]
            for name, at, to, lies_in in places:
                if normalise(name) != needle and lies_in(name) == code:
                    return field(Verdict.supported, f"{name!r} lies in {value}", value,
                                 [Span(article_id=article.id, start=at, end=to)])
    if named.verdict == Verdict.supported:
        return field(Verdict.unsupported, f"{value} is named in the evidence, but not as the place", value,
                     named.spans)
    return named


def place_parts(value: str) -> tuple[list[str], list[str]]:
    """'State House, Nairobi' -> places ['State House', 'Nairobi']; 'Oslo (Nordic summit)' -> places ['Oslo'] and
    the description ['Nordic summit']."""
    described = re.findall(r"\(([^)]*)\)", value)
    places = [p.strip() for p in re.sub(r"\([^)]*\)", ",", value).split(",") if p.strip()]
    return places, [d.strip() for d in described if d.strip()]


def _not_placed_elsewhere(found: FieldCheck, place: str, support: Support) -> FieldCheck:
    """A place the context gives (a dateline, a headline) holds only where the quotes place the act in
    no other city or country: "In Abuja ... held talks" under a "LAGOS" dateline is not in Lagos,
    "invited Ruto to visit Ghana" not to Lagos; a venue of the quote may lie in the dateline's city."""
    if found.verdict != Verdict.supported or found.found_in in (None, "quote", "sentence"):
        return found
    code = country_code_of_place(place)
    if code is None:  # a venue ("Hyderabad House") may lie in the quote's city
        return found
    for article, start, end, _ in support.texts():
        for entity in nlp.entities_in(article.text, start, end):
            if entity.label != "GPE" or not PLACE_CUE.search(article.text[max(start, entity.start - 30):entity.start]):
                continue
            if same_name(entity.text, place):
                continue
            theirs = country_code_of_place(entity.text)
            if theirs and theirs == code and (iso_code(entity.text) or iso_code(place)):
                continue  # a city and its own country
            return field(Verdict.unsupported, f"the evidence places it in {entity.text}, not {place} "
                                              f"(which only the {found.found_in} names)", place,
                         [Span(article_id=article.id, start=entity.start, end=entity.end)])
    return found


_REMOTE = lexicon.pattern("remote_meetings")


def _check_remote(value: str, support: Support) -> FieldCheck:
    """A meeting held at no place ("virtual", "by phone") is stated by any word of holding it so."""
    for article, start, end, text in support.texts():
        said = _REMOTE.search(text)
        if said:
            return field(Verdict.supported, f"held remotely: {said.group(0)!r} in the evidence", value,
                         [Span(article_id=article.id, start=start + said.start(), end=start + said.end())])
    return field(Verdict.unsupported, "the evidence does not say the meeting was held remotely", value)


def _inside_another_part(found: FieldCheck, place: str, places: list[str], checks: list[FieldCheck]) -> FieldCheck:
    """A country the evidence leaves out holds where another part of the same place, found as the place,
    lies in it ("Executive Tower, Montevideo, Uruguay" when the evidence says "in Montevideo")."""
    code = iso_code(place)
    if found.verdict != Verdict.unsupported or code is None:
        return found
    for other, check in zip(places, checks):
        if other != place and check.verdict == Verdict.supported and country_code_of_place(other) == code:
            return check.model_copy(update={"value": place, "reason": f"{other!r}, found as the place, lies in {place}"})
    return found


def check_place(value: str, support: Support) -> FieldCheck:
    """Every part of a compound place ("State House, Nairobi") named as a place in the evidence or its
    context; a parenthesised description ("Tokyo (EU-Japan summit)") named there."""
    if _REMOTE.search(value) and value.islower():  # "virtual", "via video link"; not "Delhi (virtual)"
        return in_context(partial(_check_remote, value), support)
    places, described = place_parts(value)
    checks = [_not_placed_elsewhere(in_context(partial(_check_one_place, p), support), p, support) for p in places]
    checks = [_inside_another_part(c, p, places, checks) for p, c in zip(places, checks)]
    checks += [in_context(partial(check_name, d), support) for d in described]
    if len(checks) == 1:
        return checks[0]
    worst = max(checks, key=lambda c: VERDICT_RANK[c.verdict])
    if worst.verdict != Verdict.supported:
        return worst.model_copy(update={"reason": f"{worst.value}: {worst.reason}", "value": value})
    found_in = next((c.found_in for c in checks if c.found_in != "quote"), "quote")
    return field(Verdict.supported, "; ".join(f"{c.value}: {c.reason}" for c in checks), value,
                 [span for c in checks for span in c.spans]).model_copy(update={"found_in": found_in})


def _against(article: Article) -> str:
    """' (against its dateline's date)' when the article's reference date is not its own publication date."""
    return f" (against the date of {article.dated_from}, the article states none)" if article.dated_from else ""


def check_date(value: DateRef, support: Support) -> FieldCheck:
    """The date phrase is in the evidence and resolves (against the article's date) to the ISO value."""
    other: list[str] = []
    other_spans: list[Span] = []
    bases: list[str] = []
    for article, start, end, _ in support.texts():
        estimated = article.dated_from == ESTIMATED  # such a date supports, never contradicts
        for found in find_dates(article.text, article.published, start, end, estimated):
            if found.base:  # "up 4% from the same period last year" dates what the change is measured from
                bases += [found.text] if value.iso and found.iso and same_date(found.iso, value.iso) else []
                continue
            matches_text = normalise(found.text) == normalise(value.text) or normalise(value.text) in normalise(
                found.text)
            if value.iso is None and matches_text:
                return field(Verdict.supported, f"{found.text!r} in the evidence", value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and found.iso and same_date(found.iso, value.iso) and len(found.iso) >= len(value.iso):
                return field(Verdict.supported, f"{found.text!r} resolves to {found.iso}{_against(article)}",
                             value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            # "2025-2030" for "over the next five years"
            if years_spanned(found, article.published, value.text, value.iso):
                return field(Verdict.supported, f"{found.text!r} spans {value.text!r}", value.model_dump(),
                             [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and matches_text and found.iso and not same_date(found.iso, value.iso) and not estimated:
                return field(Verdict.contradicted,
                             f"{found.text!r} resolves to {found.iso}{_against(article)}, not {value.iso}",
                              value.model_dump(), [Span(article_id=article.id, start=found.start, end=found.end)])
            if found.iso and not estimated:
                other.append(f"{found.text!r}={found.iso}")
                other_spans.append(Span(article_id=article.id, start=found.start, end=found.end))
    if value.iso and other and not support.find_text(value.text):
        return field(Verdict.contradicted, f"the evidence dates it {', '.join(other)}, not {value.iso}",
                      value.model_dump(), other_spans)
    if value.iso is None and support.find_text(value.text):
        return field(Verdict.supported, f"{value.text!r} in the evidence", value.model_dump(),
                      support.find_text(value.text))
    if bases:
        return field(Verdict.unsupported, f"{bases[0]!r} dates what a change is measured from, not the period of the "
                                          "fact", value.model_dump())
    return field(Verdict.unsupported, f"no date in the evidence gives {value.iso or value.text!r}",
                  value.model_dump())


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    """Each word of the ``word_classes`` lexicon -> the words of its class."""
    out: dict[str, frozenset[str]] = {}
    for _, entries in lexicon.pairs("word_classes"):
        members = frozenset(e.strip().lower() for e in entries.split(",") if e.strip())
        for member in members:
            out[member] = out.get(member, frozenset()) | members
    return out


def word_class(word: str) -> frozenset[str]:
    """The words news English uses for ``word`` (lexicon ``word_classes``), itself included."""
    return _word_classes().get(word.lower(), frozenset()) | {word.lower()}


def _same_word(word: str, text_words: set[str]) -> bool:
    """The word, a form of it ("acquire" / "acquisition": five letters in common at the start; "signed" /
    "signing": one stem under an inflection), a word
    of its class ("acquisition" / "buy", lexicon ``word_classes``) or a spelling of it within a bound
    ("programme" / "program") is among the text's words."""
    if not word_class(word).isdisjoint(text_words):
        return True
    stem = _stem(word)
    if len(stem) >= 4 and any(_stem(t) == stem for t in text_words):
        return True  # "signed" / "signing"
    if len(word) < 5:
        return False
    return any(len(t) >= 5 and (t[:5] == word[:5] or fuzz.ratio(word, t) >= 85) for t in text_words)


_INFLECTION = re.compile(r"(?:ing|ed|es|s)$")
# a consonant doubled before "-ed" / "-ing" ("planned", "committed"); never l, s, f, z ("sell", "pass")
_DOUBLED = re.compile(r"([bdgmnprt])\1$")


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """The word without an English inflection ("signing" -> "sign", "planned" -> "plan")."""
    return _DOUBLED.sub(r"\1", _INFLECTION.sub("", word))


def words_present(value: str, text: str) -> float:
    """Share of the value's content words (over two letters, not stop words) that the text has, acronyms read both
    ways ("FTA" / "Free Trade Agreement") and forms and spellings within a bound."""
    from spacy.lang.en.stop_words import (
        STOP_WORDS,  # function words ("per", "the") carry no content
    )

    words = [w for w in re.findall(r"\w+", value) if len(w) > 2 and w.lower() not in STOP_WORDS]
    if not words:
        return 0.0
    text_words = set(re.findall(r"\w+", normalise(text)))
    spelled_out = {w.lower() for run in abbreviated_runs(value, text) for w in run.split()}
    hits = sum(w.lower() in spelled_out or _same_word(normalise(w), text_words)
               or (w.isupper() and bool(expansions(w, text))) or _country_named(w, text) for w in words)
    return hits / len(words)


def _country_named(word: str, text: str) -> bool:
    """A country in a free-text value ("Chile-Peru trade") named by its nationality or its capital."""
    if not word[:1].isupper() or iso_code(word) is None:
        return False
    capital = capital_of(word)
    return bool(capital and re.search(rf"\b{re.escape(capital)}\b", text)) or any(
        iso_code(country_of(w) or w) == iso_code(word) for w in re.findall(r"\b[A-Z][a-z]+\b", text))


def check_date_in_context(value: DateRef, support: Support) -> FieldCheck:
    """A date from the quotes, their context, or else the article's publication date (a report
    dated the day of the event, quoting no date)."""
    result = in_context(lambda s: check_date(value, s), support)
    if result.verdict != Verdict.unsupported or not value.iso or not support.with_context:
        return result
    for article, start, end, _ in support.texts():
        if article.published and same_date(article.published.isoformat(), value.iso) \
                and len(value.iso) <= len(article.published.isoformat()):
            dated = f"the date of {article.dated_from}" if article.dated_from else "the article's publication date"
            return field(Verdict.supported, f"{dated} ({article.published.isoformat()}); the quote gives no date",
                         value.model_dump(),
                         [Span(article_id=article.id, start=start, end=end, where="publication date")]
                         ).model_copy(update={"found_in": "publication date"})
    return result


def _a_span_of_years(text: str, span: Span) -> bool:
    """The date phrase at ``span`` is a span of years ("2025-2029", "2024-25")."""
    return any(d.kind == "period" for d in find_dates(text, None, span.start, span.end))


_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)


_PERIOD_REFERENCE = lexicon.pattern("anaphoric_periods")  # "for the month": the month named before
_STORY = lexicon.table("story_references")
_STORY_REFERENCE = re.compile(rf"{_STORY['markers'].pattern}|(?:{_STORY['prepositions'].pattern})\s+the\s+"
                              rf"(?:[\w-]+\s+)?(?:{_STORY['events'].pattern})|\bthe\s+(?:[\w-]+\s+)?"
                              rf"(?:{_STORY['made'].pattern})", re.IGNORECASE)


def date_of_the_story(found: FieldCheck, value: DateRef, support: Support,
                      act: re.Pattern[str] | None = None) -> FieldCheck:
    """An act's date or a figure's period from the article's lead, where the quote refers back to the
    story's event ("After their talks, the two leaders adopted a joint declaration", "The ministers signed
    ...") or to its period ("a trade surplus of $1.2 billion for the month"), and its sentence gives no
    date of its own and no earlier past ("had signed"). An ``act`` also takes it where its sentence places it in
    the story's event ("Iwaya also met Cho", "Before the talks, Iwaya met Wang"), not in what is to come ("will
    sign the agreement"); a date of another act, or ahead in what the act set out to do ("agreed to hold
    exercises next year"), is not the act's own."""
    if found.verdict != Verdict.unsupported or not value.iso or not support.with_context:
        return found
    sentence = support.tier("sentence") or support
    told = [text for *_, text in sentence.texts()]
    if not (support.refers_back() or any(_PERIOD_REFERENCE.search(text) for text in told)
            or (act and not any(FUTURE.search(text) for text in told)
                and (any(_STORY_REFERENCE.search(text) for text in told) or _met_in_the_lead(support)))):
        return found
    if any(any(not d.base and not (act and (d.kind == "period" or act_of(article.text, d.start, d.end, act)
                                            or _planned(article, d.start, d.end, act)))
               for d in find_dates(article.text, article.published, start, end)) or _PAST_PERFECT.search(text)
           for article, start, end, text in sentence.texts()):
        return found
    lead = support.beyond_the_sentence("lead")  # the context only: the quote's own sentence dates nothing of the act
    wider = _dates_the_act(check_date(value, lead), lead, act) if lead is not None else found
    if wider.verdict != Verdict.supported:
        return found
    return wider.model_copy(update={
        "found_in": "lead", "spans": [s.model_copy(update={"where": "lead"}) for s in wider.spans],
        "reason": f"{wider.reason} (lead; the quote refers back to the story's event or period and dates nothing itself)"})


_MEETING_CUE = lexicon.pattern("cues_meetings")


def _met_in_the_lead(support: Support) -> bool:
    """Two people of the quote's sentence are among those the lead tells of meeting ("Takaichi and Lula agreed to deepen
    cooperation" after "Prime Minister Sanae Takaichi met Brazilian President Luiz Inacio Lula da Silva on
    Saturday"): what they do together in a sentence that dates nothing was done at that meeting."""
    lead = support.beyond_the_sentence("lead")
    if lead is None:
        return False
    sentence = support.tier("sentence") or support
    people = {m.name for i in range(len(sentence.texts())) for m in sentence.mentions(i)}
    met = [m.name for i, (*_, text) in enumerate(lead.texts()) if _MEETING_CUE.search(text) for m in lead.mentions(i)]
    return sum(any(same_entity(person, name) for name in met) for person in people) >= 2


def _dates_the_act(found: FieldCheck, support: Support, act: re.Pattern[str] | None) -> FieldCheck:
    """A date found only in spans of years ("signed a programme for 2025-2029") is unsupported: they tell what
    the act covers, not when it happened. So is a supported date whose phrase belongs to another act of its
    sentence, and one contradicted only by the dates of other acts ("agreed to expand a partnership signed in
    2024")."""
    if act is None or found.verdict == Verdict.unsupported:
        return found
    articles = {article.id: article for article, *_ in support.texts()}
    told = [s for s in found.spans if s.where != "publication date"]
    if told and all(s.article_id in articles and _a_span_of_years(articles[s.article_id].text, s) for s in told):
        return field(Verdict.unsupported, "the evidence's dates are spans of years, what the act covers "
                                          "(\"a plan for 2025-2029\"), not when it happened", found.value, found.spans)
    if found.verdict == Verdict.contradicted:
        # each date another act's ("last held in 2019") or ahead in what the act set out to do ("agreed to
        # resume the dialogue later this year")
        acts = [(act_of(articles[s.article_id].text, s.start, s.end, act)
                 or _planned(articles[s.article_id], s.start, s.end, act)) if s.article_id in articles else None
                for s in found.spans]
        if acts and all(acts):
            return field(Verdict.unsupported, f"the evidence's dates are those of other acts or of what the act set "
                                              f"out to do ({acts[0]!r}), not of the fact's", found.value, found.spans)
        return found
    for span in found.spans:
        article = articles.get(span.article_id)
        if article is None or span.where == "publication date":
            continue
        other = act_of(article.text, span.start, span.end, act) or _planned(article, span.start, span.end, act)
        if other:
            return field(Verdict.unsupported, f"{article.text[span.start:span.end]!r} dates {other!r}, not the "
                                              "fact's act", found.value, [span])
        own = _act_s_own_day(article, span, support, act)
        if own is not None:
            return field(Verdict.contradicted, f"{article.text[span.start:span.end]!r} dates the report (its "
                                               f"dateline); the act is dated {own.text!r} = {own.iso}",
                         found.value, [span, Span(article_id=article.id, start=own.start, end=own.end)])
    return found


def _planned(article: Article, start: int, end: int, act: re.Pattern[str]) -> str | None:
    """The verb of the act's complement that a date ahead of the report dates ("agreed to hold joint exercises
    next year" -> "hold"): when what was agreed is to happen, not when it was agreed. None otherwise; a date
    already past may date the act itself ("agreed to buy the miner in March")."""
    if article.published is None or not _ahead_of_the_report(article.text, article.published, start, end):
        return None
    return complement_of(article.text, start, end, act)


@lru_cache(maxsize=4096)
def _ahead_of_the_report(text: str, published: dt.date, start: int, end: int) -> bool:
    """Whether a date phrase of text[start:end] lies after ``published`` ("next year", "later this year")."""
    told = published.isoformat()
    return any(d.iso and (d.iso > told[:len(d.iso)] or _AHEAD_IN_PERIOD.search(text, max(0, d.start - 20), d.start))
               for d in find_dates(text, published, start, end))


_AHEAD_IN_PERIOD = re.compile(r"\b(?:" + lexicon.alternation("ahead_in_period") + r")\s+$", re.IGNORECASE)


def _act_s_own_day(article: Article, span: Span, support: Support, act: re.Pattern[str]) -> FoundDate | None:
    """Where ``span`` is the dateline's date ("SANTIAGO, June 7 -"), the day its sentence gives the act
    itself when that is another day ("received Milei ... on Friday" = June 6): the dateline dates the
    report, not the act."""
    line = dateline(article)
    if line is None or not line[0] <= span.start < line[1]:
        return None
    reported = next((d.iso for d in find_dates(article.text, article.published, span.start, span.end) if d.iso), None)
    for other, start, end, _ in (support.tier("sentence") or support).texts():
        if other.id != article.id or end <= line[1]:
            continue
        for said in find_dates(article.text, article.published, max(start, line[1]), end):
            if reported and said.iso and len(said.iso) == 10 and not same_date(said.iso, reported) \
                    and not act_of(article.text, said.start, said.end, act):
                return said
    return None


def check_words(value: str, support: Support, what: str, min_ratio: float = 0.75,
                outside_names: bool = False) -> FieldCheck:
    """Free text (metric, subject, qualifier): present as written, or most of its words are. With
    ``outside_names``, words of an organisation's name do not count ("the South African Revenue Service
    said" names no revenue)."""
    spans = support.find_text(value, outside_names)
    if spans:
        return field(Verdict.supported, f"{what} as written in the evidence", value, spans)
    texts = [_names_blanked(a.text, s, e) if outside_names else t for a, s, e, t in support.texts()]
    together = "\n".join(texts)  # a phrase may be spread over two quotes
    if words_present(value, together) >= min_ratio:
        return field(Verdict.supported, f"{what}: its words are in the evidence", value,
                     [Span(article_id=article.id, start=start, end=end) for article, start, end, _ in support.texts()])
    return field(Verdict.unsupported, f"{what} not in the evidence", value)


_NAME_WORD = re.compile(r"[A-Z][\w.&'’-]*|of|and|for|the|-")


@lru_cache(maxsize=4096)
def _names_blanked(text: str, start: int, end: int) -> str:
    """text[start:end] with the organisations' names of two or more capitalised words blanked out."""
    out = text[start:end]
    for entity in nlp.entities_in(text, start, end):
        words = entity.text.split()
        if entity.label == nlp.ORG and len(words) > 1 and all(_NAME_WORD.fullmatch(w) for w in words):
            a, b = entity.start - start, entity.end - start
            out = out[:a] + " " * (b - a) + out[b:]
    return out


Check = Callable[[], FieldCheck]


class Rules:
    """The (field name, check) pairs of one fact, in display order; each check runs when called."""

    def __init__(self, support: Support):
        self.support = support
        self.items: list[tuple[str, Check]] = []

    def add(self, name: str, check: Check) -> None:
        self.items.append((name, check))

    def name(self, name: str, value: str | None, relation: bool = False) -> None:
        """A name; ``relation``: an argument of the fact's relation (who met, invited, signed)."""
        if value:
            self.add(name, lambda: in_context(lambda s: check_name(value, s), self.support, relation, name=True))

    def place(self, name: str, value: str | None) -> None:
        if value:
            self.add(name, lambda: check_place(value, self.support))

    def date(self, name: str, value: DateRef | None, act: re.Pattern[str] | None = None) -> None:
        """A date; ``act``: the cue of the fact's act ("signed"), whose date it must be, not that of
        another verb of the sentence ("concluding talks started in 2013")."""
        if value:
            self.add(name, lambda: date_of_the_story(
                _dates_the_act(check_date_in_context(value, self.support), self.support, act), value, self.support,
                act))

    def words(self, name: str, value: str | None, what: str, ratio: float = 0.75) -> None:
        if value:
            self.add(name, lambda: in_context(lambda s: check_words(value, s, what, ratio), self.support))
