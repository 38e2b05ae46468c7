"""The candidate stage on events the project was not built on: sentences written here, with actors,
name shapes, currencies and event kinds from elsewhere. No model is involved: these are the
choices a model would be offered, and the fact types it would be asked about."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer import Article
from summarizer.extract.passage_tasks import plan_tasks
from summarizer.extract.tasks import find_candidates, person_names
from summarizer.text.countries import country_of_demonym
from summarizer.text.money import find_figures
from summarizer.text.passages import find_passages


def offered(text: str) -> list[tuple[set[str], list[str], list[str], list[str], list[str]]]:
    """(fact types asked, people, places, parties, figures) for each passage of a one-article event."""
    article = Article(id="written-here", text=text, published=dt.date(2025, 3, 14))
    people = person_names(article)
    out = []
    for passage in find_passages([article]):
        cand = find_candidates(article, passage, people)
        out.append(({t.kind for t in plan_tasks(article, passage, people)}, cand.people, cand.places,
                    cand.parties, [f.text for f in cand.figures]))
    return out


def test_leaders_summit_with_particles_and_short_names() -> None:
    [(kinds, people, places, *_)] = offered("Ursula von der Leyen met Mohammed bin Salman in Riyadh on Tuesday.")
    assert kinds == {"meetings"}
    assert people == ["Ursula von der Leyen", "Mohammed bin Salman"] and places == ["Riyadh"]
    [(kinds, people, *_)] = offered("Biden accepted an invitation from Xi to visit Beijing next month.")
    assert kinds == {"invitations"} and set(people) == {"Biden", "Xi"}


def test_meeting_wording_beyond_met() -> None:
    [(kinds, people, places, parties, _)] = offered(
        "Kenyan President William Ruto and Ghana's President Nana Akufo-Addo sat down for four hours in Nairobi.")
    assert kinds == {"meetings"}
    assert people == ["William Ruto", "Nana Akufo-Addo"] and "Nairobi" in places
    assert {"Kenya", "Ghana"} <= set(parties)


def test_countries_sign_a_pact() -> None:
    [(kinds, _, _, parties, _)] = offered("Kenya and Ghana signed a fisheries pact in Accra.")
    assert kinds == {"agreements"} and {"Kenya", "Ghana"} <= set(parties)


def test_corporate_acquisition_gives_an_agreement_and_a_figure() -> None:
    [(kinds, _, _, _, figures)] = offered("Tesla agreed to buy SolarCity for $2.6 billion in stock.")
    assert kinds == {"agreements", "trade_figures"} and figures == ["$2.6 billion"]


@pytest.mark.parametrize("text, currency", [
    ("Exports rose 4% to ¥11.3 trillion in fiscal 2024.", "JPY"),
    ("Brazil's exports to China reached R$ 500 billion.", "BRL"),
    ("The port deal is worth HK$3bn.", "HKD"),
    ("Kenya's tea exports earned KES 180 billion.", "KES"),
    ("Trade with Chile reached 2,500 million Swiss francs.", "CHF"),
])
def test_currency_signs_and_names_from_cldr(text: str, currency: str) -> None:
    money = [f for f in find_figures(text) if not f.percent]
    assert [f.currency for f in money] == [currency]


def test_a_word_that_is_a_currency_code_in_capitals_only() -> None:
    assert find_figures("all 5 of them") == []


@pytest.mark.parametrize("word, country", [("Kenyan", "Kenya"), ("Ghanaian", "Ghana"), ("Dutch", "Netherlands"),
                                           ("Nepalese", "Nepal"), ("Chilean", "Chile"), ("Guardian", None),
                                           # a people's name and "-(i)stan", their land
                                           ("Tajik", "Tajikistan"), ("Turkmen", "Turkmenistan"),
                                           ("Uzbek", "Uzbekistan"), ("Kurd", None)])
def test_nationality_words(word: str, country: str | None) -> None:
    assert country_of_demonym(word) == country


def test_a_lone_surname_is_a_person_when_the_event_names_that_person_elsewhere() -> None:
    from summarizer.extract.pipeline import _plan

    full = Article(id="a1", text="Kenyan President William Ruto met Ghana's President John Mahama in Nairobi.")
    bare = Article(id="a2", text="On Monday, Ruto met Mahama to discuss a visa waiver.")
    people = {a.id: t.values["people"] for t, a, *_ in _plan([full, bare], find_passages([full, bare], 1200))
              if t.kind == "meetings"}
    assert people["a2"] == "Ruto | Mahama"


def test_a_name_and_its_first_words_are_one_person() -> None:
    article = Article(id="a1", text="President William Ruto met Tanzania's President Samia Suluhu Hassan in Arusha.")
    passage = find_passages([article], 1200)[0]
    people = find_candidates(article, passage).people
    assert "Samia Suluhu Hassan" in people and "Samia Suluhu" not in people


def test_a_party_is_offered_once_without_its_article_or_in_its_acronym() -> None:
    [(_, _, _, parties, _)] = offered("The African Union and the United States signed a health accord; the AU "
                                      "said it was a first.")
    assert parties.count("African Union") == 1 and "The African Union" not in parties
    assert "AU" not in parties and "United States" in parties and "the United States" not in parties


def test_the_status_offered_is_one_the_checker_would_find() -> None:
    article = Article(id="written-here", text="Chile and Peru will sign a customs protocol in Lima next week.",
                      published=dt.date(2025, 3, 14))
    [passage] = find_passages([article])
    [task] = [t for t in plan_tasks(article, passage, person_names(article)) if t.kind == "agreements"]
    statuses = task.response_model.model_fields["status"].annotation.__args__
    assert "signed" not in statuses  # "will sign" is still to come
    article = article.model_copy(update={"text": "It is the largest accord negotiated by Chile, and Peru signed it."})
    [passage] = find_passages([article])
    [task] = [t for t in plan_tasks(article, passage, person_names(article)) if t.kind == "agreements"]
    statuses = task.response_model.model_fields["status"].annotation.__args__
    assert "under negotiation" not in statuses and "signed" in statuses  # negotiated: talks are over


def meeting_people(text: str) -> list[str] | None:
    """The people a meeting task offers for a one-sentence article; None when no meeting is asked."""
    article = Article(id="written-here", text=text, published=dt.date(2025, 3, 14))
    [passage] = find_passages([article])
    tasks = [t for t in plan_tasks(article, passage, person_names(article)) if t.kind == "meetings"]
    return sorted(tasks[0].values["people"].split(" | ")) if tasks else None


def test_a_meeting_is_asked_about_its_parties_only() -> None:
    # the naive test (two people and a meeting word) passes every sentence below; the parties' roles decide
    assert meeting_people("Before seeing Lula, Boric met Boluarte in Lima on Monday.") == ["Boluarte", "Boric"]
    assert meeting_people("President Lee Jae-myung held talks with Prime Minister Shigeru Ishiba in Seoul, "
                          "with Foreign Minister Cho Hyun in attendance.") == ["Lee Jae-myung", "Shigeru Ishiba"]
    # the one who reports the meeting, or a name beside a pronoun, is no party: nothing to ask
    assert meeting_people("Spokesman Tomas Berg told reporters that the minister had met Erik Dahl.") is None
    assert meeting_people("Ahead of his visit to President Ruto, he met Foreign Minister Mudavadi.") is None
    assert meeting_people("Amara Diallo and Kenji Sato were present at the meeting.") is None
    assert meeting_people("Ruto and Mahama will meet in Accra next month.") is None  # still to come
