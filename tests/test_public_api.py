"""The public surface: nothing public by accident, and importing stays light."""

from __future__ import annotations

import subprocess
import sys

import summarizer


def test_all_is_sorted_and_complete() -> None:
    assert summarizer.__all__ == sorted(summarizer.__all__)
    public = {name for name in dir(summarizer) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(summarizer, name)).__name__ == "module"}
    assert public - modules == set(summarizer.__all__)


def test_import_does_not_load_litellm_or_instructor() -> None:
    code = "import sys, summarizer; print(sorted(m for m in ('litellm', 'instructor', 'openai') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
