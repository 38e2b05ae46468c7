"""Test doubles. Nothing here is a recording: these are synthetic model responses.

* :class:`ScriptedCompletion` — a completion function that answers from a script (a queue of
  replies, each a dict of tool arguments or a function of the requested JSON schema).
* :class:`FakeOpenAIServer` — an OpenAI-compatible HTTP server on 127.0.0.1 that plays a
  queue of HTTP outcomes (429 with Retry-After, 500, slow replies, malformed JSON, good replies).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]


def completion_body(arguments: dict[str, Any] | str, name: str = "Answer") -> dict[str, Any]:
    """An OpenAI chat.completion body whose single tool call carries ``arguments``."""
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": name, "arguments": args}}]}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }


def first_choices(schema: dict[str, Any]) -> dict[str, Any]:
    """Arguments that pick the first allowed value of every field (second for a field named *_b / invitee)."""
    args = {}
    for name, prop in schema.get("properties", {}).items():
        options = prop.get("enum") or ([prop["const"]] if "const" in prop else ["x"])
        second = name.endswith("_b") or name == "invitee"
        args[name] = options[1] if second and len(options) > 1 else options[0]
    return args


@dataclass
class ScriptedCompletion:
    """A litellm-compatible completion function answering from a script; records every request."""

    replies: list[Reply] = field(default_factory=list)
    default: Reply | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, **kwargs: Any) -> Any:
        from openai.types.chat import ChatCompletion

        self.requests.append(kwargs)
        tool = kwargs["tools"][0]["function"]
        reply = self.replies.pop(0) if self.replies else self.default
        if reply is None:
            raise AssertionError("ScriptedCompletion ran out of replies")
        if isinstance(reply, BaseException):
            raise reply
        arguments = reply(tool["parameters"]) if callable(reply) else reply
        return ChatCompletion.model_validate(completion_body(arguments, tool["name"]))


@dataclass
class Outcome:
    """One HTTP answer of the fake server."""

    status: int = 200
    body: dict[str, Any] | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class FakeOpenAIServer:
    """``with FakeOpenAIServer([Outcome(429), Outcome(200, body)]) as base:`` serves the queue in order."""

    def __init__(self, outcomes: list[Outcome], fallback: Outcome | None = None,
                 responder: Callable[[dict[str, Any]], Outcome] | None = None):
        self.outcomes = list(outcomes)
        self.fallback = fallback
        self.responder = responder
        self.lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                with server.lock:
                    server.requests.append(request)
                    server.times.append(time.monotonic())
                    outcome = server.outcomes.pop(0) if server.outcomes else (
                        server.responder(request) if server.responder else server.fallback)
                if outcome is None:
                    outcome = Outcome(500, {"error": {"message": "fake server: no outcome left"}})
                if outcome.delay:
                    time.sleep(outcome.delay)
                body = outcome.body if outcome.body is not None else {"error": {"message": f"HTTP {outcome.status}"}}
                raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                try:
                    self.send_response(outcome.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(raw)))
                    for key, value in outcome.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def answering(request: dict[str, Any]) -> Outcome:
    """A good reply to any tool-call request: the first allowed value of every field."""
    tool = request["tools"][0]["function"]
    return Outcome(200, completion_body(first_choices(tool["parameters"]), tool["name"]))


class FaultyResponder:
    """Answers well, except that a share ``rate`` of requests gets a 429, a 500, a slow reply (time-out),
    a body that is not JSON, or a truncated tool call — in equal parts, from a seeded generator."""

    def __init__(self, rate: float, seed: int = 3, slow: float = 0.6):
        import random

        self.rate = rate
        self.rng = random.Random(seed)
        self.slow = slow
        self.faults: dict[str, int] = {}

    def __call__(self, request: dict[str, Any]) -> Outcome:
        roll = self.rng.random()
        if roll >= self.rate:
            return answering(request)
        kind = ["429", "500", "timeout", "not json", "truncated"][int(roll / self.rate * 5)]
        self.faults[kind] = self.faults.get(kind, 0) + 1
        if kind == "429":
            return Outcome(429, headers={"retry-after": "0"})
        if kind == "500":
            return Outcome(500)
        if kind == "timeout":
            return Outcome(200, answering(request).body, delay=self.slow)
        if kind == "not json":
            return Outcome(200, '{"id": "x", "choices": [')
        tool = request["tools"][0]["function"]
        return Outcome(200, completion_body('{"' + next(iter(tool["parameters"]["properties"])) + '": ', tool["name"]))


@dataclass
class FakeStrongModel:
    """A test double for a capable model under the document strategy: it answers the whole-summary
    call with a hand-written summary and a re-ask of one fact with the hand-written revision for it.
    Synthetic, never a recording; it tests the mechanics, not quality."""

    summary: dict[str, Any]
    revisions: dict[str, dict[str, Any] | None] = field(default_factory=dict)   # fact kind -> revised fact
    requests: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, **kwargs: Any) -> Any:
        from openai.types.chat import ChatCompletion

        self.requests.append(kwargs)
        name = kwargs["tools"][0]["function"]["name"]
        if name == "EventSummary":
            arguments: dict[str, Any] = self.summary
        else:  # "RevisedMeeting", "RevisedAgreement", ...
            kind = {"RevisedMeeting": "meetings", "RevisedAgreement": "agreements", "RevisedInvitation": "invitations",
                    "RevisedTradeFigure": "trade_figures"}[name]
            arguments = {"fact": self.revisions.get(kind)}
        return ChatCompletion.model_validate(completion_body(arguments, name))

    def calls(self, tool: str) -> int:
        return sum(r["tools"][0]["function"]["name"] == tool for r in self.requests)
