from __future__ import annotations

import pytest

from summarizer.text.money import (
    conversions,
    find_figures,
    normalise_currency,
    normalise_scale,
)


@pytest.mark.parametrize("text, value, scale, currency", [
    ("crossed 50 billion USD last year", 50, "billion", "USD"),
    ("crossed US$50 billion last year", 50, "billion", "USD"),
    ("trade of $50bn", 50, "billion", "USD"),
    ("reaching a substantial USD240 billion.", 240, "billion", "USD"),
    ("reached $ 227 billion.", 227, "billion", "USD"),
    ("a target of 100 billion dollars by 2030", 100, "billion", "USD"),
    ("a record $23.1 billion", 23.1, "billion", "USD"),
    ("a Rs 4,000 crore deal", 4000, "crore", "INR"),
    ("€3.5 million", 3.5, "million", "EUR"),
])
def test_money_expressions(text: str, value: float, scale: str, currency: str) -> None:
    [figure] = find_figures(text)
    assert (figure.value, figure.scale, figure.currency) == (value, scale, currency)
    assert figure.text in text


def test_percent_and_bare_numbers() -> None:
    assert [(f.value, f.percent) for f in find_figures("a 10% rise in 2023 after 21 summits")] == [(10, True)]
    assert find_figures("21 annual summits took place by 2021") == []


def test_amount_applies_scale() -> None:
    [figure] = find_figures("US$50 billion")
    assert figure.amount == 50e9


def test_normalisers() -> None:
    assert normalise_scale("bn") == "billion" and normalise_scale("Crores") == "crore"
    assert normalise_scale("dozen") is None
    assert normalise_currency("US$") == "USD" and normalise_currency("rupees") == "INR"
    assert normalise_currency("usd") == "USD" and normalise_currency("shells") is None


def test_a_bracketed_restatement_in_another_currency_is_a_conversion_not_a_figure() -> None:
    def converted(text: str) -> list[str]:
        return [f.text for f in conversions(text, find_figures(text, 0, len(text)))]

    assert converted("Vestra pays €4bn ($4.3bn) for Nordvind.") == ["$4.3bn"]
    assert converted("Tata will buy the plant for $1.2 billion (roughly Rs. 9,900 crore).") == ["Rs. 9,900 crore"]
    # a second figure of its own, in the same currency or outside brackets, is no conversion
    assert converted("The fund has $2bn (and another $1bn pledged).") == []
    assert converted("Exports were €4bn and imports $2bn.") == []


@pytest.mark.parametrize("text, amount, currency", [
    ("exports worth ₹2.1 lakh crore", 2.1e12, "INR"),
    ("a Rs 12 thousand crore package", 1.2e11, "INR"),
    ("sales of C$4.5 billion", 4.5e9, "CAD"),
    ("a KSh 40 billion bond", 4e10, "KES"),
    ("₦1.3 trillion in revenue", 1.3e12, "NGN"),
    ("GH₵ 2 billion for roads", 2e9, "GHS"),
    ("RM3.2 billion in contracts", 3.2e9, "MYR"),
    ("Rp 9 trillion of bonds", 9e12, "IDR"),
])
def test_indian_scales_and_local_currency_signs(text: str, amount: float, currency: str) -> None:
    [figure] = find_figures(text)
    assert (figure.amount, figure.currency) == (amount, currency)


def test_signs_in_letters_keep_their_case() -> None:
    assert find_figures("the rm 4 and rs 5 rows") == []


@pytest.mark.parametrize("text, amount, may_be", [
    ("a surplus of R14.2 billion in March", 14.2e9, {"ZAR"}),
    ("fuel subsidies of R3bn", 3e9, {"ZAR"}),
    ("a fine of R1,250,000", 1.25e6, {"ZAR"}),
    ("a P2.4 billion levy", 2.4e9, {"BWP", "PHP"}),  # pula in Botswana, pesos in the Philippines' press
    ("bonds worth K7 billion", 7e9, {"PGK", "ZMW"}),
    ("a N4.6tn budget deficit", 4.6e12, {"NGN"}),  # the naira's stroked sign as its bare letter
])
def test_one_letter_signs_count_against_an_amount_with_a_scale(text: str, amount: float, may_be: set[str]) -> None:
    from summarizer.text.money import currencies_it_may_be

    [figure] = find_figures(text)
    # read in no currency: the country the article names says which (tests/test_context.py)
    assert (figure.amount, figure.currency) == (amount, None)
    assert may_be <= currencies_it_may_be(figure.marker or "")


def test_one_letter_signs_without_a_scale_are_letters() -> None:
    assert find_figures("the R21 highway, the G20 summit and the P5 members met in room E4 at 10 in N95 masks") == []


@pytest.mark.parametrize("text, currency", [
    ("sold for 4 billion Danish crowns", "DKK"),
    ("a fine of 2 million Swedish crowns", "SEK"),
    ("a budget of 90 billion Czech crowns", "CZK"),
])
def test_crowns_with_the_country_s_adjective(text: str, currency: str) -> None:
    [figure] = find_figures(text)
    assert figure.currency == currency and figure.text.endswith("crowns")


def test_us_dollars_with_points_and_an_unread_currency_is_no_contradiction() -> None:
    from summarizer.articles import Article
    from summarizer.grounding.checker import Verdict, check
    from summarizer.schema import EventSummary, Evidence, TradeFigure

    assert [(f.value, f.scale, f.currency) for f in find_figures("Trade hit 66.7 billion U.S. dollars in 2022")] \
        == [(66.7, "billion", "USD")]
    article = Article(id="a1", text="Trade hit 66.7 billion zorkmids in 2022.", published=None)
    fact = TradeFigure(metric="trade", value=66.7, scale="billion", currency="USD",
                       evidence=[Evidence(article_id="a1", quote="Trade hit 66.7 billion zorkmids in 2022")])
    checked = check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0]
    assert checked.fields["value"].verdict == Verdict.unsupported


def _value_verdict(quote: str, **figure: object) -> str:
    """The value field's verdict for a trade figure quoted from a one-sentence article that is the quote."""
    from summarizer.articles import Article
    from summarizer.grounding.checker import check
    from summarizer.schema import EventSummary, Evidence, TradeFigure

    article = Article(id="a1", text=quote + ".", published=None)
    fact = TradeFigure(evidence=[Evidence(article_id="a1", quote=quote)], **figure)  # type: ignore[arg-type]
    return check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0].fields["value"].verdict


@pytest.mark.parametrize("text, amount, currency", [
    ("announced a 2.4 trillion-won takeover", 2.4e12, "KRW"),
    ("a 5 billion-euro rail plan", 5e9, "EUR"),
    ("a 3-billion-rand order", 3e9, "ZAR"),
])
def test_a_currency_joined_to_its_amount_by_a_hyphen(text: str, amount: float, currency: str) -> None:
    [figure] = find_figures(text)
    assert (figure.amount, figure.currency) == (amount, currency)


@pytest.mark.parametrize("text, amount, currency", [
    ("holders will receive 62 pence in cash for each share", 0.62, "GBP"),
    ("a rise of 4 pence a litre", 0.04, "GBP"),
])
def test_pence_are_hundredths_of_a_pound(text: str, amount: float, currency: str) -> None:
    [figure] = find_figures(text)
    assert (round(figure.amount, 6), figure.currency) == (amount, currency)


@pytest.mark.parametrize("country, currency, verdict", [
    ("Senegal", "XOF", "supported"), ("Cameroon", "XAF", "supported"),   # West or Central African CFA franc
    ("Senegal", "XAF", "unsupported"), ("Senegal", "CHF", "unsupported"),
])
def test_a_name_two_currencies_share_is_read_through_the_country(country: str, currency: str, verdict: str) -> None:
    [figure] = find_figures("Exports reached 950 billion CFA francs in 2024")
    assert figure.currency is None and figure.marker == "CFA francs"   # read in neither until the country says
    quote = f"{country}'s exports reached 950 billion CFA francs in 2024"
    assert _value_verdict(quote, metric="exports", value=950, scale="billion", currency=currency) == verdict


@pytest.mark.parametrize("currency, verdict", [(None, "supported"), ("KRW", "supported"), ("JPY", "contradicted")])
def test_a_currency_left_out_is_not_a_currency_stated_otherwise(currency: str | None, verdict: str) -> None:
    quote = "Hanwha agreed to buy the shipyard for 2.4 trillion won"
    assert _value_verdict(quote, metric="deal value", value=2.4, scale="trillion", currency=currency) == verdict


@pytest.mark.parametrize("country, verdict", [("Morocco", "unsupported"), ("the United Arab Emirates", "supported")])
def test_a_shared_currency_name_read_by_default_yields_to_the_country_named(country: str, verdict: str) -> None:
    quote = f"Investment in {country} reached 40 billion dirhams last year"
    assert _value_verdict(quote, metric="investment", value=40, scale="billion", currency="AED") == verdict


@pytest.mark.parametrize("quote, currency, verdict", [
    # "Rs" is rupees of the country the story names: Sri Lanka's, where it names no other rupee country
    ("Sri Lanka's tea exports reached Rs 420 billion last year", "LKR", "supported"),
    ("Sri Lanka's tea exports reached Rs 420 billion last year", "INR", "unsupported"),
    ("Sri Lanka's tea exports to India reached Rs 420 billion last year", "LKR", "unsupported"),  # either
    ("India's tea exports reached Rs 420 billion last year", "INR", "supported"),
    ("India's tea exports reached Rs 420 billion last year", "LKR", "contradicted"),
])
def test_rupees_in_letters_are_those_of_the_country_named(quote: str, currency: str, verdict: str) -> None:
    from summarizer.articles import Article
    from summarizer.grounding.checker import check
    from summarizer.schema import EventSummary, Evidence, TradeFigure

    article = Article(id="a1", text=quote + ".", published=None)
    fact = TradeFigure(metric="tea exports", value=420, scale="billion", currency=currency,
                       evidence=[Evidence(article_id="a1", quote=quote)])
    assert check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0].fields["value"].verdict == verdict


@pytest.mark.parametrize("text, found", [
    ("Heineken paid 1,315p a share, made up of 1,290p in cash", [("1,315p", 13.15, "GBP"), ("1,290p", 12.9, "GBP")]),
    ("Exports in 2024p rose", []),   # a provisional year in a table
    ("Talks ended at 10 pm", []),
])
def test_pence_written_onto_the_number(text: str, found: list) -> None:
    assert [(f.text, f.value, f.currency) for f in find_figures(text) if not f.percent] == found


def test_paid_a_share_is_a_price_a_share() -> None:
    from summarizer.articles import Article
    from summarizer.grounding.checker import check
    from summarizer.schema import EventSummary, Evidence, TradeFigure

    quote = "Heineken paid 1,315p a share for Distell"
    article = Article(id="a1", text=quote + ".", published=None)
    fact = TradeFigure(metric="price per Distell share", value=13.15, currency="GBP",
                       evidence=[Evidence(article_id="a1", quote=quote)])
    assert check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0].verdict.value == "supported"
