from __future__ import annotations

import pytest

from summarizer.text.align import AlignmentStatus, ArticleIndex, align_quote

TEXT = ("Putin said: “We will be glad to see our friend, Mr Prime Minister Modi in Russia.” "
        "Trade crossed US$50 billion (a record) last year — the ministers noted. "
        "Jaishankar met Lavrov in Moscow on Wednesday and the talks were productive. "
        "Zhongnanhai’s tea ceremony closed the visit. Prices rose 3.5% [est.] overall.")


@pytest.fixture
def indexes() -> dict[str, ArticleIndex]:
    return {"a": ArticleIndex("a", TEXT), "b": ArticleIndex("b", "Xi and Putin signed a joint statement.")}


def test_exact(indexes) -> None:
    found = align_quote("crossed US$50 billion (a record)", "a", indexes)
    assert found.status == AlignmentStatus.exact
    assert TEXT[found.start:found.end] == "crossed US$50 billion (a record)"


def test_regex_metacharacters_and_non_ascii(indexes) -> None:
    for quote in ("Prices rose 3.5% [est.] overall.", "Zhongnanhai’s tea ceremony"):
        found = align_quote(quote, "a", indexes)
        assert found.status == AlignmentStatus.exact and TEXT[found.start:found.end] == quote


def test_normalised_quotes_dashes_case_and_space(indexes) -> None:
    found = align_quote('"we will be glad to see our friend,   Mr Prime Minister Modi in Russia."', "a", indexes)
    assert found.status == AlignmentStatus.normalised
    assert TEXT[found.start:found.end] == "“We will be glad to see our friend, Mr Prime Minister Modi in Russia.”"
    dash = align_quote("last year - the ministers noted", "a", indexes)
    assert dash.status == AlignmentStatus.normalised and TEXT[dash.start:dash.end] == "last year — the ministers noted"


def test_escaped_quotes_of_bad_scrapes(seed_articles) -> None:
    article = {a.id: a for a in seed_articles}["002_15fc7afe774a04a9"]
    index = {article.id: ArticleIndex(article.id, article.text)}
    found = align_quote("Conveying Russia’s openness to the visit", article.id, index)
    assert found.status == AlignmentStatus.normalised
    assert article.text[found.start:found.end] == "Conveying Russia\\’s openness to the visit"


def test_fuzzy_with_score(indexes) -> None:
    found = align_quote("Jaishankar met Lavrov in Moscow on Wednesday and talks were productive", "a", indexes)
    assert found.status == AlignmentStatus.fuzzy and 90 <= found.score < 100
    assert TEXT[found.start:found.end].startswith("Jaishankar met Lavrov")


def test_misattributed_and_not_found(indexes) -> None:
    wrong = align_quote("Xi and Putin signed a joint statement.", "a", indexes)
    assert wrong.status == AlignmentStatus.misattributed and wrong.article_id == "b"
    missing = align_quote("Putin likes long walks on the beach near Sochi.", "a", indexes)
    assert missing.status == AlignmentStatus.not_found and missing.start is None
    assert align_quote("   ", "a", indexes).status == AlignmentStatus.not_found


def test_unknown_cited_article_still_searches_the_others(indexes) -> None:
    found = align_quote("crossed US$50 billion", "zzz", indexes)
    assert found.status == AlignmentStatus.misattributed and found.article_id == "a"
