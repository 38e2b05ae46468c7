"""summarize() end to end with a scripted completion function (synthetic replies, see tests/fakes.py)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from summarizer import Article, ModelUnreachable, asummarize, summarize
from summarizer.extract.passage_tasks import plan_tasks
from summarizer.extract.tasks import NONE
from summarizer.text.passages import find_passages
from tests.fakes import ScriptedCompletion, first_choices

ARTICLE = Article(id="a1", text=(
    "date 2024-05-16\nsource https://example.org/x\n\n"
    "Chinese President Xi Jinping invited Russian President Vladimir Putin to visit Beijing next year. "
    "On Thursday, President Xi Jinping held talks with President Vladimir Putin in Beijing. "
    "The two sides signed a joint statement on strategic partnership. "
    "Bilateral trade crossed $240 billion last year, officials said."))


def swapped(schema: dict) -> dict:
    """Scripted answers with the invitation's inviter and invitee the wrong way round."""
    args = first_choices(schema)
    if "inviter" in args:
        args["inviter"], args["invitee"] = "Vladimir Putin", "Xi Jinping"
    return args


def _loaded() -> list[Article]:
    from summarizer.articles import parse_txt

    return [parse_txt("a1", ARTICLE.text)]


def test_every_fact_has_verbatim_evidence_and_is_checked() -> None:
    fake = ScriptedCompletion(default=first_choices)
    result = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused", completion=fake,
                       policy="flag")  # every fact the model wrote, checked
    summary = result.summary
    assert summary.invitations and summary.meetings and summary.agreements and summary.trade_figures
    for _, _, fact in summary.facts():
        for evidence in fact.evidence:
            assert evidence.quote in ARTICLE.text
    assert result.report is not None and len(result.report.facts) == len(summary.facts())
    assert result.usage["calls"] == len(fake.requests) and result.usage["total_tokens"] == 18 * len(fake.requests)
    assert len(result.prompt_version) == 12 and set(result.prompt_hashes) == {"invitation", "meeting", "agreement",
                                                                                "trade", "document", "reask_fact"}


def test_choices_are_strings_of_the_passage() -> None:
    fake = ScriptedCompletion(default=first_choices)
    summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)
    invite = next(r for r in fake.requests if "invited whom" in r["messages"][0]["content"])
    params = invite["tools"][0]["function"]["parameters"]["properties"]
    assert set(params["inviter"]["enum"]) == {"Xi Jinping", "Vladimir Putin", "none"}
    assert "Beijing" in params["destination"]["enum"] and "none" in params["destination"]["enum"]
    assert invite["messages"][0]["role"] == "user" and len(invite["messages"]) == 1


def test_a_swapped_answer_is_caught_by_the_checker() -> None:
    result = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused",
                       completion=ScriptedCompletion(default=swapped), policy="flag")
    invitation = next(f for f in result.report.facts if f.kind == "invitations")
    assert invitation.verdict.value == "contradicted"
    published = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused",
                          completion=ScriptedCompletion(default=swapped))  # the default policy: strict
    assert published.summary.invitations == []
    assert any(d.startswith("invitations[0] Vladimir Putin invited Xi Jinping") for d in published.report.dropped)


def test_one_failing_passage_is_recorded_and_the_rest_go_on() -> None:
    tasks = sum(len(plan_tasks(a, p)) for a in _loaded() for p in find_passages(_loaded()))
    invalid = {"inviter": "Nobody", "invitee": "Nobody"}
    fake = ScriptedCompletion(replies=[invalid, invalid, invalid], default=first_choices)
    result = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused", completion=fake,
                       policy="flag")
    assert len(result.failed_tasks) == 1 and result.failed_tasks[0].kind == "agreements"  # asked first (by kind)
    assert "did not validate" in result.failed_tasks[0].error
    assert result.summary.meetings and result.summary.invitations and not result.summary.agreements
    assert len(fake.requests) == tasks + 2  # the failing task was asked three times (two re-asks)


def test_fatal_model_errors_stop_the_run() -> None:
    from summarizer.errors import ModelUnreachable as Unreachable

    fake = ScriptedCompletion(replies=[Unreachable("no server", model="m")])
    with pytest.raises(ModelUnreachable):
        summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)


def test_async_twin_and_environment_defaults(monkeypatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MODEL", "openai/from-env")
    fake = ScriptedCompletion(default=first_choices)
    result = asyncio.run(asummarize(_loaded(), strategy="passages", api_base="http://unused", completion=fake))
    assert result.model == "openai/from-env" and fake.requests[0]["model"] == "openai/from-env"


def test_progress_is_reported() -> None:
    seen = []
    summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused",
              completion=ScriptedCompletion(default=first_choices), progress=lambda d, n, label: seen.append((d, n)))
    assert seen and seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == list(range(1, len(seen) + 1))



def test_title_and_narrative_use_only_supported_facts() -> None:
    result = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused",
                       completion=ScriptedCompletion(default=swapped), policy="flag")
    assert result.summary.invitations  # flagged, kept in the facts ...
    assert "invite" not in result.summary.title.lower() and "invited" not in result.summary.narrative
    assert "Xi Jinping" in result.summary.title  # ... but the title comes from the supported meeting


def test_unsupported_facts_are_reasked_with_the_checkers_reasons() -> None:
    replies = {"n": 0}

    def swapped_then_right(schema: dict) -> dict:
        if "inviter" in schema.get("properties", {}):
            replies["n"] += 1
            # the right answer: first choices, passed on by nobody (the first person is the inviter)
            return swapped(schema) if replies["n"] == 1 else {**first_choices(schema), "conveyed_via": NONE}
        return first_choices(schema)

    fake = ScriptedCompletion(default=swapped_then_right)
    result = summarize(_loaded(), model="openai/fake", strategy="passages", api_base="http://unused", completion=fake,
                       reask_unsupported=1)
    [reask] = [r for r in result.reasks if r.kind == "invitations"]
    assert reask.outcome == "supported" and any("swapped" in reason for reason in reask.reasons)
    followup = [r for r in fake.requests if len(r["messages"]) == 3]
    assert followup and "A checker compared that answer" in followup[0]["messages"][2]["content"]
    assert result.reask_usage["calls"] == len(followup) and result.usage["calls"] == len(fake.requests)
    invitation = next(f for f in result.report.facts if f.kind == "invitations")
    assert invitation.verdict.value == "supported"


THREE = Article(id="t3", published=dt.date(2025, 6, 2), text=(
    "Prime Minister Sofia Navarro, President Kwame Mensah and Chancellor Ingrid Holm met in Lisbon on Monday."))


def _answer_with(**chosen: str):
    def reply(schema: dict) -> dict:
        args = first_choices(schema)
        args.update({k: v for k, v in chosen.items() if k in schema["properties"]})
        return args
    return reply


def test_a_meeting_of_three_and_none_for_a_person() -> None:
    fake = ScriptedCompletion(default=_answer_with(person_a="Sofia Navarro", person_b="Kwame Mensah",
                                                   person_c="Ingrid Holm"))
    result = summarize([THREE], model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)
    assert [m.participants for m in result.summary.meetings] == [["Sofia Navarro", "Kwame Mensah", "Ingrid Holm"]]
    meeting = next(f for f in result.report.facts if f.kind == "meetings")
    assert meeting.verdict.value == "supported", meeting.problems()
    declined = summarize([THREE], model="openai/fake", strategy="passages", api_base="http://unused",
                         completion=ScriptedCompletion(default=_answer_with(person_a="Sofia Navarro", person_b="none",
                                                                            person_c="none")))
    assert declined.summary.meetings == []
    same_twice = summarize([THREE], model="openai/fake", strategy="passages", api_base="http://unused",
                           completion=ScriptedCompletion(default=_answer_with(person_a="Sofia Navarro",
                                                                              person_b="Sofia Navarro",
                                                                              person_c="none")))
    assert same_twice.summary.meetings == [] and same_twice.failed_tasks == []


def test_an_article_in_another_language_is_named_and_left_out(tmp_path) -> None:
    from summarizer import InputError
    from summarizer.errors import UnreadableArticle

    chinese = Article(id="zh", path="zh.txt", text="中国国家主席周四在北京会见了来访的总统，双方签署了联合声明。")
    fake = ScriptedCompletion(default=first_choices)
    with pytest.warns(UnreadableArticle, match="zh.txt: not used, it is not in the Latin script"):
        result = summarize(_loaded() + [chinese], model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)
    assert [(u.article_id, u.path) for u in result.unused_articles] == [("zh", "zh.txt")]
    assert result.summary.meetings  # the English article still made its facts
    with pytest.warns(UnreadableArticle), pytest.raises(InputError, match="no article can be read: zh.txt"):
        summarize([chinese], model="openai/fake", strategy="passages", api_base="http://unused", completion=fake)
