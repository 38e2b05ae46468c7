"""Word lists as data: ``summarizer/text/lexicons/<language>/<name>.txt``, one entry a line.

An entry is a word or phrase of general news English. ``*`` at the end of a word stands for any
ending (``negotiat*``: negotiate, negotiations); a space matches any white space; ``...`` stands for up
to five words of the same clause (``decision ... to sign``: "a decision at its cabinet meeting to sign");
``#`` starts a comment. Code asks for a list by name; it never spells the words itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

LANGUAGE = "en"


@lru_cache(maxsize=None)
def words(name: str, language: str = LANGUAGE) -> tuple[str, ...]:
    """The entries of one list, in file order."""
    path = resources.files("summarizer.text") / "lexicons" / language / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"lexicon {language}/{name}.txt cannot be read ({exc})") from exc
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)


# "..." in an entry: up to five words of the same clause, figures among them ("completed its $14.1 billion
# acquisition"); a word ending a sentence ends the gap
_GAP = r",?\s+(?:[$€£¥]?[\w'’-]+(?:\.\d+)?(?:%|[a-z]+)?,?\s+){0,5}?"  # "its £3.3bn", "a 4.5%"


def _entry_pattern(entry: str) -> str:
    out = ""
    for word in entry.split():
        if word == "...":
            out += _GAP
            continue
        out += (r"\s+" if out and not out.endswith(_GAP) else "") + (
            re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return out


def alternation(name: str, language: str = LANGUAGE) -> str:
    """The list as one regular-expression alternation (longest entries first), to build larger patterns."""
    return "|".join(_entry_pattern(e) for e in sorted(words(name, language), key=len, reverse=True))


@lru_cache(maxsize=None)
def pattern(name: str, language: str = LANGUAGE, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regular expression matching any entry of the list as whole words (longest entries first)."""
    return re.compile(r"\b(?:" + alternation(name, language) + r")\b", flags)


def pairs(name: str, language: str = LANGUAGE) -> list[tuple[str, str]]:
    """A list of ``key = value`` lines, as (key, value) pairs."""
    return [(key.strip(), value.strip()) for key, _, value in (line.partition("=") for line in words(name, language))]


@lru_cache(maxsize=None)
def table(name: str, language: str = LANGUAGE) -> dict[str, re.Pattern[str]]:
    """A list of ``key = entry, entry`` lines: each key with one pattern matching any of its entries."""
    out: dict[str, re.Pattern[str]] = {}
    for key, entries in pairs(name, language):
        alternatives = [_entry_pattern(e.strip()) for e in entries.split(",") if e.strip()]
        out[key] = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
    return out


def names(prefix: str, language: str = LANGUAGE) -> list[str]:
    """The names of the lists that start with ``prefix`` (``cues_`` -> ``cues_meetings``, ...)."""
    folder = resources.files("summarizer.text") / "lexicons" / language
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".txt"))
