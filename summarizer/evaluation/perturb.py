"""Checker meta-benchmark: inject one known error into a gold summary and see if the checker flags it.

Categories follow FactCC / FRANK (entity, predicate/role, circumstance: number, date, location;
out-of-article errors; citation errors) plus this project's own (status inflation, wrong
article, misquote). Works on any gold in the schema, so a new event is covered by dropping
its folder into ``evals/events``. A perturbation is *caught* when the checker does not call the
perturbed fact supported, or (misquote, wrong article) reports a quote as not verbatim in the
article it cites.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from ..articles import Article
from ..grounding.checker import Verdict, check
from ..grounding.context import regions
from ..schema import (
    Agreement,
    AgreementStatus,
    DateRef,
    EventSummary,
    Evidence,
    Fact,
    Meeting,
    TradeFigure,
)
from ..text.align import AlignmentStatus
from ..text.money import find_figures, same_amount, scaled
from ..text.names import same_entity
from ..text.passages import Passage, find_passages

CITATION_CATEGORIES = {"misquote", "wrong article"}
CURRENCY_SWAP = {"USD": "EUR", "EUR": "USD", "INR": "USD", "CNY": "USD", "RUB": "USD", "GBP": "USD"}
SCALE_SWAP = {"billion": "million", "million": "billion", "crore": "lakh", "lakh": "crore", "trillion": "billion"}


@dataclass
class Perturbation:
    category: str
    kind: str
    index: int
    summary: EventSummary
    description: str


class CategoryResult(BaseModel):
    category: str
    cases: int
    caught: int
    on_flagged: int = Field(default=0, description="cases on facts the checker flags even when clean: they "
                                                    "prove nothing and are left out of the rate")

    @property
    def rate(self) -> float:
        return self.caught / self.cases if self.cases else 1.0


class MetaBenchmark(BaseModel):
    categories: list[CategoryResult]
    clean_facts: int
    false_flags: int
    missed: list[str]

    @property
    def catch_rate(self) -> float:
        cases = sum(c.cases for c in self.categories)
        return sum(c.caught for c in self.categories) / cases if cases else 1.0

    @property
    def false_flag_rate(self) -> float:
        return self.false_flags / self.clean_facts if self.clean_facts else 0.0


def _people(gold: EventSummary) -> list[str]:
    return [p.name for p in gold.participants]


def _copy_with(gold: EventSummary, kind: str, index: int, fact: Fact) -> EventSummary:
    changed = gold.model_copy(deep=True)
    getattr(changed, kind)[index] = fact
    return changed


def _other_person(name: str, people: list[str]) -> str | None:
    return next((p for p in people if not same_entity(p, name)), None)


def entity_swap(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    people = _people(gold)
    for i, m in enumerate(gold.meetings):
        other = _other_person(m.participants[-1], [p for p in people if not any(
            same_entity(p, q) for q in m.participants)])
        if other:
            fact = m.model_copy(update={"participants": [*m.participants[:-1], other]})
            yield Perturbation("entity swap", "meetings", i, _copy_with(gold, "meetings", i, fact),
                               f"{m.participants[-1]} -> {other}")
    for i, inv in enumerate(gold.invitations):
        other = _other_person(inv.invitee, [p for p in people if not same_entity(p, inv.inviter)])
        if other:
            yield Perturbation("entity swap", "invitations", i,
                               _copy_with(gold, "invitations", i, inv.model_copy(update={"invitee": other})),
                               f"invitee {inv.invitee} -> {other}")


def role_reversal(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    for i, inv in enumerate(gold.invitations):
        fact = inv.model_copy(update={"inviter": inv.invitee, "invitee": inv.inviter})
        yield Perturbation("role reversal", "invitations", i, _copy_with(gold, "invitations", i, fact),
                           "inviter <-> invitee")
    roles = [p.role for p in gold.participants if p.role]
    for i, p in enumerate(gold.participants):
        other = next((r for r in roles if p.role and r.lower() not in p.role.lower()
                      and p.role.lower() not in r.lower()), None)
        if p.role and other:
            yield Perturbation("role reversal", "participants", i,
                               _copy_with(gold, "participants", i, p.model_copy(update={"role": other})),
                               f"{p.name}: {p.role} -> {other}")


def number_swap(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    for i, f in enumerate(gold.trade_figures):
        changes: list[tuple[dict[str, Any], str]] = [
            ({"value": round(f.value * 1.2 + 1, 1)}, f"value {f.value:g} -> {f.value * 1.2 + 1:g}")]
        if f.scale in SCALE_SWAP:
            changes.append(({"scale": SCALE_SWAP[f.scale]}, f"scale {f.scale} -> {SCALE_SWAP[f.scale]}"))
        if f.currency in CURRENCY_SWAP:
            changes.append(({"currency": CURRENCY_SWAP[f.currency]},
                            f"currency {f.currency} -> {CURRENCY_SWAP[f.currency]}"))
        for update, what in changes:
            yield Perturbation("number/scale/currency swap", "trade_figures", i,
                               _copy_with(gold, "trade_figures", i, f.model_copy(update=update)), what)


def _shift(ref: DateRef) -> DateRef | None:
    if not ref.iso:
        return None
    if len(ref.iso) == 10:
        shifted = (dt.date.fromisoformat(ref.iso) - dt.timedelta(days=3)).isoformat()
    elif len(ref.iso) == 7:
        year, month = map(int, ref.iso.split("-"))
        shifted = f"{year if month > 2 else year - 1:04d}-{(month - 3) % 12 + 1:02d}"
    else:
        shifted = f"{int(ref.iso) + 1:04d}"
    return DateRef(text=ref.text, iso=shifted)


def date_shift(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    for kind, field in (("meetings", "date"), ("invitations", "timeframe"), ("agreements", "date"),
                        ("trade_figures", "period")):
        for i, fact in enumerate(getattr(gold, kind)):
            ref = getattr(fact, field)
            shifted = _shift(ref) if ref else None
            if shifted:
                yield Perturbation("date shift", kind, i,
                                   _copy_with(gold, kind, i, fact.model_copy(update={field: shifted})),
                                   f"{field} {ref.iso} -> {shifted.iso}")


def location_swap(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    places = ["New Delhi", "Beijing", "Moscow", "Washington", "Kazan", "Tokyo"]
    for kind, field in (("meetings", "location"), ("invitations", "destination")):
        for i, fact in enumerate(getattr(gold, kind)):
            value = getattr(fact, field)
            # never a place the true value contains: "New Delhi" for "Hyderabad House, New Delhi" is true
            other = next((p for p in places if value and p.lower() not in value.lower()), None)
            if value and other:
                yield Perturbation("location swap", kind, i,
                                   _copy_with(gold, kind, i, fact.model_copy(update={field: other})),
                                   f"{field} {value} -> {other}")


def status_change(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    for i, a in enumerate(gold.agreements):
        if a.status != AgreementStatus.signed:
            yield Perturbation("status inflation", "agreements", i,
                               _copy_with(gold, "agreements", i, a.model_copy(update={"status": AgreementStatus.signed})),
                               f"{a.status.value} -> signed")
        else:
            yield Perturbation("status negation", "agreements", i, _copy_with(
                gold, "agreements", i, a.model_copy(update={"status": AgreementStatus.under_negotiation})),
                "signed -> under negotiation")


def invented_fact(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    article = articles[0].id
    people = _people(gold) or ["A. Person", "B. Person"]
    inventions: list[tuple[str, Fact]] = [
        ("trade_figures", TradeFigure(metric="defence exports", value=75, scale="billion", currency="USD",
                                      evidence=[Evidence(article_id=article, quote="Defence exports will reach "
                                                                                   "$75 billion by 2028, officials said.")])),
        ("agreements", Agreement(subject="space cooperation treaty", kind="treaty", status=AgreementStatus.signed,
                                 evidence=[Evidence(article_id=article, quote="The two sides signed a space "
                                                                              "cooperation treaty.")])),
        ("meetings", Meeting(participants=people[:2] if len(people) > 1 else [people[0], "Joe Biden"],
                             location="Geneva", evidence=[Evidence(article_id=article, quote=(
                                 f"{people[0]} met {people[-1]} in Geneva for a private dinner."))])),
    ]
    for kind, fact in inventions:
        changed = gold.model_copy(deep=True)
        getattr(changed, kind).append(fact)
        yield Perturbation("invented fact", kind, len(getattr(changed, kind)) - 1, changed, "a fact in no article")


def _near(passage: Passage, fact: Fact, articles: list[Article]) -> bool:
    """The passage is in the context of one of the fact's quotes (its sentence or a neighbour)."""
    by_id = {a.id: a for a in articles}
    article = by_id.get(passage.article_id)
    if article is None:
        return False
    for evidence in fact.evidence:
        at = article.text.find(evidence.quote) if evidence.article_id == passage.article_id else -1
        if at >= 0 and any(r.start < passage.end and passage.start < r.end
                           for r in regions(article, at, at + len(evidence.quote)) if r.where != "headline"
                           and r.where != "dateline"):
            return True
    return False


def unsupportive_quote(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    """The fact's evidence replaced by a real sentence of the same article that says nothing of it and
    is not in the context of its quotes (a neighbour may complete a quote)."""
    passages = find_passages(articles)
    for kind, i, fact in gold.facts():
        if kind == "topics":
            continue
        cited = fact.evidence[0].article_id
        filler = next((p for p in passages if p.article_id == cited and not p.kinds and len(p.text) > 40
                       and not _mentions_any(p.text, fact) and not _near(p, fact, articles)), None)
        if filler:
            yield Perturbation("quote supports nothing", kind, i, _copy_with(gold, kind, i, fact.model_copy(
                update={"evidence": [Evidence(article_id=cited, quote=filler.text)]})), filler.text[:60])


def _mentions_any(text: str, fact: Fact) -> bool:
    """The text names one of the fact's values: a word value, or a trade figure's amount (a headline
    "sells tea business to CVC for 4.5 billion euros" states the sale price)."""
    values = [v for v in fact.model_dump(exclude={"evidence"}).values() if isinstance(v, str) and len(v) > 3]
    if any(v.lower() in text.lower() for v in values):
        return True
    if isinstance(fact, TradeFigure) and fact.value is not None:
        amount = scaled(fact.value, fact.scale)
        return any(same_amount(f.amount, amount) for f in find_figures(text) if not f.percent)
    return False


def wrong_article(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    ids = [a.id for a in articles]
    for kind, i, fact in gold.facts():
        if len(ids) < 2 or kind == "topics":
            continue
        moved = []
        for e in fact.evidence:
            others = [x for x in ids if x != e.article_id and e.quote not in _text(articles, x)]
            if not others:
                break
            moved.append(Evidence(article_id=others[0], quote=e.quote))
        else:
            yield Perturbation("wrong article", kind, i,
                               _copy_with(gold, kind, i, fact.model_copy(update={"evidence": moved})),
                               "every quote cited to another article")


def _text(articles: list[Article], article_id: str) -> str:
    return next(a.text for a in articles if a.id == article_id)


def misquote(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    """A word of the quote changed (the quote no longer verbatim)."""
    rng = random.Random(7)
    for kind, i, fact in gold.facts():
        if kind == "topics":
            continue
        quote = fact.evidence[0].quote
        words = [m for m in re.finditer(r"\b[a-z]{5,}\b", quote) if m.group(0) != m.group(0)[::-1]]  # not "level"
        if not words:
            continue
        word = rng.choice(words)
        changed = quote[:word.start()] + word.group(0)[::-1] + quote[word.end():]
        evidence = [Evidence(article_id=fact.evidence[0].article_id, quote=changed), *fact.evidence[1:]]
        yield Perturbation("misquote", kind, i, _copy_with(gold, kind, i, fact.model_copy(
            update={"evidence": evidence})), f"{word.group(0)!r} reversed")


GENERATORS: list[Callable[[EventSummary, list[Article]], Iterator[Perturbation]]] = [
    entity_swap, role_reversal, number_swap, date_shift, location_swap, status_change, invented_fact,
    unsupportive_quote, wrong_article, misquote,
]


def perturbations(gold: EventSummary, articles: list[Article]) -> Iterator[Perturbation]:
    """Every single-error variant of ``gold`` the generators can make."""
    for generate in GENERATORS:
        yield from generate(gold, articles)


def is_caught(p: Perturbation, articles: list[Article]) -> bool:
    report = check(p.summary, articles)
    fact = next(f for f in report.facts if f.kind == p.kind and f.index == p.index)
    if fact.verdict != Verdict.supported:
        return True
    if p.category in CITATION_CATEGORIES:  # a quote that is not verbatim in its cited article is flagged
        return any(e.status not in (AlignmentStatus.exact, AlignmentStatus.normalised) for e in fact.evidence)
    return False


def run_meta_benchmark(events: list[tuple[str, EventSummary, list[Article]]]) -> MetaBenchmark:
    """Catch rate per category over all events, and the false-flag rate on the clean gold."""
    tallies: dict[str, CategoryResult] = {}
    missed = []
    clean = flags = 0
    for name, gold, articles in events:
        report = check(gold, articles)
        clean += len(report.facts)
        flagged = {(f.kind, f.index) for f in report.facts if f.verdict != Verdict.supported}
        flags += len(flagged)
        for p in perturbations(gold, articles):
            result = tallies.setdefault(p.category, CategoryResult(category=p.category, cases=0, caught=0))
            if (p.kind, p.index) in flagged:
                result.on_flagged += 1
                continue
            result.cases += 1
            if is_caught(p, articles):
                result.caught += 1
            else:
                missed.append(f"{name}: {p.category} {p.kind}[{p.index}] ({p.description})")
    return MetaBenchmark(categories=list(tallies.values()), clean_facts=clean, false_flags=flags, missed=missed)
