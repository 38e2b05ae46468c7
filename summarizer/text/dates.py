"""Date phrases found in news text, resolved against the article's publication date.

News convention: a bare weekday ("on Wednesday") is the most recent such day on or before
publication, or the coming one in a clause set in the future ("will meet on Friday", "next Friday");
"next year" is publication year + 1; a month without a year ("in January") is the latest such month,
or the coming one in a future clause; "next March" the coming March; a season ("next spring") the year it
starts in (lexicon ``seasons``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import lexicon

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RELATIVE_YEAR = (r"(?:next|last|this|the\s+coming|the\s+upcoming|the\s+previous|the\s+current)\s+"
                  r"(?:(?:fiscal|financial)\s+)?year")
_RELATIVE_MONTH = r"(?:next|last|this|the\s+coming|the\s+previous)\s+month"
_RELATIVE_WEEK = r"(?:next|last|this|the\s+coming|the\s+previous)\s+week"
_NUMBER_WORDS = {word: int(n) for word, n in lexicon.pairs("number_words")}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {word: int(month) for word, month in lexicon.pairs("seasons")}
_SEASON = "(?:" + "|".join(SEASONS) + ")"
_SEASON_NOT_A_VERB = "(?:" + "|".join(s for s in SEASONS if s != "fall") + ")"  # "Exports fall 2%"
_COUNT = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
# "within five years", "over the next three years", "in two years": the year the span ends
_YEARS_AHEAD = rf"(?:within|in|over\s+the\s+next|in\s+the\s+next|during\s+the\s+next)\s+{_COUNT}\s+years"

# "the first half of (the current) fiscal year 2024-25": the part is dated by the fiscal year's first year
_FISCAL_YEAR = r"(?:the\s+)?(?:current\s+)?(?:fiscal|financial)\s+year\s+(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?"
_MEASURES = lexicon.alternation("trade_metrics") + "|" + lexicon.alternation("period_measures")

DATE_PATTERN = re.compile(
    r"\b(?:"
    rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<dmy>\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
    rf"|(?P<mdy>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}}))"
    rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?!,?\s+\d{{4}}))"
    rf"|(?P<my>{_MONTH}(?:\s+of)?\s+\d{{4}})"
    rf"|(?P<m_rel>(?:(?:in|since|until|by|from|during)\s+)?{_MONTH}\s+{_RELATIVE_YEAR})"
    rf"|(?P<rel_year>{_RELATIVE_YEAR})"
    rf"|(?P<rel_month>{_RELATIVE_MONTH})"
    rf"|(?P<rel_week>{_RELATIVE_WEEK})"
    rf"|(?P<years_ahead>{_YEARS_AHEAD})"
    rf"|(?P<weekday>(?:on\s+|last\s+|this\s+|next\s+|coming\s+)?{_WEEKDAY})"
    # a season: "next spring", "in the autumn", "summer 2026" (a bare "fall" is a verb)
    rf"|(?P<season>(?:(?:next|last|this|coming|(?:in|during|by|until|since|early|late|mid-?)(?:\s+the)?)\s+{_SEASON}"
    rf"(?:\s+(?:of\s+)?(?:19|20)\d{{2}})?|{_SEASON_NOT_A_VERB}\s+(?:of\s+)?(?:19|20)\d{{2}}))"
    rf"|(?P<month>(?:in|since|until|by|from|during|early|late|mid-?|next|last|this|coming)\s+{_MONTH}(?![\w-])(?!,?\s+\d)"
    # a month naming a measure's period: "Malaysia's August exports", "September's trade surplus"
    rf"|(?=(?-i:[A-Z])){_MONTH}(?:['’]s)?(?=\s+(?:{_MEASURES})\b))"
    r"|(?P<day_rel>today|yesterday|tomorrow|this\s+(?:morning|evening|afternoon)|tonight)"
    r"|(?P<fiscal>(?:fiscal|financial)\s+(?:year\s+)?(?:19|20)\d{2}|FY\s?(?:19|20)?\d{2})"
    r"|(?P<part_year>(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)|"
    r"(?:first|last)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)(?:\s+of\s+"
    rf"(?:(?:19|20)\d{{2}}|{_RELATIVE_YEAR}|the\s+year|{_FISCAL_YEAR}))?|(?:Q[1-4]|H[12])\s+(?:19|20)\d{{2}}"
    rf"|(?:early|mid|late)[-\s](?:19|20)\d{{2}})"
    # "the year ended March", "the four quarters to the end of June 2024": a year that ends with that month
    rf"|(?P<year_to>(?:the\s+)?(?:(?:fiscal\s+|financial\s+)?year|(?:12|twelve)\s+months|(?:four|4)\s+quarters)\s+"
    rf"(?:ended|ending|to|through)(?:\s+the\s+end\s+of)?\s+{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d{{2}})?)"
    rf"|(?P<month_range>{_MONTH}\s*[-–]\s*{_MONTH},?\s+(?:19|20)\d{{2}})"  # "January-April 2023"
    r"|(?P<period>\d{4}\s*[-–]\s*\d{2,4})"
    r"|(?P<year>(?:in|by|until|since|of|for)\s+(?:19|20)\d{2}(?!\s*[-–]\s*\d))"
    r")\b",
    re.IGNORECASE,
)


# phrases that give part of a year, or a year that is not the calendar year ("the first four months",
# "January-April 2023", "2022-23", "fiscal 2024", "the year ended March"): a figure for one is not a
# figure for the calendar year
PART_PERIODS = frozenset({"part_year", "year_to", "month_range", "period", "fiscal"})
MONTH_SPAN = re.compile(rf"\b{_MONTH}\s*[-–]\s*{_MONTH}(?!\w)", re.IGNORECASE)  # "July-October", with or without a year

FUTURE = re.compile(r"\b(?:" + lexicon.alternation("future_tense") + r")\b", re.IGNORECASE)
# "invited X to", "an invitation from Emir Sheikh Tamim bin Hamad Al Thani to", "invited by President Lula to"
_INVITATION = re.compile(r"\binvit(?:ation|ed|es|e|ing)\s+(?:(?:from|by)\s+(?:\S+\s+){1,8}?|(?:\S+\s+){0,3}?)to\b",
                         re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    text: str
    start: int
    end: int
    iso: str | None
    kind: str | None = None   # which phrase it is: "year", "part_year", "weekday", ... (DATE_PATTERN's groups)
    base: bool = False        # the base a change is measured against ("up 4% from the same period last year")


def resolve(phrase: str, published: dt.date | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for a date phrase; None when it cannot be resolved."""
    match = DATE_PATTERN.search(phrase)
    if not match:
        return None
    return _resolve_match(match, published)


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None,
               estimated: bool = False) -> list[FoundDate]:
    """Every date phrase in text[start:end] with offsets into ``text``. ``estimated``: ``published`` is
    only known to within days, so phrases counted in days ("yesterday", "today") are left unresolved."""
    found = []
    for match in DATE_PATTERN.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "month" and match.group(0)[0].isupper() and _after_a_name(text, match.start()):
            continue  # "Theresa May trade deal": a name, not a month
        if match.lastgroup == "years_ahead" and _since_the_last(text, match):
            continue  # "their first formal talks in five years": how long since the last, not a date
        iso = None if estimated and match.lastgroup == "day_rel" else _resolve_match(match, published)
        # the comparison word may open the phrase itself: "from October last year"
        lead = _BASE_WORD.match(match.group(0))
        base = bool(iso and len(iso) < 10 and (_measured_from(text, match.start() + (lead.end() if lead else 0))
                                               or _since_a_record(text, match)
                                               or _dates_a_compared_figure(text, published, match, iso)))
        kind = match.lastgroup
        if kind == "rel_year" and "previous" in match.group(0).lower():
            iso = _year_before_the_one_named(text, published, match.start()) or iso
        if kind == "rel_year" and re.search(r"fiscal|financial", match.group(0), re.IGNORECASE):
            kind = "fiscal"  # "the previous fiscal year" is no calendar year
        found.append(FoundDate(match.group(0), match.start(), match.end(), iso, kind, base))
    return found


def _year_before_the_one_named(text: str, published: dt.date | None, at: int) -> str | None:
    """"the previous year" looks back from the year its sentence named before it ("rose to $5bn in 2023 from
    $4bn the previous year": 2022), where "last year" looks back from the telling; None when no year is named
    before it in its sentence."""
    window = max(0, at - 300)
    starts = [m.end() for m in re.finditer(r"[.!?]\s", text[window:at])]
    sentence = window + (starts[-1] if starts else 0)
    named = [d for d in find_dates(text, published, sentence, at) if d.iso and not d.base]
    return f"{int(named[-1].iso[:4]) - 1:04d}" if named else None  # type: ignore[index]


# "from the same period last year", "than in 2023", "the same month of 2024": the date a change is measured from
_COMPARED_WITH = re.compile(r"\b(?:(?:" + lexicon.alternation("comparison_bases") + r")\s+(?:(?:the\s+)?same\s+"
                            r"(?:period|month|quarter|months|time)\s+(?:of\s+|in\s+)?|in\s+)?|the\s+same\s+"
                            r"(?:period|month|quarter|months|time)\s+(?:of\s+|in\s+)?)$", re.IGNORECASE)
_BASE_WORD = re.compile(r"(?:" + lexicon.alternation("comparison_bases") + r")\s+", re.IGNORECASE)
_CHANGED = re.compile("|".join(p.pattern for p in lexicon.table("change_directions").values())
                      + r"|\d\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def year_on(found: FoundDate) -> str | None:
    """The month a change is measured for, where its base is that month a year earlier ("rose 7 percent from
    October last year" -> the October after it); None for any other date."""
    if not found.base or found.kind != "m_rel" or not found.iso or _year_offset(found.text) != -1:
        return None
    return f"{int(found.iso[:4]) + 1:04d}{found.iso[4:]}"


# "from a revised C$7.60 billion", "up from about $10.6 billion": a comparison word before a figure
_COMPARED_FIGURE = re.compile(r"\b(?:" + lexicon.alternation("comparison_bases") + r")\s+(?:(?:a|an|the)\s+)?"
                              r"(?:(?-i:[a-z]+(?:ed|ly))\s+){0,2}(?:(?:" + lexicon.alternation("approximations")
                              + r")\s+)?$", re.IGNORECASE)
_BASE_WORD_IN = re.compile(r"\b" + _BASE_WORD.pattern, re.IGNORECASE)  # anywhere, as a word
_LOOK_BACK = 1500  # characters before a compared figure searched for the story's later period


def _dates_a_compared_figure(text: str, published: dt.date | None, match: re.Match[str], iso: str) -> bool:
    """A month or year straight after the figure a change is measured from dates that figure (and is its
    base), where a later period of the same kind was named before it ("narrowed to C$5.86 billion in June from a
    revised C$7.60 billion in May"; "widened to $1.9 billion from $1.2 billion in February" after March's
    figures). With no later period named, it dates the change itself ("rose to $5 billion from $4.2 billion in
    June")."""
    from .money import find_figures

    before = text[max(0, match.start() - 80):match.start()]
    last = before.rstrip()[-1:]
    if not ((last.isalnum() or last == "%") and _BASE_WORD_IN.search(before)):  # cheap first
        return False
    figures = find_figures(text, max(0, match.start() - 60), match.start())
    if not figures or text[figures[-1].end:match.start()].strip():
        return False
    figure = figures[-1]
    if not _COMPARED_FIGURE.search(text, max(0, figure.start - 40), figure.start):
        return False
    for earlier in DATE_PATTERN.finditer(text, max(0, figure.start - _LOOK_BACK), figure.start):
        named = _resolve_match(earlier, published)
        if named and len(named) == len(iso) and named > iso:
            return True
    return False


_CLAUSE_BEFORE = re.compile(r"[^.;:!?,]*$")
_WORDS_BEFORE = re.compile(r"\b\w+(?:\s+\w+){0,2}\s+$")  # up to three words


def _since_the_last(text: str, match: re.Match[str]) -> bool:
    """"in five years" after "first" or a superlative in its clause ("their first formal talks in five years",
    "the lowest inflation in three years") is how long since the last time, not a date ahead."""
    if not match.group(0).lower().startswith("in"):
        return False
    return _superlative_before(text, _CLAUSE_BEFORE.search(text, max(0, match.start() - 80), match.start()),
                               match.start(), first=True)


def _since_a_record(text: str, match: re.Match[str]) -> bool:
    """"since 2020" after a superlative or "first" ("a surplus of $9 billion, the largest since 2020", "the
    highest level since March", "the first such meeting since November 2023", "their first meeting since Milei
    took office in December 2023") dates what the record is measured against, not the figure or the act."""
    # "since November 2023", "since Milei took office in December 2023"
    before = _SINCE_BEFORE.search(text, max(0, match.start() - 60), match.start())
    if not (match.group(0).lower().startswith("since") or before):
        return False
    at = before.start() if before else match.start()
    return _superlative_before(text, _WORDS_BEFORE.search(text, max(0, at - 40), at), at, first=True)


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE)


def _superlative_before(text: str, before: re.Match[str] | None, at: int, first: bool = False) -> bool:
    """Whether the words ``before`` matched up to ``at`` hold a superlative, or "first" with ``first`` (the
    tagger tells "largest" from "invest"; the parse is asked only here)."""
    if before is None or not before.group(0).strip():
        return False
    from . import nlp

    span = nlp.span_at(text, before.start(), at)
    return span is not None and any(t.tag_ in ("JJS", "RBS") or (first and t.lower_ == "first") for t in span)


def _measured_from(text: str, at: int) -> bool:
    """The date at ``at`` follows a comparison word ("from", "than", "compared with"), in a clause that
    gives a change ("up 4 percent from the same period last year", "higher than in 2023")."""
    cue = _COMPARED_WITH.search(text, max(0, at - 60), at)
    if cue is None:
        return False
    clause = re.split(r"[.;:!?]", text[max(0, cue.start() - 80):cue.start()])[-1]
    return bool(_CHANGED.search(clause))


_WORD_BEFORE = re.compile(r"([A-Za-z’'.]+)\s+$")
_DETERMINERS = frozenset(lexicon.words("anaphoric_determiners"))


def _after_a_name(text: str, at: int) -> bool:
    """The word before ``at`` is a capitalised name or title, not a possessive or a determiner."""
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    word = before.group(1) if before else ""
    return word[:1].isupper() and not word.endswith(("'s", "’s")) and word.lower() not in _DETERMINERS


_YEAR_SPAN = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*(\d{2,4})\b")


def years_spanned(found: FoundDate, published: dt.date | None, value_text: str, value_iso: str | None) -> bool:
    """Whether ``found``, a count of years ahead told as a span ("over the next five years"), covers the span of
    years ``value_text`` writes ("2025-2030", "2025-27"), dated by its first year (``value_iso``): it ends in the
    same year and starts the year it was told or the one after."""
    span = _YEAR_SPAN.search(value_text)
    if span is None or (value_iso or "")[:4] != span.group(1):
        return False
    if found.kind != "years_ahead" or not found.iso or published is None \
            or not re.search(r"\bnext\b", found.text, re.IGNORECASE):
        return False
    first, last = int(span.group(1)), span.group(2)
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    return end == int(found.iso[:4]) and first in (published.year, published.year + 1)


def same_date(a: str | None, b: str | None) -> bool:
    """True when two ISO dates agree at the coarser of their two granularities."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _month(token: str) -> int:
    word = token.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _ahead(match: re.Match[str]) -> bool:
    """The date lies ahead: "next Friday", or a future marker earlier in its clause ("will meet on Friday")."""
    if re.match(r"(?:next|coming)\b", match.group(0), re.IGNORECASE):
        return True
    if FUTURE.search(_clause_up_to(match, 60)):
        return True
    # an invitation is to something ahead, however long what it invites to ("extended an invitation to
    # Museveni to attend the East African Community summit in Nairobi in November")
    return bool(_INVITATION.search(_clause_up_to(match, 150)))


def _clause_up_to(match: re.Match[str], chars: int) -> str:
    """The last clause of the ``chars`` characters before the match; a line ends one too (a headline has no
    full stop)."""
    return re.split(r"[.;:!?\n]", match.string[max(0, match.start() - chars):match.start()])[-1]


def _resolve_match(match: re.Match[str], published: dt.date | None) -> str | None:
    kind = match.lastgroup
    text = match.group(0)
    ahead = kind in ("weekday", "month", "season") and _ahead(match)
    words = re.findall(r"[A-Za-z]+|\d+", text)
    numbers = [int(w) for w in words if w.isdigit()]
    month_words = [w for w in words if w.lower().rstrip(".") in MONTHS]
    if kind == "iso":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if kind in ("dmy", "mdy"):
        day = next(n for n in numbers if n < 100)
        year = next(n for n in numbers if n >= 1000)
        return _safe_date(year, _month(month_words[0]), day)
    if kind == "my":
        return f"{numbers[-1]:04d}-{_month(month_words[0]):02d}"
    if kind == "year":
        return f"{numbers[-1]:04d}"
    if kind == "period":
        return f"{numbers[0]:04d}"
    if kind == "fiscal":  # the fiscal year's own label: "fiscal 2024", "FY24" -> 2024
        return f"{numbers[-1] + 2000 if numbers[-1] < 100 else numbers[-1]:04d}"
    if kind in ("part_year", "year_to", "month_range") and any(n >= 1000 for n in numbers):
        return f"{next(n for n in numbers if n >= 1000):04d}"
    if kind == "season" and numbers:  # "summer 2026"
        return f"{numbers[-1]:04d}"
    if published is None:
        return None
    if kind in ("md", "dm"):
        return _safe_date(published.year, _month(month_words[0]), numbers[0])
    if kind == "rel_year":
        return f"{published.year + _year_offset(text):04d}"
    if kind == "part_year":  # "the second half of the year", "... of next year"
        return f"{published.year + _year_offset(text) - _begun_the_year_before(text, published):04d}"
    if kind == "year_to":  # "the year ended March": the latest March
        return f"{published.year - (1 if _month(month_words[0]) > published.month else 0):04d}"
    if kind == "rel_month":
        index = published.year * 12 + published.month - 1 + _year_offset(text)
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if kind == "rel_week":  # a week is of the month its Thursday falls in (ISO 8601's rule for years)
        thursday = published + dt.timedelta(days=3 - published.weekday() + 7 * _year_offset(text))
        return f"{thursday.year:04d}-{thursday.month:02d}"
    if kind == "years_ahead":
        count = words[-2].lower()
        return f"{published.year + (int(count) if count.isdigit() else _NUMBER_WORDS[count]):04d}"
    if kind == "m_rel":
        return f"{published.year + _year_offset(text):04d}-{_month(month_words[0]):02d}"
    if kind == "weekday":
        target = WEEKDAYS[words[-1].lower()]
        if ahead:  # "will meet on Friday", "next Friday": the coming one
            return (published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)).isoformat()
        back = (published.weekday() - target) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    if kind == "month":  # "in January": the latest one, or the coming one for a future event
        month = _month(month_words[0])
        return f"{_latest_or_coming(text, month, published, ahead):04d}-{month:02d}"
    if kind == "season":  # "next spring": the year the coming spring starts in
        season = next(w.lower() for w in words if w.lower() in SEASONS)
        return f"{_latest_or_coming(text, SEASONS[season], published, ahead):04d}"
    if kind == "day_rel":
        offset = {"yesterday": -1, "tomorrow": 1}.get(words[0].lower(), 0)
        return (published + dt.timedelta(days=offset)).isoformat()
    return None


_PART_MONTHS = {"quarter": 3, "half": 6}


def _begun_the_year_before(part: str, published: dt.date) -> int:
    """1 where a part of the current fiscal year that has already passed is longer than the calendar year so
    far ("the first nine months of the current fiscal year", told in May): that fiscal year began the year
    before, and is dated by its first year; else 0."""
    if not re.search(r"\b(?:current|this)\s+(?:fiscal|financial)\s+year", part, re.IGNORECASE):
        return 0
    counted = re.search(r"(\w+)\s+(months|quarter|half)\b", part, re.IGNORECASE)
    if counted is None:
        return 0
    count, unit = counted.group(1).lower(), counted.group(2).lower()
    number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count) or _ORDINALS.get(count)
    if number is None:
        return 0
    months = number if unit == "months" else number * _PART_MONTHS[unit]  # "the third quarter" ends in month 9
    return 1 if months >= published.month else 0


def _latest_or_coming(text: str, month: int, published: dt.date, ahead: bool) -> int:
    """The year of the month named: the coming one ahead ("next March", "will visit in March"), the one of
    the publication year after "this", the one before the publication month after "last", else the latest one."""
    lowered = text.lower()
    if lowered.startswith("this"):
        return published.year
    if lowered.startswith("last"):
        return published.year - (1 if month >= published.month else 0)
    if ahead:
        return published.year + (1 if month < published.month else 0)
    return published.year - (1 if month > published.month else 0)


def _year_offset(text: str) -> int:
    lowered = text.lower()
    if "next" in lowered or "coming" in lowered or "upcoming" in lowered:
        return 1
    if "last" in lowered or "previous" in lowered:
        return -1
    return 0


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
