"""A second annotator's gold (``shared/independent-gold/<event>.json``) read as an :class:`EventSummary`.

That format (its README) differs from ours: values are plain numbers in currency units, dates are
ISO strings or free phrases, a status is a phrase that starts with one of the statuses, evidence is
``[article_id, quote]`` pairs. Free-text values carry the annotator's comments in parentheses and after
a ';' ("approximately; cash-and-stock (Gadgets360 adds ...)"); those are cut, and a date such as
"2022 (last year)" becomes ISO 2022 said as "last year". Only the types it annotates are scored against it (no participants).
Facts it cannot express in our schema (a figure that is only a percentage) are left out and counted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..schema import AgreementStatus, DateRef, EventSummary
from ..text.dates import resolve

SCORED_KINDS = ("meetings", "invitations", "agreements", "trade_figures")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date(value: Any) -> dict[str, Any] | None:
    """'2022 (last year)' -> iso 2022, text 'last year'; 'announced January 2022' -> iso 2022-01."""
    if not value:
        return None
    text = str(value).strip()
    leading = _ISO.match(text.split(" ")[0])
    said = re.search(r"\(([^)]*)\)", text)
    if leading:
        return DateRef(text=said.group(1) if said else text, iso=leading.group(0)).model_dump()
    return DateRef(text=text, iso=resolve(text, None)).model_dump()


def _plain(value: str | None) -> str | None:
    """The annotator's value without the comments it carries: parentheses and what follows a ';'
    ("approximately; cash-and-stock (Gadgets360 adds ...)" -> "approximately")."""
    if not value:
        return value
    return re.sub(r"\s*\([^)]*\)", "", value.split(";")[0]).strip() or value


def _evidence(pairs: list[list[str]]) -> list[dict[str, str]]:
    return [{"article_id": article_id, "quote": quote} for article_id, quote in pairs]


def _status(phrase: str) -> str:
    lowered = phrase.strip().lower()
    for status in sorted(AgreementStatus, key=lambda s: -len(s.value)):
        if lowered.startswith(status.value):
            return status.value
    raise ValueError(f"status {phrase!r} starts with none of {[s.value for s in AgreementStatus]}")


def read_independent_gold(path: Path) -> tuple[EventSummary, int]:
    """The summary, and how many facts had no form in our schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the independent gold ({exc})") from exc
    left_out = 0
    figures = []
    for f in data.get("trade_figures", []):
        if f.get("value") is None:
            left_out += 1
            continue
        figures.append({"metric": _plain(f["metric"]), "value": f["value"], "currency": f.get("currency"),
                        "qualifier": _plain(f.get("qualifier")), "period": _date(f.get("period")),
                        "evidence": _evidence(f["evidence"])})
    summary = {
        "title": data.get("event", ""),
        "meetings": [{"participants": m["participants"], "location": m.get("location"), "date": _date(m.get("date")),
                      "evidence": _evidence(m["evidence"])} for m in data.get("meetings", [])],
        "invitations": [{"inviter": i["inviter"], "invitee": i["invitee"], "destination": i.get("destination"),
                         "timeframe": _date(i.get("timeframe")), "conveyed_via": i.get("conveyed_via"),
                         "evidence": _evidence(i["evidence"])} for i in data.get("invitations", [])],
        "agreements": [{"parties": a.get("parties") or [], "subject": _plain(a["subject"]), "kind": a.get("kind"),
                        "status": _status(a["status"]), "date": _date(a.get("date")),
                        "evidence": _evidence(a["evidence"])} for a in data.get("agreements", [])],
        "trade_figures": figures,
    }
    try:
        return EventSummary.model_validate(summary), left_out
    except ValueError as exc:
        raise InputError(f"{path}: does not fit the summary schema ({str(exc).splitlines()[0]})") from exc
