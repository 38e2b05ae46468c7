"""Trade figures: a metric with value, scale, currency, period, qualifier and growth."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any

from pydantic import create_model

from ..articles import Article
from ..extract.tasks import (
    NONE,
    PassageContext,
    Task,
    choice,
    date_ref,
    grammar_safe,
    listing,
    optional,
    unique,
)
from ..grounding.context import dateline, headline, lead, sentence_index
from ..grounding.fields import (
    FieldCheck,
    Rules,
    Span,
    Support,
    Verdict,
    check_date_in_context,
    check_name,
    check_words,
    country_words,
    date_of_the_story,
    field,
    in_context,
    word_class,
    words_present,
)
from ..schema import DateRef, Fact, TradeFigure
from ..text import lexicon, nlp
from ..text.countries import iso_code, name_of_code
from ..text.dates import (
    FUTURE,
    MONTH_SPAN,
    PART_PERIODS,
    FoundDate,
    find_dates,
    same_date,
    year_on,
)
from ..text.money import (
    Figure,
    conversions,
    currencies_it_may_be,
    currency_words,
    find_figures,
    normalise_currency,
    normalise_scale,
    rounds_to,
    same_amount,
    scaled,
    territories_of_currencies,
)
from ..text.names import country_of, find_mentions, name_tokens
from ..text.passages import sentence_spans
from ..text.roles import in_a_clause_of_its_own, in_another_clause, verb_over
from .merge import better_date
from .registry import FactSpec, register

_METRICS = lexicon.pattern("trade_metrics")
_QUALIFIERS = lexicon.pattern("figure_qualifiers")
_QUALIFIER_REACH = 12  # characters between a qualifier and its figure ("reached a record $5bn")


def check_figure(fact: TradeFigure, support: Support) -> FieldCheck:
    """Value, scale and currency all equal to a figure in the evidence; a fact that leaves the currency out
    states none, and only its amount is compared."""
    scale, currency = normalise_scale(fact.scale), normalise_currency(fact.currency)
    amount = scaled(fact.value, scale)
    seen = []
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if figure.percent:
                continue
            span = Span(article_id=article.id, start=figure.start, end=figure.end)
            if same_amount(figure.amount, amount) and figure.currency == currency:
                other = _another_countrys_currency(figure, article)
                if other:  # "65 billion dirhams" in a story on Morocco: MAD, not the default AED
                    return field(Verdict.unsupported, f"{figure.text!r} reads as {figure.currency}, but may be the "
                                                      f"{min(other)} of a country the article names", fact.value, [span])
                return field(Verdict.supported, f"{figure.text!r} in the evidence", fact.value, [span])
            if same_amount(figure.amount, amount) and not fact.currency:  # left out, not stated otherwise
                return field(Verdict.supported, f"{figure.text!r} in the evidence, in {figure.currency}; the fact "
                                                "leaves the currency out", fact.value, [span])
            seen.append((figure, span, article))
    if seen:
        figure, span, article = seen[0]
        parts = []
        if not same_amount(figure.amount, amount):
            parts.append(f"{figure.value:g} {figure.scale or ''} not {fact.value:g} {scale or ''}".replace("  ", " "))
        if figure.currency != currency:
            named = _country_currency(figure, currency, article) if not parts else None
            # "Rs 251 billion" in a story that names Nepal and not India: Nepalese rupees
            if named == {currency} and (figure.currency is None or _another_countrys_currency(figure, article)):
                return field(Verdict.supported, f"{figure.text!r}: the currency of the country the article names",
                             fact.value, [span])
            if figure.currency is None and not parts:  # an amount in a currency we cannot read
                return field(Verdict.unsupported, f"the evidence says {figure.text!r} in no currency it names "
                                                  f"as {currency}", fact.value, [span])
            if named and currency in named:  # "Rs 500 crore" in an article on Pakistan may be rupees of either
                return field(Verdict.unsupported, f"{figure.text!r} reads as {figure.currency}, but may be the "
                                                  f"{currency} of a country the article names", fact.value, [span])
            parts.append(f"currency {figure.currency} not {currency}")
        return field(Verdict.contradicted, f"the evidence says {figure.text!r}: {', '.join(parts)}",
                      fact.value, [span])
    return field(Verdict.unsupported, "no figure in the evidence", fact.value)


def _another_countrys_currency(figure: Figure, article: Article) -> set[str]:
    """For a figure whose currency is a name or letters several currencies share, read as one of them by
    default ("dirhams" as AED, "Rs" as INR): the others whose countries the article names, when it names none
    of the default's. Signs ("$") are left to their default."""
    if not (figure.marker and figure.marker.replace(" ", "").isalpha() and len(figure.marker) > 1):
        return set()
    named = _country_currency(figure, figure.currency, article) or set()
    return set() if figure.currency in named else named


def _country_currency(figure: Figure, currency: str | None, article: Article) -> set[str] | None:
    """For a figure of ``article`` whose sign or name several currencies share ("$5bn", "Rs 500 crore",
    "312 billion shillings") and may be ``currency``: the currencies among them of the countries the
    article names. None when the figure's sign or name cannot be ``currency``."""
    after = re.match(r"\s*([A-Za-z]+)", article.text[figure.end:figure.end + 20])
    marker = figure.marker or (after.group(1) if after else "")
    codes = currencies_it_may_be(marker) if marker else frozenset()
    if currency not in codes:
        return None
    return {code for code in codes for place in territories_of_currencies().get(code, ())
            if any(country_words(name_of_code(place) or place, article.text, 0, len(article.text)))}


_APPROXIMATE = set(lexicon.words("approximations"))
_LOWER_BOUNDS = set(lexicon.words("lower_bounds"))  # "more than" / "exceeded"
_TARGETS = word_class("target")
_DIRECTIONS = lexicon.table("metric_directions")
_INCLUDES = lexicon.pattern("inclusion_words")
# where a clause ends: a figure's measure is named in its own clause ("exports rose to $4bn while imports ...")
_CLAUSE_END = re.compile(r";|(?-i:(?<![A-Z]))\.(?!\w)|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)  # not "U.S."


def _clause_start(before: str) -> int:
    """Where the last clause of ``before`` starts: after its last clause end, or at 0."""
    return max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)


_BOTH_WAYS = lexicon.pattern("both_ways")


def _measures(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The measures text[start:] names, as (start, end, key), without the ways of a total named together
    ("import and export turnover" names no imports)."""
    totals = [m.span() for m in _BOTH_WAYS.finditer(text, start)]
    named_shares = [(hit.start(), hit.end(), "per share") for hit in _PER_NAMED_SHARE.finditer(text, start)]
    return [(hit.start(), hit.end(), key) for key, words in _DIRECTIONS.items() for hit in words.finditer(text, start)
            if not any(a <= hit.start() and hit.end() <= b for a, b in totals)] + named_shares


def _direction(text: str) -> str | None:
    """The measure a metric names, the first it names ("Deal value including debt" -> deal; "Exports to
    Chile" -> exports), or None for a total ("import and export turnover")."""
    text = _INCLUDES.split(text, maxsplit=1)[0]  # "enterprise value including debt": not a debt
    hits = _measures(text)
    return min(hits)[2] if hits else None


_THE = re.compile(r"^The\s+")  # "The United States remained ...": a name run opening a sentence
_NAME_RUN = re.compile(r"[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*)*")


def _metric_names(metric: str) -> tuple[list[str], str]:
    """The countries, companies and people a metric names ("France-Saudi Arabia bilateral trade",
    "Canadian exports to Mexico"), as names, and the rest of its words. A capitalised first word is a
    name only when it is a country, a nationality or an acronym ("Bilateral trade" names nothing)."""
    names, rest = [], metric
    for run in _NAME_RUN.finditer(metric):
        text = run.group(0)
        first = run.start() == 0 or not metric[:run.start()].strip(" -–/")
        if first and " " not in text and not text.isupper() and iso_code(country_of(text) or "") is None:
            continue
        names.append(country_of(text) or text)
        rest = rest.replace(text, " ", 1)
    return names, re.sub(r"[-–/]", " ", rest).strip()


def _bound_direction(text: str, start: int, end: int, clause_start: int, clause_end: int) -> str | None:
    """The measure the sentence binds the figure text[start:end] to: named right after it ("$8bn in
    debt", "$3 a share"), else the nearest one before it in its clause."""
    tail = text[end:clause_end]
    offsets = [len(tail) - len(tail.lstrip(" \t\n\r)"))]
    prep = re.match(r"[\s)]*(?:in|of|worth\s+of)\s+((?:[\w'’-]+\s+){0,2})", tail)
    if prep:  # "$8bn in debt", "$1.2bn in Altair debt", "$4bn of Chilean exports"
        words_after = list(re.finditer(r"[\w'’-]+\s+", prep.group(1)))
        offsets += [prep.start(1)] + [prep.start(1) + w.end() for w in words_after]
    for offset in offsets:
        for key, words in _DIRECTIONS.items():  # ... or straight after it: "$3 a share"
            if words.match(tail, offset):
                return key
    if _PER_NAMED_SHARE.match(tail, offsets[0]):  # "$390.19 per Ansys share"
        return "per share"
    before = text[clause_start:start]
    cut = _clause_start(before)
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(before, cut)]
    nearest = max(((end, key) for at, end, key in _measures(before, cut)
                   if not any(a <= at < b for a, b in asides)), default=None)
    return nearest[1] if nearest else None


# a share named by its company between the words of a per-share measure: "$390.19 per Ansys share", "62 euros a
# Covestro share" (the entries of metric_directions' "per share" that end in "share")
_PER_NAMED_SHARE = re.compile(r"(?:" + "|".join(
    re.escape(entry.rsplit(" ", 1)[0]) for entry in (e.strip() for e in dict(lexicon.pairs("metric_directions"))[
        "per share"].split(",")) if entry.endswith(" share")) + r")(?:\s+[A-Z][\w&.'’-]*){1,2}\s+share\b")


# a relative clause set off by commas before the figure tells of something else: "the primary income surplus,
# which includes returns on overseas investments, stood at 3.7 trillion yen" binds the surplus
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,", re.IGNORECASE)


_INCREMENTS = lexicon.table("increments")
_HEDGE = r"\s+(?:(?:up to|" + lexicon.alternation("approximations") + r"|an extra|another)\s+)?$"
_ADDED_BY = re.compile(r"(?:" + _INCREMENTS["by"].pattern + r")" + _HEDGE, re.IGNORECASE)
_ADDED = re.compile(r"(?:" + _INCREMENTS["add"].pattern + r")" + _HEDGE, re.IGNORECASE)
_TO_A_MEASURE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+to\b", re.IGNORECASE)  # "add £25.5 billion a year to trade"
# a change word straight before the figure: "exports rose NZ$410 million, or 7.6 percent, ... to NZ$5.8 billion"
_CHANGED_BY = re.compile(r"\b(?:" + "|".join(p.pattern for p in lexicon.table("change_directions").values()) + r")"
                         + _HEDGE, re.IGNORECASE)
_TO_LEVEL = re.compile(r"\bto\s+(?:(?:" + lexicon.alternation("approximations") + r")\s+)?$", re.IGNORECASE)


def _level_after(text: str, at: int) -> bool:
    """Whether the clause goes on to the level the change reached: "rose $4 billion to $10 billion"."""
    for figure in find_figures(text, at, min(len(text), at + 200)):
        gap = text[at:figure.start]
        if _CLAUSE_END.search(gap):
            return False
        if not figure.percent and _TO_LEVEL.search(gap):
            return True
    return False


def _added_amount(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Contradicted where the figure's clause gives it as an amount added to a measure ("expected to add
    £25.5 billion to trade", "will boost exports by $5bn", "exports rose $410 million to $5.8 billion") and
    the metric names the measure's level."""
    if _INCREMENTS["metric"].search(fact.metric):
        return None
    for article, start, _, figure in _own_figures(fact, support):
        before = article.text[start:figure.start]
        cut = _clause_start(before)
        if _ADDED_BY.search(before, cut) or (_ADDED.search(before, cut) and _TO_A_MEASURE.match(article.text, figure.end)) \
                or (_CHANGED_BY.search(before, cut) and _level_after(article.text, figure.end)):
            return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as an amount added, not as "
                                                f"{fact.metric!r} itself", fact.metric,
                         [Span(article_id=article.id, start=figure.start, end=figure.end)])
    return None


def _names_a_measure(metric: str) -> bool:
    """The metric has a word besides amounts, scales and currencies ("KES 48 billion" and "$142.50" name none)."""
    rest = metric
    for figure in reversed(find_figures(metric)):
        rest = rest[:figure.start] + " " + rest[figure.end:]
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest.lower())
             if normalise_scale(w) is None and w not in currency_words()]
    return bool(words)


_VALUE_WORDS = word_class("value")
_MODIFIES = frozenset({"nmod", "compound", "nummod", "amod"})


def _value_of_the_noun(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Supported where the metric names the value of a noun the figure modifies ("deal value" for "the 1.8
    trillion-won deal", "contract value" for "a $2 billion contract", "cost of the Lobito port" for "the $1.3
    billion Lobito port"), or of the name that noun is in apposition to ("the Development Road, a planned $17
    billion corridor"); None otherwise."""
    words = [w for w in re.findall(r"[a-z]+", fact.metric.lower()) if w not in _VALUE_WORDS]
    if not words or len(words) == len(re.findall(r"[a-z]+", fact.metric.lower())):
        return None  # the metric must say it is a value, and of something
    for article, _, _, figure in _own_figures(fact, support):
        span = nlp.span_at(article.text, figure.start, figure.end)
        root = span.root if span is not None else None
        if root is None or root.dep_ not in _MODIFIES or root.head.pos_ not in ("NOUN", "PROPN") \
                or root.head.i < root.i:
            continue
        noun = root.head
        named = " ".join(c.text for c in noun.children if c.dep_ == "compound" and c.i > root.i)  # "Lobito port"
        if noun.dep_ == "appos":  # "the Development Road, a planned $17 billion corridor": the corridor is the road
            named += " " + " ".join(c.text for c in noun.head.children if c.dep_ == "compound") + " " + noun.head.text
        if words_present(" ".join(words), f"{named} {noun.text} {noun.lemma_}") == 1.0:
            return field(Verdict.supported, f"{figure.text!r} gives the value of the {noun.text!r}", fact.metric,
                         [Span(article_id=article.id, start=figure.start, end=figure.end)])
    return None


_AIMS = frozenset(lexicon.words("target_words"))
_HORIZON = lexicon.pattern("horizons")  # "in the coming years", "within five years"
# a figure after "from" / "than" is the level a change is measured from, not the aim (lexicon comparison_bases)
_LEVEL_BEFORE_A_CHANGE = frozenset(w for w in lexicon.words("comparison_bases") if " " not in w)


def _target_cue(article: Article, figure: Figure) -> str | None:
    """The words that set the figure as a target, or None: an aim above it in its clause ("aims for exports
    of $282 billion", "a $10 billion target", "the goal is to lift exports to $5bn") or a deadline ahead on
    the verb it is the end point of ("to raise trade to $10 billion by 2030")."""
    span = nlp.span_at(article.text, figure.start, figure.end)
    token = span.root if span is not None else None
    verb, below_verb = None, None
    # up to the clause the figure is stated in: a relative clause states a level ("doubling investment, which
    # stood at $3.3bn"), and so does a comparison word ("raise trade to $15bn from about $10bn now")
    while token is not None and token.head.i != token.i and token.dep_ != "relcl" \
            and token.lower_ not in _LEVEL_BEFORE_A_CHANGE:
        if verb is None and token.head.pos_ == "VERB":
            verb, below_verb = token.head, token
        token = token.head
        # "the goal is to lift exports to $5bn": the aim is the subject of the copula above the figure
        aims = [token] + [c for c in token.children if c.dep_ == "nsubj"] if token.lemma_ == "be" else [token]
        aim = next((t for t in aims if t.lemma_.lower() in _AIMS), None)
        if aim is not None:
            return str(aim.text)
    # the end point of a change ("raise trade to $10 billion"), not an amount spent ("invest $7 billion by 2029")
    if verb is None or below_verb.lower_ != "to" or verb.tag_ in ("VBD", "VBN") or article.published is None:
        return None
    deadline = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    years = [int(t.text) for t in deadline.subtree if t.like_num and len(t.text) == 4] if deadline is not None else []
    if years and years[0] >= article.published.year:
        return f"by {years[0]}"
    # a horizon with no year: "raise trade to $5 billion in the coming years", "within five years"
    horizon = _HORIZON.search(article.text, figure.end, min(len(article.text), figure.end + 60))
    return horizon.group(0) if horizon and not _CLAUSE_END.search(article.text, figure.end, horizon.start()) else None


def _aimed_at(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Contradicted where the figure is set as a target (:func:`_target_cue`) and neither the metric nor the
    qualifier says the fact is a target; None otherwise."""
    found = None if _says_target(f"{fact.metric} {fact.qualifier or ''}") else _set_as_target(fact, support)
    if found is None:
        return None
    article, figure, cue = found
    return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as a target ({cue!r}), not as "
                                        f"{fact.metric!r} reached", fact.metric,
                 [Span(article_id=article.id, start=figure.start, end=figure.end)])


def _set_as_target(fact: TradeFigure, support: Support) -> tuple[Article, Figure, str] | None:
    """The first of the fact's own figures the evidence sets as a target, with the words that do."""
    return next(((article, figure, cue) for article, _, _, figure in _own_figures(fact, support)
                 if (cue := _target_cue(article, figure)) is not None), None)


_FORWARD = frozenset(lexicon.words("forward_words"))


def _says_target(text: str) -> bool:
    """The metric or qualifier gives the figure as one ahead ("export target", "planned investment")."""
    return any(w in _FORWARD for w in re.findall(r"[a-z]+", text.lower()))


def _as_target(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Supported where the metric says target ("trade target") and the evidence sets the fact's figure as one,
    and the metric's other words are in the evidence; None otherwise."""
    if not _says_target(fact.metric):
        return None
    rest = " ".join(w for w in re.findall(r"[\w-]+", fact.metric) if w.lower() not in _FORWARD)
    found = _set_as_target(fact, support)
    if found is None or (rest and _check_metric_parts(rest, support).verdict != Verdict.supported):
        return None
    article, figure, cue = found
    return field(Verdict.supported, f"the evidence sets {figure.text!r} as a target ({cue!r})", fact.metric,
                 [Span(article_id=article.id, start=figure.start, end=figure.end)])


def _total_before(text: str, start: int, clause_start: int) -> bool:
    """The nearest measure before the figure at ``start``, in its clause, is a total: "Vietnam's trade with
    Japan reached US$46.2 billion, of which exports ..." gives US$46.2 billion as trade, not exports."""
    before = text[clause_start:start]
    cut = _clause_start(before)
    total = max((m.end() for pattern in (_TOTAL, _BOTH_WAYS) for m in pattern.finditer(before, cut)), default=-1)
    one_way = max((end for _, end, _ in _measures(before, cut)), default=-1)
    return total > one_way


_INCLUDED = re.compile(r"[\s,)]*(?:" + _INCLUDES.pattern + r")\s+(?:(?:the|its|their|all)\s+)?", re.IGNORECASE)


def _included_direction(tail: str) -> str | None:
    """The measure a figure's words after it say it includes, not what it is: "valued at £15 billion
    including debt" (debt), "trade of $4bn, with imports at $2.5bn" (imports)."""
    inclusion = _INCLUDED.match(tail)
    if inclusion is None:
        return None
    return next((key for key, words in _DIRECTIONS.items() if words.match(tail, inclusion.end())), None)


def _check_metric_parts(metric: str, support: Support) -> FieldCheck:
    """The metric's names, each as a name (in the context, or the lead where the quote says "the two
    countries" or "bilateral"), and its other words in the evidence."""
    names, words = _metric_names(metric)
    for name in names:
        if in_context(partial(check_name, name, by_leader=True), support, name=True).verdict != Verdict.supported:
            return field(Verdict.unsupported, f"metric: {name} not named in the evidence", metric)
    whole = in_context(partial(check_words, metric, what="metric", outside_names=True), support)
    if whole.verdict == Verdict.supported:
        return whole
    if not words:
        return field(Verdict.supported, "metric: its names are in the evidence", metric)
    return in_context(partial(check_words, words, what="metric", outside_names=True), support)


def check_metric(fact: TradeFigure, support: Support) -> FieldCheck:
    """The names of the metric are in the evidence or its context, and its other words are, or the
    sentence gives the figure as the measure the metric names ("deal value" for "agreed to buy X for
    $14bn"). The measure must be the one the sentence gives the figure: not the imports of "exports
    rose to $4bn while imports fell to $2bn" for $2bn."""
    if not _names_a_measure(fact.metric):
        return field(Verdict.unsupported, f"the metric {fact.metric!r} restates a figure; it names no measure",
                     fact.metric)
    found = _check_metric_parts(fact.metric, support)
    if found.verdict == Verdict.unsupported:
        found = _value_of_the_noun(fact, support) or _as_target(fact, support) or found
    narrower = _narrower_measure(fact, support) if found.verdict == Verdict.supported else None
    added = _added_amount(fact, support) or _aimed_at(fact, support)
    if added is not None:
        return added
    wanted = _direction(fact.metric)
    if wanted is None:
        return narrower or (_not_one_way(fact, support, found) if _TOTAL.search(fact.metric) else found)
    # a quote that is only the figure ("for 4.5 billion euros") is bound by the sentence it was cut from; a
    # measure the sentence contradicts outranks one it narrows
    for where, spans in (("quote", support), ("sentence", support.tier("sentence"))):
        if spans is None:  # quotes that must stand alone
            break
        bound_any = False
        for article, start, end, figure in _own_figures(fact, spans):
            bound = _bound_direction(article.text, figure.start, figure.end, start, end)
            bound_any = bound_any or bound is not None
            span = Span(article_id=article.id, start=figure.start, end=figure.end)
            if bound is not None and bound != wanted:
                return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as {bound}, not {wanted}",
                             fact.metric, [span])
            unit = _COUNTED.match(article.text, figure.end)
            if unit and wanted not in _ONE_WAY:
                return field(Verdict.contradicted, f"the evidence counts {figure.text!r} in{unit.group(0)}, not as "
                                                    f"{wanted}", fact.metric, [span])
            if bound is None and wanted in _ONE_WAY and _total_before(article.text, figure.start, start):
                return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as a total of both ways, "
                                                    f"not as {wanted}", fact.metric, [span])
            if bound is None and _included_direction(article.text[figure.end:end]) == wanted:
                return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as including {wanted}, "
                                                    f"not as {wanted}", fact.metric, [span])
            if bound == wanted and found.verdict != Verdict.supported and narrower is None:
                found = field(Verdict.supported, f"the evidence gives {figure.text!r} as {wanted}", fact.metric,
                              [span]).model_copy(update={"found_in": where})
        if bound_any:
            break
    return narrower or found


# a measure narrowed to a partner ("exports to China", "imports from Japan") or by "non-" ("non-oil trade")
_FLOW_WORDS = "|".join(p.pattern for key, p in _DIRECTIONS.items() if key in ("exports", "imports"))
_MEASURE_WORDS = _FLOW_WORDS + "|" + lexicon.pattern("total_measures").pattern
_NARROWED = re.compile(rf"\b(?P<non>non-[a-z]+\s+)?(?P<measure>{_MEASURE_WORDS})"
                       rf"(?:\s+(?P<way>to|from)\s+(?:the\s+)?(?P<partner>(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)))?",
                       re.IGNORECASE)
_MAY_NARROW = re.compile(r"\b(?i:to|from)\s+(?:the\s+)?[A-Z]|\b(?i:non)-")
_PARTNER_WAY = {"exports": "to", "imports": "from"}  # "exports from Korea" names the exporter, no partner
_ONE_WAY_MEASURE = re.compile(_FLOW_WORDS, re.IGNORECASE)
_OF_GOODS = re.compile(rf"\b(?:{_MEASURE_WORDS}|shipments|sales)\s+of\s+(?=[a-z])", re.IGNORECASE)
_WHOLE_GOODS = re.compile(r"(?:" + lexicon.alternation("whole_goods") + r")", re.IGNORECASE)
_PARTNER_ROLE = lexicon.pattern("partner_roles")  # "China, Brazil's largest export market, ..."


def _narrower_measure(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Unsupported where the figure's clause gives it for a narrower measure than the metric names: the
    exports to one partner ("Exports to China ... grew to RM16.3 billion" is not Malaysia's exports; in a
    story whose headline or lead names the partner, its exports are those to it), the trade with a country
    the clause names as a partner ("India, Nigeria's largest export market, took goods worth N1.7tn"), the
    goods it is narrowed to ("shipments of readymade garments") or a "non-" part of a measure ("non-oil
    trade")."""
    for article, quote_start, _, figure in _own_figures(fact, support):
        start = _sentence_start(article, figure.start) if support.with_context else quote_start
        before = article.text[start:figure.start]
        for part, at, end in _narrowing(article, start, before):
            if in_another_clause(article.text, start + at, start + end, figure.start, figure.end):
                continue  # "Sales of phosphates climbed ..., and the automotive sector earned 77.5 billion"
            if words_present(part, fact.metric) < 1:
                said = " ".join(before[at:end].split())
                return field(Verdict.unsupported, f"the evidence gives {figure.text!r} for {said!r}; the metric "
                                                  f"{fact.metric!r} leaves {' '.join(part.split())!r} out",
                             fact.metric, [Span(article_id=article.id, start=start + at, end=start + end)])
    return None


def _narrowing(article: Article, start: int, before: str) -> Iterator[tuple[str, int, int]]:
    """What narrows the measure of a figure whose clause so far is the end of ``before`` (the article's
    text from ``start``): each part the metric must name, with where it is said."""
    if not (_MAY_NARROW.search(before) or _PARTNER_ROLE.search(before) or _OF_GOODS.search(before)
            or _ONE_WAY_MEASURE.search(before)):  # cheap first
        return
    cut = _clause_start(before)
    hits = list(_NARROWED.finditer(before, cut))
    if hits:
        hit = hits[-1]
        goods = _goods_before(article, start + hit.start("measure"), start + hit.end("measure"))
        if goods:  # "Chile's copper exports": copper only
            yield goods, before.rfind(goods, cut, hit.start("measure")), hit.end()
        partner = hit.group("partner") if hit.group("way") and _PARTNER_WAY.get(
            _direction(hit.group("measure")) or "") == hit.group("way").lower() else None
        for part in (hit.group("non"), partner):
            if part and not (part is partner and _a_side_of_the_story(article, part)):
                yield part, hit.start(), hit.end()
    for of in _OF_GOODS.finditer(before, cut):
        goods = _goods_named(article, start + of.end())
        if goods:
            yield goods, of.start(), of.end() + len(goods)
    if _PARTNER_ROLE.search(before, cut):
        # the partner is the clause's first country not in the possessive: "India was Nigeria's largest
        # export destination", "Brazil's top market, China, took"; "France is Morocco's largest trading
        # partner after Spain" is France, a side of the story, and narrows nothing
        partner = next((c for run in _NAME_RUN.finditer(before, cut) if not run.group(0).endswith(("'s", "’s"))
                        and (c := country_of(_THE.sub("", run.group(0)))) and iso_code(c)), None)
        if partner and not _a_side_of_the_story(article, partner):
            yield partner, cut, len(before)


def _goods_named(article: Article, at: int) -> str | None:
    """The goods a measure is narrowed to ("shipments of readymade garments" -> "readymade garments"): the
    noun phrase at ``at``, after "of", without what follows its noun; None for goods in general ("exports
    of goods and services")."""
    doc = nlp.parse(article.text)
    token = doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None or not len(token):
        return None
    noun = token[0]
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ != "NOUN":  # "trade of around $14 billion": the figure, no goods
        return None
    goods = doc[token[0].i:noun.i + 1].text
    return None if _WHOLE_GOODS.fullmatch(goods) else goods


def _goods_before(article: Article, start: int, end: int) -> str | None:
    """The goods named before an exports or imports word at article.text[start:end] ("copper exports",
    "crude oil imports" -> "oil"): the noun compounded with it, not goods in general ("merchandise exports")."""
    if _direction(article.text[start:end]) not in ("exports", "imports"):
        return None
    measure = nlp.span_at(article.text, start, end)
    if measure is None:
        return None
    word = measure.root
    # the noun just before the measure's words ("outbound shipments" is one measure, not goods called outbound)
    goods = next((c for c in word.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == measure.start - 1),
                 None)
    if goods is None or _WHOLE_GOODS.fullmatch(goods.text):
        return None
    return str(goods.text)  # the noun itself: "crude oil exports" are oil exports


def _sentence_start(article: Article, offset: int) -> int:
    """Where the sentence holding ``offset`` starts."""
    return _sentence_around(article, offset, offset, offset)[0]


def _a_side_of_the_story(article: Article, name: str) -> bool:
    """The article's headline or lead names ``name`` (a country by any of its names, or as written)."""
    head = headline(article)
    for region in (head, lead(article, head, dateline(article))):
        if region and (name in article.text[region[0]:region[1]] or any(country_words(name, article.text, *region))):
            return True
    return False


_TOTAL = lexicon.pattern("total_measures")
_ONE_WAY = {"exports", "imports", "surplus", "deficit"}
# "100 million tonnes": a volume, which only a flow of goods may be measured in
_COUNTED = re.compile(r"\s+(?:" + lexicon.alternation("quantity_units") + r")\b", re.IGNORECASE)


def _not_one_way(fact: TradeFigure, support: Support, found: FieldCheck) -> FieldCheck:
    """A total ("trade", "turnover") is contradicted where the quote gives the figure as one way of it:
    "EU exports to Mercosur were EUR 55.7bn" is not trade of EUR 55.7bn."""
    for article, start, end, figure in _own_figures(fact, support):
        bound = _bound_direction(article.text, figure.start, figure.end, start, end)
        if bound in _ONE_WAY:
            return field(Verdict.contradicted, f"the evidence gives {figure.text!r} as {bound}, not as a total",
                         fact.metric, [Span(article_id=article.id, start=figure.start, end=figure.end)])
    return found


def _own_figures(fact: TradeFigure, support: Support) -> Iterator[tuple[Article, int, int, Figure]]:
    """The money figures of the evidence whose amount is the fact's, with the span they sit in."""
    amount = scaled(fact.value, fact.scale)
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if not figure.percent and same_amount(figure.amount, amount):
                yield article, start, end, figure


_CHANGES = lexicon.table("change_directions")


def _change_way(text: str) -> str | None:
    """'up' or 'down': the way the nearest change word of ``text`` points, or None."""
    hits = [(hit.start(), way) for way, words in _CHANGES.items() for hit in words.finditer(text)]
    return max(hits)[1] if hits else None


def _check_change(change: str, support: Support, default: str | None = None) -> FieldCheck:
    """A change written with its percentage ("up 6.2%"): the same percentage in the evidence, moving
    the same way ("rose 6.2%"); the other way ("fell 6.2%") is contradicted. ``default``: the way a change
    that names none moves (growth: up, unless it is negative)."""
    wanted = [abs(f.value) for f in find_figures(change) if f.percent]
    way = _change_way(change) or default
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if figure.percent and any(same_amount(abs(figure.value), v) for v in wanted):
                span = Span(article_id=article.id, start=figure.start, end=figure.end)
                said = _change_way(article.text[max(start, figure.start - 30):figure.end + 8])
                if way and said and way != said:
                    return field(Verdict.contradicted, f"the evidence has {figure.text!r} going {said}, not {way}",
                                 change, [span])
                return field(Verdict.supported, f"{figure.text!r} in the evidence", change, [span])
    return field(Verdict.unsupported, f"{change!r} not in the evidence", change)


def check_qualifier(fact: TradeFigure, support: Support) -> FieldCheck:
    """The qualifier stands just before the fact's own figure ("crossed $50 billion"), not before
    another one or after it ("$68.7 billion (roughly Rs 5 lakh crore)" is exact); approximations
    ("about" / "roughly") say the same, and so do lower bounds ("more than" / "exceeded")."""
    qualifier = (fact.qualifier or "").strip()
    if any(f.percent for f in find_figures(qualifier)):  # "up 6.2%"
        return in_context(partial(_check_change, qualifier), support)
    if qualifier.lower() in _TARGETS:  # "target" for "to raise trade to $10 billion by 2030"
        found = _set_as_target(fact, support)
        if found is not None:
            article, figure, words = found
            return field(Verdict.supported, f"{fact.qualifier!r}: the evidence sets {figure.text!r} as a target "
                                            f"({words!r})", fact.qualifier,
                         [Span(article_id=article.id, start=figure.start, end=figure.end)])
    found = in_context(partial(check_words, qualifier, what="qualifier"), support)
    same = next((group for group in (_APPROXIMATE, _LOWER_BOUNDS) if qualifier.lower() in group), set())
    if (found.verdict != Verdict.supported and not same) or not _QUALIFIERS.fullmatch(qualifier):
        return found  # a phrase ("up 10% on the year") is checked by its words only
    aimed = qualifier.lower() in _TARGETS
    wanted = {qualifier.lower()} | same
    # a qualifier found around the quote ("their goal of | raising it to $150bn") qualifies there
    scope = support.tier(found.found_in) if found.found_in not in (None, "quote") else None
    own_figures = list(_own_figures(fact, scope or support))
    # a conversion in brackets shares the qualifier of the figure it restates ("about 6.9 trillion yen ($47 billion)")
    own_figures += [(article, start, end, source) for article, start, end, figure in own_figures
                    if (source := _converted_from(article, figure, start)) is not None]
    for article, start, _, figure in own_figures:
        at = max(start, figure.start - 80)
        before = article.text[at:figure.start].lower()
        # the qualifier, then at most three words and no verb ("reaching a substantial USD240 billion", not "more
        # than doubled to $5 billion"); a target, the figure its clause aims at ("aim to lift trade to $5 billion",
        # "work towards trade of $15 billion")
        qualifying = (m for w in wanted if (m := re.search(rf"\b{re.escape(w)}((?:\s+[\w-]+){{0,3}})\s*$", before)))
        if any(not _a_verb_between(article.text, at + m.start(1), figure.start) for m in qualifying) or (
                aimed and any(re.search(rf"\b{re.escape(w)}\b[^.;:]{{0,60}}\b(?:to|of)\s*$", before) for w in _TARGETS)):
            return field(Verdict.supported, f"{fact.qualifier!r} qualifies {figure.text!r}", fact.qualifier,
                         [Span(article_id=article.id, start=figure.start, end=figure.end)])
    if not own_figures:
        return found
    return field(Verdict.unsupported, f"{fact.qualifier!r} is in the evidence, but does not qualify the figure "
                                      f"{fact.value:g}", fact.qualifier)


def _converted_from(article: Article, figure: Figure, start: int) -> Figure | None:
    """The figure (from ``start`` on) that ``figure`` restates in another currency in brackets, if it does."""
    figures = find_figures(article.text, max(start, figure.start - 80), figure.end)
    if not any(f.start == figure.start for f in conversions(article.text, figures)):
        return None
    money = [f for f in figures if not f.percent and f.end <= figure.start]
    return money[-1] if money else None


def _a_verb_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a verb: a qualifier before it qualifies that verb ("more than doubled")."""
    if not text[start:end].strip():
        return False
    span = nlp.span_at(text, start, end)
    return span is not None and any(t.pos_ == "VERB" for t in span)


def plan(ctx: PassageContext) -> Task | None:
    """Which figure measures what, for which period: asked when the passage has a money figure."""
    passage, cand, evidence, date_texts = ctx.passage, ctx.candidates, ctx.evidence, ctx.date_texts
    converted = conversions(ctx.article.text, cand.figures)  # "$61 billion (roughly Rs. 4,73,223 crore)"
    money = [f for f in cand.figures if not f.percent and grammar_safe(f.text) and f not in converted]
    if not money:
        return None
    growth = [f.text for f in cand.figures if f.percent]
    metrics = unique([m.group(0) for m in _METRICS.finditer(passage.shown)]) or ["trade"]
    # a qualifier qualifies the figure it stands just before ("about $8 billion", "crossed $50 billion")
    qualifiers = unique([m.group(0) for m in _QUALIFIERS.finditer(passage.text)
                         if any(0 <= f.start - (passage.start + m.end()) <= _QUALIFIER_REACH for f in money)])
    figures = [f.text for f in money]
    # a figure's period is a year, a month or a span, never a single day ("on Thursday" dates the report)
    periods = [d.text for d in cand.dates if d.text in date_texts and not (d.iso and len(d.iso) == 10)]
    model = create_model(
        "TradeAnswer",
        figure=(choice(figures), ...), metric=(choice(metrics), ...),
        qualifier=(choice(qualifiers + [NONE]), ...), period=(choice(periods + [NONE]), ...),
        growth=(choice(growth + [NONE]), ...),
    )

    def build(answer: Any) -> Fact:
        figure = next(f for f in money if f.text == answer.figure)
        return TradeFigure(metric=answer.metric, value=figure.value, scale=figure.scale, currency=figure.currency,
                           period=date_ref(answer.period, cand.dates), qualifier=optional(answer.qualifier),
                           growth=optional(answer.growth), evidence=evidence)

    return Task("trade_figures", "trade", {"sentence": passage.shown, "figures": listing(figures),
                                           "metrics": listing(metrics), "qualifiers": listing(qualifiers),
                                           "dates": listing(periods)}, model, build)


def rules(fact: TradeFigure, out: Rules) -> None:
    out.add("value", lambda: check_figure(fact, out.support))
    out.add("metric", lambda: check_metric(fact, out.support))
    if fact.period:
        out.add("period", lambda: check_period(fact, out.support))
    if fact.qualifier:
        out.add("qualifier", lambda: check_qualifier(fact, out.support))
    if fact.growth:
        out.add("growth", lambda: check_growth(fact, out.support))


def check_period(fact: TradeFigure, support: Support) -> FieldCheck:
    """The period as a date (:func:`check_date_in_context`); a calendar year is contradicted where the
    clause of the fact's figure gives it for part of that year or for another kind of year ("$263bn in
    the first four months", "$13.4bn in 2022-23"), and a fiscal year where it gives part of that year."""
    period = fact.period
    owned = _the_dates_own(fact, period, support) if period is not None and period.iso else None
    if owned is not None:
        return owned
    found = date_of_the_story(check_date_in_context(period, support), period, support)  # type: ignore[arg-type]
    if found.verdict == Verdict.unsupported and period is not None and period.iso:
        found = _a_year_on_from_the_base(period, support) or _period_of_the_release(period, support) or found
    if found.verdict == Verdict.supported and found.found_in not in (None, "quote", "sentence"):
        own = _period_of_the_sentence(period, support)  # type: ignore[arg-type]
        if own is not None:
            return field(Verdict.unsupported, f"its sentence gives the figure's period as {own.text!r} ({own.iso}), "
                                              f"not {period.iso}; the {found.found_in} dates something else",  # type: ignore[union-attr]
                         period.model_dump())  # type: ignore[union-attr]
    if found.verdict == Verdict.supported and found.found_in in (None, "quote", "sentence"):
        other = _dated_clause(fact, found.spans, support)
        if other is not None:
            return field(Verdict.unsupported, f"the evidence dates {other!r}, a clause of its own, not the figure",
                         period.model_dump())  # type: ignore[union-attr]
    claimed = {d.kind for d in find_dates(period.text, None)} if period else set()
    if found.verdict != Verdict.supported or period is None or not period.iso or len(period.iso) != 4 \
            or claimed & (PART_PERIODS - {"fiscal"}) or MONTH_SPAN.search(period.text):
        return found
    # a fiscal year is contradicted by a part of it ("the first four months of fiscal year 2024-25"),
    # not by its own label
    parts = PART_PERIODS - {"fiscal", "period"} if "fiscal" in claimed else PART_PERIODS
    amount = scaled(fact.value, fact.scale)
    for article, start, end, _ in support.texts():
        figures = {verb_over(article.text, f.start, f.end) for f in find_figures(article.text, start, end)
                   if not f.percent and same_amount(f.amount, amount)} - {None}
        for part in find_dates(article.text, article.published, start, end):
            if part.kind in parts and not part.base and same_date(part.iso, period.iso) \
                    and verb_over(article.text, part.start, part.end) in figures:
                whole = "fiscal" if "fiscal" in claimed else "calendar"
                return field(Verdict.contradicted, f"the evidence gives the figure for {part.text!r}, not the "
                                                   f"{whole} year {period.iso}", period.model_dump(),
                             [Span(article_id=article.id, start=part.start, end=part.end)])
    return found


def _a_year_on_from_the_base(period: DateRef, support: Support) -> FieldCheck | None:
    """Supported where the figure's sentence measures it from the same month a year earlier and dates it
    nothing else ("rose 7.6 percent from October last year to NZ$5.8 billion": October of this year)."""
    sentence = support.tier("sentence") or support
    for article, start, end, _ in sentence.texts():
        dates = find_dates(article.text, article.published, start, end)
        for found in dates:
            month = year_on(found)
            if month and same_date(month, period.iso) and len(period.iso or "") <= len(month) \
                    and all(d.base for d in dates):
                return field(Verdict.supported, f"the figure is measured from {found.text!r} ({found.iso}): it is "
                                                f"for {month}", period.model_dump(),
                             [Span(article_id=article.id, start=found.start, end=found.end)])
    return None


# what a trade release measures: a flow, a total, or the gap between the flows
_RELEASE_MEASURE = re.compile(rf"\b(?:{_MEASURE_WORDS}|{_DIRECTIONS['surplus'].pattern}|"
                              rf"{_DIRECTIONS['deficit'].pattern})\b", re.IGNORECASE)


def _period_of_the_release(period: DateRef, support: Support) -> FieldCheck | None:
    """The period the story's opening gives a trade measure's figure ("Norway's trade surplus narrowed to 52.3
    billion crowns in October"), for the figure of a trade measure later in the story whose sentence names no
    period of its own and tells of nothing to come ("Imports were little changed at 96.6 billion crowns"): a
    release of trade data names its period once, at the top. None where that does not hold."""
    if not (support.with_context and period.iso and len(period.iso) <= 7):
        return None
    sentence = support.tier("sentence") or support
    if not all(_RELEASE_MEASURE.search(text) and not FUTURE.search(text) for *_, text in sentence.texts()) \
            or _period_of_the_sentence(period, support) is not None:
        return None
    opening = support.beyond_the_sentence("lead")
    for article, start, end, _ in opening.texts() if opening is not None else ():
        for found in find_dates(article.text, article.published, start, end):
            if found.base or not found.iso or len(found.iso) != len(period.iso) or not same_date(found.iso, period.iso):
                continue
            a, b = _sentence_around(article, found.start, start, end)
            figures = find_figures(article.text, a, b)
            if _RELEASE_MEASURE.search(article.text, a, b) and any(not f.percent for f in figures):
                return field(Verdict.supported, f"the story gives its figures for {found.text!r} ({found.iso}) at the "
                                                "top, and the figure's sentence names no period of its own",
                             period.model_dump(), [Span(article_id=article.id, start=found.start, end=found.end,
                                                        where="lead")]).model_copy(update={"found_in": "lead"})
    return None


def _sentence_around(article: Article, offset: int, start: int, end: int) -> tuple[int, int]:
    """The sentence of the body holding ``offset``, or text[start:end] itself outside the body (a headline)."""
    sentences = sentence_spans(article.text, article.body_start)
    i = sentence_index(sentences, offset) if offset >= article.body_start else None
    return (start, end) if i is None else sentences[i]


_POSSESSIVE = re.compile(r"['’]s\s+$")


def _the_dates_own(fact: TradeFigure, period: DateRef, support: Support) -> FieldCheck | None:
    """The period of a figure a date possesses ("up 19 percent from last year's 20.4 trillion won") or of the
    figure a change is measured from, dated straight after it ("narrowed to R8.4 billion in September from
    R21.6 billion in August"): supported where it is that date, though the date is a change's base, and
    contradicted where it is another (the sentence's other dates are the other figures'); None where no date
    is the figure's own."""
    for article, _, _, figure in _own_figures(fact, support):
        before = find_dates(article.text, article.published, max(0, figure.start - 40), figure.start)
        after = find_dates(article.text, article.published, figure.end, figure.end + 40)
        for found in before + after:
            possesses = found.end <= figure.start and _POSSESSIVE.match(article.text, found.end, figure.start)
            compared = found.start >= figure.end and found.base and not article.text[figure.end:found.start].strip()
            if not (found.iso and (possesses or compared)):
                continue
            span = [Span(article_id=article.id, start=min(found.start, figure.start), end=max(found.end, figure.end))]
            if same_date(found.iso, period.iso):
                return field(Verdict.supported, f"the figure is {found.text!r}'s ({found.iso})", period.model_dump(),
                             span)
            return field(Verdict.contradicted, f"the figure is {found.text!r}'s ({found.iso}), not {period.iso}",
                         period.model_dump(), span)
    return None


def _dated_clause(fact: TradeFigure, dates: list[Span], support: Support) -> str | None:
    """The verb of a clause of its own that every date found for the period hangs on, away from the fact's
    figure ("after the regulator cleared the deal last week"); None where a date is the figure's own."""
    figures = [(article, figure) for article, _, _, figure in _own_figures(fact, support)]
    verbs = []
    for span in dates:
        clauses = [in_a_clause_of_its_own(article.text, span.start, span.end, figure.start, figure.end)
                   for article, figure in figures if article.id == span.article_id]
        verbs.append(next((verb for verb in clauses if verb), None))
    return verbs[0] if verbs and all(verbs) else None


def _period_of_the_sentence(period: DateRef, support: Support) -> FoundDate | None:
    """A year, month or span the quotes' sentences give that is not ``period`` ("Trade totalled 5.1 billion euros
    last year, with exports accounting for 3.2 billion of it": 3.2 billion is last year's), or None. A day
    ("said on Monday") dates the report, not the figure."""
    sentence = support.tier("sentence") or support
    for article, start, end, _ in sentence.texts():
        for found in find_dates(article.text, article.published, start, end):
            if not found.base and found.iso and len(found.iso) <= 7 and not same_date(found.iso, period.iso):
                return found
    return None


_SHARE_AFTER = re.compile(r"\s*(?:" + lexicon.table("share_cues")["after"].pattern + r")", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"(?:" + lexicon.table("share_cues")["before"].pattern + r")\s*(?:(?:"
                           + lexicon.table("share_cues")["hedge"].pattern + r")\s+)?$", re.IGNORECASE)


def check_growth(fact: TradeFigure, support: Support) -> FieldCheck:
    """The growth's words in the evidence, as the change of the fact's own figure, and not given there as
    a share of a total ("12 % of its exports", "a 12 % share", "accounts for 12 %") or a margin ("a 34 %
    premium"): that is contradicted,
    and so is the change of another figure ("exports fell 9.6% to $19bn while imports rose 2.1% to $13bn"
    gives 2.1% to $13bn)."""
    growth = fact.growth or ""
    found = in_context(lambda s: check_words(growth, s, "growth"), support)
    if found.verdict != Verdict.supported:
        return found
    if any(f.percent for f in find_figures(growth)):  # "3.2 per cent" grows; "fell 3.2 per cent" contradicts it
        moved = _check_change(growth, support, default="down" if re.match(r"\s*[-−–]", growth) else "up")
        if moved.verdict == Verdict.contradicted:
            return moved
        other = _change_of_another(fact, support)
        if other is not None:
            return other
    needle = re.escape(growth.strip()).replace(r"\ ", r"\s+")
    as_share = []
    for article, start, _, text in support.texts():
        for hit in re.finditer(needle, text, re.IGNORECASE):
            after = text[hit.end():hit.end() + 12]
            before = text[max(0, hit.start() - 30):hit.start()]
            share = _SHARE_AFTER.match(after) or _SHARE_BEFORE.search(before)
            if not share:
                return found
            as_share.append(Span(article_id=article.id, start=start + hit.start(), end=start + hit.end()))
    if as_share:  # every occurrence is a share
        return field(Verdict.contradicted, f"{growth!r} is given as a share of a total or a margin over another "
                                           "price, not as growth", growth,
                     as_share)
    return found


def _change_of_another(fact: TradeFigure, support: Support) -> FieldCheck | None:
    """Contradicted when every percentage of the evidence that gives the fact's growth sits in another clause
    than the fact's own figure: the clause of another money figure, or one with no figure while the figure's own
    clause gives its own change ("rose 8.4% to $36.9 billion, as chip shipments jumped 20%"); None otherwise."""
    wanted = [abs(f.value) for f in find_figures(fact.growth or "") if f.percent]
    amount = scaled(fact.value, fact.scale)
    owners = []
    for article, start, end, _ in support.texts():
        figures = find_figures(article.text, start, end)
        own = {verb_over(article.text, f.start, f.end) for f in figures
               if not f.percent and same_amount(f.amount, amount)} - {None}
        for change in (f for f in figures if f.percent and any(same_amount(abs(f.value), v) for v in wanted)):
            clause = verb_over(article.text, change.start, change.end)
            if clause is None or clause in own or not own:
                return None
            owner = next((f for f in figures if not f.percent and verb_over(article.text, f.start, f.end) == clause),
                         None)
            # no figure in that clause: the figure's own change, given in its own clause
            own_change = next((f for f in figures if f.percent and verb_over(article.text, f.start, f.end) in own
                               and not any(same_amount(abs(f.value), v) for v in wanted)), None)
            if owner is None and own_change is None:
                return None
            whose = f"the change of {owner.text!r}" if owner is not None else \
                f"a change in another clause (the figure's own is {own_change.text!r})"  # type: ignore[union-attr]
            owners.append((whose, Span(article_id=article.id, start=change.start, end=change.end)))
    if not owners:
        return None
    whose, span = owners[0]
    return field(Verdict.contradicted, f"the evidence gives {fact.growth!r} as {whose}, "
                                       f"not of {fact.value:g} {fact.scale or ''}".rstrip(), fact.growth, [span])


def describe(fact: TradeFigure) -> str:
    amount = " ".join(x for x in (f"{fact.value:g}", fact.scale, fact.currency) if x)
    period = f" ({fact.period.text}{' = ' + fact.period.iso if fact.period.iso else ''})" if fact.period else ""
    qualifier = f"{fact.qualifier} " if fact.qualifier else ""
    return f"{fact.metric}: {qualifier}{amount}{period}"


def same_fact(a: TradeFigure, b: TradeFigure) -> bool:
    """The same amount; or one figure reported at two precisions ("$68.7 billion" in one article, "nearly
    $70 billion" in another) for the same measure, by evidence that names the same actor."""
    if same_amount(a.value, b.value) and a.scale == b.scale and a.currency == b.currency:
        return True
    if normalise_currency(a.currency) != normalise_currency(b.currency) or _direction(a.metric) != _direction(b.metric):
        return False
    x, y = scaled(a.value, a.scale), scaled(b.value, b.scale)
    return (rounds_to(x, y) or rounds_to(y, x)) and _share_a_name(a, b)


def _share_a_name(a: TradeFigure, b: TradeFigure) -> bool:
    """The evidence of both names one actor ("Pfizer" in "the Pfizer-Wyeth deal" too)."""
    def words(fact: TradeFigure) -> set[str]:
        return {w for e in fact.evidence for m in find_mentions(e.quote) for w in name_tokens(m.name)}
    return bool(words(a) & words(b))


def absorb(into: TradeFigure, other: TradeFigure) -> None:
    """Pool a twin's period; of two precisions, keep the finer figure with its own qualifier ("nearly" is
    said of the rounded one)."""
    into.period = better_date(into.period, other.period)
    mine, theirs = scaled(into.value, into.scale), scaled(other.value, other.scale)
    if rounds_to(theirs, mine):
        into.value, into.scale, into.qualifier = other.value, other.scale, other.qualifier
    elif not rounds_to(mine, theirs):
        into.qualifier = into.qualifier or other.qualifier


def sentence(fact: TradeFigure) -> str:
    amount = f"{fact.value:g} {fact.scale or ''} {fact.currency or ''}".replace("  ", " ").strip()
    return (f"{fact.metric[0].upper()}{fact.metric[1:]}: {amount}"
            f"{' (' + fact.qualifier + ')' if fact.qualifier else ''}.")


def match(pred: TradeFigure, gold: TradeFigure) -> bool:
    """Evals: the same amount in the same currency."""
    return same_amount(scaled(pred.value, pred.scale), scaled(gold.value, gold.scale)) and \
        normalise_currency(pred.currency) == normalise_currency(gold.currency)


SPEC = register(FactSpec(
    kind="trade_figures", model=TradeFigure, label="Trade figure", rules=rules, describe=describe,
    key_fields=("value", "metric"), scored_fields=("value", "metric", "period", "qualifier"),
    plan=plan, same_fact=same_fact, absorb=absorb, sentence=sentence, narrative_limit=2, match=match,
))
