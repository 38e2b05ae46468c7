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


# Imports go one way: records at the bottom, text analysis above them, then facts, models,
# grounding and extraction, with batch, reports, the eval harness and the CLI on top.
LAYERS = [
    {"errors", "schema", "articles", "atomic"},
    {"text"},
    {"facts", "models"},
    {"grounding"},
    {"extract"},
    {"batch", "report"},
    {"evaluation"},
    {"cli", "__init__"},
]


def _layer(module: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if module in names)


def test_imports_go_one_way() -> None:
    import ast
    from pathlib import Path

    root = Path(summarizer.__file__).parent
    wrong = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        here = parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = list(parts[:len(parts) - node.level])
            target = (base + node.module.split(".")) if node.module else base + [node.names[0].name]
            if target and target[0] != here and _layer(target[0]) > _layer(here):
                wrong.append(f"{'/'.join(parts)} imports {'.'.join(target)}")
    assert wrong == []
