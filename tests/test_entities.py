from __future__ import annotations

import pytest

from summarizer.text.countries import country_code_of_place
from summarizer.text.names import (
    NameMatch,
    find_mentions,
    match_names,
    strip_title,
    titled_people,
)


@pytest.mark.parametrize("a, b, how", [
    ("PM Modi", "Narendra Modi", NameMatch.alias),
    ("Prime Minister Narendra Modi", "Narendra Modi", NameMatch.exact),
    ("EAM Jaishankar", "S. Jaishankar", NameMatch.alias),
    ("S Jaishankar", "Dr. S. Jaishankar", NameMatch.exact),
    ("Xi", "Xi Jinping", NameMatch.alias),
    ("Pavan Kapoor", "Pawan Kapoor", NameMatch.variant),
    ("Sergey Lavrov", "Sergei Lavrov", NameMatch.variant),
    ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", NameMatch.alias),  # a particle transliterated two ways
    ("Tamim bin Hamad", "Tamim Hamad", NameMatch.alias),
    ("Ahmed al-Sharaa", "Ahmed al-Sisi", None),
    ("Gilberto Teodoro", "Gilberto Teodoro Jr.", NameMatch.exact),   # a generational suffix is no part of the name
    ("Marcos Jr.", "Ferdinand Marcos Jr.", NameMatch.alias),
    ("Ferdinand Marcos Sr.", "Ferdinand Marcos Jr.", None),          # ... but father and son differ
    ("Vladimir Putin", "Narendra Modi", None),
    ("Denis Manturov", "Dmitry Peskov", None),
])
def test_name_matching(a: str, b: str, how: NameMatch | None) -> None:
    assert match_names(a, b) == how
    assert match_names(b, a) == how


def test_mentions_with_titles_and_demonyms() -> None:
    text = ("Russian President Vladimir Putin on Wednesday invited Indian Prime Minister Narendra Modi. "
            "Indian Ambassador to Russia Pavan Kapoor and India’s External Affairs Minister (EAM) S Jaishankar.")
    mentions = {m.name: m for m in find_mentions(text)}
    assert mentions["Vladimir Putin"].title == "President" and mentions["Vladimir Putin"].country == "Russia"
    assert mentions["Narendra Modi"].title == "Prime Minister" and mentions["Narendra Modi"].country == "India"
    assert "Pavan Kapoor" in mentions and "S Jaishankar" in mentions
    assert "Wednesday" not in mentions and "Putin on Wednesday" not in mentions
    for mention in mentions.values():
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Chen Song handed Prime Minister K.P. Sharma Oli a letter.", "K.P. Sharma Oli", "Prime Minister"),
    ("He met President A.P.J. Abdul Kalam in 2004.", "A.P.J. Abdul Kalam", "President"),
    ("U.S. President Donald Trump met him.", "Donald Trump", "President"),  # initials of a country end there
])
def test_initials_are_one_word_of_a_name(text: str, name: str, title: str) -> None:
    assert [(m.name, m.title) for m in find_mentions(text) if m.title] == [(name, title)]


@pytest.mark.parametrize(("text", "name", "title", "country"), [
    # a title after an organisation's name, and a name that opens with a word that opens sentences
    ("Vietnam's Communist Party General Secretary To Lam met him.", "To Lam", "General Secretary", "Vietnam"),
    ("Reserve Bank Governor Lesetja Kganyago spoke.", "Lesetja Kganyago", "Governor", None),
    ("Party General Secretary To Lam left Vientiane.", "To Lam", "General Secretary", None),
])
def test_a_title_after_an_organisation_s_name(text: str, name: str, title: str, country: str | None) -> None:
    assert [(m.name, m.title, m.country) for m in find_mentions(text) if m.title] == [(name, title, country)]
    assert [m.name for m in find_mentions("Standard Chartered Bank said on Monday.")] == ["Standard Chartered Bank"]


def test_strip_title() -> None:
    assert strip_title("Russian President Vladimir Putin") == "Vladimir Putin"
    assert strip_title("Deputy Prime Minister Denis Manturov") == "Denis Manturov"
    assert strip_title("Putin") == "Putin"


def test_a_sentence_end_splits_names_but_initials_do_not() -> None:
    names = [m.name for m in find_mentions("They met Modi. Putin spoke. Dr. S. Jaishankar left.")]
    assert names == ["Modi", "Putin", "S. Jaishankar"]


def test_a_verb_opening_the_sentence_is_not_part_of_a_titled_name() -> None:
    assert [(m.name, m.title) for m in find_mentions("Apprised President Ruto of the talks.")] == [("Ruto", "President")]
    assert [(m.name, m.title) for m in find_mentions("Conveying Chancellor Holm's greetings, she left.")] == [
        ("Holm", "Chancellor")]
    assert [m.name for m in find_mentions("Ted Manning met reporters.")] == ["Ted Manning"]


@pytest.mark.parametrize("text, name, title, country", [
    # a title of an office "of" or "for" a portfolio is the name's title, not a part of the name
    ("Ruto received Minister for Foreign Affairs Ana Lopez.", "Ana Lopez", "Minister for Foreign Affairs", None),
    ("Ruto met Ghana's Minister of Trade and Industry Kwame Mensah.", "Kwame Mensah",
     "Minister of Trade and Industry", "Ghana"),
    ("Ruto met Oman's Minister of State for Foreign Affairs Said bin Hamad Al Busaidi.", "Said bin Hamad Al Busaidi",
     "Minister of State for Foreign Affairs", "Oman"),
    ("Ruto met U.S. Secretary of State Marco Rubio.", "Marco Rubio", "Secretary of State", "U.S."),
    ("Ruto met Peru's Secretary of State for Trade Ana Lopez.", "Ana Lopez", "Secretary of State for Trade", "Peru"),
])
def test_a_title_of_an_office_for_a_portfolio(text: str, name: str, title: str, country: str | None) -> None:
    people = [m for m in find_mentions(text) if m.name != "Ruto"]
    assert [(m.name, m.title, m.country) for m in people] == [(name, title, country)]


def test_names_with_particles_accents_and_two_letters() -> None:
    text = ("Egyptian President Abdel Fattah al-Sisi met Ursula von der Leyen and Sheikh Tamim bin Hamad "
            "Al Thani in Cairo. Li met Wu at the UN. Ng spoke later.")
    names = [m.name for m in find_mentions(text)]
    assert names[:3] == ["Abdel Fattah al-Sisi", "Ursula von der Leyen", "Tamim bin Hamad Al Thani"]
    assert {"Li", "Wu", "Ng", "Cairo"} <= set(names) and "UN" not in names
    assert "UN. Ng" not in names  # an acronym ending a sentence ends the name run
    assert match_names("Paulo Sérgio Ramalho", "Paulo Sergio Ramalho") == NameMatch.exact
    assert match_names("Lopez Obrador", "Andrés Manuel López Obrador") == NameMatch.alias


def test_a_title_stands_for_the_one_person_who_holds_it() -> None:
    text = ("Omani Sultan Haitham bin Tariq received Indonesian President Prabowo Subianto and Chilean Foreign "
            "Minister Alberto van Klaveren. The sultan invited the Indonesian president to Muscat. "
            "The foreign minister left early.")
    refs = {m.text: m.name for m in find_mentions(text) if m.text.lower().startswith("the ")}
    assert refs == {"The sultan": "Haitham bin Tariq", "the Indonesian president": "Prabowo Subianto",
                    "The foreign minister": "Alberto van Klaveren"}
    emir = "Kuwait's Emir Sheikh Mishal Al-Ahmad received Lula. The emir praised the visit."
    assert [m.name for m in find_mentions(emir) if m.text.startswith("The")] == ["Mishal Al-Ahmad"]
    two_presidents = "Kenyan President Ruto met Ghanaian President Mahama. The president said talks went well."
    assert [m.name for m in find_mentions(two_presidents) if m.text.startswith("The")] == []


def test_two_titles_joined_by_and_are_one_person_s() -> None:
    text = ("Emirati Crown Prince and Deputy Prime Minister Khaled bin Mohamed received President William Ruto "
            "and Prime Minister Narendra Modi. The crown prince and the deputy prime minister are one man.")
    mentions = {m.name: m for m in find_mentions(text) if not m.text.lower().startswith("the ")}
    khaled = mentions["Khaled bin Mohamed"]
    assert (khaled.title, khaled.country) == ("Crown Prince and Deputy Prime Minister", "United Arab Emirates")
    assert text[khaled.start:khaled.end] == khaled.text
    assert mentions["Narendra Modi"].title == "Prime Minister"  # two people, each with a name, stay two
    refs = [m.name for m in find_mentions(text) if m.text.lower().startswith("the ")]
    assert refs == ["Khaled bin Mohamed", "Khaled bin Mohamed"]


def test_an_office_or_counterpart_stands_for_the_one_person_of_that_country() -> None:
    text = ("Kenyan President William Ruto hosted Ghanaian President John Mahama and Ghana's Trade Minister "
            "Elizabeth Ofosu-Adjare. The Kenyan leader thanked his Ghanaian counterpart. The Ghanaian leader "
            "left. His counterpart stayed. The head of state spoke.")
    refs = {m.text: m.name for m in find_mentions(text) if m.text.lower().startswith(("the ", "his "))}
    # two Ghanaians hold titles: "the Ghanaian leader" names no one; "his counterpart" gives no country;
    # "the head of state" may be either president
    assert refs == {"The Kenyan leader": "William Ruto"}
    assert {m.text: m.name for m in find_mentions("Ruto met Mahama. The Kenyan head of state left.",
                                                  event=titled_people((text,)))} \
        == {"Ruto": "Ruto", "Mahama": "Mahama", "The Kenyan head of state": "William Ruto"}


def test_a_line_break_ends_a_sentence() -> None:
    from summarizer.text import nlp

    doc = nlp.parse("Chile, Peru sign fisheries pact\n\nLIMA (Wire) - Boric and Boluarte signed a pact on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "Chile, Peru sign fisheries pact"


@pytest.mark.parametrize("country, text, named", [
    ("Papua New Guinea", "Papua New Guinea's exports to Fiji rose.", ["Papua New Guinea"]),
    ("South Africa", "South African and Zambian ministers met; South Africa's team left.",
     ["South African", "South Africa"]),
    ("New Zealand", "A New Zealand delegation reached Seoul.", ["New Zealand"]),
    ("South Africa", "Africa's largest economy, Nigeria, met South Korea.", []),
])
def test_country_names_of_several_words_are_found_whole(country: str, text: str, named: list[str]) -> None:
    from summarizer.grounding.fields import country_words

    assert [text[a:b] for a, b in country_words(country, text, 0, len(text))] == named


@pytest.mark.parametrize(("place", "code"), [
    ("Mombasa", "KE"),        # a city
    ("Alberta", "CA"),        # a province only one country has
    ("Queensland", "AU"),
    ("Punjab", None),         # a province of two countries: neither
    ("Termez", "UZ"),         # GeoNames names these in another spelling: "Tirmiz", "Mazār-e Sharīf"
    ("Mazar-i-Sharif", "AF"),
    ("Naypyidaw", "MM"),
    ("Khiva", "UZ"),
    ("Nowhere Flats", None),
])
def test_the_country_a_place_lies_in(place: str, code: str | None) -> None:
    assert country_code_of_place(place) == code
