"""Split GGUF weights: parts found as installed packages, joined in order, verified by size and sha256."""

from __future__ import annotations

import hashlib
import sys

import pytest

from summarizer.errors import ConfigError
from summarizer.models.embedded import EMBEDDED_MODELS, SplitWeights


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """Three fake part packages (``fakeweights_part1..3``) holding byte slices of one blob."""
    blob = bytes(range(256)) * 40
    slices = [blob[:3000], blob[3000:7000], blob[7000:]]
    for i, piece in enumerate(slices, 1):
        package = tmp_path / f"fakeweights_part{i}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{i:02d}.bin").write_bytes(piece)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield blob
    for i in range(1, 4):
        sys.modules.pop(f"fakeweights_part{i}", None)


def test_parts_are_joined_in_order_and_verified(parts, tmp_path) -> None:
    weights = SplitWeights("fakeweights", 3, len(parts), hashlib.sha256(parts).hexdigest())
    target = weights.join(tmp_path / "cache" / "model.gguf")
    assert target.read_bytes() == parts
    assert weights.join(target) == target   # joined once


def test_a_mismatch_is_refused_and_leaves_nothing(parts, tmp_path) -> None:
    weights = SplitWeights("fakeweights", 3, len(parts), "0" * 64)
    with pytest.raises(ConfigError, match="sha256"):
        weights.join(tmp_path / "cache" / "model.gguf")
    assert not list((tmp_path / "cache").iterdir())


def test_a_missing_part_names_the_package(parts, tmp_path) -> None:
    with pytest.raises(ModuleNotFoundError, match="fakeweights_part4"):
        SplitWeights("fakeweights", 4, len(parts), "0" * 64).part_paths()


def test_the_qwen_models_are_offered() -> None:
    for name in ("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"):
        assert EMBEDDED_MODELS[name].chat_format == "chatml" and "[qwen]" in EMBEDDED_MODELS[name].package
