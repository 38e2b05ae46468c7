"""The project's errors. Every one carries a single line a user can act on.

    SummarizerError            base: the CLI prints str(error) and exits 2
    ├── InputError             an article, summary or path that cannot be used
    ├── ConfigError            a bad option, prompt template or missing extra
    └── ModelError             the model call failed (kept: provider, original)
        ├── ModelUnreachable   no server at the URL / connection refused
        ├── AuthenticationFailed  bad or missing API key (never retried)
        ├── ContextTooLong     the prompt does not fit the model's window
        └── ExtractionFailed   the model's output never validated (after re-asks)

    UnreadableArticle (a warning)  an article left out of a summary, named with the reason
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Base error; its message is one line saying what happened and what to do."""


class InputError(SummarizerError):
    """An input file, folder or record is unusable; the message names it."""


class ConfigError(SummarizerError):
    """An option, environment variable, template or optional extra is wrong or missing."""


class ModelError(SummarizerError):
    """The model call failed; ``original`` keeps the provider's exception."""

    def __init__(self, message: str, *, model: str | None = None, original: BaseException | None = None):
        super().__init__(message)
        self.model = model
        self.original = original


class ModelUnreachable(ModelError):
    """Nothing answered at the model's URL."""


class AuthenticationFailed(ModelError):
    """The provider rejected the API key."""


class ContextTooLong(ModelError):
    """The prompt is larger than the model's context window."""


class ExtractionFailed(ModelError):
    """The model never produced output that validates against the schema."""

    def __init__(self, message: str, *, model: str | None = None, original: BaseException | None = None,
                 attempts: int = 0):
        super().__init__(message, model=model, original=original)
        self.attempts = attempts


class UnreadableArticle(UserWarning):
    """Warning: an article was left out of a summary (another language or script, no sentences).

    The result lists it under ``unused_articles``; the CLI prints one line per article."""
