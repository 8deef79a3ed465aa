"""``kg extract``: articles in, entities and triples out (JSON Lines for ``kg load``, or a table to read)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, InputProblems, fail, renamed_option
from kg.interrupts import deferred_interrupts
from kg.model import Article, Concept, Extraction
from kg.read import InputError, article_files, read_articles, unknown_summary, with_default_lang

TABLE_WIDTH = 160


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the records `kg load` reads; table: one readable table per article.",
)
@click.option("--lang", default=None, help="Language of articles that do not name one (instead of detecting it).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extraction processes (whole articles per process).",
)
@renamed_option(
    "--parse-batch-size",
    "--batch-size",
    "parse_batch_size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Texts the parser takes at once (spaCy's nlp.pipe batch); formerly --batch-size.",
)
@click.option(
    "--triage/--no-triage",
    default=None,
    help="Parse only the sentences that may hold a fact (default: on, or KG_TRIAGE); --no-triage parses every "
    "sentence in full.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Do not print warnings about skipped inputs (the exit code still says)."
)
def command(
    paths: tuple[str, ...],
    fmt: str,
    lang: str | None,
    workers: int,
    parse_batch_size: int,
    triage: bool | None,
    quiet: bool,
) -> None:
    """Extract entities and triples from PATHS (.txt/.md files, JSON Lines of articles, directories, or -).

    Exit codes: 0 all extracted; 1 some inputs were bad or skipped (each is
    reported, the rest is processed); 3 no spaCy model for a language met.
    """
    with deferred_interrupts():  # spaCy's import: a Ctrl-C in it is raised after it, not lost
        from kg.extract.pipeline import Extractor
        from kg.lang import UnsupportedLanguageError, get_language
        from kg.spacy_models import ModelNotFoundError, resolve_model

    lang = lang.lower() if lang else None
    if lang:
        try:
            get_language(lang)
            resolve_model(lang)
        except UnsupportedLanguageError as exc:
            fail(str(exc), EXIT_USAGE)  # --lang names a language kg has no data for
        except ModelNotFoundError as exc:
            fail(str(exc), EXIT_ENVIRONMENT)

    problems = InputProblems(quiet=quiet)

    def on_skip(article: Article, reason: str) -> None:
        # A language kg knows but has no pipeline for is an environment problem (exit 3, said once at the
        # end), not bad input. The report knows it in every process layout (--workers N included).
        if reason not in extractor.missing_models.values():
            problems(InputError(_where(article), f"skipped: {reason}"))

    extractor = Extractor(workers=workers, batch_size=parse_batch_size, default_lang=lang, triage=triage)
    origins: dict[str, str] = {}  # article id -> the file it came from, for the table's header
    unknown: list[Path] = []  # files of a directory that are no articles' type, named at the end
    articles = with_default_lang(_read_noting_files(paths, problems, origins, unknown), lang)
    out = sys.stdout
    try:
        extractions = extractor.extract(articles, on_skip=on_skip)
        if fmt == "jsonl":
            _write_jsonl(extractions, out)
        else:
            _write_tables(extractions, out, origins, extractor.language_of)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if unknown:
        click.echo(f"kg: note: {unknown_summary(unknown)}", err=True)
    report = extractor.report
    if report.missing_models:
        for message in report.missing_models.values():
            click.echo(f"kg: error: {message}", err=True)
        sys.exit(EXIT_ENVIRONMENT)
    sys.exit(problems.exit_code if (problems.errors or report.skipped or report.failed) else EXIT_OK)


def _where(article: Article) -> str:
    from kg.read import origin_of

    details = [d for d in (origin_of(article.id), article.title) if d]
    return f"article {article.id}" + (f" ({', '.join(details)})" if details else "")


def _read_noting_files(
    paths: Iterable[str], on_error: InputProblems, origins: dict[str, str], unknown: list[Path] | None = None
) -> Iterator[Article]:
    """The articles of ``paths``, noting in ``origins`` the name of the file each came from.

    The reader does not say which file an article came from (a text file's article has
    only its text), so directories are listed here, one file at a time, the way the
    reader lists them; an empty directory goes to the reader, which reports it.
    """
    for raw in paths:
        path = Path(raw)
        files: list[str | Path] = [raw]
        if raw != "-" and path.is_dir():
            files = [*article_files(path, unknown.append if unknown is not None else None)] or files
        for f in files:
            name = "<stdin>" if str(f) == "-" else Path(f).name
            for article in read_articles([f], on_error):
                origins.setdefault(article.id, name)
                yield article


def _header(article: Article, origin: str | None, detected: str | None = None) -> str:
    """Rich markup naming an article: its title (else its file), then id, language, date and file."""
    from rich.markup import escape  # article text is data: "[bold]" in a title must print as written

    heading = article.title or origin or article.id
    lang = article.lang or (f"{detected} (detected)" if detected else "language unknown")
    details = [f"id {article.id}", lang]
    details.append(f"published {article.published.isoformat()}" if article.published else "no date")
    if article.title and origin:
        details.append(origin)
    return f"[bold]{escape(heading)}[/bold]\n[dim]{escape(' · '.join(details))}[/dim]"


def _write_jsonl(extractions: Iterable[Extraction], out: IO[str]) -> None:
    for extraction in extractions:
        for record in extraction.to_records():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def _write_tables(
    extractions: Iterable[Extraction],
    out: IO[str],
    origins: dict[str, str] | None = None,
    language_of: Callable[[Article], str | None] | None = None,
) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    # Piped output gets a wide table (an analyst pipes it to a pager or file, not to a narrow terminal).
    console = Console(file=out, soft_wrap=False, width=None if out.isatty() else TABLE_WIDTH)
    for extraction in extractions:
        a = extraction.article
        names = {e.key: e.name for e in extraction.entities}
        detected = None if a.lang or language_of is None else language_of(a)
        console.print(_header(a, (origins or {}).get(a.id), detected))
        table = Table(show_lines=False, expand=True)
        for column, style in (("#", "dim"), ("subject", "bold"), ("predicate", "cyan"), ("object", ""),
                              ("flags", "yellow"), ("verb", "dim"), ("conf", "dim")):  # fmt: skip
            wide = column == "object"
            table.add_column(column, style=style, overflow="fold", ratio=1 if wide else None, no_wrap=not wide)
        for t in sorted(extraction.triples, key=lambda t: (t.provenance.sentence, t.provenance.start)):
            obj = f"“{t.object.text}”" if isinstance(t.object, Concept) else names.get(t.object.key, t.object.name)
            flags = []
            if t.polarity == "negative":
                flags.append("NOT")
            if t.hedged:
                flags.append("hedged")
            if t.reported_by:
                flags.append(f"per {names.get(t.reported_by, t.reported_by)}")
            cells = (str(t.provenance.sentence), names.get(t.subject.key, t.subject.name), t.predicate, obj,
                     ", ".join(flags), t.verb, f"{t.confidence:.2f}")  # fmt: skip
            table.add_row(*(escape(c) for c in cells))
        console.print(table)
        people = ", ".join(f"{e.name} ({e.type}{', ' + e.country if e.country else ''})" for e in extraction.entities)
        console.print(f"[dim]entities:[/dim] {escape(people) or '-'}\n")
