"""Money and quantity expressions: "US$50 billion", "50 billion USD", "$50bn", "Rs 4,000 crore".

Each is parsed into value (as written), scale word and ISO currency so that a summary's
figure can be compared with its source field by field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
_SCALE_ALIASES = {"k": "thousand", "mn": "million", "m": "million", "mln": "million", "bn": "billion",
                  "b": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion", "lakhs": "lakh",
                  "crores": "crore", "thousands": "thousand", "millions": "million", "billions": "billion",
                  "trillions": "trillion"}
_CURRENCY_WORDS = {
    "us$": "USD", "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "rupee": "INR", "rupees": "INR",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
    "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "rub": "RUB", "yen": "JPY", "jpy": "JPY",
}
_PREFIX = r"(?P<pre>US\$|USD|INR|EUR|GBP|CNY|RUB|Rs\.?|₹|€|£|\$)"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?P<scale>thousands?|millions?|billions?|trillions?|lakhs?|crores?|bn|mn|mln|bln|tn|trn|k|m|b)"
_SUFFIX = r"(?P<post>US\s+dollars|dollars|USD|INR|rupees|euros|EUR|yuan|CNY|roubles|rubles|RUB|yen|pounds)"

FIGURE_PATTERN = re.compile(
    rf"(?<![\w.]){_PREFIX}?\s?{_NUMBER}(?:\s?-?{_SCALE}\b)?(?:\s+{_SUFFIX}\b)?(?P<pct>\s?(?:%|per\s?cent|percent))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    scale: str | None
    currency: str | None
    percent: bool = False

    @property
    def amount(self) -> float:
        """The value with its scale applied."""
        return self.value * SCALES.get(self.scale or "", 1.0)


def normalise_scale(word: str | None) -> str | None:
    """'bn' -> 'billion'; None and unknown words stay None."""
    if not word:
        return None
    lowered = word.strip().lower()
    lowered = _SCALE_ALIASES.get(lowered, lowered)
    return lowered if lowered in SCALES else None


def normalise_currency(word: str | None) -> str | None:
    """'US$' / 'dollars' / 'usd' -> 'USD'; unknown words are upper-cased if they look like ISO codes."""
    if not word:
        return None
    lowered = re.sub(r"\s+", " ", word.strip().lower())
    if lowered in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[lowered]
    return word.strip().upper() if re.fullmatch(r"[A-Za-z]{3}", word.strip()) else None


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Money amounts and percentages in text[start:end]; bare numbers (years, counts) are skipped."""
    figures = []
    for match in FIGURE_PATTERN.finditer(text, start, len(text) if end is None else end):
        pre, post, scale_word = match.group("pre"), match.group("post"), match.group("scale")
        scale = normalise_scale(scale_word)
        if scale_word and scale is None:
            continue
        # single-letter scales ("m", "b", "k") only count right after a currency sign: "$5m"
        if scale_word and len(scale_word) == 1 and not pre:
            scale = None
        percent = bool(match.group("pct"))
        if not (pre or post or percent or (scale and scale_word and len(scale_word) > 1)):
            continue
        value = float(match.group("num").replace(",", ""))
        currency = normalise_currency(pre or post)
        matched_end = match.end() if (scale or post or percent) else match.end("num")
        figures.append(Figure(text[match.start():matched_end], match.start(), matched_end, value, scale,
                              currency, percent))
    return figures


def same_amount(a: float, b: float, rel: float = 1e-6) -> bool:
    """Equal up to float rounding."""
    return abs(a - b) <= rel * max(abs(a), abs(b), 1.0)


def scaled(value: float, scale: str | None) -> float:
    """The value with its scale word applied: (50, 'bn') -> 5e10."""
    return value * SCALES.get(normalise_scale(scale) or "", 1.0)
