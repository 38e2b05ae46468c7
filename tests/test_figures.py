from __future__ import annotations

import pytest

from summarizer.text.money import find_figures, normalise_currency, normalise_scale


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
