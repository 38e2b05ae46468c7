"""The document strategy's mechanics, with a fake strong model answering from a hand-written summary
(tests/fakes.py: FakeStrongModel; synthetic, not a recording). Articles written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer import Article, summarize
from summarizer.errors import ConfigError
from summarizer.extract.pipeline import choose_strategy
from tests.fakes import FakeStrongModel

OSLO = Article(id="oslo", published=dt.date(2025, 4, 9), text=(
    "OSLO, April 8 (Reuters) - Norwegian Prime Minister Jonas Gahr Store met Icelandic Prime Minister "
    "Kristrun Frostadottir in Oslo on Tuesday. The two leaders signed a fisheries protocol and agreed to "
    "study a ferry link.\n\nTrade between Norway and Iceland reached $1.2 billion last year, officials said."))
REYKJAVIK = Article(id="reykjavik", published=dt.date(2025, 4, 9), text=(
    "Frostadottir said after the talks that the ferry study would take a year. Iceland's foreign ministry "
    "said the protocol covers capelin quotas."))

MEETING = {"participants": ["Jonas Gahr Store", "Kristrun Frostadottir"], "location": "Oslo",
           "date": {"text": "on Tuesday", "iso": "2025-04-08"},
           "evidence": [{"article_id": "oslo", "quote": "Norwegian Prime Minister Jonas Gahr Store met Icelandic "
                                                         "Prime Minister Kristrun Frostadottir in Oslo on Tuesday"}]}
PROTOCOL = {"subject": "fisheries protocol", "status": "signed", "parties": ["Norway", "Iceland"],
            "evidence": [{"article_id": "oslo", "quote": "The two leaders signed a fisheries protocol"}]}
MISQUOTED = {"subject": "ferry link study", "status": "signed", "parties": [],
             "evidence": [{"article_id": "oslo", "quote": "the two leaders signed a ferry link treaty"}]}
TRADE = {"metric": "trade between Norway and Iceland", "value": 1.2, "scale": "billion", "currency": "USD",
         "period": {"text": "last year", "iso": "2024"},
         "evidence": [{"article_id": "oslo", "quote": "Trade between Norway and Iceland reached $1.2 billion "
                                                       "last year"}]}


def _summary(**extra) -> dict:
    return {"title": "Norway and Iceland sign a fisheries protocol", "meetings": [MEETING], "invitations": [],
            "agreements": [PROTOCOL, MISQUOTED], "trade_figures": [TRADE],
            "narrative": "Store met Frostadottir in Oslo. The two leaders signed a fisheries protocol. "
                         "Trade reached $1.2 billion. Denmark pledged $3 billion to the ferry.", **extra}


def _run(fake: FakeStrongModel, **options):
    """The document strategy on the fake; every fact it wrote kept and checked unless a policy is given."""
    return summarize([OSLO, REYKJAVIK], model="openai/strong-fake", api_base="http://unused", completion=fake,
                     strategy="document", **{"policy": "flag", **options})


def test_auto_picks_passages_for_the_small_embedded_models_and_document_for_the_rest() -> None:
    assert choose_strategy("auto", "embedded/smollm2-135m") == "passages"
    assert choose_strategy("auto", "embedded/qwen2.5-coder-1.5b") == "document"
    assert choose_strategy("auto", "openai/gpt-4o-mini") == "document"
    with pytest.raises(ConfigError, match="unknown strategy"):
        choose_strategy("everything", "openai/gpt-4o-mini")  # type: ignore[arg-type]


def test_one_call_writes_the_summary_and_the_checker_reads_it() -> None:
    fake = FakeStrongModel(_summary())
    result = _run(fake)
    assert result.strategy == "document" and fake.calls("EventSummary") == 1
    verdicts = {(f.kind, f.index): f.verdict.value for f in result.report.facts}
    assert verdicts[("meetings", 0)] == "supported" and verdicts[("agreements", 0)] == "supported"
    assert verdicts[("agreements", 1)] == "unsupported"   # its quote is not in the article
    assert result.summary.title == "Norway and Iceland sign a fisheries protocol"


def test_only_the_failing_facts_are_asked_again_with_the_checkers_reasons() -> None:
    revised = {**MISQUOTED, "status": "agreed",
               "evidence": [{"article_id": "oslo", "quote": "agreed to study a ferry link"}]}
    fake = FakeStrongModel(_summary(), revisions={"agreements": revised})
    result = _run(fake, reask_unsupported=1)
    assert fake.calls("RevisedAgreement") == 1 and fake.calls("RevisedMeeting") == 0
    asked = next(r for r in fake.requests if r["tools"][0]["function"]["name"] == "RevisedAgreement")
    assert "no evidence quote aligns" in asked["messages"][-1]["content"]
    assert [r.outcome for r in result.reasks] == ["supported"]
    assert result.summary.agreements[1].status.value == "agreed"


def test_a_narrative_claim_no_supported_fact_carries_is_flagged_or_cut() -> None:
    flagged = _run(FakeStrongModel(_summary()))
    claims = {c.sentence: c.supported for c in flagged.report.narrative}
    assert claims["Store met Frostadottir in Oslo."] is True
    assert claims["Denmark pledged $3 billion to the ferry."] is False
    strict = _run(FakeStrongModel(_summary()), policy="strict")
    assert "Denmark" not in strict.summary.narrative and "Store met Frostadottir" in strict.summary.narrative


def test_a_small_context_window_splits_the_articles_and_merges_the_parts() -> None:
    fake = FakeStrongModel(_summary())
    result = _run(fake, context_window=5_620)  # room for one article a call
    assert fake.calls("EventSummary") == 2
    assert len(result.summary.meetings) == 1 and len(result.summary.agreements) == 2   # the twins merged
    with pytest.raises(ConfigError, match="context window"):
        _run(FakeStrongModel(_summary()), context_window=3_000)
