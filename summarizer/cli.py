"""The ``summarizer`` command: parses arguments, calls the library, prints results.

Errors print one line and exit 2; ``--verbose`` adds the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError, SummarizerError

EXIT_ERROR = 2
EXIT_UNSUPPORTED = 1


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _write(text: str, out: str | None) -> None:
    if out:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    else:
        sys.stdout.write(text)


def cmd_summarize(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .articles import load_articles
    from .pipeline import summarize
    from .render import summary_lines

    articles = load_articles(args.paths)  # input errors surface before the model starts

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(stderr=True), transient=True,
                  disable=args.quiet) as bar:
        job = bar.add_task("starting model", total=None)

        def progress(done: int, total: int, label: str) -> None:
            bar.update(job, completed=done, total=total, description=f"asking model: {label}")

        result = summarize(articles, model=args.model, api_base=args.api_base, api_key=args.api_key,
                           policy="strict" if args.strict else "flag", concurrency=args.concurrency,
                           progress=progress)
    if args.json or args.out:
        _write(result.model_dump_json(indent=2) + "\n", args.out)
    if not args.json:
        console = _console()
        for line in summary_lines(result.summary, result.report):
            console.print(line)
        usage = result.usage
        console.print(f"[dim]model {result.model} · prompts {result.prompt_version} · {usage['calls']} calls · "
                      f"{usage['total_tokens']} tokens · {result.elapsed_seconds:.1f}s"
                      f"{' · ' + str(len(result.failed_tasks)) + ' passages failed' if result.failed_tasks else ''}"
                      f"{' · written to ' + args.out if args.out else ''}[/]")
    return 0


def load_summary(path: str) -> Any:
    """An EventSummary from a JSON file holding either a summary or a whole summarize() result."""
    from .schema import EventSummary

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc
    if isinstance(data, dict) and "summary" in data and "title" not in data:
        data = data["summary"]
    try:
        return EventSummary.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: does not match the summary schema at {where or 'top level'}: {first['msg']} "
                         f"({exc.error_count()} error(s))") from exc


def cmd_check(args: argparse.Namespace) -> int:
    from .articles import load_articles
    from .grounding import Verdict, apply_policy, check
    from .render import summary_lines

    summary = load_summary(args.summary)
    articles = load_articles(args.articles)
    known = {a.id for a in articles}
    unknown = sorted({e.article_id for _, _, f in summary.facts() for e in f.evidence} - known)
    report = check(summary, articles)
    published, report = apply_policy(summary, report, "strict" if args.strict else "flag", articles)
    if args.json:
        _write(report.model_dump_json(indent=2) + "\n", args.out)
    else:
        console = _console()
        for line in summary_lines(published, report):
            console.print(line)
        if unknown:
            console.print(f"[yellow]evidence cites unknown article ids: {', '.join(unknown)}[/]")
    if args.strict and (report.dropped or any(f.verdict != Verdict.supported for f in report.facts)):
        return EXIT_UNSUPPORTED
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    _write(json_schema(), args.out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="Grounded summaries of news events.")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks and details on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("summarize", help="summarise the articles of one event",
                       description="Summarise the articles of one event and check every fact against them.")
    p.add_argument("paths", nargs="+", help="article files, folders or globs (.txt, .json, .jsonl)")
    p.add_argument("--model", help="litellm model string, e.g. openai/gpt-4o-mini, ollama_chat/llama3; default "
                                   "$SUMMARIZER_MODEL or embedded/gemma3-270m (also: embedded/smollm2-135m)")
    p.add_argument("--api-base", help="server URL for local/OpenAI-compatible models (default $SUMMARIZER_API_BASE)")
    p.add_argument("--api-key", help="API key (default: the provider's usual environment variable)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--out", help="also write the full JSON result to this file")
    p.add_argument("--strict", action="store_true", help="drop facts the checker does not find supported")
    p.add_argument("--concurrency", type=int, default=1, help="parallel model calls (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_summarize)

    c = sub.add_parser("check", help="check a summary JSON against its articles",
                       description="Verify every fact of a summary (any JSON in the project's schema) against "
                                   "the source articles. Exit 1 under --strict when anything is unsupported.")
    c.add_argument("summary", help="summary JSON (an EventSummary or a summarize --json result)")
    c.add_argument("articles", nargs="+", help="article files, folders or globs")
    c.add_argument("--json", action="store_true", help="print the report as JSON")
    c.add_argument("--out", help="write the JSON report to this file")
    c.add_argument("--strict", action="store_true", help="drop unsupported facts; exit 1 if any")
    c.set_defaults(func=cmd_check)

    s = sub.add_parser("schema", help="print the JSON Schema of a summary")
    s.add_argument("--out", help="write it to this file")
    s.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SummarizerError as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
