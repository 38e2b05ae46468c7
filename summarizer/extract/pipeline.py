"""``summarize()``: articles -> passages -> model -> facts -> merged summary -> grounding report."""

from __future__ import annotations

import asyncio
import os
import time
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..articles import Article, load_articles
from ..errors import ConfigError, ExtractionFailed, InputError, UnreadableArticle
from ..facts.merge import merge_facts, title_and_narrative
from ..facts.participant import collect_participants
from ..facts.registry import specs
from ..facts.topic import collect_topics
from ..grounding.checker import (
    VERDICT_RANK,
    FactCheck,
    GroundingReport,
    Policy,
    Verdict,
    apply_policy,
    check,
)
from ..grounding.context import dated
from ..grounding.narrative import check_narrative
from ..models.embedded import (
    DEFAULT_EMBEDDED,
    EMBEDDED_PREFIX,
    EmbeddedServer,
    embedded_spec,
    is_embedded,
    litellm_name,
)
from ..models.llm import Completion, RetryPolicy, StructuredModel
from ..schema import EventSummary, Fact
from ..text.language import unreadable_reason
from ..text.passages import Passage, find_passages
from . import prompts
from .document import context_window as document_window
from .document import summarize_document
from .passage_tasks import plan_tasks
from .sharing import carry_over, share
from .tasks import FailedTask, Reask, Task, messages_for, person_names

DEFAULT_MODEL = EMBEDDED_PREFIX + DEFAULT_EMBEDDED
LOCAL_KEY = "sk-local-no-key"
Progress = Callable[[int, int, str], None]
Strategy = Literal["auto", "passages", "document"]


class UnusedArticle(BaseModel):
    """An article the pipeline could not read (the summary is made without it)."""

    article_id: str
    path: str | None = None
    reason: str


class SummaryResult(BaseModel):
    """A summary with its grounding report and how it was made."""

    summary: EventSummary
    report: GroundingReport | None = None
    model: str
    strategy: str = Field(default="passages", description="passages or document: how the summary was written")
    prompt_version: str
    prompt_hashes: dict[str, str]
    usage: dict[str, Any]
    elapsed_seconds: float
    article_ids: list[str]
    failed_tasks: list[FailedTask] = Field(default_factory=list)
    unused_articles: list[UnusedArticle] = Field(default_factory=list,
                                                 description="articles that could not be read, and why")
    articles: list[Article] = Field(default_factory=list, description="the sources, verbatim (offsets index them)")
    reasks: list[Reask] = Field(default_factory=list)
    reask_usage: dict[str, Any] = Field(default_factory=dict, description="tokens spent on re-asks (in usage too)")


def resolve_model(model: str | None, api_base: str | None) -> tuple[str, str | None]:
    """The model and API base to use: arguments, then SUMMARIZER_MODEL / SUMMARIZER_API_BASE, then the default."""
    return (model or os.environ.get("SUMMARIZER_MODEL") or DEFAULT_MODEL,
            api_base or os.environ.get("SUMMARIZER_API_BASE") or None)


def summarize(articles: Iterable[Article | str | Path] | str | Path, *, model: str | None = None,
              api_base: str | None = None, api_key: str | None = None, completion: Completion | None = None,
              policy: Policy = "strict", run_check: bool = True, concurrency: int = 1,
              max_passage_chars: int = 1200, retry: RetryPolicy = RetryPolicy(), timeout: float = 120.0,
              reask_unsupported: int = 0, progress: Progress | None = None,
              strict_quotes: bool = False, strategy: Strategy = "auto",
              context_window: int | None = None) -> SummaryResult:
    """Summarise the articles of one event with the given model (embedded local model by default).

    ``strategy``: "passages" (one small choice per passage, for the small embedded models), "document"
    (the model writes the whole summary from the articles; see :mod:`summarizer.extract.document`),
    "auto" (passages for the small embedded models, document for the rest). ``context_window``: the
    model's window in tokens, when litellm does not know it. ``strict_quotes``: the checker reads each
    fact's quotes alone, not their context. ``policy``: "strict" publishes only the facts the checker
    supports and lists the others, with why, in ``report.dropped``; "flag" publishes every fact, the
    unsupported ones marked in the report.

    ``reask_unsupported``: how many times to ask again about a fact the checker does not support,
    feeding back the checker's reasons (the result lists what was re-asked and its token cost)."""
    started = time.monotonic()
    loaded, unused = readable_articles(load_articles(articles))
    by_id = {a.id: a for a in loaded}
    model, api_base = resolve_model(model, api_base)
    with ExitStack() as stack:
        call_name = model
        if is_embedded(model):
            call_name = litellm_name(model)
            timeout = max(timeout, embedded_spec(model).timeout)  # a local model on 2 cores reads slowly
            if api_base is None and completion is None:
                api_base = stack.enter_context(EmbeddedServer(model))
            api_key = api_key or LOCAL_KEY
        elif api_base and model.startswith("openai/") and not api_key and not os.environ.get("OPENAI_API_KEY"):
            api_key = LOCAL_KEY  # local OpenAI-compatible servers (llama.cpp, vLLM) take any key
        llm, reasker = (StructuredModel(call_name, api_base=api_base, api_key=api_key, completion=completion,
                                        retry=retry, timeout=timeout) for _ in range(2))
        passages = find_passages(loaded, max_passage_chars)
        unused += _without_sentences(loaded, passages)
        chosen = choose_strategy(strategy, model)
        if chosen == "document":
            summary, failures, reasks = summarize_document(
                loaded, passages, llm, reasker, document_window(model, context_window), reask_unsupported, progress)
        else:
            tasks = _plan(loaded, passages)
            facts, failures, reasks = _run(llm, reasker, tasks, concurrency, reask_unsupported, progress)
            summary = build_summary(loaded, facts, passages)
    report = None
    if run_check:
        report = check(summary, loaded, strict_quotes)
        summary, report = apply_policy(summary, report, policy, loaded, strict_quotes)
        if chosen == "passages" or not summary.narrative:
            publishable = {(f.kind, f.index): f.corroboration for f in report.facts
                           if f.verdict == Verdict.supported}
            summary.title, summary.narrative = title_and_narrative(summary, publishable)
            report = report.model_copy(update={"narrative": check_narrative(summary, set(publishable))})
    return SummaryResult(summary=summary, report=report, model=model, strategy=chosen,
                         prompt_version=prompts.prompt_version(),
                         prompt_hashes=prompts.prompt_hashes(), usage=llm.usage.merged(reasker.usage).to_dict(),
                         reasks=reasks, reask_usage=reasker.usage.to_dict(),
                         elapsed_seconds=round(time.monotonic() - started, 3), article_ids=list(by_id),
                         unused_articles=unused, failed_tasks=failures, articles=loaded)


SMALL_EMBEDDED = ("smollm2-135m", "gemma3-270m")  # too small to write a whole summary: passages for them


def choose_strategy(strategy: Strategy, model: str) -> str:
    """The strategy to run: ``auto`` picks passages for the small embedded models, document for the rest."""
    if strategy not in ("auto", "passages", "document"):
        raise ConfigError(f"unknown strategy {strategy!r}: use auto, passages or document")
    if strategy != "auto":
        return strategy
    return "passages" if is_embedded(model) and model.split("/", 1)[1] in SMALL_EMBEDDED else "document"


def readable_articles(articles: list[Article]) -> tuple[list[Article], list[UnusedArticle]]:
    """The articles the English pipeline can read, and the others with the reason (each warned about).
    No readable article at all is an InputError naming every file and why."""
    usable, unused = [], []
    for article in articles:
        reason = unreadable_reason(article)
        if reason is None:
            usable.append(article)
            continue
        unused.append(_left_out(article, reason))
    if not usable:
        raise InputError("no article can be read: " + "; ".join(f"{u.path or u.article_id}: {u.reason}"
                                                                 for u in unused))
    return usable, unused


def _without_sentences(articles: list[Article], passages: list[Passage]) -> list[UnusedArticle]:
    with_passages = {p.article_id for p in passages}
    return [_left_out(article, "no sentence of it is left once page furniture is removed")
            for article in articles if article.id not in with_passages]


def _left_out(article: Article, reason: str) -> UnusedArticle:
    """Record an article the summary is made without, and warn, naming its file."""
    warnings.warn(f"{article.path or article.id}: not used, {reason}", UnreadableArticle, stacklevel=4)
    return UnusedArticle(article_id=article.id, path=article.path, reason=reason)


async def asummarize(articles: Iterable[Article | str | Path] | str | Path, **options: Any) -> SummaryResult:
    """The async twin of :func:`summarize` (runs it in a worker thread)."""
    return await asyncio.to_thread(summarize, articles, **options)


def _plan(articles: list[Article], passages: list[Passage]) -> list[tuple[Task, Article, int, int]]:
    """The passage strategy's tasks. Undated articles are read against their dateline or the event
    (:func:`dated`); a name any article of the event uses for a person is a person in all of them."""
    by_id = {a.id: a for a in dated(articles)}
    people = set().union(*(person_names(a) for a in articles))
    planned = []
    for passage in passages:
        article = by_id[passage.article_id]
        for task in plan_tasks(article, passage, people):
            planned.append((task, article, passage.start, passage.end))
    return planned


def _check_one(kind: str, fact: Fact, article: Article) -> FactCheck:
    """The checker's verdict on one fact against the article its evidence comes from."""
    return check(EventSummary.model_validate({"title": "", kind: [fact]}), [article]).facts[0]


def _run(llm: StructuredModel, reasker: StructuredModel, tasks: list[tuple[Task, Article, int, int]],
         concurrency: int, reask_unsupported: int,
         progress: Progress | None) -> tuple[list[tuple[str, Fact]], list[FailedTask], list[Reask]]:
    """Run the tasks, one call per question (:mod:`.sharing`: passages asking the same question share
    the answer); a task whose output never validates is recorded, the others go on. A fact the checker
    does not support may be asked again (``reask_unsupported`` times) with the checker's reasons."""
    facts: list[tuple[str, Fact]] = []
    failures: list[FailedTask] = []
    reasks: list[Reask] = []
    done = 0

    def one(item: tuple[Task, Article, int, int]) -> tuple[BaseModel | None, Fact | None, FailedTask | None,
                                                          Reask | None]:
        task, article, start, end = item
        try:
            answer = llm.extract(task.response_model, messages_for(task))
        except ExtractionFailed as exc:
            return None, None, FailedTask(kind=task.kind, article_id=article.id, start=start, end=end,
                                          error=str(exc)), None
        fact = task.build(answer)
        if fact is None or reask_unsupported <= 0:
            return answer, fact, None, None
        checked = _check_one(task.kind, fact, article)
        first_reasons = checked.problems()
        for _ in range(reask_unsupported):
            if checked.verdict == Verdict.supported:
                break
            messages = messages_for(task) + [
                {"role": "assistant", "content": answer.model_dump_json()},
                {"role": "user", "content": "A checker compared that answer with the sentence and found: "
                                            + "; ".join(checked.problems())
                                            + ". Answer again with values the sentence supports."}]
            try:
                retry_answer = reasker.extract(task.response_model, messages)
            except ExtractionFailed:
                break
            retry_fact = task.build(retry_answer)
            if retry_fact is None:
                break
            retry_checked = _check_one(task.kind, retry_fact, article)
            if VERDICT_RANK[retry_checked.verdict] < VERDICT_RANK[checked.verdict]:
                fact, checked, answer = retry_fact, retry_checked, retry_answer
        reask = None if not first_reasons else Reask(
            kind=task.kind, article_id=article.id, start=start, end=end, reasons=first_reasons,
            outcome=checked.verdict.value)
        return answer, fact, None, reask

    def ask(items: list[tuple[Task, Article, int, int]], total: int) -> list[BaseModel | None]:
        nonlocal done
        answers = []
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            for item, (answer, fact, failure, reask) in zip(items, pool.map(one, items)):
                done += 1
                answers.append(answer)
                if fact is not None:
                    facts.append((item[0].kind, fact))
                if failure is not None:
                    failures.append(failure)
                if reask is not None:
                    reasks.append(reask)
                if progress:
                    progress(done, total, f"{item[0].kind} in {item[1].id}")
        return answers

    shared = share([task for task, *_ in tasks])
    total = len(shared)
    unanswered = []
    # one fact type after another: consecutive prompts share their instructions, which llama.cpp keeps cached
    order = sorted(shared, key=lambda i: (tasks[i][0].kind, i))
    for first, answer in zip(order, ask([tasks[i] for i in order], total)):
        for i in shared[first]:
            carried = carry_over(answer, tasks[i][0]) if answer is not None else None
            if carried is None:  # no answer to share, or its passage lacks a counterpart of a value
                unanswered.append(tasks[i])
                continue
            fact = tasks[i][0].build(carried)
            if fact is not None:
                facts.append((tasks[i][0].kind, fact))
    ask(unanswered, total + len(unanswered))
    return facts, failures, reasks


def build_summary(articles: list[Article], facts: list[tuple[str, Fact]], passages: list[Passage]) -> EventSummary:
    """Merge per-passage facts into one EventSummary with participants, topics, title and narrative."""
    merged: dict[str, list[Fact]] = {spec.kind: merge_facts(spec.kind, [f for k, f in facts if k == spec.kind])
                                     for spec in specs() if spec.plan}
    all_facts = [f for group in merged.values() for f in group]
    summary = EventSummary(title="", participants=collect_participants(articles, all_facts),
                           topics=collect_topics(passages), **merged)  # type: ignore[arg-type]
    summary.title, summary.narrative = title_and_narrative(summary)
    return summary
