"""``kg load``: load the JSON Lines written by ``kg extract`` into a store, without re-extracting."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_INTERRUPTED, InputProblems, renamed_option
from kg.cli.stores import (
    is_connection_error,
    lost_connection,
    open_store_or_exit,
    print_summary,
    progress,
    reporter,
    store_options,
)
from kg.load.base import GraphStore, LoadStats, StoreError
from kg.load.rows import validate
from kg.model import Article, Entity, Extraction, ModelError, Triple, extractions_from_records
from kg.read import ErrorHandler, InputError, unreadable_reason
from kg.read.clean import clean_record, max_article_chars
from kg.read.decode import bounded_lines, max_json_line_bytes


@click.command(name="load")
@click.argument("files", nargs=-1, required=True)
@store_options
# Loading pre-extracted rows is bound by the server's per-statement and per-transaction costs: 5,000
# triples per transaction loaded 4,000 bench articles about 18 % faster than 1,000 (bench/run.py).
@renamed_option(
    "--transaction-size",
    "--batch-size",
    "transaction_size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Triples per transaction; formerly --batch-size.",
)
@click.option("--force", is_flag=True, help="Rewrite articles even if already loaded with the same text.")
def command(files: tuple[str, ...], use_neo4j: bool, store_dir: str | None, transaction_size: int, force: bool) -> None:
    """Load FILES (JSON Lines from `kg extract`; - for standard input) into a graph store.

    An article with any malformed record (reported as FILE:LINE) is skipped
    whole, so it is never marked loaded with part of its triples missing.
    Store selection as in `kg ingest`.
    """
    problems = InputProblems()
    store = open_store_or_exit(use_neo4j, store_dir, transaction_size)
    stats = LoadStats()
    try:
        with progress("loading") as bar:
            store.write(bar(read_extractions(files, problems)), stats=stats, force=force, on_reject=reporter(problems))
    except KeyboardInterrupt:
        _stop(store, stats, "interrupted; the batches committed before are kept", EXIT_INTERRUPTED)
    except StoreError as exc:
        _stop(store, stats, f"error: {exc}", EXIT_ENVIRONMENT)
    except Exception as exc:
        if not is_connection_error(exc):
            raise
        _stop(store, stats, lost_connection(store, exc), EXIT_ENVIRONMENT)
    store.close()
    print_summary(stats)
    sys.exit(problems.exit_code)


def _stop(store: GraphStore, stats: LoadStats, message: str, code: int) -> None:
    store.close()
    click.echo(f"kg: {message}", err=True)
    print_summary(stats)
    sys.exit(code)


def read_extractions(files: Iterable[str], on_error: ErrorHandler) -> Iterator[Extraction]:
    """Extractions from ``kg extract`` JSON Lines files; each bad line is reported with FILE:LINE."""
    for name in files:
        if name == "-":
            if sys.stdin is None:  # started with stdin closed (`kg load - <&-`)
                on_error(InputError("<stdin>", "standard input is closed; nothing read"))
            else:
                yield from _read_stream(sys.stdin.buffer, "<stdin>", on_error)
            continue
        reason = unreadable_reason(Path(name))  # before opening: opening a FIFO would block
        if reason is not None:
            on_error(InputError(name, reason))
            continue
        try:
            with Path(name).open("rb") as stream:
                yield from _read_stream(stream, name, on_error)
        except OSError as exc:
            on_error(InputError(name, f"cannot read: {exc.strerror or exc}"))


def _read_stream(stream: IO[bytes], source: str, on_error: ErrorHandler) -> Iterator[Extraction]:
    group: list[tuple[int, dict[str, Any]]] = []
    bad = False

    def flush() -> Iterator[Extraction]:
        if group:
            yield from _extraction(group, bad, source, on_error)

    max_line = max_json_line_bytes(max_article_chars())  # the longest article, every character a \uXXXX escape
    for lineno, raw in enumerate(bounded_lines(stream, max_line), start=1):
        if raw is None:
            on_error(InputError(source, f"line longer than {max_line:,} bytes; skipped unread", lineno))
            bad = True
            continue
        if not raw.strip():
            continue
        try:
            # JSON may spell NUL and lone surrogates as escapes; neither can be stored, so clean them.
            record = clean_record(json.loads(raw.decode("utf-8")))
            if not isinstance(record, dict):
                raise ValueError(f"a record must be a JSON object, got {type(record).__name__}")
        except (UnicodeDecodeError, ValueError) as exc:
            on_error(InputError(source, f"malformed line ({exc}); skipped", lineno))
            bad = True
            continue
        except RecursionError:
            on_error(InputError(source, "JSON nested too deeply; line skipped", lineno))
            bad = True
            continue
        if record.get("kind") == "article":
            yield from flush()
            group, bad = [(lineno, record)], False
        elif not group:
            on_error(InputError(source, f"{record.get('kind')!r} record before any article record; skipped", lineno))
        else:
            group.append((lineno, record))
    yield from flush()


_PARSERS = {"article": Article.from_dict, "entity": Entity.from_dict, "triple": Triple.from_dict}


def _extraction(
    group: list[tuple[int, dict[str, Any]]], bad: bool, source: str, on_error: ErrorHandler
) -> Iterator[Extraction]:
    """One article's records -> its extraction, or nothing (reported) if any record is bad."""
    first_line, head = group[0]
    article_id = head.get("id")
    for lineno, record in group:
        kind = record.get("kind")
        parser = _PARSERS.get(kind)  # type: ignore[arg-type]
        try:
            if parser is None:
                raise ModelError(f"unknown record kind {kind!r}")
            for name in ("id", "article_id"):  # JSON true is an int to Python and would become the id "True"
                if isinstance(record.get(name), bool):
                    raise ModelError(f"field {name!r} must be a string or an integer, got {record[name]!r}")
            parser(record)
            if kind != "article" and record.get("article_id") != article_id:
                raise ModelError(f"record belongs to article {record.get('article_id')!r}, not {article_id!r}")
        except (ModelError, TypeError, ValueError) as exc:
            on_error(InputError(source, f"{exc}", lineno))
            bad = True
    if not bad:
        try:
            (extraction,) = extractions_from_records(record for _, record in group)
            validate(extraction)
            yield extraction
            return
        except (ModelError, TypeError, ValueError) as exc:
            on_error(InputError(source, f"{exc}", first_line))
    shown = repr(article_id)
    if len(shown) > 80:  # an absurd id is itself one of the errors; its start identifies it
        shown = shown[:60] + "..."
    on_error(InputError(source, f"article {shown} not loaded because of the errors reported", first_line))
