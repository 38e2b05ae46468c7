"""``batch()``: an inbox of articles in, one grounded summary per event out — incrementally.

Each run: discover files (content hash per article; already-seen and duplicate content skipped,
bad files recorded with their reason), group new articles into events (joining existing ones or
founding new ones), summarise every event whose membership changed (a new version; old ones
kept), check it, and write ``events/<id>/v<N>.json``, ``index.jsonl`` and ``run-report.json``.
All state is in ``state.sqlite``; files are written atomically before the state records them,
so a run killed at any point and started again ends as an uninterrupted run would.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..articles import Article, iter_article_files, read_article_file
from ..atomic import write_text_atomic
from ..errors import InputError, SummarizerError
from ..extract.pipeline import Strategy, SummaryResult, resolve_model, summarize
from ..models.embedded import EmbeddedServer, is_embedded
from ..models.llm import Completion, RetryPolicy
from .clustering import cluster, event_id_for
from .state import BatchState

MAX_ARTICLE_CHARS = 200_000
Progress = Callable[[str, int, int], None]


class BatchReport(BaseModel):
    """What one run did."""

    run: int
    files: int = 0
    new_articles: int = 0
    already_seen: int = 0
    duplicates: int = 0
    near_duplicates: int = Field(default=0, description="pairs of near-identical articles (wire copies) kept together")
    skipped: list[str] = Field(default_factory=list, description="bad input files with the reason")
    events: int = 0
    summarised: list[str] = Field(default_factory=list, description="event versions written this run")
    failed: list[str] = Field(default_factory=list, description="events that failed this run, with the reason")
    still_failed: list[str] = Field(default_factory=list, description="earlier failures not retried")
    model_calls: int = 0
    tokens: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.skipped or self.failed or self.still_failed)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def discover(inbox: Path, state: BatchState, run: int, report: BatchReport, retry_failed: bool) -> None:
    """Read new files into the state; bad files are recorded (and not re-read until they change)."""
    known = state.known_hashes()
    this_run: set[str] = set()
    used_ids = state.used_ids()
    failures = state.failures()
    new_rows: list[tuple[str, Article]] = []
    for path in iter_article_files(inbox):
        report.files += 1
        key = f"article:{path}"
        signature = _signature(path)
        if key in failures and failures[key][2] == signature and not retry_failed:
            report.skipped.append(f"{path}: {failures[key][1].split(': ', 1)[-1]}")
            continue
        try:
            articles = read_article_file(path)
            for article in articles:
                if len(article.text) > MAX_ARTICLE_CHARS:
                    raise InputError(f"{path}: {len(article.text):,} characters is too long for one news article "
                                     f"(limit {MAX_ARTICLE_CHARS:,}); split it")
        except InputError as exc:
            state.fail(key, "article", str(exc), run, signature)
            report.skipped.append(str(exc))
            continue
        state.clear_failure(key)
        for article in articles:
            digest = content_hash(article.text)
            if digest in known:
                report.already_seen += 1
                continue
            if digest in this_run:  # the same text twice in the inbox: one copy is enough
                report.duplicates += 1
                continue
            if article.id in used_ids:
                relative = path.relative_to(inbox) if path.is_relative_to(inbox) else path
                article = article.model_copy(update={"id": "__".join(relative.with_suffix("").parts)
                                                     + (f"-{digest[:6]}" if len(articles) > 1 else "")})
            this_run.add(digest)
            used_ids.add(article.id)
            new_rows.append((digest, article))
    state.add_articles(new_rows, run)
    report.new_articles = len(new_rows)


def group(state: BatchState, report: BatchReport | None = None) -> dict[str, list[tuple[str, Article]]]:
    """Assign every stored article to an event; returns event id -> [(hash, article)]."""
    stored = state.articles()
    groups = cluster([s.article for s in stored], [s.event_id for s in stored])
    assignments: dict[str, str] = {}
    events: dict[str, list[tuple[str, Article]]] = {}
    for g in groups:
        if report is not None:
            report.near_duplicates += len(g.near_duplicates)
        members = [stored[i] for i in g.members]
        event_id = g.event_id or event_id_for(members[0].hash)
        events[event_id] = [(m.hash, m.article) for m in members]
        assignments.update({m.hash: event_id for m in members if m.event_id != event_id})
    state.assign(assignments)
    return events


def _write_index(out: Path, state: BatchState) -> None:
    lines = [json.dumps({k: v[k] for k in ("event_id", "version", "path", "article_hashes", "facts", "supported")})
             for v in state.versions()]
    write_text_atomic(out / "index.jsonl", "".join(line + "\n" for line in lines))


def _write_html(out: Path, state: BatchState) -> None:
    """An HTML report beside each version's JSON (made once), and index.html linking the latest ones."""
    from ..report.html import read_result, write_index, write_report

    latest: dict[str, dict] = {}
    for version in state.versions():
        page = out / version["path"].replace(".json", ".html")
        result = None
        if not page.exists():
            result = read_result(out / version["path"])
            write_report(result, page)
        latest[version["event_id"]] = {**version, "page": page, "result": result}
    entries = []
    for event_id, version in sorted(latest.items()):
        result = version["result"] or read_result(out / version["path"])
        entries.append({"href": str(version["page"].relative_to(out)), "title": result.summary.title,
                        "facts": version["facts"], "score": version["supported"] or 0.0,
                        "articles": len(version["article_hashes"]), "event_id": event_id,
                        "version": version["version"]})
    write_index(entries, out / "index.html")


def batch(inbox: str | Path, out: str | Path, *, model: str | None = None, api_base: str | None = None,
          api_key: str | None = None, completion: Completion | None = None, concurrency: int = 1,
          retry_failed: bool = False, retry: RetryPolicy = RetryPolicy(), timeout: float = 120.0,
          html: bool = False, progress: Progress | None = None, strategy: Strategy = "auto") -> BatchReport:
    """Process an inbox into ``out``; run it again whenever new articles land. ``strategy``: as for
    :func:`~summarizer.summarize`."""
    started = time.monotonic()
    inbox, out = Path(inbox), Path(out)
    if not inbox.is_dir():
        raise InputError(f"{inbox}: not a folder")
    model, api_base = resolve_model(model, api_base)
    state = BatchState(out / "state.sqlite")
    run = state.start_run()
    report = BatchReport(run=run)
    try:
        if progress:
            progress("discovering articles", 0, 0)
        discover(inbox, state, run, report, retry_failed)
        if progress:
            progress("grouping into events", 0, 0)
        events = group(state, report)
        report.events = len(events)
        todo = _events_to_summarise(events, state, report, retry_failed)
        with ExitStack() as stack:
            if todo and is_embedded(model) and api_base is None and completion is None:
                api_base = stack.enter_context(EmbeddedServer(model))
            _summarise_all(todo, state, out, run, report, dict(model=model, api_base=api_base, api_key=api_key,
                                                               completion=completion, retry=retry, timeout=timeout,
                                                               strategy=strategy),
                           concurrency, progress)
        _write_index(out, state)
        if html:
            _write_html(out, state)
    finally:
        report.seconds = round(time.monotonic() - started, 2)
        state.finish_run(run, report.model_dump())
        write_text_atomic(out / "runs" / f"run-{run:04d}.json", report.model_dump_json(indent=2) + "\n")
        write_text_atomic(out / "run-report.json", report.model_dump_json(indent=2) + "\n")
        state.close()
    return report


def _events_to_summarise(events: dict[str, list[tuple[str, Article]]], state: BatchState, report: BatchReport,
                         retry_failed: bool) -> list[tuple[str, int, list[tuple[str, Article]]]]:
    failures = state.failures()
    todo = []
    for event_id, members in sorted(events.items()):
        hashes = sorted(h for h, _ in members)
        latest = state.latest_version(event_id)
        if latest and sorted(latest[1]) == hashes:
            continue
        failure = failures.get(f"event:{event_id}")
        if failure and failure[2] == _members_signature(hashes) and not retry_failed:
            report.still_failed.append(f"{event_id}: {failure[1]}")
            continue
        todo.append((event_id, (latest[0] if latest else 0) + 1, members))
    return todo


def _members_signature(hashes: list[str]) -> str:
    return content_hash("".join(sorted(hashes)))


def _summarise_all(todo: list[tuple[str, int, list[tuple[str, Article]]]], state: BatchState, out: Path, run: int,
                   report: BatchReport, options: dict[str, Any], concurrency: int,
                   progress: Progress | None) -> None:
    """Summarise events with bounded concurrency; each result is written and recorded as it completes."""
    done = 0
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        pending: dict[Future[SummaryResult], tuple[str, int, list[tuple[str, Article]]]] = {
            pool.submit(summarize, [a for _, a in members], **options): (event_id, version, members)
            for event_id, version, members in todo}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                event_id, version, members = pending.pop(future)
                hashes = sorted(h for h, _ in members)
                try:
                    result = future.result()
                except SummarizerError as exc:
                    state.fail(f"event:{event_id}", "event", str(exc), run, _members_signature(hashes))
                    report.failed.append(f"{event_id}: {exc}")
                else:
                    relative = f"events/{event_id}/v{version}.json"
                    write_text_atomic(out / relative, result.model_dump_json(indent=2) + "\n")
                    report_score = result.report.score if result.report else 0.0
                    state.add_version(event_id, version, hashes, relative, run, result.model,
                                      len(result.summary.facts()), report_score, result.usage["total_tokens"])
                    report.summarised.append(f"{event_id} v{version}")
                    report.model_calls += result.usage["calls"]
                    report.tokens += result.usage["total_tokens"]
                done += 1
                if progress:
                    progress("summarising events", done, len(todo))
