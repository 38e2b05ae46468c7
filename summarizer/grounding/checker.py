"""The grounding checker: is the evidence real, and does it support every field?

1. Each evidence quote is aligned to a span of the cited article (:mod:`summarizer.text.align`).
2. Each field value is verified against the aligned spans, and where a quote leaves a field out,
   against its context (:mod:`summarizer.grounding.context`), by the checks its fact type
   registers (:mod:`summarizer.facts`): names with aliases and spelling variants, roles, numbers
   with scale and currency, dates resolved against the article's publication date, invitation
   direction, meeting participants, agreement status with modality and negation.
3. Across articles: corroboration (distinct articles supporting a fact) and conflicts.
4. The narrative, sentence by sentence: each claim carried by a supported fact
   (:mod:`summarizer.grounding.narrative`).

Deterministic, no network. A fact's verdict is the worst of its fields' verdicts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..articles import Article
from ..facts.registry import spec_for, specs
from ..schema import EventSummary, Fact
from ..text.align import (
    Alignment,
    AlignmentStatus,
    ArticleIndex,
    align_quote,
    article_index,
    normalise,
)
from ..text.money import same_amount, scaled
from ..text.names import NO_PEOPLE, NameMatch, TitledPeople, match_names, titled_people
from ..text.passages import INJECTION
from .context import dated
from .fields import VERDICT_RANK, FieldCheck, Rules, Span, Support, Verdict, field
from .narrative import NarrativeClaim, check_narrative

Policy = Literal["flag", "strict"]
__all__ = ["VERDICT_RANK", "Conflict", "EvidenceCheck", "FactCheck", "FieldCheck", "GroundingReport", "Policy",
           "Span", "Verdict", "apply_policy", "check", "check_fact", "find_conflicts"]


class EvidenceCheck(BaseModel):
    article_id: str
    quote: str
    status: AlignmentStatus
    score: float = 0.0
    span: Span | None = None


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

    def quote_incomplete(self) -> list[str]:
        """'field: where' for every supported field whose value the quotes leave to their context."""
        return [f"{name}: {f.found_in}" for name, f in self.fields.items()
                if f.verdict == Verdict.supported and f.found_in != "quote"]


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
    narrative: list[NarrativeClaim] = Field(default_factory=list, description="the narrative, sentence by "
                                            "sentence: carried by supported facts or not")

    def by_verdict(self, verdict: Verdict) -> list[FactCheck]:
        return [f for f in self.facts if f.verdict == verdict]


def _fields_of(kind: str, fact: Fact, support: Support, only: tuple[str, ...] | None = None) -> dict[str, FieldCheck]:
    """Field checks of one fact (all of them, or those named in ``only``), as its fact type defines them."""
    rules = Rules(support)
    spec_for(kind).rules(fact, rules)
    return {name: run() for name, run in rules.items if only is None or name in only}


def _corroborates(kind: str, fact: Fact, spans: list[tuple[Article, int, int]], strict_quotes: bool,
                  people: TitledPeople) -> bool:
    """An article corroborates a fact when its own evidence supports the fact's key fields
    (dates may need another article's publication date, so they are not key)."""
    fields = _fields_of(kind, fact, Support(spans, with_context=not strict_quotes, people=people),
                        only=spec_for(kind).key_fields)
    return all(f.verdict == Verdict.supported for f in fields.values())


def check_fact(kind: str, index: int, fact: Fact, articles: dict[str, Article],
               indexes: dict[str, ArticleIndex], strict_quotes: bool = False,
               people: TitledPeople = NO_PEOPLE) -> FactCheck:
    """Align the fact's evidence, then verify each field against the aligned spans and their context
    (the quotes alone under ``strict_quotes``)."""
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
                         fields={"evidence": field(Verdict.unsupported, unusable, None)}, corroboration=0)
    fields = _fields_of(kind, fact, Support(spans, with_context=not strict_quotes, people=people))
    verdict = max((f.verdict for f in fields.values()), key=VERDICT_RANK.__getitem__, default=Verdict.supported)
    if verdict != Verdict.supported:
        corroboration = 0
    elif len(per_article) == 1:  # one article's evidence: its key fields are the ones just found supported
        corroboration = 1
    else:
        corroboration = sum(1 for group in per_article.values() if _corroborates(kind, fact, group, strict_quotes, people))
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
                    scaled(a.value, a.scale), scaled(b.value, b.scale)):
                conflicts.append(Conflict(kind="figure", description=f"different {a.metric} for {period}",
                                          values=[f"{a.value:g} {a.scale or ''} {a.currency or ''}".strip(),
                                                  f"{b.value:g} {b.scale or ''} {b.currency or ''}".strip()],
                                          article_ids=sorted({e.article_id for e in a.evidence + b.evidence})))
    return conflicts


def check(summary: EventSummary, articles: list[Article], strict_quotes: bool = False) -> GroundingReport:
    """Verify every fact of ``summary`` against ``articles``; deterministic and offline.

    A field the quotes leave out may be found in their context (the rest of the sentence, its
    neighbours, the headline, the dateline, the publication date, see :func:`context.dated`): the fact is supported and its
    check lists the field under ``quote_incomplete()``. ``strict_quotes``: the quotes alone."""
    articles = dated(articles)
    by_id = {a.id: a for a in articles}
    indexes = {a.id: article_index(a.id, a.text) for a in articles}
    people = titled_people(tuple(a.text for a in articles))
    facts = [check_fact(kind, i, fact, by_id, indexes, strict_quotes, people) for kind, i, fact in summary.facts()]
    fields = [f for fc in facts for f in fc.fields.values()]
    supported_fields = sum(f.verdict == Verdict.supported for f in fields)
    supported = {(f.kind, f.index) for f in facts if f.verdict == Verdict.supported}
    return GroundingReport(
        facts=facts, conflicts=find_conflicts(summary), narrative=check_narrative(summary, supported),
        score=round(sum(f.verdict == Verdict.supported for f in facts) / len(facts), 4) if facts else 1.0,
        field_score=round(supported_fields / len(fields), 4) if fields else 1.0, field_checks=len(fields),
    )


def apply_policy(summary: EventSummary, report: GroundingReport, policy: Policy,
                 articles: list[Article], strict_quotes: bool = False) -> tuple[EventSummary, GroundingReport]:
    """strict (the default of :func:`summarize`): publish only supported facts; the report then
    describes the published summary and lists each dropped fact, with why. flag: keep every fact,
    marked in the report."""
    if policy == "flag":
        return summary, report
    if policy != "strict":
        raise ValueError(f"unknown policy {policy!r}: use 'flag' or 'strict'")
    kept = summary.model_copy(deep=True)
    dropped = []
    for spec in specs():
        kind, facts = spec.kind, getattr(kept, spec.kind)
        bad = {fc.index: fc for fc in report.facts if fc.kind == kind and fc.verdict != Verdict.supported}
        for i, fc in sorted(bad.items()):
            dropped.append(f"{kind}[{i}] {spec.describe(facts[i])} ({fc.verdict.value}: {'; '.join(fc.problems())})")
        setattr(kept, kind, [f for i, f in enumerate(facts) if i not in bad])
    for claim in report.narrative:
        if not claim.supported:
            kept.narrative = kept.narrative.replace(claim.sentence, "").strip()
            dropped.append(f"narrative: {claim.sentence!r} ({claim.reason})")
    return kept, check(kept, articles, strict_quotes).model_copy(update={"dropped": dropped})
