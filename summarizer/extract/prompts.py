"""Prompt templates: files under ``prompts/`` (``$name`` placeholders), hashed so that every
result says exactly which wording produced it.

The templates ship inside the package as ``summarizer.prompts`` (mapped from the repository's
``prompts/`` folder); ``SUMMARIZER_PROMPTS`` points at another folder, e.g. to try new wording.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template

from ..errors import ConfigError

TEMPLATE_NAMES = ("invitation", "meeting", "agreement", "trade", "document", "reask_fact")


def prompts_dir() -> Path:
    """SUMMARIZER_PROMPTS, else the installed package data, else ``prompts/`` of a source checkout."""
    override = os.environ.get("SUMMARIZER_PROMPTS")
    if override:
        return Path(override)
    installed = Path(str(resources.files("summarizer"))) / "prompts"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "prompts"


@lru_cache(maxsize=None)
def _load(folder: str, name: str) -> str:
    path = Path(folder) / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"prompt template {path} cannot be read ({exc.strerror or exc}); "
                          "set SUMMARIZER_PROMPTS to the prompts/ folder") from exc


def template(name: str) -> str:
    """The raw text of one template."""
    return _load(str(prompts_dir()), name)


def render(name: str, **values: str) -> str:
    """Fill a template; a missing placeholder is a ConfigError naming it."""
    try:
        return Template(template(name)).substitute(**values)
    except KeyError as exc:
        raise ConfigError(f"prompt template {name}.txt uses ${exc.args[0]}, which is not supplied") from exc


def prompt_hashes() -> dict[str, str]:
    """sha256 (first 12 hex digits) of each template."""
    return {name: hashlib.sha256(template(name).encode()).hexdigest()[:12] for name in TEMPLATE_NAMES}


def prompt_version() -> str:
    """One hash over all templates: changes whenever any wording changes."""
    joined = "".join(f"{name}:{digest}" for name, digest in sorted(prompt_hashes().items()))
    return hashlib.sha256(joined.encode()).hexdigest()[:12]
