"""Batch speed outside the model: discovery + dedupe + grouping of synthetic articles, and per-event overhead.

    python benchmarks/batch_speed.py [N ...]      # default: 1000 3000 10000 articles

Target (issue "Batch"): 1,000 articles in under 10 s on this machine; prints how time grows.
Model calls are replaced by a fake completion function that answers instantly, so what remains
is the batch's own work.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from summarizer.batch.runner import batch
from summarizer.batch.state import BatchState
from summarizer.evaluation.synthetic import synthetic_events, write_inbox


def instant(**kwargs):
    raise AssertionError("no model call expected in the grouping benchmark")


def grouping_only(n_articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "inbox", Path(tmp) / "out"
        write_inbox(inbox, synthetic_events(n_articles // 2, articles_per_event=2))
        from summarizer import batch as batch_module

        state = BatchState(out / "state.sqlite")
        report = batch_module.BatchReport(run=state.start_run())
        t0 = time.perf_counter()
        batch_module.discover(inbox, state, report.run, report, retry_failed=False)
        t1 = time.perf_counter()
        events = batch_module.group(state)
        t2 = time.perf_counter()
        state.close()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n_articles:>6} articles: discover+hash+store {t1 - t0:6.2f}s, group {t2 - t1:6.2f}s, "
              f"total {t2 - t0:6.2f}s -> {len(events)} events (expected {n_articles // 2}); peak RSS {rss:,.0f} MB")


def per_event_overhead(n_events: int = 50) -> None:
    from tests.fakes import ScriptedCompletion, first_choices  # noqa: E402 (only for this measurement)

    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "inbox", Path(tmp) / "out"
        write_inbox(inbox, synthetic_events(n_events, articles_per_event=2))
        fake = ScriptedCompletion(default=first_choices)
        t0 = time.perf_counter()
        report = batch(inbox, out, model="openai/fake", api_base="http://unused", completion=fake)
        seconds = time.perf_counter() - t0
        print(f"per-event overhead outside the model: {seconds / n_events * 1000:.0f} ms/event "
              f"({n_events} events, {report.model_calls} instant model calls, {seconds:.1f}s in all)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 3000, 10000]
    for size in sizes:
        grouping_only(size)
    per_event_overhead()
