"""Who plays which role around a predicate, read from the dependency parse (:mod:`summarizer.text.nlp`).

A meeting is stated when its participants are arguments of one meeting predicate: its subjects
("Ruto and Mahama met"), its object ("Ruto received Mahama"), a with/between phrase ("talks with
Mahama", "talks between Ruto and Mahama"), its possessor ("Ruto's meeting with Mahama") or, for a
noun ("held a meeting with", "engaged in talks with"), the subject of the verb that governs it. A
name elsewhere in the sentence ("Before seeing Lula, Boric met Boluarte"; "Boric told Lula about his
talks with Boluarte") is not an argument.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import lexicon, nlp
from .dates import FUTURE
from .names import is_title_words

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "poss"}
_SETTINGS = {"in", "during", "at"}                    # "told X in a meeting": the meeting is where it was done
OBJECT_DEPS = {"dobj", "dative", "attr"}
PARTNER_PREPS = {"with", "between", "among", "on"}   # "met with", "talks between", "called on"
JOINT_SLOTS = {"subject", "between"}                  # slots that can hold every side of a meeting
# a name inside one of these is part of a title, not a person ("the Order of St Andrew")
NOT_PEOPLE = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


@dataclass(frozen=True)
class Slot:
    role: str      # subject, object, with, between
    start: int
    end: int


# dependencies only a noun phrase takes: a "verb" in one is a mistagged noun ("The grid operators Fingrid and
# Elering signed", where "operators" is tagged VERB)
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "appos", "poss", "compound"})


def _is_verb(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOMINAL


def _up_to_verb(token: Any) -> tuple[Any, list[Any]]:
    """The nearest verb at or above ``token`` (the sentence's root when none is), and the tokens passed
    on the way up."""
    path = []
    while not _is_verb(token) and token.head.i != token.i:
        path.append(token)
        token = token.head
    return token, path


def verb_between(text: str, start: int, end: int) -> bool:
    """Whether a verb stands in text[start:end] ("an invitation to visit Chile": Chile is what is visited)."""
    span = nlp.span_at(text, start, end) if text[start:end].strip() else None
    return span is not None and any(_is_verb(token) for token in span)


def _range(token: Any) -> tuple[int, int]:
    """The characters of the token's subtree (contiguous: the English parser is projective)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last.text)


def _antecedent(pronoun: Any) -> Any | None:
    """The person a "he" / "she" / "his" / "her" stands for: the subject of the nearest clause above the
    pronoun's that has one, when that subject is a name ("Von der Leyen flew to Montevideo, where she met
    Lacalle Pou"; "Orsi said he met Milei") or "who" after a name ("Boric thanked Lula, who said he met Milei")."""
    morph = pronoun.morph
    if pronoun.pos_ != "PRON" or morph.get("Person") != ["3"] or morph.get("Number") != ["Sing"] \
            or morph.get("Gender") not in (["Masc"], ["Fem"]):
        return None
    subject = _subject_above(pronoun)
    if subject is None or subject.pos_ == "PROPN":
        return subject
    return _relative_head(subject)


def _subject_above(pronoun: Any) -> Any | None:
    """The subject of the nearest clause above the pronoun's that has one."""
    for clause in pronoun.head.ancestors:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def _joint_antecedent(pronoun: Any) -> Any | None:
    """The names a "they" stands for: the subject of the nearest clause above the pronoun's that has one,
    when that subject is names joined by "and" ("Sharif and Li agreed to build a corridor as they held
    talks"); not a plural that names no one ("officials said they held talks")."""
    if pronoun.lower_ != "they" or pronoun.pos_ != "PRON":
        return None
    subject = _subject_above(pronoun)
    # names joined by "and"; the parser may tag the first name an adjective ("Boric and Boluarte")
    joined = subject is not None and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children)
    return subject if joined else None


def _relative_head(pronoun: Any) -> Any | None:
    """The name a relative "who" stands for: "Dombrovskis, who had held talks with Ruto"."""
    clause = pronoun.head
    if pronoun.tag_ == "WP" and clause.dep_ == "relcl" and clause.head.pos_ == "PROPN":
        return clause.head
    return None


def _name_range(token: Any) -> tuple[int, int]:
    """A name with the words before it ("European Commission President Ursula von der Leyen"), not the
    clauses after it ("Boric, who met Milei last week,")."""
    return token.left_edge.idx, token.idx + len(token.text)


def _own_slots(token: Any) -> list[Slot]:
    slots = []
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            slots.append(Slot("subject", *_range(child)))
            antecedent = _antecedent(child) or _relative_head(child)
            if antecedent is not None:
                slots.append(Slot("subject", *_name_range(antecedent)))
            joint = _joint_antecedent(child)
            if joint is not None:
                slots.append(Slot("subject", *_range(joint)))
        elif child.dep_ in OBJECT_DEPS:
            slots.append(Slot("object", *_range(child)))
        elif child.dep_ == "agent":  # "was received by King Charles": the actor
            slots.extend(Slot("subject", *_range(g)) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
            role = "between" if child.lower_ in ("between", "among") else "with"
            slots.extend(Slot(role, *_range(g)) for g in child.children if g.dep_ == "pobj")
            if role == "between":
                slots.extend(Slot(role, *_range(c)) for c in _second_of_between(child))
    return slots


def _second_of_between(prep: Any) -> list[Any]:
    """The side after "and" that the parser hung elsewhere: "talks between Prime Minister Lee and visiting
    President Sato", where "visiting" is read as a verb of its own. "between" takes both sides, so after
    one named side ("between Lee") the phrase that starts right after "and" is the second."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].tag_ != "NNP" or any(c.dep_ == "conj" for c in objects[0].children):
        return []
    after = objects[0].right_edge.i + 1
    doc = prep.doc
    if after + 1 >= len(doc) or doc[after].lower_ not in ("and", "&"):
        return []
    starting = [t for t in doc[after + 1:].sent if t.left_edge.i == after + 1 and t.i >= after + 1]
    return [max(starting, key=lambda t: t.right_edge.i)] if starting else []


def _governing_verb(token: Any) -> Any | None:
    """The verb a predicate noun or a subjectless verb takes its subject from: "held a meeting",
    "engaged in talks", "agreed to meet", "arrived and met", "spoke after meeting"."""
    if token.dep_ in ("dobj", "attr", "xcomp", "conj", "dep", "nsubj", "advcl"):
        head = token.head
        return head if head is not token and head.pos_ in ("VERB", "AUX") else None
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head  # "opened the port after holding talks": the opener held them
    if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
        return token.head  # a cue that is a whole phrase: "agreed in a phone call"
    # "on the occasion of the summit", "at talks in Oslo": up through prepositional phrases
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            return None
        token = token.head.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


_PROPOSED = lexicon.pattern("proposal_words")


def still_to_come(token: Any) -> bool:
    """Whether a predicate is put ahead of the telling or only put forward ("proposed a meeting between",
    lexicon ``proposal_words``): "will meet", "are expected to hold talks",
    "plans to meet", "will meet for a summit", "the upcoming summit", "will travel to Lima to meet" (the
    future-tense lexicon, read from the predicate's auxiliaries and those of the verbs it is the object,
    complement, prepositional object or purpose ("to meet") of)."""
    chain = [token]
    for _ in range(4):
        link = chain[-1]
        purpose = link.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in link.children)
        if (link.dep_ in ("xcomp", "dobj") or purpose) and link.head.pos_ in ("VERB", "AUX") and link.head is not link:
            chain.append(link.head)
        elif link.dep_ == "pobj" and link.head.dep_ == "prep" and link.head.head.pos_ in ("VERB", "AUX"):
            chain.append(link.head.head)
        else:
            break
    first = min([t.i for t in chain] + [c.i for t in chain for c in t.children
                                        if c.dep_ in ("aux", "auxpass", "amod") and c.i < token.i])
    told = token.doc[first:token.i + 1].text
    return bool(FUTURE.search(told) or _PROPOSED.search(told))


@lru_cache(maxsize=2048)
def predicate_slots(text: str, start: int, end: int, cue: re.Pattern[str],
                    settled: bool = False) -> tuple[tuple[Slot, ...], ...]:
    """For each predicate ``cue`` finds in text[start:end], the argument slots it has; with ``settled``,
    only predicates that are not still to come ("met", not "will meet"). Cached: a span is read for
    every fact that quotes it."""
    found = []
    for match in cue.finditer(text, start, end):
        span = nlp.span_at(text, match.start(), match.end())
        if span is None:
            continue
        if settled and any(still_to_come(word) for word in span):
            continue
        token = span.root
        # a cue of several words is one predicate: "held talks" has the subject of "held" and the
        # with-phrase of "talks", however the parser joined the two
        slots = list(dict.fromkeys(s for word in span for s in _own_slots(word)))
        verb = _governing_verb(token)
        # "talks between Ruto and Boluarte" names every side: the governing verb's subject is none of them
        if verb is not None and not any(s.role in JOINT_SLOTS for s in slots):
            # the meeting as the setting of an act between two ("told Faisal in a meeting", "assured him during
            # talks"): the one the act is done to was there too; not after or before it ("thanked Lula after talks")
            setting = token.dep_ == "pobj" and token.head.lower_ in _SETTINGS and token.head.head.i == verb.i
            slots += [s for s in _own_slots(verb) if s.role == "subject" or (setting and s.role == "object")]
            grand = _governing_verb(verb) if not any(s.role == "subject" for s in slots) else None
            if grand is not None:
                slots += [s for s in _own_slots(grand) if s.role == "subject"]
        found.append(tuple(slots))
    return tuple(found)


def received_from_a_relative(text: str, start: int, end: int, noun: re.Pattern[str]) -> list[tuple[int, int]]:
    """Who received what the subject of a relative clause brought from someone ("Kagame received Al-Khulaifi,
    who delivered an invitation from the emir": Kagame): for each ``noun`` in text[start:end] that is the object of
    a relative clause's verb and comes "from" someone, the other side of the verb the clause hangs on, as
    character ranges: that verb's subject where the clause follows it, its object where the clause is on the
    subject ("Wang, who conveyed an invitation from Xi, met Ruto": Ruto)."""
    found = []
    for match in noun.finditer(text, start, end):
        span = nlp.span_at(text, match.start(), match.end())
        if span is None:
            continue
        thing = span.root
        verb = thing.head
        if thing.dep_ not in OBJECT_DEPS or verb.dep_ != "relcl" \
                or not any(c.dep_ == "prep" and c.lower_ == "from" for c in thing.children):
            continue
        main, _ = _up_to_verb(verb.head)
        if not _is_verb(main):
            continue
        sides = SUBJECT_DEPS if verb.i > main.i else OBJECT_DEPS
        found += [_range(c) for c in main.children if c.dep_ in sides and c.dep_ != "poss"]
    return found


def inside_a_title(text: str, start: int, end: int) -> str | None:
    """The longer non-person name (a product, work, event or law) that text[start:end] is part of."""
    for entity in nlp.all_entities(text):
        if entity.label in NOT_PEOPLE and entity.start <= start and end <= entity.end \
                and end - start < entity.end - entity.start:
            return entity.text
    return None


def one_predicate_holds(slot_sets: Sequence[Sequence[Slot]], positions: list[list[tuple[int, int]]]) -> bool:
    """Whether one predicate has every party (each a list of (start, end) mentions) among its arguments,
    on at least two sides unless they share a joint slot ("Ruto and Mahama met", "talks between ...").
    A mention is one noun phrase: it is in the slot it starts in, though the parser ended the slot inside it
    ("received Qatar's Minister of State for Foreign Affairs Mohammed Al-Khulaifi", with "for ..." read as
    the verb's)."""
    for slots in slot_sets:
        placed = []
        for mentions in positions:
            slot = next((s for s in slots for a, b in mentions if s.start <= a < s.end), None)
            if slot is None:
                break
            placed.append(slot)
        else:
            if len(set(placed)) > 1 or placed[0].role in JOINT_SLOTS:
                return True
    return False


CLAUSE_DEPS = {"relcl", "acl", "xcomp", "ccomp", "advcl"}


def _objects(token: Any) -> list[Any]:
    """What a predicate acts on: its objects, and for a noun ("the signing of ...") its of-phrase."""
    found = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    return found


def in_what_was_done(text: str, start: int, end: int, cue: re.Pattern[str]) -> bool:
    """text[start:end] sits in a clause of its own inside the object of a ``cue`` predicate of its
    sentence: what the act concerns, not a side to it ("signed amendments that will take the Atacama
    project forward", "signed deals to expand trade with Nigeria")."""
    mention = nlp.span_at(text, start, end)
    if mention is None:
        return False
    sentence = mention.root.sent
    for match in cue.finditer(text, sentence.start_char, sentence.end_char):
        cue_span = nlp.span_at(text, match.start(), match.end())
        if cue_span is None:
            continue
        for obj in _objects(cue_span[0]):
            token, own_clause = mention.root, False
            while token.i != obj.i and token.head.i != token.i:
                own_clause = own_clause or token.dep_ in CLAUSE_DEPS
                token = token.head
            if token.i == obj.i and own_clause:
                return True
    return False


_REPORTING = frozenset(lexicon.words("reporting_verbs"))
_OWN_CLAUSE = {"acl", "relcl", "xcomp", "advcl"}
_UP_TO_VERB = {"prep", "pobj", "npadvmod", "tmod", "compound", "amod", "nummod", "det", "appos"}


def _in_a_sentence_with_acts(text: str, start: int, end: int, cue: re.Pattern[str]) -> tuple[Any, set[int]] | None:
    """The parsed span text[start:end] and the token indices of the ``cue`` acts in its sentence, or
    None when the sentence has none (then nothing can belong to another act)."""
    span = nlp.span_at(text, start, end)
    if span is None:
        return None
    sentence = span.root.sent
    acts_i = _acts(text, sentence.start_char, sentence.end_char, cue)
    return (span, set(acts_i)) if acts_i else None


@lru_cache(maxsize=512)
def _acts(text: str, start: int, end: int, cue: re.Pattern[str]) -> frozenset[int]:
    """The token indices where ``cue`` acts begin in text[start:end]."""
    acts = [nlp.span_at(text, m.start(), m.end()) for m in cue.finditer(text, start, end)]
    return frozenset(a[0].i for a in acts if a is not None)


def _another_act(verb: Any, acts_i: set[int]) -> str | None:
    """``verb`` when it is an act of its own: neither one of ``acts_i``, nor a verb over one ("held
    talks on Tuesday during which they signed"), nor a clause of one ("a deal to buy Arm in January",
    "the summit to be held on May 2", also when the parser attached that clause elsewhere), nor a
    reporting verb ("signed ..., officials announced on Tuesday")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.i in acts_i or verb.lemma_.lower() in _REPORTING:
        return None
    if any(verb.doc[i] in verb.subtree for i in acts_i):
        return None
    if (verb.head.i in acts_i and verb.dep_ in _OWN_CLAUSE and not _done_to_a_noun(verb)) \
            or verb.left_edge.i - 1 in acts_i:
        return None
    return str(verb.text)


def _done_to_a_noun(verb: Any) -> bool:
    """A bare past participle set off by commas ("agreed to resume a dialogue, last held in 2019, ..."): it
    tells what was done to a noun before, whatever the parser hung it on."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.left_edge.i - 1].text == "," \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children)


def act_of(text: str, start: int, end: int, cue: re.Pattern[str]) -> str | None:
    """The other act a date text[start:end] belongs to, when its sentence has a ``cue`` act and the
    phrase hangs on another verb: "signed the pact, concluding a process started in 2013" -> "started".
    None when it is the act's own (see :func:`_another_act`)."""
    found = _in_a_sentence_with_acts(text, start, end, cue)
    if found is None:
        return None
    token, acts_i = found[0].root, found[1]
    while token.pos_ not in ("VERB", "AUX") and token.dep_ in _UP_TO_VERB and token.head.i != token.i:
        token = token.head
    if token.lemma_.lower() in _REPORTING and _reported_after(token, acts_i):
        return str(token.text)
    return _another_act(token, acts_i)


def complement_of(text: str, start: int, end: int, cue: re.Pattern[str]) -> str | None:
    """The verb of a ``cue`` act's complement that text[start:end] hangs on: "agreed to hold joint exercises
    next year" -> "hold", and of its purpose ("signed a memorandum on Monday to begin talks" -> "begin"); None
    when it hangs on the act or elsewhere."""
    verb = _complement(text, start, end, cue)
    return str(verb.text) if verb is not None else None


def complement_span(text: str, start: int, end: int, cue: re.Pattern[str]) -> tuple[int, int] | None:
    """The characters of the complement or purpose of a ``cue`` act that text[start:end] hangs on (see
    :func:`complement_of`), or None."""
    verb = _complement(text, start, end, cue)
    return _range(verb) if verb is not None else None


def _complement(text: str, start: int, end: int, cue: re.Pattern[str]) -> Any | None:
    found = _in_a_sentence_with_acts(text, start, end, cue)
    if found is None:
        return None
    verb, _ = _up_to_verb(found[0].root)
    purpose = verb.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    on_act = verb.head.i in found[1] or (verb.dep_ == "acl" and verb.head.head.i in found[1])
    return verb if (verb.dep_ == "xcomp" or purpose) and on_act else None


_SEQUENCE = frozenset(lexicon.words("sequence_words"))


def _reported_after(verb: Any, acts_i: set[int]) -> bool:
    """Whether the reporting ``verb`` tells of its own moment after an act of others: "the two countries said
    in a statement on Monday, following talks between Sisi and Tamim" (the act, with every side of it, in a
    "following" or "after" phrase of the verb). Not "Mohammed VI and Buhari announced on Saturday after
    talks in Abuja", where those who met announce."""
    return any(child.dep_ == "prep" and child.lower_ in _SEQUENCE and any(
        verb.doc[i] in child.subtree and any(c.dep_ == "prep" and c.lower_ in ("between", "among")
                                             for c in verb.doc[i].children) for i in acts_i)
               for child in verb.children)


def doer_of(text: str, start: int, end: int, cue: re.Pattern[str]) -> str | None:
    """The other act whose doer the name text[start:end] is, when its sentence has a ``cue`` act: "Chile
    and Peru signed a pact that the President of Bolivia praised" -> "praised" for Bolivia, "a deal brokered
    by Qatar" -> "brokered" for Qatar. None when the name is not the subject or agent of another act (see
    :func:`_another_act`)."""
    found = _in_a_sentence_with_acts(text, start, end, cue)
    if found is None:
        return None
    token, path = _up_to_verb(found[0].root)
    # its subject, or the agent of a passive ("a deal brokered by China")
    as_subject = any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.dep_ == "agent") for t in path)
    if not as_subject:
        return None
    if _heads_a_doer(token, found[1]):
        return None
    other = _another_act(token, found[1])
    if other is None and token.pos_ in ("VERB", "AUX") and token.i not in found[1] and _named_doers(token, found[1]):
        return str(token.text)  # "Chen called on Oli, ... the agreement that Oli signed": Chen signed nothing
    return other


_LEADING = frozenset(lexicon.words("leading_verbs"))


def _heads_a_doer(verb: Any, acts_i: set[int]) -> bool:
    """Whether ``verb`` names a group by its head, the group being the subject of an act ("a consortium led by
    XRG made an offer"): the one it names is a side too."""
    group = verb.head
    return verb.lower_ in _LEADING and verb.dep_ == "acl" and group.dep_ in ("nsubj", "nsubjpass") \
        and any(verb.doc[i] in group.head.subtree for i in acts_i)


def _named_doers(verb: Any, acts_i: set[int]) -> bool:
    """Whether every act under ``verb`` names its own doer as its subject ("the pact that Oli signed"), so
    the subject of ``verb`` is not one by governing it ("they held talks during which they signed" is)."""
    under = [verb.doc[i] for i in acts_i if verb.doc[i] in verb.subtree]
    return bool(under) and all(act.pos_ == "VERB" and act.i != verb.i
                               and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in act.children) for act in under)


def verb_over(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause a phrase text[start:end] belongs to, as the (sentence, token) index of the nearest verb
    above it: "exports fell 9.6% to $19bn, while imports rose 2.1% to $13bn" puts "2.1%" and "$13bn" under
    "rose", "$19bn" under "fell". None when no verb is above it."""
    span = nlp.span_at(text, start, end)
    if span is None:
        return None
    token, _ = _up_to_verb(span.root)
    return (token.sent.start, token.i) if token.pos_ in ("VERB", "AUX") else None


def in_another_clause(text: str, start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether text[start:end] and text[other_start:other_end] hang on verbs of two clauses, each with its own
    subject: "Sales of phosphates climbed to $4bn, and the automotive sector earned $7bn" (not "Exports of
    garments rose 5% and reached $10bn", where the second verb shares the first's subject)."""
    one, two = nlp.span_at(text, start, end), nlp.span_at(text, other_start, other_end)
    if one is None or two is None or one.root.sent.start != two.root.sent.start:
        return False
    first, _ = _up_to_verb(one.root)
    second, _ = _up_to_verb(two.root)
    if first.i == second.i or first.pos_ not in ("VERB", "AUX") or second.pos_ not in ("VERB", "AUX"):
        return False
    own_subject = [any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) for verb in (first, second)]
    return all(own_subject)


def in_a_clause_of_its_own(text: str, start: int, end: int, figure_start: int, figure_end: int) -> str | None:
    """The verb of the clause of its own that text[start:end] hangs on, where a figure of the same sentence
    hangs on another verb: "paid Rs 3,954 crore ..., after the regulator cleared the deal last week" ->
    "cleared", "Holcim, which spun off a unit in June, reported sales of ..." -> "spun". A clause of its own
    is an adverbial or relative clause with a subject (a relative pronoun too); None otherwise."""
    phrase, figure = nlp.span_at(text, start, end), nlp.span_at(text, figure_start, figure_end)
    if phrase is None or figure is None or phrase.root.sent.start != figure.root.sent.start:
        return None
    verb, _ = _up_to_verb(phrase.root)
    figure_verb, _ = _up_to_verb(figure.root)
    if verb.i == figure_verb.i or figure.root in verb.subtree or verb.dep_ not in ("advcl", "relcl"):
        return None
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # "which spun off ... in June"
    return str(verb.text) if own_subject else None


def clause_of_another_act(text: str, start: int, end: int, cue: re.Pattern[str]) -> str | None:
    """The verb of another clause a name text[start:end] sits in, when its sentence has a ``cue`` act:
    "Chevron agreed to buy Hess, giving it a stake in Guyana's fields" -> "giving" for Guyana; "signed in a
    ceremony presided over by Ruto" -> "presided". None for the act's own words: the act, its complement
    or purpose ("agreed to buy Hess", "signed a deal to build a port with Oman"), a verb over it ("held
    talks, during which they signed") or a reporting verb."""
    found = _in_a_sentence_with_acts(text, start, end, cue)
    if found is None:
        return None
    verb, acts_i = _up_to_verb(found[0].root)[0], found[1]
    if _heads_a_doer(verb, acts_i):
        return None
    for _ in range(4):
        if verb.pos_ not in ("VERB", "AUX") or verb.i in acts_i or verb.lemma_.lower() in _REPORTING \
                or any(verb.doc[i] in verb.subtree for i in acts_i) \
                or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            return None
        if verb.dep_ == "pcomp":  # "a statement on deepening China-Russia ties": what it is about
            return None
        if verb.dep_ != "conj":  # "signed and ratified": the act's own
            return str(verb.text)
        verb = verb.head
    return None


def names_a_nationality(text: str, start: int, end: int) -> bool:
    """Whether the country word text[start:end] gives the nationality of a name through a noun that is
    no title: "Swiss drugmaker Novartis", "German biotech firm MorphoSys", "Japanese carmaker Toyota"
    (a company of that country, not the country), "a German utility"; not "Chilean President Gabriel Boric"
    nor "Chilean officials"."""
    span = nlp.span_at(text, start, end)
    if span is None or span.root.dep_ not in ("amod", "compound"):
        return False
    head = span.root.head
    while head.dep_ in ("amod", "compound") and head.pos_ in ("NOUN", "ADJ") and head.head.i != head.i:
        head = head.head
    named = head if head.pos_ == "PROPN" else next((c for c in head.children if c.dep_ == "appos"
                                                     and c.pos_ == "PROPN"), None)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    if named is None and head.pos_ == "NOUN" and indefinite:
        # "a German utility": one of that country's, not the country ("a Chilean delegation" acts for it)
        return not (is_title_words(head.text) or _STATE_BODY.fullmatch(head.text))
    if named is None or named.i <= span.root.i:
        return False
    nouns = [t for t in span.doc[span.end:named.i] if t.pos_ in ("NOUN", "ADJ")]
    return bool(nouns) and not any(is_title_words(t.text) for t in nouns)


_STATE_BODY = lexicon.pattern("state_bodies")
_NO_NAME_WORD = frozenset({"PERSON", "DATE", "TIME", "GPE", "LOC", "CARDINAL"})  # "On Monday Egypt ..."
_NOT_A_NAME = frozenset(w.lower() for w in (*lexicon.words("sentence_openers"), *lexicon.words("anaphoric_determiners")))


def in_an_organisations_name(text: str, start: int, end: int) -> bool:
    """Whether the country word text[start:end] is a word of a longer capitalised name ("Anglo American",
    "Korean Air", "U.S. Steel"): a capitalised word runs into it on either side that is no title, no country
    word and no person ("Chilean President Gabriel Boric", "Canadian Mark Carney" keep their country)."""
    from .countries import iso_code
    from .names import country_of

    span = nlp.span_at(text, start, end)
    if span is None:
        return False
    doc = span.doc

    def name_word(token: Any) -> bool:
        return token.text[:1].isupper() and token.is_alpha and not is_title_words(token.text) \
            and iso_code(country_of(token.text) or token.text) is None and token.lower_ not in _NOT_A_NAME \
            and token.ent_type_ not in _NO_NAME_WORD

    sentence = span.root.sent
    if any(t.text[:1].isupper() and t.pos_ in ("CCONJ", "ADP", "DET", "AUX", "PART") for t in sentence[1:]):
        return False  # a headline in title case ("Spain And Morocco Sign Accords") capitalises every word

    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    # the capitalised words after it, through "and" / "of": a title among them makes them an office ("UK
    # Business and Trade Secretary Jonathan Reynolds")
    run = []
    for token in doc[span.end:span.end + 6]:
        if not (token.text[:1].isupper() or token.lower_ in ("and", "of")):
            break
        run.append(token)
    office = any(is_title_words(t.text) for t in run)
    return bool((before is not None and before.whitespace_ == " " and before.sent == span.root.sent
                 and name_word(before)) or (after is not None and span[-1].whitespace_ == " " and name_word(after)
                                            and not office))


def possessed_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The characters of the proper name that the name text[start:end] possesses ("Malaysia's Axiata Group"
    -> "Axiata Group"), or None when it possesses no proper name."""
    span = nlp.span_at(text, start, end)
    if span is None or span.root.dep_ != "poss" or span.root.head.pos_ != "PROPN":
        return None
    head = span.root.head
    first = next((t for t in span.doc[span.root.i + 1:head.i + 1] if t.dep_ != "case"), head)
    return first.idx, head.idx + len(head.text)


def reporter_of(text: str, start: int, end: int, cue: re.Pattern[str]) -> str | None:
    """The reporting verb whose subject the name text[start:end] is, when the ``cue`` act of its sentence
    has a subject of its own that is no pronoun and does not hold the name: "The two sides are negotiating
    a treaty, Foreign Minister Kombo said" -> "said" for Kombo; an act named by a noun ("the two premiers
    witnessed the signing of 23 MoUs, the Foreign Office said") has its verb's subject. None for "Vestra
    said it had agreed to buy Nordvind", where the pronoun is the reporter."""
    found = _in_a_sentence_with_acts(text, start, end, cue)
    if found is None:
        return None
    span, acts_i = found
    token, path = _up_to_verb(span.root)
    if not any(t.dep_ == "nsubj" for t in path) or token.lemma_.lower() not in _REPORTING:
        return None
    for i in acts_i:
        act, _ = _up_to_verb(span.doc[i])  # a named act ("witnessed the signing of") is its verb's
        if act.i == token.i:
            return None  # the reporter reports the act itself: "the ministry announced the signing of"
        subject = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.tag_ == "PRP" or (subject.left_edge.idx <= start
                                                         and end <= subject.right_edge.idx + len(subject.right_edge)):
            return None
    return str(token.text)


_PART_OF = lexicon.pattern("part_words")
_OTHER_CLAUSE = {"relcl", "acl", "advcl", "parataxis"}


def _within(token: Any, top: Any) -> bool:
    """Whether ``token`` lies in the phrase of ``top`` without crossing into a clause of its own (a
    relative or adverbial clause, a verb joined by "and")."""
    while token.i != top.i:
        if token.dep_ in _OTHER_CLAUSE or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")) \
                or token.head.i == token.i:
            return False
        token = token.head
    return True


def clause_holds(text: str, start: int, end: int, thing: re.Pattern[str]) -> bool | None:
    """Whether the clause of the act at text[start:end] names ``thing``: the act's phrase without the
    clauses inside it or joined to it ("signed an accord that replaces a treaty" does not name the treaty),
    or a phrase the act is part of ("the accord, signed on Friday"); or whether ``thing`` is named as part of
    something ("includes a pact", "among them a treaty"). "The plan, which the governments approved,
    commits them to a review of the pact" -> False for "pact". None when the act's sentence does not name
    ``thing``."""
    if thing.search(text, start, end):  # "reached an agreement": the act names it itself
        return True
    act = nlp.span_at(text, start, end)
    if act is None:
        return None
    sentence = act.root.sent
    named = [span.root for m in thing.finditer(text, sentence.start_char, sentence.end_char)
             if (span := nlp.span_at(text, m.start(), m.end())) is not None]
    if not named:
        return None
    verbs = list(act)
    if not any(c.dep_ in OBJECT_DEPS for c in act.root.children):  # "signed and issued a statement"
        verbs += [v for v in act.root.conjuncts if v.pos_ in ("VERB", "AUX")]
    # an adverbial clause tells of the clause it hangs on: "the accord was not signed because talks are under way"
    verbs += [a.head for a in (act.root, *act.root.ancestors) if a.dep_ == "advcl"][:1]
    if any(_within(mention, word) for mention in named for word in verbs):
        return True
    above = {a.i for word in act for a in word.ancestors}
    return any(mention.i in above or any(_PART_OF.fullmatch(a.text) for a in mention.ancestors) for mention in named)


_ACQUIRE = lexicon.pattern("acquisition_verbs")


def goods_sold(text: str, start: int, end: int) -> str | None:
    """The verb of a sale whose goods the name text[start:end] modifies, when the sale names both sides
    itself (a subject, and "to" or "from" the other): "Britain agreed to sell 20 Eurofighter Typhoon jets to
    Turkey" -> "sell" for Eurofighter Typhoon. None for "IndiGo agreed to buy 500 Airbus planes", where the
    maker may be the seller."""
    span = nlp.span_at(text, start, end)
    if span is None:
        return None
    noun = span.root
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun is span.root or noun.dep_ != "dobj" or not _ACQUIRE.fullmatch(verb.lemma_):
        return None
    other_side = any(c.dep_ == "prep" and c.lower_ in ("to", "from") and any(g.dep_ == "pobj" for g in c.children)
                     for c in verb.children)
    doer = verb if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else _governing_verb(verb)
    has_subject = doer is not None and any(c.dep_ == "nsubj" for c in doer.children)
    return str(verb.text) if other_side and has_subject else None


_PRESENCE = re.compile(r"(?:" + lexicon.alternation("presence_phrases") + r")$", re.IGNORECASE)


def only_present(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is named as present at an act, not as one of its doers: "signed by
    the two finance ministers in the presence of President William Ruto and his Ghanaian counterpart John
    Mahama" (also each name joined to the first)."""
    span = nlp.span_at(text, start, end)
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("conj", "appos", "compound", "nmod") and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return bool(_PRESENCE.search(prep.doc[max(prep.sent.start, prep.i - 4):prep.i + 1].text))
