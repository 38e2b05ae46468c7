"""The passage strategy's plan: for each candidate passage, one task per fact type its cues name.

Each fact type decides from the passage's candidates whether it can make a fact, and how to ask
(:attr:`summarizer.facts.registry.FactSpec.plan`).
"""

from __future__ import annotations

from ..articles import Article
from ..facts.registry import specs
from ..text.passages import Passage
from .tasks import Task, passage_context


def plan_tasks(article: Article, passage: Passage, people_words: set[str] | None = None) -> list[Task]:
    """The model calls worth making for one passage (none when its candidates cannot make a fact)."""
    asked = [spec for spec in specs() if spec.plan and spec.kind in passage.kinds]
    if not asked:
        return []
    context = passage_context(article, passage, people_words)
    tasks = [spec.plan(context) for spec in asked if spec.plan]
    return [task for task in tasks if task is not None]
