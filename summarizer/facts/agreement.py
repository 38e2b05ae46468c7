"""Agreements: what was signed, agreed, negotiated, proposed or discussed, between whom and when."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Any

from pydantic import create_model
from rapidfuzz import fuzz

from ..articles import Article
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
from ..grounding.context import dateline
from ..grounding.fields import (
    FieldCheck,
    Rules,
    Span,
    Support,
    Verdict,
    capital_words,
    check_name,
    check_words,
    country_words,
    field,
    in_context,
    leaders_of,
    words_present,
)
from ..schema import Agreement, AgreementStatus, Fact
from ..text import lexicon, nlp
from ..text.align import normalise, unescape_quotes
from ..text.countries import iso_code
from ..text.money import figure_pattern, find_figures
from ..text.names import holds_an_office, same_entity, same_name
from ..text.roles import (
    clause_holds,
    clause_of_another_act,
    complement_span,
    doer_of,
    goods_sold,
    in_an_organisations_name,
    in_what_was_done,
    names_a_nationality,
    only_present,
    possessed_name,
    predicate_slots,
    reporter_of,
)
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
_WITNESS = lexicon.pattern("witness_cues")
_COMPLETED = re.compile(r"\b(?:" + lexicon.alternation("completion_words") + r")\b[^.;]*$", re.IGNORECASE)
_TO_COME = re.compile(rf"\b(?:{lexicon.alternation('future_markers')})\s+$", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:they|he|she|we|both|(?:the two|both) \w+)", re.IGNORECASE)
_STATUS_CUES = {status: lexicon.pattern(f"status_{status.name}") for status in AgreementStatus}
_ANY_STATUS = re.compile("|".join(cue.pattern for cue in _STATUS_CUES.values()), re.IGNORECASE)
# an act done: talks it sets out to hold ("signed a memorandum to begin merger talks") are not its status
_DONE = re.compile("|".join(_STATUS_CUES[s].pattern for s in (AgreementStatus.signed, AgreementStatus.agreed)),
                   re.IGNORECASE)
# What contradicts a status: the status's own verbs negated or still to come ("not signed", "will sign").
_DONE_VERBS = {AgreementStatus.signed: r"(?:sign|ink|conclude|agree|complet)", AgreementStatus.agreed: r"(?:agree)"}
_NOT_DONE = {status: re.compile(rf"\b(?:{lexicon.alternation('negation')})\b[^.]{{0,30}}\b{verbs}\w*\b"
                                rf"|\b(?:{lexicon.alternation('future_markers')})\s+(?:be\s+)?{verbs}\w*\b",
                                re.IGNORECASE)
             for status, verbs in _DONE_VERBS.items()}


def _check_status(status: AgreementStatus, support: Support, subject: str = "") -> FieldCheck:
    """The claimed status has its cue in the evidence, in a clause that names the agreement when its
    sentence does; "signed" and "agreed" are contradicted by their verbs negated or still to come, and
    "signed" by talks still under way."""
    denied = _NOT_DONE.get(status)
    named = _agreement_named(subject)
    elsewhere = None
    for article, start, end, text in support.texts():
        span = Span(article_id=article.id, start=start, end=end)
        cues = [c for c in _own_cues(status, text)
                if not (status == AgreementStatus.under_negotiation and (
                    _talks_over(text, c) or _set_out_by_another(article.text, start + c.start(), start + c.end(),
                                                                named)))]
        if named is not None and cues:
            said_of = [clause_holds(article.text, start + c.start(), start + c.end(), named) for c in cues]
            elsewhere = elsewhere or next((c.group(0) for c, held in zip(cues, said_of) if held is False), None)
            cues = [c for c, held in zip(cues, said_of) if held is not False]
        cue = cues[0] if cues else None
        not_done = denied.search(text) if denied else None
        if denied and not_done and not (cue and not denied.search(text[max(0, cue.start() - 30):cue.end()])):
            return field(Verdict.contradicted, f"the evidence says it is not (yet) {status.value}: "
                                                f"{not_done.group(0)!r}", status.value, [span])
        if cue:
            return field(Verdict.supported, f"{cue.group(0)!r} in the evidence", status.value, [span])
    if status == AgreementStatus.signed:
        for article, start, end, text in support.texts():
            if any(not _talks_over(text, c) for c in _own_cues(AgreementStatus.under_negotiation, text)):
                return field(Verdict.contradicted, f"the evidence says {AgreementStatus.under_negotiation.value}, "
                                                    "not signed", status.value,
                             [Span(article_id=article.id, start=start, end=end)])
    if elsewhere:
        return field(Verdict.unsupported, f"{elsewhere!r} is said in a clause that does not name {subject!r}",
                     status.value)
    return field(Verdict.unsupported, f"nothing in the evidence says {status.value}", status.value)


_AGREEMENT_NOUNS = lexicon.pattern("agreement_nouns")


def _set_out_by_another(text: str, start: int, end: int, named: re.Pattern[str] | None) -> bool:
    """Talks at text[start:end] that a done act sets out to hold, where the fact's agreement is what was done, not
    what the talks are on: "signed a memorandum on Monday to begin merger talks" does not make the memorandum
    under negotiation ("agreed to begin talks on a joint venture" still makes the venture so)."""
    if named is None:
        return False
    span = complement_span(text, start, end, _DONE)
    sentence = nlp.span_at(text, start, end) if span is not None else None
    if span is None or sentence is None:
        return False
    first, last = sentence.root.sent.start_char, sentence.root.sent.end_char
    rest = text[first:span[0]] + " " + text[span[1]:last]  # the sentence without the complement
    return not named.search(text, *span) and bool(named.search(rest))


@lru_cache(maxsize=1024)
def _agreement_named(subject: str) -> re.Pattern[str] | None:
    """The agreement nouns of a subject as a pattern ("the continental trade pact" -> "pact"), to find the
    agreement in a sentence; None when the subject has none ("cooperation in semiconductors")."""
    nouns = {m.group(0).lower() for m in _AGREEMENT_NOUNS.finditer(subject)}
    if not nouns:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")s?\b",
                      re.IGNORECASE)


def _own_cues(status: AgreementStatus, text: str) -> list[re.Match[str]]:
    """The cues of ``status`` in ``text`` that are not part of a longer cue of another status, nor open with a
    shorter one of several words: "concluded" says signed, but "concluded negotiations" says agreed. A takeover
    announced with its price says agreed too."""
    others = [c.span() for other, cues in _STATUS_CUES.items() if other != status for c in cues.finditer(text)]
    # nor a cue that opens with another status's verb and its object ("exchanged views on the agreements" is no
    # exchange of agreements; "concluded negotiations" is still agreed, though "concluded" alone says signed)
    own = [c for c in _STATUS_CUES[status].finditer(text)
           if not any(a <= c.start() and c.end() <= b and b - a > c.end() - c.start() for a, b in others)
           and not any(a == c.start() and b < c.end() and " " in text[a:b].strip() for a, b in others)]
    return own + _priced_takeovers(text) if status == AgreementStatus.agreed else own


_TAKEOVER_TO_COME = re.compile(r"\b(?:will|would|is to|are to|is set to)\s+(?:"
                               + lexicon.alternation("acquisition_verbs") + r")\b", re.IGNORECASE)
_FOR_PRICE = re.compile(r"[^.;]{1,120}?\bfor\s+(?:(?:" + lexicon.alternation("approximations") + r")\s+)?",
                        re.IGNORECASE)


def _priced_takeovers(text: str) -> list[re.Match[str]]:
    """A takeover a company says it will make, with its price: "said it would acquire Argamassa Forte, a
    mortar maker, for 1.1 billion Swiss francs" announces an agreed deal; "would acquire more plants" and
    "offered to buy ... for $5bn" do not."""
    out = []
    for takeover in _TAKEOVER_TO_COME.finditer(text):
        price = _FOR_PRICE.match(text, takeover.end())
        figure = figure_pattern().match(text, price.end()) if price else None
        if figure and any(figure.group(g) for g in ("pre", "post", "scale")):  # money, not "for 10 years"
            out.append(takeover)
    return out


def check_status(fact: Agreement, support: Support) -> FieldCheck:
    """The status from the quotes; when they state none, from the rest of their sentence, or from the
    sentence before when theirs refers back to it ("It includes MoUs on ..." after "The two countries signed")."""
    found = _check_status(fact.status, support, fact.subject)
    if found.verdict != Verdict.unsupported or not support.with_context or any(
            cue.search(text) for cue in _STATUS_CUES.values() for *_, text in support.texts()):
        return found  # a quote that states a status states the fact's status
    tiers = ["sentence", "neighbours"] if support.refers_back() else ["sentence"]
    for where in tiers:
        tier = support.tier(where)
        if tier is not None:
            wider = _check_status(fact.status, tier, fact.subject)
            if wider.verdict == Verdict.supported:
                return wider.model_copy(update={"found_in": where, "reason": f"{wider.reason} ({where})"})
    return found


def _talks_over(text: str, cue: re.Match[str]) -> bool:
    """Negotiation named as done: "a deal negotiated by", "concluding a negotiation process"; not when
    the ending is still to come ("should conclude negotiations by June", "aim to complete the talks")."""
    if cue.group(0).lower().endswith("ed"):
        return True
    before = text[max(0, cue.start() - 40):cue.start()]
    done = _COMPLETED.search(before)
    return bool(done) and not _TO_COME.search(before[:done.start()])


def check_party(party: str, support: Support, status: AgreementStatus | None = None,
                other_sides: tuple[str, ...] = ()) -> FieldCheck:
    """A party named in the evidence, and not only as a witness of the signing ("X and Y witnessed
    the signing of ...", "oversaw the signing"), inside what was signed ("signed amendments that will
    take the Atacama project forward"), as the doer of another act of the sentence ("a pact that the
    President of Bolivia praised") or as the home of another of the fact's sides (``other_sides``: "Malaysia's
    Axiata Group" makes Malaysia no side beside Axiata Group)."""
    if _ANAPHORIC.fullmatch(party.strip()):  # "MoUs", "the agreement"
        return field(Verdict.unsupported, f"{party!r} names what was agreed, not a side", party)
    named = in_context(partial(check_name, party, by_leader=True), support, relation=True, name=True)
    if named.verdict != Verdict.supported:
        return named
    for i, (article, start, end, _) in enumerate(support.texts()):
        mentions = support.mentions(i)
        hits = [(m.start, m.end) for m in mentions if same_entity(party, m.name)]
        # every word naming it: its name, its people, its capital, its leaders
        others = [*country_words(party, article.text, start, end), *capital_words(party, article.text, start, end),
                  *((m.start, m.end) for m in leaders_of(party, article.text, mentions, article))]
        named_at = hits + [(a, b) for a, b in others if not any(x <= a and b <= y for x, y in hits)]
        homes = [home for at in named_at if (home := _home_of(article.text, at, other_sides, mentions, party))]
        if named_at and len(homes) == len(named_at):
            return field(Verdict.unsupported, f"{party} is the home of {homes[0]}, not a side of its own",
                         party, [Span(article_id=article.id, start=start, end=end)])
        place = dateline(article)
        elsewhere = {at: why for at in named_at if (why := _no_side(article, place, *at, country=bool(iso_code(party))))}
        if named_at and len(elsewhere) == len(named_at):
            return _side_referred_to(party, support, status) or field(
                Verdict.unsupported, f"{party}: {next(iter(elsewhere.values()))}", party,
                [Span(article_id=article.id, start=start, end=end)])
        hits = [hit for hit in hits if hit not in elsewhere]
        slots = [slot for slots in predicate_slots(article.text, start, end, _WITNESS) for slot in slots
                 if slot.role == "subject"]
        # "X held talks with Y during which they witnessed the signing": the pronoun is X and Y
        by_pronoun = any(_PRONOUN.fullmatch(article.text[s.start:s.end]) and any(b <= s.start for _, b in hits)
                         for s in slots)
        if hits and (by_pronoun or all(any(s.start <= a and b <= s.end for s in slots) for a, b in hits)):
            return field(Verdict.unsupported, f"{party} witnessed the signing; the evidence does not make them a "
                                              "party", party, [Span(article_id=article.id, start=start, end=end)])
        if hits and all(in_what_was_done(article.text, a, b, _STATUS_CUES[AgreementStatus.signed]) for a, b in hits):
            return field(Verdict.unsupported, f"{party} is what the signed text concerns, not a side to it",
                         party, [Span(article_id=article.id, start=start, end=end)])
        if hits and all(only_present(article.text, a, b) for a, b in hits):
            return field(Verdict.unsupported, f"{party} was present at the act; the evidence does not make them a "
                                              "party", party, [Span(article_id=article.id, start=start, end=end)])
        sold = [goods_sold(article.text, a, b) for a, b in hits]
        if sold and all(sold):
            return field(Verdict.unsupported, f"{party} names the goods of {sold[0]!r}, not a side", party,
                         [Span(article_id=article.id, start=start, end=end)])
        others = [doer_of(article.text, a, b, _STATUS_CUES[status]) for a, b in hits] if status else []
        if others and all(others):
            return field(Verdict.unsupported, f"{party} is named as the doer of {others[0]!r}, not as a side of what "
                                              f"was {status.value}", party,  # type: ignore[union-attr]
                         [Span(article_id=article.id, start=start, end=end)])
        told = [reporter_of(article.text, a, b, _STATUS_CUES[status]) for a, b in hits] if status else []
        # "The two governments signed ..., Chile's foreign ministry said": a country may report what it did
        # as one of the sides the sentence names together
        if told and all(told) and not (iso_code(party) and support.refers_back()):
            return field(Verdict.unsupported, f"{party} reports ({told[0]!r}) what others {status.value}; not a side",
                         party, [Span(article_id=article.id, start=start, end=end)])  # type: ignore[union-attr]
    return named


_STATE_BODIES = lexicon.pattern("state_bodies")


def _home_of(text: str, at: tuple[int, int], others: tuple[str, ...], mentions: list[Any], party: str) -> str | None:
    """The organisation whose name the country word at ``at`` possesses ("Malaysia's Axiata Group", "Poland's
    largest insurer PZU"): another side of the fact, or a company that is no organ of the country's state
    ("Kenya's National Treasury" acts for Kenya) and no person (a leader or minister stands for it: "Chile's
    President Gabriel Boric"); None otherwise."""
    owned = possessed_name(text, *at)
    if owned is None or any(m.start < owned[1] and owned[0] < m.end for m in leaders_of(party, text, mentions)):
        return None
    name = text[owned[0]:owned[1]]
    other = next((other for other in others if same_entity(other, name) or normalise(other) in normalise(name)
                  or normalise(name) in normalise(other)), None)
    if other is not None:
        return other
    person = holds_an_office(name) or nlp.label_at(text, *owned) == "PERSON"
    return None if person or _STATE_BODIES.search(name) else name


def _side_referred_to(party: str, support: Support, status: AgreementStatus | None) -> FieldCheck | None:
    """Where the quote names ``party`` only outside its agreement's sides but states the sides by a
    reference ("the delegations signed five agreements, including a deal under which Saudi Arabia will
    buy drones"), the party as a side of the context referred to (the headline, the lead), or None."""
    if not support.refers_back():
        return None
    for where, tier in support.context():
        if where == "sentence":
            continue
        referred = [span for k, span in enumerate(tier.spans) if tier.at(k) not in ("quote", "sentence")]
        found = check_party(party, Support(referred, with_context=False, people=support.people), status)
        if found.verdict == Verdict.supported:
            return found.model_copy(update={"found_in": where, "reason": f"{found.reason} ({where}; the quote "
                                                                           "refers back to it)"})
    return None


_AFTER_AN_AMOUNT = re.compile(r"(?:\d|illion|\b(?:bn|mn|tn|crore|lakh))\s+$", re.IGNORECASE)  # "2.5 billion Danish"


def _no_side(article: Article, place: tuple[int, int] | None, start: int, end: int, country: bool = False) -> str | None:
    """Why the name at article.text[start:end] is no side of the sentence's agreement, or None: it is in
    the dateline ``place`` ("LE BOURGET, France (Wire) -"), gives a company's nationality ("Swiss drugmaker
    Novartis"), is, for a ``country``, a word of an organisation's name ("Anglo American"), names a currency
    ("2.5 billion Danish crowns"), names a built work in what was done ("on a railway to the port of Vung Ang")
    or sits in a clause of another act ("..., giving it a stake in Guyana's fields")."""
    if place and place[0] <= start and end <= place[1]:
        return "named only in the dateline"
    if names_a_nationality(article.text, start, end):
        return "the nationality of a name, not a side"
    if country and in_an_organisations_name(article.text, start, end):
        return f"a word of an organisation's name ({article.text[start:end]!r}), not a side"
    if _AFTER_AN_AMOUNT.search(article.text, max(0, start - 20), start) and any(
            f.start <= start and end <= f.end for f in find_figures(article.text, max(0, start - 40), end + 20)):
        return "part of a currency's name ('Danish crowns'), not a side"
    if _names_a_work(article.text, start, end, country):
        return f"names a built work or its place ({article.text[start:end]!r}) in what was done, not a side"
    other = clause_of_another_act(article.text, start, end, _ANY_STATUS)
    return f"in the clause of another act ({other!r}), not a side" if other else None


_WORK = "(?:" + lexicon.alternation("work_nouns") + ")"
_WORK_OF = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}" + _WORK + r"\s+of\s+$")  # lowercase: not "the Port of Rotterdam"
_BEFORE_A_WORK = re.compile(r"\s+(?:[a-z][\w-]*\s+)?" + _WORK + r"\b")  # "the Agua Negra (road) tunnel"


def _names_a_work(text: str, start: int, end: int, country: bool) -> bool:
    """The name at text[start:end] names a built work after an act's cue in its sentence: "signed a memorandum
    on a railway to the port of Vung Ang", "agreed to speed up the Agua Negra tunnel". A country is never read
    from a name before a work: "the Kenya-Uganda pipeline" may be the sides' own."""
    mention = nlp.span_at(text, start, end)
    if mention is None or not _ANY_STATUS.search(text, mention.root.sent.start_char, start):
        return False
    if _WORK_OF.search(text, max(0, start - 60), start):
        return True
    return not country and re.search(r"\bthe\s+$", text[max(0, start - 5):start]) is not None \
        and _BEFORE_A_WORK.match(text, end) is not None


def _kind_words(kind: str) -> re.Pattern[str] | None:
    """The words that name a kind the lexicon knows ("FTA": free trade agreement, ...), or None."""
    return next((p for k, p in _KINDS.items() if k.lower() == kind.lower()), None)


def _check_one_kind(kind: str, support: Support) -> FieldCheck:
    """A kind the lexicon knows ("MoU", "acquisition") is supported by any of its words; any kind by all
    of its words, in any of their forms or words of their class ("agreement" for "agreed to")."""
    words = _kind_words(kind)
    for article, start, end, text in support.texts() if words is not None else ():
        if words.search(text):
            return field(Verdict.supported, f"{kind} in the evidence", kind,
                         [Span(article_id=article.id, start=start, end=end)])
    return check_words(kind, support, "kind", 1.0)


def check_kind(kind: str, support: Support, subject: str = "") -> FieldCheck:
    """Any of the kind's alternatives ("documents / MoUs", "FTA (Economic Partnership Agreement)"); a kind
    the subject's own words say otherwise is contradicted ("14 other documents on transport" are no treaty,
    though the sentence names one)."""
    alternatives = [k.strip() for k in re.split(r"[/()]", kind) if k.strip()] or [kind]
    own = _kinds_named(subject)
    if own and not any(k.lower() in own for k in alternatives) \
            and all(_kind_words(k) is not None and k.lower() != _GENERIC_KIND for k in alternatives):
        return field(Verdict.contradicted, f"the subject {subject!r} is of the kind {min(own)!r}, not {kind!r}",
                     kind)
    checks = [in_context(partial(_check_one_kind, k), support) for k in alternatives]
    return next((c for c in checks if c.verdict == Verdict.supported), checks[0]).model_copy(update={"value": kind})


_GENERIC_KIND = "agreement"  # "agreements" may be of any kind: MoUs, treaties, protocols


def _kinds_named(subject: str) -> set[str]:
    """The lexicon's kinds the subject's words name, lower-cased ("five memoranda of understanding" -> mou);
    none when it names only the generic kind ("22 agreements") or no kind at all."""
    named = {k.lower() for k, words in _KINDS.items() if words.search(subject)}
    return set() if _GENERIC_KIND in named else named


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
    subjects = unique([subject for subject in _subjects(ctx.article.text, passage.start, passage.end)
                       if grammar_safe(subject) and not _ANAPHORIC.fullmatch(subject)])
    # the statuses the checker would find in the passage: not "signed" for "will sign", nor "under
    # negotiation" for "a deal negotiated by"
    said = Support([(ctx.article, passage.start, passage.end)], with_context=False)
    statuses = [s.value for s in AgreementStatus if _check_status(s, said).verdict == Verdict.supported]
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
        other_sides = tuple(p for j, p in enumerate(fact.parties) if j != i)
        out.add(f"parties[{i}]", partial(check_party, party, out.support, fact.status, other_sides))
    if fact.kind:
        out.add("kind", lambda: check_kind(fact.kind or "", out.support, fact.subject))
    out.date("date", fact.date, act=_STATUS_CUES[fact.status])


def describe(fact: Agreement) -> str:
    parties = f" [{', '.join(fact.parties)}]" if fact.parties else ""
    return f"{fact.subject} ({fact.kind or 'agreement'}): {fact.status.value}{parties}"


def same_fact(a: Agreement, b: Agreement) -> bool:
    """A similar subject with the same status; or the same signing told twice, once by name and once
    by its kind alone ("the Nairobi Accord" / "a free trade agreement"): same kind, status, day and sides."""
    if a.status != b.status:
        return False
    if fuzz.token_set_ratio(a.subject.lower(), b.subject.lower()) >= 85:
        return True
    kind = (a.kind or "").lower()
    return (_only_its_kind(a) != _only_its_kind(b) and kind not in ("", "agreement") and kind == (b.kind or "").lower()
            and a.date is not None and b.date is not None and bool(a.date.iso) and a.date.iso == b.date.iso
            and _same_sides(a.parties, b.parties))


def _only_its_kind(fact: Agreement) -> bool:
    """The subject is an indefinite mention of the kind and nothing more ("a free trade deal", "an MoU")."""
    words = _kind_words(fact.kind or "")
    bare = re.sub(r"^(?:an?|one)\s+", "", fact.subject.strip(), flags=re.IGNORECASE)
    return words is not None and bare != fact.subject.strip() and bool(words.fullmatch(bare))


def _same_sides(a: list[str], b: list[str]) -> bool:
    """Both name sides, and those of one are all among those of the other."""
    short, long_ = sorted((a, b), key=len)
    return bool(short) and all(any(same_name(x, y) for y in long_) for x in short)


def absorb(into: Agreement, other: Agreement) -> None:
    """Pool a twin's sides and date; a subject given by name wins over one given by its kind alone."""
    if _only_its_kind(into) and not _only_its_kind(other):
        into.subject = other.subject
    into.parties = into.parties if len(into.parties) >= len(other.parties) else other.parties
    into.date = better_date(into.date, other.date)


def sentence(fact: Agreement) -> str:
    return f"{fact.subject[0].upper()}{fact.subject[1:]}: {fact.status.value}."


def match(pred: Agreement, gold: Agreement) -> bool:
    """Evals: a similar subject (near text, or most of one's content words in the other: "FTA talks" ~
    "negotiations on a Free Trade Agreement")."""
    return fuzz.token_set_ratio(normalise(pred.subject), normalise(gold.subject)) >= 60 or \
        max(words_present(pred.subject, gold.subject), words_present(gold.subject, pred.subject)) >= 0.6


SPEC = register(FactSpec(
    kind="agreements", model=Agreement, label="Agreement", rules=rules, describe=describe,
    key_fields=("subject", "status"), scored_fields=("subject", "status", "kind", "parties", "date"),
    plan=plan, same_fact=same_fact, absorb=absorb, sentence=sentence, narrative_limit=3,
    headline=lambda fact: fact.subject, headline_rank=3, match=match,
))
