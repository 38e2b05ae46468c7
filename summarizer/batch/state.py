"""The batch's state, in SQLite in the output folder: articles (by content hash, with their text),
which event each belongs to, the summary versions written, and what failed and why.

Every change is one transaction, so a run killed at any moment leaves a consistent state.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..articles import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, article_id TEXT NOT NULL, path TEXT, published TEXT, title TEXT, url TEXT,
    text TEXT NOT NULL, body_start INTEGER NOT NULL, event_id TEXT, first_run INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    event_id TEXT NOT NULL, version INTEGER NOT NULL, article_hashes TEXT NOT NULL, path TEXT NOT NULL,
    run INTEGER NOT NULL, model TEXT, facts INTEGER, supported REAL, tokens INTEGER,
    PRIMARY KEY (event_id, version));
CREATE TABLE IF NOT EXISTS failures (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, reason TEXT NOT NULL, run INTEGER NOT NULL, signature TEXT);
CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, report TEXT);
"""


@dataclass(frozen=True)
class StoredArticle:
    hash: str
    article: Article
    event_id: str | None


class BatchState:
    """A thin, transactional wrapper over the state database."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def start_run(self) -> int:
        with self.db:
            cursor = self.db.execute("INSERT INTO runs (started) VALUES (?)", (_now(),))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, report: dict) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET finished = ?, report = ? WHERE run = ?",
                            (_now(), json.dumps(report), run))

    # articles ---------------------------------------------------------------------------------

    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT hash FROM articles")}

    def used_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT article_id FROM articles")}

    def add_articles(self, rows: list[tuple[str, Article]], run: int) -> None:
        """Store new articles (hash, article) in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO articles (hash, article_id, path, published, title, url, text, body_start,"
                " first_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(h, a.id, a.path, a.published.isoformat() if a.published else None, a.title, a.url, a.text,
                  a.body_start, run) for h, a in rows])

    def articles(self) -> list[StoredArticle]:
        """Every stored article, in insertion order."""
        rows = self.db.execute("SELECT hash, article_id, path, published, title, url, text, body_start, event_id"
                               " FROM articles ORDER BY rowid")
        return [StoredArticle(h, Article(id=aid, path=path, published=dt.date.fromisoformat(pub) if pub else None,
                                         title=title, url=url, text=text, body_start=start), event)
                for h, aid, path, pub, title, url, text, start, event in rows]

    def assign(self, assignments: dict[str, str]) -> None:
        """Set article hash -> event id, all in one transaction."""
        with self.db:
            self.db.executemany("UPDATE articles SET event_id = ? WHERE hash = ?",
                                [(event, h) for h, event in assignments.items()])

    # versions ---------------------------------------------------------------------------------

    def latest_version(self, event_id: str) -> tuple[int, list[str]] | None:
        row = self.db.execute("SELECT version, article_hashes FROM versions WHERE event_id = ? "
                              "ORDER BY version DESC LIMIT 1", (event_id,)).fetchone()
        return (int(row[0]), json.loads(row[1])) if row else None

    def add_version(self, event_id: str, version: int, hashes: list[str], path: str, run: int, model: str,
                    facts: int, supported: float, tokens: int) -> None:
        """Record a written version and clear the event's failure, in one transaction."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (event_id, version, json.dumps(hashes), path, run, model, facts, supported, tokens))
            self.db.execute("DELETE FROM failures WHERE key = ?", (f"event:{event_id}",))

    def versions(self) -> list[dict]:
        rows = self.db.execute("SELECT event_id, version, article_hashes, path, run, model, facts, supported, tokens"
                               " FROM versions ORDER BY event_id, version")
        keys = ("event_id", "version", "article_hashes", "path", "run", "model", "facts", "supported", "tokens")
        return [dict(zip(keys, (*row[:2], json.loads(row[2]), *row[3:]))) for row in rows]

    # failures ---------------------------------------------------------------------------------

    def fail(self, key: str, kind: str, reason: str, run: int, signature: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                            (key, kind, reason, run, signature))

    def clear_failure(self, key: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM failures WHERE key = ?", (key,))

    def failures(self) -> dict[str, tuple[str, str, str | None]]:
        """key -> (kind, reason, signature)."""
        return {k: (kind, reason, sig) for k, kind, reason, sig in
                self.db.execute("SELECT key, kind, reason, signature FROM failures ORDER BY key")}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
