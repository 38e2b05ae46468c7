"""The checker reads a quote the way a careful reader does: the field a quote leaves out may be in its
sentence, its neighbours, the headline, the dateline or the publication date; values are compared as
a person compares them. Every article here is written for the test, with actors from elsewhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from summarizer.articles import Article
from summarizer.grounding.checker import check
from summarizer.grounding.fields import Verdict, leaders_of
from summarizer.schema import (
    Agreement,
    DateRef,
    EventSummary,
    Evidence,
    Invitation,
    Meeting,
    TradeFigure,
)
from summarizer.text.names import find_mentions


def _article(text: str, published: dt.date | None = dt.date(2025, 3, 5), title: str | None = None) -> Article:
    return Article(id="a1", text=text, published=published, title=title)


def _check(fact, article: Article, strict_quotes: bool = False):
    kind = {Meeting: "meetings", Agreement: "agreements", TradeFigure: "trade_figures",
            Invitation: "invitations"}[type(fact)]
    summary = EventSummary(title="t", **{kind: [fact]})
    return check(summary, [article], strict_quotes=strict_quotes).facts[0]


def _evidence(*quotes: str) -> list[Evidence]:
    return [Evidence(article_id="a1", quote=q) for q in quotes]


NAIROBI = _article("NAIROBI, March 3 (Reuters) - Kenyan President William Ruto met Ghana's President John Mahama "
                   "on Monday. The two leaders discussed a visa waiver.\n\nThey will meet again on Friday.")


def test_place_from_the_dateline_supports_the_fact_and_says_the_quote_is_incomplete() -> None:
    fact = Meeting(participants=["William Ruto", "John Mahama"], location="Nairobi",
                   evidence=_evidence("Kenyan President William Ruto met Ghana's President John Mahama"))
    checked = _check(fact, NAIROBI)
    assert checked.verdict == Verdict.supported
    assert checked.fields["location"].found_in == "dateline"
    assert checked.quote_incomplete() == ["location: dateline"]
    assert _check(fact, NAIROBI, strict_quotes=True).fields["location"].verdict == Verdict.unsupported


def test_a_place_is_supported_by_a_place_within_it_not_the_other_way() -> None:
    quote = "Kenyan President William Ruto met Ghana's President John Mahama"
    country = Meeting(participants=["William Ruto", "John Mahama"], location="Kenya", evidence=_evidence(quote))
    assert _check(country, NAIROBI).fields["location"].verdict == Verdict.supported
    city = Meeting(participants=["William Ruto", "John Mahama"], location="Mombasa", evidence=_evidence(quote))
    assert _check(city, NAIROBI).fields["location"].verdict == Verdict.unsupported


def test_compound_place_needs_every_part() -> None:
    article = _article("Chilean President Gabriel Boric received Peru's Dina Boluarte at La Moneda palace in "
                       "Santiago on Tuesday.")
    quote = "Chilean President Gabriel Boric received Peru's Dina Boluarte at La Moneda palace in Santiago"
    good = Meeting(participants=["Gabriel Boric", "Dina Boluarte"], location="La Moneda, Santiago",
                   evidence=_evidence(quote))
    assert _check(good, article).fields["location"].verdict == Verdict.supported
    bad = good.model_copy(update={"location": "La Moneda, Lima"})
    assert _check(bad, article).fields["location"].verdict == Verdict.unsupported


@pytest.mark.parametrize(("location", "verdict"), [
    ("State House, Lima, Peru", Verdict.supported),     # the country the city found as the place lies in
    ("State House, Lima, Chile", Verdict.unsupported),  # not another one
])
def test_a_country_holds_where_the_city_found_as_the_place_lies_in_it(location: str, verdict: Verdict) -> None:
    # the tagger may read "Lima on Monday" as a date: the hierarchy goes by the place the fact gives
    article = _article("Peru's President Dina Boluarte received Kenya's William Ruto at State House in Lima on "
                       "Monday before the leaders of the region met.")
    quote = "Peru's President Dina Boluarte received Kenya's William Ruto at State House in Lima on Monday"
    fact = Meeting(participants=["Dina Boluarte", "William Ruto"], location=location, evidence=_evidence(quote))
    assert _check(fact, article).fields["location"].verdict == verdict


@pytest.mark.parametrize(("location", "verdict"), [
    ("Hue, Vietnam", Verdict.supported),       # a city in its English spelling (GeoNames: "Huế")
    ("Hue, Cambodia", Verdict.unsupported),
])
def test_a_city_in_another_spelling_still_lies_in_its_country(location: str, verdict: Verdict) -> None:
    quote = "Laotian Prime Minister Sonexay Siphandone held talks with Pham Minh Chinh in the ancient city of Hue"
    fact = Meeting(participants=["Sonexay Siphandone", "Pham Minh Chinh"], location=location, evidence=_evidence(quote))
    assert _check(fact, _article(quote + " on Monday.")).fields["location"].verdict == verdict


@pytest.mark.parametrize(("location", "verdict"), [
    ("Durban, KwaZulu-Natal", Verdict.supported),           # a province written after the city in it
    ("Durban, KwaZulu-Natal, South Africa", Verdict.supported),  # and the country the province lies in
    ("Ballito, KwaZulu-Natal", Verdict.unsupported),        # the city must be the one named
    ("Ontario", Verdict.unsupported),                       # a province no place is in here
])
def test_a_region_written_after_a_place_is_where_the_place_is(location: str, verdict: Verdict) -> None:
    article = _article("Ghana's President John Mahama accepted Ramaphosa's invitation to attend the investment "
                       "conference in Durban, KwaZulu-Natal, officials said.")
    fact = Invitation(inviter="Cyril Ramaphosa", invitee="John Mahama", destination=location,
                      evidence=_evidence("accepted Ramaphosa's invitation to attend the investment conference in "
                                         "Durban, KwaZulu-Natal"))
    assert _check(fact, article).fields["destination"].verdict == verdict


def test_phone_talks_are_held_remotely() -> None:
    text = "Chilean President Gabriel Boric held phone talks with Peru's Dina Boluarte on Monday."
    fact = Meeting(participants=["Gabriel Boric", "Dina Boluarte"], location="by phone",
                   evidence=_evidence(text.rstrip(".")))
    assert _check(fact, _article(text)).fields["location"].verdict == Verdict.supported


@pytest.mark.parametrize(("sentence", "location", "verdict"), [
    # a place named in apposition to a noun of places is the place
    ("Boric met Lula at his official residence, Cerro Castillo, on Friday.", "Cerro Castillo", Verdict.supported),
    ("Boric met Lula in the Chilean capital, Santiago, on Friday.", "Santiago", Verdict.supported),
    ("Boric met Lula in the talks, Ana Lopez said on Friday.", "Ana Lopez", Verdict.unsupported),
    # and one a noun of places names
    ("Chinh met Siphandone in the ancient city of Hue on Monday.", "Hue", Verdict.supported),
    ("Erdogan met Aliyev in the Black Sea resort of Sochi on Monday.", "Sochi", Verdict.supported),
    ("Boric met Lula in the presence of Ana Lopez on Friday.", "Ana Lopez", Verdict.unsupported),
])
def test_a_place_in_apposition_to_a_noun_of_places(sentence: str, location: str, verdict: Verdict) -> None:
    fact = Meeting(participants=["Boric", "Lula"], location=location, evidence=_evidence(sentence.rstrip(".")))
    assert _check(fact, _article(sentence)).fields["location"].verdict == verdict


@pytest.mark.parametrize(("participants", "verdict"), [
    (["Paul Kagame", "Felix Tshisekedi"], Verdict.supported),
    (["KIGALI", "Felix Tshisekedi"], Verdict.unsupported),   # the place the story was filed from
    (["Kigali", "Felix Tshisekedi"], Verdict.unsupported),
])
def test_the_datelines_place_is_no_participant(participants: list[str], verdict: Verdict) -> None:
    article = _article("KIGALI, June 3 (Wire) - Rwanda's President Paul Kagame held talks with Congolese President "
                       "Felix Tshisekedi on Tuesday.")
    quote = ("KIGALI, June 3 (Wire) - Rwanda's President Paul Kagame held talks with Congolese President Felix "
             "Tshisekedi on Tuesday.")
    fact = Meeting(participants=participants, evidence=_evidence(quote))
    assert _check(fact, article).fields["participants"].verdict == verdict


@pytest.mark.parametrize(("participants", "verdict"), [
    (["Thongloun Sisoulith", "Communist Party General Secretary"], Verdict.supported),  # the title names him
    (["Thongloun Sisoulith", "Communist Party"], Verdict.unsupported),                  # the party does not
])
def test_a_participant_written_as_the_other_s_title_is_that_person(participants: list[str], verdict: Verdict) -> None:
    text = ("Lao President Thongloun Sisoulith held talks with Vietnamese Communist Party General Secretary To Lam "
            "on Monday.")
    fact = Meeting(participants=participants, evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["participants"].verdict == verdict


KIGALI_TALKS = "KIGALI (Wire) -- Rwanda's President Paul Kagame held talks with Felix Tshisekedi in Kigali on Tuesday."


@pytest.mark.parametrize(("text", "participants", "verdict"), [
    (KIGALI_TALKS, ["Paul Kagame", "Felix Tshisekedi"], Verdict.supported),
    (KIGALI_TALKS, ["Paul Kagame", "Felix Tshisekedi", "KIGALI"], Verdict.unsupported),  # the dateline's, and a place
    (KIGALI_TALKS, ["KIGALI", "Felix Tshisekedi"], Verdict.unsupported),
    ("Paul Kagame held talks with Felix Tshisekedi in Kigali.", ["Paul Kagame", "Felix Tshisekedi", "Kigali"],
     Verdict.unsupported),
    # a person after "to" is still a participant
    ("General Secretary To Lam held talks with Hun Manet.", ["To Lam", "Hun Manet"], Verdict.supported),
])
def test_a_place_named_in_the_dateline_or_as_the_place_is_no_participant(text: str, participants: list[str],
                                                                       verdict: Verdict) -> None:
    fact = Meeting(participants=participants, evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["participants"].verdict == verdict


@pytest.mark.parametrize(("second", "iso", "verdict"), [
    ("Imports climbed 8% to RM110 billion, leaving a trade surplus of RM20 billion for the month.", "2025-08",
     Verdict.supported),   # the month of the lead
    ("Imports climbed 8% to RM110 billion, leaving a trade surplus of RM20 billion for the month.", "2025-07",
     Verdict.unsupported),
    # a release names its period once, at the top: a later trade figure that names none is of that period
    ("Imports climbed 8% to RM110 billion.", "2025-08", Verdict.supported),
    ("Imports climbed 8% to RM110 billion.", "2025-07", Verdict.unsupported),
    ("Imports are expected to climb 8% to RM110 billion.", "2025-08", Verdict.unsupported),  # still to come
    ("Imports climbed 8% to RM110 billion in July, leaving a surplus for the month.", "2025-08",
     Verdict.unsupported),  # a sentence with a month of its own never takes the lead's
])
def test_a_period_referred_to_comes_from_the_lead(second: str, iso: str, verdict: Verdict) -> None:
    article = _article("KUALA LUMPUR - Malaysia's exports rose 12% in August to RM130 billion, the statistics "
                       f"department said on Friday.\n\n{second}", published=dt.date(2025, 9, 19))
    imports = TradeFigure(metric="imports", value=110, scale="billion", currency="MYR",
                          period=DateRef(text="August", iso=iso),
                          evidence=_evidence(re.split(r",| in July", second)[0].rstrip(".")))
    assert _check(imports, article).fields["period"].verdict == verdict


@pytest.mark.parametrize(("lead", "later", "iso", "verdict"), [
    ("Chile's trade surplus widened to $2.1 billion in September from $1.4 billion in August, the central bank said "
     "on Tuesday.", "Imports were little changed at $6.0 billion.", "2025-09", Verdict.supported),
    ("Chile's trade surplus widened to $2.1 billion in September from $1.4 billion in August, the central bank said "
     "on Tuesday.", "Imports were little changed at $6.0 billion.", "2025-08", Verdict.unsupported),  # a base
    ("Chile's trade surplus widened to $2.1 billion in September from $1.4 billion in August, the central bank said "
     "on Tuesday.", "Copper shipments abroad rose 9% to $4.3 billion, led by sales to India.", "2025-09",
     Verdict.supported),
    # no trade measure in the later sentence: the reserves are no figure of the release
    ("Chile's trade surplus widened to $2.1 billion in September from $1.4 billion in August, the central bank said "
     "on Tuesday.", "The central bank holds reserves of $6.0 billion.", "2025-09", Verdict.unsupported),
    # the lead's month dates an act, not a figure of the release
    ("Chile and Peru agreed in September to cut tariffs on fruit, the ministers said on Tuesday.",
     "Imports from Peru were $6.0 billion.", "2025-09", Verdict.unsupported),
])
def test_a_trade_release_names_its_period_once(lead: str, later: str, iso: str, verdict: Verdict) -> None:
    article = _article(f"SANTIAGO - {lead}\n\nThe figures were published late.\n\n{later}",
                       published=dt.date(2025, 10, 7))
    quote = later.rstrip(".")
    figure = TradeFigure(metric="imports", value=6.0 if "6.0" in later else 4.3, scale="billion", currency="USD",
                         period=DateRef(text="September", iso=iso), evidence=_evidence(quote))
    assert _check(figure, article).fields["period"].verdict == verdict


@pytest.mark.parametrize(("dateline", "country", "verdict"), [
    ("BALLITO, KwaZulu-Natal -", "South Africa", Verdict.supported),   # the province after the town
    ("BALLITO, KwaZulu-Natal -", "Mozambique", Verdict.unsupported),
    ("SANUR, Bali -", "Indonesia", Verdict.supported),    # a province first, though a town elsewhere bears its name
    ("SANUR, Bali -", "India", Verdict.unsupported),
])
def test_the_region_of_a_dateline_places_the_story(dateline: str, country: str, verdict: Verdict) -> None:
    article = _article(f"{dateline} President Cyril Ramaphosa met Mozambique's Daniel Chapo on Friday.")
    fact = Meeting(participants=["Cyril Ramaphosa", "Daniel Chapo"], location=country,
                   evidence=_evidence("President Cyril Ramaphosa met Mozambique's Daniel Chapo on Friday"))
    assert _check(fact, article).fields["location"].verdict == verdict


def test_future_weekday_resolves_forward() -> None:
    quote = "They will meet again on Friday"
    article = _article(NAIROBI.text, published=dt.date(2025, 3, 5))  # a Wednesday
    ahead = Meeting(participants=["William Ruto", "John Mahama"], date=DateRef(text="on Friday", iso="2025-03-07"),
                    evidence=_evidence(quote))
    assert _check(ahead, article).fields["date"].verdict == Verdict.supported
    behind = ahead.model_copy(update={"date": DateRef(text="on Friday", iso="2025-02-28")})
    assert _check(behind, article).fields["date"].verdict == Verdict.contradicted


def test_parties_named_collectively_come_from_the_sentence_before() -> None:
    article = _article("Chile and Peru met in Lima to review the border. The two countries signed a customs "
                       "protocol on Tuesday.")
    together = Agreement(subject="customs protocol", status="signed", parties=["Chile", "Peru"],
                         evidence=_evidence("The two countries signed a customs protocol"))
    checked = _check(together, article)
    assert checked.verdict == Verdict.supported
    assert checked.fields["parties[1]"].found_in == "neighbours"
    # a quote that names one party does not take the other from a neighbour
    article = _article("Peru met Chile in Lima to review the border. Chile signed a customs protocol on Tuesday.")
    alone = together.model_copy(update={"evidence": _evidence("Chile signed a customs protocol")})
    assert _check(alone, article).fields["parties[1]"].verdict == Verdict.unsupported


@pytest.mark.parametrize(("reference", "verdict"), [
    ("The pair", Verdict.supported),     # two people named before, as one
    ("The duo", Verdict.supported),
    ("The minister", Verdict.unsupported),   # one of them: not both sides
])
def test_the_pair_stands_for_the_two_people_named_before(reference: str, verdict: Verdict) -> None:
    article = _article("Ghana's President John Mahama met Senegalese President Bassirou Diomaye Faye in Dakar on "
                       f"Monday. {reference} agreed to build a gas pipeline along the coast.")
    pipeline = Agreement(subject="gas pipeline", status="agreed", parties=["Ghana", "Senegal"],
                         evidence=_evidence(f"{reference} agreed to build a gas pipeline"))
    assert _check(pipeline, article).fields["parties[1]"].verdict == verdict


def test_a_collective_in_the_rest_of_the_quotes_sentence_lets_the_parties_come_from_before() -> None:
    article = _article("Trade between Chile and Peru reached a record. Boric set out plans for a joint lithium "
                       "venture, a sign of the alignment between the two countries.")
    plans = Agreement(subject="joint lithium venture", status="discussed", parties=["Chile", "Peru"],
                      evidence=_evidence("Boric set out plans for a joint lithium venture"))
    checked = _check(plans, article)
    assert checked.fields["parties[1]"].verdict == Verdict.supported
    assert checked.fields["parties[1]"].found_in == "neighbours"
    # without the collective, the sentence stands alone: Peru is not a party to it
    article = _article("Trade between Chile and Peru reached a record. Boric set out plans for a joint lithium "
                       "venture.")
    assert _check(plans, article).fields["parties[1]"].verdict == Verdict.unsupported

def test_capitals_acting_for_their_countries() -> None:
    article = _article("Ottawa and Canberra agreed to share wildfire data, officials said.")
    fact = Agreement(subject="share wildfire data", status="agreed", parties=["Canada", "Australia"],
                     evidence=_evidence("Ottawa and Canberra agreed to share wildfire data"))
    assert _check(fact, article).verdict == Verdict.supported
    # a capital named as a place is not a party
    article = _article("Canada agreed in Canberra to share wildfire data.")
    placed = fact.model_copy(update={"evidence": _evidence("Canada agreed in Canberra to share wildfire data")})
    assert _check(placed, article).fields["parties[1]"].verdict == Verdict.unsupported


def test_acronyms_and_spelling_variants() -> None:
    article = _article("Iceland and Switzerland opened talks on an FTA with the EFTA states under a new "
                       "cooperation program.")
    fact = Agreement(subject="Free Trade Agreement cooperation programme", status="under negotiation",
                     parties=["Iceland", "European Free Trade Association"],
                     evidence=_evidence("Iceland and Switzerland opened talks on an FTA with the EFTA states under "
                                        "a new cooperation program"))
    checked = _check(fact, article)
    assert checked.fields["subject"].verdict == Verdict.supported
    assert checked.fields["parties[1]"].verdict == Verdict.supported


@pytest.mark.parametrize(("location", "verdict"), [
    ("Brasilia (G7 summit)", Verdict.unsupported),                  # another group
    ("Brasilia (G20 summit)", Verdict.supported),                   # an acronym inside a name, with its number
    ("Brasilia (Group of 20 summit)", Verdict.supported),
    ("Brasilia (BRICS summit)", Verdict.unsupported),
])
def test_an_acronym_inside_a_name_is_read_both_ways(location: str, verdict: Verdict) -> None:
    text = "Ghana's John Mahama met Peru's Dina Boluarte on the sidelines of the Group of 20 summit in Brasilia."
    fact = Meeting(participants=["John Mahama", "Dina Boluarte"], location=location, evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["location"].verdict == verdict
    abbreviated = text.replace("Group of 20", "G20")
    assert _check(fact.model_copy(update={"evidence": _evidence(abbreviated[:-1])}), _article(abbreviated)).fields[
        "location"].verdict == verdict


def test_an_office_a_monarch_holds_stands_for_him_and_the_day_named_before_dates_the_next_act() -> None:
    article = _article("Thai King Maha Vajiralongkorn hosted Emperor Akihito of Japan at the Grand Palace on "
                       "Tuesday evening.\n\nEarlier in the day, Prime Minister Srettha Thavisin met the emperor at "
                       "the palace.", published=dt.date(2025, 3, 5))
    quote = "Earlier in the day, Prime Minister Srettha Thavisin met the emperor at the palace"
    fact = Meeting(participants=["Srettha Thavisin", "Emperor Akihito"], date=DateRef(text="x", iso="2025-03-04"),
                   evidence=_evidence(quote))
    checked = _check(fact, article)
    assert checked.fields["participants"].verdict == Verdict.supported
    assert checked.fields["date"].verdict == Verdict.supported
    other_day = fact.model_copy(update={"date": DateRef(text="x", iso="2025-03-03")})
    assert _check(other_day, article).fields["date"].verdict != Verdict.supported


@pytest.mark.parametrize(("party", "verdict"), [
    ("Kenyan delegation", Verdict.supported),   # one noun two modifiers share, in the plural
    ("Ethiopian delegation", Verdict.unsupported),
])
def test_a_plural_noun_shared_by_two_modifiers_names_each(party: str, verdict: Verdict) -> None:
    text = "Kenyan and Somali delegations signed a border protocol in Nairobi on Friday."
    fact = Agreement(parties=[party], subject="border protocol", status="signed", evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["parties[0]"].verdict == verdict


def test_a_discussion_in_a_second_quote_does_not_contradict_an_agreement() -> None:
    article = _article("Brazil and Argentina reached a consensus on a beef quota. They also discussed energy.")
    fact = Agreement(subject="beef quota", status="agreed", parties=["Brazil", "Argentina"],
                     evidence=_evidence("Brazil and Argentina reached a consensus on a beef quota",
                                        "They also discussed energy"))
    assert _check(fact, article).fields["status"].verdict == Verdict.supported


def test_status_from_the_sentence_before_only_when_the_quote_states_none() -> None:
    article = _article("Norway and Iceland signed five documents. It includes MoUs on fisheries and shipping. "
                       "The two sides also agreed to study a ferry link.")
    mous = Agreement(subject="MoUs on fisheries and shipping", status="signed", parties=["Norway", "Iceland"],
                     evidence=_evidence("It includes MoUs on fisheries and shipping."))
    assert _check(mous, article).fields["status"].verdict == Verdict.supported
    ferry = Agreement(subject="study a ferry link", status="signed",
                      evidence=_evidence("The two sides also agreed to study a ferry link."))
    assert _check(ferry, article).fields["status"].verdict != Verdict.supported


def test_any_currency_and_amounts_in_units() -> None:
    article = _article("Seoul said exports to Vietnam reached ₩3.2 trillion in 2024, while Petrobras agreed "
                       "to pay R$ 5 billion.")
    won = TradeFigure(metric="exports to Vietnam", value=3_200_000_000_000, currency="KRW",
                      evidence=_evidence("exports to Vietnam reached ₩3.2 trillion in 2024"))
    assert _check(won, article).fields["value"].verdict == Verdict.supported
    real = TradeFigure(metric="pay", value=5, scale="billion", currency="BRL",
                       evidence=_evidence("Petrobras agreed to pay R$ 5 billion"))
    assert _check(real, article).fields["value"].verdict == Verdict.supported
    wrong = won.model_copy(update={"value": 3_200_000_000})
    assert _check(wrong, article).fields["value"].verdict == Verdict.contradicted


def test_a_meeting_does_not_take_the_place_of_an_invitation_it_was_merged_with() -> None:
    article = _article("South African President Cyril Ramaphosa met Brazilian President Lula da Silva in "
                       "Pretoria on Monday. Ramaphosa invited Lula to visit Durban next year.")
    fact = Meeting(participants=["Cyril Ramaphosa", "Lula da Silva"], location="Durban",
                   evidence=_evidence("South African President Cyril Ramaphosa met Brazilian President Lula da "
                                      "Silva in Pretoria", "Ramaphosa invited Lula to visit Durban next year"))
    assert _check(fact, article).fields["location"].verdict != Verdict.supported
    right = fact.model_copy(update={"location": "Pretoria"})
    assert _check(right, article).fields["location"].verdict == Verdict.supported


def test_a_heading_is_not_a_participant() -> None:
    article = _article("Ramaphosa-Lula Opening Remarks\n\nSouth African President Cyril Ramaphosa met Brazilian "
                       "President Lula da Silva in Pretoria on Monday.")
    fact = Meeting(participants=["Ramaphosa-Lula Opening Remarks", "Lula da Silva"],
                   evidence=_evidence("Ramaphosa-Lula Opening Remarks"))
    assert _check(fact, article).verdict != Verdict.supported


def _undated(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=None)


def _check_all(fact, articles: list[Article]):
    kind = {Meeting: "meetings", Agreement: "agreements"}[type(fact)]
    return check(EventSummary(title="t", **{kind: [fact]}), articles).facts[0]


DATED_SIBLING = Article(id="a0", text="Leaders of Chile and Peru ended their talks.", published=dt.date(2025, 3, 7))


def _met_on_wednesday(iso: str) -> Meeting:
    return Meeting(participants=["Gabriel Boric", "Dina Boluarte"], date=DateRef(text="Wednesday", iso=iso),
                   evidence=[Evidence(article_id="a1", quote="Gabriel Boric met Peru's President Dina Boluarte on "
                                                             "Wednesday")])


@pytest.mark.parametrize("dateline", ["LIMA, March 5 (AFP) - ", "March 5 (Wire) -- "])  # a place and date, a date alone
def test_an_undated_article_takes_its_dateline_date_in_the_year_of_the_event(dateline: str) -> None:
    # March 5 2025 was a Wednesday; the dateline has no year, the event's other article gives it
    lima = _undated("a1", dateline + "Chile's President Gabriel Boric met Peru's President Dina Boluarte on Wednesday.")
    checked = _check_all(_met_on_wednesday("2025-03-05"), [lima, DATED_SIBLING])
    assert checked.fields["date"].verdict == Verdict.supported
    assert "dateline" in checked.fields["date"].reason
    assert _check_all(_met_on_wednesday("2025-02-26"), [lima, DATED_SIBLING]).fields["date"].verdict == Verdict.contradicted


def test_an_undated_article_without_dateline_is_read_against_the_event_but_never_contradicts() -> None:
    # no date of its own: weekdays resolve against the event's earliest dated article (Friday 7 March),
    # but "yesterday" counts in days, which that estimate cannot give
    santiago = _undated("a1", "Chile's President Gabriel Boric met Peru's President Dina Boluarte on Wednesday. "
                              "Yesterday the two leaders signed a water-sharing accord.")
    meeting = _met_on_wednesday("2025-03-05")
    assert _check_all(meeting, [santiago, DATED_SIBLING]).fields["date"].verdict == Verdict.supported
    assert _check_all(meeting, [santiago]).fields["date"].verdict == Verdict.unsupported  # nothing to read it by
    accord = Agreement(parties=["Chile", "Peru"], subject="water-sharing accord", status="signed",
                       date=DateRef(text="yesterday", iso="2025-03-04"),
                       evidence=[Evidence(article_id="a1", quote="Yesterday the two leaders signed a water-sharing "
                                                                 "accord")])
    assert _check_all(accord, [santiago, DATED_SIBLING]).fields["date"].verdict == Verdict.unsupported


def test_a_one_sentence_paragraph_that_refers_back_is_read_as_a_neighbour() -> None:
    text = ("Chile's President Gabriel Boric and Peru's President Dina Boluarte held talks in Lima.\n\n"
            "The summit was held at the Palacio de Gobierno.\n\n"
            "A ministerial meeting will be held at the Palacio de la Moneda in June.")
    quote = "Chile's President Gabriel Boric and Peru's President Dina Boluarte held talks in Lima"
    held_at = Meeting(participants=["Gabriel Boric", "Dina Boluarte"], location="Palacio de Gobierno, Lima",
                      evidence=_evidence(quote))
    checked = _check(held_at, _article(text))
    assert checked.fields["location"].verdict == Verdict.supported
    assert checked.fields["location"].found_in == "neighbours"
    # a paragraph that does not refer back, or tells of something still to come, is another event
    later = held_at.model_copy(update={"location": "Palacio de la Moneda, Lima"})
    assert _check(later, _article(text)).fields["location"].verdict == Verdict.unsupported
    future = text.replace("The summit was held at", "The summit will be held at")
    assert _check(held_at, _article(future)).fields["location"].verdict == Verdict.unsupported


def test_a_decision_to_sign_is_agreed_not_signed() -> None:
    quote = "Chile's cabinet made a decision at its weekly meeting to sign the water-sharing accord with Peru"
    agreed = Agreement(parties=["Chile", "Peru"], subject="water-sharing accord", status="agreed",
                       evidence=_evidence(quote))
    assert _check(agreed, _article(quote + ".")).fields["status"].verdict == Verdict.supported
    signed = Agreement.model_validate({**agreed.model_dump(), "status": "signed"})
    assert _check(signed, _article(quote + ".")).fields["status"].verdict == Verdict.contradicted


def test_a_country_is_named_through_the_leader_the_article_gives_it() -> None:
    article = _article("Peruvian President Dina Boluarte received Vietnamese Prime Minister Pham Minh Chinh on "
                       "Monday.\n\nBoluarte and Chinh witnessed the signing of a fisheries accord.")
    quote = "Boluarte and Chinh witnessed the signing of a fisheries accord"
    sides = _check(Agreement(parties=["Peru", "Vietnam"], subject="fisheries accord", status="signed",
                             evidence=_evidence(quote)), article)
    assert sides.verdict == Verdict.supported
    other = _check(Agreement(parties=["Peru", "Chile"], subject="fisheries accord", status="signed",
                             evidence=_evidence(quote)), article)
    assert other.fields["parties[1]"].verdict == Verdict.unsupported


@pytest.mark.parametrize("text, inviter, invitee", [
    (("Polish President Andrzej Duda thanked Estonian Prime Minister Kristen Michal for her invitation to "
      "Tallinn."), "Kristen Michal", "Andrzej Duda"),
    ("Polish President Andrzej Duda accepted Michal's invitation to visit Tallinn.", "Kristen Michal",
     "Andrzej Duda"),
    (("Jordan's King Abdullah II hosted Estonian Prime Minister Kristen Michal. The king invited the prime "
      "minister to Amman."), "Abdullah II", "Kristen Michal"),
    (("Crown Prince and Prime Minister Salman bin Hamad received Estonian Prime Minister Kristen Michal. Michal "
      "invited the crown prince to visit Tallinn."), "Kristen Michal", "Salman bin Hamad"),
])
def test_the_inviter_named_by_thanks_a_possessive_or_a_title(text: str, inviter: str, invitee: str) -> None:
    _assert_direction(text, inviter, invitee)


@pytest.mark.parametrize("text, inviter, invitee", [
    # "an invitation for X to visit": X is the one invited
    ("Chilean President Gabriel Boric renewed Chile's invitation for King Felipe to visit Santiago.", "Gabriel Boric",
     "Felipe"),
    ("Boric repeated an invitation for Prime Minister Anthony Albanese to attend the summit.", "Boric",
     "Anthony Albanese"),
])
def test_the_one_an_invitation_is_for_was_invited(text: str, inviter: str, invitee: str) -> None:
    _assert_direction(text, inviter, invitee)


@pytest.mark.parametrize("text, inviter, invitee", [
    # the one who accepts or declines an invitation was invited; the place after "to visit" is where to
    ("Kenyan President William Ruto accepted an invitation to visit Peru, the foreign ministry said.", "Peru",
     "William Ruto"),
    ("Estonian Prime Minister Kristen Michal declined an invitation to attend the Warsaw summit.", "Poland",
     "Kristen Michal"),
])
def test_the_one_who_accepts_an_invitation_was_invited(text: str, inviter: str, invitee: str) -> None:
    article = _article(text)
    quote = text.split(", the")[0].rstrip(".")
    right = _check(Invitation(inviter=inviter, invitee=invitee, evidence=_evidence(quote)), article)
    assert right.fields["direction"].verdict == Verdict.supported
    swapped = _check(Invitation(inviter=invitee, invitee=inviter, evidence=_evidence(quote)), article)
    assert swapped.fields["direction"].verdict == Verdict.contradicted


def test_a_place_to_visit_is_not_the_one_invited() -> None:
    text = "Peru's Dina Boluarte was invited to visit Kenya next year."
    fact = Invitation(inviter="Kenya", invitee="Dina Boluarte", evidence=_evidence(text.rstrip(".")))
    assert _check(fact, _article(text)).fields["direction"].verdict == Verdict.unsupported


@pytest.mark.parametrize("text, inviter, invitee", [
    # asking someone to come is inviting them
    ("Estonian Prime Minister Kristen Michal asked Andrzej Duda to visit Tallinn in May.", "Kristen Michal",
     "Andrzej Duda"),
    ("Estonian Prime Minister Kristen Michal urged Polish President Andrzej Duda to attend the Tallinn summit.",
     "Kristen Michal", "Andrzej Duda"),
])
def test_asking_someone_to_visit_is_inviting_them(text: str, inviter: str, invitee: str) -> None:
    _assert_direction(text, inviter, invitee)


@pytest.mark.parametrize("text, quote, invitee", [
    # whoever received the bearer of someone's invitation was invited, not the bearer
    ("Chilean President Gabriel Boric on Monday received Japan's envoy Ken Sato, who delivered an invitation from "
     "Prime Minister Aiko Tanaka to attend the Osaka summit in May.",
     "who delivered an invitation from Prime Minister Aiko Tanaka to attend the Osaka summit", "Gabriel Boric"),
    ("Japan's envoy Ken Sato, who brought an invitation from Prime Minister Aiko Tanaka, met Gabriel Boric on Monday.",
     "who brought an invitation from Prime Minister Aiko Tanaka", "Gabriel Boric"),
])
def test_the_one_who_received_the_bearer_of_an_invitation_was_invited(text: str, quote: str, invitee: str) -> None:
    article = _article(text)
    right = _check(Invitation(inviter="Aiko Tanaka", invitee=invitee, evidence=_evidence(quote)), article)
    assert right.fields["direction"].verdict == Verdict.supported
    bearer = _check(Invitation(inviter="Aiko Tanaka", invitee="Ken Sato", evidence=_evidence(quote)), article)
    assert bearer.fields["direction"].verdict != Verdict.supported
    swapped = _check(Invitation(inviter=invitee, invitee="Aiko Tanaka", evidence=_evidence(quote)), article)
    assert swapped.verdict != Verdict.supported


@pytest.mark.parametrize(("destination", "verdict"), [
    ("Osaka", Verdict.supported),      # a gathering named by its place is held there
    ("Tokyo", Verdict.unsupported),
])
def test_a_gathering_to_attend_named_by_its_place_is_the_destination(destination: str, verdict: Verdict) -> None:
    text = "Japan's Prime Minister Aiko Tanaka invited Gabriel Boric to attend the Osaka summit in May."
    fact = Invitation(inviter="Aiko Tanaka", invitee="Gabriel Boric", destination=destination,
                      evidence=_evidence(text.rstrip(".")))
    assert _check(fact, _article(text)).fields["destination"].verdict == verdict


def _assert_direction(text: str, inviter: str, invitee: str) -> None:
    """The invitation with these sides is supported in ``text`` and its swap is not."""
    article = _article(text)
    quote = text.split(". ")[-1].rstrip(".")
    right = _check(Invitation(inviter=inviter, invitee=invitee, evidence=_evidence(quote)), article)
    assert right.fields["direction"].verdict == Verdict.supported
    swapped = _check(Invitation(inviter=invitee, invitee=inviter, evidence=_evidence(quote)), article)
    assert swapped.verdict != Verdict.supported


@pytest.mark.parametrize("text, inviter, invitee", [
    # an object pronoun is the person named before it who is not its own clause's subject
    (("Peruvian President Dina Boluarte met Chilean President Gabriel Boric on Friday. Boric said he hoped "
      "to deepen ties, and Boluarte invited him to visit Lima next year."), "Dina Boluarte", "Gabriel Boric"),
    # a subject pronoun is the last person named as a subject
    (("Ghana's President John Mahama hosted Kenyan President William Ruto in Accra. Mahama said he had "
      "invited Ruto to the independence day parade."), "John Mahama", "William Ruto"),
    # two sentences back, and never the one who invites, wherever else he is named
    (("Uruguayan President Yamandu Orsi received Brazil's President Lula da Silva on Monday, a year after Lula "
      "took office. The two sides signed a port deal. Lula invited him to Brasilia in May."), "Lula da Silva",
     "Yamandu Orsi"),
    # a participle's doer is the noun it hangs on: "a letter from Museveni inviting him" does not invite Museveni
    (("Kenyan President William Ruto received Uganda's envoy on Monday. The envoy handed Ruto a letter from "
      "President Yoweri Museveni inviting him to Kampala."), "Yoweri Museveni", "William Ruto"),
])
def test_a_pronoun_stands_for_the_person_it_refers_back_to(text: str, inviter: str, invitee: str) -> None:
    article = _article(text)
    quote = text.split(", and ")[-1].rstrip(".") if ", and " in text else text.split(". ")[-1].rstrip(".")
    right = _check(Invitation(inviter=inviter, invitee=invitee, evidence=_evidence(quote)), article)
    assert right.fields["direction"].verdict == Verdict.supported
    swapped = _check(Invitation(inviter=invitee, invitee=inviter, evidence=_evidence(quote)), article)
    assert swapped.verdict != Verdict.supported


def test_an_office_stands_for_the_person_another_article_of_the_event_names_with_it() -> None:
    first = Article(id="a0", text="AMMAN (Wire) - Jordan's King Abdullah II received Chilean President Gabriel Boric "
                                  "on Sunday.", published=dt.date(2025, 3, 2))
    second = _article("The sovereign invited the Chilean head of state to Aqaba in a letter last year.")
    quote = "The sovereign invited the Chilean head of state to Aqaba"
    summary = EventSummary(title="t", invitations=[
        Invitation(inviter="Abdullah II", invitee="Gabriel Boric", evidence=_evidence(quote)),
        Invitation(inviter="Gabriel Boric", invitee="Abdullah II", evidence=_evidence(quote))])
    right, swapped = check(summary, [first, second]).facts
    assert right.verdict == Verdict.supported, right.problems()
    assert swapped.fields["direction"].verdict == Verdict.contradicted
    alone = check(summary, [second]).facts[0]  # without the other article, the office names no one
    assert alone.fields["inviter"].verdict == Verdict.unsupported


LIMA_DEALS = ("Chile, Peru sign energy deals as Boric visits Lima\n\nLIMA (Wire) - Chilean President Gabriel Boric "
              "held talks with Peruvian President Dina Boluarte on Monday.\n\nLater, the delegations signed four "
              "agreements, including a deal under which Peru will buy Chilean power and Bolivia will sell gas.")


@pytest.mark.parametrize("quote, party, verdict", [
    # the quote states its sides by a reference; a country it names only in another act's clause is a side
    # where the headline it refers back to makes it one
    ("the delegations signed four agreements, including a deal under which Peru will buy Chilean power",
     "Peru", "supported"),
    ("the delegations signed four agreements, including a deal under which Peru will buy Chilean power",
     "Chile", "supported"),
    ("the delegations signed four agreements, including a deal under which Peru will buy Chilean power and "
     "Bolivia will sell gas", "Bolivia", "unsupported"),
])
def test_a_side_named_in_another_act_s_clause_may_be_the_side_a_reference_stands_for(quote: str, party: str,
                                                                                       verdict: str) -> None:
    fact = Agreement(parties=[party], subject="four agreements", status="signed", evidence=_evidence(quote))
    assert _check(fact, _article(LIMA_DEALS)).fields["parties[0]"].verdict.value == verdict


@pytest.mark.parametrize("party, verdict", [
    ("MoUs", "unsupported"),               # what was signed, not a side
    ("Trade Ministry", "unsupported"),     # reports the act its sentence gives other doers
    ("Vietnam", "supported"),
])
def test_what_was_signed_and_its_reporter_are_no_sides(party: str, verdict: str) -> None:
    text = ("HANOI (Wire) - Vietnamese Premier Pham Minh Chinh and Japanese carmaker Denso's chief executive "
            "watched the signing of four MoUs on chips, the Trade Ministry said.")
    fact = Agreement(parties=[party], subject="chips", status="signed", evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["parties[0]"].verdict.value == verdict


@pytest.mark.parametrize("party, verdict", [("Japan", "unsupported"), ("PTT", "supported"), ("Rohm", "supported")])
def test_a_nationality_before_no_title_makes_no_company_its_country_s_leader(party: str, verdict: str) -> None:
    text = "BANGKOK, May 2 - Thailand's PTT agreed on Friday to buy Japanese chipmaker Rohm Group for $5 billion."
    fact = Agreement(parties=[party], subject="Rohm", status="agreed", evidence=_evidence(text[:-1]))
    article = _article("PTT to buy Japan's Rohm in $5 billion deal\n\n" + text)
    assert _check(fact, article).fields["parties[0]"].verdict.value == verdict


@pytest.mark.parametrize("party, verdict", [("Norway", "unsupported"), ("Equinor", "supported")])
def test_a_country_word_in_a_currency_s_name_is_no_side(party: str, verdict: str) -> None:
    text = "OSLO, May 2 - Equinor agreed on Friday to buy a stake in the Baltica wind farm for 3 billion Norwegian crowns."
    fact = Agreement(parties=[party], subject="Baltica", status="agreed", evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["parties[0]"].verdict.value == verdict


def test_without_a_reference_a_country_in_another_act_s_clause_is_no_side() -> None:
    text = "Chile signed four agreements, including a deal under which Peru will buy Chilean power."
    fact = Agreement(parties=["Peru"], subject="four agreements", status="signed", evidence=_evidence(text[:-1]))
    assert _check(fact, _article("Chile, Peru sign energy deals\n\n" + text)).fields["parties[0]"].verdict \
        == Verdict.unsupported


STORY = ("Zimbabwe, Zambia agree on Kariba\n\nHARARE (Wire) - Zimbabwean President Emmerson Mnangagwa hosted "
         "Zambian President Hakainde Hichilema on Thursday for talks on the Kariba dam.\n\nThe dam supplies both "
         "countries with power.\n\n{}")


@pytest.mark.parametrize("sentence, date, verdict", [
    # an act whose quote refers back to the story's event and dates nothing itself takes the lead's date
    ("After their talks, the two leaders signed a water-sharing accord.", "2025-03-06", "supported"),
    ("After their talks, the two leaders signed a water-sharing accord.", "2025-03-05", "unsupported"),
    ("After their talks, the two premiers signed a water-sharing accord.", "2025-03-06", "supported"),
    # not without a reference, nor for an earlier past, nor where its sentence has a date of its own
    ("The power utilities signed a water-sharing accord.", "2025-03-06", "unsupported"),
    ("The two leaders had signed a water-sharing accord.", "2025-03-06", "unsupported"),
    ("The two leaders signed a water-sharing accord in 2019.", "2025-03-06", "contradicted"),
    # a span of years the accord covers is no date of its own
    ("The two leaders signed a water-sharing plan for 2026-2030.", "2025-03-06", "supported"),
])
def test_an_act_referring_back_to_the_story_takes_the_lead_s_date(sentence: str, date: str, verdict: str) -> None:
    fact = Agreement(parties=["Zimbabwe", "Zambia"], subject="water-sharing accord", status="signed",
                     date=DateRef(text="x", iso=date), evidence=_evidence(sentence[:-1]))
    article = _article(STORY.format(sentence), published=dt.date(2025, 3, 7))
    assert _check(fact, article).fields["date"].verdict.value == verdict


@pytest.mark.parametrize("quote, date, verdict", [
    # a span of years is what the signed text covers, not when it was signed
    ("Peru and Bolivia signed an action plan for 2026-2030", "2025-11-03", "unsupported"),
    ("Peru and Bolivia signed an action plan for 2026-2030", "2026", "unsupported"),  # its first year
    ("Peru and Bolivia signed an action plan for 2026-30 on Monday", "2025-11-03", "supported"),
    ("Peru and Bolivia signed an action plan in 2024", "2025-11-03", "contradicted"),
])
def test_a_span_of_years_dates_no_act(quote: str, date: str, verdict: str) -> None:
    fact = Agreement(parties=["Peru", "Bolivia"], subject="action plan", status="signed",
                     date=DateRef(text="x", iso=date), evidence=_evidence(quote))
    article = _article(quote + ".", published=dt.date(2025, 11, 4))
    assert _check(fact, article).fields["date"].verdict.value == verdict


@pytest.mark.parametrize("date, verdict", [
    ("2025-03-04", "contradicted"),   # the dateline's day: when the story was filed
    ("2025-03-03", "supported"),      # "on Monday", the day of the talks
])
def test_the_dateline_dates_the_report_not_an_act_its_sentence_dates(date: str, verdict: str) -> None:
    text = "HANOI, March 4 (Wire) - Vietnamese President To Lam hosted Laotian President Thongloun Sisoulith on Monday."
    article = _article(text, published=dt.date(2025, 3, 4))
    fact = Meeting(participants=["To Lam", "Thongloun Sisoulith"], date=DateRef(text="x", iso=date),
                   evidence=_evidence(text[:-1]))
    assert _check(fact, article).fields["date"].verdict.value == verdict
    alone = _article("HANOI, March 4 (Wire) - To Lam hosted Thongloun Sisoulith.", published=dt.date(2025, 3, 4))
    undated = Meeting(participants=["To Lam", "Thongloun Sisoulith"], date=DateRef(text="x", iso="2025-03-04"),
                      evidence=_evidence("HANOI, March 4 (Wire) - To Lam hosted Thongloun Sisoulith"))
    assert _check(undated, alone).fields["date"].verdict == Verdict.supported  # no other day given


def test_a_quote_that_keeps_the_closing_quotation_mark_still_has_its_sentence() -> None:
    text = ('Peru and Ecuador held talks on Monday, and the two leaders signed a pact on a "green corridor."\n\n'
            "Officials left.")
    quote = 'the two leaders signed a pact on a "green corridor."'
    pact = Agreement(parties=["Peru", "Ecuador"], subject="green corridor", status="signed",
                     date=DateRef(text="on Monday", iso="2025-03-03"), evidence=_evidence(quote))
    assert _check(pact, _article(text)).fields["date"].verdict == Verdict.supported


LEAD = _article("OSLO, March 4 (Wire) - Norway and South Korea signed a shipbuilding pact on Tuesday.\n\n"
                "Officials said talks had lasted a year.\n\n"
                "Bilateral trade reached $6.1 billion last year, with Norwegian fish the largest item.")


def test_the_sides_of_a_bilateral_measure_come_from_the_lead() -> None:
    quote = "Bilateral trade reached $6.1 billion last year"
    fact = TradeFigure(metric="Norway-South Korea bilateral trade", value=6.1, scale="billion", currency="USD",
                       evidence=_evidence(quote))
    assert _check(fact, LEAD).fields["metric"].verdict == Verdict.supported
    other = fact.model_copy(update={"metric": "Norway-Japan bilateral trade"})
    assert _check(other, LEAD).fields["metric"].verdict == Verdict.unsupported
    # a place is never taken from the lead
    met = Meeting(participants=["Jonas Gahr Store", "Han Duck-soo"], location="Oslo", evidence=_evidence(quote))
    assert _check(met, LEAD).fields.get("location") is None or \
        _check(met, LEAD).fields["location"].found_in != "lead"


@pytest.mark.parametrize("metric, verdict", [("deal value", "supported"), ("offer per share", "contradicted"),
                                             ("debt assumed", "contradicted")])
def test_a_metric_is_supported_by_the_measure_the_sentence_gives_the_figure(metric: str, verdict: str) -> None:
    article = _article("Brazil's Vale agreed on Friday to buy Canada's Teck Coal for $8.2 billion in cash.")
    fact = TradeFigure(metric=metric, value=8.2, scale="billion", currency="USD",
                       evidence=_evidence("agreed on Friday to buy Canada's Teck Coal for $8.2 billion in cash"))
    assert _check(fact, article).fields["metric"].verdict.value == verdict


_AT_HOME = ("NAIROBI -- President William Ruto welcomed Ghanaian President John Mahama on Monday, where the two "
            "leaders witnessed the signing of a visa waiver agreement.")
_ABROAD = ("ACCRA -- President William Ruto met Ghanaian President John Mahama on Monday, where the two leaders "
           "witnessed the signing of a visa waiver agreement.")


@pytest.mark.parametrize(("text", "parties", "verdicts"), [
    # a report filed from a country calls its own leader by the title alone: he stands for that country
    (_AT_HOME, ["Kenya", "Ghana"], ["supported", "supported"]),
    (_AT_HOME, ["Uganda", "Ghana"], ["unsupported", "supported"]),
    # a report from abroad marks its hosts: the Ghanaian is marked, so Ruto is no Ghanaian, and Kenya is unnamed
    (_ABROAD, ["Kenya", "Ghana"], ["unsupported", "supported"]),
])
def test_a_leader_called_by_the_title_alone_is_the_dateline_country_s(text: str, parties: list[str],
                                                                       verdicts: list[str]) -> None:
    quote = "the two leaders witnessed the signing of a visa waiver agreement"
    fact = _check(Agreement(parties=parties, subject="visa waiver agreement", status="signed",
                            evidence=_evidence(quote)), _article(text))
    assert [fact.fields[f"parties[{i}]"].verdict.value for i in range(2)] == verdicts


@pytest.mark.parametrize(("party", "verdict"), [("Kenya", "supported"), ("Uganda", "unsupported")])
def test_a_home_leader_named_later_by_name_alone_still_stands_for_the_country(party: str, verdict: str) -> None:
    text = _AT_HOME.split(", where")[0] + ".\n\nRuto and Mahama later witnessed the signing of a visa waiver pact."
    fact = Agreement(parties=[party, "Ghana"], subject="visa waiver pact", status="signed",
                     evidence=_evidence("Ruto and Mahama later witnessed the signing of a visa waiver pact"))
    assert _check(fact, _article(text)).fields["parties[0]"].verdict.value == verdict


_SIGNED_ABROAD = "ACCRA -- President William Ruto and Ghanaian President John Mahama signed a visa pact on Monday."


@pytest.mark.parametrize(("head", "verdict"), [
    # a report from abroad whose headline names the other country: its unmarked leader is that country's
    ("Kenya, Ghana sign visa pact", "supported"),
    ("Ghana signs visa pact", "unsupported"),
    ("Kenya, Uganda, Ghana sign visa pact", "unsupported"),  # which of two?
])
def test_a_leader_reported_from_abroad_is_the_other_headline_country_s(head: str, verdict: str) -> None:
    fact = Agreement(parties=["Kenya", "Ghana"], subject="visa pact", status="signed",
                     evidence=_evidence(_SIGNED_ABROAD[:-1]))
    assert _check(fact, _article(f"{head}\n\n{_SIGNED_ABROAD}")).fields["parties[0]"].verdict.value == verdict


def test_a_leader_reported_from_abroad_is_not_the_host_country_s() -> None:
    article = _article(_ABROAD)
    hosts = leaders_of("Ghana", article.text, find_mentions(article.text), article)
    assert [m.name for m in hosts] == ["John Mahama"]


_TALKS_SET_OUT = "Tata Motors and Renault signed a memorandum of understanding on Monday to begin talks on a merger."


@pytest.mark.parametrize(("subject", "status", "verdict"), [
    # talks a signed document sets out to hold are the status of what they are on, not of the document
    ("memorandum of understanding", "under negotiation", "unsupported"),
    ("memorandum of understanding", "signed", "supported"),
    ("merger", "under negotiation", "supported"),
])
def test_talks_a_signed_document_sets_out_to_hold_are_not_its_status(subject: str, status: str,
                                                                       verdict: str) -> None:
    fact = Agreement(parties=["Tata Motors", "Renault"], subject=subject, status=status,
                     evidence=_evidence(_TALKS_SET_OUT.rstrip(".")))
    assert _check(fact, _article(_TALKS_SET_OUT)).fields["status"].verdict.value == verdict


def test_countries_are_sides_through_their_leaders_but_never_people_at_a_meeting() -> None:
    article = _article("Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday.")
    quote = "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday"
    met = _check(Meeting(participants=["Chile", "Argentina"], evidence=_evidence(quote)), article)
    assert met.fields["participants"].verdict != Verdict.supported


@pytest.mark.parametrize("quote, status, verdict", [
    ("Egypt and Turkey concluded negotiations on a gas accord on Sunday", "agreed", "supported"),
    ("Egypt and Turkey agreed to work towards a gas accord", "under negotiation", "supported"),
    ("Egypt and Turkey struck a deal on gas on Sunday", "agreed", "supported"),
    # "concluded" alone says signed, but "concluded negotiations" says agreed, not signed
    ("Chile and South Korea concluded negotiations on an upgraded trade deal on Tuesday", "signed", "unsupported"),
    ("Norway and Iceland concluded an agreement on fisheries on Tuesday", "signed", "supported"),
    ("Egypt reached a staff-level agreement with Turkey on Tuesday", "agreed", "supported"),
    ("Egypt and Turkey hope to reach a gas deal by June", "agreed", "unsupported"),
    ("Egypt and Turkey failed to reach a gas deal on Tuesday", "agreed", "unsupported"),
    # an ending still to come leaves the talks under way
    ("Egypt and Turkey should conclude negotiations on a gas accord by June", "under negotiation", "supported"),
    ("Egypt and Turkey are expected to conclude negotiations on a gas accord this year", "under negotiation", "supported"),
    ("Egypt and Turkey completed negotiations on a gas accord in May", "under negotiation", "unsupported"),
    ("Egypt and Turkey should sign a gas accord in June", "signed", "contradicted"),
    # documents exchanged at a ceremony are signed; views exchanged are not
    ("The two ministers witnessed the exchange of four memoranda on gas", "signed", "supported"),
    ("Egypt and Turkey exchanged the instruments of ratification of the gas accord", "signed", "supported"),
    ("Egypt and Turkey exchanged views on the gas accord", "signed", "unsupported"),
    ("Egypt and Turkey exchanged five agreements on gas and power", "signed", "supported"),
    ("Egypt and Turkey exchanged views on the agreements on gas", "signed", "unsupported"),
    # a signing watched by others
    ("The two presidents watched their ministers sign four memorandums on gas", "signed", "supported"),
    ("The two presidents watched their ministers discuss four memorandums on gas", "signed", "unsupported"),
])
def test_general_news_wording_of_agreement_status(quote: str, status: str, verdict: str) -> None:
    fact = Agreement(parties=["Egypt", "Turkey"], subject="gas accord", status=status, evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).fields["status"].verdict.value == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # a takeover a company says it will make, with its price, is an agreed deal
    ("Unilever said on Friday it would acquire Kenyan snack maker Tamu Foods for $640 million.", "supported"),
    ("Unilever is to buy Tamu Foods, Kenya's largest snack maker, for about 80 billion shillings.", "supported"),
    # without a price, or as an offer, it is not
    ("Unilever said on Friday it would acquire more snack makers in Kenya.", "unsupported"),
    ("Unilever said it would run Tamu Foods for 10 years.", "unsupported"),
    ("Unilever offered to buy Tamu Foods for $640 million.", "unsupported"),
])
def test_a_takeover_announced_with_its_price_is_agreed(sentence: str, verdict: str) -> None:
    fact = Agreement(parties=["Unilever"], subject="Tamu Foods", status="agreed", evidence=_evidence(sentence[:-1]))
    assert _check(fact, _article(sentence)).fields["status"].verdict.value == verdict


def test_subject_and_kind_in_other_words_of_their_class() -> None:
    quote = "Denmark's Orsted agreed to buy Poland's Baltic Power for $2.3 billion"
    article = _article(quote + ".")
    fact = Agreement(parties=["Orsted", "Baltic Power"], subject="acquisition of Baltic Power",
                     kind="acquisition agreement", status="agreed", evidence=_evidence(quote))
    checked = _check(fact, article)
    assert checked.fields["subject"].verdict == Verdict.supported
    assert checked.fields["kind"].verdict == Verdict.supported
    lease = fact.model_copy(update={"subject": "lease of Baltic Power"})
    assert _check(lease, article).fields["subject"].verdict == Verdict.unsupported


@pytest.mark.parametrize(("lead", "second", "verdict"), [
    # what the people the lead has meeting do together, in a sentence that dates nothing, was done at that meeting
    ("Prime Minister Aiko Tanaka met Chilean President Gabriel Boric on Saturday.",
     "Tanaka and Boric agreed to expand lithium cooperation, an official said.", "supported"),
    ("Prime Minister Aiko Tanaka met Chilean President Gabriel Boric on Saturday.",
     "Tanaka and Ruto agreed to expand lithium cooperation, an official said.", "unsupported"),  # not the two who met
    ("Prime Minister Aiko Tanaka arrived in Santiago on Saturday.",
     "Tanaka and Boric agreed to expand lithium cooperation, an official said.", "unsupported"),  # no meeting told
    ("Prime Minister Aiko Tanaka met Chilean President Gabriel Boric on Saturday.",
     "Tanaka and Boric will agree to expand lithium cooperation, an official said.", "unsupported"),  # to come
])
def test_an_act_of_the_two_who_met_in_the_lead_takes_its_date(lead: str, second: str, verdict: str) -> None:
    article = _article(f"TOKYO -- {lead}\n\n{second}")
    quote = second.split(",")[0]
    fact = Agreement(parties=["Aiko Tanaka", "Gabriel Boric"], subject="expand lithium cooperation", status="agreed",
                     date=DateRef(text="Saturday", iso="2025-03-01"), evidence=_evidence(quote))
    assert _check(fact, article).fields["date"].verdict.value == verdict


@pytest.mark.parametrize(("period", "verdict"), [
    # a count of years ahead told as a span covers the span of years a person writes for it
    ("2025-2030", "supported"),
    ("2026-30", "supported"),
    ("2025-2029", "contradicted"),   # another end
    ("2020-2030", "contradicted"),   # another start
])
def test_the_next_years_are_the_span_of_years_they_cover(period: str, verdict: str) -> None:
    quote = "Chilean companies pledged to invest 1.2 billion euros in Peru over the next five years"
    fact = TradeFigure(metric="Chilean investment pledge in Peru", value=1.2, scale="billion", currency="EUR",
                       period=DateRef(text=period, iso=period[:4]), evidence=_evidence(quote))
    article = _article(quote + ".", published=dt.date(2025, 2, 5))
    assert _check(fact, article).fields["period"].verdict.value == verdict
    shifted = fact.model_copy(update={"period": DateRef(text=period, iso=str(int(period[:4]) + 1))})
    assert _check(shifted, article).fields["period"].verdict.value != "supported"  # its date is the span's start


def test_a_financing_from_a_lender_is_a_loan() -> None:
    quote = "The African Development Bank on Tuesday approved a $2 billion financing for Kenya"
    article = _article(quote + " to support its budget.")
    loan = _check(Agreement(parties=["African Development Bank", "Kenya"], subject="budget support", kind="loan",
                            status="agreed", evidence=_evidence(quote)), article)
    assert loan.fields["kind"].verdict == Verdict.supported
    figure = _check(TradeFigure(metric="loan to Kenya", value=2, scale="billion", currency="USD",
                                evidence=_evidence(quote)), article)
    assert figure.fields["metric"].verdict == Verdict.supported
    deal = _check(TradeFigure(metric="acquisition", value=2, scale="billion", currency="USD",
                              evidence=_evidence(quote)), article)
    assert deal.fields["metric"].verdict != Verdict.supported


def test_a_dateline_city_with_a_particle_lies_in_its_country() -> None:
    article = _article("BUENOS AIRES, June 2 (Wire) - Uruguay's President Yamandu Orsi met Argentine President "
                       "Javier Milei on Monday.\n\nSAO PAULO is not where they met.")
    quote = "Uruguay's President Yamandu Orsi met Argentine President Javier Milei on Monday"
    met = _check(Meeting(participants=["Yamandu Orsi", "Javier Milei"], location="Buenos Aires, Argentina",
                         evidence=_evidence(quote)), article)
    assert met.fields["location"].verdict == Verdict.supported


@pytest.mark.parametrize("dateline, country", [("DAR ES SALAAM - ", "Tanzania"), ("SAO PAULO, May 6 (Wire) - ", "Brazil"),
                                               ("BOGOTA (Wire) -- ", "Colombia")])
def test_a_dateline_city_in_capitals_or_without_accents_lies_in_its_country(dateline: str, country: str) -> None:
    article = _article(dateline + "Kenya's President William Ruto met Ghana's President John Mahama on Monday.")
    met = Meeting(participants=["William Ruto", "John Mahama"], location=country,
                  evidence=_evidence("Kenya's President William Ruto met Ghana's President John Mahama"))
    assert _check(met, article).fields["location"].verdict == Verdict.supported


@pytest.mark.parametrize("dateline", [
    "OUAGADOUGOU, Burkina Faso - ",            # a country after the city
    "OUAGADOUGOU, June 2 (Wire) -- ",         # a double hyphen
    "OUAGADOUGOU -- ",
    "OUAGADOUGOU, Burkina Faso, June 2 (Wire) - ",
])
def test_datelines_in_the_usual_wire_styles_give_the_place(dateline: str) -> None:
    article = _article(dateline + "Niger's President Abdourahamane Tiani met Mali's Assimi Goita on Monday.")
    met = Meeting(participants=["Abdourahamane Tiani", "Assimi Goita"], location="Ouagadougou",
                  evidence=_evidence("Niger's President Abdourahamane Tiani met Mali's Assimi Goita"))
    assert _check(met, article).fields["location"].found_in == "dateline"
    elsewhere = met.model_copy(update={"location": "Bamako"})
    assert _check(elsewhere, article).fields["location"].verdict != Verdict.supported


@pytest.mark.parametrize("qualifier, verdict", [("up 4.8%", "supported"), ("down 4.8%", "contradicted"),
                                                ("up 5.1%", "unsupported")])
def test_a_change_in_the_qualifier_has_its_percentage_and_its_way(qualifier: str, verdict: str) -> None:
    quote = "Peru's copper exports to China rose 4.8% to $14.2 billion in 2024"
    fact = TradeFigure(metric="Peruvian copper exports to China", value=14.2, scale="billion", currency="USD",
                       qualifier=qualifier, evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).fields["qualifier"].verdict.value == verdict


def test_countries_written_as_initials_and_a_sale_as_a_deal() -> None:
    quote = "The U.S. and the UAE upgraded their ties to a strategic partnership"
    fact = Agreement(parties=["United States", "United Arab Emirates"], subject="strategic partnership",
                     status="agreed", evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).verdict == Verdict.supported
    sale = "Spain's Telefonica agreed to sell its Argentine unit to Clarin for $1.2 billion"
    price = TradeFigure(metric="sale price", value=1.2, scale="billion", currency="USD", evidence=_evidence(sale))
    assert _check(price, _article(sale + ".")).fields["metric"].verdict == Verdict.supported


@pytest.mark.parametrize("qualifier, value, verdict", [
    ("target within three years", 5, "supported"),  # "aim to" states a target
    ("target", 5, "supported"),
    ("target", 2.1, "unsupported"),  # the level reached is not the target
])
def test_a_target_is_what_the_sides_aim_at(qualifier: str, value: float, verdict: str) -> None:
    quote = "Two-way trade reached $2.1 billion last year, and Kenya and Tanzania aim to lift it to $5 billion"
    fact = TradeFigure(metric="Kenya-Tanzania trade", value=value, scale="billion", currency="USD",
                       qualifier=qualifier, evidence=_evidence(quote + " within three years"))
    article = _article(quote + " within three years.")
    assert _check(fact, article).fields["qualifier"].verdict.value == verdict


@pytest.mark.parametrize("qualifier, value, verdict", [
    ("target", 8, "supported"),   # "work towards trade of": the figure aimed at
    ("target", 3.4, "unsupported"),
    ("about", 3.4, "supported"),
])
def test_working_towards_a_figure_makes_it_a_target(qualifier: str, value: float, verdict: str) -> None:
    quote = "Ecuador and Colombia agreed to work towards bilateral trade of $8 billion by 2028, up from about $3.4 billion"
    fact = TradeFigure(metric="Ecuador-Colombia bilateral trade", value=value, scale="billion", currency="USD",
                       qualifier=qualifier, evidence=_evidence(quote))
    assert _check(fact, _article(quote + " last year.")).fields["qualifier"].verdict.value == verdict


@pytest.mark.parametrize("lead, verdict", [
    ("Canada and the six-nation Gulf Cooperation Council (GCC) opened talks on a free trade deal.", "supported"),
    ("Canada opened talks with Gulf states on a free trade deal.", "unsupported"),
])
def test_the_bloc_names_the_group_the_article_named_before(lead: str, verdict: str) -> None:
    quote = "Trade between Canada and the bloc was worth C$4.2 billion last year"
    article = _article(f"RIYADH (Wire) - {lead}\n\nOfficials met for two days.\n\n{quote}.")
    fact = TradeFigure(metric="Canada-GCC trade", value=4.2, scale="billion", currency="CAD",
                       evidence=_evidence(quote))
    assert _check(fact, article).fields["metric"].verdict.value == verdict


@pytest.mark.parametrize("sentence, metric, verdict", [
    ("Uganda's budget gap narrowed to $1.2 billion in May, the Uganda Revenue Authority said.", "revenue",
     "unsupported"),
    # and a figure its sentence gives as another measure is not a revenue
    ("Uganda posted a surplus of $1.2 billion in May, the Uganda Revenue Authority said.", "revenue", "contradicted"),
    ("Tax revenue reached $1.2 billion in May, the Uganda Revenue Authority said.", "revenue", "supported"),
    ("Shipments of steel rose to $1.2 billion, the World Trade Organization said.", "trade", "unsupported"),
])
def test_a_metric_word_in_an_organisation_s_name_is_no_metric(sentence: str, metric: str, verdict: str) -> None:
    fact = TradeFigure(metric=metric, value=1.2, scale="billion", currency="USD", evidence=_evidence(sentence[:-1]))
    assert _check(fact, _article(sentence)).fields["metric"].verdict.value == verdict


def test_a_metric_word_in_another_inflection_is_the_same_word() -> None:
    quote = "Kuwait and Oman oversaw the signing of nine accords worth $2 billion"
    fact = TradeFigure(metric="value of the accords signed", value=2, scale="billion", currency="USD",
                       evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).fields["metric"].verdict == Verdict.supported


@pytest.mark.parametrize("qualifier, verdict", [
    ("planned", "supported"),     # a consonant doubled before "-ed" is the same word
    ("committed", "unsupported"),
])
def test_a_doubled_consonant_inflection_is_the_same_word(qualifier: str, verdict: str) -> None:
    quote = "Ghana's cocoa board plans to borrow $2 billion from foreign banks"
    fact = TradeFigure(metric="cocoa board borrowing", value=2, scale="billion", currency="USD", qualifier=qualifier,
                       evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).fields["qualifier"].verdict.value == verdict


@pytest.mark.parametrize("quote, value, verdict", [
    ("lifting it to $5 billion by 2030", 5, "supported"),  # the goal is in the sentence, before the quote
    ("Two-way trade reached $2.1 billion last year", 2.1, "unsupported"),
])
def test_a_target_said_around_the_quote_qualifies_the_figure_it_aims_at(quote: str, value: float,
                                                                         verdict: str) -> None:
    article = _article("Two-way trade reached $2.1 billion last year. Kenya and Tanzania set themselves the goal of "
                       "lifting it to $5 billion by 2030.")
    fact = TradeFigure(metric="Kenya-Tanzania trade", value=value, scale="billion", currency="USD",
                       qualifier="target", evidence=_evidence(quote))
    assert _check(fact, article).fields["qualifier"].verdict.value == verdict


def test_a_side_may_share_its_noun_with_another_and_memorandums_are_mous() -> None:
    quote = "Kenyan and Ugandan firms signed 12 memorandums of understanding worth $300 million"
    fact = Agreement(parties=["Kenyan firms", "Ugandan firms"], subject="12 business deals", kind="MoU",
                     status="signed", evidence=_evidence(quote))
    checked = _check(fact, _article(quote + "."))
    assert checked.fields["parties[0]"].verdict == Verdict.supported
    assert checked.fields["kind"].verdict == Verdict.supported
    other = fact.model_copy(update={"parties": ["Tanzanian firms", "Ugandan firms"]})
    assert _check(other, _article(quote + ".")).fields["parties[0]"].verdict == Verdict.unsupported


@pytest.mark.parametrize("sentence, location, verdict", [
    ("William Ruto and John Mahama held a virtual summit on Monday.", "virtual", "supported"),
    ("William Ruto and John Mahama held talks by video link on Monday.", "online", "supported"),
    ("William Ruto met John Mahama in Nairobi on Monday.", "virtual", "unsupported"),
])
def test_a_meeting_held_at_no_place(sentence: str, location: str, verdict: str) -> None:
    fact = Meeting(participants=["William Ruto", "John Mahama"], location=location,
                   evidence=_evidence(sentence.rstrip(".")))
    assert _check(fact, _article(sentence)).fields["location"].verdict.value == verdict


@pytest.mark.parametrize("sentence, quote, metric, value, verdict", [
    ("Brazil's Vale agreed on Friday to buy Canada's Teck Coal for $8.2 billion in cash.",
     "for $8.2 billion in cash", "Teck Coal sale price", 8.2, "supported"),
    ("Chile's copper exports rose to $4 billion while imports fell to $2 billion.",
     "fell to $2 billion", "Chilean exports", 2, "contradicted"),
])
def test_a_quote_that_is_only_the_figure_is_bound_by_its_sentence(sentence: str, quote: str, metric: str,
                                                                  value: float, verdict: str) -> None:
    fact = TradeFigure(metric=metric, value=value, scale="billion", currency="USD", evidence=_evidence(quote))
    assert _check(fact, _article(sentence)).fields["metric"].verdict.value == verdict


@pytest.mark.parametrize("metric, verdict", [("enterprise value including debt", "supported"),
                                             ("debt", "contradicted")])
def test_what_a_metric_includes_is_not_what_it_measures(metric: str, verdict: str) -> None:
    quote = "Including debt, the deal's total enterprise value is $41 billion"
    fact = TradeFigure(metric=metric, value=41, scale="billion", currency="USD", evidence=_evidence(quote))
    assert _check(fact, _article(quote + ".")).fields["metric"].verdict.value == verdict


@pytest.mark.parametrize("quote, location, verdict", [
    ("In Abuja on Friday, Ruto held talks with Tinubu", "Lagos", "unsupported"),  # the dateline is not the place
    ("In Abuja on Friday, Ruto held talks with Tinubu", "Abuja", "supported"),
    ("In Abuja on Friday, Ruto held talks with Tinubu", "Nigeria", "supported"),
    ("Ruto held talks with Tinubu at the Presidential Villa on Friday", "Presidential Villa, Lagos", "supported"),
])
def test_a_dateline_never_overrides_the_place_the_quote_gives(quote: str, location: str, verdict: str) -> None:
    article = _article(f"LAGOS, May 4 (Wire) - {quote}.")
    fact = Meeting(participants=["Ruto", "Tinubu"], location=location, evidence=_evidence(quote))
    assert _check(fact, article).fields["location"].verdict.value == verdict


@pytest.mark.parametrize("text, currency, verdict", [
    # a currency name several countries share is the one of the country the article names
    ("Trade between Uganda and Rwanda stood at 900 billion shillings last year.", "UGX", "supported"),
    ("Trade between Uganda and Rwanda stood at 900 billion shillings last year.", "KES", "unsupported"),
    ("Kenya and Uganda traded goods worth 900 billion shillings last year.", "UGX", "unsupported"),  # which one?
    ("Tunisia's exports to Libya reached 900 billion dinars last year.", "TND", "unsupported"),  # both use dinars
    # letters for a shared name ("Rs": rupees) are those of the one rupee country the article names
    ("Pakistan's exports to Oman reached Rs 900 billion last year.", "PKR", "supported"),
    ("Pakistan's exports to Oman reached Rs 900 billion last year.", "INR", "unsupported"),
    # a sign read as one currency may be that of the country the article names: not contradicted
    ("Canada's exports to Chile reached $900 billion last year.", "USD", "supported"),
    ("Canada's exports to Chile reached $900 billion last year.", "CAD", "unsupported"),
    ("Germany's exports to Chile reached $900 billion last year.", "CAD", "contradicted"),
    # one- and two-letter signs of one country's news, read by the country where several use them
    ("Papua New Guinea's exports to Fiji reached K900 billion last year.", "PGK", "supported"),
    ("Zambia's exports to Angola reached K900 billion last year.", "PGK", "unsupported"),
    ("Namibia's imports from South Africa reached R900 billion last year.", "ZAR", "supported"),
    ("Philippine exports to Vietnam reached P900 billion last year.", "PHP", "supported"),
    ("Botswana's exports to Namibia reached P900 billion last year.", "BWP", "supported"),
    ("Botswana's exports to Namibia reached P900 billion last year.", "PHP", "unsupported"),  # never contradicted
    ("Nigeria's exports to Ghana reached N900 billion last year.", "NGN", "supported"),
    # "crowns" is English for krona, krone and koruna
    ("Norway's exports to Poland reached 900 billion crowns last year.", "NOK", "supported"),
    ("Sweden's exports to Norway reached 900 billion Norwegian crowns last year.", "NOK", "supported"),
    ("Sweden's exports to Norway reached 900 billion Norwegian crowns last year.", "SEK", "contradicted"),
])
def test_a_shared_currency_name_is_read_by_the_country_the_article_names(text: str, currency: str,
                                                                       verdict: str) -> None:
    fact = TradeFigure(metric="trade", value=900, scale="billion", currency=currency, evidence=_evidence(text[:-1]))
    assert _check(fact, _article(text)).fields["value"].verdict.value == verdict


def test_the_base_of_a_comparison_is_not_the_figures_period() -> None:
    article = _article("SANTIAGO - Peru's copper exports totalled $18.2 billion in the first half, up 6 percent from "
                       "the same period last year, the central bank said.", published=dt.date(2025, 8, 12))
    quote = "Peru's copper exports totalled $18.2 billion in the first half, up 6 percent from the same period last year"
    fact = lambda text, iso: TradeFigure(metric="copper exports", value=18.2, scale="billion", currency="USD",
                                         period=DateRef(text=text, iso=iso), evidence=_evidence(quote))
    last_year = _check(fact("last year", "2024"), article).fields["period"]
    assert last_year.verdict == Verdict.unsupported and "measured from" in last_year.reason
    assert _check(fact("the first half of 2025", "2025"), article).fields["period"].verdict == Verdict.supported


def test_a_period_its_sentence_gives_binds_the_figure_against_the_dateline() -> None:
    article = _article("OSLO, Nov 18 - Polish President Karol Nawrocki visited Oslo on Tuesday.\n\nTrade between Norway "
                       "and Poland totalled 9.4 billion euros last year, with Norwegian exports accounting for 6.1 "
                       "billion euros of it.", published=dt.date(2025, 11, 19))
    quote = "with Norwegian exports accounting for 6.1 billion euros of it"
    fact = lambda iso: TradeFigure(metric="Norwegian exports", value=6.1, scale="billion", currency="EUR",
                                   period=DateRef(text=iso, iso=iso), evidence=_evidence(quote))
    assert _check(fact("2024"), article).fields["period"].verdict == Verdict.supported
    assert _check(fact("2025"), article).fields["period"].verdict == Verdict.unsupported  # the dateline's year
