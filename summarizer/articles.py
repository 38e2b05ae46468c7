"""Articles in: .txt (seed and dev-event headers), .json and .jsonl; folders and globs.

The text kept on an :class:`Article` is the file exactly as decoded from UTF-8: every
character offset in the project indexes into it. Headers are recognised, not removed;
``body_start`` says where the body begins.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")

# " date 2023-12-28 Optional title" (seeds) or "date 2024-07-10" followed by "source URL".
_DATE_LINE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\S.*))?[ \t]*(?:\r?\n|$)")
_SOURCE_LINE = re.compile(r"[ \t]*source[ \t]+(\S+)[ \t]*(?:\r?\n|$)")


class Article(BaseModel):
    """One source article; ``text`` is verbatim and the reference for all offsets."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dated_from: str | None = Field(default=None, description="where ``published`` comes from when the article "
                                                             "states none (see grounding.context.dated)")
    path: str | None = Field(default=None, description="file the article was read from")
    body_start: int = Field(default=0, description="offset where the text after any header lines starts")

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


def parse_txt(article_id: str, text: str, path: str | None = None) -> Article:
    """Build an Article from .txt content, reading the optional date/source header lines."""
    published = title = url = None
    pos = 0
    match = _DATE_LINE.match(text)
    if match:
        published = _parse_date(match.group(1), path or article_id, "date header")
        title = match.group(2)
        pos = match.end()
        source = _SOURCE_LINE.match(text, pos)
        if source:
            url = source.group(1)
            pos = source.end()
    return Article(id=article_id, text=text, title=title, url=url, source=_host(url),
                   published=published, path=path, body_start=pos)


def article_from_record(record: dict, where: str, default_id: str) -> Article:
    """Build an Article from a JSON object with id, title, source, url, published, text."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: field 'text' is missing or empty")
    published = record.get("published") or record.get("date")
    return Article(
        id=str(record.get("id") or default_id),
        text=text,
        title=record.get("title"),
        source=record.get("source") or _host(record.get("url")),
        url=record.get("url"),
        published=_parse_date(str(published)[:10], where, "published") if published else None,
        path=where.split(":")[0],
    )


def read_article_file(path: Path) -> list[Article]:
    """Read one file into articles; raises InputError naming the file when it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path}: looks binary (NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); convert it with iconv -t UTF-8") from exc
    if not text.strip():
        raise InputError(f"{path}: empty file")
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
        records = data if isinstance(data, list) else [data]
        return [article_from_record(r, f"{path}:{i + 1}" if len(records) > 1 else str(path),
                                    path.stem if len(records) == 1 else f"{path.stem}-{i + 1}")
                for i, r in enumerate(records)]
    if suffix == ".jsonl":
        articles = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}: invalid JSON: {exc.msg}") from exc
            articles.append(article_from_record(record, f"{path}:{lineno}", f"{path.stem}-{lineno}"))
        return articles
    article = parse_txt(path.stem, text, str(path))
    if not article.body.strip():
        raise InputError(f"{path}: no article text after the header lines")
    return [article]


def iter_article_files(source: str | Path) -> Iterator[Path]:
    """Article files under a file, folder (recursive) or glob, sorted by path."""
    source_str = str(source)
    if any(ch in source_str for ch in "*?["):
        matches = sorted(Path(p) for p in glob.glob(source_str, recursive=True))
        yield from (p for p in matches if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        return
    path = Path(source)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*")
                          if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))
    elif path.is_file():
        yield path
    else:
        raise InputError(f"{path}: no such file or folder")


def load_articles(sources: str | Path | Article | Iterable[str | Path | Article]) -> list[Article]:
    """Load articles from files, folders, globs or Article objects; ids must be unique."""
    if isinstance(sources, (str, Path, Article)):
        sources = [sources]
    articles: list[Article] = []
    for source in sources:
        if isinstance(source, Article):
            articles.append(source)
            continue
        found = list(iter_article_files(source))
        if not found:
            raise InputError(f"{source}: no article files (.txt, .json, .jsonl) found")
        for path in found:
            articles.extend(read_article_file(path))
    if not articles:
        raise InputError("no articles given")
    seen: dict[str, str | None] = {}
    for article in articles:
        if article.id in seen:
            raise InputError(f"duplicate article id {article.id!r} ({seen[article.id]} and {article.path}); "
                             "give the articles distinct ids or file names")
        seen[article.id] = article.path
    return articles


def _parse_date(value: str, where: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{where}: {field} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _host(url: str | None) -> str | None:
    if not url:
        return None
    match = re.match(r"^[a-z]+://(?:www\.)?([^/]+)", url)
    return match.group(1) if match else None
