"""Resolving a quote to a character span of an article: exact, normalised, then fuzzy.

Normalisation folds case, white space, curly/straight quotes and apostrophes, dashes and the
backslash-escaped quotes of bad scrapes, keeping a map back to original offsets. The fuzzy
step seeds candidate regions from word 3-grams shared with the article (one pass over the
article, so cost grows linearly with its length) and scores only windows around the seeds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 90.0
_CHAR_MAP = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
                           "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                           "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "\u00a0": " "})


def _latin_letters() -> dict[int, str]:
    """Accented Latin letters to their base letter, one for one ("Šefčovič" -> "Sefcovic", "ø" -> "o"):
    names reach English news with and without their accents."""
    table = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table | {ord(k): v for k, v in {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}.items()}


_CHAR_MAP.update(_latin_letters())


class AlignmentStatus(str, Enum):
    exact = "exact"
    normalised = "normalised"
    fuzzy = "fuzzy"
    misattributed = "misattributed"   # found, but in another article than the one cited
    not_found = "not_found"


@dataclass(frozen=True)
class Alignment:
    status: AlignmentStatus
    start: int | None = None
    end: int | None = None
    score: float = 0.0
    article_id: str | None = None   # where it was found (differs from the cited one when misattributed)

    @property
    def found(self) -> bool:
        return self.start is not None


_TOKEN = re.compile(r"\s+|\\(?=[\"'‘’“”])|[^\s\\]+|\\")
_ESCAPED_QUOTE = re.compile(r"\\(?=[\"'‘’“”])")  # the backslash of \’ \" in badly scraped text
_SPACES = re.compile(r"\s+")


class NormalisedText:
    """A normalised copy of a text with a map from each normalised character to its original offset."""

    def __init__(self, text: str):
        lowered = _fold(text)
        pieces: list[str] = []
        index: list[int] = []
        last_space = True
        for match in _TOKEN.finditer(lowered):
            token = match.group(0)
            if token[0].isspace():
                if not last_space:
                    pieces.append(" ")
                    index.append(match.start())
                last_space = True
            elif token == "\\" and match.end() < len(lowered) and _ESCAPED_QUOTE.match(lowered, match.start()):
                continue
            else:
                pieces.append(token)
                index.extend(range(match.start(), match.end()))
                last_space = False
        self.text = "".join(pieces)
        self.index = index
        self.original = text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of normalised text[start:end]."""
        return self.index[start], self.index[end - 1] + 1


def unescape_quotes(text: str) -> str:
    """Drop the backslash of escaped quotes (\\’ \\" from bad scrapes)."""
    return _ESCAPED_QUOTE.sub("", text)


def _fold(text: str) -> str:
    """Quotes, dashes, accents and case folded, one character for one (so offsets survive)."""
    lowered = text.translate(_CHAR_MAP).lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): fold char by char
        lowered = "".join(ch.translate(_CHAR_MAP).lower()[:1] or ch for ch in text)
    return lowered


def normalise(text: str) -> str:
    """Case, white space, quotes, apostrophes, dashes and escaped quotes folded (as NormalisedText)."""
    return _SPACES.sub(" ", _fold(unescape_quotes(text))).strip()


class ArticleIndex:
    """One article prepared for repeated alignment (normalised text and a word 3-gram index)."""

    def __init__(self, article_id: str, text: str):
        self.article_id = article_id
        self.text = text
        self.norm = NormalisedText(text)
        self._words = [(m.start(), m.end()) for m in re.finditer(r"\w+", self.norm.text)]
        self._grams: dict[tuple[str, ...], list[int]] = {}
        for i in range(len(self._words) - 2):
            key = tuple(self.norm.text[s:e] for s, e in self._words[i:i + 3])
            self._grams.setdefault(key, []).append(i)

    def align(self, quote: str, threshold: float = FUZZY_THRESHOLD) -> Alignment:
        """Best span for ``quote`` in this article (status not_found when below ``threshold``)."""
        if not quote.strip():
            return Alignment(AlignmentStatus.not_found)
        position = self.text.find(quote)
        if position >= 0:
            return Alignment(AlignmentStatus.exact, position, position + len(quote), 100.0, self.article_id)
        needle = normalise(quote)
        position = self.norm.text.find(needle)
        if position >= 0 and needle:
            start, end = self.norm.span(position, position + len(needle))
            return Alignment(AlignmentStatus.normalised, start, end, 100.0, self.article_id)
        return self._fuzzy(needle, threshold)

    def _fuzzy(self, needle: str, threshold: float) -> Alignment:
        words = re.findall(r"\w+", needle)
        if len(words) < 3:
            return Alignment(AlignmentStatus.not_found)
        starts: dict[int, int] = {}
        for i in range(len(words) - 2):
            for hit in self._grams.get(tuple(words[i:i + 3]), ()):
                region = max(0, hit - i)
                starts[region] = starts.get(region, 0) + 1
        best = Alignment(AlignmentStatus.not_found)
        for region, _ in sorted(starts.items(), key=lambda kv: -kv[1])[:5]:
            first = self._words[min(region, len(self._words) - 1)][0]
            lo = max(0, first - len(needle) // 2)
            window = self.norm.text[lo:first + len(needle) * 3 // 2]
            found = fuzz.partial_ratio_alignment(needle, window)
            if found is not None and found.score > best.score and found.score >= threshold:
                start, end = _snap(self.text, *self.norm.span(lo + found.dest_start, lo + found.dest_end))
                best = Alignment(AlignmentStatus.fuzzy, start, end, round(found.score, 1), self.article_id)
        return best


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


@lru_cache(maxsize=256)
def article_index(article_id: str, text: str) -> ArticleIndex:
    """The (cached) index of one article: checking the same articles again costs no re-indexing."""
    return ArticleIndex(article_id, text)


def align_quote(quote: str, cited: str, indexes: dict[str, ArticleIndex],
                threshold: float = FUZZY_THRESHOLD) -> Alignment:
    """Align in the cited article; failing that, look in the others (misattributed) before giving up."""
    if cited in indexes:
        found = indexes[cited].align(quote, threshold)
        if found.found:
            return found
    for article_id, index in indexes.items():
        if article_id == cited:
            continue
        found = index.align(quote, threshold)
        if found.found:
            return Alignment(AlignmentStatus.misattributed, found.start, found.end, found.score, article_id)
    return Alignment(AlignmentStatus.not_found)
