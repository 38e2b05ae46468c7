"""Recorded model traffic (vcrpy cassettes): replay offline, or record from a real model.

Requests are matched on method, path and the JSON body (so a changed prompt, schema or
option misses its recording instead of replaying a stale answer); auth headers are scrubbed
before anything is written. Needs the ``dev`` extra (vcrpy).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError

SCRUBBED_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "cookie", "set-cookie"]
# The port the embedded server uses while recording; replays never touch the network.
RECORDING_API_BASE = "http://127.0.0.1:8765/v1"


def _json_body(request: Any) -> Any:
    body = request.body
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    try:
        return json.loads(body) if body else None
    except (TypeError, ValueError):
        return body


def json_body_matcher(r1: Any, r2: Any) -> None:
    """vcrpy matcher: equal request bodies once parsed as JSON (key order and spacing ignored)."""
    if _json_body(r1) != _json_body(r2):
        raise AssertionError("request bodies differ")


@contextmanager
def cassette(path: str | Path, record: bool = False) -> Iterator[Any]:
    """Replay ``path`` (every request must have a recording), or record it anew when ``record``."""
    try:
        import vcr
    except ImportError as exc:
        raise ConfigError("replaying recorded model calls needs vcrpy: pip install -e '.[dev]'") from exc
    path = Path(path)
    if not record and not path.exists():
        raise InputError(f"{path}: no recording; record it with the command in evals/README.md")
    recorder = vcr.VCR(
        record_mode="all" if record else "none",
        match_on=["method", "path", "json_body"],
        filter_headers=SCRUBBED_HEADERS,
        decode_compressed_response=True,
    )
    recorder.register_matcher("json_body", json_body_matcher)
    if record and path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    with recorder.use_cassette(str(path), allow_playback_repeats=True) as tape:
        yield tape
