"""Running the eval suite: each event summarised (replayed, recorded or live), checked and scored.

Replay is the default and needs no model and no network; ``record`` runs the real model and
rewrites the cassettes; ``live`` runs the model without recording (any litellm model).
"""

from __future__ import annotations

import json
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..extract.pipeline import Strategy, SummaryResult, resolve_model, summarize
from ..grounding.checker import Policy, apply_policy, check
from ..models.embedded import EmbeddedServer, is_embedded
from ..schema import read_summary
from .events import EVALS_DIR, EvalEvent, load_events, model_slug
from .independent import SCORED_KINDS
from .labels import read_labels, score_labels
from .perturb import MetaBenchmark, run_meta_benchmark
from .recording import cassette
from .scoring import EventScore, micro_average, score

Mode = Literal["replay", "record", "live"]
# Figures may not fall more than this below the committed baseline.
TOLERANCE = 0.005


class EvalReport(BaseModel):
    model: str
    mode: str
    events: list[EventScore]
    micro_lenient: dict[str, float]
    micro_strict: dict[str, float]
    micro_independent: dict[str, float] = {}
    meta: dict[str, Any] | None = None
    meta_independent: dict[str, Any] | None = None
    labels: dict[str, Any] | None = None
    seconds: float
    policy: str = "strict"            # F1 is of the summaries as published under this policy


def run_event(event: EvalEvent, model: str, mode: Mode, api_base: str | None = None,
              evals_dir: Path = EVALS_DIR, reask: int = 0, strategy: Strategy = "auto",
              policy: Policy = "flag") -> SummaryResult:
    """Summarise one event's articles: replaying its cassette, recording it, or live. Every fact the
    model wrote is kept (policy "flag") unless ``policy`` says otherwise."""
    articles = event.articles()
    if mode == "live":
        return summarize(articles, model=model, api_base=api_base, reask_unsupported=reask, strategy=strategy,
                         policy=policy)
    path = event.cassette(model, evals_dir, strategy)
    with cassette(path, record=(mode == "record")):
        # a replay never reaches the network: any base URL works, the embedded server is not started
        return summarize(articles, model=model, api_base=api_base or "http://127.0.0.1:8765/v1",
                         reask_unsupported=reask, strategy=strategy, policy=policy)


def run_eval(model: str | None = None, mode: Mode = "replay", names: list[str] | None = None,
             api_base: str | None = None, evals_dir: Path = EVALS_DIR, meta: bool = False,
             reask: int = 0, progress: Any = None, strategy: Strategy = "auto",
             policy: Policy = "strict") -> EvalReport:
    """Score every event (or those named) for ``model``; optionally the checker meta-benchmark too.
    F1 is of each summary as published under ``policy`` (the default of :func:`summarize`); the
    checker's figures (facts supported, labels) are of every fact the model wrote."""
    started = time.monotonic()
    model, api_base = resolve_model(model, api_base)
    events = load_events(evals_dir, names)
    scores = []
    results = {}
    with ExitStack() as stack:
        if mode in ("record", "live") and is_embedded(model) and api_base is None:
            api_base = stack.enter_context(EmbeddedServer(model))
        for i, event in enumerate(events):
            if progress:
                progress(i, len(events), event.name)
            t0 = time.monotonic()
            result = run_event(event, model, mode, api_base, evals_dir, reask, strategy)
            seconds = time.monotonic() - t0
            if mode == "record":
                _write_timing(event.cassette(model, evals_dir, strategy), seconds, result)
            recorded = _read_timing(event.cassette(model, evals_dir, strategy))
            usage = {**result.usage, "seconds": round(seconds, 2),
                     "recorded_seconds": recorded if mode != "live" else None}
            published = result.summary if result.report is None else \
                apply_policy(result.summary, result.report, policy, event.articles())[0]
            scored = score(published, event.gold(), result.report, event.name, usage)
            independent = event.independent_gold()
            if independent is not None:
                against = score(published, independent, kinds=SCORED_KINDS)
                scored.independent = {"strict": against.strict, "lenient": against.lenient}
            scores.append(scored)
            if result.report is not None:
                results[event.name] = (result.summary, result.report)
    meta_result = meta_independent = labelled = None
    if meta:
        meta_result = meta_summary(run_meta_benchmark([(e.name, e.gold(), e.articles()) for e in events]))
        independent_golds = [(e.name, e.independent_gold(), e.articles()) for e in events]
        meta_independent = meta_summary(run_meta_benchmark([(name, gold, articles) for name, gold, articles
                                                            in independent_golds if gold is not None]))
        labels_path = labels_file(model, evals_dir, strategy)
        if labels_path.exists():
            labelled = score_labels(read_labels(labels_path), {e.name: e.articles() for e in events},
                                    {name: summary for name, (summary, _) in results.items()})
    return EvalReport(model=model, mode=mode, events=scores, micro_lenient=micro_average(scores, "lenient"),
                      micro_strict=micro_average(scores, "strict"),
                      micro_independent=micro_average(scores, "lenient", independent=True), meta=meta_result,
                      meta_independent=meta_independent, labels=labelled, seconds=round(time.monotonic() - started, 2),
                      policy=policy)


def labels_file(model: str, evals_dir: Path = EVALS_DIR, strategy: str = "auto") -> Path:
    """Where the hand labels of ``model``'s real output live."""
    return evals_dir / "labels" / f"{model_slug(model, strategy)}.json"


def score_saved(summary_path: Path, event_name: str, evals_dir: Path = EVALS_DIR) -> EvalReport:
    """Score a saved summary (an EventSummary or a summarize result) against one event's gold."""
    event = load_events(evals_dir, [event_name])[0]
    summary = read_summary(summary_path)
    report = check(summary, event.articles())
    scored = score(summary, event.gold(), report, event.name)
    return EvalReport(model=str(summary_path), mode="saved", events=[scored],
                      micro_lenient=micro_average([scored], "lenient"),
                      micro_strict=micro_average([scored], "strict"), seconds=0.0)


def meta_summary(result: MetaBenchmark) -> dict[str, Any]:
    return {"categories": {c.category: {"cases": c.cases, "caught": c.caught, "rate": round(c.rate, 4),
                                        "on_flagged": c.on_flagged} for c in result.categories},
            "catch_rate": round(result.catch_rate, 4), "false_flag_rate": round(result.false_flag_rate, 4),
            "clean_facts": result.clean_facts, "false_flags": result.false_flags, "missed": result.missed}


def gated_figures(report: EvalReport) -> dict[str, float]:
    """The figures CI holds against the baseline (higher is better for all)."""
    figures = {"micro_lenient_f1": report.micro_lenient["f1"], "micro_strict_f1": report.micro_strict["f1"]}
    for event in report.events:
        figures[f"{event.event}.lenient_f1"] = event.lenient["micro"]["f1"]
        figures[f"{event.event}.facts_supported"] = event.faithfulness.get("facts_supported", 0.0)
        figures[f"{event.event}.quotes_aligned"] = event.citations.get("aligned", 0.0)
    if report.meta:
        figures["meta.catch_rate"] = report.meta["catch_rate"]
        figures["meta.clean_pass_rate"] = round(1 - report.meta["false_flag_rate"], 4)
    if report.meta_independent:
        figures["meta_independent.catch_rate"] = report.meta_independent["catch_rate"]
        figures["meta_independent.clean_pass_rate"] = round(1 - report.meta_independent["false_flag_rate"], 4)
    if report.labels:
        figures["labels.balanced_accuracy"] = report.labels["all"]["balanced_accuracy"]
    return figures


def compare_to_baseline(report: EvalReport, baseline_path: Path) -> list[str]:
    """Lines naming each figure that fell below the baseline (empty when none did)."""
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    current = gated_figures(report)
    worse = []
    for name, expected in baseline.items():
        if name not in current:
            continue
        if current[name] < expected - TOLERANCE:
            worse.append(f"{name}: {current[name]:.4f} < baseline {expected:.4f}")
    return worse


def _write_timing(path: Path, seconds: float, result: SummaryResult) -> None:
    path.with_suffix(".timing.json").write_text(json.dumps(
        {"seconds": round(seconds, 1), "calls": result.usage["calls"], "total_tokens": result.usage["total_tokens"],
         "prompt_version": result.prompt_version}, indent=2) + "\n", encoding="utf-8")


def _read_timing(path: Path) -> float | None:
    timing = path.with_suffix(".timing.json")
    return json.loads(timing.read_text())["seconds"] if timing.exists() else None
