from __future__ import annotations

import datetime as dt

import pytest

from summarizer.text.dates import find_dates, resolve, same_date

THURSDAY = dt.date(2023, 12, 28)


@pytest.mark.parametrize("phrase, iso", [
    ("on Wednesday", "2023-12-27"), ("On Tuesday", "2023-12-26"), ("on Thursday", "2023-12-28"),
    ("next year", "2024"), ("last year", "2022"), ("this year", "2023"), ("the coming year", "2024"),
    ("in January next year", "2024-01"), ("December 2021", "2021-12"), ("December 27, 2023", "2023-12-27"),
    ("16 May 2024", "2024-05-16"), ("July 9", "2023-07-09"), ("today", "2023-12-28"),
    ("yesterday", "2023-12-27"), ("by 2030", "2030"), ("2024-28", "2024"), ("2024-05-16", "2024-05-16"),
    ("next month", "2024-01"), ("last month", "2023-11"), ("fiscal 2024", "2024"), ("fiscal year 2023", "2023"),
    ("FY25", "2025"), ("the first quarter of 2026", "2026"), ("Q3 2025", "2025"), ("mid-2026", "2026"),
    ("late 2027", "2027"), ("the second half of the year", "2023"), ("the first half of next year", "2024"),
    # periods that are part of a year, or not the calendar year
    ("in the first four months", "2023"), ("the year ended March", "2023"), ("the 12 months to June 2024", "2024"),
    ("the year ending Sept. 30", "2023"), ("January-April 2025", "2025"), ("in 2022-23", "2022"),
    ("the four quarters to the end of September 2023", "2023"),
    # a month after "next", "last" or "this"; a season, dated by the year it starts in
    ("next March", "2024-03"), ("last March", "2023-03"), ("last December", "2022-12"), ("this March", "2023-03"),
    ("next spring", "2024"), ("in the autumn", "2023"), ("last winter", "2022"), ("summer 2026", "2026"),
    ("the spring of 2027", "2027"), ("in fall 2025", "2025"),
])
def test_resolution_against_publication_date(phrase: str, iso: str) -> None:
    assert resolve(phrase, THURSDAY) == iso


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve("on Wednesday", None) is None
    assert resolve("next year", None) is None
    assert resolve("December 2021", None) == "2021-12"


def test_find_dates_gives_offsets() -> None:
    text = "Putin on Wednesday invited Modi to visit Russia next year."
    found = find_dates(text, THURSDAY)
    assert [(d.text, d.iso) for d in found] == [("on Wednesday", "2023-12-27"), ("next year", "2024")]
    assert text[found[0].start:found[0].end] == "on Wednesday"


def test_same_date_at_coarser_granularity() -> None:
    assert same_date("2024", "2024-01") and same_date("2023-12-27", "2023-12")
    assert not same_date("2023-12-27", "2023-12-26") and not same_date(None, "2024")


def test_weeks_and_spans_of_years_resolve_against_publication() -> None:
    import datetime as dt

    from summarizer.text.dates import resolve

    tuesday = dt.date(2025, 9, 2)
    assert resolve("last week", tuesday) == "2025-08"  # the week of Thursday 28 August
    assert resolve("next week", tuesday) == "2025-09"
    assert resolve("within five years", tuesday) == "2030"
    assert resolve("over the next 3 years", tuesday) == "2028"


def test_a_season_ahead_is_the_coming_one_and_fall_alone_is_a_verb() -> None:
    november = dt.date(2025, 11, 19)
    assert [d.iso for d in find_dates("Okonjo accepted an invitation to visit Lima next spring.", november)] == ["2026"]
    assert [d.iso for d in find_dates("Prabowo will visit Canberra in the summer.", november)] == ["2026"]
    assert [d.iso for d in find_dates("Ferreira visited Canberra in the summer.", november)] == ["2025"]
    assert find_dates("Coffee exports fall 2026 forecasts short", november) == []


def test_a_month_in_an_invitation_is_the_coming_one() -> None:
    february = dt.date(2024, 2, 15)
    invited = find_dates("Lula invited Ramaphosa to visit Brasilia in April.", february)
    assert [d.iso for d in invited] == ["2024-04"]
    assert [d.iso for d in find_dates("Ramaphosa accepted an invitation to attend the summit in June.", february)] \
        == ["2024-06"]
    assert [d.iso for d in find_dates("Ramaphosa visited Brasilia in April.", february)] == ["2023-04"]


@pytest.mark.parametrize(("text", "iso"), [
    ("Copper exports rose 5 percent from March last year to $4 billion.", "2024-03"),
    ("Copper exports rose 5 percent from March.", "2025-03"),
])
def test_a_base_opened_by_its_own_comparison_word_is_a_base(text: str, iso: str) -> None:
    found = find_dates(text, dt.date(2025, 11, 20))
    assert [(d.iso, d.base) for d in found] == [(iso, True)]


@pytest.mark.parametrize(("text", "found"), [
    # after the figure a change is measured from, a month dates that figure where a later one came before
    ("Kenya's tea exports fell to $95 million in July from a revised $110 million in June.",
     [("2025-07", False), ("2025-06", True)]),
    ("Tea exports rose in August. The surplus widened to $40 million from $31 million in July.",
     [("2025-08", False), ("2025-07", True)]),
    ("Uganda's jobless rate fell to 4.1% in May from 4.3% in April.", [("2025-05", False), ("2025-04", True)]),
    ("Tea exports rose to $95 million from $81 million in July.", [("2025-07", False)]),  # alone: the change's month
    ("Tea exports rose in June. The surplus widened to $40 million from $31 million in July.",
     [("2025-06", False), ("2025-07", False)]),  # the earlier month is no later period
    ("Tea exports rose in August. Imports from Kenya reached $31 million in July.",  # no comparison word
     [("2025-08", False), ("2025-07", False)]),
])
def test_a_month_after_a_compared_figure_is_its_base_after_a_later_month(text: str, found: list) -> None:
    assert [(d.iso, d.base) for d in find_dates(text, dt.date(2025, 9, 20))] == found


@pytest.mark.parametrize(("text", "base"), [
    ("Peru's trade surplus widened to $2 billion, the largest since 2021.", True),   # a record's comparison
    ("Copper output hit its highest level since 2021.", True),
    ("Peru's copper exports have doubled since 2021.", False),
    ("Ruto hosted Mahama, the first such visit since November 2023.", True),  # since the last, after "first"
    ("Peru's trade surplus widened to $2 billion, the largest since March 2021.", True),
])
def test_since_after_a_superlative_is_a_base(text: str, base: bool) -> None:
    assert [d.base for d in find_dates(text, dt.date(2025, 11, 20))] == [base]


@pytest.mark.parametrize(("text", "found"), [
    # "the previous year" looks back from the year its sentence named; "last year" from the telling
    ("Peru's exports rose to $5bn in 2022 from $4bn the previous year.", [("2022", "year"), ("2021", "rel_year")]),
    ("Peru's exports rose to $5bn in 2022 from $4bn last year.", [("2022", "year"), ("2024", "rel_year")]),
    ("Exports reached Rs 900 crore in 2023-24, from Rs 800 crore in the previous fiscal year.",
     [("2023", "period"), ("2022", "fiscal")]),
    ("Peru's exports fell the previous year.", [("2024", "rel_year")]),  # no year named before it
])
def test_the_previous_year_looks_back_from_the_year_named_before_it(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.iso, d.kind) for d in find_dates(text, dt.date(2025, 4, 1))] == found


@pytest.mark.parametrize(("text", "found"), [
    # after "first" or a superlative, "in five years" is how long since the last time
    ("Ruto and Samia held their first formal talks in five years on Monday.", ["2024-10-21"]),
    ("Peru's copper output hit its highest level in three years.", []),
    ("Peru plans to invest $5 billion in five years.", ["2029"]),   # "invest" is no superlative
])
def test_in_n_years_after_a_first_or_a_superlative_is_no_date(text: str, found: list[str]) -> None:
    assert [d.iso for d in find_dates(text, dt.date(2024, 10, 23))] == found


def test_a_month_of_an_invitation_extended_is_the_coming_one() -> None:
    text = "Lula extended an invitation to Ramaphosa to attend the climate conference in Belem in March."
    assert [d.iso for d in find_dates(text, dt.date(2025, 7, 9))] == ["2026-03"]
    invited = "Ramaphosa, who was invited in March, attended the conference."  # when the invitation came
    assert [d.iso for d in find_dates(invited, dt.date(2025, 7, 9))] == ["2025-03"]


@pytest.mark.parametrize("text", [
    # the inviter named between the invitation and what it is to: the invitation is still to what lies ahead
    "The envoy delivered an invitation from King Abdullah bin Al-Hussein to attend the Aqaba forum in March.",
    "Ramaphosa was invited by President Luiz Inacio Lula da Silva to visit Brasilia in March.",
    "The minister brought Ruto an invitation from Prime Minister Ana Lopez to the summit in March.",
])
def test_a_month_an_invitation_from_someone_is_to_is_the_coming_one(text: str) -> None:
    assert [d.iso for d in find_dates(text, dt.date(2025, 7, 9))] == ["2026-03"]


@pytest.mark.parametrize(("text", "told", "iso"), [
    # a part of the current fiscal year longer than the calendar year so far: that fiscal year began the year
    # before, and is dated by its first year
    ("Exports rose in the first nine months of the current fiscal year.", dt.date(2025, 5, 28), "2024"),
    ("Exports rose in the first half of this fiscal year.", dt.date(2025, 3, 2), "2024"),
    ("Exports rose in the third quarter of the current fiscal year.", dt.date(2025, 8, 2), "2024"),
    ("Exports rose in the first three months of the current fiscal year.", dt.date(2025, 5, 28), "2025"),
    ("Exports rose in the first half of this fiscal year.", dt.date(2025, 11, 2), "2025"),
    ("Exports rose in the first nine months of the year.", dt.date(2025, 10, 2), "2025"),  # a calendar year
])
def test_a_part_of_the_current_fiscal_year_already_passed(text: str, told: dt.date, iso: str) -> None:
    assert [d.iso for d in find_dates(text, told)] == [iso]


def test_an_invitation_in_the_headline_does_not_put_the_body_s_days_ahead() -> None:
    text = ("Ruto invited to summit in Lusaka\n\nNAIROBI -- Zambia's envoy on Tuesday handed Ruto a letter inviting "
            "him to the summit in June.")
    assert [d.iso for d in find_dates(text, dt.date(2025, 5, 28))] == ["2025-05-27", "2025-06"]


def test_a_month_told_ahead_in_reported_speech_is_the_coming_one() -> None:
    july = dt.date(2025, 7, 9)
    ahead = find_dates("Ramaphosa said he would travel to Hanoi in March, ahead of the summit.", july)
    assert [d.iso for d in ahead] == ["2026-03"]
    assert [d.iso for d in find_dates("Ramaphosa said he travelled to Hanoi in March.", july)] == ["2025-03"]


@pytest.mark.parametrize("phrase, kind", [
    ("in the first four months", "part_year"), ("the year ended March", "year_to"), ("Jan.-Sept. 2024", "month_range"),
    ("in 2022-23", "period"), ("fiscal 2024", "fiscal"), ("in 2023", "year"), ("last year", "rel_year"),
    ("Q3 2024", "part_year"), ("H1 2025", "part_year"),  # a quarter or a half written as in results tables
])
def test_each_date_says_which_kind_of_phrase_it_is(phrase: str, kind: str) -> None:
    assert [d.kind for d in find_dates(phrase, THURSDAY)] == [kind]


@pytest.mark.parametrize("text, iso", [
    # a month before a measure dates it, against the publication date (2024-09-20)
    ("Chile's July exports beat forecasts", "2024-07"),
    ("Thailand's trade surplus widened in August, but September's trade surplus narrowed", "2024-09"),
    ("The June figures showed a deficit", "2024-06"),
    ("Shipments slowed. May exports rose 3%", "2024-05"),
])
def test_a_month_before_a_measure_is_its_period(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text, dt.date(2024, 9, 20))][-1] == iso


@pytest.mark.parametrize("text", [
    "Theresa May trade deal talks", "Prime Minister May exports",  # a name, not a month
    "Exports may rise", "the August heat",                         # a verb; a month before no measure
])
def test_a_name_or_a_month_before_no_measure_dates_nothing(text: str) -> None:
    assert find_dates(text, dt.date(2024, 9, 20)) == []


@pytest.mark.parametrize("text, base", [
    ("Kenya's tea exports rose 7 percent to $1.4 billion, up from the same period last year", True),
    ("Receipts were 5% higher than in 2023", True),
    ("Imports fell 2% compared with the first half of 2024", True),
    ("The pact signed last year cut tariffs", False),                # no change: the act's own date
    ("Duties will rise to 25% from July 1", False),                  # a day is when it starts, not a base
    ("The summit to be held on July 17 raised exports 3%", False),
])
def test_a_date_a_change_is_measured_from_is_marked_as_its_base(text: str, base: bool) -> None:
    assert [d.base for d in find_dates(text, dt.date(2025, 8, 12))] == [base]
