"""Plain-text rendering of facts and reports for people (the CLI's human output)."""

from __future__ import annotations

from ..facts.registry import spec_for
from ..grounding.checker import FactCheck, GroundingReport, Verdict
from ..schema import EventSummary, Fact

MARKS = {Verdict.supported: "[green]✓[/]", Verdict.unsupported: "[yellow]?[/]", Verdict.contradicted: "[red]✗[/]"}


def describe(kind: str, fact: Fact) -> str:
    """One line saying what the fact claims."""
    return spec_for(kind).describe(fact)


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
        elif check and check.quote_incomplete():
            why = f"  [dim](quote incomplete: {', '.join(check.quote_incomplete())})[/]"
        lines.append(f"{mark} {spec_for(kind).label}: {describe(kind, fact)}  [dim]\\[{sources}][/]{why}")
    if report:
        lines.append("")
        if report.facts or report.dropped:
            lines.append(f"grounded: {report.score:.0%} of facts, {report.field_score:.0%} of {report.field_checks} "
                         f"field checks")
        else:  # not "100 % grounded": nothing was there to ground
            lines.append("[yellow]no fact found[/]: no sentence was read as a meeting, invitation, agreement or "
                         "trade figure, or the model wrote none")
        for conflict in report.conflicts:
            lines.append(f"[yellow]conflict[/] {conflict.description}: {' / '.join(conflict.values)}")
        for dropped in report.dropped:
            lines.append(f"[red]dropped[/] {dropped}")
    return lines
