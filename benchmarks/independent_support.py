"""How much of the second annotator's gold the checker supports, fact by fact.

    python benchmarks/independent_support.py          # totals per event, then every fact not supported
    python benchmarks/independent_support.py --strict-quotes

Target (issue "A checker that holds"): >= 95 % of clean structured facts supported. The gold is read from
``shared/independent-gold/`` beside this repository; events without it are skipped.
"""

from __future__ import annotations

import argparse

from summarizer import check
from summarizer.evaluation.events import load_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict-quotes", action="store_true", help="quotes alone, no context")
    args = parser.parse_args()
    supported = total = 0
    misses = []
    for event in load_events():
        gold = event.independent_gold()
        if gold is None:
            continue
        report = check(gold, event.articles(), strict_quotes=args.strict_quotes)
        held = [c for c in report.facts if c.verdict == "supported"]
        supported += len(held)
        total += len(report.facts)
        print(f"{event.name:55s} {len(held):3d} / {len(report.facts):3d}")
        misses += [(event.name, c) for c in report.facts if c.verdict != "supported"]
    print(f"{'all events':55s} {supported:3d} / {total:3d} ({supported / max(total, 1):.0%})")
    for name, c in misses:
        print(f"\n{name} {c.kind}[{c.index}] {c.verdict}: {'; '.join(c.problems())}")


if __name__ == "__main__":
    main()
