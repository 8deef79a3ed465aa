"""``kg eval``: score extraction against gold annotations (precision, recall, F1 per language)."""

from __future__ import annotations

import json
import sys

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_OK, fail


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for reading, json for other tools (scores are nested, so there is no csv).",
)
@click.option("--show-misses", is_flag=True, help="List missed and falsely extracted entities and triples.")
@click.option(
    "--by-predicate",
    "detail",
    is_flag=True,
    help="Also print triple scores per predicate and per PLOVER type, and a confusion table of gold vs extracted.",
)
def command(gold: str, fmt: str, show_misses: bool, detail: bool) -> None:
    """Extract the articles of GOLD (JSON Lines with `gold` annotations) and score the result.

    A file of coded sentences (`plover`, `source`, `target` per line, see kg/gold/records.py) is
    scored as event records instead: right event type, right doer's state, typed precision.

    Entities match on key and type; triples on subject, predicate and object
    (entity key, or for a concept a token overlap with the gold text). See
    kg/gold/score.py for the exact rules and tests/fixtures/gold/ for the format.
    """
    from kg.gold.records import is_records_file

    try:
        records = is_records_file(gold)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{gold}: {exc}", 1)
    if records:
        _records(gold, fmt, show_misses)
    from kg.gold.score import evaluate, read_gold

    try:
        articles = read_gold(gold)
    except (OSError, ValueError) as exc:
        fail(str(exc), 1)
    report = evaluate(articles, _extract([g.article for g in articles]))
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(with_problems=show_misses), indent=2, ensure_ascii=False))
    else:
        _print_table(report, show_misses, detail)
    sys.exit(EXIT_OK)


def _extract(articles: list) -> list:
    """Extractions of ``articles``; a missing model is an environment error, a skipped article a warning."""
    from kg.extract.pipeline import Extractor

    extractor = Extractor()
    skipped: list[str] = []
    extractions = list(extractor.extract(articles, on_skip=lambda a, reason: skipped.append(reason)))
    if extractor.missing_models:
        fail("; ".join(extractor.missing_models.values()), EXIT_ENVIRONMENT)
    for reason in dict.fromkeys(skipped):
        click.echo(f"kg: warning: {reason}", err=True)
    return extractions


def _records(path: str, fmt: str, show_misses: bool) -> None:
    """Score a file of coded sentences (kg/gold/records.py) and exit."""
    from kg.gold.records import evaluate_records, read_records

    try:
        records = read_records(path)
    except (OSError, ValueError) as exc:
        fail(str(exc), 1)
    report = evaluate_records(records, _extract([r.article for r in records]))
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(with_misses=show_misses), indent=2, ensure_ascii=False))
        sys.exit(EXIT_OK)
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 120)
    table = Table(title="Event records: the sentence's event type and its doer's state", title_justify="left")
    for column in ("group", "sentences", "right type", "right type + source", "typed triples right", "none"):
        table.add_column(column, justify="left" if column == "group" else "right")
    rows = [*sorted(report.by_lang.items()), ("all", report.overall), *sorted(report.by_type.items())]
    for name, sc in rows:
        table.add_row(name, str(sc.sentences), f"{sc.type_recall:.3f}", f"{sc.source_recall:.3f}",
                      f"{sc.type_precision:.3f}", str(sc.empty))  # fmt: skip
    console.print(table)
    if show_misses:
        for rid, gold_type, source, got in report.misses:
            console.print(f"{rid}  {gold_type:<10} {source or '-':<4} got: {got}", highlight=False, markup=False)
    sys.exit(EXIT_OK)


def _print_table(report, show_misses: bool, detail: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 120)
    table = Table(title="Extraction quality", title_justify="left")
    for column in ("language", "articles", "what", "P", "R", "F1", "tp", "fp", "fn", "polarity", "hedged"):
        table.add_column(column, justify="left" if column in ("language", "what") else "right")
    groups = [*sorted(report.by_lang.items()), ("all", report.overall)]
    for lang, g in groups:
        for what, score in (("entities", g.entities), ("triples", g.triples)):
            row = g.to_dict()
            pol = row["polarity_accuracy"] if what == "triples" else None
            hed = row["hedged_accuracy"] if what == "triples" else None
            table.add_row(
                lang if what == "entities" else "",
                str(g.articles) if what == "entities" else "",
                what,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                str(score.tp),
                str(score.fp),
                str(score.fn),
                f"{pol:.3f}" if pol is not None else "",
                f"{hed:.3f}" if hed is not None else "",
            )
    console.print(table)
    typed = report.typed
    console.print(
        f"triples scored by PLOVER type: P {typed.precision:.3f}  R {typed.recall:.3f}  F1 {typed.f1:.3f}"
        f"  (tp {typed.tp}, fp {typed.fp}, fn {typed.fn})",
        highlight=False,
    )
    if detail:
        for title, scores in (
            ("Triples per predicate", report.by_predicate),
            ("Triples per PLOVER type", report.by_type),
        ):
            t = Table(title=title, title_justify="left")
            for column in ("name", "P", "R", "F1", "tp", "fp", "fn"):
                t.add_column(column, justify="left" if column == "name" else "right")
            for name, sc in sorted(scores.items(), key=lambda i: -(i[1].tp + i[1].fn)):
                t.add_row(
                    name, f"{sc.precision:.2f}", f"{sc.recall:.2f}", f"{sc.f1:.2f}", str(sc.tp), str(sc.fp), str(sc.fn)
                )
            console.print(t)
        t = Table(
            title="Confusion: gold predicate -> extracted predicate (same subject and object)", title_justify="left"
        )
        for column in ("gold", "extracted", "count"):
            t.add_column(column, justify="right" if column == "count" else "left")
        for (g, x), n in sorted(report.confusion.items(), key=lambda i: -i[1]):
            t.add_row(g, x, str(n))
        console.print(t)
    if show_misses:
        for p in report.problems:
            console.print(f"{p.article_id}  {p.kind:<14} {p.what}", highlight=False, markup=False)
