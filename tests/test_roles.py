"""Roles, not words: each sentence names every value of the wrong fact, so a test of words alone
passes it; the roles the sentence gives its names must reject it. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.articles import Article
from summarizer.grounding.checker import check
from summarizer.grounding.fields import Verdict
from summarizer.schema import (
    Agreement,
    DateRef,
    EventSummary,
    Evidence,
    Invitation,
    Meeting,
    TradeFigure,
)

QUOTED = [Evidence(article_id="a1", quote="replaced by the test's sentence")]


def _verdict(fact, sentence: str, field: str | None = None) -> Verdict:
    kind = {Meeting: "meetings", Agreement: "agreements", TradeFigure: "trade_figures",
            Invitation: "invitations"}[type(fact)]
    article = Article(id="a1", text=sentence, published=dt.date(2025, 6, 4))
    fact = fact.model_copy(update={"evidence": [Evidence(article_id="a1", quote=sentence)]})
    checked = check(EventSummary(title="t", **{kind: [fact]}), [article]).facts[0]
    return checked.fields[field].verdict if field else checked.verdict


def _metric_verdict(sentence: str, metric: str, billions: float) -> Verdict:
    """The metric's verdict for a figure of ``billions`` US dollars quoted as the whole sentence."""
    fact = TradeFigure(metric=metric, value=billions, scale="billion", currency="USD", evidence=QUOTED)
    return _verdict(fact, sentence, "metric")


@pytest.mark.parametrize(("sentence", "met", "right"), [
    ("Chilean President Gabriel Boric met Peru's Dina Boluarte in Lima on Monday.", ["Gabriel Boric", "Dina Boluarte"], True),
    ("Gabriel Boric and Dina Boluarte held talks in Lima.", ["Gabriel Boric", "Dina Boluarte"], True),
    ("Boric held a meeting with Boluarte in Lima.", ["Boric", "Boluarte"], True),
    ("Talks between Boric and Boluarte ran late.", ["Boric", "Boluarte"], True),
    # talking together: both the subjects of "discussed", or its subject and its "with"
    ("Gabriel Boric and Dina Boluarte discussed lithium mining at the palace in Lima.",
     ["Gabriel Boric", "Dina Boluarte"], True),
    ("Boric discussed lithium with Boluarte in Lima on Monday.", ["Boric", "Boluarte"], True),
    ("Boric discussed the pact Boluarte had signed.", ["Boric", "Boluarte"], False),
    # the names are there, in other roles
    ("Before seeing Lula, Boric met Dina Boluarte in Lima.", ["Lula", "Dina Boluarte"], False),
    ("Boric told Lula about his talks with Boluarte.", ["Lula", "Boluarte"], False),
    ("Boric briefed reporters on his meetings with Ministers Ana Costa and Luis Vega.", ["Ana Costa", "Luis Vega"], False),
    ("Boric said he was confident that Lula and Boluarte will meet next year.", ["Boric", "Lula"], False),
    # "he" / "she" stands for the subject of the clause above it, never for another name of the sentence
    ("Ursula von der Leyen flew to Montevideo for a summit, where she met Luis Lacalle Pou.",
     ["Ursula von der Leyen", "Luis Lacalle Pou"], True),
    ("Boric said he met Boluarte in Lima.", ["Boric", "Boluarte"], True),
    ("Boric told Lula about his talks with Boluarte.", ["Boric", "Boluarte"], True),
    ("Boric, who met Milei last week, flew to Lima, where he met Boluarte.", ["Milei", "Boluarte"], False),
    ("Modi thanked Putin, who said he met Zelensky in Kyiv.", ["Modi", "Zelensky"], False),
    ("Modi thanked Putin, who said he met Zelensky in Kyiv.", ["Putin", "Zelensky"], True),
    ("Ruto praised Scholz, and he met Meloni later.", ["Scholz", "Meloni"], False),
    # "they" stands for names joined by "and" as the subject of the clause above it, for nothing else
    ("Boric and Boluarte agreed to open a bridge as they held talks in Lima.", ["Boric", "Boluarte"], True),
    ("Boric and Boluarte said officials had drafted a deal before they held talks in Lima.", ["Boric", "Boluarte"],
     False),
    ("Boric praised the ministers, and they held talks with Boluarte.", ["Boric", "Boluarte"], False),
    # acts two people only do together, when both are their subjects
    ("Lula and Ramaphosa witnessed the signing of a visa pact in Brasilia.", ["Lula", "Ramaphosa"], True),
    ("Lula witnessed the signing of a visa pact that Ramaphosa praised.", ["Lula", "Ramaphosa"], False),
    ("Lula and Ramaphosa will witness the signing of a visa pact.", ["Lula", "Ramaphosa"], False),
    # a meal leaders share is a meeting: its people are the subjects of the clause it hangs on, or "with" it
    ("Tinubu and Ramaphosa signed three accords after a working dinner at State House.", ["Tinubu", "Ramaphosa"],
     True),
    ("Lula had lunch with Boric at the Planalto palace on Monday.", ["Lula", "Boric"], True),
    ("Lula had lunch at the Planalto palace before Boric arrived.", ["Lula", "Boric"], False),
    ("Tinubu spoke after a working dinner that Ramaphosa skipped.", ["Tinubu", "Ramaphosa"], False),
    # watching a signing together, also after "a meeting" that has no participant of its own
    ("Modi and Albanese watched their ministers sign a migration pact in Canberra, after a meeting on trade.",
     ["Modi", "Albanese"], True),
    ("Modi watched his minister sign a migration pact that Albanese later praised.", ["Modi", "Albanese"], False),
    # people who signed one text together, or one with the other
    ("Musalia Mudavadi and Samuel Ablakwa signed a visa waiver in Accra.", ["Musalia Mudavadi", "Samuel Ablakwa"],
     True),
    ("Mudavadi signed the visa waiver with Ablakwa in Accra.", ["Mudavadi", "Ablakwa"], True),
    ("Mudavadi signed the visa waiver after Ablakwa had left Accra.", ["Mudavadi", "Ablakwa"], False),
    ("Mudavadi and Ablakwa will sign a visa waiver in Accra next week.", ["Mudavadi", "Ablakwa"], False),
    # the subject of the clause a gerund of meeting hangs on
    ("Boric and Boluarte opened the bridge on Monday, after holding talks in Lima.", ["Boric", "Boluarte"], True),
    ("Boric opened the bridge after Lula held talks with Boluarte.", ["Boric", "Boluarte"], False),
    # a meeting held at a distance
    ("Gabriel Boric and Dina Boluarte spoke by phone on Monday.", ["Gabriel Boric", "Dina Boluarte"], True),
    ("Boric had a video call with Boluarte.", ["Boric", "Boluarte"], True),
    ("Chilean President Gabriel Boric held phone talks with Peru's Dina Boluarte on Monday.",
     ["Gabriel Boric", "Dina Boluarte"], True),
    ("Boric spoke by phone to reporters about the visit of Boluarte.", ["Boric", "Boluarte"], False),
    # a meeting held by phone, told by any verb: "agreed in a phone call"
    ("Peru's Dina Boluarte said on Monday that she and Kenyan President William Ruto agreed in a phone call to "
     "open embassies.", ["Dina Boluarte", "William Ruto"], True),
    ("Ruto said in a phone call with Lula that Boluarte would visit Nairobi.", ["Ruto", "Boluarte"], False),
    ("Ruto said in a phone call with Lula that Boluarte would visit Nairobi.", ["Ruto", "Lula"], True),
    # a meeting as the setting of an act between two: both were there; not an act after it
    ("Peru's Dina Boluarte told Kenya's William Ruto in a meeting in Lima last month that Peru wanted closer ties.",
     ["Dina Boluarte", "William Ruto"], True),
    ("Boluarte thanked Lula after talks with Ruto.", ["Boluarte", "Lula"], False),
    # "who" stands for the name its clause hangs on
    ("The pact was signed by Ghana's John Mahama, who had held talks with William Ruto earlier.",
     ["John Mahama", "William Ruto"], True),
    ("William Ruto thanked John Mahama, who had met Bola Tinubu.", ["William Ruto", "Bola Tinubu"], False),
    # "between" takes both sides, whatever the parser makes of a "visiting" before the second
    ("Kenya and Peru agreed to start talks on a trade pact after talks between President William Ruto and "
     "visiting Peruvian President Dina Boluarte at State House.", ["William Ruto", "Dina Boluarte"], True),
    ("After talks between President William Ruto and visiting Peruvian President Dina Boluarte, Foreign "
     "Minister Musalia Mudavadi said a pact was near.", ["Musalia Mudavadi", "Dina Boluarte"], False),
    # a name with a long title is one noun phrase, however the parser splits it
    ("LUSAKA -- President Hakainde Hichilema on Friday received Oman's Minister of State for Foreign Affairs "
     "Khalifa bin Ali Al-Harthy at State House.", ["Hakainde Hichilema", "Khalifa bin Ali Al-Harthy"], True),
    ("LUSAKA -- President Hakainde Hichilema on Friday received Oman's Minister of State for Foreign Affairs "
     "Khalifa bin Ali Al-Harthy at State House.", ["Khalifa bin Ali Al-Harthy", "Oman"], False),
    # a headline line never runs into the first sentence of the body
    ("Brazil, South Africa sign visa pact\n\nBRASILIA (Wire) - Lula and Ramaphosa on Friday witnessed the "
     "signing of a visa pact.", ["Lula", "Ramaphosa"], True),
])
def test_meeting_participants_are_arguments_of_one_meeting(sentence: str, met: list[str], right: bool) -> None:
    verdict = _verdict(Meeting(participants=met, evidence=QUOTED), sentence, "participants")
    assert (verdict == Verdict.supported) == right, sentence


@pytest.mark.parametrize(("sentence", "right"), [
    ("Lula and Boluarte will meet in Brasilia next month.", False),
    ("Boric said he was confident that Lula and Boluarte are to meet in May.", False),
    ("Lula is expected to hold talks with Boluarte on Friday.", False),
    ("Lula plans to meet Boluarte at the summit.", False),
    ("Ruto said that Lula and Boluarte will meet for a summit in Lima next year.", False),
    ("Lula will travel to Lima next month to meet Boluarte.", False),  # the trip's purpose, still to come
    ("Chile has proposed a meeting between Lula and Boluarte.", False),  # only put forward
    ("Boric called for talks between Lula and Boluarte in May.", False),
    ("Lula met Boluarte to discuss a proposed rail link.", True),
    ("Boric said Lula would meet Boluarte in Lima.", False),  # the future told in reported speech
    # held, whatever else the sentence puts ahead
    ("Lula travelled to Lima on Monday to meet Boluarte.", True),
    ("Lula met Boluarte, who will travel to Santiago next week.", True),
    ("Lula held talks with Boluarte and will return to Lima in May.", True),
])
def test_a_meeting_still_to_come_is_not_a_meeting_held(sentence: str, right: bool) -> None:
    verdict = _verdict(Meeting(participants=["Lula", "Boluarte"], evidence=QUOTED), sentence, "participants")
    assert (verdict == Verdict.supported) == right, sentence


def test_a_name_inside_an_award_is_not_a_participant() -> None:
    sentence = ("President Ruto was on Friday presented the 'Order of St George the Victor' award by King "
                "Charles at Windsor.")
    wrong = Meeting(participants=["Ruto", "George", "King Charles"], evidence=QUOTED)
    assert _verdict(wrong, sentence) != Verdict.supported


def test_whoever_passed_an_invitation_on_is_neither_inviter_nor_invitee() -> None:
    sentence = "Chancellor Merz invited President Lula to visit Berlin in the autumn."
    wrong = Invitation(inviter="Merz", invitee="Lula", conveyed_via="Lula", evidence=QUOTED)
    assert _verdict(wrong, sentence, "conveyed_via") == Verdict.contradicted


def test_witnesses_of_a_signing_are_not_its_parties() -> None:
    sentence = ("Ruto held talks with Mahama, during which they witnessed the signing of five agreements "
                "on trade and energy.")
    wrong = Agreement(subject="five agreements on trade and energy", status="signed", parties=["Ruto", "Mahama"],
                      evidence=QUOTED)
    assert _verdict(wrong, sentence, "parties[0]") == Verdict.unsupported
    right = "Ruto and Mahama signed five agreements on trade and energy."
    assert _verdict(wrong, right, "parties[0]") == Verdict.supported


@pytest.mark.parametrize(("sentence", "party", "right"), [
    # a nationality word in an indefinite phrase names one of that country's, not the country
    ("Wartsila signed a supply agreement with a Japanese utility last year.", "Japan", False),
    ("Wartsila signed a supply agreement with a Japanese delegation last year.", "Japan", True),  # acts for it
    ("Wartsila signed a supply agreement with the Japanese government last year.", "Japan", True),
])
def test_a_nationality_in_an_indefinite_phrase_is_no_side(sentence: str, party: str, right: bool) -> None:
    fact = Agreement(subject="supply agreement", status="signed", parties=[party], evidence=QUOTED)
    assert (_verdict(fact, sentence, "parties[0]") == Verdict.supported) == right, sentence


@pytest.mark.parametrize(("sentence", "party", "right"), [
    ("Chile and Peru signed two amendments that will take the Atacama Solar Project forward.", "Peru", True),
    ("Chile signed a trade pact with Peru on Friday.", "Peru", True),
    ("Japan and the EU signed the Japan-EU Economic Partnership Agreement.", "EU", True),
    # named, but inside what was signed: a clause of its own within the object
    ("Chile and Peru signed two amendments that will take the Atacama Solar Project forward.",
     "Atacama Solar Project", False),
    ("Kenya and Ghana signed agreements to expand trade with Nigeria.", "Nigeria", False),
    # a built work, or the place named by one, in what was done
    ("Kenya and Ethiopia signed a memorandum on a highway to the port of Djibouti.", "Djibouti", False),
    ("Kenya and Ethiopia signed a memorandum on a highway to the port of Djibouti.", "Ethiopia", True),
    ("Peru and Bolivia agreed to speed up the Desaguadero bridge and signed a rail pact.", "Desaguadero", False),
    # not a side whose country names a work, nor a port named as a side
    ("Kenya and Uganda signed an accord on the Kenya-Uganda pipeline.", "Uganda", True),
    ("The Port of Rotterdam signed a memorandum with Oman's Sohar port.", "Port of Rotterdam", True),
])
def test_what_a_signed_text_concerns_is_not_a_party(sentence: str, party: str, right: bool) -> None:
    fact = Agreement(subject="agreements", status="signed", parties=[party], evidence=QUOTED)
    assert (_verdict(fact, sentence, "parties[0]") == Verdict.supported) == right, sentence


PLAN = "The plan, which the two governments approved on Monday, commits both to a review of the regional fisheries pact."


@pytest.mark.parametrize(("sentence", "subject", "status", "right"), [
    (PLAN, "regional fisheries pact", "agreed", False),
    (PLAN, "joint plan", "agreed", True),
    ("Peru and Chile signed a fisheries accord that replaces a 1998 treaty.", "1998 treaty", "signed", False),
    ("Peru and Chile signed a fisheries accord that replaces a 1998 treaty.", "fisheries accord", "signed", True),
    ("The treaty, which Kenya signed in 1998, was replaced by a customs pact.", "customs pact", "signed", False),
    ("The treaty, which Kenya signed in 1998, was replaced by a customs pact.", "treaty", "signed", True),
    ("Ministers approved a customs protocol on Monday and said a wider trade pact would follow.", "wider trade pact",
     "agreed", False),
    # a takeover offer is put forward, not agreed
    ("Safaricom launched a 2 billion dollar offer for Airtel Kenya on Monday.", "offer for Airtel Kenya", "proposed",
     True),
    ("Safaricom launched a 2 billion dollar offer for Airtel Kenya on Monday.", "offer for Airtel Kenya", "agreed",
     False),
    # a text initialled is agreed, not yet signed
    ("The foreign ministers of Chile and Peru initialed the text of a fisheries pact on Monday.", "fisheries pact",
     "agreed", True),
    ("The foreign ministers of Chile and Peru initialed the text of a fisheries pact on Monday.", "fisheries pact",
     "signed", False),
    # a participle of agreeing after the act it comes with
    ("Ruto and Boluarte held talks in Nairobi, agreeing to expand cooperation on fisheries.",
     "cooperation on fisheries", "agreed", True),
    ("Ruto and Boluarte held talks in Nairobi, agreeing to expand cooperation on fisheries.",
     "cooperation on fisheries", "signed", False),
    # what the signed text includes was signed with it
    ("The accord, signed in Accra on Friday, includes a memorandum on cocoa pricing.", "memorandum on cocoa pricing",
     "signed", True),
])
def test_a_status_is_said_of_the_agreement_in_its_clause(sentence: str, subject: str, status: str,
                                                          right: bool) -> None:
    fact = Agreement(subject=subject, status=status, evidence=QUOTED)
    assert (_verdict(fact, sentence, "status") == Verdict.supported) == right, subject


def test_negotiations_that_are_over_are_not_under_negotiation() -> None:
    sentence = "It is the largest deal negotiated by Chile, concluding a negotiation process begun in 2019."
    wrong = Agreement(subject="the largest deal", status="under negotiation", evidence=QUOTED)
    assert _verdict(wrong, sentence, "status") != Verdict.supported
    ongoing = "Chile and Peru are in negotiations on the largest deal."
    assert _verdict(wrong, ongoing, "status") == Verdict.supported


@pytest.mark.parametrize("sentence, verdict", [
    ("Exports to Japan more than doubled to $37.8 billion.", Verdict.unsupported),  # it qualifies the doubling
    ("Exports to Japan rose to more than $37.8 billion.", Verdict.supported),
    ("Exports to Japan reached more than a record $37.8 billion.", Verdict.supported),
])
def test_a_qualifier_before_a_verb_qualifies_the_verb(sentence: str, verdict: Verdict) -> None:
    fact = TradeFigure(metric="exports to Japan", value=37.8, scale="billion", currency="USD", qualifier="more than",
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "qualifier") == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # a conversion in brackets restates the figure before it, with its qualifier
    ("Zurich agreed to pay about 4.1 billion euros ($4.4 billion) for the stake.", Verdict.supported),
    ("Zurich agreed to pay 4.1 billion euros ($4.4 billion), up from about $3 billion.", Verdict.unsupported),
])
def test_a_conversion_shares_the_qualifier_of_the_figure_it_restates(sentence: str, verdict: Verdict) -> None:
    fact = TradeFigure(metric="price of the stake", value=4.4, scale="billion", currency="USD", qualifier="about",
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "qualifier") == verdict


def test_a_qualifier_belongs_to_the_figure_it_stands_before() -> None:
    sentence = "Exports reached $4.1 billion (roughly 3.8 billion euros), while imports were about $2 billion."
    exact = TradeFigure(metric="exports", value=4.1, scale="billion", currency="USD", qualifier="roughly", evidence=QUOTED)
    assert _verdict(exact, sentence, "qualifier") == Verdict.unsupported
    imports = TradeFigure(metric="imports", value=2, scale="billion", currency="USD", qualifier="approximately",
                          evidence=QUOTED)
    assert _verdict(imports, sentence, "qualifier") == Verdict.supported


@pytest.mark.parametrize(("metric", "value", "right"), [
    ("exports", 4.1, True),
    ("imports", 2.3, True),
    ("imports", 4.1, False),      # the growth of one metric given to another
    ("exports", 2.3, False),
])
def test_a_figure_belongs_to_the_measure_its_clause_names(metric: str, value: float, right: bool) -> None:
    sentence = "Peru's exports to Chile rose 4% to $4.1 billion, while imports grew 7% to $2.3 billion."
    fact = TradeFigure(metric=metric, value=value, scale="billion", currency="USD", evidence=QUOTED)
    assert (_verdict(fact, sentence, "metric") == Verdict.supported) == right


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    # "valued at" gives the value of what its clause is about, whatever that is
    ("Ghana's exports were valued at $3.2 billion, while imports were $1.1 billion.", "exports", Verdict.supported),
    ("Ghana's exports were valued at $3.2 billion, while imports were $1.1 billion.", "imports", Verdict.contradicted),
    ("Unilever agreed to buy the brand in a deal valued at $3.2 billion.", "deal value", Verdict.supported),
    ("Unilever agreed to buy the brand in a deal valued at $3.2 billion.", "exports", Verdict.contradicted),
    # a valuation is a value
    ("The deal values the brewer at $3.2 billion.", "valuation of the brewer", Verdict.supported),
])
def test_valued_at_binds_the_figure_to_its_clause_s_measure(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 3.2) == verdict


@pytest.mark.parametrize(("metric", "verdict"), [
    # the market value of the group a merger creates is no deal's value
    ("deal", Verdict.contradicted),
    ("market value of the combined group", Verdict.supported),
])
def test_a_market_value_is_not_a_deal_s_value(metric: str, verdict: Verdict) -> None:
    sentence = ("Nordic lenders Sampo and Tryg agreed to merge in an all-share deal that creates a group with a market "
                "value of about $3.2 billion.")
    assert _metric_verdict(sentence, metric, 3.2) == verdict


@pytest.mark.parametrize(("metric", "verdict"), [
    # a price per share, with the company named between "per" and "share", is no deal's value
    ("deal", Verdict.contradicted),
    ("price per share", Verdict.supported),
    ("price per Kenvue share", Verdict.supported),
])
def test_a_price_per_named_share_is_per_share(metric: str, verdict: Verdict) -> None:
    sentence = "The deal, announced in March, was valued at $41.50 per Kenvue share in cash."
    fact = TradeFigure(metric=metric, value=41.5, currency="USD", evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict


@pytest.mark.parametrize(("metric", "verdict"), [
    # a figure before a named project gives that project's cost, however the metric words it
    ("cost of the Lobito Atlantic Railway", Verdict.supported),
    ("value of the Lobito Atlantic Railway", Verdict.supported),
    ("cost of the Benguela port", Verdict.unsupported),   # another project
])
def test_a_figure_before_a_named_project_is_its_cost(metric: str, verdict: Verdict) -> None:
    sentence = "Trafigura holds a 40% stake in the $3.2 billion Lobito Atlantic Railway being built across Angola."
    assert _metric_verdict(sentence, metric, 3.2) == verdict


@pytest.mark.parametrize(("metric", "verdict"), [
    # a figure before a noun in apposition to a name gives the cost of what is named
    ("cost of the Lobito Corridor", Verdict.supported),
    ("cost of the Benguela port", Verdict.unsupported),
])
def test_a_figure_in_apposition_to_a_name_is_its_cost(metric: str, verdict: Verdict) -> None:
    sentence = ("The ministers signed a memorandum on the Lobito Corridor, a planned $3.2 billion rail line to the "
                "coast.")
    assert _metric_verdict(sentence, metric, 3.2) == verdict


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    # what the words after a figure say it includes is not what it is
    ("The merged insurer, valued at $3.2 billion including debt, will list in Singapore.", "debt",
     Verdict.contradicted),
    ("Trade reached $3.2 billion, with imports at $1.4 billion.", "imports", Verdict.contradicted),
    ("Trade reached $3.2 billion, with imports at $1.4 billion.", "trade", Verdict.supported),
    ("The lender wrote off $3.2 billion in debt.", "debt", Verdict.supported),
])
def test_what_a_figure_includes_is_not_what_it_measures(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 3.2) == verdict


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    # a figure the clause gives as a total is no one-way measure
    ("Kenya's trade with India reached $4.1 billion, of which exports made up $0.9 billion.", "exports",
     Verdict.contradicted),
    ("Kenya's trade with India reached $4.1 billion, of which exports made up $0.9 billion.", "trade",
     Verdict.supported),
    ("Kenya's exports to India reached $4.1 billion as trade grew.", "exports", Verdict.supported),
])
def test_a_total_is_no_one_way_measure(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 4.1) == verdict


def test_a_total_binds_nothing() -> None:
    sentence = "Trade between Peru and Chile reached $6.4 billion as exports rose."
    total = TradeFigure(metric="trade", value=6.4, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(total, sentence, "metric") == Verdict.supported


def test_a_debt_or_a_share_price_is_not_the_deal() -> None:
    sentence = "The takeover would also see Siemens assume Altair's $1.2 billion in debt and pay $113 a share."
    debt = TradeFigure(metric="takeover", value=1.2, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(debt, sentence, "metric") == Verdict.contradicted
    price = TradeFigure(metric="takeover", value=113, currency="USD", evidence=QUOTED)
    assert _verdict(price, sentence, "metric") == Verdict.contradicted
    right = TradeFigure(metric="debt", value=1.2, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(right, sentence, "metric") == Verdict.supported


@pytest.mark.parametrize(("sentence", "right"), [
    # a margin over another price is no growth of the figure
    ("Saudi Aramco will pay $1.2 per share, a 12% premium to the closing price.", False),
    ("The shares were sold at $1.2 each, a 12% discount to Friday's close.", False),
    ("The bid values Safaricom at $1.2 per share, a premium of just 12% to Friday's close.", False),
    ("The shares rose 12% to $1.2 after the bid.", True),
])
def test_growth_is_a_change_not_a_margin(sentence: str, right: bool) -> None:
    fact = TradeFigure(metric="per share", value=1.2, currency="USD", growth="12%", evidence=QUOTED)
    verdict = _verdict(fact, sentence, "growth")
    assert (verdict == Verdict.supported if right else verdict == Verdict.contradicted), sentence


@pytest.mark.parametrize(("metric", "verdict"), [
    ("deal value", Verdict.contradicted),     # the merged group's revenue is not what the deal is worth
    ("combined revenue", Verdict.supported),
])
def test_a_revenue_is_not_the_deal(metric: str, verdict: Verdict) -> None:
    sentence = "The takeover would create a group with combined revenue of about $1.2 billion."
    assert _metric_verdict(sentence, metric, 1.2) == verdict


@pytest.mark.parametrize(("sentence", "right"), [
    ("Kenya's exports to Uganda rose 12% to $1.2 billion in 2024.", True),
    ("Kenya's exports to Uganda reached $1.2 billion in 2024, a rise of 12%.", True),
    ("Kenya's exports to Uganda reached $1.2 billion in 2024, a 12% increase on the year before.", True),
    # the percentage is there, as a share of a total
    ("Kenya's exports to Uganda reached $1.2 billion in 2024, 12% of its total exports.", False),
    ("Uganda accounts for about 12% of Kenya's exports, worth $1.2 billion in 2024.", False),
    ("Uganda accounted for almost 12% of Kenya's exports, worth $1.2 billion in 2024.", False),
    ("Uganda took a 12% share of Kenya's exports, worth $1.2 billion in 2024.", False),
])
def test_growth_is_a_change_not_a_share(sentence: str, right: bool) -> None:
    fact = TradeFigure(metric="exports", value=1.2, scale="billion", currency="USD", growth="12%", evidence=QUOTED)
    verdict = _verdict(fact, sentence, "growth")
    assert (verdict == Verdict.supported if right else verdict == Verdict.contradicted), sentence


def _dated(fact, phrase: str, iso: str):
    return fact.model_copy(update={"date": DateRef(text=phrase, iso=iso)})


PACT = Agreement(subject="fisheries pact", status="signed", parties=["Chile", "Peru"], evidence=QUOTED)
MET = Meeting(participants=["William Ruto", "John Mahama"], evidence=QUOTED)


@pytest.mark.parametrize("fact, sentence, phrase, iso, verdict", [
    # the date of another act of the sentence
    (PACT, "Chile and Peru signed a fisheries pact, concluding a negotiation process started in 2019.", "in 2019", "2019",
     Verdict.unsupported),
    (PACT, "The fisheries pact, first proposed in 2019, was signed by Chile and Peru.", "in 2019", "2019",
     Verdict.unsupported),
    (MET, "William Ruto, who arrived in Accra on Monday, met John Mahama on Tuesday.", "on Monday", "2025-06-02",
     Verdict.unsupported),
    # a report's date, when the act came before it ("following", "after")
    (MET, "Kenya and Ghana said in a joint statement on Tuesday, following talks between William Ruto and John "
          "Mahama.", "on Tuesday", "2025-06-03", Verdict.unsupported),
    (MET, "William Ruto and John Mahama signed five pacts on Tuesday after talks in Accra.", "on Tuesday",
     "2025-06-03", Verdict.supported),
    (MET, "Kenya and Ghana will build a rail link, William Ruto and John Mahama announced on Tuesday after talks "
          "in Accra.", "on Tuesday", "2025-06-03", Verdict.supported),  # those who met announce it
    # the act's own date: on its verb, a verb over it, its own clause, or a reporting verb
    (PACT, "Chile and Peru signed a fisheries pact in Lima on Tuesday.", "on Tuesday", "2025-06-03",
     Verdict.supported),
    (PACT, "Chile and Peru signed a fisheries pact, officials announced on Tuesday.", "on Tuesday", "2025-06-03",
     Verdict.supported),
    (PACT, "Chile and Peru on Tuesday held talks during which they signed a fisheries pact.", "on Tuesday",
     "2025-06-03", Verdict.supported),
    (MET, "William Ruto, who arrived in Accra on Monday, met John Mahama on Tuesday.", "on Tuesday", "2025-06-03",
     Verdict.supported),
    (MET, "William Ruto will host John Mahama at a summit to be held on Friday.", "on Friday", "2025-06-06",
     Verdict.supported),
])
def test_a_date_must_be_the_facts_own_act(fact, sentence: str, phrase: str, iso: str, verdict: Verdict) -> None:
    assert _verdict(_dated(fact, phrase, iso), sentence, "date") == verdict


def test_their_governments_are_the_sides_the_lead_names_by_nationality() -> None:
    lead = "Turkmen President Serdar Berdimuhamedov and Tajik President Emomali Rahmon met in Ashgabat on Tuesday."
    quote = "Their governments are still negotiating a deal on gas supplies."
    article = Article(id="a1", text=f"{lead}\n\n{quote}", published=dt.date(2025, 6, 4))
    fact = Agreement(subject="a deal on gas supplies", status="under negotiation",
                     parties=["Turkmenistan", "Tajikistan"], evidence=[Evidence(article_id="a1", quote=quote)])
    checked = check(EventSummary(title="t", agreements=[fact]), [article]).facts[0]
    assert [checked.fields[f"parties[{i}]"].verdict for i in (0, 1)] == [Verdict.supported] * 2


@pytest.mark.parametrize("second, verdict", [
    ("The ministers later met President William Ruto at State House.", Verdict.supported),  # continues
    ("Ruto later met the press at State House.", Verdict.unsupported),
])
def test_a_paragraph_opening_with_a_collective_continues_the_one_before(second: str, verdict: Verdict) -> None:
    first = "Kenya's Musalia Mudavadi and Ghana's Samuel Ablakwa signed a visa pact in Nairobi on Monday."
    article = Article(id="a1", text=f"{first}\n\n{second}", published=dt.date(2025, 6, 4))
    fact = Meeting(participants=["William Ruto", "Musalia Mudavadi"],
                   evidence=[Evidence(article_id="a1", quote=second)])
    checked = check(EventSummary(title="t", meetings=[fact]), [article]).facts[0]
    assert checked.fields["participants"].verdict == verdict


def test_a_signing_of_the_story_s_deal_takes_the_lead_s_date() -> None:
    lead = "Kenya and Ghana signed a visa agreement in Nairobi on Tuesday."
    quote = "Musalia Mudavadi and Samuel Ablakwa signed the deal in a ceremony at State House."
    article = Article(id="a1", text=f"{lead}\n\n{quote}", published=dt.date(2025, 6, 4))
    fact = Agreement(subject="visa deal", status="signed", parties=["Musalia Mudavadi", "Samuel Ablakwa"],
                     date=DateRef(text="on Tuesday", iso="2025-06-03"),
                     evidence=[Evidence(article_id="a1", quote=quote)])
    checked = check(EventSummary(title="t", agreements=[fact]), [article]).facts[0]
    assert checked.fields["date"].verdict == Verdict.supported


def test_a_takeover_completed_with_its_price_between_is_signed() -> None:
    sentence = "Heineken has completed its £3.3bn takeover of Distell."
    deal = Agreement(subject="takeover of Distell", status="signed", parties=["Heineken"], evidence=QUOTED)
    assert _verdict(deal, sentence, "status") == Verdict.supported


@pytest.mark.parametrize("party, verdict", [
    # a country's name inside another country's longer name does not name it
    ("Guinea", Verdict.unsupported),
    ("Papua New Guinea", Verdict.supported),
    ("Sudan", Verdict.unsupported),
    ("South Sudan", Verdict.supported),
])
def test_a_country_inside_another_country_s_name_is_not_named(party: str, verdict: Verdict) -> None:
    sentence = "James Marape of Papua New Guinea and Salva Kiir of South Sudan signed a fisheries pact."
    pact = Agreement(subject="fisheries pact", status="signed", parties=[party], evidence=QUOTED)
    assert _verdict(pact, sentence, "parties[0]") == verdict


@pytest.mark.parametrize("text, base", [
    # "since" a clause after "first": the clause dates the last time, not the act
    ("Milei met Boric on Thursday, their first meeting since Milei took office in December 2023.", True),
    ("Peru's copper exports have risen since Boluarte took office in December 2022.", False),
])
def test_a_date_in_a_since_clause_after_first_is_a_base(text: str, base: bool) -> None:
    from summarizer.text.dates import find_dates

    assert [d.base for d in find_dates(text, dt.date(2025, 11, 14)) if d.iso and len(d.iso) == 7] == [base]


PATROLS = Agreement(subject="joint naval patrols", status="agreed", parties=["Chile", "Peru"], evidence=QUOTED)


@pytest.mark.parametrize("sentence, phrase, iso, verdict", [
    # a date ahead in what was agreed dates that, not the agreeing
    ("Chile and Peru agreed to start joint naval patrols next year.", "next year", "2026", Verdict.unsupported),
    ("Chile and Peru agreed to start joint naval patrols next year.", "on Tuesday", "2025-06-03",
     Verdict.unsupported),
    ("Chile and Peru agreed on Tuesday to start joint naval patrols next year.", "on Tuesday", "2025-06-03",
     Verdict.supported),
    ("Chile and Peru agreed to resume joint naval patrols later this year.", "this year", "2025", Verdict.unsupported),
    # a bare past participle set off by commas tells what was done to a noun before
    ("Chile and Peru agreed to resume joint naval patrols, last held in 2019, in September.", "in 2019", "2019",
     Verdict.unsupported),
    # a date already past may date the agreeing itself
    ("Chile and Peru agreed to start joint naval patrols in May.", "in May", "2025-05", Verdict.supported),
])
def test_a_date_ahead_in_what_was_agreed_is_not_the_agreement_s(sentence: str, phrase: str, iso: str,
                                                                verdict: Verdict) -> None:
    assert _verdict(_dated(PATROLS, phrase, iso), sentence, "date") == verdict


@pytest.mark.parametrize("sentence, verdict", [
    # an act the sentence places in the story's event, dating nothing itself, takes the lead's date
    ("Mudavadi also held a meeting with James Gyakye.", Verdict.supported),
    ("Before the talks, Mudavadi met James Gyakye.", Verdict.supported),
    ("Mudavadi hosted James Gyakye for the two-day talks.", Verdict.supported),
    ("Mudavadi held a meeting with James Gyakye.", Verdict.unsupported),  # nothing places it in the story
    ("Mudavadi will also hold a meeting with James Gyakye.", Verdict.unsupported),  # still to come
    ("Mudavadi also held a meeting with James Gyakye in March.", Verdict.contradicted),  # dated itself
])
def test_an_act_placed_in_the_story_s_event_takes_the_lead_s_date(sentence: str, verdict: Verdict) -> None:
    lead = "Kenyan Foreign Minister Musalia Mudavadi hosted Ghana's Samuel Ablakwa in Nairobi on Tuesday."
    article = Article(id="a1", text=f"{lead}\n\n{sentence}", published=dt.date(2025, 6, 4))
    fact = Meeting(participants=["Mudavadi", "James Gyakye"], date=DateRef(text="on Tuesday", iso="2025-06-03"),
                   evidence=[Evidence(article_id="a1", quote=sentence)])
    checked = check(EventSummary(title="t", meetings=[fact]), [article]).facts[0]
    assert checked.fields["date"].verdict == verdict


@pytest.mark.parametrize("phrase, iso, verdict", [
    ("in Lima on Tuesday", "2025-06-03", Verdict.supported),
    ("in 2019", "2019", Verdict.unsupported),  # the lead's date of another act is not the story's
])
def test_the_story_s_date_is_the_lead_s_date_of_its_act(phrase: str, iso: str, verdict: Verdict) -> None:
    lead = "Chile and Peru signed a fisheries pact in Lima on Tuesday, concluding talks started in 2019."
    quote = "The two countries also signed a customs pact."
    article = Article(id="a1", text=f"{lead}\n\n{quote}", published=dt.date(2025, 6, 4))
    fact = Agreement(subject="customs pact", status="signed", parties=["Chile", "Peru"],
                     date=DateRef(text=phrase, iso=iso), evidence=[Evidence(article_id="a1", quote=quote)])
    checked = check(EventSummary(title="t", agreements=[fact]), [article]).facts[0]
    assert checked.fields["date"].verdict == verdict


def test_an_agreement_with_a_date_ahead_in_what_was_agreed_takes_the_story_s_date() -> None:
    lead, quote = ("Chile's Gabriel Boric and Peru's Dina Boluarte met in Lima on Tuesday.",
                   "The two leaders agreed to start joint naval patrols next year.")
    article = Article(id="a1", text=f"{lead}\n\n{quote}", published=dt.date(2025, 6, 4))
    fact = _dated(PATROLS, "on Tuesday", "2025-06-03").model_copy(
        update={"evidence": [Evidence(article_id="a1", quote=quote)]})
    checked = check(EventSummary(title="t", agreements=[fact]), [article]).facts[0]
    assert checked.fields["date"].verdict == Verdict.supported


@pytest.mark.parametrize("sentence, party, verdict", [
    # the doer of another act of the sentence is no side
    ("Chile and Peru signed a fisheries pact that the President of Bolivia praised.", "Bolivia", Verdict.unsupported),
    ("Chile and Peru signed a fisheries pact in Lima on Tuesday that the head of the Andean Community "
     "called a model.", "Andean Community", Verdict.unsupported),
    # the subject of a verb over the act is no side where the act names its own doer
    ("Boric received Boluarte at La Moneda, where they discussed the fisheries pact that Lula signed in May.",
     "Boric", Verdict.unsupported),
    ("Boric received Boluarte at La Moneda, where they discussed the fisheries pact that Lula signed in May.",
     "Lula", Verdict.supported),
    ("Chile and Peru held talks in Lima during which they signed a fisheries pact.", "Peru", Verdict.supported),
    # sides: subjects of the act, its object's own clause, the actor a reporting verb names, a possessor
    ("Chile and Peru signed a fisheries pact that the President of Bolivia praised.", "Peru", Verdict.supported),
    ("Vestra said on Tuesday it had agreed to buy Nordvind for €4 billion.", "Vestra", Verdict.supported),
    ("Vestra agreed to buy Nordvind for €4 billion.", "Nordvind", Verdict.supported),
    ("Chile's President Gabriel Boric and his Peruvian counterpart signed a fisheries pact.", "Chile",
     Verdict.supported),
])
def test_a_party_is_a_side_of_the_act_not_the_doer_of_another(sentence: str, party: str, verdict: Verdict) -> None:
    status = "agreed" if "agreed" in sentence else "signed"
    pact = Agreement(subject="fisheries pact" if "pact" in sentence else "buy Nordvind", status=status,
                     parties=[party], evidence=QUOTED)
    assert _verdict(pact, sentence, "parties[0]") == verdict


@pytest.mark.parametrize("sentence, party, verdict", [
    # a group named by its head: the head is a side of what the group does
    ("A consortium led by Brookfield agreed to buy Nordvind for €4 billion.", "Brookfield", Verdict.supported),
    ("A consortium headed by Brookfield agreed to buy Nordvind for €4 billion.", "Brookfield", Verdict.supported),
    ("A consortium advised by Lazard agreed to buy Nordvind for €4 billion.", "Lazard", Verdict.unsupported),
])
def test_the_head_of_a_group_is_a_side_of_what_the_group_does(sentence: str, party: str, verdict: Verdict) -> None:
    deal = Agreement(subject="buy Nordvind", status="agreed", parties=[party], evidence=QUOTED)
    assert _verdict(deal, sentence, "parties[0]") == verdict


@pytest.mark.parametrize("field", ["subject", "kind"])
def test_an_offer_for_a_company_is_a_takeover(field: str) -> None:
    sentence = "A consortium led by Brookfield made a non-binding offer for Nordvind on Monday."
    deal = Agreement(subject="takeover of Nordvind", kind="acquisition", status="proposed", parties=["Brookfield"],
                     evidence=QUOTED)
    assert _verdict(deal, sentence, field) == Verdict.supported


@pytest.mark.parametrize("sentence, party, verdict", [
    # a title's word is no party; the agent of another act ("brokered by") is no side
    ("Japanese Foreign Minister Aiko Mori and Defence Minister Ken Sato signed the pact with Chile.", "Defence",
     Verdict.unsupported),
    ("Japanese Foreign Minister Aiko Mori and Defence Minister Ken Sato signed the pact with Chile.", "Chile",
     Verdict.supported),
    ("Ethiopia and Eritrea agreed to restore relations in a deal brokered by Qatar.", "Qatar", Verdict.unsupported),
    ("Ethiopia and Eritrea agreed to restore relations in a deal brokered by Qatar.", "Eritrea", Verdict.supported),
])
def test_a_party_is_neither_a_title_nor_the_broker(sentence: str, party: str, verdict: Verdict) -> None:
    pact = Agreement(subject="pact", status="agreed" if "agreed" in sentence else "signed",
                     parties=[party], evidence=QUOTED)
    assert _verdict(pact, sentence, "parties[0]") == verdict


@pytest.mark.parametrize("growth, verdict", [("3.2 per cent", Verdict.contradicted),
                                             ("down 3.2 per cent", Verdict.supported)])
def test_growth_moves_up_unless_it_says_otherwise(growth: str, verdict: Verdict) -> None:
    sentence = "Trade between Peru and Chile stood at $4.5 billion in 2023, down 3.2 per cent from a year earlier."
    fact = TradeFigure(metric="Peru-Chile trade", value=4.5, scale="billion", currency="USD", growth=growth,
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "growth") == verdict


TWO_WAYS = ("Peru's exports to China fell 4.1 per cent to $14.2 billion, while imports from China rose 6.3 per cent "
            "to $9.8 billion.")


@pytest.mark.parametrize("sentence, value, growth, verdict", [
    # each percentage is the change of the figure of its own clause
    (TWO_WAYS, 14.2, "6.3 per cent", Verdict.contradicted),
    (TWO_WAYS, 9.8, "6.3 per cent", Verdict.supported),
    ("Ghana's cocoa exports rose 12% to $3.1 billion and gold exports grew 7% to $8.4 billion last year.",
     3.1, "7%", Verdict.contradicted),
    ("Ghana's cocoa exports rose 12% to $3.1 billion and gold exports grew 7% to $8.4 billion last year.",
     8.4, "7%", Verdict.supported),
    # a percentage in a clause with no figure of its own is left to the words
    ("Trade between Chile and Korea reached $11.2 billion in the first half, up 9.7 per cent, the ministry said.",
     11.2, "9.7 per cent", Verdict.supported),
    # ... unless the figure's own clause gives its own change: the other clause's is another measure's
    ("Taiwan's exports rose 11% to $52.1 billion in June, as shipments of servers jumped 40%.", 52.1, "40%",
     Verdict.contradicted),
    ("Taiwan's exports rose 11% to $52.1 billion in June, as shipments of servers jumped 40%.", 52.1, "11%",
     Verdict.supported),
    ("Exports to Japan fell 2.5 per cent to $4.6 billion, but those to India climbed 8 per cent.", 4.6, "8 per cent",
     Verdict.contradicted),
])
def test_growth_is_the_change_of_the_figure_of_its_clause(sentence: str, value: float, growth: str,
                                                          verdict: Verdict) -> None:
    fact = TradeFigure(metric="exports", value=value, scale="billion", currency="USD", growth=growth,
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "growth") == verdict


@pytest.mark.parametrize("sentence, party, verdict", [
    # the dateline's place and wire are where the story was filed
    ("LUSAKA, Zambia (AFP) - Zimbabwe and Mozambique signed a power-sharing pact.", "Zambia", Verdict.unsupported),
    ("LUSAKA, Zambia (AFP) - Zimbabwe and Mozambique signed a power-sharing pact.", "AFP", Verdict.unsupported),
    ("LUSAKA, Zambia (AFP) - Zimbabwe and Mozambique signed a power-sharing pact.", "Mozambique", Verdict.supported),
    # a company's nationality is not a side; an official's country is
    ("Danish shipping group Maersk agreed to acquire Singaporean logistics firm LF Logistics.", "Denmark",
     Verdict.unsupported),
    ("Danish shipping group Maersk agreed to acquire Singaporean logistics firm LF Logistics.", "Singapore",
     Verdict.unsupported),
    ("Danish shipping group Maersk agreed to acquire Singaporean logistics firm LF Logistics.", "Maersk",
     Verdict.supported),
    ("Chilean President Gabriel Boric signed the pact with Peru.", "Chile", Verdict.supported),
    ("Chilean officials signed the pact with Peru.", "Chile", Verdict.supported),
    ("Ghana's President John Mahama and his Togolese counterpart Faure Gnassingbe signed the pact.", "Togo",
     Verdict.supported),
    # a name in the clause of another act
    ("Holcim agreed to buy Duro Felguera, giving it a foothold in Morocco's cement market.", "Morocco",
     Verdict.unsupported),
    ("Holcim agreed to buy Duro Felguera, giving it a foothold in Morocco's cement market.", "Duro Felguera",
     Verdict.supported),
    ("Kenya and Uganda signed a pipeline pact in a ceremony presided over by Tanzania's President.", "Tanzania",
     Verdict.unsupported),
    # ... but not in the act's own purpose, or in another act of agreeing
    ("Kenya signed a deal to build a port with Oman.", "Oman", Verdict.supported),
    ("The pact, negotiated between Chile and Peru over three years, was signed on Monday.", "Peru",
     Verdict.supported),
])
def test_a_side_is_named_in_the_act_not_around_it(sentence: str, party: str, verdict: Verdict) -> None:
    pact = Agreement(subject="pact", status="agreed" if "agreed" in sentence else "signed",
                     parties=[party], evidence=QUOTED)
    assert _verdict(pact, sentence, "parties[0]") == verdict, sentence



@pytest.mark.parametrize("sentence, period, verdict", [
    # the figure's own clause gives part of the year, or a year that is not the calendar one
    ("Vietnam's exports to Chile were worth $1.9 billion in the first five months, the ministry said this year.",
     DateRef(text="this year", iso="2025"), Verdict.contradicted),
    ("Trade between Bangladesh and Japan stood at $4.2 billion in 2023-24.", DateRef(text="in 2023", iso="2023"),
     Verdict.contradicted),
    ("Trade between Bangladesh and Japan stood at $4.2 billion in 2023-24.", DateRef(text="2023-24", iso="2023"),
     Verdict.supported),
    # a fiscal year is contradicted by a part of it, not by its own label
    ("Nepal's imports from India reached $4.2 billion in the first half of fiscal year 2024-25.",
     DateRef(text="fiscal year 2024", iso="2024"), Verdict.contradicted),
    ("Nepal's imports from India reached $4.2 billion in the first half of fiscal year 2024-25.",
     DateRef(text="July-December of fiscal year 2024-25", iso="2024"), Verdict.supported),
    ("Nepal's imports from India reached $4.2 billion in fiscal year 2024-25.",
     DateRef(text="fiscal year 2024", iso="2024"), Verdict.supported),
    # another figure's part-year period leaves the calendar year alone
    ("Trade between Bangladesh and Japan reached $4.2 billion in 2024, and it has already passed $2.5 billion "
     "in the first half of 2025.", DateRef(text="in 2024", iso="2024"), Verdict.supported),
])
def test_a_figure_for_part_of_a_year_is_not_the_years(sentence: str, period: DateRef, verdict: Verdict) -> None:
    figure = TradeFigure(metric="trade", value=4.2 if "4.2" in sentence else 1.9, scale="billion", currency="USD",
                         period=period, evidence=QUOTED)
    assert _verdict(figure, sentence, "period") == verdict, sentence


@pytest.mark.parametrize("metric, value, verdict", [
    ("concessional loans", 4.0, Verdict.supported),
    ("investments", 4.0, Verdict.contradicted),   # the loans given as investments
    ("investments", 1.5, Verdict.supported),
    ("grants", 0.6, Verdict.supported),
    ("loans", 0.6, Verdict.contradicted),
])
def test_loans_grants_and_investments_are_different_measures(metric: str, value: float, verdict: Verdict) -> None:
    sentence = ("The World Bank package for Malawi includes $4 billion in concessional loans, $1.5 billion in "
                "investments and $0.6 billion in grants.")
    fact = TradeFigure(metric=metric, value=value, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict



@pytest.mark.parametrize("sentence, party, verdict", [
    # one who reports what others did is no side of it
    ("The two sides are negotiating a water treaty, Zambia's Foreign Minister Mulambo Haimbe said.",
     "Mulambo Haimbe", Verdict.unsupported),
    ("Zambia and Malawi signed a water treaty, Malawi's Foreign Minister Nancy Tembo said.", "Nancy Tembo",
     Verdict.unsupported),
    # ... but is, when the act's subject is the reporter's own pronoun
    ("Zambia said on Monday it had signed a water treaty with Malawi.", "Zambia", Verdict.supported),
    # ... or when a country reports what "the two governments" did: it is one of them
    ("Zambian President Hakainde Hichilema hosted Malawi's President Lazarus Chakwera. The two governments "
     "signed a water treaty, Zambia's foreign ministry said.", "Zambia", Verdict.supported),
    ("Zambian President Hakainde Hichilema hosted Malawi's President Lazarus Chakwera. The two governments "
     "are negotiating a water treaty, Zambia's Foreign Minister Mulambo Haimbe said.", "Mulambo Haimbe",
     Verdict.unsupported),  # a person reporting is still no side
])
def test_one_who_reports_the_act_is_no_side(sentence: str, party: str, verdict: Verdict) -> None:
    status = "under negotiation" if "negotiating" in sentence else "signed"
    treaty = Agreement(subject="water treaty", status=status, parties=[party], evidence=QUOTED)
    assert _verdict(treaty, sentence, "parties[0]") == verdict, sentence


def test_the_date_of_another_act_never_contradicts_the_facts() -> None:
    sentence = "Chile and Peru agreed on a fisheries pact to expand a partnership signed in 2019."
    pact = Agreement(subject="fisheries pact", status="agreed", parties=["Chile", "Peru"],
                     date=DateRef(text="on Monday", iso="2025-06-02"), evidence=QUOTED)
    assert _verdict(pact, sentence, "date") == Verdict.unsupported  # 2019 dates the signing, not the agreeing
    wrong = pact.model_copy(update={"date": DateRef(text="in 2018", iso="2018")})
    assert _verdict(wrong, "Chile and Peru agreed on a fisheries pact in 2019.", "date") == Verdict.contradicted


@pytest.mark.parametrize("sentence, verdict", [
    ("Chile exported copper worth $9.1 billion to Korea in 2024.", Verdict.contradicted),
    ("Chile's trade surplus with Korea reached $9.1 billion in 2024.", Verdict.contradicted),
    ("Trade between Chile and Korea reached $9.1 billion in 2024, with Chile exporting mainly copper.",
     Verdict.supported),
])
def test_a_total_is_not_one_way_of_it(sentence: str, verdict: Verdict) -> None:
    fact = TradeFigure(metric="Chile-Korea trade", value=9.1, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict, sentence


PERU = "LIMA (Wire) - Peru's exports rose 9% to $60 billion last year.\n\nPeru's exports to Japan rose 4% to $3.1 billion."


@pytest.mark.parametrize("metric, verdict", [
    ("exports", Verdict.unsupported),   # the exports to one partner, in a story on all of Peru's trade
    ("Peruvian exports to Japan", Verdict.supported),
])
def test_the_exports_to_one_partner_are_not_all_exports(metric: str, verdict: Verdict) -> None:
    article = Article(id="a1", text=PERU, published=dt.date(2025, 6, 4))
    quote = "Peru's exports to Japan rose 4% to $3.1 billion"
    fact = TradeFigure(metric=metric, value=3.1, scale="billion", currency="USD",
                       evidence=[Evidence(article_id="a1", quote=quote)])
    assert check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0].fields["metric"].verdict == verdict


GHANA = "ACCRA (Wire) - Ghana's exports rose 5% to $18 billion last year.\n\n{}"


@pytest.mark.parametrize("sentence, metric, verdict", [
    # a country the figure's clause names as a partner narrows the measure to the trade with it
    ("Switzerland, Ghana's largest export destination, took goods worth $2.4 billion.", "exports",
     Verdict.unsupported),
    ("Switzerland, Ghana's largest export destination, took goods worth $2.4 billion.",
     "Ghanaian exports to Switzerland", Verdict.supported),
    ("Ghana's top cocoa export market, the Netherlands, took beans worth $2.4 billion.", "cocoa exports",
     Verdict.unsupported),
    ("The Netherlands remained Ghana's largest export market, buying goods worth $2.4 billion.", "exports",
     Verdict.unsupported),   # a country name opening the sentence with "The"
    # the partner is the clause's subject; a side of the story narrows nothing, a country it is compared
    # with neither
    ("Ghana is Togo's largest trading partner after Nigeria, with trade of $2.4 billion.", "trade",
     Verdict.supported),
])
def test_the_trade_with_a_partner_the_clause_names_is_not_all_trade(sentence: str, metric: str,
                                                                    verdict: Verdict) -> None:
    article = Article(id="a1", text=GHANA.format(sentence), published=dt.date(2025, 6, 4))
    fact = TradeFigure(metric=metric, value=2.4, scale="billion", currency="USD",
                       evidence=[Evidence(article_id="a1", quote=sentence[:-1])])
    assert check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0].fields["metric"].verdict == verdict


@pytest.mark.parametrize("sentence, metric, value, verdict", [
    # in a story on the two partners, a side's exports are those to the other
    ("Peru's exports to Japan rose 4% to $3.1 billion.", "exports", 3.1, Verdict.supported),
    # a "non-" part is not the whole measure
    ("Non-oil trade between Oman and India reached $9 billion last year.", "trade", 9, Verdict.unsupported),
    ("Non-oil trade between Oman and India reached $9 billion last year.", "non-oil trade", 9, Verdict.supported),
    # the goods a measure is narrowed to, unless goods in general
    ("Shipments of cut flowers, Kenya's second export, rose to $9 billion last year.", "exports", 9,
     Verdict.unsupported),
    ("Shipments of cut flowers, Kenya's second export, rose to $9 billion last year.", "cut flower exports", 9,
     Verdict.supported),
    ("Exports of goods and services rose to $9 billion last year.", "exports", 9, Verdict.supported),
    ("Trade of around $9 billion was recorded last year.", "trade", 9, Verdict.supported),
    # the narrower measure of another clause binds nothing
    ("Peru's exports rose to $50 billion, while exports to Japan fell to $3.1 billion.", "exports", 50,
     Verdict.supported),
])
def test_a_figure_of_a_narrower_measure_is_not_the_whole(sentence: str, metric: str, value: float,
                                                        verdict: Verdict) -> None:
    fact = TradeFigure(metric=metric, value=value, scale="billion", currency="USD", evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict, sentence


@pytest.mark.parametrize("metric, value, verdict", [
    ("investment", 7.0, Verdict.supported),     # "invest" binds the figure after it
    ("per share", 7.0, Verdict.contradicted),   # the per-share price is the other figure's
    ("per share", 41.0, Verdict.supported),
])
def test_a_verb_of_investing_binds_its_figure(metric: str, value: float, verdict: Verdict) -> None:
    sentence = "Tata paid $41 per share in cash and agreed to invest about $7 billion in the plants by 2029."
    fact = TradeFigure(metric=metric, value=value, scale="billion" if value < 10 else None, currency="USD",
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict


@pytest.mark.parametrize(("sentence", "right"), [
    ("Siemens said on Friday it had completed its $10.6 billion acquisition of Altair Engineering.", True),
    ("Siemens closed the 9.2 billion euro purchase of Dotmatics on Monday.", True),
    ("Siemens has not yet completed the review of its acquisition of Altair.", False),
    ("Siemens expects to complete the acquisition of Altair next year.", False),
])
def test_a_takeover_completed_was_signed(sentence: str, right: bool) -> None:
    fact = Agreement(subject="acquisition", status="signed", evidence=QUOTED)
    assert (_verdict(fact, sentence, "status") == Verdict.supported) == right, sentence


@pytest.mark.parametrize("metric, value, scale, currency, verdict", [
    ("deal", 90.0, "million", None, Verdict.contradicted),        # tonnes of output are no deal's value
    ("investment", 90.0, "million", None, Verdict.contradicted),
    ("deal", 2.0, "billion", "USD", Verdict.supported),
    ("iron ore output", 90.0, "million", None, Verdict.supported),
])
def test_a_figure_counted_in_tonnes_is_a_volume(metric: str, value: float, scale: str, currency: str | None,
                                               verdict: Verdict) -> None:
    sentence = "Vale said the $2 billion deal would lift the group's iron ore output towards 90 million tonnes a year."
    fact = TradeFigure(metric=metric, value=value, scale=scale, currency=currency, evidence=QUOTED)
    assert _verdict(fact, sentence, "metric") == verdict


@pytest.mark.parametrize(("sentence", "party", "right"), [
    ("Egypt agreed to buy 30 Rafale fighter jets from France on Tuesday.", "Rafale", False),
    ("Norway agreed to sell 12 Kongsberg NASAMS launchers to Lithuania.", "Kongsberg", False),
    ("Egypt agreed to buy 30 Rafale fighter jets from France on Tuesday.", "France", True),
    # without the other side named, the maker of the goods may be the seller
    ("Akasa Air agreed to buy 150 Boeing 737 MAX planes on Monday.", "Boeing", True),
])
def test_a_name_of_the_goods_sold_is_no_side(sentence: str, party: str, right: bool) -> None:
    fact = Agreement(subject="deal", status="agreed", parties=[party], evidence=QUOTED)
    assert (_verdict(fact, sentence, "parties[0]") == Verdict.supported) == right, party


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    ("Peru's copper exports rose 6% to $2.9 billion in May.", "exports", Verdict.unsupported),
    ("Peru's copper exports rose 6% to $2.9 billion in May.", "copper exports", Verdict.supported),
    ("Angola's crude oil exports fell to $2.9 billion in May.", "oil exports", Verdict.supported),
    ("Angola's crude oil exports fell to $2.9 billion in May.", "exports", Verdict.unsupported),
    ("Kenya's tea imports climbed to $2.9 billion.", "imports", Verdict.unsupported),
    # goods in general, or no goods at all, narrow nothing
    ("Merchandise exports rose 3% to $2.9 billion in May.", "exports", Verdict.supported),
    ("Total exports reached $2.9 billion in May.", "exports", Verdict.supported),
    ("Peru's May exports rose to $2.9 billion.", "exports", Verdict.supported),
])
def test_goods_named_before_a_measure_narrow_it(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize(("party", "right"), [
    ("Kristalina Georgieva", False),   # present, not a side
    ("Hakainde Hichilema", False),     # joined to the first name present
    ("Situmbeko Musokotwane", True),   # who signed
])
def test_people_present_at_a_signing_are_no_sides(party: str, right: bool) -> None:
    sentence = ("The debt deal was signed by Finance Minister Situmbeko Musokotwane in the presence of IMF chief "
                "Kristalina Georgieva and President Hakainde Hichilema in Lusaka.")
    fact = Agreement(subject="debt deal", status="signed", parties=[party], evidence=QUOTED)
    assert (_verdict(fact, sentence, "parties[0]") == Verdict.supported) == right, party


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    ("The pact is expected to add $2.9 billion a year to bilateral trade.", "bilateral trade", Verdict.contradicted),
    ("The pact is expected to increase bilateral trade by $2.9 billion a year.", "bilateral trade",
     Verdict.contradicted),
    ("The pact is expected to increase bilateral trade by $2.9 billion a year.", "increase in bilateral trade",
     Verdict.supported),
    ("The corridor will boost exports by up to $2.9 billion.", "exports", Verdict.contradicted),
    ("Exports rose 4% to $2.9 billion.", "exports", Verdict.supported),
    # a change word straight before the figure, and the level after "to": the figure is the change
    ("Chile's copper exports climbed $2.9 billion, or 6 percent, to $51 billion.", "copper exports",
     Verdict.contradicted),
    ("Chile's copper exports climbed $2.9 billion, or 6 percent, to $51 billion.", "increase in copper exports",
     Verdict.supported),
    ("Imports fell $2.9 billion to about $40 billion.", "imports", Verdict.contradicted),
    ("Exports rose $2.9 billion to China and $1 billion to India.", "exports", Verdict.supported),  # no level
    ("Ghana will add $2.9 billion in new loans for roads.", "loans", Verdict.supported),  # no measure it is added to
])
def test_an_amount_added_to_a_measure_is_not_its_level(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    ("Kenya's total import and export turnover reached $2.9 billion in May.", "exports", Verdict.contradicted),
    ("Kenya's total import and export turnover reached $2.9 billion in May.", "total import and export turnover",
     Verdict.supported),
    ("Kenya's exports and imports together came to $2.9 billion in May.", "imports", Verdict.contradicted),
    ("Kenya's exports rose to $2.9 billion in May, and imports fell.", "exports", Verdict.supported),
])
def test_both_ways_named_together_are_a_total(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize(("qualifier", "value", "verdict"), [
    ("more than", 2.9, Verdict.supported),    # "topped" says the same
    ("over", 2.9, Verdict.supported),
    ("more than", 1.1, Verdict.unsupported),  # the bound is the other figure's
    ("about", 2.9, Verdict.unsupported),      # a bound is no approximation
])
def test_lower_bounds_say_the_same(qualifier: str, value: float, verdict: Verdict) -> None:
    sentence = "Chile's trade with Peru topped $2.9 billion last year, while its trade with Bolivia was $1.1 billion."
    fact = TradeFigure(metric="trade", value=value, scale="billion", currency="USD", qualifier=qualifier,
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "qualifier") == verdict


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    ("Colombia aims for coffee exports of $2.9 billion this year.", "coffee exports", Verdict.contradicted),
    ("Colombia aims for coffee exports of $2.9 billion this year.", "coffee export target", Verdict.supported),
    ("The two leaders set a target of $2.9 billion for bilateral trade.", "bilateral trade", Verdict.contradicted),
    ("Ghana's goal is to lift cocoa exports to $2.9 billion by 2027.", "cocoa exports", Verdict.contradicted),
    ("Coffee exports reached $2.9 billion, short of the government's goal.", "coffee exports", Verdict.supported),
    ("Peru, which aims to diversify its sales, reported exports of $2.9 billion.", "exports", Verdict.supported),
])
def test_a_figure_an_aim_governs_is_a_target_not_a_level(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize("sentence", [
    "Mexico aims to raise trade with Peru to $9 billion from $2.9 billion now.",
    "The two sides set a goal of doubling trade, which stood at $2.9 billion last year.",
])
def test_a_level_stated_beside_an_aim_is_no_target(sentence: str) -> None:
    assert _metric_verdict(sentence, "trade", 2.9) == Verdict.supported


@pytest.mark.parametrize(("sentence", "parties", "verdicts"), [
    # a country that is only the home of another side is no side of its own
    ("Chile's Codelco and Japan's Marubeni signed a copper supply deal on Monday.", ["Codelco", "Chile"],
     [Verdict.supported, Verdict.unsupported]),
    ("Chile's Codelco and Japan's Marubeni signed a copper supply deal on Monday.", ["Codelco", "Marubeni"],
     [Verdict.supported, Verdict.supported]),
    # a leader stands for the country
    ("Chile's President Gabriel Boric and Japan's Fumio Kishida signed a copper supply deal on Monday.",
     ["Gabriel Boric", "Chile"], [Verdict.supported, Verdict.supported]),
    # the companies are the sides, whether or not the fact names them
    ("Chile's Codelco and Japan's Marubeni signed a copper supply deal on Monday.", ["Chile", "Japan"],
     [Verdict.unsupported, Verdict.unsupported]),
    # an organ of the state, a minister or an official acts for the country
    ("Chile's Ministry of Mining and Japan's trade minister Yoji Muto signed a copper supply deal on Monday.",
     ["Chile", "Japan"], [Verdict.supported, Verdict.supported]),
    ("Chile's Finance Minister Mario Marcel and Japan's JOGMEC signed a copper supply deal on Monday.",
     ["Chile", "Japan"], [Verdict.supported, Verdict.unsupported]),
])
def test_the_home_of_another_side_is_no_side(sentence: str, parties: list[str], verdicts: list[Verdict]) -> None:
    deal = Agreement(subject="copper supply deal", status="signed", parties=parties, evidence=QUOTED)
    assert [_verdict(deal, sentence, f"parties[{i}]") for i in range(len(parties))] == verdicts


@pytest.mark.parametrize(("sentence", "party"), [
    # the small English model tags "operators" here as a verb, though it is the subject
    ("The grid operators Terna and Elia signed a letter of intent on the cable's design in Rome last month.", "Elia"),
    ("The pipeline operators Gassco and Gaz-System signed a memorandum on the link's design in Warsaw last month.",
     "Gassco"),
])
def test_a_side_in_apposition_to_a_noun_the_tagger_reads_as_a_verb_is_a_side(sentence: str, party: str) -> None:
    letter = Agreement(subject="design", status="signed", parties=[party], evidence=QUOTED)
    assert _verdict(letter, sentence, "parties[0]") == Verdict.supported


@pytest.mark.parametrize(("sentence", "metric", "supported"), [
    ("Vale signed a $2.9 billion contract with Oman on Monday.", "contract value", True),
    ("Samsung announced the $2.9 billion deal in May.", "deal value", True),
    ("Samsung announced the $2.9 billion deal in May.", "export value", False),
    ("Samsung paid $2.9 billion for the stake in May.", "contract value", False),   # modifies no contract
])
def test_a_figure_modifying_a_noun_is_that_nouns_value(sentence: str, metric: str, supported: bool) -> None:
    assert (_metric_verdict(sentence, metric, 2.9) == Verdict.supported) == supported


@pytest.mark.parametrize(("metric", "supported"), [
    ("$2.9 billion", False), ("2.9 billion USD", False), ("bilateral trade", True),
])
def test_a_metric_that_restates_the_figure_names_no_measure(metric: str, supported: bool) -> None:
    sentence = "Bilateral trade between Peru and Korea reached $2.9 billion in 2024."
    assert (_metric_verdict(sentence, metric, 2.9) == Verdict.supported) == supported


@pytest.mark.parametrize(("subject", "kind", "supported"), [
    ("12 other documents on fisheries", "treaty", False),      # the treaty is the other act of the sentence
    ("12 other documents on fisheries", "documents", True),
    ("a treaty on their maritime boundary", "treaty", True),
    ("a treaty on their maritime boundary", "documents", False),
])
def test_a_kind_the_subject_says_otherwise_is_not_borrowed_from_another_act(subject: str, kind: str,
                                                                           supported: bool) -> None:
    sentence = ("Ecuador and Peru signed a treaty on their maritime boundary, and ministers exchanged 12 other "
                "documents on fisheries.")
    pact = Agreement(subject=subject, kind=kind, status="signed", parties=["Ecuador", "Peru"], evidence=QUOTED)
    assert (_verdict(pact, sentence, "kind") == Verdict.supported) == supported


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    ("Ecuador and Chile agreed to raise trade to $2.9 billion by 2030.", "trade", Verdict.contradicted),
    ("Ecuador and Chile agreed to raise trade to $2.9 billion by 2030.", "trade target", Verdict.supported),
    ("Ecuador and Chile agreed to raise trade to $2.9 billion by 2030.", "investment target", Verdict.unsupported),
    ("Trade between Ecuador and Chile had grown to $2.9 billion by 2023.", "trade", Verdict.supported),  # past
    # a horizon with no year (lexicon horizons)
    ("Ecuador and Chile agreed to raise trade to $2.9 billion in the coming years.", "trade", Verdict.contradicted),
    ("Ecuador and Chile agreed to raise trade to $2.9 billion within five years.", "trade target",
     Verdict.supported),
    ("Trade between Ecuador and Chile rose to $2.9 billion and should keep growing in the coming years.", "trade",
     Verdict.supported),
])
def test_a_figure_with_a_deadline_ahead_is_a_target(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


def test_a_target_qualifier_holds_for_a_figure_with_a_deadline_ahead() -> None:
    sentence = "Ecuador and Chile agreed to raise trade to $2.9 billion by 2030."
    fact = TradeFigure(metric="trade target", value=2.9, scale="billion", currency="USD", qualifier="target",
                       evidence=QUOTED)
    assert _verdict(fact, sentence, "qualifier") == Verdict.supported


@pytest.mark.parametrize(("sentence", "party", "verdict"), [
    # a country word inside a company's name is no side
    ("Anglo American and Canada's Teck Resources agreed on Tuesday to merge.", "United States", Verdict.unsupported),
    ("Korean Air and Delta signed a joint venture deal on Monday.", "South Korea", Verdict.unsupported),
    ("Korean Air and the South Korean government signed a joint venture deal on Monday.", "South Korea",
     Verdict.supported),  # the country named apart from the company's name is a side
    # a title after it, a leader's name or a day before it leave the country a side
    ("UK Business and Trade Secretary Jonathan Reynolds signed the pact with Peru.", "United Kingdom",
     Verdict.supported),
    ("On Monday Egypt and Qatar signed a gas pact.", "Egypt", Verdict.supported),
])
def test_a_country_word_inside_an_organisations_name_is_no_side(sentence: str, party: str, verdict: Verdict) -> None:
    status = "agreed" if "agreed" in sentence else "signed"
    deal = Agreement(subject="merge" if "merge" in sentence else "pact", status=status, parties=[party],
                     evidence=QUOTED)
    assert _verdict(deal, sentence, "parties[0]") == verdict


@pytest.mark.parametrize(("sentence", "period", "verdict"), [
    # a date in a clause of its own, with its own subject, dates that clause's act, not the figure
    ("Tanzania's TPDC paid $1.2 billion for the stake, after regulators approved the deal last month.",
     DateRef(text="last month", iso="2025-05"), Verdict.unsupported),
    ("Exports reached $1.2 billion in 2024, which analysts called a record.",
     DateRef(text="in 2024", iso="2024"), Verdict.supported),
    ("Tanzania's TPDC paid $1.2 billion for the stake last month, after regulators approved the deal.",
     DateRef(text="last month", iso="2025-05"), Verdict.supported),
    ("Exports reached $1.2 billion in 2024 as shipments of cashew nuts rose.",
     DateRef(text="in 2024", iso="2024"), Verdict.supported),
    # a relative clause is one too, its subject the relative pronoun
    ("Zambia's ZCCM, which sold a copper mine in June, reported revenue of $1.2 billion for 2024.",
     DateRef(text="in June", iso="2025-06"), Verdict.unsupported),
])
def test_a_period_in_a_clause_of_its_own_dates_that_clause(sentence: str, period: DateRef, verdict: Verdict) -> None:
    fact = TradeFigure(metric="value", value=1.2, scale="billion", currency="USD", period=period, evidence=QUOTED)
    assert _verdict(fact, sentence, "period") == verdict


@pytest.mark.parametrize(("sentence", "iso", "verdict"), [
    # a figure measured from a month a year earlier is for that month a year on
    ("Peru's copper exports rose $1.2 billion, or 9 percent, from May last year to $4.1 billion.", "2025-05",
     Verdict.supported),
    ("Peru's copper exports rose 9 percent from May last year to $4.1 billion.", "2025", Verdict.supported),
    ("Peru's copper exports rose 9 percent from May last year to $4.1 billion.", "2024-05", Verdict.unsupported),
    ("Peru's copper exports rose 9 percent from May last year to $4.1 billion.", "2025-04", Verdict.unsupported),
    ("Peru's copper exports rose 9 percent from March to $4.1 billion.", "2025-04", Verdict.unsupported),
])
def test_a_figure_measured_from_a_month_a_year_earlier_is_for_that_month_a_year_on(sentence: str, iso: str,
                                                                                    verdict: Verdict) -> None:
    fact = TradeFigure(metric="copper exports", value=4.1, scale="billion", currency="USD",
                       period=DateRef(text="x", iso=iso), evidence=QUOTED)
    assert _verdict(fact, sentence, "period") == verdict


@pytest.mark.parametrize(("iso", "verdict"), [
    ("2025-03", Verdict.supported),     # the story's month, named before
    ("2025-02", Verdict.unsupported),   # the month of the figure the surplus widened from
])
def test_a_month_after_the_figure_a_change_is_measured_from_dates_that_figure(iso: str, verdict: Verdict) -> None:
    first, second = ("Chile's copper exports climbed to $4.1 billion in March.",
                     "The trade surplus with China widened to $1.9 billion from $1.2 billion in February.")
    article = Article(id="a1", text=f"{first} {second}", published=dt.date(2025, 4, 20))
    fact = TradeFigure(metric="trade surplus with China", value=1.9, scale="billion", currency="USD",
                       period=DateRef(text="x", iso=iso), evidence=[Evidence(article_id="a1", quote=second)])
    checked = check(EventSummary(title="t", trade_figures=[fact]), [article]).facts[0]
    assert checked.fields["period"].verdict == verdict


@pytest.mark.parametrize(("value", "iso", "verdict"), [
    (1.2, "2025-02", Verdict.supported),      # the figure the change is measured from is February's
    (1.2, "2025-03", Verdict.contradicted),
    (1.9, "2025-03", Verdict.supported),
])
def test_the_figure_a_change_is_measured_from_has_the_month_after_it(value: float, iso: str,
                                                                     verdict: Verdict) -> None:
    sentence = "Chile's trade surplus with China narrowed to $1.9 billion in March from about $1.2 billion in February."
    fact = TradeFigure(metric="trade surplus with China", value=value, scale="billion", currency="USD",
                       period=DateRef(text="x", iso=iso), evidence=QUOTED)
    assert _verdict(fact, sentence, "period") == verdict


@pytest.mark.parametrize(("sentence", "metric", "billions", "verdict"), [
    # what narrows one clause's measure does not narrow the next clause's, with a subject of its own
    ("Exports of phosphates climbed 14% to $4.6 billion, and the mining sector, the largest exporter, earned $7.7 "
     "billion.", "mining exports", 7.7, Verdict.supported),
    ("Exports of phosphates climbed 14% to $4.6 billion, and the mining sector, the largest exporter, earned $7.7 "
     "billion.", "exports", 4.6, Verdict.unsupported),
])
def test_a_measure_is_narrowed_in_its_own_clause_only(sentence: str, metric: str, billions: float,
                                                      verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, billions) == verdict


@pytest.mark.parametrize(("sentence", "metric", "verdict"), [
    # news words for the measures: a trade gap is a deficit, outbound shipments are exports
    ("In the first half, Kenya's trade gap widened to $2.9 billion.", "trade deficit", Verdict.supported),
    ("In the first half, Kenya's trade gap widened to $2.9 billion.", "trade", Verdict.contradicted),
    ("Kenya's outbound shipments rose 4 percent to $2.9 billion.", "exports", Verdict.supported),
    ("Kenya's outbound shipments rose 4 percent to $2.9 billion.", "imports", Verdict.contradicted),
    ("Outbound shipments in the first quarter rose 4 percent to $2.9 billion.", "exports", Verdict.supported),
])
def test_the_news_words_for_a_measure_name_it(sentence: str, metric: str, verdict: Verdict) -> None:
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize(("metric", "verdict"), [
    # a relative clause set off by commas before the figure names no measure of it
    ("services surplus", Verdict.supported),
    ("investment", Verdict.contradicted),
])
def test_a_measure_in_an_aside_before_the_figure_does_not_bind_it(metric: str, verdict: Verdict) -> None:
    sentence = "Kenya's services surplus, which includes earnings from foreign investments, stood at $2.9 billion."
    assert _metric_verdict(sentence, metric, 2.9) == verdict


@pytest.mark.parametrize(("billions", "iso", "verdict"), [
    # a date that possesses the figure a change is measured from dates that figure
    (2.1, "2024", Verdict.supported),
    (2.1, "2025", Verdict.contradicted),    # "this year" is the new figure's
    (2.9, "2025", Verdict.supported),
])
def test_a_date_that_possesses_the_base_figure_dates_it(billions: float, iso: str, verdict: Verdict) -> None:
    sentence = "Kenya Power will invest $2.9 billion this year, up 38 percent from last year's $2.1 billion."
    fact = TradeFigure(metric="investment", value=billions, scale="billion", currency="USD",
                       period=DateRef(text="x", iso=iso), evidence=QUOTED)
    assert _verdict(fact, sentence, "period") == verdict
