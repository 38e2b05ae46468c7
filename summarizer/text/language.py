"""Can the English pipeline read this article? A script check and spaCy's English stop words."""

from __future__ import annotations

import re

from ..articles import Article

MIN_LATIN_SHARE = 0.5       # share of letters in Latin script
MIN_FUNCTION_WORDS = 0.13   # share of English function words: news English runs at 0.3-0.5, name-heavy
                            # sentences at ~0.18; Portuguese, French and German at 0.04-0.10 (spaCy stop words)
_WORD = re.compile(r"[^\W\d_]+")


def unreadable_reason(article: Article) -> str | None:
    """Why the article cannot be read as English news, or None when it can."""
    from spacy.lang.en.stop_words import STOP_WORDS

    letters = [c for c in article.body if c.isalpha()]
    if not letters:
        return "it has no text"
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / len(letters)
    if latin < MIN_LATIN_SHARE:
        return "it is not in the Latin script (only English is read)"
    words = _WORD.findall(article.body.lower())
    if len(words) >= 20 and sum(w in STOP_WORDS for w in words) / len(words) < MIN_FUNCTION_WORDS:
        return "it does not read as English (only English is read)"
    return None
