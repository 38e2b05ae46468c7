"""summarizer: schema-bound, source-grounded summaries of news events, and the checker that proves them.

    from summarizer import load_articles, summarize, check
    result = summarize(load_articles("seeds/"))       # embedded local model by default
    report = check(result.summary, load_articles("seeds/"))
"""

import typing

from .articles import Article, load_articles
from .errors import (
                     AuthenticationFailed,
                     ConfigError,
                     ContextTooLong,
                     ExtractionFailed,
                     InputError,
                     ModelError,
                     ModelUnreachable,
                     SummarizerError,
)
from .schema import (
                     Agreement,
                     AgreementStatus,
                     DateRef,
                     EventSummary,
                     Evidence,
                     Invitation,
                     Meeting,
                     Participant,
                     Topic,
                     TradeFigure,
)

__all__ = [
    "Agreement",
    "AgreementStatus",
    "Article",
    "AuthenticationFailed",
    "ConfigError",
    "ContextTooLong",
    "DateRef",
    "EventSummary",
    "Evidence",
    "ExtractionFailed",
    "GroundingReport",
    "InputError",
    "Invitation",
    "Meeting",
    "ModelError",
    "ModelUnreachable",
    "Participant",
    "SummarizerError",
    "SummaryResult",
    "Topic",
    "TradeFigure",
    "Verdict",
    "asummarize",
    "check",
    "load_articles",
    "summarize",
]

if typing.TYPE_CHECKING:
    from .extract.pipeline import SummaryResult, asummarize, summarize
    from .grounding.checker import GroundingReport, Verdict, check

# The checker and the pipeline load on first use, so that ``import summarizer`` stays light.
_LAZY = {"GroundingReport": "grounding.checker", "Verdict": "grounding.checker", "check": "grounding.checker",
         "SummaryResult": "extract.pipeline", "asummarize": "extract.pipeline", "summarize": "extract.pipeline"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
