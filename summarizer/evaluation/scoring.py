"""Scoring a summary against gold: field-level precision/recall/F1, faithfulness, citation accuracy.

Predicted facts are matched one-to-one to gold facts of the same type (greedy on similarity,
only pairs that describe the same thing: same people, same figure, a similar subject). Field
values are compared after normalisation — names with aliases, countries in any form and acronyms,
places as a hierarchy, ISO dates at the gold's granularity, amounts with scale and currency, text
by its content words. *Lenient* accepts near text (token-set ratio >= 70, or most content words),
a shared place part and a coarser date; *strict* wants equal normalised values: the same content
words, the same place parts, the gold's full date.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ..facts.registry import spec_for, specs
from ..grounding.checker import GroundingReport
from ..grounding.fields import place_parts, words_present
from ..schema import DateRef, EventSummary, Fact, TradeFigure
from ..text.align import AlignmentStatus, normalise
from ..text.countries import country_code_of_place, iso_code
from ..text.dates import same_date
from ..text.money import normalise_currency, same_amount, scaled
from ..text.names import same_name

SCORED_FIELDS: dict[str, tuple[str, ...]] = {spec.kind: spec.scored_fields for spec in specs()
                                             if spec.scored_fields}
NAME_FIELDS = {"name", "inviter", "invitee", "affiliation", "conveyed_via"}
PLACE_FIELDS = {"location", "destination"}
DATE_FIELDS = {"date", "timeframe", "period"}


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0 if not self.fp else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class EventScore(BaseModel):
    """All figures for one event."""

    event: str
    strict: dict[str, Any]
    lenient: dict[str, Any]
    per_field: dict[str, dict[str, Any]] = Field(description="lenient P/R/F1 per type.field")
    faithfulness: dict[str, float] = Field(default_factory=dict)
    citations: dict[str, float] = Field(default_factory=dict)
    usage: dict[str, Any] = Field(default_factory=dict)
    independent: dict[str, Any] | None = Field(default=None, description="strict and lenient scores against the "
                                               "second annotator's gold (its fact types only)")


# ---------------------------------------------------------------------------------------------
# Comparing values
# ---------------------------------------------------------------------------------------------

def _text_equal(a: str, b: str, strict: bool) -> bool:
    """Strict: the same content words, each way (forms, spellings and acronyms read as the checker reads
    them: "Free Trade Agreement" = "FTA"). Lenient: near text, or most words of one in the other."""
    if normalise(a) == normalise(b):
        return True
    if strict:
        return words_present(a, b) == 1.0 and words_present(b, a) == 1.0
    return fuzz.token_set_ratio(normalise(a), normalise(b)) >= 70 or max(words_present(a, b),
                                                                        words_present(b, a)) >= 0.75


def _place_equal(a: str, b: str, strict: bool) -> bool:
    """Places as a hierarchy: strict wants the same parts ("State House, Nairobi" = "Nairobi, State House");
    lenient a shared part, or a city and the country it lies in ("Nairobi" ~ "Kenya")."""
    pa, pb = place_parts(a)[0] or [a], place_parts(b)[0] or [b]
    shared = [x for x in pa if any(same_name(x, y) for y in pb)]
    if strict:
        return len(shared) == len(pa) and all(any(same_name(y, x) for x in pa) for y in pb)
    if shared:
        return True
    codes_a = {country_code_of_place(x) for x in pa} - {None}
    codes_b = {country_code_of_place(y) for y in pb} - {None}
    country_level = any(iso_code(x) for x in pa + pb)
    return country_level and bool(codes_a & codes_b)


def _date_equal(pred: DateRef, gold: DateRef, strict: bool) -> bool:
    if not pred.iso or not gold.iso:
        return _text_equal(pred.text, gold.text, strict)
    if strict:
        return pred.iso[:len(gold.iso)] == gold.iso
    return same_date(pred.iso, gold.iso)


def field_equal(field: str, pred: Fact, gold: Fact, strict: bool) -> bool:
    """Whether ``field`` of the predicted fact equals the gold's (both present)."""
    if field == "value":
        assert isinstance(pred, TradeFigure) and isinstance(gold, TradeFigure)
        return same_amount(scaled(pred.value, pred.scale), scaled(gold.value, gold.scale)) and \
            normalise_currency(pred.currency) == normalise_currency(gold.currency)
    a, b = getattr(pred, field), getattr(gold, field)
    if field in DATE_FIELDS:
        return _date_equal(a, b, strict)
    if field in ("participants", "parties"):
        return len(a) == len(b) and all(any(same_name(x, y) or _text_equal(x, y, strict) for y in b) for x in a)
    if field in PLACE_FIELDS:
        return _place_equal(a, b, strict)
    if field in NAME_FIELDS:
        return same_name(a, b) or normalise(a) == normalise(b)
    if field == "status":
        return a == b
    return _text_equal(str(a), str(b), strict)


def _present(fact: Fact, field: str) -> bool:
    value = getattr(fact, field, None)
    return value not in (None, "", [])


def same_thing(kind: str, pred: Fact, gold: Fact) -> bool:
    """Whether two facts describe the same thing (so they may be matched and their fields compared)."""
    pairs = spec_for(kind).match
    return bool(pairs and pairs(pred, gold))


def _similarity(kind: str, pred: Fact, gold: Fact) -> float:
    fields = SCORED_FIELDS[kind]
    return sum(_present(pred, f) and _present(gold, f) and field_equal(f, pred, gold, False) for f in fields) / len(
        fields)


def match(kind: str, predicted: list[Fact], gold: list[Fact]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, most similar first."""
    candidates = sorted(((_similarity(kind, p, g), i, j) for i, p in enumerate(predicted)
                         for j, g in enumerate(gold) if same_thing(kind, p, g)), key=lambda t: -t[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def field_counts(kind: str, predicted: list[Fact], gold: list[Fact], strict: bool) -> dict[str, Counts]:
    """Per-field TP/FP/FN for one fact type."""
    pairs = match(kind, predicted, gold)
    matched_p = {i: j for i, j in pairs}
    matched_g = {j for _, j in pairs}
    counts = {f: Counts() for f in SCORED_FIELDS[kind]}
    for i, pred in enumerate(predicted):
        for f in SCORED_FIELDS[kind]:
            if not _present(pred, f):
                continue
            j = matched_p.get(i)
            if j is not None and _present(gold[j], f) and field_equal(f, pred, gold[j], strict):
                counts[f].tp += 1
            else:
                counts[f].fp += 1
    for j, g in enumerate(gold):
        for f in SCORED_FIELDS[kind]:
            if not _present(g, f):
                continue
            p = next((i for i, jj in matched_p.items() if jj == j), None)
            if j not in matched_g or p is None or not _present(predicted[p], f) or \
                    not field_equal(f, predicted[p], g, strict):
                counts[f].fn += 1
    return counts


def score(predicted: EventSummary, gold: EventSummary, report: GroundingReport | None = None,
          event: str = "", usage: dict[str, Any] | None = None,
          kinds: tuple[str, ...] | None = None) -> EventScore:
    """Every figure for one event's summary against its gold (all scored fact types, or ``kinds``)."""
    results: dict[str, dict[str, Any]] = {}
    per_field: dict[str, dict[str, Any]] = {}
    for strict in (True, False):
        micro = Counts()
        by_kind = {}
        for kind in kinds or tuple(SCORED_FIELDS):
            counts = field_counts(kind, getattr(predicted, kind), getattr(gold, kind), strict)
            kind_total = Counts()
            for field, c in counts.items():
                kind_total.add(c)
                if not strict:
                    per_field[f"{kind}.{field}"] = c.scores()
            micro.add(kind_total)
            by_kind[kind] = kind_total.scores()
        results["strict" if strict else "lenient"] = {"micro": micro.scores(), "by_type": by_kind}
    return EventScore(event=event, strict=results["strict"], lenient=results["lenient"], per_field=per_field,
                      faithfulness=faithfulness(report) if report else {},
                      citations=citation_accuracy(report) if report else {}, usage=usage or {})


def faithfulness(report: GroundingReport) -> dict[str, float]:
    """Share of facts and of field checks the checker finds supported."""
    return {"facts_supported": report.score, "fields_supported": report.field_score,
            "facts": float(len(report.facts))}


def citation_accuracy(report: GroundingReport) -> dict[str, float]:
    """Share of evidence quotes that align, and that align in the article they cite."""
    statuses = [e.status for f in report.facts for e in f.evidence]
    aligned = [s for s in statuses if s != AlignmentStatus.not_found]
    right = [s for s in aligned if s != AlignmentStatus.misattributed]
    return {"quotes": float(len(statuses)),
            "aligned": round(len(aligned) / len(statuses), 4) if statuses else 1.0,
            "right_article": round(len(right) / len(aligned), 4) if aligned else 1.0}


def markdown_table(scores: list[EventScore], model: str) -> str:
    """A short Markdown table: one row per event plus the micro average."""
    def row(name: str, s: EventScore) -> str:
        f = s.faithfulness
        c = s.citations
        u = s.usage
        return (f"| {name} | {s.strict['micro']['f1']:.2f} | {s.lenient['micro']['precision']:.2f} | "
                f"{s.lenient['micro']['recall']:.2f} | {s.lenient['micro']['f1']:.2f} | "
                f"{s.independent['lenient']['micro']['f1'] if s.independent else float('nan'):.2f} | "
                f"{f.get('facts_supported', 0):.2f} | {f.get('fields_supported', 0):.2f} | "
                f"{c.get('aligned', 0):.2f} | {u.get('total_tokens', 0)} | "
                f"{u.get('recorded_seconds') or u.get('seconds', 0):.1f} |")

    lines = [f"Model: `{model}`", "",
             "| event | strict F1 | lenient P | lenient R | lenient F1 | lenient F1 (independent gold) "
             "| facts supported | fields supported | quotes aligned | tokens | model s (as recorded) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [row(s.event, s) for s in scores]
    return "\n".join(lines) + "\n"


def micro_average(scores: list[EventScore], mode: str = "lenient", independent: bool = False) -> dict[str, float]:
    """Micro P/R/F1 over all events (against the independent gold where ``independent``)."""
    total = Counts()
    for s in scores:
        if independent and not s.independent:
            continue
        m = (s.independent[mode] if independent and s.independent else getattr(s, mode))["micro"]
        total.add(Counts(tp=m["tp"], fp=m["fp"], fn=m["fn"]))
    return total.scores()

