"""summarizer: schema-bound, source-grounded summaries of news events, and the checker that proves them.

    from summarizer import load_articles, summarize, check
    result = summarize(load_articles("seeds/"))       # embedded local model by default
    report = check(result.summary, load_articles("seeds/"))
"""

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
from .extract.pipeline import SummaryResult, asummarize, summarize
from .grounding.checker import GroundingReport, Verdict, check
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
