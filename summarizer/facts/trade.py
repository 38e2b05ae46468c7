"""Trade figures: a metric with value, scale, currency, period, qualifier and growth."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from pydantic import create_model

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
from ..grounding.fields import (
    FieldCheck,
    Rules,
    Span,
    Support,
    Verdict,
    check_words,
    field,
    in_context,
)
from ..schema import Fact, TradeFigure
from ..text import lexicon
from ..text.money import (
    find_figures,
    normalise_currency,
    normalise_scale,
    same_amount,
    scaled,
)
from .merge import better_date
from .registry import FactSpec, register

_METRICS = lexicon.pattern("trade_metrics")
_QUALIFIERS = lexicon.pattern("figure_qualifiers")
_QUALIFIER_REACH = 12  # characters between a qualifier and its figure ("reached a record $5bn")


def check_figure(fact: TradeFigure, support: Support) -> FieldCheck:
    """Value, scale and currency all equal to a figure in the evidence."""
    scale, currency = normalise_scale(fact.scale), normalise_currency(fact.currency)
    seen = []
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if figure.percent:
                continue
            span = Span(article_id=article.id, start=figure.start, end=figure.end)
            if same_amount(scaled(figure.value, figure.scale), scaled(fact.value, scale)) \
                    and figure.currency == currency:
                return field(Verdict.supported, f"{figure.text!r} in the evidence", fact.value, [span])
            seen.append((figure, span))
    if seen:
        figure, span = seen[0]
        parts = []
        if not same_amount(scaled(figure.value, figure.scale), scaled(fact.value, scale)):
            parts.append(f"{figure.value:g} {figure.scale or ''} not {fact.value:g} {scale or ''}".replace("  ", " "))
        if figure.currency != currency:
            parts.append(f"currency {figure.currency} not {currency}")
        return field(Verdict.contradicted, f"the evidence says {figure.text!r}: {', '.join(parts)}",
                      fact.value, [span])
    return field(Verdict.unsupported, "no figure in the evidence", fact.value)


_APPROXIMATE = set(lexicon.words("approximations"))


def check_qualifier(fact: TradeFigure, support: Support) -> FieldCheck:
    """The qualifier stands just before the fact's own figure ("crossed $50 billion"), not before
    another one or after it ("$68.7 billion (roughly Rs 5 lakh crore)" is exact); approximations
    ("about" / "roughly") say the same."""
    qualifier = (fact.qualifier or "").strip()
    found = in_context(partial(check_words, qualifier, what="qualifier"), support)
    approximate = qualifier.lower() in _APPROXIMATE
    if (found.verdict != Verdict.supported and not approximate) or not _QUALIFIERS.fullmatch(qualifier):
        return found  # a phrase ("up 10% on the year") is checked by its words only
    wanted = {qualifier.lower()} | (_APPROXIMATE if approximate else set())
    own_figures = 0
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if figure.percent or not same_amount(scaled(figure.value, figure.scale), scaled(fact.value, fact.scale)):
                continue
            own_figures += 1
            before = article.text[max(start, figure.start - 80):figure.start].lower()
            # the qualifier, then at most three words ("reaching a substantial USD240 billion")
            if any(re.search(rf"\b{re.escape(w)}(?:\s+[\w-]+){{0,3}}\s*$", before) for w in wanted):
                return field(Verdict.supported, f"{fact.qualifier!r} qualifies {figure.text!r}", fact.qualifier,
                             [Span(article_id=article.id, start=figure.start, end=figure.end)])
    if not own_figures:
        return found
    return field(Verdict.unsupported, f"{fact.qualifier!r} is in the evidence, but does not qualify the figure "
                                      f"{fact.value:g}", fact.qualifier)


def plan(ctx: PassageContext) -> Task | None:
    """Which figure measures what, for which period: asked when the passage has a money figure."""
    passage, cand, evidence, date_texts = ctx.passage, ctx.candidates, ctx.evidence, ctx.date_texts
    money = [f for f in cand.figures if not f.percent and grammar_safe(f.text)]
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
    out.words("metric", fact.metric, "metric")
    out.date("period", fact.period)
    if fact.qualifier:
        out.add("qualifier", lambda: check_qualifier(fact, out.support))
    out.words("growth", fact.growth, "growth")


def describe(fact: TradeFigure) -> str:
    amount = " ".join(x for x in (f"{fact.value:g}", fact.scale, fact.currency) if x)
    period = f" ({fact.period.text}{' = ' + fact.period.iso if fact.period.iso else ''})" if fact.period else ""
    qualifier = f"{fact.qualifier} " if fact.qualifier else ""
    return f"{fact.metric}: {qualifier}{amount}{period}"


def same_fact(a: TradeFigure, b: TradeFigure) -> bool:
    return same_amount(a.value, b.value) and a.scale == b.scale and a.currency == b.currency


def absorb(into: TradeFigure, other: TradeFigure) -> None:
    into.period = better_date(into.period, other.period)
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
