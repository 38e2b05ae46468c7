"""Split GGUF weights: parts found as installed packages, joined in order, verified by size and sha256; and a
server process that dies while answering, named as such."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from summarizer.errors import ConfigError, ModelUnreachable
from summarizer.models.embedded import EMBEDDED_MODELS, EmbeddedServer, SplitWeights


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


def test_a_server_that_dies_while_answering_is_named_with_its_signal(tmp_path) -> None:
    # a real child process killed by SIGSEGV stands for llama.cpp's server crashing on a request
    dead = subprocess.Popen([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"])
    dead.wait()
    server = EmbeddedServer()
    server.process, server.log_path = dead, tmp_path / "server.log"
    lost = ModelUnreachable("model openai/smollm2-135m: no answer (Connection error)")
    with pytest.raises(ModelUnreachable, match=r"stopped while answering \(signal SIGSEGV; log .*server\.log\)"):
        server.__exit__(ModelUnreachable, lost, None)  # as leaving ``with EmbeddedServer() ...`` on that error


def test_other_errors_pass_through_a_server_that_is_still_running() -> None:
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    server = EmbeddedServer()
    server.process = alive
    server.__exit__(ModelUnreachable, ModelUnreachable("no answer (timeout)"), None)  # raises nothing of its own
    assert alive.poll() is not None  # and the server is stopped
