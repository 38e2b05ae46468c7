"""Replays of real embedded-model calls (evals/cassettes: SmolLM2 and Gemma under the passage strategy,
Qwen2.5-Coder-1.5B under the document strategy, each recorded over HTTP from llama.cpp's server).

Re-record: ``summarizer eval --record [--model M]`` (needs the ``embedded`` or ``qwen`` extra). A change to
prompts, candidate finding or request options makes replays miss their recordings and fail here.
"""

from __future__ import annotations

import pytest

from summarizer.errors import InputError
from summarizer.evaluation.events import load_events, model_slug
from summarizer.evaluation.runner import compare_to_baseline, run_eval, run_event
from summarizer.extract.pipeline import DEFAULT_MODEL
from summarizer.text.align import AlignmentStatus
from tests.conftest import ALL_EVENTS, ROOT


@pytest.fixture(scope="module")
def replays():
    return {event.name: run_event(event, DEFAULT_MODEL, "replay") for event in load_events()}


@pytest.mark.parametrize("event", ALL_EVENTS)
def test_replayed_summary_is_grounded_by_construction(replays, event: str) -> None:
    result = replays[event]
    facts = result.summary.facts()
    assert facts and result.report is not None
    for _, _, fact in facts:
        assert fact.evidence
    statuses = {e.status for f in result.report.facts for e in f.evidence}
    assert statuses == {AlignmentStatus.exact}
    assert result.usage["calls"] > 0 and result.usage["prompt_tokens"] > 0 and result.failed_tasks == []


def test_seed_event_finds_the_invitation(replays) -> None:
    from summarizer.text.names import same_entity

    summary = replays["jaishankar_moscow_2023-12"].summary
    report = replays["jaishankar_moscow_2023-12"].report
    # who invited whom is supported (the model may still get another field wrong, and that is flagged)
    direction = {f.index: f.fields["direction"].verdict.value for f in report.facts
                 if f.kind == "invitations" and "direction" in f.fields}
    assert any(same_entity(inv.inviter, "Vladimir Putin") and same_entity(inv.invitee, "Narendra Modi")
               and direction.get(i) == "supported" for i, inv in enumerate(summary.invitations))


def test_missing_recording_is_a_clear_error(tmp_path) -> None:
    event = load_events()[0]
    with pytest.raises(InputError, match="no recording"):
        run_event(event, "openai/never-recorded", "replay")


@pytest.mark.parametrize("model", ["embedded/smollm2-135m", "embedded/gemma3-270m", "embedded/qwen2.5-coder-1.5b"])
def test_eval_figures_do_not_fall_below_the_baseline(model: str) -> None:
    report = run_eval(model=model, mode="replay", meta=(model == DEFAULT_MODEL))
    baseline = ROOT / "evals" / "baselines" / f"{model_slug(model)}.json"
    assert compare_to_baseline(report, baseline) == []
    if report.meta:
        assert report.meta["catch_rate"] >= 0.98 and report.meta["false_flag_rate"] <= 0.02


def test_the_document_strategy_replays_with_every_fact_checked() -> None:
    event = load_events(names=["jaishankar_moscow_2023-12"])[0]
    result = run_event(event, "embedded/qwen2.5-coder-1.5b", "replay")
    assert result.strategy == "document" and result.usage["calls"] >= 1
    assert result.report is not None and len(result.report.facts) == len(result.summary.facts())
    assert result.report.narrative and all(c.reason for c in result.report.narrative)
