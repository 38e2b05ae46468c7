"""The checker: gold checks clean; each field rule catches a wrong value and passes a right one."""

from __future__ import annotations

import pytest

from summarizer import EventSummary, Verdict, check, load_articles
from summarizer.grounding.checker import apply_policy
from summarizer.schema import AgreementStatus, DateRef, Evidence, Meeting
from summarizer.text.align import AlignmentStatus
from tests.conftest import ALL_EVENTS, SEED_EVENT, event_articles_dir, gold


@pytest.mark.parametrize("event", ALL_EVENTS)
def test_gold_checks_clean_and_every_quote_aligns_exactly(event: str) -> None:
    articles = load_articles(event_articles_dir(event))
    report = check(gold(event), articles)
    unsupported = [(f.kind, f.index, {k: v.reason for k, v in f.fields.items() if v.verdict != Verdict.supported})
                   for f in report.facts if f.verdict != Verdict.supported]
    assert unsupported == []
    statuses = {e.status for f in report.facts for e in f.evidence}
    assert statuses == {AlignmentStatus.exact}
    assert report.score == 1.0 and report.field_score == 1.0


@pytest.fixture
def seed_gold() -> EventSummary:
    return gold(SEED_EVENT)


def verdict_of(summary: EventSummary, articles, kind: str, index: int = 0, field: str | None = None) -> Verdict:
    report = check(summary, articles)
    fact = next(f for f in report.facts if f.kind == kind and f.index == index)
    return fact.fields[field].verdict if field else fact.verdict


def test_wrong_figure_value_scale_or_currency_is_contradicted(seed_gold, seed_articles) -> None:
    for change in ({"value": 60}, {"scale": "million"}, {"currency": "EUR"}):
        wrong = seed_gold.model_copy(deep=True)
        wrong.trade_figures[0] = wrong.trade_figures[0].model_copy(update=change)
        assert verdict_of(wrong, seed_articles, "trade_figures", field="value") == Verdict.contradicted, change


def test_swapped_inviter_is_contradicted(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    invitation = wrong.invitations[0]
    invitation.inviter, invitation.invitee = invitation.invitee, invitation.inviter
    assert verdict_of(wrong, seed_articles, "invitations", field="direction") == Verdict.contradicted


def test_shifted_date_is_contradicted(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.meetings[0].date = DateRef(text="on Wednesday", iso="2023-12-20")
    assert verdict_of(wrong, seed_articles, "meetings", field="date") == Verdict.contradicted
    wrong.invitations[0].timeframe = DateRef(text="next year", iso="2025")
    assert verdict_of(wrong, seed_articles, "invitations", field="timeframe") == Verdict.contradicted


def test_status_inflated_to_signed_is_contradicted(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.agreements[0].status = AgreementStatus.signed  # the FTA talks "will resume"
    assert verdict_of(wrong, seed_articles, "agreements", field="status") == Verdict.contradicted


def test_negation_and_future_contradict_signed() -> None:
    from summarizer import Agreement, Article
    from summarizer import Evidence as E

    text = "India and Russia did not sign the ports agreement. They will sign a shipping protocol next month."
    articles = [Article(id="n", text=text)]
    for subject, quote in (("ports agreement", "India and Russia did not sign the ports agreement."),
                           ("shipping protocol", "They will sign a shipping protocol next month.")):
        summary = EventSummary(title="t", agreements=[Agreement(subject=subject, status=AgreementStatus.signed,
                                                                evidence=[E(article_id="n", quote=quote)])])
        assert verdict_of(summary, articles, "agreements", field="status") == Verdict.contradicted


def test_wrong_person_is_unsupported_and_variant_is_flagged(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.meetings[0].participants[1] = "Dmitry Peskov"
    assert verdict_of(wrong, seed_articles, "meetings", field="participants[1]") == Verdict.unsupported
    variant = seed_gold.model_copy(deep=True)
    variant.participants[4].name = "Pawan Kapoor"
    report = check(variant, seed_articles)
    name_check = next(f for f in report.facts if f.kind == "participants" and f.index == 4).fields["name"]
    assert name_check.verdict == Verdict.supported and name_check.note and "spelling variant" in name_check.note


def test_wrong_role_is_unsupported(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.participants[1].role = "Prime Minister"  # Putin
    assert verdict_of(wrong, seed_articles, "participants", 1, field="role") == Verdict.unsupported


def test_reporter_is_not_a_meeting_participant(seed_articles) -> None:
    from summarizer import Meeting

    quote = ("Kremlin Spokesman Dmitry Peskov told reporters in Moscow that the EAM had already met with his "
             "Russian counterpart Sergey Lavrov.")
    summary = EventSummary(title="t", meetings=[Meeting(participants=["Dmitry Peskov", "Sergey Lavrov"], evidence=[
        Evidence(article_id="000_2c3ed40d8cad18c7", quote=quote)])])
    assert verdict_of(summary, seed_articles, "meetings", field="participants") == Verdict.contradicted


def test_misattributed_and_invented_evidence(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.trade_figures[0].evidence = [Evidence(article_id="003_114cf2c0402081cf",
                                                quote=seed_gold.trade_figures[0].evidence[0].quote)]
    report = check(wrong, seed_articles)
    fact = next(f for f in report.facts if f.kind == "trade_figures")
    assert fact.verdict == Verdict.unsupported and fact.evidence[0].status == AlignmentStatus.misattributed
    wrong.trade_figures[0].evidence = [Evidence(article_id="000_2c3ed40d8cad18c7",
                                                quote="Trade reached 80 billion USD, a record.")]
    fact = next(f for f in check(wrong, seed_articles).facts if f.kind == "trade_figures")
    assert fact.verdict == Verdict.unsupported and fact.evidence[0].status == AlignmentStatus.not_found


def test_quote_that_supports_nothing_in_the_field(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.trade_figures[0].evidence = [Evidence(article_id="000_2c3ed40d8cad18c7",
                                                quote="It’s always good to be in Moscow.")]
    assert verdict_of(wrong, seed_articles, "trade_figures") != Verdict.supported


def test_corroboration_and_conflicts(seed_gold, seed_articles) -> None:
    report = check(seed_gold, seed_articles)
    meeting = next(f for f in report.facts if f.kind == "meetings" and f.index == 0)
    assert meeting.corroboration == 3
    assert {c.description for c in report.conflicts} >= {"spellings differ for Pavan Kapoor"}


def test_strict_policy_drops_and_lists(seed_gold, seed_articles) -> None:
    wrong = seed_gold.model_copy(deep=True)
    wrong.trade_figures[0].value = 70
    report = check(wrong, seed_articles)
    published, strict_report = apply_policy(wrong, report, "strict", seed_articles)
    assert published.trade_figures == [] and len(published.meetings) == len(wrong.meetings)
    assert strict_report.dropped and strict_report.dropped[0].startswith("trade_figures[0] India-Russia trade: ")
    assert "(contradicted: value: " in strict_report.dropped[0]
    flagged, same = apply_policy(wrong, report, "flag", seed_articles)
    assert flagged.trade_figures and same is report


def test_huge_article_and_unknown_article_id_do_not_crash(seed_gold) -> None:
    from summarizer import Article

    big = Article(id="000_2c3ed40d8cad18c7", text="Filler text without facts. " * 200_000)
    report = check(seed_gold, [big])
    assert report.score == 0.0
    assert all(f.verdict == Verdict.unsupported for f in report.facts)


def test_a_location_must_be_named_as_the_place(seed_gold, seed_articles) -> None:
    assert verdict_of(seed_gold, seed_articles, "meetings", field="location") == Verdict.supported  # "in Moscow"
    wrong = seed_gold.model_copy(deep=True)
    wrong.meetings[0].location = "Ukraine"
    wrong.meetings[0].evidence = [Evidence(article_id="002_15fc7afe774a04a9",
                                           quote="Putin Meets S Jaishankar, Invites PM To Russia, Seeks Ukraine Solution")]
    assert verdict_of(wrong, seed_articles, "meetings", field="location") == Verdict.unsupported


def test_meeting_names_and_places_are_not_participants(seed_articles) -> None:
    from summarizer import Meeting

    quote = ("He said he expects “strong participation from Russia at the Vibrant Gujarat meeting in January, which "
             "will also be attended by many governors from the Far East.”")
    summary = EventSummary(title="t", meetings=[Meeting(participants=["Vibrant Gujarat", "Far East"], evidence=[
        Evidence(article_id="001_20da175ad7725155", quote=quote)])])
    assert verdict_of(summary, seed_articles, "meetings", field="participants") != Verdict.supported


def test_attendees_are_not_parties_to_the_meeting(seed_articles) -> None:
    from summarizer import Meeting

    quote = ("This development took place when India’s External Affairs Minister (EAM) S Jaishankar on Wednesday "
             "held a meeting with Russian President Vladimir Putin in Moscow at the Kremlin with Russian Foreign "
             "Minister Sergey Lavrov and Indian Ambassador to Russia Pavan Kapoor in attendance.")
    evidence = [Evidence(article_id="000_2c3ed40d8cad18c7", quote=quote)]
    attended = EventSummary(title="t", meetings=[Meeting(participants=["S Jaishankar", "Pavan Kapoor"],
                                                         evidence=evidence)])
    assert verdict_of(attended, seed_articles, "meetings", field="participants") == Verdict.unsupported
    met = EventSummary(title="t", meetings=[Meeting(participants=["S Jaishankar", "Vladimir Putin"],
                                                    evidence=evidence)])
    assert verdict_of(met, seed_articles, "meetings", field="participants") == Verdict.supported


@pytest.mark.parametrize("inviter, invitee, verdict", [("Amara Diallo", "Kenji Sato", "supported"),
                                                       ("Kenji Sato", "Amara Diallo", "contradicted")])
def test_an_invitation_from_someone_names_the_inviter(inviter: str, invitee: str, verdict: str) -> None:
    from summarizer import Article, Invitation

    article = Article(id="w", text="Kenji Sato accepted an invitation from Amara Diallo to visit Dakar in May.")
    summary = EventSummary(title="", invitations=[Invitation(inviter=inviter, invitee=invitee, evidence=[
        Evidence(article_id="w", quote=article.text)])])
    assert check(summary, [article]).facts[0].fields["direction"].verdict.value == verdict


def test_a_misquote_always_changes_the_quote() -> None:
    from summarizer.evaluation.perturb import misquote

    for quote in ("Ruto met Mahama at the civic hall", "Sanchez and Akhannouch held a high-level meeting"):
        gold = EventSummary(title="t", meetings=[Meeting(participants=["Ruto", "Mahama"],
                                                         evidence=[Evidence(article_id="a1", quote=quote)])])
        changed = [p.summary.meetings[0].evidence[0].quote for p in misquote(gold, [])]
        assert quote not in changed  # "civic" and "level" read the same reversed
