"""Money and quantity expressions: "US$50 billion", "50 billion USD", "$50bn", "Rs 4,000 crore".

Each is parsed into value (as written), scale word and ISO currency so that a summary's
figure can be compared with its source field by field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from . import lexicon

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
          "thousand crore": 1e10, "lakh crore": 1e12}  # Indian English: "Rs 3.7 lakh crore"
_SCALE_ALIASES = {"k": "thousand", "mn": "million", "m": "million", "mln": "million", "bn": "billion",
                  "b": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion", "lakhs": "lakh",
                  "crores": "crore", "thousands": "thousand", "millions": "million", "billions": "billion",
                  "trillions": "trillion"}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = (r"(?P<scale>(?:lakhs?|thousands?)\s+crores?|thousands?|millions?|billions?|trillions?|lakhs?|crores?"
          r"|bn|mn|mln|bln|tn|trn|k|m|b)")


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """Lower-cased sign, code or name -> ISO 4217 code: babel's CLDR data for every currency, then the
    lexicon's choices for words several currencies share ("dollar", "pound")."""
    from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

    words: dict[str, str] = {}
    last_words: dict[str, set[str]] = {}
    for code in sorted(list_currencies()):
        words[code.lower()] = code
        symbol = get_currency_symbol(code, "en")
        if symbol != code:
            words.setdefault(symbol.lower(), code)
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            words.setdefault(name, code)
            last_words.setdefault(name.split()[-1], set()).add(code)
            *qualifier, last = name.split()
            for english in _translations().get(last, ()):  # "danish krone" -> "danish crowns"
                words.setdefault(" ".join([*qualifier, english]), code)
    words.update({word: next(iter(codes)) for word, codes in last_words.items() if len(codes) == 1})
    for symbol, code in _local_symbols().items():
        words.setdefault(symbol.lower(), code)
    words.update((word.lower(), code) for word, code in lexicon.pairs("currency_words"))
    words.update((sign.lower(), code) for sign, code in lexicon.pairs("currency_signs"))
    return words


@lru_cache(maxsize=1)
def territories_of_currencies() -> dict[str, frozenset[str]]:
    """ISO 4217 code -> the ISO 3166 territories whose tender it is today (CLDR, through babel)."""
    from babel.core import get_global

    out: dict[str, set[str]] = {}
    for territory, entries in get_global("territory_currencies").items():
        for code, _, until, tender in entries:
            if until is None and tender:
                out.setdefault(code, set()).add(territory)
    return {code: frozenset(places) for code, places in out.items()}


@lru_cache(maxsize=1)
def shared_currency_names() -> dict[str, frozenset[str]]:
    """A currency's last word or words that several currencies in use share ("shilling", "peso", "rupee",
    "dinar", "CFA franc", also in the plural) -> their ISO codes: the country the text is about says which
    one it is."""
    from babel.numbers import get_currency_name

    names: dict[str, set[str]] = {}
    for code in territories_of_currencies():
        for count in (1, 2):
            *qualifier, last = get_currency_name(code, count=count, locale="en").lower().split()
            for word in (last, *_translations().get(last, ())):
                names.setdefault(word, set()).add(code)
            for i in range(1, len(qualifier)):  # "west african cfa franc": "cfa franc", "african cfa franc"
                names.setdefault(" ".join([*qualifier[i:], last]), set()).add(code)
    return {word: frozenset(codes) for word, codes in names.items() if len(codes) > 1}


@lru_cache(maxsize=1)
def _translations() -> dict[str, tuple[str, ...]]:
    """A CLDR name's last word -> the English words news writes for it ("krone" -> "crown", "crowns")."""
    out: dict[str, list[str]] = {}
    for english, natives in lexicon.pairs("currency_translations"):
        for native in natives.split(","):
            out.setdefault(native.strip(), []).append(english)
    return {native: tuple(english) for native, english in out.items()}


@lru_cache(maxsize=1)
def _short_letter_signs() -> dict[str, frozenset[str]]:
    """One- and two-letter signs a country's own news writes for its currency ("R20.1 billion" in South
    Africa, "K5bn" in Zambia, "P2 billion" in Botswana or the Philippines) -> the currencies they may be.
    A letter may stand for another currency where CLDR does not list it, so the figure is read in none
    of them: the country the article names says which (:func:`currencies_it_may_be`). They read as words
    and initials, so they count only against an amount with a scale word or thousands separators."""
    lettered = {sign for sign, _ in lexicon.pairs("currency_signs")}
    signs = {symbol: set(codes) for symbol, codes in _symbols_in_local_news().items()
             if symbol.isalpha() and len(symbol) <= 2 and symbol not in lettered and symbol not in codes}
    for sign, code in lexicon.pairs("currency_letter_signs"):
        signs.setdefault(sign, set()).add(code)
    return {sign: frozenset(codes) for sign, codes in signs.items()}


@lru_cache(maxsize=1)
def _signs_in_letters() -> set[str]:
    """Currency signs written in letters before an amount ("Rs 500 crore", "Ksh 12 billion")."""
    signs = {sign for sign, _ in lexicon.pairs("currency_signs")} | set(_local_symbols())
    return {sign for sign in signs if sign.replace(".", "").isalpha()}


@lru_cache(maxsize=1)
def _local_symbols() -> dict[str, str]:
    """Signs that English-language news of a country writes for its own currency (CLDR, through babel:
    "Ksh" in Kenya, "₦" in Nigeria, "GH₵" in Ghana), where only one currency uses them. Bare letters
    ("R", "P") and two-letter signs are left out: they read as words; the lexicon adds those it needs."""
    return {symbol: next(iter(codes)) for symbol, codes in _symbols_in_local_news().items()
            if len(codes) == 1 and symbol not in codes and (not symbol.isalpha() or len(symbol) > 2)}


@lru_cache(maxsize=1)
def _symbols_in_local_news() -> dict[str, frozenset[str]]:
    """Each sign English-language news of a country writes for its own currency -> the currencies it so
    stands for ("$": USD, AUD, CAD, ...; "Rs": PKR, MUR)."""
    import datetime as dt

    from babel.localedata import locale_identifiers
    from babel.numbers import get_currency_symbol, get_territory_currencies

    seen: dict[str, set[str]] = {}
    today = dt.date.today()
    for ident in locale_identifiers():
        territory = ident.rpartition("_")[2]
        if not ident.startswith("en_") or len(territory) != 2 or not territory.isalpha():
            continue
        for code in get_territory_currencies(territory, today)[:1]:
            seen.setdefault(get_currency_symbol(code, ident), set()).add(code)
    return {symbol: frozenset(codes) for symbol, codes in seen.items()}


def currencies_it_may_be(marker: str) -> frozenset[str]:
    """The currencies a sign or name several countries share may stand for in a country's own news ("$",
    "Rs", "shillings", "pesos"), besides the one it is read as; none for a sign of one currency ("€")."""
    shared = shared_currency_names().get(marker.lower(), frozenset())
    named = _abbreviations().get(marker)  # "Rs": rupees
    shared |= shared_currency_names().get(named, frozenset()) if named else frozenset()
    signs = _symbols_in_local_news().get(marker, frozenset())
    return shared | (signs if len(signs) > 1 else frozenset()) | _short_letter_signs().get(marker, frozenset())


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    """Letters the press writes for a currency name several countries share ("Rs" -> "rupee")."""
    return dict(lexicon.pairs("currency_abbreviations"))


@lru_cache(maxsize=1)
def figure_pattern() -> re.Pattern[str]:
    """Amounts with an optional currency sign or code before and a currency word after ("5 billion euros", "a
    1.8 trillion-won deal"), or percentages."""
    known = currency_words()
    codes = sorted(w.upper() for w, c in known.items() if w.upper() == c)
    lettered = {sign.lower() for sign in _signs_in_letters()}
    signs = sorted((w for w in known if not w.isalpha() and w not in lettered), key=len, reverse=True)
    # a name several currencies share in more than one word ("CFA francs") is read in none of them: the country
    # the article names says which (:func:`currencies_it_may_be`)
    shared = [w for w in shared_currency_names() if " " in w and w not in known]
    names = sorted([*(w for w in known if w.replace(" ", "").replace(".", "").isalpha() and w.upper() != known[w]
                      and w not in lettered), *shared], key=len, reverse=True)
    # signs in letters keep their case ("Rs", "RM"): in lower case they are words
    sign_alt = "|".join([re.escape(w) for w in signs]
                        + [f"(?-i:{re.escape(w)})" for w in sorted(_signs_in_letters(), key=len, reverse=True)])
    code_alt = "|".join(codes)
    name_alt = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in names)
    short_alt = "|".join(sorted(_short_letter_signs(), key=len, reverse=True))
    name_alt += "|" + "|".join(re.escape(w) for w in _subunits() if len(w) > 1)
    # a one-letter subunit counts only written onto the number: "1,315p a share"
    attached = "|".join(re.escape(w) for w in _subunits() if len(w) == 1) or "(?!)"
    prefix = rf"(?P<pre>(?-i:{code_alt})\s?(?=\d)|{sign_alt}|(?-i:{short_alt})(?=\d))"
    suffix = rf"(?P<post>(?-i:{code_alt})|{name_alt})"
    # the look-ahead (a digit within a sign's length) lets most positions fail before the long alternations
    return re.compile(rf"(?<![\w.])(?=\S)(?=\S{{0,5}}\s?\d){prefix}?\s?{_NUMBER}(?:\s?-?{_SCALE}\b)?"
                      rf"(?:(?:\s+|-){suffix}\b|(?P<attached>(?-i:{attached}))\b)?"
                      rf"(?P<pct>\s?(?:%|per\s?cent|percent))?", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    scale: str | None
    currency: str | None
    percent: bool = False
    marker: str | None = None   # the currency sign or word as written ("$", "Rs", "shillings")

    @property
    def amount(self) -> float:
        """The value with its scale applied."""
        return self.value * SCALES.get(self.scale or "", 1.0)


@lru_cache(maxsize=1)
def _subunits() -> dict[str, str]:
    """A currency's hundredth named as a word of its own -> the currency ("pence" -> GBP)."""
    return {word.lower(): code for word, code in lexicon.pairs("currency_subunits")}


def normalise_scale(word: str | None) -> str | None:
    """'bn' -> 'billion'; None and unknown words stay None."""
    if not word:
        return None
    lowered = " ".join(_SCALE_ALIASES.get(w, w) for w in word.strip().lower().split())
    return lowered if lowered in SCALES else None


def normalise_currency(word: str | None) -> str | None:
    """'US$' / 'dollars' / 'usd' -> 'USD'; unknown words are upper-cased if they look like ISO codes."""
    if not word:
        return None
    lowered = re.sub(r"\s+", " ", word.strip().lower())
    if lowered in currency_words():
        return currency_words()[lowered]
    return word.strip().upper() if re.fullmatch(r"[A-Za-z]{3}", word.strip()) else None


_YEAR = re.compile(r"(?:19|20)\d{2}")


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Money amounts and percentages in text[start:end]; bare numbers (years, counts) are skipped."""
    figures = []
    for match in figure_pattern().finditer(text, start, len(text) if end is None else end):
        pre, post, scale_word = match.group("pre"), match.group("post") or match.group("attached"), match.group("scale")
        if match.group("attached") and _YEAR.fullmatch(match.group("num")):
            continue  # "2024p": a provisional year in a table, not pence
        pre = pre.strip() if pre else pre
        scale = normalise_scale(scale_word)
        if scale_word and scale is None:
            continue
        # single-letter scales ("m", "b", "k") only count right after a currency sign: "$5m"
        if scale_word and len(scale_word) == 1 and not pre:
            scale = None
        percent = bool(match.group("pct"))
        if not (pre or post or percent or (scale and scale_word and len(scale_word) > 1)):
            continue
        short_sign = pre in _short_letter_signs()
        if short_sign and (percent or not (scale or "," in match.group("num"))):
            continue  # "R2", "P5", "G7": letters and a number, not an amount
        value = float(match.group("num").replace(",", ""))
        currency = None if short_sign else normalise_currency(pre or post)
        if post and post.lower() in _subunits():  # "85 pence": GBP 0.85
            value, currency = value / 100, _subunits()[post.lower()]
        matched_end = match.end() if (scale or post or percent) else match.end("num")
        figures.append(Figure(text[match.start():matched_end], match.start(), matched_end, value, scale,
                              currency, percent, pre or post))
    return figures


def same_amount(a: float, b: float, rel: float = 1e-6) -> bool:
    """Equal up to float rounding."""
    return abs(a - b) <= rel * max(abs(a), abs(b), 1.0)


def rounds_to(precise: float, rough: float, within: float = 0.03) -> bool:
    """``rough`` is ``precise`` rounded to rough's own last digit, and within 3 % of it: 69 and 70 for 68.7,
    60 for 61 (news reports one figure at different precisions), not 1 for 1.4 nor 70 for 67."""
    if same_amount(precise, rough) or not precise or abs(rough - precise) > within * abs(precise):
        return False
    exponent = Decimal(repr(float(rough))).normalize().as_tuple().exponent
    return isinstance(exponent, int) and same_amount(round(precise, -exponent), rough)


def scaled(value: float, scale: str | None) -> float:
    """The value with its scale word applied: (50, 'bn') -> 5e10."""
    return value * SCALES.get(normalise_scale(scale) or "", 1.0)


_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:(?:" + lexicon.alternation("approximations") + r")\s+)?$", re.IGNORECASE)


def conversions(text: str, figures: list[Figure]) -> list[Figure]:
    """Money figures that restate the one before them in another currency, in brackets: "$61 billion
    (roughly Rs. 4,73,223 crore)", "€4bn ($4.3bn)". They are that figure's, not figures of their own."""
    money = [f for f in figures if not f.percent]
    return [f for before, f in pairwise(money)
            if f.currency != before.currency and _CONVERSION_GAP.fullmatch(text[before.end:f.start])]
