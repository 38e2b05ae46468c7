"""Countries and their nationality words: pycountry's list of countries (ISO 3166), plus the
demonym lexicon for the irregular ones ("Dutch" -> Netherlands, "Swiss" -> Switzerland)."""

from __future__ import annotations

from functools import lru_cache

from . import lexicon


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every name pycountry knows for a country (lower-cased) -> its common short name."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        for name in (country.name, short, getattr(country, "official_name", None)):
            if name:
                names[name.lower()] = short
    for common in demonyms().values():
        names.setdefault(common.lower(), common)
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality word -> country, from the lexicon."""
    return dict(lexicon.pairs("demonyms"))


def country_name(name: str) -> str | None:
    """The country's common name when ``name`` names a country ("Republic of Kenya" -> "Kenya")."""
    return _names().get(name.strip().lower())


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> str | None:
    """'Kenyan' -> 'Kenya', 'Dutch' -> 'Netherlands'; None when the word names no nationality."""
    word = word.strip()
    if word in demonyms():
        return demonyms()[word]
    lowered = word.lower()
    if len(lowered) < 5 or not lowered.endswith(("an", "ian", "ese", "ish", "i")):
        return None
    best, shared = None, 0
    for name, short in _names().items():
        if " " in name:
            continue
        common = 0
        for a, b in zip(lowered, name):
            if a != b:
                break
            common += 1
        if common >= max(4, len(name) - 1) and common > shared:
            best, shared = short, common
    return best
