"""The event summary schema. Every fact carries evidence; every field is checkable.

Names, places and roles are strings as written in a source; dates keep the original phrase
beside the ISO value; figures keep value, scale and currency apart so each can be verified.
``summarizer schema`` (or :func:`json_schema`) exports the JSON Schema kept in ``schema/``.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError

SCHEMA_VERSION = "1"


class Evidence(BaseModel):
    """A verbatim quote from one article that supports the fact."""

    model_config = ConfigDict(extra="forbid")
    article_id: str = Field(min_length=1)
    quote: str = Field(min_length=1, description="verbatim text from the article")

    @field_validator("quote")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("quote is blank")
        return value


class DateRef(BaseModel):
    """A date as written (``text``) and resolved against the article's date (``iso``)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the phrase as written, e.g. 'on Wednesday', 'next year'")
    iso: str | None = Field(default=None, pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                            description="YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved")


class Fact(BaseModel):
    """Base of every fact: one or more pieces of evidence."""

    model_config = ConfigDict(extra="forbid")
    evidence: list[Evidence] = Field(min_length=1)


class Participant(Fact):
    name: str = Field(min_length=1)
    role: str | None = Field(default=None, description="title or role, e.g. 'External Affairs Minister'")
    affiliation: str | None = Field(default=None, description="country or organisation")
    aliases: list[str] = Field(default_factory=list, description="other spellings and forms seen")


class Meeting(Fact):
    participants: list[str] = Field(min_length=2)
    location: str | None = None
    date: DateRef | None = None
    context: str | None = None


class Invitation(Fact):
    inviter: str = Field(min_length=1)
    invitee: str = Field(min_length=1)
    destination: str | None = None
    timeframe: DateRef | None = None
    conveyed_via: str | None = Field(default=None, description="who passed the invitation on")


class AgreementStatus(str, Enum):
    signed = "signed"
    agreed = "agreed"
    under_negotiation = "under negotiation"
    proposed = "proposed"
    discussed = "discussed"


class Agreement(Fact):
    parties: list[str] = Field(default_factory=list)
    subject: str = Field(min_length=1)
    kind: str | None = Field(default=None, description="MoU, protocol, FTA, amendment, joint statement ...")
    status: AgreementStatus
    date: DateRef | None = None


class TradeFigure(Fact):
    metric: str = Field(min_length=1, description="what is measured, e.g. 'bilateral trade'")
    value: float
    scale: str | None = Field(default=None, description="thousand, million, billion, trillion, lakh, crore")
    currency: str | None = Field(default=None, description="ISO 4217 code, e.g. USD, INR")
    period: DateRef | None = None
    qualifier: str | None = Field(default=None, description="e.g. 'crossed', 'expected to exceed', 'target'")
    growth: str | None = Field(default=None, description="e.g. '10%'")


class Topic(Fact):
    name: str = Field(min_length=1)


FACT_TYPES: dict[str, type[Fact]] = {
    "participants": Participant,
    "meetings": Meeting,
    "invitations": Invitation,
    "agreements": Agreement,
    "trade_figures": TradeFigure,
    "topics": Topic,
}


class EventSummary(BaseModel):
    """A grounded summary of one event."""

    model_config = ConfigDict(extra="forbid")
    schema_version: str = SCHEMA_VERSION
    title: str
    narrative: str = ""
    participants: list[Participant] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    invitations: list[Invitation] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    trade_figures: list[TradeFigure] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)

    def facts(self) -> list[tuple[str, int, Fact]]:
        """Every fact as (list name, index, fact)."""
        return [(kind, i, fact) for kind in FACT_TYPES for i, fact in enumerate(getattr(self, kind))]


def json_schema() -> str:
    """The JSON Schema of :class:`EventSummary`, as committed in schema/event_summary.schema.json."""
    return json.dumps(EventSummary.model_json_schema(), indent=2, sort_keys=True) + "\n"


def read_summary(path: str | Path) -> EventSummary:
    """An EventSummary from a JSON file holding a summary or a whole summarize() result."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc
    if isinstance(data, dict) and "summary" in data and "title" not in data:
        data = data["summary"]
    try:
        return EventSummary.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: does not match the summary schema at {where or 'top level'}: {first['msg']} "
                         f"({exc.error_count()} error(s))") from exc
