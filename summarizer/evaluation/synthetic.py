"""Synthetic news events for batch tests and benchmarks: distinct actors, places and dates per event,
two or more differently worded articles per event. Deterministic for a given seed."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

FIRST = ["Anna", "Boris", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Karim", "Lena",
         "Marek", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan", "Tara", "Umar", "Vera", "Wojtek", "Yara"]
LAST = ["Abara", "Brenner", "Castell", "Dorin", "Elstad", "Farkas", "Galvan", "Holm", "Ibsen", "Jovic", "Kallas",
        "Lindqvist", "Moreau", "Novak", "Orlov", "Petrescu", "Quist", "Rahimi", "Sorensen", "Tamm", "Ulrich",
        "Varga", "Wexler", "Zoric"]
COUNTRIES = ["Norway", "Chile", "Kenya", "Peru", "Ghana", "Latvia", "Oman", "Nepal", "Malta", "Fiji", "Chad",
             "Laos", "Iceland", "Bhutan", "Belize", "Tonga"]
CITIES = ["Oslo", "Santiago", "Nairobi", "Lima", "Accra", "Riga", "Muscat", "Kathmandu", "Valletta", "Suva",
          "Ndjamena", "Vientiane", "Reykjavik", "Thimphu", "Belmopan", "Nukualofa"]
TOPICS = ["fisheries", "solar power", "rail freight", "vaccines", "copper mining", "port logistics", "tourism",
          "water management", "digital payments", "wheat exports", "coastal shipping", "forestry"]


def synthetic_events(count: int, articles_per_event: int = 2, seed: int = 1,
                     start: dt.date = dt.date(2020, 1, 6)) -> list[list[tuple[str, str]]]:
    """``count`` events, each a list of (article id, text) with `date` headers, 10 days apart."""
    rng = random.Random(seed)
    events = []
    for n in range(count):
        a = f"{rng.choice(FIRST)} {rng.choice(LAST)}{n}"
        b = f"{rng.choice(FIRST)} {rng.choice(LAST)}x{n}"
        country, city = rng.choice(COUNTRIES), rng.choice(CITIES)
        topic = rng.choice(TOPICS)
        value = rng.randint(2, 90)
        date = start + dt.timedelta(days=10 * n)
        variants = [
            f"President {a} of {country} met Minister {b} in {city} on Monday. {a} invited {b} to visit {country} "
            f"next year. The two sides signed an agreement on {topic}. Trade crossed ${value} billion last year.",
            f"Minister {b} held talks with President {a} in {city}, focusing on {topic}. Officials said bilateral "
            f"trade reached ${value} billion last year and that {a} had invited {b} for a state visit.",
            f"In {city}, {a} and {b} discussed {topic} and regional security; an agreement on {topic} was signed.",
        ]
        events.append([(f"e{n:04d}-{k}", f"date {date.isoformat()}\nsource https://example.org/{n}/{k}\n\n"
                        + variants[k % len(variants)]) for k in range(articles_per_event)])
    return events


def write_inbox(folder: Path, events: list[list[tuple[str, str]]]) -> list[list[str]]:
    """Write the events' articles as .txt files (one sub-folder per 100 events); returns their ids."""
    ids = []
    for n, articles in enumerate(events):
        sub = folder / f"batch{n // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for article_id, text in articles:
            (sub / f"{article_id}.txt").write_text(text, encoding="utf-8")
        ids.append([article_id for article_id, _ in articles])
    return ids
