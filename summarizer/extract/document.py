"""The document strategy: a capable model reads whole articles and writes the EventSummary itself.

1. The articles (page furniture removed) go to the model in as few calls as its context window
   allows: one call for the event, or one per group of articles (an article too long for the window
   is cut at sentence ends); the parts are merged as the passage strategy merges its facts.
2. Every fact is checked; only the facts the checker does not support are asked again, one call
   each, with the checker's reasons and the articles their evidence cites. A re-asked fact replaces
   the first only when the checker rates it better.
3. The model's title and narrative are kept; the checker reads the narrative sentence by sentence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, create_model

from ..articles import Article
from ..errors import ConfigError, ExtractionFailed
from ..facts.merge import merge_facts
from ..facts.participant import collect_participants
from ..facts.registry import spec_for, specs
from ..grounding.checker import VERDICT_RANK, check
from ..grounding.fields import Verdict
from ..models.llm import StructuredModel
from ..schema import EventSummary, Fact
from ..text.passages import Passage
from . import prompts
from .tasks import FailedTask, Reask

CHARS_PER_TOKEN = 3.5           # English news text, measured loosely across tokenizers; errs long
SCHEMA_AND_RULES_TOKENS = 2500  # the tool schema and the instructions, sent with every call
ANSWER_TOKENS = 3000            # room left for the summary the model writes
MIN_ARTICLE_TOKENS = 64         # a window leaving less than this for the articles is too small


def article_blocks(articles: list[Article], passages: list[Passage]) -> list[tuple[Article, list[str]]]:
    """Each article as its readable sentences (the passages), in order."""
    by_article: dict[str, list[str]] = {}
    for passage in passages:
        by_article.setdefault(passage.article_id, []).append(passage.shown)
    return [(a, by_article[a.id]) for a in articles if a.id in by_article]


def _render(article: Article, sentences: list[str]) -> str:
    dated = f", published {article.published.isoformat()}" if article.published else ""
    return f"=== article_id: {article.id}{dated} ===\n" + "\n".join(sentences)


def _tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


def chunks(blocks: list[tuple[Article, list[str]]], budget: int) -> list[str]:
    """The articles packed into as few texts as fit ``budget`` tokens each; a longer article is cut
    at sentence ends into parts that fit."""
    if budget < MIN_ARTICLE_TOKENS:
        raise ConfigError(f"a context window leaves {budget} tokens for the articles; the document strategy "
                          "needs more (use --strategy passages or a model with a larger window)")
    texts, current = [], ""
    for article, sentences in blocks:
        pieces: list[str] = []
        part: list[str] = []
        for sentence in sentences:
            if part and _tokens(_render(article, part + [sentence])) > budget:
                pieces.append(_render(article, part))
                part = []
            part.append(sentence[: int(budget * CHARS_PER_TOKEN) - 200])
        pieces.append(_render(article, part))
        for piece in pieces:
            if current and _tokens(current + "\n\n" + piece) > budget:
                texts.append(current)
                current = ""
            current = f"{current}\n\n{piece}" if current else piece
    if current:
        texts.append(current)
    return texts


def context_window(model: str, override: int | None = None) -> int:
    """Tokens the model reads: ``override``, else the embedded server's window, else litellm's model
    information, else 8,192."""
    if override:
        return override
    from ..models.embedded import embedded_spec, is_embedded

    if is_embedded(model):
        return embedded_spec(model).n_ctx
    try:
        from ..models.llm import default_completion

        default_completion()  # imports litellm with its price map read locally
        import litellm

        info = litellm.get_model_info(model)
        return int(info.get("max_input_tokens") or info.get("max_tokens") or 8192)
    except Exception:  # noqa: BLE001  unknown to litellm's price map (it raises a bare Exception): a default
        return 8192


def _merge(parts: list[EventSummary], articles: list[Article]) -> EventSummary:
    """One summary from the summaries of several groups of articles."""
    merged = {spec.kind: merge_facts(spec.kind, [f for part in parts for f in getattr(part, spec.kind)])
              for spec in specs() if spec.same_fact}
    every = [f for group in merged.values() for f in group]
    topics = {t.name.lower(): t for part in parts for t in part.topics}
    return EventSummary(title=parts[0].title, narrative=" ".join(p.narrative for p in parts if p.narrative),
                        participants=collect_participants(articles, every), topics=list(topics.values()),
                        **merged)  # type: ignore[arg-type]


def answer_model() -> type[BaseModel]:
    """What the model writes: every fact list first (required, so a small model cannot skip to the
    prose), then title and narrative. Participants are collected from the facts, as in the passage
    strategy."""
    fields: dict[str, Any] = {spec.kind: (list[spec.model], ...) for spec in specs() if spec.plan}  # type: ignore[name-defined]
    fields.update(title=(str, ...), narrative=(str, ...))
    return create_model("EventSummary", **fields)


def _known_id(cited: str, ids: list[str]) -> str:
    """The article a cited id means when the model dressed it up (".01_upi", "id01_upi", "01_upi.txt"):
    the one known id it contains or that contains it, after punctuation is stripped; else as cited."""
    def bare(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())

    if cited in ids:
        return cited
    matches = [i for i in ids if bare(i) and (bare(i) in bare(cited) or bare(cited) in bare(i))]
    return matches[0] if len(matches) == 1 else cited


def _as_summary(answer: BaseModel, articles: list[Article]) -> EventSummary:
    ids = [a.id for a in articles]
    lists = {kind: value for kind, value in answer.model_dump().items() if kind not in ("title", "narrative")}
    for facts in lists.values():
        for fact in facts:
            for evidence in fact["evidence"]:
                evidence["article_id"] = _known_id(evidence["article_id"], ids)
    summary = EventSummary.model_validate({"title": answer.title, "narrative": answer.narrative,  # type: ignore[attr-defined]
                                           **lists})
    summary.participants = collect_participants(articles, [f for _, _, f in summary.facts()])
    return summary


def _reask_model(model: type[BaseModel]) -> type[BaseModel]:
    revised: Any = model | None
    return create_model(f"Revised{model.__name__}", fact=(revised, ...))


def _reask(reasker: StructuredModel, kind: str, fact: Fact, problems: list[str], article_texts: str) -> Fact | None:
    spec = spec_for(kind)
    message = prompts.render("reask_fact", label=spec.label.lower(), fact=json.dumps(fact.model_dump(mode="json")),
                             problems="; ".join(problems), articles=article_texts)
    answer: Any = reasker.extract(_reask_model(spec.model), [{"role": "user", "content": message}])
    return answer.fact


def summarize_document(articles: list[Article], passages: list[Passage], llm: StructuredModel,
                       reasker: StructuredModel, window: int, reask_unsupported: int,
                       progress: Callable[[int, int, str], None] | None = None,
                       ) -> tuple[EventSummary, list[FailedTask], list[Reask]]:
    """The summary the model writes from whole articles, its failing facts asked again."""
    blocks = article_blocks(articles, passages)
    texts = chunks(blocks, window - SCHEMA_AND_RULES_TOKENS - ANSWER_TOKENS)
    parts, failures = [], []
    for i, text in enumerate(texts):
        if progress:
            progress(i, len(texts), f"articles, part {i + 1} of {len(texts)}")
        try:
            answer = llm.extract(answer_model(), [{"role": "user", "content": prompts.render("document",
                                                                                              articles=text)}],
                                 max_tokens=ANSWER_TOKENS)
            parts.append(_as_summary(answer, articles))
        except ExtractionFailed as exc:
            failures.append(FailedTask(kind="document", article_id=",".join(a.id for a, _ in blocks), start=0, end=0,
                                       error=str(exc)))
    if not parts:
        return EventSummary(title=""), failures, []
    summary = _merge(parts, articles)  # also folds a fact the model wrote twice into one
    reasks: list[Reask] = []
    if reask_unsupported <= 0:
        return summary, failures, reasks
    rendered = {a.id: _render(a, sentences) for a, sentences in blocks}
    report = check(summary, articles)
    for checked in report.facts:
        if checked.verdict == Verdict.supported or checked.kind in ("participants", "topics"):
            continue
        facts: list[Fact] = getattr(summary, checked.kind)
        fact = facts[checked.index]
        cited = "\n\n".join(rendered[i] for i in dict.fromkeys(e.article_id for e in fact.evidence) if i in rendered)
        best, best_check = fact, checked
        for _ in range(reask_unsupported):
            try:
                revised = _reask(reasker, checked.kind, best, best_check.problems(), cited or "\n\n".join(texts))
            except ExtractionFailed:
                break
            if revised is None:
                break
            again = check(EventSummary.model_validate({"title": "", checked.kind: [revised]}), articles).facts[0]
            if VERDICT_RANK[again.verdict] < VERDICT_RANK[best_check.verdict]:
                best, best_check = revised, again
            if best_check.verdict == Verdict.supported:
                break
        facts[checked.index] = best
        reasks.append(Reask(kind=checked.kind, article_id=fact.evidence[0].article_id if fact.evidence else "",
                            start=0, end=0, reasons=checked.problems(), outcome=best_check.verdict.value))
    return summary, failures, reasks
