"""The structured-output layer against a fake OpenAI-compatible server on 127.0.0.1 (real litellm, real HTTP)."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel

from summarizer.errors import (
    AuthenticationFailed,
    ExtractionFailed,
    ModelError,
    ModelUnreachable,
)
from summarizer.models.llm import (
    RetryPolicy,
    StructuredModel,
    is_transient,
    mode_for,
    retry_after_seconds,
)
from tests.fakes import FakeOpenAIServer, Outcome, completion_body

FAST = RetryPolicy(attempts=4, initial_wait=0.01, max_wait=0.05, reasks=1)
MESSAGES = [{"role": "user", "content": "Who invited whom?"}]


class Pick(BaseModel):
    inviter: Literal["Putin", "Modi"]
    invitee: Literal["Putin", "Modi"]


GOOD = completion_body({"inviter": "Putin", "invitee": "Modi"}, "Pick")


def model_at(base: str, retry: RetryPolicy = FAST, timeout: float = 5.0) -> StructuredModel:
    return StructuredModel("openai/fake", api_base=base, api_key="sk-test", retry=retry, timeout=timeout)


def test_good_reply_is_parsed_and_usage_counted() -> None:
    with FakeOpenAIServer([Outcome(200, GOOD)]) as server:
        llm = model_at(server.api_base)
        assert llm.extract(Pick, MESSAGES).model_dump() == {"inviter": "Putin", "invitee": "Modi"}
    assert llm.usage.calls == 1 and llm.usage.prompt_tokens == 11 and llm.usage.completion_tokens == 7
    assert server.requests[0]["tool_choice"]["function"]["name"] == "Pick"


def test_429_and_500_are_retried_then_succeed() -> None:
    outcomes = [Outcome(429, headers={"retry-after": "0"}), Outcome(500), Outcome(503), Outcome(200, GOOD)]
    with FakeOpenAIServer(outcomes) as server:
        llm = model_at(server.api_base)
        assert llm.extract(Pick, MESSAGES).inviter == "Putin"
    assert len(server.requests) == 4
    assert llm.usage.failed_calls == 3 and llm.usage.calls == 1


def test_transient_failures_are_bounded() -> None:
    with FakeOpenAIServer([], fallback=Outcome(500)) as server:
        with pytest.raises(ModelError, match="still failing after retries"):
            model_at(server.api_base).extract(Pick, MESSAGES)
    assert len(server.requests) == FAST.attempts


def test_retry_after_header_is_honoured() -> None:
    policy = RetryPolicy(attempts=2, initial_wait=0.0, max_wait=5.0, reasks=0)
    with FakeOpenAIServer([Outcome(429, headers={"retry-after": "1"}), Outcome(200, GOOD)]) as server:
        model_at(server.api_base, policy).extract(Pick, MESSAGES)
    assert server.times[1] - server.times[0] >= 0.9


def test_bad_key_is_not_retried() -> None:
    with FakeOpenAIServer([], fallback=Outcome(401, {"error": {"message": "Incorrect API key provided"}})) as server:
        with pytest.raises(AuthenticationFailed, match="API key"):
            model_at(server.api_base).extract(Pick, MESSAGES)
    assert len(server.requests) == 1


def test_bad_request_is_not_retried() -> None:
    with FakeOpenAIServer([], fallback=Outcome(400, {"error": {"message": "bad request: no such field"}})) as server:
        with pytest.raises(ModelError):
            model_at(server.api_base).extract(Pick, MESSAGES)
    assert len(server.requests) == 1


def test_invalid_output_is_reasked_with_the_error_then_fails_clearly() -> None:
    bad = completion_body({"inviter": "Xi", "invitee": "Modi"}, "Pick")
    with FakeOpenAIServer([], fallback=Outcome(200, bad)) as server:
        with pytest.raises(ExtractionFailed, match="did not validate after 2 attempt"):
            model_at(server.api_base).extract(Pick, MESSAGES)
    assert len(server.requests) == 2
    reask = server.requests[1]["messages"]
    assert len(reask) > len(server.requests[0]["messages"])
    assert "Xi" in str(reask[-1])


def test_malformed_then_truncated_json_then_good() -> None:
    malformed = completion_body('{"inviter": "Putin", "invitee": ', "Pick")
    policy = RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.05, reasks=2)
    with FakeOpenAIServer([Outcome(200, "{not json"), Outcome(200, malformed), Outcome(200, GOOD)]) as server:
        llm = model_at(server.api_base, policy)
        assert llm.extract(Pick, MESSAGES).invitee == "Modi"
    assert llm.usage.reasks >= 1


def test_timeout_is_retried() -> None:
    with FakeOpenAIServer([Outcome(200, GOOD, delay=1.5), Outcome(200, GOOD)]) as server:
        llm = model_at(server.api_base, timeout=0.5)
        assert llm.extract(Pick, MESSAGES).inviter == "Putin"
    assert len(server.requests) == 2


def test_unreachable_server_is_one_clear_error() -> None:
    with FakeOpenAIServer([]) as server:
        base = server.api_base
    with pytest.raises(ModelUnreachable, match="127.0.0.1"):
        model_at(base, RetryPolicy(attempts=2, initial_wait=0.01, max_wait=0.01)).extract(Pick, MESSAGES)


def test_mode_selection() -> None:
    import instructor

    assert mode_for("openai/gemma3-270m", "http://127.0.0.1:8765/v1") == instructor.Mode.TOOLS
    assert mode_for("anthropic/claude-3-5-haiku") == instructor.Mode.TOOLS
    assert mode_for("ollama/llama3") == instructor.Mode.JSON


def test_transient_classification() -> None:
    class Status(Exception):
        def __init__(self, code: int):
            self.status_code = code

    assert is_transient(Status(429)) and is_transient(Status(503))
    assert not is_transient(Status(400)) and not is_transient(Status(401))
    assert not is_transient(Exception("Missing credentials. Please pass an api_key"))


def test_retry_after_parsing() -> None:
    class Response:
        headers = {"retry-after": "7"}

    class Limited(Exception):
        response = Response()

    assert retry_after_seconds(Limited()) == 7.0
    assert retry_after_seconds(Exception()) is None


def test_context_too_long_is_one_clear_error_and_not_retried() -> None:
    from summarizer.errors import ContextTooLong

    body = {"error": {"message": "This model's maximum context length is 2048 tokens. However, you requested 5000 "
                                 "tokens. Please reduce the length of the messages.",
                      "type": "invalid_request_error", "code": "context_length_exceeded"}}
    with FakeOpenAIServer([], fallback=Outcome(400, body)) as server:
        with pytest.raises(ContextTooLong, match="context window"):
            model_at(server.api_base).extract(Pick, MESSAGES)
    assert len(server.requests) == 1
