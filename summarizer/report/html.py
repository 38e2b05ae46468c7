"""Evidence reports people can look at: one self-contained HTML page per result (no network: inline
CSS and JS), every evidence span highlighted in the source text, all article text escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..errors import InputError
from ..extract.pipeline import SummaryResult
from ..facts.registry import spec_for
from ..grounding.checker import FactCheck, check
from .render import describe

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@dataclass
class Segment:
    text: str
    facts: str  # space-separated fact ids whose evidence covers this text ("" when none)


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the facts whose spans cover it."""
    cuts = sorted({0, len(text), *[s for s, _, _ in spans], *[e for _, e, _ in spans]})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = sorted({fact for s, e, fact in spans if s <= start and end <= e}, key=_fact_order)
        pieces.append(Segment(text[start:end], " ".join(covering)))
    return pieces


def _fact_order(fact_id: str) -> int:
    return int(fact_id[1:])


def _fact_view(fact_id: str, kind: str, fact: Any, checked: FactCheck | None) -> dict[str, Any]:
    verdict = checked.verdict.value if checked else "unsupported"
    reasons = checked.problems() if checked else ["not checked"]
    notes = [f.note for f in checked.fields.values() if f.note] if checked else []
    if checked and checked.quote_incomplete():
        notes.append(f"quote incomplete; found in the context: {', '.join(checked.quote_incomplete())}")
    statuses = []
    for evidence in checked.evidence if checked else []:
        if evidence.status.value not in ("exact", "normalised"):
            where = f" (found in {evidence.span.article_id})" if evidence.span and \
                evidence.span.article_id != evidence.article_id else ""
            statuses.append(f"quote {evidence.status.value.replace('_', ' ')}{where}: “{evidence.quote[:120]}”")
    return {"id": fact_id, "kind": kind, "text": describe(kind, fact), "verdict": verdict,
            "corroboration": checked.corroboration if checked else 0, "reasons": reasons + notes,
            "evidence_status": statuses}


def render_html(result: SummaryResult) -> str:
    """The report page for one summarize() result."""
    import jinja2

    if not result.articles:
        raise InputError("this result carries no source articles; re-run summarize to get a report")
    report = result.report or check(result.summary, result.articles)
    checks = {(f.kind, f.index): f for f in report.facts}
    groups: dict[str, list[dict[str, Any]]] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in result.articles}
    for n, (kind, index, fact) in enumerate(result.summary.facts()):
        fact_id = f"f{n}"
        checked = checks.get((kind, index))
        groups.setdefault(kind, []).append(_fact_view(fact_id, kind, fact, checked))
        for evidence in checked.evidence if checked else []:
            if evidence.span and evidence.span.article_id in spans:
                spans[evidence.span.article_id].append((evidence.span.start, evidence.span.end, fact_id))
    articles = [{"index": i, "id": a.id, "published": a.published, "url": a.url,
                 "segments": segments(a.text, spans[a.id])} for i, a in enumerate(result.articles)]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("report.html.j2").render(
        result=result, summary=result.summary, report=report, articles=articles,
        fact_groups=[{"label": spec_for(k).label + "s", "facts": v} for k, v in groups.items()])


def write_report(result: SummaryResult, path: str | Path) -> Path:
    write_text_atomic(path, render_html(result))
    return Path(path)


def write_index(entries: list[dict[str, Any]], path: str | Path) -> Path:
    """An index page linking event reports: entries with title, href, facts, score, articles."""
    rows = "\n".join(
        f'<li><a href="{html.escape(e["href"])}">{html.escape(e["title"])}</a> — {e["facts"]} facts, '
        f'{e["score"]:.0%} grounded, {e["articles"]} articles <small>({html.escape(e["event_id"])} '
        f'v{e["version"]})</small></li>' for e in entries)
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Events</title>"
            "<style>body{font:15px/1.6 system-ui,sans-serif;margin:24px}li{margin:4px 0}</style></head>"
            f"<body><h1>Events</h1><ol>{rows}</ol></body></html>\n")
    write_text_atomic(path, page)
    return Path(path)


def read_result(path: str | Path) -> SummaryResult:
    """A summarize()/batch result JSON."""
    try:
        return SummaryResult.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise InputError(f"{path}: not a summarize result ({str(exc).splitlines()[0]})") from exc
