from __future__ import annotations

from summarizer import Article
from summarizer.text.passages import (
    clean_for_model,
    find_passages,
    is_boilerplate,
    is_headline,
)


def test_offsets_index_the_verbatim_text(seed_articles) -> None:
    by_id = {a.id: a for a in seed_articles}
    passages = find_passages(seed_articles)
    assert passages
    for passage in passages:
        assert by_id[passage.article_id].text[passage.start:passage.end] == passage.text


def test_boilerplate_and_page_tail_are_left_out(seed_articles) -> None:
    shown = " ".join(p.shown for p in find_passages(seed_articles))
    for furniture in ("Scroll to Top", "Releated Posts", "Israel-Hamas Ceasefire agreement", "Leave a Reply",
                      "Subscribe now", "pic.twitter.com", "POST COMMENTS", "For breaking news"):
        assert furniture not in shown


def test_repeated_paragraphs_appear_once(seed_articles) -> None:
    texts = [p.shown for p in find_passages(seed_articles)]
    assert len(texts) == len(set(texts))
    assert sum("Signed Protocol on Consultations" in t for t in texts) == 1


def test_escaped_quotes_are_undone_for_the_model_only(seed_articles) -> None:
    [passage] = [p for p in find_passages(seed_articles) if p.text.startswith("Conveying Russia")]
    assert "Russia\\’s" in passage.text and "Russia’s" in passage.shown


def test_cues_tag_fact_types() -> None:
    article = Article(id="a", text="Xi invited Modi to visit Beijing next year. Trade crossed $50 billion. "
                                   "The two sides signed an MoU on ports. The weather was fine today.")
    kinds = [sorted(p.kinds) for p in find_passages([article])]
    assert kinds == [["invitations"], ["trade_figures"], ["agreements"], []]


def test_helpers() -> None:
    assert clean_for_model('say \\"hi\\"  \n there') == 'say "hi" there'
    assert is_boilerplate("Scroll to Top") and not is_boilerplate("Putin met Modi in Moscow on Tuesday.")
    assert is_headline("Putin Meets S Jaishankar, Invites PM To Russia, Seeks Ukraine Solution")
    assert not is_headline("External Affairs Minister S Jaishankar on Wednesday held a meeting with Putin.")
