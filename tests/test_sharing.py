"""Passages that ask the same question share one answer (summarizer.extract.sharing), with synthetic
replies (tests/fakes.py) on articles written for the test."""

from __future__ import annotations

from summarizer import Article, summarize
from summarizer.extract.passage_tasks import plan_tasks
from summarizer.extract.sharing import carry_over, share
from summarizer.text.passages import find_passages
from tests.fakes import ScriptedCompletion, first_choices

REPORTS = [
    Article(id="a1", text="Kenyan President William Ruto met Ghana's President John Mahama in Nairobi on Monday."),
    Article(id="a2", text="On Monday, President Ruto met President Mahama to discuss a visa waiver."),
    Article(id="a3", text="Separately, President William Ruto met Tanzania's President Samia Suluhu Hassan in Arusha."),
]


def _meeting_tasks(articles: list[Article]):
    tasks = []
    for article in articles:
        for passage in find_passages([article], 1200):
            tasks += [t for t in plan_tasks(article, passage, set()) if t.kind == "meetings"]
    return tasks


def test_one_call_per_meeting_and_every_report_kept_as_evidence() -> None:
    fake = ScriptedCompletion(default=first_choices)
    result = summarize(REPORTS, model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)
    meeting_calls = [r for r in fake.requests if r["tools"][0]["function"]["name"] == "MeetingAnswer"]
    assert len(meeting_calls) == 2  # Ruto-Mahama asked once (in the shorter report), Ruto-Hassan once
    ruto_mahama = next(m for m in result.summary.meetings if any("Mahama" in p for p in m.participants))
    assert {e.article_id for e in ruto_mahama.evidence} == {"a1", "a2"}
    assert result.report is not None
    assert next(f for f in result.report.facts if f.kind == "meetings" and f.index ==
                result.summary.meetings.index(ruto_mahama)).corroboration == 2


def test_an_answer_is_restated_in_the_other_passage_options() -> None:
    full, short, other = _meeting_tasks(REPORTS)
    assert share([full, short, other]) == {1: [0], 2: []}   # the shorter report asks, the other takes it
    answer = short.response_model.model_validate(first_choices(short.response_model.model_json_schema()))
    carried = carry_over(answer, full)
    assert carried is not None
    assert (carried.person_a, carried.person_b) == ("William Ruto", "John Mahama")  # the full report's names
    assert carried.location == "none" and carried.date == "on Monday"   # no place was asked; its own "on Monday"
