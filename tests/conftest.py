"""Shared fixtures: repository paths, the seed articles, the gold summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import EventSummary, load_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVENTS = ROOT / "evals" / "events"


def event_articles_dir(event: str) -> Path:
    config = json.loads((EVENTS / event / "event.json").read_text())
    return (EVENTS / event / config["articles"]).resolve()


def gold(event: str) -> EventSummary:
    return EventSummary.model_validate_json((EVENTS / event / "gold.json").read_text())


ALL_EVENTS = sorted(p.name for p in EVENTS.iterdir() if (p / "gold.json").exists())
SEED_EVENT = "jaishankar_moscow_2023-12"


@pytest.fixture(scope="session")
def seed_articles():
    return load_articles(SEEDS)
