"""Lenient F1 of the recorded summaries as published under each policy: "flag" (every fact, the
unsupported ones marked; the default) and "strict" (`--strict`: only the facts the checker supports).

    python benchmarks/policy_f1.py                                 # the embedded default, replayed
    python benchmarks/policy_f1.py embedded/gemma3-270m

Per event and in total (micro), against our gold and the second annotator's. Offline: the eval's
recordings are replayed.
"""

from __future__ import annotations

import sys

from summarizer.evaluation.events import load_events
from summarizer.evaluation.independent import SCORED_KINDS
from summarizer.evaluation.runner import run_event
from summarizer.evaluation.scoring import Counts, score
from summarizer.extract.pipeline import DEFAULT_MODEL
from summarizer.grounding.checker import apply_policy


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_MODEL
    totals = {key: Counts() for key in ("flag", "strict", "flag, independent", "strict, independent")}
    print(f"{'event':48s} {'flag':>6s} {'strict':>7s}   independent gold: flag / strict")
    for event in load_events():
        result = run_event(event, model, "replay")
        published, _ = apply_policy(result.summary, result.report, "strict", event.articles())
        row = f"{event.name:48s}"
        for policy, summary in (("flag", result.summary), ("strict", published)):
            micro = score(summary, event.gold()).lenient["micro"]
            totals[policy].add(Counts(tp=micro["tp"], fp=micro["fp"], fn=micro["fn"]))
            row += f" {micro['f1']:6.2f}"
        independent = event.independent_gold()
        if independent is not None:
            for policy, summary in (("flag", result.summary), ("strict", published)):
                micro = score(summary, independent, kinds=SCORED_KINDS).lenient["micro"]
                totals[f"{policy}, independent"].add(Counts(tp=micro["tp"], fp=micro["fp"], fn=micro["fn"]))
                row += f"   {micro['f1']:.2f}"
        print(row)
    for name, counts in totals.items():
        print(f"micro, {name:22s} P {counts.precision:.2f} R {counts.recall:.2f} F1 {counts.f1:.2f}")


if __name__ == "__main__":
    main()
