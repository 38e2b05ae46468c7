"""The package as users install it: a non-editable wheel in a fresh virtual environment.

The fresh environment borrows the test environment's third-party packages (a path file, so
their own path files, the editable summarizer among them, are not processed) and gets
summarizer only from the wheel; ``summarize()`` then runs end to end against the fake
OpenAI-compatible server of tests/fakes.py.
"""

from __future__ import annotations

import json
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.fakes import FakeOpenAIServer, answering

SCRIPT = """
import json, sys
import summarizer
from summarizer.extract.prompts import prompts_dir
result = summarizer.summarize(sys.argv[1], model="openai/fake", strategy="passages", api_base=sys.argv[2], api_key="sk-test")
print(json.dumps({"package": summarizer.__file__, "prompts": str(prompts_dir()),
                  "facts": len(result.summary.facts()), "calls": result.usage["calls"]}))
"""


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                            str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next((work / "dist").glob("summarizer-*.whl"))
    env = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    borrowed = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (Path(purelib) / "borrowed.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", purelib,
                              str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    return python


@pytest.mark.slow
def test_installed_wheel_summarizes_from_its_own_package_data(wheel_env: Path, tmp_path) -> None:
    with FakeOpenAIServer([], responder=answering) as server:
        done = subprocess.run([str(wheel_env), "-c", SCRIPT, str(SEEDS), server.api_base],
                              capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    venv = str(wheel_env.parent.parent)
    assert out["package"].startswith(venv), "summarizer was imported from the checkout, not the wheel"
    assert out["prompts"].startswith(venv) and Path(out["prompts"], "meeting.txt").exists()
    assert out["calls"] > 0 and out["facts"] > 0
