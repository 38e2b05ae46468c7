"""Deterministic candidate finding: sentences with offsets, boilerplate and repeats left out,
each tagged with the fact types it may hold. The model only ever sees these passages.

Cleaning shapes what the model is shown (escaped quotes undone, boilerplate skipped); the
passage's ``start``/``end`` always index the article text as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..articles import Article
from . import lexicon
from .align import unescape_quotes
from .money import find_figures

BOILERPLATE = re.compile(
    r"^\s*(?:scroll to top|releated posts|related posts|trending now|you may like to read|leave a reply|"
    r"post comments|continue reading|subscribe|discover more|read more|for breaking news|exciting news|"
    r"your email address|\(with (?:agency )?inputs|•|home\b|world\b|by\s*by|updated:|\(images?:|"
    r"pic\.twitter\.com)",
    re.IGNORECASE,
)
# Everything after one of these lines is page furniture (related posts, comments), not the article.
PAGE_TAIL = re.compile(r"^\s*(?:releated posts|related posts|leave a reply|post comments|discover more from|"
                       r"also read|more from)", re.IGNORECASE)
# Text addressed to a language model rather than to readers.
INJECTION = re.compile(r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions?|prompts?|rules)\b|"
                       r"\b(?:system prompt|you are an? (?:ai|assistant|language model)|as an ai)\b|"
                       r"\b(?:report|say|output|answer)\b.{0,20}\binstead\b", re.IGNORECASE)
_TWEET_TAIL = re.compile(r"pic\.twitter\.com|— .*\(@\w+\)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’\\]*\s+(?=[\"“‘\\]*[A-Z(])|\n\s*\n|\n(?=\S)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Rs|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|Inc|Ltd|Co)|\b[A-Z])\.$")

# Fact-type cues: lexicons/en/cues_<fact list>.txt, one file per fact type.
CUES: dict[str, re.Pattern[str]] = {name.removeprefix("cues_"): lexicon.pattern(name)
                                    for name in lexicon.names("cues_")}


@dataclass
class Passage:
    """One sentence of one article: offsets into the article text, the cleaned text for the model."""

    article_id: str
    start: int
    end: int
    text: str            # the verbatim span article.text[start:end]
    shown: str           # what the model is shown (escapes undone, white space folded)
    kinds: set[str] = field(default_factory=set)
    injection: bool = False   # reads as an instruction to a model: shown to no model, cited by no fact


def clean_for_model(text: str) -> str:
    """Undo escaped quotes (\\’ \\" from bad scrapes) and fold white space."""
    return re.sub(r"\s+", " ", unescape_quotes(text)).strip()


def split_sentences(article: Article) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the article body, trimmed of surrounding white space."""
    return list(sentence_spans(article.text, article.body_start))


@lru_cache(maxsize=64)
def sentence_spans(text: str, body_start: int = 0) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of text[body_start:] (cached: the checker asks once per fact)."""
    spans, pos = [], body_start
    for match in _SENTENCE_END.finditer(text, body_start):
        if _ABBREV.search(text[max(pos, match.start() - 6):match.start()]) and "\n" not in match.group(0):
            continue
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            out.append((start + lead, start + trail))
    return tuple(out)


def is_boilerplate(sentence: str) -> bool:
    """Navigation, subscription blurbs, related-post lists and tweet embeds' trailers."""
    if BOILERPLATE.match(sentence) or _TWEET_TAIL.search(sentence):
        return True
    words = sentence.split()
    return len(words) < 4 and not find_figures(sentence)


def is_headline(sentence: str) -> bool:
    """Title Case lines ("Leaders Meet In Oslo, Sign Fisheries Pact") defeat name finding. A sentence
    that ends like one ("Ursula von der Leyen met Mohammed bin Salman.") is not a headline."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence) if len(w) > 3]
    return len(words) >= 4 and all(w[0].isupper() for w in words) and not sentence.rstrip().endswith((".", "!", "?"))


def find_passages(articles: list[Article], max_chars: int = 1200) -> list[Passage]:
    """Candidate passages across articles, first occurrence only for repeated sentences."""
    seen: set[str] = set()
    passages = []
    for article in articles:
        for start, end in split_sentences(article):
            raw = article.text[start:end]
            if PAGE_TAIL.match(raw):
                break
            if is_boilerplate(raw):
                continue
            shown = clean_for_model(raw)
            key = re.sub(r"\W+", " ", shown.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            injection = bool(INJECTION.search(shown))
            kinds = set() if is_headline(shown) or injection else {
                kind for kind, cue in CUES.items() if cue.search(shown)}
            if "trade_figures" in kinds and not find_figures(raw):
                kinds.discard("trade_figures")
            passages.append(Passage(article.id, start, end, raw, shown[:max_chars], kinds, injection))
    return passages
