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


# Imports go one way: records at the bottom, text analysis above them, then the primitives fact
# types are written with (field checks, candidate tasks, the model layer), the fact types, the
# checker and the strategies that use them, with batch, reports, the eval harness and the CLI on top.
# A module's layer is that of its longest listed prefix.
LAYERS = [
    {"errors", "schema", "articles", "atomic"},
    {"text"},
    {"grounding.fields", "grounding.context", "extract.prompts", "extract.tasks", "models"},
    {"facts"},
    {"grounding"},
    {"extract"},
    {"batch", "report"},
    {"evaluation"},
    {"cli", "__init__"},
]


def _layer(parts: list[str]) -> int:
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        for i, names in enumerate(LAYERS):
            if prefix in names:
                return i
    raise AssertionError(f"summarizer.{'.'.join(parts)} is in no layer")


def test_imports_go_one_way() -> None:
    import ast
    from pathlib import Path

    root = Path(summarizer.__file__).parent
    wrong = []
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        here = parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = parts[:len(parts) - node.level]
            target = base + (node.module.split(".") if node.module else [node.names[0].name])
            if target[:len(here)] != here and _layer(target) > _layer(here):
                wrong.append(f"{'.'.join(parts)} imports {'.'.join(target)}")
    assert wrong == []
