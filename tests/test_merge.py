"""Merging facts found in several passages: the same fact told twice becomes one; different facts stay
apart. Sentences and actors written here."""

from __future__ import annotations

from summarizer.facts.merge import merge_facts
from summarizer.schema import Agreement, DateRef, Evidence, TradeFigure


def _figure(value: float, quote: str, qualifier: str | None = None, metric: str = "deal value") -> TradeFigure:
    return TradeFigure(metric=metric, value=value, scale="billion", currency="USD", qualifier=qualifier,
                       evidence=[Evidence(article_id=f"a{len(quote)}", quote=quote)])


def test_one_figure_reported_at_two_precisions_is_one_fact_with_the_finer_value() -> None:
    merged = merge_facts("trade_figures", [
        _figure(70, "Pfizer's nearly $70 billion purchase of Wyeth", qualifier="nearly"),
        _figure(68.8, "Pfizer agreed to pay $68.8 billion for Wyeth"),
        _figure(69, "the $69 billion Pfizer-Wyeth deal"),
    ])
    assert [(f.value, f.qualifier, len(f.evidence)) for f in merged] == [(68.8, None, 3)]


def test_close_figures_of_other_actors_or_measures_stay_apart() -> None:
    other_actor = [_figure(68.8, "Pfizer agreed to pay $68.8 billion for Wyeth"),
                   _figure(70, "Roche's $70 billion bid for Genentech")]
    assert len(merge_facts("trade_figures", other_actor)) == 2
    other_measure = [_figure(10.2, "Peru's exports to Chile reached $10.2 billion", metric="exports"),
                     _figure(10, "Peru's imports from Chile were $10 billion", metric="imports")]
    assert len(merge_facts("trade_figures", other_measure)) == 2
    too_far = [_figure(1.4, "Peru's trade with Chile was $1.4 billion"), _figure(1, "Peru's $1 billion fund")]
    assert len(merge_facts("trade_figures", too_far)) == 2


def _deal(subject: str, kind: str, parties: list[str]) -> Agreement:
    return Agreement(subject=subject, kind=kind, status="signed", parties=parties,
                     date=DateRef(text="on Friday", iso="2025-03-14"),
                     evidence=[Evidence(article_id="a1", quote=subject)])


def test_a_deal_told_by_name_and_by_its_kind_alone_is_one_fact() -> None:
    merged = merge_facts("agreements", [_deal("a free trade agreement", "FTA", ["Chile", "Peru"]),
                                        _deal("the Pacific Trade Accord", "FTA", ["Chile", "Peru"])])
    assert [m.subject for m in merged] == ["the Pacific Trade Accord"]


def test_two_deals_of_one_day_stay_apart() -> None:
    # both told by kind alone, or of another kind, or by other sides: different deals
    assert len(merge_facts("agreements", [_deal("a free trade agreement", "FTA", ["Chile", "Peru"]),
                                          _deal("a free trade deal", "FTA", ["Chile", "Bolivia"])])) == 2
    assert len(merge_facts("agreements", [_deal("a visa waiver pact", "agreement", ["Chile", "Peru"]),
                                          _deal("the Lima Accord", "agreement", ["Chile", "Peru"])])) == 2
    assert len(merge_facts("agreements", [_deal("an MoU", "MoU", ["Chile", "Peru"]),
                                          _deal("the Pacific Trade Accord", "FTA", ["Chile", "Peru"])])) == 2
