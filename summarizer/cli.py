"""The ``summarizer`` command: parses arguments, calls the library, prints results.

Errors print one line and exit 2; ``--verbose`` adds the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_text_atomic
from .errors import ConfigError, SummarizerError

if TYPE_CHECKING:
    from .grounding.checker import Policy

EXIT_ERROR = 2
EXIT_UNSUPPORTED = 1


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _write(text: str, out: str | None) -> None:
    if out:
        write_text_atomic(out, text)
    else:
        sys.stdout.write(text)


def cmd_summarize(args: argparse.Namespace) -> int:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from .articles import load_articles
    from .extract.pipeline import summarize
    from .report.render import summary_lines

    articles = load_articles(args.paths)  # input errors surface before the model starts

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(stderr=True), transient=True,
                  disable=args.quiet) as bar:
        job = bar.add_task("starting model", total=None)

        def progress(done: int, total: int, label: str) -> None:
            bar.update(job, completed=done, total=total, description=f"asking model: {label}")

        result = summarize(articles, model=args.model, api_base=args.api_base, api_key=args.api_key,
                           policy=policy_of(args), concurrency=args.concurrency,
                           reask_unsupported=args.reask, strict_quotes=args.strict_quotes, strategy=args.strategy,
                           context_window=args.context_window,
                           progress=progress)
    if args.json or args.out:
        _write(result.model_dump_json(indent=2) + "\n", args.out)
    if args.html:
        from .report.html import write_report

        write_report(result, args.html)
    if not args.json:
        console = _console()
        for line in summary_lines(result.summary, result.report):
            console.print(line)
        usage = result.usage
        console.print(f"[dim]model {result.model} · prompts {result.prompt_version} · {usage['calls']} calls · "
                      f"{usage['total_tokens']} tokens · {result.elapsed_seconds:.1f}s"
                      f"{' · ' + str(len(result.failed_tasks)) + ' passages failed' if result.failed_tasks else ''}"
                      f"{' · written to ' + args.out if args.out else ''}"
                      f"{' · report ' + args.html if args.html else ''}[/]")
    return 0


def add_policy_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keep-flagged", action="store_true",
                        help="also publish the facts the checker does not support, marked as such (default: "
                             "publish only supported facts and list the others as dropped, with why)")
    # accepted for scripts written before strict publishing became the default
    parser.add_argument("--strict", action="store_true", help=argparse.SUPPRESS)


def policy_of(args: argparse.Namespace) -> Policy:
    """The publishing policy the options ask for: strict unless --keep-flagged."""
    if args.keep_flagged and args.strict:
        raise ConfigError("--keep-flagged and --strict contradict each other: choose one")
    return "flag" if args.keep_flagged else "strict"


def add_strategy_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strategy", choices=("auto", "passages", "document"), default="auto",
                        help="passages: one small choice per sentence (the small embedded models); document: the "
                             "model writes the whole summary from the articles; auto (default): passages for "
                             "the small embedded models, document for the rest")


STRICT_QUOTES_HELP = ("check each fact against its quotes alone, not the rest of their sentence, the neighbouring "
                      "sentences, headline, dateline or publication date")


def cmd_check(args: argparse.Namespace) -> int:
    from .articles import load_articles
    from .grounding.checker import Verdict, apply_policy, check
    from .report.render import summary_lines
    from .schema import read_summary

    summary = read_summary(args.summary)
    articles = load_articles(args.articles)
    known = {a.id for a in articles}
    unknown = sorted({e.article_id for _, _, f in summary.facts() for e in f.evidence} - known)
    report = check(summary, articles, args.strict_quotes)
    published, report = apply_policy(summary, report, "strict" if args.strict else "flag", articles,
                                     args.strict_quotes)
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


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation.runner import (
        Mode,
        compare_to_baseline,
        gated_figures,
        run_eval,
        score_saved,
    )
    from .evaluation.scoring import markdown_table

    if args.summary:
        if not args.event or len(args.event) != 1:
            raise ConfigError("--summary needs exactly one --event naming the gold to score against")
        report = score_saved(Path(args.summary), args.event[0])
    else:
        mode: Mode = "record" if args.record else "live" if args.live else "replay"
        report = run_eval(model=args.model, mode=mode, names=args.event, api_base=args.api_base, meta=args.meta,
                          strategy=args.strategy, policy=policy_of(args),
                          reask=args.reask,
                          progress=lambda i, n, name: print(f"[{i + 1}/{n}] {name}", file=sys.stderr))
    if args.out:
        _write(report.model_dump_json(indent=2) + "\n", args.out)
    table = markdown_table(report.events, report.model)
    lenient, strict = report.micro_lenient, report.micro_strict
    table += (f"\nAll events, micro: lenient P {lenient['precision']:.2f} R {lenient['recall']:.2f} "
              f"F1 {lenient['f1']:.2f}; strict F1 {strict['f1']:.2f} (the summaries as published under the "
              f"{report.policy} policy; facts and fields supported: every fact the model wrote)\n")
    for gold, meta in (("our gold", report.meta), ("the independent gold", report.meta_independent)):
        if meta:
            table += f"\nInjected errors on {gold} (cases on facts flagged even when clean are left out):\n"
            table += "\n| injected error | cases | caught | on flagged facts |\n|---|---|---|---|\n"
            for name, c in meta["categories"].items():
                table += f"| {name} | {c['cases']} | {c['rate']:.0%} | {c['on_flagged']} |\n"
            table += (f"\nChecker: {meta['catch_rate']:.1%} of injected errors caught, {meta['false_flags']} of "
                      f"{meta['clean_facts']} clean facts flagged ({meta['false_flag_rate']:.1%})\n")
    if report.labels:
        table += "\nThe checker on hand-labelled real output (positive = a wrong fact flagged):\n"
        table += "\n| fact type | facts | wrong | caught | false flags | balanced accuracy |\n|---|---|---|---|---|---|\n"
        for name, r in [*report.labels["by_type"].items(), ("all", report.labels["all"])]:
            table += (f"| {name} | {r['facts']} | {r['wrong']} | {r['caught']} | {r['false_flags']} | "
                      f"{r['balanced_accuracy']:.2f} |\n")
        for line in report.labels["unlabelled"]:
            table += f"\nunlabelled (label it in evals/labels/): {line}"
    if args.markdown:
        _write(table, args.markdown)
    print(table)
    if args.write_baseline:
        _write(json.dumps(gated_figures(report), indent=2, sort_keys=True) + "\n", args.write_baseline)
    if args.baseline:
        worse = compare_to_baseline(report, Path(args.baseline))
        for line in worse:
            print(f"worse than baseline: {line}", file=sys.stderr)
        if worse:
            return EXIT_UNSUPPORTED
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from .batch.runner import batch

    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=_console(stderr=True), transient=False, disable=args.quiet) as bar:
        stages: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            for name, task in stages.items():  # an earlier stage is finished once a later one reports
                if name != stage and not bar.tasks[task].finished:
                    bar.update(task, total=bar.tasks[task].total or 1, completed=bar.tasks[task].total or 1)
            if stage not in stages:
                stages[stage] = bar.add_task(stage, total=total or None)
            bar.update(stages[stage], completed=done, total=total or None)

        report = batch(args.inbox, args.out, model=args.model, strategy=args.strategy, api_base=args.api_base,
                       api_key=args.api_key,
                       concurrency=args.concurrency, retry_failed=args.retry_failed, html=args.html,
                       progress=progress)
    console = _console(stderr=True)
    console.print(f"run {report.run}: {report.files} files, {report.new_articles} new articles, "
                  f"{report.already_seen} already seen, {report.duplicates} duplicates, "
                  f"{report.near_duplicates} near-duplicate pairs, {report.events} events, "
                  f"{len(report.summarised)} summarised, "
                  f"{report.model_calls} model calls, {report.tokens} tokens, {report.seconds:.1f}s")
    for line in report.skipped:
        console.print(f"[yellow]skipped[/] {line}")
    for line in report.failed + report.still_failed:
        console.print(f"[red]failed[/] {line}")
    if report.still_failed:
        console.print("[dim]retry failed events with --retry-failed[/]")
    console.print(f"[dim]results in {args.out} (index.jsonl, events/, run-report.json)[/]")
    return 0 if report.ok else EXIT_UNSUPPORTED


def cmd_cluster(args: argparse.Namespace) -> int:
    from .articles import load_articles
    from .batch.clustering import cluster

    articles = load_articles(args.paths)
    groups = [{"articles": [articles[i].id for i in g.members]} for g in cluster(articles)]
    if args.json:
        print(json.dumps(groups, indent=2))
    else:
        for n, g in enumerate(groups, 1):
            print(f"event {n}: {', '.join(g['articles'])}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report.html import read_result, write_report

    path = write_report(read_result(args.result), args.output)
    print(f"report written to {path}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    _write(json_schema(), args.out)
    return 0


def add_model_options(parser: argparse.ArgumentParser, key: bool = True) -> None:
    """--model, --api-base (and --api-key): the same meaning in every command."""
    parser.add_argument("--model", help="litellm model string, e.g. openai/gpt-4o-mini, ollama_chat/llama3; "
                                        "default $SUMMARIZER_MODEL or embedded/smollm2-135m "
                                        "(also: embedded/gemma3-270m)")
    parser.add_argument("--api-base", help="server URL for local/OpenAI-compatible models "
                                           "(default $SUMMARIZER_API_BASE)")
    if key:
        parser.add_argument("--api-key", help="API key (default: the provider's usual environment variable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="Grounded summaries of news events.")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks and details on errors")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("summarize", help="summarise the articles of one event",
                       description="Summarise the articles of one event and check every fact against them.")
    p.add_argument("paths", nargs="+", help="article files, folders or globs (.txt, .json, .jsonl)")
    add_model_options(p)
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--out", help="also write the full JSON result to this file")
    add_policy_options(p)
    p.add_argument("--strict-quotes", action="store_true", help=STRICT_QUOTES_HELP)
    add_strategy_option(p)
    p.add_argument("--context-window", type=int, metavar="TOKENS",
                   help="the model's context window, when litellm does not know it (document strategy)")
    p.add_argument("--html", help="also write an HTML evidence report to this file")
    p.add_argument("--reask", type=int, default=0, metavar="N",
                   help="ask again (up to N times) about facts the checker rejects, with its reasons")
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
    c.add_argument("--strict-quotes", action="store_true", help=STRICT_QUOTES_HELP)
    c.set_defaults(func=cmd_check)

    e = sub.add_parser("eval", help="score summaries against the gold events in evals/",
                       description="Field-level P/R/F1, faithfulness and citation accuracy per event. By default "
                                   "replays the recorded calls of the embedded model (offline).")
    add_model_options(e, key=False)
    e.add_argument("--event", action="append", help="only this event (repeatable)")
    add_strategy_option(e)
    how = e.add_mutually_exclusive_group()
    how.add_argument("--record", action="store_true", help="run the real model and re-record the cassettes")
    how.add_argument("--live", action="store_true", help="run the model without recordings")
    how.add_argument("--summary", help="score this saved summary JSON (with one --event) instead of a model")
    add_policy_options(e)
    e.add_argument("--meta", action="store_true", help="also run the checker meta-benchmark (injected errors)")
    e.add_argument("--reask", type=int, default=0, metavar="N",
                   help="re-ask facts the checker rejects, up to N times (changes requests: record separately)")
    e.add_argument("--out", help="write the full JSON results here")
    e.add_argument("--markdown", help="write the Markdown table here")
    e.add_argument("--baseline", help="exit 1 if any figure is worse than this baseline JSON")
    e.add_argument("--write-baseline", help="write the gated figures of this run as a baseline JSON")
    e.set_defaults(func=cmd_eval)

    b = sub.add_parser("batch", help="summarise every event in a folder of articles, incrementally",
                       description="Group the articles of INBOX into events and summarise each event whose "
                                   "articles changed since the last run. Exit 1 if anything failed.")
    b.add_argument("inbox", help="folder of .txt / .json / .jsonl articles (nested folders too)")
    b.add_argument("--out", required=True, help="results folder (state.sqlite, events/, index.jsonl)")
    add_model_options(b)
    b.add_argument("--concurrency", type=int, default=1, help="events summarised at once (default 1)")
    add_strategy_option(b)
    b.add_argument("--retry-failed", action="store_true", help="try failed events and bad files again")
    b.add_argument("--html", action="store_true", help="write an HTML report per event version and index.html")
    b.add_argument("--quiet", action="store_true", help="no progress bars")
    b.set_defaults(func=cmd_batch)

    g = sub.add_parser("cluster", help="print how articles group into events")
    g.add_argument("paths", nargs="+", help="article files, folders or globs")
    g.add_argument("--json", action="store_true", help='a JSON list of {"articles": [ids]}')
    g.set_defaults(func=cmd_cluster)

    r = sub.add_parser("report", help="write a self-contained HTML evidence report for a result",
                       description="One HTML page: facts with verdicts, the sources with every evidence span "
                                   "highlighted; click a fact to see its spans.")
    r.add_argument("result", help="a summarize --json / --out result, or a batch events/<id>/v<N>.json")
    r.add_argument("-o", "--output", required=True, help="the HTML file to write")
    r.set_defaults(func=cmd_report)

    s = sub.add_parser("schema", help="print the JSON Schema of a summary")
    s.add_argument("--out", help="write it to this file")
    s.set_defaults(func=cmd_schema)
    return parser


def _one_line_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> str:
    return f"summarizer: warning: {message}\n"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    warnings.formatwarning = _one_line_warning
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
