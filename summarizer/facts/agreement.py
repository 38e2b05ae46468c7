"""Agreements: what was signed, agreed, negotiated, proposed or discussed, between whom and when."""

from __future__ import annotations

import re
from typing import Any

from pydantic import create_model
from rapidfuzz import fuzz

from ..extract.tasks import (
    NONE,
    PassageContext,
    Task,
    choice,
    date_ref,
    grammar_safe,
    listing,
    unique,
)
from ..grounding.fields import FieldCheck, Rules, Span, Support, Verdict, field
from ..schema import Agreement, AgreementStatus, Fact
from ..text import lexicon, nlp
from ..text.align import normalise, unescape_quotes
from .merge import better_date
from .registry import FactSpec, register

_KINDS = lexicon.table("agreement_kinds")
# "two important protocols on ...", "the Economic Partnership Agreement", "a deal to buy ...".
_SUBJECT = re.compile(
    r"(?:(?:[A-Z][\w’'-]*|two|three|several|some|nine|\d+|important|significant|bilateral|new|"
    r"the|a|an)\s+){0,6}"
    r"(?i:" + lexicon.alternation("agreement_nouns") + r")\b"
    r"(?:\s+(?:on|for|of|between|related to|to|in the areas? of|with)\s+[^,.;:“”\"()]{3,90}?"
    r"(?=\s+(?:will|would|was|were|is|are|has|have|had|that|which|who|could|during|and another|at)\b"
    r"|[,.;:“”\"()]|$))?"
    # or a takeover stated by its verb: "agreed to buy SolarCity", "will acquire the chipmaker Arm"
    r"|\b(?:to|will)\s+(?i:" + lexicon.alternation("acquisition_verbs") + r")\s+[^,.;:“”\"()]{2,60}?"
    r"(?=\s+(?:for|in|from|at|by|with|after|from)\b|[,.;:“”\"()]|$)"
)
_OPENERS = set(lexicon.words("sentence_openers"))
# "the deal", "This Agreement", "deal": a mention of an agreement named elsewhere, not a subject
_ANAPHORIC = re.compile(r"(?:(?:" + lexicon.alternation("anaphoric_determiners") + r")\s+)?(?:"
                        + lexicon.alternation("agreement_nouns") + r")", re.IGNORECASE)
_STATUS_CUES = {status: lexicon.pattern(f"status_{status.name}") for status in AgreementStatus}
# What contradicts a status: the status's own verbs negated or still to come ("not signed", "will sign").
_DONE_VERBS = {AgreementStatus.signed: r"(?:sign|ink|conclude|agree)", AgreementStatus.agreed: r"(?:agree)"}
_NOT_DONE = {status: re.compile(rf"\b(?:{lexicon.alternation('negation')})\b[^.]{{0,30}}\b{verbs}\w*\b"
                                rf"|\b(?:{lexicon.alternation('future_markers')})\s+(?:be\s+)?{verbs}\w*\b",
                                re.IGNORECASE)
             for status, verbs in _DONE_VERBS.items()}


def check_status(fact: Agreement, support: Support) -> FieldCheck:
    """The claimed status has its cue in the evidence; "signed" is contradicted by negation or future."""
    status = fact.status
    for article, start, end, text in support.texts():
        span = Span(article_id=article.id, start=start, end=end)
        cue = _STATUS_CUES[status].search(text)
        denied = _NOT_DONE.get(status)
        not_done = denied.search(text) if denied else None
        if denied and not_done and not (cue and not denied.search(text[max(0, cue.start() - 30):cue.end()])):
            return field(Verdict.contradicted, f"the evidence says it is not (yet) {status.value}: "
                                                f"{not_done.group(0)!r}", status.value, [span])
        if cue:
            return field(Verdict.supported, f"{cue.group(0)!r} in the evidence", status.value, [span])
    if status in (AgreementStatus.signed, AgreementStatus.agreed):
        for article, start, end, text in support.texts():
            weaker = [s for s in (AgreementStatus.under_negotiation, AgreementStatus.proposed,
                                  AgreementStatus.discussed) if _STATUS_CUES[s].search(text)]
            if weaker:
                return field(Verdict.contradicted, f"the evidence says {weaker[0].value}, not {status.value}",
                              status.value, [Span(article_id=article.id, start=start, end=end)])
    return field(Verdict.unsupported, f"nothing in the evidence says {status.value}", status.value)


def check_kind(kind: str, support: Support) -> FieldCheck:
    """A kind the lexicon knows ("MoU", "acquisition") is supported by any of its words."""
    words = next(p for k, p in _KINDS.items() if k.lower() == kind.lower())
    for article, start, end, text in support.texts():
        if words.search(text):
            return field(Verdict.supported, f"{kind} in the evidence", kind,
                         [Span(article_id=article.id, start=start, end=end)])
    return field(Verdict.unsupported, f"{kind} not in the evidence", kind)


def _subjects(text: str, start: int, end: int) -> list[str]:
    """Agreement phrases of text[start:end], each widened to the noun phrase it heads ("a fisheries pact")."""
    chunks = nlp.noun_chunks(text)
    found = []
    for match in _SUBJECT.finditer(text, start, end):
        left = min([c_start for c_start, c_end in chunks if c_start <= match.start() < c_end] + [match.start()])
        phrase = re.sub(r"\s+", " ", unescape_quotes(text[left:match.end()])).strip()
        phrase = re.sub(r"^[^\w“‘\"']+", "", phrase)           # ") cash-and-stock deal" -> "cash-and-stock deal"
        first, _, rest = phrase.partition(" ")
        found.append(rest if rest and first in _OPENERS else phrase)  # "If the deal" -> "the deal"
    return found


def plan(ctx: PassageContext) -> Task | None:
    """What was agreed, with which status, between whom and when: asked when the passage names an
    agreement."""
    passage, cand, evidence, date_texts = ctx.passage, ctx.candidates, ctx.evidence, ctx.date_texts
    subjects = unique([subject for subject in _subjects(ctx.article_text, passage.start, passage.end)
                       if grammar_safe(subject) and not _ANAPHORIC.fullmatch(subject)])
    statuses = [s.value for s in AgreementStatus if _STATUS_CUES[s].search(passage.shown)]
    if not subjects or not statuses:  # no status cue: nothing the passage says could support a status
        return None
    kinds = [kind for kind, words in _KINDS.items() if words.search(passage.shown)]
    parties = cand.parties + [p for p in cand.people if p not in cand.parties]
    model = create_model(
        "AgreementAnswer",
        subject=(choice(subjects), ...), kind=(choice(kinds or ["agreement"]), ...),
        status=(choice(statuses), ...),
        party_a=(choice(parties + [NONE]), ...), party_b=(choice(parties + [NONE]), ...),
        date=(choice(date_texts + [NONE]), ...),
    )

    def build(answer: Any) -> Fact:
        chosen = [p for p in (answer.party_a, answer.party_b) if p != NONE]
        return Agreement(subject=answer.subject, kind=answer.kind, status=AgreementStatus(answer.status),
                         parties=unique(chosen), date=date_ref(answer.date, cand.dates), evidence=evidence)

    return Task("agreements", "agreement", {"sentence": passage.shown, "subjects": listing(subjects),
                                            "parties": listing(parties), "kinds": listing(kinds),
                                            "dates": listing(date_texts)}, model, build)


def rules(fact: Agreement, out: Rules) -> None:
    out.words("subject", fact.subject, "subject")
    out.add("status", lambda: check_status(fact, out.support))
    for i, party in enumerate(fact.parties):
        out.name(f"parties[{i}]", party)
    if fact.kind and fact.kind.lower() in {k.lower() for k in _KINDS}:
        out.add("kind", lambda: check_kind(fact.kind or "", out.support))
    else:
        out.words("kind", fact.kind, "kind", 1.0)
    out.date("date", fact.date)


def describe(fact: Agreement) -> str:
    parties = f" [{', '.join(fact.parties)}]" if fact.parties else ""
    return f"{fact.subject} ({fact.kind or 'agreement'}): {fact.status.value}{parties}"


def same_fact(a: Agreement, b: Agreement) -> bool:
    return a.status == b.status and fuzz.token_set_ratio(a.subject.lower(), b.subject.lower()) >= 85


def absorb(into: Agreement, other: Agreement) -> None:
    into.parties = into.parties or other.parties
    into.date = better_date(into.date, other.date)


def sentence(fact: Agreement) -> str:
    return f"{fact.subject[0].upper()}{fact.subject[1:]}: {fact.status.value}."


def match(pred: Agreement, gold: Agreement) -> bool:
    """Evals: a similar subject."""
    return fuzz.token_set_ratio(normalise(pred.subject), normalise(gold.subject)) >= 60


SPEC = register(FactSpec(
    kind="agreements", model=Agreement, label="Agreement", rules=rules, describe=describe,
    key_fields=("subject", "status"), scored_fields=("subject", "status", "kind", "parties", "date"),
    plan=plan, same_fact=same_fact, absorb=absorb, sentence=sentence, narrative_limit=3,
    headline=lambda fact: fact.subject, headline_rank=3, match=match,
))
