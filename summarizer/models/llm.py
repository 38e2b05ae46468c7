"""The structured-output layer: instructor over litellm, one code path for every model.

* mode chosen per provider (:func:`mode_for`): TOOLS wherever tool calls exist — the only mode
  that works against llama.cpp's server;
* transient failures (429, 5xx, time-outs, refused connections) retried by tenacity with
  exponential back-off, jitter and Retry-After, bounded in attempts and total time;
* validation failures re-asked a bounded number of times with the error fed back (instructor);
* bad keys, bad requests and unknown models are never retried: they become one-line errors;
* token usage and cost summed over every attempt, re-asks included.

``completion`` is the seam: any callable with litellm.completion's signature.
litellm and instructor are imported on first use (``import litellm`` takes seconds).
"""

from __future__ import annotations

import email.utils
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import (
    AuthenticationFailed,
    ContextTooLong,
    ExtractionFailed,
    ModelError,
    ModelUnreachable,
)

T = TypeVar("T", bound=BaseModel)
Completion = Callable[..., Any]

TRANSIENT_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


@dataclass
class Usage:
    """Tokens, calls and cost over every attempt."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0           # requests that got a response (re-asks included)
    failed_calls: int = 0    # requests that raised (transient ones retried)
    reasks: int = 0
    cost_usd: float | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add_response(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        self.calls += 1
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        cost = (getattr(response, "_hidden_params", None) or {}).get("response_cost")
        if cost is not None:
            self.cost_usd = (self.cost_usd or 0.0) + float(cost)

    def merged(self, other: Usage) -> Usage:
        """The sum of two usages."""
        costs = [c for c in (self.cost_usd, other.cost_usd) if c is not None]
        return Usage(self.prompt_tokens + other.prompt_tokens, self.completion_tokens + other.completion_tokens,
                     self.calls + other.calls, self.failed_calls + other.failed_calls, self.reasks + other.reasks,
                     sum(costs) if costs else None)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total_tokens": self.total_tokens}


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for transient-failure retries and validation re-asks."""

    attempts: int = 5              # tries per request for transient failures
    max_total_seconds: float = 300.0
    initial_wait: float = 1.0
    max_wait: float = 30.0
    reasks: int = 2                # extra asks after a validation failure


def mode_for(model: str, api_base: str | None = None) -> Any:
    """instructor mode for a litellm model string (TOOLS unless the provider lacks tool calls)."""
    import instructor

    provider = model.split("/", 1)[0] if "/" in model else "openai"
    if provider == "ollama":  # plain ollama/ has no tool calls; ollama_chat/ does
        return instructor.Mode.JSON
    return instructor.Mode.TOOLS


def default_completion() -> Completion:
    """litellm.completion, imported now (and with the price map read locally, never fetched)."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.suppress_debug_info = True
    litellm.drop_params = True
    return litellm.completion


_NOT_TRANSIENT_TEXT = ("Missing credentials", "Incorrect API key", "invalid_api_key", "Invalid API Key")


def is_transient(exc: BaseException) -> bool:
    """429, 5xx, time-outs and connection failures: worth another try (a missing key never is)."""
    if any(text in str(exc) for text in _NOT_TRANSIENT_TEXT):
        return False
    name = type(exc).__name__
    if name in {"RateLimitError", "ServiceUnavailableError", "InternalServerError", "BadGatewayError",
                "APIConnectionError", "Timeout", "APITimeoutError", "ConnectError", "ReadTimeout",
                "RemoteProtocolError", "ConnectionError"}:
        return True
    status = getattr(exc, "status_code", None)
    return isinstance(status, int) and status in TRANSIENT_STATUS


def retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds from a Retry-After header (delta or HTTP date) on the provider's error, if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or getattr(exc, "litellm_response_headers", None) or {}
    try:
        value = headers.get("retry-after") or headers.get("Retry-After")
    except AttributeError:
        return None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def with_transient_retries(completion: Completion, policy: RetryPolicy, usage: Usage,
                           sleep: Callable[[float], None] = time.sleep) -> Completion:
    """Wrap a completion function so transient failures are retried under ``policy``."""
    from tenacity import (
        RetryCallState,
        Retrying,
        retry_if_exception,
        stop_after_attempt,
        stop_after_delay,
    )

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        backoff = min(policy.max_wait, policy.initial_wait * 2 ** (state.attempt_number - 1))
        jittered = random.uniform(backoff / 2, backoff)
        hinted = retry_after_seconds(exc) if exc else None
        return min(policy.max_wait, hinted) if hinted is not None else jittered

    def count_failure(state: RetryCallState) -> None:
        usage.failed_calls += 1

    def call(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("max_retries", 0)  # the provider SDK's own retries off: this policy owns retrying
        retrying = Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.max_total_seconds),
            wait=wait, sleep=sleep, before_sleep=count_failure, reraise=True,
        )
        return retrying(completion, *args, **kwargs)

    return call


class StructuredModel:
    """Asks one model for pydantic objects; keeps the usage of every attempt."""

    def __init__(self, model: str, *, api_base: str | None = None, api_key: str | None = None,
                 completion: Completion | None = None, retry: RetryPolicy = RetryPolicy(),
                 timeout: float = 120.0, temperature: float = 0.0, max_tokens: int = 256):
        self.model = model
        self.api_base = api_base
        self.api_key = api_key
        self.retry = retry
        self.timeout = timeout
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.usage = Usage()
        self._lock = threading.Lock()
        self._completion = completion
        self._client: Any = None

    def _instructor(self) -> Any:
        if self._client is None:
            import logging

            import instructor

            logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures surface as our errors
            raw = self._completion or default_completion()
            self._client = instructor.from_litellm(
                with_transient_retries(raw, self.retry, self.usage), mode=mode_for(self.model, self.api_base))
            self._client.on("completion:response", self._count_response)
            self._client.on("parse:error", self._count_reask)
        return self._client

    def _count_response(self, response: Any) -> None:
        with self._lock:
            self.usage.add_response(response)

    def _count_reask(self, error: Exception, **_: Any) -> None:
        with self._lock:
            self.usage.reasks += 1

    def extract(self, response_model: type[T], messages: list[dict[str, str]], *,
                max_tokens: int | None = None) -> T:
        """One validated object, or a ModelError subclass saying what went wrong."""
        kwargs: dict[str, Any] = dict(model=self.model, messages=messages, response_model=response_model,
                                      max_retries=self.retry.reasks, temperature=self.temperature,
                                      max_tokens=max_tokens or self.max_tokens, timeout=self.timeout)
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        try:
            return self._instructor().chat.completions.create(**kwargs)
        except Exception as exc:  # translated here, at the one boundary with the providers
            raise translate_error(exc, self.model, self.api_base) from exc


def translate_error(exc: BaseException, model: str, api_base: str | None) -> ModelError:
    """Map a provider / instructor exception to the project's one-line errors."""
    attempts = getattr(exc, "n_attempts", 0)
    cause = exc
    if type(exc).__name__ == "InstructorRetryException" and exc.__cause__ is not None:
        cause = exc.__cause__
    if isinstance(cause, ModelError):
        return cause
    name = type(cause).__name__
    where = f" at {api_base}" if api_base else ""
    detail = str(cause).splitlines()[0][:200] if str(cause) else name
    if name == "AuthenticationError" or getattr(cause, "status_code", None) == 401 or any(
            text in str(cause) for text in _NOT_TRANSIENT_TEXT):
        return AuthenticationFailed(f"model {model}: the provider rejected the API key; set the provider's "
                                    "key variable (e.g. OPENAI_API_KEY) or pass --api-key", model=model,
                                    original=cause)
    if name == "ContextWindowExceededError":
        return ContextTooLong(f"model {model}: prompt longer than its context window; "
                              "lower --max-passage-chars or use a model with a larger window",
                              model=model, original=cause)
    if name in {"APIConnectionError", "ConnectError", "ConnectionError", "Timeout", "APITimeoutError"} or \
            "Connection error" in str(cause):
        return ModelUnreachable(f"model {model}: no answer{where} ({detail}); is the server running "
                                "and the URL right?", model=model, original=cause)
    if name in {"NotFoundError", "LiteLLMUnknownProvider"} or "LLM Provider NOT provided" in str(cause):
        return ModelError(f"model {model!r} is unknown to the provider{where}; check the name "
                          "(litellm form, e.g. openai/gpt-4o-mini)", model=model, original=cause)
    if is_transient(cause):
        return ModelError(f"model {model}: still failing after retries{where} ({detail})", model=model,
                          original=cause)
    if name in {"ValidationError", "JSONDecodeError", "ResponseParsingError", "AsyncValidationError"}:
        return ExtractionFailed(f"model {model}: output did not validate after {attempts or 1} attempt(s) "
                                f"({detail})", model=model, original=cause, attempts=attempts)
    return ModelError(f"model {model}: {detail}", model=model, original=cause)
