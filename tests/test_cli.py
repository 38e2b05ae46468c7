"""The command line: exit codes, one-line errors, the check / schema / eval commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from summarizer.cli import main
from summarizer.schema import json_schema
from tests.conftest import EVENTS, ROOT, SEED_EVENT, SEEDS

GOLD = str(EVENTS / SEED_EVENT / "gold.json")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "summarizer.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


@pytest.mark.parametrize("args, message", [
    (["summarize", "/no/such/dir"], "/no/such/dir: no such file or folder"),
    (["summarize", str(SEEDS), "--model", "embedded/nope"], "unknown embedded model 'embedded/nope'"),
    (["check", "/no/summary.json", str(SEEDS)], "/no/summary.json: cannot read"),
])
def test_errors_are_one_line_with_exit_2(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in done.stderr


def test_bad_summary_names_the_field(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "x", "meetings": [{"participants": ["A"], "evidence": []}]}))
    assert main(["check", str(bad), str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert "bad.json: does not match the summary schema at meetings.0." in err and "2 error(s)" in err


def test_folder_without_articles(tmp_path, capsys) -> None:
    (tmp_path / "notes.md").write_text("not an article")
    assert main(["summarize", str(tmp_path)]) == 2
    assert f"{tmp_path}: no article files" in capsys.readouterr().err


def test_check_gold_is_clean_and_strict_fails_on_a_wrong_figure(tmp_path, capsys) -> None:
    assert main(["check", GOLD, str(SEEDS), "--strict"]) == 0
    out = capsys.readouterr().out
    assert "grounded: 100% of facts" in out and "✗" not in out
    wrong = json.loads(open(GOLD).read())
    wrong["trade_figures"][0]["value"] = 500
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(wrong))
    assert main(["check", str(path), str(SEEDS), "--strict", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["dropped"] and report["dropped"][0].startswith("trade_figures[0] India-Russia trade: crossed 500 "
                                                                 "billion USD")
    assert "(contradicted: value: " in report["dropped"][0]  # the fact dropped, and why


def test_schema_command_matches_the_committed_file(capsys) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == json_schema() == (ROOT / "summarizer" / "event_summary.schema.json").read_text()


def test_help_lists_the_commands() -> None:
    done = run("--help")
    assert done.returncode == 0
    for command in ("summarize", "check", "eval", "schema"):
        assert command in done.stdout


def test_only_supported_facts_are_published_unless_flagged_ones_are_asked_for() -> None:
    from summarizer.cli import build_parser, policy_of
    from summarizer.errors import ConfigError

    parse = build_parser().parse_args
    assert policy_of(parse(["summarize", "seeds/"])) == "strict"
    assert policy_of(parse(["summarize", "seeds/", "--keep-flagged"])) == "flag"
    assert policy_of(parse(["eval", "--keep-flagged"])) == "flag"
    with pytest.raises(ConfigError, match="--keep-flagged and --strict"):
        policy_of(parse(["summarize", "seeds/", "--keep-flagged", "--strict"]))


def test_a_summary_without_facts_says_so_instead_of_fully_grounded() -> None:
    from summarizer.articles import Article
    from summarizer.grounding.checker import check
    from summarizer.report.render import summary_lines
    from summarizer.schema import EventSummary

    empty = EventSummary(title="t")
    lines = summary_lines(empty, check(empty, [Article(id="a1", text="Markets were quiet on Monday.")]))
    assert any("no fact found" in line for line in lines)
    assert not any(line.startswith("grounded:") for line in lines)
