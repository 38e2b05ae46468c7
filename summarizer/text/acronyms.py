"""Acronyms and their expansions: "FTA" / "Free Trade Agreement", "EU" / "European Union".

An acronym is read off the initials of a run of words, joining words ("of", "and", "the", …: the
lexicon ``acronym_joiners``) left out, so both directions need no list of acronyms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

_ACRONYM = re.compile(r"\b[A-Z][A-Z&\d]{1,7}s?\b")   # "FTA", "M&A", "G20"
_WORD = re.compile(r"[^\W_][\w'’]*")


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    return frozenset(lexicon.words("acronym_joiners"))


def initials(words: list[str]) -> str:
    """Upper-case initials of the words that are not joining words ("Free Trade Agreement" -> "FTA"); a number
    is kept whole ("Group of 20" -> "G20")."""
    return "".join(w if w.isdigit() else w[0].upper() for w in words if w.lower() not in _joiners())


def acronyms_in(text: str) -> set[str]:
    """The acronyms written in a text ("FTAs" -> "FTA")."""
    return {a.rstrip("s").replace("&", "") for a in _ACRONYM.findall(text)}


def expansions(acronym: str, text: str) -> list[str]:
    """Runs of words in ``text`` whose initials spell ``acronym`` (any case: "free trade agreement")."""
    words = _WORD.findall(text)
    letters = acronym.replace("&", "").upper()
    found = []
    for i in range(len(words)):
        run: list[str] = []
        for word in words[i:i + 2 * len(letters)]:
            run.append(word)
            spelled = initials(run)
            if spelled == letters and words[i].lower() not in _joiners():
                found.append(" ".join(run))
                break
            if not letters.startswith(spelled):
                break
    return found


def abbreviated_runs(phrase: str, text: str) -> list[str]:
    """Runs of capitalised words in ``phrase`` written as their acronym in ``text``
    ("Free Trade Agreement" when the text says "FTA")."""
    written = acronyms_in(text)
    words = _WORD.findall(phrase)
    found = []
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 8) + 1):
            run = words[i:j]
            if run[0][0].isupper() and (run[-1][0].isupper() or run[-1].isdigit()) and initials(run) in written:
                found.append(" ".join(run))
    return found


def spelled_both_ways(phrase: str, text: str) -> list[str]:
    """The phrase with its acronyms spelled out as ``text`` spells them, and with its runs of words written as
    the acronyms ``text`` uses ("G20 summit" -> "Group of 20 summit"; "Free Trade Agreement talks" -> "FTA
    talks"); only the spellings that differ from the phrase."""
    spelled, abbreviated = phrase, phrase
    for word in _WORD.findall(phrase):
        found = expansions(word, text) if word.isupper() and len(word) > 1 else []
        if found:
            spelled = re.sub(rf"\b{re.escape(word)}\b", found[0], spelled)
    for run in sorted(abbreviated_runs(phrase, text), key=len, reverse=True):
        abbreviated = abbreviated.replace(run, initials(run.split()))
    return [p for p in dict.fromkeys((spelled, abbreviated)) if p != phrase]
