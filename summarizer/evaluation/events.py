"""Eval events: ``evals/events/<name>/`` holds ``event.json`` (where its articles are), ``gold.json``
(the hand-written summary) and ``notes.md``. Add an event by dropping such a folder in.

Model runs for an event are recorded to ``evals/cassettes/<model>/<name>.yaml`` and replayed offline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..articles import Article, load_articles
from ..errors import InputError
from ..extract.pipeline import choose_strategy
from ..schema import EventSummary
from .independent import read_independent_gold

EVALS_DIR = Path(__file__).resolve().parents[2] / "evals"


@dataclass(frozen=True)
class EvalEvent:
    name: str
    folder: Path
    articles_dir: Path
    independent_path: Path | None = None

    def articles(self) -> list[Article]:
        """The event's articles: the seeds, or dev events read from ``shared/`` beside the repository."""
        if not self.articles_dir.is_dir():
            raise InputError(f"{self.articles_dir}: articles of eval event {self.name} not found "
                             "(dev events are read from the shared/ folder beside this repository)")
        return load_articles(self.articles_dir)

    def gold(self) -> EventSummary:
        path = self.folder / "gold.json"
        try:
            return EventSummary.model_validate_json(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        except ValueError as exc:
            raise InputError(f"{path}: not a valid summary ({str(exc).splitlines()[0]})") from exc

    def independent_gold(self) -> EventSummary | None:
        """The second annotator's gold for this event, when it has one (read from ``shared/``)."""
        if self.independent_path is None or not self.independent_path.exists():
            return None
        return read_independent_gold(self.independent_path)[0]

    def cassette(self, model: str, evals_dir: Path = EVALS_DIR, strategy: str = "auto") -> Path:
        return evals_dir / "cassettes" / model_slug(model, strategy) / f"{self.name}.yaml"


def model_slug(model: str, strategy: str = "auto") -> str:
    """A folder name for a model string and strategy: 'embedded/smollm2-135m' -> 'embedded-smollm2-135m';
    a strategy other than the model's own choice is added: 'embedded-smollm2-135m-document'."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model).strip("-")
    chosen = choose_strategy(strategy, model)  # type: ignore[arg-type]
    return slug if chosen == choose_strategy("auto", model) else f"{slug}-{chosen}"


def load_events(evals_dir: Path = EVALS_DIR, names: list[str] | None = None) -> list[EvalEvent]:
    """The events under ``evals_dir/events`` (all, or those named), sorted by name."""
    root = evals_dir / "events"
    if not root.is_dir():
        raise InputError(f"{root}: no events folder")
    events = []
    for folder in sorted(p for p in root.iterdir() if (p / "gold.json").exists()):
        if names and folder.name not in names:
            continue
        config_path = folder / "event.json"
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
        independent = config.get("independent_gold")
        events.append(EvalEvent(folder.name, folder, (folder / config.get("articles", "articles")).resolve(),
                                (folder / independent).resolve() if independent else None))
    missing = set(names or []) - {e.name for e in events}
    if missing:
        raise InputError(f"unknown eval event(s): {', '.join(sorted(missing))} (see {root})")
    return events
