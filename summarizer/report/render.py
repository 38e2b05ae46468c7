"""Plain-text rendering of facts and reports for people (the CLI's human output)."""

from __future__ import annotations

from ..grounding.checker import FactCheck, GroundingReport, Verdict
from ..schema import (
    Agreement,
    EventSummary,
    Fact,
    Invitation,
    Meeting,
    Participant,
    Topic,
    TradeFigure,
)

MARKS = {Verdict.supported: "[green]✓[/]", Verdict.unsupported: "[yellow]?[/]", Verdict.contradicted: "[red]✗[/]"}
KIND_LABELS = {"participants": "Participant", "meetings": "Meeting", "invitations": "Invitation",
               "agreements": "Agreement", "trade_figures": "Trade figure", "topics": "Topic"}


def describe(fact: Fact) -> str:
    """One line saying what the fact claims."""
    if isinstance(fact, Participant):
        extra = ", ".join(x for x in (fact.role, fact.affiliation) if x)
        aka = f" (also {', '.join(fact.aliases)})" if fact.aliases else ""
        return f"{fact.name}{' — ' + extra if extra else ''}{aka}"
    if isinstance(fact, Meeting):
        where = f" in {fact.location}" if fact.location else ""
        when = f" on {fact.date.iso or fact.date.text}" if fact.date else ""
        return f"{' & '.join(fact.participants)}{where}{when}"
    if isinstance(fact, Invitation):
        to = f" to {fact.destination}" if fact.destination else ""
        when = f" ({fact.timeframe.text}{' = ' + fact.timeframe.iso if fact.timeframe.iso else ''})" \
            if fact.timeframe else ""
        via = f", via {fact.conveyed_via}" if fact.conveyed_via else ""
        return f"{fact.inviter} invited {fact.invitee}{to}{when}{via}"
    if isinstance(fact, Agreement):
        parties = f" [{', '.join(fact.parties)}]" if fact.parties else ""
        return f"{fact.subject} ({fact.kind or 'agreement'}): {fact.status.value}{parties}"
    if isinstance(fact, TradeFigure):
        amount = " ".join(x for x in (f"{fact.value:g}", fact.scale, fact.currency) if x)
        period = f" ({fact.period.text}{' = ' + fact.period.iso if fact.period.iso else ''})" if fact.period else ""
        qualifier = f"{fact.qualifier} " if fact.qualifier else ""
        return f"{fact.metric}: {qualifier}{amount}{period}"
    if isinstance(fact, Topic):
        return fact.name
    return type(fact).__name__


def summary_lines(summary: EventSummary, report: GroundingReport | None) -> list[str]:
    """Rich-markup lines: title, narrative, then one line per fact with its mark and evidence articles."""
    checks: dict[tuple[str, int], FactCheck] = {(f.kind, f.index): f for f in report.facts} if report else {}
    lines = [f"[bold]{summary.title}[/]", summary.narrative, ""]
    for kind, index, fact in summary.facts():
        check = checks.get((kind, index))
        mark = MARKS[check.verdict] if check else "·"
        sources = ", ".join(sorted({e.article_id for e in fact.evidence}))
        why = ""
        if check and check.verdict != Verdict.supported:
            why = f"  [dim]({'; '.join(check.problems())})[/]"
        lines.append(f"{mark} {KIND_LABELS[kind]}: {describe(fact)}  [dim]\\[{sources}][/]{why}")
    if report:
        lines.append("")
        lines.append(f"grounded: {report.score:.0%} of facts, {report.field_score:.0%} of {report.field_checks} "
                     f"field checks")
        for conflict in report.conflicts:
            lines.append(f"[yellow]conflict[/] {conflict.description}: {' / '.join(conflict.values)}")
        for dropped in report.dropped:
            lines.append(f"[red]dropped[/] {dropped}")
    return lines
