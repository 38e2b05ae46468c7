"""The eval harness (not used by the library): gold events, recordings, scoring, meta-benchmark.

Nothing outside ``summarizer.evaluation`` and ``summarizer.cli`` imports it."""
