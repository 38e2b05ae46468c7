"""Where a careful reader looks when a quote leaves a field out.

A quote carries the core of a fact; its place may be in the dateline ("MOSCOW:"), its date in the
next sentence, its parties in the sentence before ("The two countries signed ..."). For each
evidence span this module finds, in order:

1. ``sentence``: the whole sentence(s) the quote sits in;
2. ``neighbours``: the sentences just before and after it, in the same paragraph, or across a paragraph
   break when the later one refers back ("The summit was held at ...");
3. ``headline``: the article's title, or a first line written as one;
4. ``dateline``: the place (and date) that opens wire copy ("NAIROBI, March 3 (Reuters) -");
5. ``lead``: the article's first paragraph, where news names the sides of its event. Only names come
   from it, and only for a quote that refers to them together ("the two countries", "bilateral trade").

All regions are offsets into the article text, so a field found there still names its span.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..articles import Article
from ..text import lexicon
from ..text.dates import FUTURE, MONTHS
from ..text.passages import is_boilerplate, sentence_spans

WHERE = ("quote", "sentence", "neighbours", "headline", "dateline", "lead")

# "LIMA:", "NEW DELHI, Jan 5 (PTI) -", "Nairobi [Kenya], March 3 (AFP):", "NAIROBI, Kenya -",
# "SEOUL, July 1 (Yonhap) --", "Feb 5 (Reuters) -", "BALLITO, KwaZulu-Natal -". A place in capitals, or
# in any case when a [region], a date or a (wire) follows it; a region after a comma; a date; a wire; a
# colon or dash.
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
_DATELINE_END = r"\s*(?:\([\w .&-]{2,30}\))?\s*(?:--|[:—–-])\s"
_DATELINE = re.compile(
    r"(?:(?P<date_alone>" + _MONTH_DAY + r")(?=" + _DATELINE_END + r")"
    r"|(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]|[A-Z][\w.'’\- ]{1,40}?(?=\s*(?:\[|,\s*[A-Z][a-z]{2,8}\.?\s+\d|\()))"
    r"(?:\s*\[[^\]\n]{2,40}\])?"
    r"(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?(?=,|" + _DATELINE_END + r"))?"
    r"(?:,\s*(?P<date>" + _MONTH_DAY + r"))?)"
    + _DATELINE_END
)
# "the two countries", "both sides", "the two leaders": parties named elsewhere
COLLECTIVE = re.compile(r"\b(?:" + lexicon.alternation("collective_determiners") + r")\s+(?:"
                        + lexicon.alternation("collective_nouns") + r")\b", re.IGNORECASE)

# "bilateral trade", "two-way trade": a measure of both sides, named elsewhere
COLLECTIVE_MEASURE = lexicon.pattern("collective_adjectives")

# A sentence that opens with a pronoun continues the one before it ("It includes ...", "They also signed").
REFERS_BACK = re.compile(r"(?:" + lexicon.alternation("anaphoric_openers") + r")\b", re.IGNORECASE)


# Where an undated article's reference date comes from when its dateline has none: known to within days.
ESTIMATED = "the event's earliest dated article"


@dataclass(frozen=True)
class Region:
    article: Article
    start: int
    end: int
    where: str


@lru_cache(maxsize=64)
def _paragraph_breaks(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer(r"\n[ \t]*\n", text))


def _paragraph(text: str, offset: int) -> int:
    return sum(1 for b in _paragraph_breaks(text) if b < offset)


def _first_line(article: Article) -> tuple[int, int] | None:
    """The first body line that is neither page furniture nor a sentence: a headline."""
    text = article.text
    for line in re.finditer(r"[^\n]+", text[article.body_start:]):
        start = article.body_start + line.start()
        stripped = line.group(0).strip()
        if not stripped or is_boilerplate(stripped):
            continue
        if stripped.endswith((".", "!", "?", ":")) or len(stripped.split()) > 30:
            return None
        lead = len(line.group(0)) - len(line.group(0).lstrip())
        return start + lead, start + lead + len(stripped)
    return None


def headline(article: Article) -> tuple[int, int] | None:
    """Offsets of the article's headline in its text, when it has one."""
    if article.title:
        at = article.text.find(article.title)
        if at >= 0:
            return at, at + len(article.title)
    return _first_line(article)


def _dateline_match(article: Article) -> re.Match[str] | None:
    """The dateline opening the body (its place and date groups), when it has one."""
    text = article.text
    start = article.body_start
    head = headline(article)
    for para in re.finditer(r"[^\n]+", text[start:start + 1500]):
        at = start + para.start()
        if head and head[0] <= at < head[1] or is_boilerplate(para.group(0)):
            continue
        return _DATELINE.match(text, at + len(para.group(0)) - len(para.group(0).lstrip()))
    return None


def lead(article: Article, head: tuple[int, int] | None, place: tuple[int, int] | None) -> tuple[int, int] | None:
    """Offsets of the article's first paragraph after its headline ``head``, without its dateline ``place``."""
    text = article.text
    for para in re.finditer(r"[^\n]+", text[article.body_start:]):
        start, end = article.body_start + para.start(), article.body_start + para.end()
        if (head and head[0] <= start < head[1]) or is_boilerplate(para.group(0)) or not para.group(0).strip():
            continue
        return (place[1] if place and start <= place[0] < end else start), end
    return None


def dateline(article: Article) -> tuple[int, int] | None:
    """Offsets of the dateline opening the body, when it has one."""
    found = _dateline_match(article)
    return (found.start(), found.end()) if found else None


def dateline_place(article: Article) -> str | None:
    """The place the dateline names ("KIGALI", "ULAANBAATAR (AFP) -": the city), when it has one."""
    found = _dateline_match(article)
    return found.group("place").strip() if found and found.group("place") else None


def _dateline_date(article: Article, near: dt.date | None) -> dt.date | None:
    """The dateline's date ("Nairobi, March 3, 2025 (AFP):"); without a year, the year that puts it
    nearest to ``near`` (none without ``near``)."""
    found = _dateline_match(article)
    said = (found.group("date") or found.group("date_alone")) if found else None
    if not said:
        return None
    words = re.findall(r"[A-Za-z]+|\d+", said)
    month, day = MONTHS.get(words[0].lower().rstrip(".")), int(words[1])
    years = [int(words[2])] if len(words) > 2 else [near.year - 1, near.year, near.year + 1] if near else []
    candidates = []
    for year in years:
        try:
            candidates.append(dt.date(year, month, day))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return min(candidates, key=lambda d: abs((d - near).days) if near else 0, default=None)


def dated(articles: list[Article]) -> list[Article]:
    """The articles, each with a date to resolve "on Wednesday" and "last year" against.

    An article whose header gives no date takes its dateline's date ("Moscow, March 3 (AFP):"), the year
    taken from the event's dated articles when the dateline has none; failing that, the date of the event's
    earliest dated article (reports of one event follow it within days; :data:`ESTIMATED`). ``dated_from``
    says which."""
    known = sorted(a.published for a in articles if a.published)
    if len(known) == len(articles):
        return articles
    out = []
    for article in articles:
        if article.published is None:
            when, source = _dateline_date(article, known[0] if known else None), "its dateline"
            if when is None and known:
                when, source = known[0], ESTIMATED
            if when is not None:
                article = article.model_copy(update={"published": when, "dated_from": source})
        out.append(article)
    return out


def sentence_index(sentences: tuple[tuple[int, int], ...], offset: int) -> int | None:
    """The index of the sentence (of :func:`passages.sentence_spans`) holding ``offset``, if any."""
    for i, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return i
    return None


def _continues(text: str, sentences: tuple[tuple[int, int], ...], before: int, after: int) -> bool:
    """Sentence ``after`` continues sentence ``before`` across a paragraph break, as one-sentence
    paragraphs of online news do: it opens by referring back ("The summit was held at ...", "It
    includes ...", "The ministers later met ...") and tells of the same time, not of something still to come."""
    start, end = sentences[after]
    return bool(REFERS_BACK.match(text, start) or COLLECTIVE.match(text, start)) and not FUTURE.search(text, start, end)


def regions(article: Article, start: int, end: int) -> list[Region]:
    """The context of text[start:end], in the order a reader looks (see the module doc)."""
    text = article.text
    sentences = sentence_spans(text, min(article.body_start, start))
    first = sentence_index(sentences, start)
    closed = len(text[start:end].rstrip("\"”’'\\ "))  # a quote may keep the closing quotation marks ('prosperity."')
    last = sentence_index(sentences, max(start, start + closed - 1))
    found: list[Region] = []
    if first is not None and last is not None:
        found.append(Region(article, min(start, sentences[first][0]), max(end, sentences[last][1]), "sentence"))
        for i in (first - 1, last + 1):
            if 0 <= i < len(sentences) and (_paragraph(text, sentences[i][0]) == _paragraph(text, start)
                                            or _continues(text, sentences, min(i, first), max(i, last))):
                found.append(Region(article, *sentences[i], "neighbours"))
    head, place = headline(article), dateline(article)
    for where, span in (("headline", head), ("dateline", place), ("lead", lead(article, head, place))):
        if span and not (span[0] <= start and end <= span[1]):
            found.append(Region(article, *span, where))
    return found
