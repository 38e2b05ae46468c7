"""Grounding-checker speed: field checks per second on the seed gold, and growth with article length.

    python benchmarks/check_speed.py            # prints figures; no assertions (targets live here)

Target (issue "Grounding checker"): >= 5,000 field checks/s on one core; time linear in article
length (1x, 10x, 100x the seed articles, with the quotes' articles padded by unrelated text).
"""

from __future__ import annotations

import time
from pathlib import Path

from summarizer import Article, check, load_articles
from summarizer.evaluation.events import load_events
from summarizer.text.align import article_index
from summarizer.text.roles import predicate_slots

ROOT = Path(__file__).resolve().parent.parent


def clear_name_caches() -> None:
    from summarizer.text import names as entities

    for cached in (entities._find_mentions, entities.name_tokens, entities.match_names):
        cached.cache_clear()


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    event = next(e for e in load_events() if e.name == "jaishankar_moscow_2023-12")
    gold, articles = event.gold(), load_articles(ROOT / "seeds")
    report = check(gold, articles)
    seconds = best_of(5, lambda: check(gold, articles))
    print(f"seed event: {len(report.facts)} facts, {report.field_checks} field checks in {seconds * 1000:.1f} ms "
          f"-> {report.field_checks / seconds:,.0f} field checks/s (alignment included, articles indexed once)")
    names_cold = best_of(5, lambda: (clear_name_caches(), check(gold, articles)))
    print(f"seed event, name caches cleared, articles indexed: {names_cold * 1000:.1f} ms "
          f"-> {report.field_checks / names_cold:,.0f} field checks/s")
    cold = best_of(5, lambda: (clear_name_caches(), predicate_slots.cache_clear(), article_index.cache_clear(),
                               check(gold, articles)))
    print(f"seed event, everything cold (articles indexed and predicates read in the call): {cold * 1000:.1f} ms "
          f"-> {report.field_checks / cold:,.0f} field checks/s")
    filler = "Officials from several ministries attended a number of routine sessions that day. "
    base = None
    for factor in (1, 10, 100):
        padded = [Article(id=a.id, text=a.text + filler * (len(a.text) * (factor - 1) // len(filler)),
                          published=a.published, body_start=a.body_start) for a in articles]
        chars = sum(len(a.text) for a in padded)
        t = best_of(3, lambda: (article_index.cache_clear(), check(gold, padded)))  # cold: articles indexed
        base = base or t
        print(f"{factor:>4}x articles ({chars:>9,} chars): {t * 1000:8.1f} ms  ({t / base:5.1f}x the 1x time)")
    misquoted = gold.model_copy(deep=True)
    for _, _, fact in misquoted.facts():
        for evidence in fact.evidence:
            evidence.quote = evidence.quote.replace("e", "a", 2)  # forces the fuzzy aligner on every quote
    for factor in (1, 10, 100):
        padded = [Article(id=a.id, text=a.text + filler * (len(a.text) * (factor - 1) // len(filler)),
                          published=a.published, body_start=a.body_start) for a in articles]
        t = best_of(3, lambda: (article_index.cache_clear(), check(misquoted, padded)))
        print(f"fuzzy path {factor:>4}x: {t * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
