"""People, organisations and places: mentions in text, titles, aliases and spelling variants.

"PM Ishiba" = "Shigeru Ishiba" = "Prime Minister Shigeru Ishiba"; "FM Vieira" = "M. Vieira";
"Mohamed Salah" ~ "Mohammed Salah" is a *variant* (same person, different spelling), reported as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from . import lexicon
from .acronyms import initials
from .align import normalise
from .countries import country_code_of_place, country_name, country_of_demonym, iso_code

TITLES = sorted(lexicon.words("titles"), key=len, reverse=True)  # longest first: "Deputy Prime Minister"
_TITLE_WORDS = [t.split() for t in TITLES] + [["Ministers"], ["Presidents"], ["Leaders"]]
_TITLE_VOCABULARY = frozenset(w.lower() for title in TITLES for w in title.split())
_TITLES_BY_FIRST: dict[str, list[list[str]]] = {}
for _words in sorted(_TITLE_WORDS, key=len, reverse=True):
    _TITLES_BY_FIRST.setdefault(_words[0], []).append(_words)
_PARTICLES = lexicon.alternation("name_particles")
_PARTICLE_WORDS = frozenset(lexicon.words("name_particles"))
_INITIALS = r"(?:[A-Z]\.){2,}"  # "K.P.", "U.S."
_CAPITALISED = rf"(?:{_INITIALS}|(?:[A-Z]|(?:{_PARTICLES})-[A-Z])[\w’'\-]*\.?)"  # "Salman", "al-Sisi", "K.P."
# A run of capitalised words, with lower-case particles inside it ("Mohammed bin Salman", "von der Leyen").
_CAPITAL_RUN = re.compile(rf"{_CAPITALISED}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+)*{_CAPITALISED})*")
# Capitalised words that start sentences or headlines but are not names.
_NOT_NAMES = set(lexicon.words("sentence_openers"))
_MONTH_OR_DAY = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                 "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                 "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
                 "saturday", "sunday"}


def _ends_sentence(word: str) -> bool:
    """'Ruto.' and 'UN.' end a sentence; 'S.', 'Dr.' and 'St.' do not."""
    bare = word[:-1]
    return word.endswith(".") and (len(bare) > 2 or (len(bare) == 2 and bare.isupper())) \
        and word not in ("Sept.", "Prof.")


def _initials_after_a_title(words: list[tuple[str, int]]) -> bool:
    """The last word is initials after a title ("Prime Minister K.P. Sharma Oli"): a name goes on after it."""
    return len(words) > 1 and re.fullmatch(_INITIALS, words[-1][0]) is not None \
        and words[-2][0].lower() in _TITLE_VOCABULARY


def _is_break(word: str) -> bool:
    bare = word.rstrip(".")
    return bare in _NOT_NAMES or bare.lower() in _MONTH_OR_DAY


def _is_participle(word: str) -> bool:
    """'Briefed', 'Welcoming', 'Honoured': a verb opening a sentence before a title, not a name."""
    return len(word) > 5 and word[0].isupper() and word[1:].islower() and word.endswith(("ed", "ing"))


class NameMatch(str, Enum):
    exact = "exact"        # same words after normalisation
    alias = "alias"        # same person: a title, initial or first name added or left out
    variant = "variant"    # same person, a spelling differs (Mohamed / Mohammed)


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int
    name: str
    title: str | None
    country: str | None


class TitledPeople(tuple):  # type: ignore[type-arg]
    """The titled people of one event's articles. Hashed by identity: it keys the caches of every
    mention lookup, and hashing each mention on every lookup cost a tenth of the checker's time."""

    __slots__ = ()

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


NO_PEOPLE = TitledPeople()


def find_mentions(text: str, start: int = 0, end: int | None = None,
                  event: TitledPeople = NO_PEOPLE) -> list[Mention]:
    """Name mentions in text[start:end]: capitalised names, each with any title and demonym before it,
    and titles or offices standing for a name the text, or the ``event``'s other articles
    (:func:`titled_people`), give with that title ("the crown prince", "the French head of state")."""
    stop = len(text) if end is None else end
    found = _find_mentions(text, start, stop) + _title_references(text, start, stop, event)
    return sorted(found, key=lambda m: m.start)


_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def pronoun_references(text: str, start: int, stop: int, event: TitledPeople = NO_PEOPLE) -> tuple[Mention, ...]:
    """'he', 'she', 'him', 'her' in text[start:stop], each standing for a person named before it in its
    sentence or the two before: a subject pronoun for the last person named as a subject ("Albanese said
    he ..."), an object pronoun for the last person named who is not its own clause's subject ("Chinh
    invited him" is not Chinh, wherever Chinh is named). A person is a name with a title here or in the
    ``event``, or one the parser tags as a person."""
    from . import nlp

    if not _PERSONAL_PRONOUN.search(text, start, stop):
        return ()
    doc = nlp.parse(text)
    span = doc.char_span(start, stop, alignment_mode="expand")
    known = [*(m.name for m in event), *(e.text for e in nlp.entities(text) if e.label == nlp.PERSON)]
    out = []
    for token in span if span is not None else ():
        if token.tag_ != "PRP" or token.lower_ not in ("he", "she", "him", "her"):
            continue
        first = token.sent.start
        for _ in range(2):
            first = doc[first - 1].sent.start if first else first
        before = [m for m in _find_mentions(text, doc[first].idx, token.idx) if _is_person(m, known)]
        subject = token.dep_ in ("nsubj", "nsubjpass")
        own = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
        if own is None and token.head.dep_ == "acl":  # "a letter from Faye inviting him": the letter's words invite
            own = token.head.head
        if subject:
            people = [m for m in before if _role_at(doc, m) in ("nsubj", "nsubjpass")]
        else:
            doers = [m.name for m in before if own is not None and own.left_edge.idx <= m.start
                     and m.end <= own.right_edge.idx + len(own.right_edge)]
            people = [m for m in before if not any(same_entity(m.name, doer) for doer in doers)]
        if people:
            person = people[-1]
            out.append(Mention(token.text, token.idx, token.idx + len(token), person.name, person.title,
                               person.country))
    return tuple(out)


def _is_person(mention: Mention, known: list[str]) -> bool:
    """A titled mention, or one ``known`` names as a person (the event's titled people, the names the
    parser tags as people anywhere in the text: "Albanese" after "Anthony Albanese")."""
    return bool(mention.title) or any(same_entity(mention.name, name) for name in known)


def _role_at(doc: Any, mention: Mention) -> str | None:
    """The dependency of the mention's head word ("nsubj" for a subject)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.dep_ if span is not None and len(span) else None


@lru_cache(maxsize=64)
def titled_people(texts: tuple[str, ...]) -> TitledPeople:
    """The people the texts name with a title ("French President Emmanuel Macron"), for the references of
    another article of the same event to find ("the French head of state")."""
    return TitledPeople(m for text in texts for m in _find_mentions(text, 0, len(text)) if m.title)


_TITLE = re.compile(r"(?:" + lexicon.alternation("titles") + r")\b", re.IGNORECASE)
_OFFICES = {office.lower(): {t.strip().lower() for t in titles.split(",")} for office, titles in lexicon.pairs("office_words")}
_THE_TITLE = re.compile(r"\b(?:the|his|her|their)\s+(?:(?-i:(?P<country>[A-Z][a-z]+))\s+)?(?P<title>"
                        + "|".join(r"\s+".join(office.split()) for office in _OFFICES) + "|" + _TITLE.pattern + ")",
                        re.IGNORECASE)


def _holds(title: str, titles: set[str]) -> bool:
    """Whether a name's title is one of ``titles``, or opens with one: "Emir Sheikh" holds "emir"."""
    return any(part in titles or any(part.startswith(t + " ") for t in titles)
               for part in title.lower().split(" and "))  # "Crown Prince and Prime Minister" holds both


@lru_cache(maxsize=4096)
def _title_references(text: str, start: int, stop: int, event: TitledPeople = NO_PEOPLE) -> tuple[Mention, ...]:
    """'the crown prince', 'the Saudi crown prince', 'his Thai counterpart': a title or office standing for
    the one person the whole text, or else the event, names with it ("Saudi Crown Prince Mohammed bin
    Salman"); nothing when two people hold it. A reference the name follows is that name's title."""
    if not _THE_TITLE.search(text, start, stop):
        return ()
    titled = [m for m in _find_mentions(text, 0, len(text)) if m.title]
    out = []
    for ref in _THE_TITLE.finditer(text, start, stop):
        title, country = ref.group("title"), country_of_demonym(ref.group("country") or "")
        if ref.group("country") and country is None:  # "the Crown Prince": the capital is the title's
            whole = _TITLE.match(text, ref.start("country"))
            if whole is None:
                continue
            title = whole.group(0)
        titles = _OFFICES.get(" ".join(title.lower().split()), {title.lower()})
        if "*" in titles and country is None:
            continue  # "his counterpart": any title, and no country to say whose
        for people in (titled, event):
            holders = [m for m in people if ("*" in titles or _holds(m.title, titles))
                       and (country is None or m.country == country)]
            if holders:
                break
        if holders and all(match_names(holders[0].name, m.name) for m in holders):
            person = max(holders, key=lambda m: len(m.name))
            out.append(Mention(ref.group(0), ref.start(), ref.end(), person.name, person.title, person.country))
    return tuple(out)


_PORTFOLIO_TITLES = lexicon.table("portfolio_titles")
_PORTFOLIOS = rf"(?-i:(?:the\s+)?(?:{_PORTFOLIO_TITLES['portfolios'].pattern}))"
# "Minister of State for Foreign Affairs Mohammed Al-Khulaifi": the title, then the name
_PORTFOLIO_TITLE = re.compile(
    rf"(?P<title>(?-i:\b{_PORTFOLIO_TITLES['offices'].pattern})\s+(?:of|for)\s+{_PORTFOLIOS}"
    rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_PORTFOLIOS})*)\s+(?P<name>{_CAPITAL_RUN.pattern})")
_COUNTRY_BEFORE = re.compile(r"(?P<country>[A-Z][\w.-]*)(?:['’]s)?\s+$")  # "Qatar's ", "U.S. "


def _portfolio_titled(text: str, start: int, stop: int) -> list[Mention]:
    """Names after a title of an office "of" or "for" a portfolio ("Minister for Foreign Affairs Vivian
    Balakrishnan"), with the country written before it, where any (lexicon ``portfolio_titles``)."""
    out = []
    for match in _PORTFOLIO_TITLE.finditer(text, start, stop):
        name = re.sub(r"['’]s$", "", match.group("name")).rstrip(".,")
        before = _COUNTRY_BEFORE.search(text, max(start, match.start() - 30), match.start())
        country = before.group("country") if before else None
        if country and not (country_of_demonym(country) or country_name(country) is not None):
            country = None  # "Kagame received Minister ...": no country before the title
        first = before.start() if country and before else match.start("title")
        name_end = match.start("name") + len(name)
        out.append(Mention(text[first:name_end], first, name_end, name, " ".join(match.group("title").split()),
                           country))
    return out


@lru_cache(maxsize=4096)
def _find_mentions(text: str, start: int, stop: int) -> tuple[Mention, ...]:
    mentions: list[Mention] = _portfolio_titled(text, start, stop)
    titled = [(m.start, m.end) for m in mentions]
    for run in _CAPITAL_RUN.finditer(text, start, stop):
        if any(run.start() < b and a < run.end() for a, b in titled):
            continue  # a part of a title of an office of a portfolio, or its name
        words = [(m.group(0), run.start() + m.start()) for m in re.finditer(r"\S+", run.group(0))]
        groups: list[list[tuple[str, int]]] = [[]]
        for i, word in enumerate(words):
            # a break word opens the name after a title ("General Secretary To Lam"), where one more word ends the
            # run and names no place (a headline's "Invites PM To Russia")
            named = 0 < i == len(words) - 2 and words[i - 1][0].lower() in _TITLE_VOCABULARY \
                and country_code_of_place(words[-1][0].rstrip(".,")) is None
            if (_is_break(word[0]) and not named) or (i == 0 and len(words) > 1 and _is_participle(word[0])
                                                      and words[1][0] in _TITLES_BY_FIRST):
                groups.append([])
                continue
            if groups[-1] and _ends_sentence(groups[-1][-1][0]) and not _initials_after_a_title(groups[-1]):
                groups.append([])
            groups[-1].append(word)
        mentions.extend(m for m in (_mention_from(text, g) for g in groups) if m)
    return tuple(sorted((_with_a_joined_title(text, m) for m in mentions), key=lambda m: m.start))


# "Crown Prince and Prime Minister Mohammed bin Salman": two titles of one person, capitalised, joined by "and"
_JOINED_TITLE = re.compile(r"\b(?P<title>" + "|".join(r"\s+".join(map(re.escape, t.split())) for t in TITLES)
                           + r")\s+and\s+$")
_WORD_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+$")


def _with_a_joined_title(text: str, mention: Mention) -> Mention:
    """The mention with the title joined to its own by "and" before it, where there is one."""
    if not mention.title:
        return mention
    joined = _JOINED_TITLE.search(text, max(0, mention.start - 60), mention.start)
    if joined is None:
        return mention
    start, country = joined.start(), mention.country
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if country is None and before and (demonym := country_of_demonym(before.group("word"))):  # "Saudi Crown ..."
        start, country = before.start(), demonym
    return Mention(text[start:mention.end], start, mention.end, mention.name,
                   f"{joined.group('title')} and {mention.title}", country)


def _mention_from(text: str, words: list[tuple[str, int]]) -> Mention | None:
    """One mention from a run of capitalised words: demonym, then titles, then the name."""
    if not words or (len(words) == 1 and country_of_demonym(words[0][0]) is not None):
        return None
    first = words[0][1]
    country = None
    lead = re.sub(r"['’]s$", "", words[0][0])
    nationality = country_of_demonym(lead)
    if len(words) > 1 and (nationality or (lead != words[0][0] and country_name(lead) is not None)):
        country = nationality or lead  # "Kenyan President ...", "Ghana’s Foreign Minister ..."
        words = words[1:]
    title_words: list[str] = []
    words = _after_an_organisation(words)
    matched = True
    while matched and words:
        matched = False
        for title in _TITLES_BY_FIRST.get(words[0][0], ()):
            if [w for w, _ in words[:len(title)]] == title:
                title_words.extend(title)
                words = words[len(title):]
                matched = True
                break
    if len(words) > 1 and country_name(words[0][0]) is not None:
        words = words[1:]  # "Ambassador to Kenya Ana Ribeiro": the run restarts at "Kenya"
    if not words:
        return None
    last_word, last_start = words[-1]
    last_word = re.sub(r"['’]s$", "", last_word).rstrip(".,")
    words = words[:-1] + [(last_word, last_start)] if last_word else words[:-1]
    if not words:
        return None
    name_start = words[0][1]
    name_end = words[-1][1] + len(words[-1][0])
    name = text[name_start:name_end]
    if len(name) < 2 or (len(words) == 1 and not title_words and len(name) < 3 and not name.istitle()):
        return None  # "Xi", "Li" and "Wu" are names; "UN" and "EU" alone are not people
    mention_start = first if (title_words or country) else name_start
    return Mention(text[mention_start:name_end], mention_start, name_end, name,
                   " ".join(title_words) or None, country)


def _after_an_organisation(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words from a title that follows up to four words of an organisation's name, where a name follows the
    title ("Communist Party General Secretary To Lam", "Central Bank Governor Lesetja Kganyago"); else all."""
    if words and words[0][0] in _TITLES_BY_FIRST:
        return words
    for i in range(1, min(5, len(words) - 1)):
        for title in _TITLES_BY_FIRST.get(words[i][0], ()):
            if [w for w, _ in words[i:i + len(title)]] == title and len(words) > i + len(title):
                return words[i:]
    return words


def country_of_person(name: str, text: str) -> str | None:
    """The country ``text`` gives the person with a demonym or possessive before a title ("Brazilian
    President Lula da Silva", "Ghana's Foreign Minister ..."), as a country name; None when it gives none.
    A country given without a title ("Italy's Iveco", "Italian truckmaker Iveco") makes a company, not a leader."""
    for mention in _find_mentions(text, 0, len(text)):
        if mention.country and mention.title and same_entity(name, mention.name):
            return country_of(mention.country)
    return None


_TITLE_HEADS = frozenset(title.split()[-1].lower() for title in TITLES)  # "Minister", "Secretary", "President"


def holds_an_office(value: str) -> bool:
    """The words name an office or its holder ("Communist Party General Secretary To Lam", "Foreign Minister
    Sikorski"): a title's last word is among them."""
    return any(word.lower() in _TITLE_HEADS for word in re.findall(r"[\w'’.-]+", value))


def is_title_words(value: str) -> bool:
    """The value is made only of words of titles ("Defence", "Foreign Minister"): a title, never a name."""
    words = value.lower().split()
    return bool(words) and all(w in _TITLE_VOCABULARY for w in words)


def strip_title(name: str) -> str:
    """'Kenyan President William Ruto' -> 'William Ruto'; 'FM M. Vieira' -> 'M. Vieira'."""
    words = name.strip().split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        if country_of_demonym(words[0]) is not None:
            words.pop(0)
            changed = True
        for parts in _TITLES_BY_FIRST.get(words[0], ()):
            if words[:len(parts)] == parts and len(words) > len(parts):
                del words[:len(parts)]
                changed = True
                break
    return " ".join(words)


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case name words without titles, punctuation, accents or possessives."""
    core = strip_title(name)
    core = re.sub(r"['’]s\b", "", core)
    tokens = [t for t in re.split(r"[^\w]+", normalise(core)) if t]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:  # "Marcos Jr." is Marcos
        tokens.pop()
    return tuple(tokens)


_SUFFIXES = frozenset(lexicon.words("name_suffixes"))


def _suffix(name: str) -> str | None:
    """The generational suffix a name ends with ("Jr." -> "jr"), if any."""
    last = re.findall(r"\w+", normalise(name))[-1:]
    return last[0] if last and last[0] in _SUFFIXES else None


@lru_cache(maxsize=16384)
def match_names(a: str, b: str, variant_threshold: float = 80.0) -> NameMatch | None:
    """How two person/organisation/place names relate, or None when they are different entities."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return None
    if None not in (_suffix(a), _suffix(b)) and _suffix(a) != _suffix(b):  # "Marcos Sr." is not "Marcos Jr."
        return None
    if ta == tb:
        return NameMatch.exact
    if _compatible(ta, tb, exact=True):
        return NameMatch.alias
    if _compatible(ta, tb, exact=False, threshold=variant_threshold):
        return NameMatch.variant
    return None


def same_entity(a: str, b: str) -> bool:
    """True when the names denote the same entity (aliases and spelling variants included)."""
    return match_names(a, b) is not None


@lru_cache(maxsize=16384)
def same_name(a: str, b: str) -> bool:
    """Same entity as a person compares names: aliases and spellings (:func:`same_entity`), a country
    in any of its forms ("Bolivia" / "Plurinational State of Bolivia"), an acronym and its expansion ("EU" /
    "European Union")."""
    if same_entity(a, b):
        return True
    code = iso_code(a)
    if code and code == iso_code(b):
        return True
    for short, long_ in ((a, b), (b, a)):
        words = re.findall(r"[^\W\d_][\w'’]*", long_)
        if short.isupper() and len(words) > 1 and initials(words) == short.replace(".", ""):
            return True
    return False


def country_of(word: str | None) -> str | None:
    """'Russian' -> 'Russia'; a country name stays as it is."""
    if not word:
        return None
    return country_of_demonym(word.strip()) or word.strip()


def _compatible(ta: tuple[str, ...], tb: tuple[str, ...], *, exact: bool, threshold: float = 100.0) -> bool:
    """Surnames agree and every other word of the shorter name fits one of the longer (initials too)."""
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(long_) > 1 and exact:
        return short[0] in long_  # "Lula" = "Lula da Silva", "Ruto" = "William Ruto"
    if not _token_eq(short[-1], long_[-1], exact, threshold):
        return False
    rest = list(long_[:-1])
    for token in short[:-1]:
        if token in _PARTICLE_WORDS:  # "el-Sisi" / "al-Sisi", "Lula da Silva" / "Lula Silva"
            continue
        hit = next((t for t in rest if _token_eq(token, t, exact, threshold)
                    or (len(token) == 1 and t.startswith(token))
                    or (len(t) == 1 and token.startswith(t))), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _token_eq(a: str, b: str, exact: bool, threshold: float) -> bool:
    if a == b:
        return True
    if exact or len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= threshold
