"""The grounding checker: is the evidence real, and does it support every field?

1. Each evidence quote is aligned to a span of the cited article (:mod:`summarizer.text.align`).
2. Each field value is verified against the aligned spans only: names with aliases and
   spelling variants, roles, numbers with scale and currency, dates resolved against the
   article's publication date, invitation direction, meeting participants, agreement status
   with modality and negation.
3. Across articles: corroboration (distinct articles supporting a fact) and conflicts.

Deterministic, no network. A fact's verdict is the worst of its fields' verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..articles import Article
from ..schema import (
    FACT_TYPES,
    Agreement,
    AgreementStatus,
    DateRef,
    EventSummary,
    Fact,
    Invitation,
    Meeting,
    Participant,
    Topic,
    TradeFigure,
)
from ..text.align import (
    Alignment,
    AlignmentStatus,
    ArticleIndex,
    align_quote,
    article_index,
    normalise,
)
from ..text.dates import find_dates, same_date
from ..text.money import (
    SCALES,
    find_figures,
    normalise_currency,
    normalise_scale,
    same_amount,
)
from ..text.names import NameMatch, country_of, find_mentions, match_names, same_entity
from ..text.passages import INJECTION

Policy = Literal["flag", "strict"]
FACT_KINDS = tuple(FACT_TYPES)


class Verdict(str, Enum):
    supported = "supported"
    unsupported = "unsupported"
    contradicted = "contradicted"


VERDICT_RANK = {Verdict.supported: 0, Verdict.unsupported: 1, Verdict.contradicted: 2}


class Span(BaseModel):
    article_id: str
    start: int
    end: int


class EvidenceCheck(BaseModel):
    article_id: str
    quote: str
    status: AlignmentStatus
    score: float = 0.0
    span: Span | None = None


class FieldCheck(BaseModel):
    verdict: Verdict
    reason: str
    value: Any = None
    spans: list[Span] = Field(default_factory=list)
    note: str | None = None


class FactCheck(BaseModel):
    kind: str
    index: int
    verdict: Verdict
    fields: dict[str, FieldCheck]
    evidence: list[EvidenceCheck]
    corroboration: int = Field(description="distinct articles whose evidence aligns and supports the fact")

    def problems(self) -> list[str]:
        """'field: reason' for every field the evidence does not support."""
        return [f"{name}: {f.reason}" for name, f in self.fields.items() if f.verdict != Verdict.supported]


class Conflict(BaseModel):
    kind: str
    description: str
    values: list[str]
    article_ids: list[str]


class GroundingReport(BaseModel):
    facts: list[FactCheck]
    conflicts: list[Conflict] = Field(default_factory=list)
    dropped: list[str] = Field(default_factory=list, description="facts removed under the strict policy")
    score: float = Field(description="share of facts supported")
    field_score: float = Field(description="share of field checks supported")
    field_checks: int = 0

    def by_verdict(self, verdict: Verdict) -> list[FactCheck]:
        return [f for f in self.facts if f.verdict == verdict]


# ---------------------------------------------------------------------------------------------
# Support text: the aligned spans of one fact, with their articles
# ---------------------------------------------------------------------------------------------

class _Support:
    """The aligned evidence spans of one fact, with their normalised text and name mentions cached."""

    def __init__(self, spans: list[tuple[Article, int, int]]):
        self.spans = spans
        self._texts = [(a, s, e, a.text[s:e]) for a, s, e in spans]
        self._normalised = [normalise(t) for *_, t in self._texts]
        self._mentions: dict[int, list[Any]] = {}

    def texts(self) -> list[tuple[Article, int, int, str]]:
        return self._texts

    def normalised(self, i: int) -> str:
        return self._normalised[i]

    def mentions(self, i: int) -> list[Any]:
        if i not in self._mentions:
            article, start, end, _ = self._texts[i]
            self._mentions[i] = find_mentions(article.text, start, end)
        return self._mentions[i]

    def find_text(self, value: str) -> list[Span]:
        """Spans where ``value`` occurs (normalised comparison)."""
        needle = normalise(value)
        if not needle:
            return []
        return [Span(article_id=a.id, start=s, end=e) for (a, s, e, _), text in zip(self._texts, self._normalised)
                if needle in text]


def _field(verdict: Verdict, reason: str, value: Any, spans: list[Span] | None = None,
           note: str | None = None) -> FieldCheck:
    return FieldCheck(verdict=verdict, reason=reason, value=value, spans=spans or [], note=note)


def check_name(value: str, support: _Support) -> FieldCheck:
    """A person, organisation or place named in the evidence (aliases, titles, demonyms); other
    spellings of the same name in the evidence are noted as variants."""
    found: FieldCheck | None = None
    variants: dict[str, Span] = {}
    country = country_of(value)
    needle = normalise(value)
    for i, (article, start, end, text) in enumerate(support.texts()):
        if found is None and needle in support.normalised(i):
            found = _field(Verdict.supported, "named in the evidence", value,
                           [Span(article_id=article.id, start=start, end=end)])
        for mention in support.mentions(i):
            how = match_names(value, mention.name)
            span = Span(article_id=article.id, start=mention.start, end=mention.end)
            if how in (NameMatch.exact, NameMatch.alias) and found is None:
                found = _field(Verdict.supported, f"named in the evidence as {mention.text!r}", value, [span])
            elif how == NameMatch.variant:
                variants.setdefault(mention.name, span)
        for word in re.finditer(r"\b[A-Z][a-z]+\b", text):
            if found is None and word.group(0) != country and country_of(word.group(0)) == country:
                found = _field(Verdict.supported, f"named in the evidence as {word.group(0)!r}", value,
                               [Span(article_id=article.id, start=start + word.start(), end=start + word.end())])
    note = f"spelling variant: {value} / {' / '.join(variants)}" if variants else None
    if found is not None:
        return found.model_copy(update={"note": note})
    if variants:
        return _field(Verdict.supported, f"named in the evidence with another spelling ({next(iter(variants))!r})",
                      value, list(variants.values()), note=note)
    return _field(Verdict.unsupported, "not named in the evidence", value)


_PLACE_CUE = re.compile(r"\b(?:in|at|to|visit|visiting|visited|arrived in|from)\s+(?:the\s+)?$", re.IGNORECASE)


def check_place(value: str, support: _Support) -> FieldCheck:
    """A place named in the evidence *as a place* ("in Moscow", "at the Kremlin", "visit Russia")."""
    named = check_name(value, support)
    if named.verdict != Verdict.supported:
        return named
    needle = normalise(value)
    for i, (article, start, end, text) in enumerate(support.texts()):
        folded = support.normalised(i)
        for hit in re.finditer(re.escape(needle), folded):
            if _PLACE_CUE.search(folded[max(0, hit.start() - 20):hit.start()]):
                return _field(Verdict.supported, f"'{folded[max(0, hit.start() - 12):hit.end()].strip()}' in the "
                                                 "evidence", value, [Span(article_id=article.id, start=start, end=end)])
    return _field(Verdict.unsupported, f"{value} is named in the evidence, but not as the place", value, named.spans)


def check_date(value: DateRef, support: _Support) -> FieldCheck:
    """The date phrase is in the evidence and resolves (against the article's date) to the ISO value."""
    other: list[str] = []
    for article, start, end, _ in support.texts():
        for found in find_dates(article.text, article.published, start, end):
            matches_text = normalise(found.text) == normalise(value.text) or normalise(value.text) in normalise(
                found.text)
            if value.iso is None and matches_text:
                return _field(Verdict.supported, f"{found.text!r} in the evidence", value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and found.iso and same_date(found.iso, value.iso) and len(found.iso) >= len(value.iso):
                return _field(Verdict.supported, f"{found.text!r} resolves to {found.iso}", value.model_dump(),
                              [Span(article_id=article.id, start=found.start, end=found.end)])
            if value.iso and matches_text and found.iso and not same_date(found.iso, value.iso):
                return _field(Verdict.contradicted, f"{found.text!r} resolves to {found.iso}, not {value.iso}",
                              value.model_dump(), [Span(article_id=article.id, start=found.start, end=found.end)])
            if found.iso:
                other.append(f"{found.text!r}={found.iso}")
    if value.iso and other and not support.find_text(value.text):
        return _field(Verdict.contradicted, f"the evidence dates it {', '.join(other)}, not {value.iso}",
                      value.model_dump())
    if value.iso is None and support.find_text(value.text):
        return _field(Verdict.supported, f"{value.text!r} in the evidence", value.model_dump(),
                      support.find_text(value.text))
    return _field(Verdict.unsupported, f"no date in the evidence gives {value.iso or value.text!r}",
                  value.model_dump())


def check_figure(fact: TradeFigure, support: _Support) -> FieldCheck:
    """Value, scale and currency all equal to a figure in the evidence."""
    scale, currency = normalise_scale(fact.scale), normalise_currency(fact.currency)
    seen = []
    for article, start, end, _ in support.texts():
        for figure in find_figures(article.text, start, end):
            if figure.percent:
                continue
            span = Span(article_id=article.id, start=figure.start, end=figure.end)
            if same_amount(figure.value, fact.value) and figure.scale == scale and figure.currency == currency:
                return _field(Verdict.supported, f"{figure.text!r} in the evidence", fact.value, [span])
            seen.append((figure, span))
    if seen:
        figure, span = seen[0]
        parts = []
        if not same_amount(figure.value, fact.value):
            parts.append(f"value {figure.value:g} not {fact.value:g}")
        if figure.scale != scale:
            parts.append(f"scale {figure.scale} not {scale}")
        if figure.currency != currency:
            parts.append(f"currency {figure.currency} not {currency}")
        return _field(Verdict.contradicted, f"the evidence says {figure.text!r}: {', '.join(parts)}",
                      fact.value, [span])
    return _field(Verdict.unsupported, "no figure in the evidence", fact.value)


def check_words(value: str, support: _Support, what: str, min_ratio: float = 0.75) -> FieldCheck:
    """Free text (metric, subject, qualifier): present as written, or most of its words are."""
    spans = support.find_text(value)
    if spans:
        return _field(Verdict.supported, f"{what} as written in the evidence", value, spans)
    words = [w for w in re.findall(r"\w+", value.lower()) if len(w) > 2]
    for article, start, end, text in support.texts():
        text_words = set(re.findall(r"\w+", normalise(text)))
        if words and sum(w in text_words for w in words) / len(words) >= min_ratio:
            return _field(Verdict.supported, f"{what}: its words are in the evidence", value,
                          [Span(article_id=article.id, start=start, end=end)])
    return _field(Verdict.unsupported, f"{what} not in the evidence", value)


_STATUS_CUES: dict[AgreementStatus, str] = {
    AgreementStatus.signed: r"\b(?:signed|signing of|inked|sign(?:s|ed)? (?:an?|the)|concluded)\b",
    AgreementStatus.agreed: r"\b(?:agreed|agree to|agreement was reached|reached an agreement|adopted|"
                            r"set (?:a|the) (?:goal|target))\b",
    AgreementStatus.under_negotiation: r"\b(?:negotiat\w*|talks on|resume|under discussion|adoption of)\b",
    AgreementStatus.proposed: r"\b(?:propos\w*|suggest\w*|upcoming|planned)\b",
    AgreementStatus.discussed: r"\b(?:discuss\w*|talked about|spoke about|exchanged views)\b",
}
_NOT_DONE = re.compile(r"\b(?:not|never|yet to|no|failed to|without)\b[^.]{0,30}\b(?:sign\w*|agree\w*|ink\w*)\b"
                       r"|\b(?:will|would|to|could|may|might|expected to|plan(?:s|ned)? to|hope to)\s+"
                       r"(?:be\s+)?(?:sign|ink|conclude|agree)\w*\b", re.IGNORECASE)


def check_status(fact: Agreement, support: _Support) -> FieldCheck:
    """The claimed status has its cue in the evidence; "signed" is contradicted by negation or future."""
    status = fact.status
    for article, start, end, text in support.texts():
        span = Span(article_id=article.id, start=start, end=end)
        cue = re.search(_STATUS_CUES[status], text, re.IGNORECASE)
        not_done = _NOT_DONE.search(text)
        if status in (AgreementStatus.signed, AgreementStatus.agreed) and not_done and not (
                cue and not _NOT_DONE.search(text[max(0, cue.start() - 30):cue.end()])):
            return _field(Verdict.contradicted, f"the evidence says it is not (yet) {status.value}: "
                                                f"{not_done.group(0)!r}", status.value, [span])
        if cue:
            return _field(Verdict.supported, f"{cue.group(0)!r} in the evidence", status.value, [span])
    if status in (AgreementStatus.signed, AgreementStatus.agreed):
        for article, start, end, text in support.texts():
            weaker = [s for s in (AgreementStatus.under_negotiation, AgreementStatus.proposed,
                                  AgreementStatus.discussed) if re.search(_STATUS_CUES[s], text, re.IGNORECASE)]
            if weaker:
                return _field(Verdict.contradicted, f"the evidence says {weaker[0].value}, not {status.value}",
                              status.value, [Span(article_id=article.id, start=start, end=end)])
    return _field(Verdict.unsupported, f"nothing in the evidence says {status.value}", status.value)


_INVITE_TO = re.compile(r"\b(?:invit(?:ed|es|e|ing)|invitation to|pass(?:ed)? on to|convey(?:ed)? to|"
                        r"handed over to|extended an invitation to)\s+(?:the\s+)?", re.IGNORECASE)
_INVITED_BY = re.compile(r"\binvit(?:ed|ation)\s+(?:\w+\s+){0,3}?by\s+", re.IGNORECASE)


def check_invitation_direction(fact: Invitation, support: _Support) -> FieldCheck:
    """The invitee is the one invited (after 'invited', 'invitation to', 'pass on to'), not the inviter."""
    for article, start, end, text in support.texts():
        mentions = find_mentions(article.text, start, end)
        recipients, agents = [], []
        for cue in _INVITE_TO.finditer(text):
            after = [m for m in mentions if 0 <= m.start - (start + cue.end()) <= 25]
            if after:
                recipients.append(after[0].name)
        for cue in _INVITED_BY.finditer(text):
            after = [m for m in mentions if 0 <= m.start - (start + cue.end()) <= 25]
            if after:
                agents.append(after[0].name)
        span = Span(article_id=article.id, start=start, end=end)
        invitee_received = any(same_entity(fact.invitee, r) for r in recipients)
        inviter_received = any(same_entity(fact.inviter, r) for r in recipients)
        if any(same_entity(fact.invitee, a) for a in agents):
            return _field(Verdict.contradicted, f"the evidence says {fact.invitee} invited, not was invited",
                          "direction", [span])
        if invitee_received and not inviter_received:
            return _field(Verdict.supported, f"{fact.invitee} is the one invited", "direction", [span])
        if inviter_received and not invitee_received:
            return _field(Verdict.contradicted, f"the evidence has {fact.inviter} as the one invited: "
                                                "inviter and invitee are swapped", "direction", [span])
    return _field(Verdict.unsupported, "the evidence does not say who was invited", "direction")


_MEET = re.compile(r"\b(?:met|meets?|meeting|held talks|talks with|called on|call on|hosted|received)\b",
                   re.IGNORECASE)
_ATTENDED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:in attendance|were present|was present|also present|"
                             r"were also present)\b", re.IGNORECASE)
_ATTENDED_BEFORE = re.compile(r"\b(?:accompanied by|in the presence of)\s+(?:\w+\s+){0,6}$", re.IGNORECASE)
_MEETING_NAME = re.compile(r"\s*(?:meeting|summit|forum|conference|session)\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:told|said|says|reported|according to|stated)\b", re.IGNORECASE)


def check_meeting(fact: Meeting, support: _Support) -> FieldCheck:
    """Both participants on either side of a meeting cue, the first not merely reporting it."""
    for article, start, end, text in support.texts():
        cue = _MEET.search(text)
        if not cue:
            continue
        mentions = find_mentions(article.text, start, end)
        named = [(p, [m for m in mentions if same_entity(p, m.name)]) for p in fact.participants]
        if any(not hits for _, hits in named):
            continue
        span = Span(article_id=article.id, start=start, end=end)
        for participant, hits in named:
            if all(_MEETING_NAME.match(article.text, h.end) for h in hits):
                return _field(Verdict.contradicted, f"{participant} names the meeting, not a participant",
                              fact.participants, [span])
            if all(_PLACE_CUE.search(normalise(article.text[max(start, h.start - 20):h.start])) for h in hits):
                return _field(Verdict.unsupported, f"{participant} is named as a place, not a participant",
                              fact.participants, [span])
            if all(_ATTENDED_AFTER.match(article.text, h.end, end) or
                   _ATTENDED_BEFORE.search(article.text[max(start, h.start - 40):h.start]) for h in hits):
                return _field(Verdict.unsupported, f"{participant} attended; the evidence does not make them a "
                                                   "party to the meeting", fact.participants, [span])
        cue_at = start + cue.start()
        before = [(p, hits) for p, hits in named if any(h.end <= cue_at for h in hits)]
        for participant, hits in before:
            nearest = max(h.end for h in hits if h.end <= cue_at)
            if _SPEECH.search(article.text[nearest:cue_at]) and not any(
                    h.start >= cue_at for h in hits):
                return _field(Verdict.contradicted, f"{participant} reports the meeting, not a participant",
                              fact.participants, [span])
        return _field(Verdict.supported, "both participants named around a meeting cue", fact.participants, [span])
    return _field(Verdict.unsupported, "no evidence sentence has both participants and a meeting", fact.participants)


def check_role(fact: Participant, support: _Support) -> FieldCheck:
    """The role is given to this person in the evidence (title before the name)."""
    assert fact.role is not None
    role = normalise(fact.role)
    for article, start, end, _ in support.texts():
        for mention in find_mentions(article.text, start, end):
            if not same_entity(fact.name, mention.name):
                continue
            lead = normalise(article.text[max(start, mention.start - 80):mention.start])
            if (mention.title and normalise(mention.title) == role) or role in normalise(mention.text) \
                    or re.search(rf"{re.escape(role)}\b(?:(?!\b(?:and|met|meets|with|said|told|by)\b)[^.;]){{0,50}}$",
                                 lead):
                return _field(Verdict.supported, f"called {fact.role!r} before {mention.name!r}", fact.role,
                              [Span(article_id=article.id, start=mention.start, end=mention.end)])
    return _field(Verdict.unsupported, f"the evidence does not call {fact.name} {fact.role!r}", fact.role)


# ---------------------------------------------------------------------------------------------
# Per fact
# ---------------------------------------------------------------------------------------------

def _field_rules(fact: Fact, support: _Support) -> list[tuple[str, Callable[[], FieldCheck]]]:
    """(field name, check) for every field the fact fills, in display order."""
    rules: list[tuple[str, Callable[[], FieldCheck]]] = []

    def name(field: str, value: str | None) -> None:
        if value:
            rules.append((field, lambda: check_name(value, support)))

    def place(field: str, value: str | None) -> None:
        if value:
            rules.append((field, lambda: check_place(value, support)))

    def date(field: str, value: DateRef | None) -> None:
        if value:
            rules.append((field, lambda: check_date(value, support)))

    def words(field: str, value: str | None, what: str, ratio: float = 0.75) -> None:
        if value:
            rules.append((field, lambda: check_words(value, support, what, ratio)))

    if isinstance(fact, Participant):
        name("name", fact.name)
        if fact.role:
            rules.append(("role", lambda: check_role(fact, support)))
        name("affiliation", fact.affiliation)
    elif isinstance(fact, Meeting):
        for i, person in enumerate(fact.participants):
            name(f"participants[{i}]", person)
        rules.append(("participants", lambda: check_meeting(fact, support)))
        place("location", fact.location)
        date("date", fact.date)
    elif isinstance(fact, Invitation):
        name("inviter", fact.inviter)
        name("invitee", fact.invitee)
        rules.append(("direction", lambda: check_invitation_direction(fact, support)))
        place("destination", fact.destination)
        date("timeframe", fact.timeframe)
        name("conveyed_via", fact.conveyed_via)
    elif isinstance(fact, Agreement):
        words("subject", fact.subject, "subject")
        rules.append(("status", lambda: check_status(fact, support)))
        for i, party in enumerate(fact.parties):
            name(f"parties[{i}]", party)
        if fact.kind and fact.kind.lower() in ("mou", "fta"):
            rules.append(("kind", lambda: _check_kind_acronym(fact.kind or "", support)))
        else:
            words("kind", fact.kind, "kind", 1.0)
        date("date", fact.date)
    elif isinstance(fact, TradeFigure):
        rules.append(("value", lambda: check_figure(fact, support)))
        words("metric", fact.metric, "metric")
        date("period", fact.period)
        words("qualifier", fact.qualifier, "qualifier")
        words("growth", fact.growth, "growth")
    elif isinstance(fact, Topic):
        words("name", fact.name, "topic", 0.5)
    return rules


def _fields_of(fact: Fact, support: _Support, only: tuple[str, ...] | None = None) -> dict[str, FieldCheck]:
    """Field checks of one fact (all of them, or those named in ``only``)."""
    return {field: run() for field, run in _field_rules(fact, support) if only is None or field in only}


def _check_kind_acronym(kind: str, support: _Support) -> FieldCheck:
    pattern = {"mou": r"\bMoUs?\b|memorand\w+ of understanding", "fta": r"\bFTA\b|free trade (?:agreement|area)"}
    for article, start, end, text in support.texts():
        if re.search(pattern[kind.lower()], text, re.IGNORECASE):
            return _field(Verdict.supported, f"{kind} in the evidence", kind,
                          [Span(article_id=article.id, start=start, end=end)])
    return _field(Verdict.unsupported, f"{kind} not in the evidence", kind)


# The fields that identify a fact: an article corroborates it when these are supported by its own
# evidence and nothing there is contradicted (dates may need another article's publication date).
KEY_FIELDS = {"participants": ("name",), "meetings": ("participants",),
              "invitations": ("inviter", "invitee", "direction"), "agreements": ("subject", "status"),
              "trade_figures": ("value", "metric"), "topics": ("name",)}


def _corroborates(kind: str, fact: Fact, spans: list[tuple[Article, int, int]]) -> bool:
    fields = _fields_of(fact, _Support(spans), only=KEY_FIELDS[kind])
    return all(f.verdict == Verdict.supported for f in fields.values())


def check_fact(kind: str, index: int, fact: Fact, articles: dict[str, Article],
               indexes: dict[str, ArticleIndex]) -> FactCheck:
    """Align the fact's evidence, then verify each field against the aligned spans."""
    evidence_checks = []
    per_article: dict[str, list[tuple[Article, int, int]]] = {}
    for evidence in fact.evidence:
        found: Alignment = align_quote(evidence.quote, evidence.article_id, indexes)
        span = None
        if found.article_id is not None and found.start is not None and found.end is not None:
            span = Span(article_id=found.article_id, start=found.start, end=found.end)
        evidence_checks.append(EvidenceCheck(article_id=evidence.article_id, quote=evidence.quote,
                                             status=found.status, score=found.score, span=span))
        if found.found and found.status != AlignmentStatus.misattributed and found.article_id:
            per_article.setdefault(found.article_id, []).append((articles[found.article_id], found.start,
                                                                 found.end))  # type: ignore[arg-type]
    spans = [s for group in per_article.values() for s in group]
    unusable = None
    if any(INJECTION.search(article.text[start:end]) for article, start, end in spans):
        unusable = "the evidence reads as an instruction to a model, not as reporting"
    elif not spans and any(e.status == AlignmentStatus.misattributed for e in evidence_checks):
        unusable = "the evidence is from another article than the one cited"
    elif not spans:
        unusable = "no evidence quote aligns with its cited article"
    if unusable:
        return FactCheck(kind=kind, index=index, verdict=Verdict.unsupported, evidence=evidence_checks,
                         fields={"evidence": _field(Verdict.unsupported, unusable, None)}, corroboration=0)
    fields = _fields_of(fact, _Support(spans))
    verdict = max((f.verdict for f in fields.values()), key=VERDICT_RANK.__getitem__, default=Verdict.supported)
    corroboration = sum(1 for group in per_article.values() if _corroborates(kind, fact, group)) \
        if verdict == Verdict.supported else 0
    return FactCheck(kind=kind, index=index, verdict=verdict, fields=fields, evidence=evidence_checks,
                     corroboration=corroboration)


def find_conflicts(summary: EventSummary) -> list[Conflict]:
    """Differences between articles: spelling variants of a name, different figures for one metric and period."""
    conflicts = []
    for person in summary.participants:
        variants = [a for a in person.aliases if match_names(person.name, a) == NameMatch.variant]
        if variants:
            conflicts.append(Conflict(kind="name", description=f"spellings differ for {person.name}",
                                      values=[person.name, *variants],
                                      article_ids=sorted({e.article_id for e in person.evidence})))
    figures = summary.trade_figures
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            period = a.period.iso if a.period and b.period and a.period.iso == b.period.iso else None
            if period and normalise(a.metric) == normalise(b.metric) and not same_amount(
                    a.value * _scale(a), b.value * _scale(b)):
                conflicts.append(Conflict(kind="figure", description=f"different {a.metric} for {period}",
                                          values=[f"{a.value:g} {a.scale or ''} {a.currency or ''}".strip(),
                                                  f"{b.value:g} {b.scale or ''} {b.currency or ''}".strip()],
                                          article_ids=sorted({e.article_id for e in a.evidence + b.evidence})))
    return conflicts


def _scale(fact: TradeFigure) -> float:
    return SCALES.get(normalise_scale(fact.scale) or "", 1.0)


def check(summary: EventSummary, articles: list[Article]) -> GroundingReport:
    """Verify every fact of ``summary`` against ``articles``; deterministic and offline."""
    by_id = {a.id: a for a in articles}
    indexes = {a.id: article_index(a.id, a.text) for a in articles}
    facts = [check_fact(kind, i, fact, by_id, indexes) for kind, i, fact in summary.facts()]
    fields = [f for fc in facts for f in fc.fields.values()]
    supported_fields = sum(f.verdict == Verdict.supported for f in fields)
    return GroundingReport(
        facts=facts, conflicts=find_conflicts(summary),
        score=round(sum(f.verdict == Verdict.supported for f in facts) / len(facts), 4) if facts else 1.0,
        field_score=round(supported_fields / len(fields), 4) if fields else 1.0, field_checks=len(fields),
    )


def apply_policy(summary: EventSummary, report: GroundingReport, policy: Policy,
                 articles: list[Article]) -> tuple[EventSummary, GroundingReport]:
    """flag: keep every fact, marked in the report. strict: publish only supported facts; the report
    then describes the published summary and lists what was dropped and why."""
    if policy == "flag":
        return summary, report
    if policy != "strict":
        raise ValueError(f"unknown policy {policy!r}: use 'flag' or 'strict'")
    kept = summary.model_copy(deep=True)
    dropped = []
    for kind in FACT_KINDS:
        bad = {fc.index: fc for fc in report.facts if fc.kind == kind and fc.verdict != Verdict.supported}
        for i, fc in sorted(bad.items()):
            dropped.append(f"{kind}[{i}] {fc.verdict.value}: {'; '.join(fc.problems())}")
        setattr(kept, kind, [f for i, f in enumerate(getattr(kept, kind)) if i not in bad])
    return kept, check(kept, articles).model_copy(update={"dropped": dropped})
