"""CLI plumbing shared by the store commands (ingest, load, export, analyze, stats).

The store-selection rule, in one place: ``--neo4j`` -> Neo4j (settings from
the environment or the config file); ``--store DIR`` -> the embedded store in
DIR; neither -> Neo4j if ``NEO4J_URI`` is set in the environment, else the
embedded store in ``$KG_STORE`` or ``./kg-data``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, fail
from kg.config import ConfigError
from kg.load.base import GraphStore, LoadStats, StoreError
from kg.read import InputError

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def store_options(f: F) -> F:
    """``--neo4j`` / ``--store DIR`` (mutually exclusive)."""
    f = click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Use the embedded store in DIR (default ./kg-data, or $KG_STORE).",
    )(f)
    f = click.option(
        "--neo4j",
        "use_neo4j",
        is_flag=True,
        default=False,
        help="Use Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD or ~/.config/kg/config.toml). "
        "Also the default when NEO4J_URI is set and --store is not given.",
    )(f)
    return f


def open_store_or_exit(use_neo4j: bool, store_dir: str | None, batch_size: int = 1000) -> GraphStore:
    """Open the selected store, or exit 2 (both options) / 3 (unreachable, bad config) with a clear message."""
    from kg.load import open_store

    if use_neo4j and store_dir is not None:
        fail("--neo4j and --store exclude each other; give one", EXIT_USAGE)
    try:
        return open_store(neo4j=True if use_neo4j else None, store_dir=store_dir, batch_size=batch_size, notice=note)
    except (StoreError, ConfigError) as exc:
        fail(str(exc), EXIT_ENVIRONMENT)
        raise AssertionError("unreachable") from exc


def note(message: str) -> None:
    """``kg: note: ...`` on stderr: something the user should know that is not a problem."""
    click.echo(f"kg: note: {message}", err=True)


def is_connection_error(exc: BaseException) -> bool:
    """Whether ``exc`` means the Neo4j server went away mid-run (after the driver's own retries)."""
    from neo4j.exceptions import ServiceUnavailable, SessionExpired

    return isinstance(exc, (ServiceUnavailable, SessionExpired))


def lost_connection(store: GraphStore, exc: BaseException) -> str:
    """The message for a server that went away mid-run: it names the server, whatever the driver says."""
    return f"error: lost the connection to {store.where}: {exc}"


def article_label(article_id: str) -> str:
    """``article <id> (<file>)`` for messages, with an absurdly long id cut (its length is said).

    The file (``path`` or ``path:line``) is the one the reader took the article from in this run.
    """
    from kg.read import origin_of

    origin = origin_of(article_id)
    where = f" ({origin})" if origin else ""
    if len(article_id) <= 80:
        return f"article {article_id}{where}"
    return f"article {article_id[:60]}... ({len(article_id):,}-character id){where}"


def reporter(problems: Callable[[InputError], None]) -> Callable[[str, str], None]:
    """The loaders' ``on_reject``: an article that is not written becomes a warning (and exit 1)."""

    def on_reject(article_id: str, reason: str) -> None:
        problems(InputError(article_label(article_id), f"{reason}; article not written"))

    return on_reject


def print_summary(
    stats: LoadStats, *, read: int | None = None, extracted: int | None = None, not_extracted: int | None = None
) -> None:
    """The closing summary of a load, on stderr (stdout stays free for data).

    ``unchanged`` = articles already stored with the same text (skipped before
    extraction by ``kg ingest``, before writing by ``kg load``); ``extracted`` =
    articles the extractor processed; ``failed`` = articles it could not process
    (each was reported); ``triples`` = triples written; then the time taken.
    """
    parts = [] if read is None else [f"articles read {read}"]
    parts.append(f"unchanged {stats.articles_skipped}")
    if extracted is not None:
        parts.append(f"extracted {extracted}")
    if not_extracted is not None:
        parts.append(f"failed {not_extracted}")
    if stats.articles_rejected:
        parts.append(f"not written {stats.articles_rejected}")
    parts += [
        f"written {stats.articles_written}",
        f"entities {stats.entities}",
        f"triples {stats.triples}",
        f"nodes created {stats.nodes_created}",
        f"nodes merged {stats.nodes_merged}",
        f"relationships created {stats.relationships_created}",
        f"relationships replaced {stats.relationships_deleted}",
    ]
    if stats.nodes_deleted:
        parts.append(f"concepts dropped {stats.nodes_deleted}")
    parts.append(f"{stats.seconds:.2f} s")
    if read and stats.seconds > 0:
        parts.append(f"{read / stats.seconds:.1f} articles/s")
    click.echo("kg: " + ", ".join(parts), err=True)


@contextmanager
def progress(label: str) -> Iterator[Callable[[Iterable[T]], Iterator[T]]]:
    """Yields a wrapper that counts items through a rich progress line on stderr, only when stderr is a TTY."""
    if not sys.stderr.isatty():
        yield lambda items: iter(items)
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )

    def wrap(items: Iterable[T]) -> Iterator[T]:
        task = bar.add_task(label, total=None)
        for item in items:
            yield item
            bar.advance(task)

    with bar:
        yield wrap


#: Above this many bytes of JSON Lines input, ingest does not count lines first (the count would take long).
COUNT_LIMIT_BYTES = 1 << 30


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, when that is cheap to know: files, and the lines of JSON Lines files.

    None when it is not: standard input, a feed (its entries are known only by parsing it), a file that is
    not a regular file, or more than :data:`COUNT_LIMIT_BYTES` of JSON Lines. A count, not a check: lines
    that turn out to be malformed are counted too; the reader reports them later.
    """
    from kg.read import article_files
    from kg.read.formats import FEED_SUFFIXES
    from kg.read.jsonl import JSONL_SUFFIXES

    total, budget = 0, COUNT_LIMIT_BYTES
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            return None
        try:
            files = article_files(path) if path.is_dir() else [path]
            for f in files:
                if not f.is_file():
                    return None
                suffix = f.suffix.lower()
                if suffix in FEED_SUFFIXES:
                    return None
                if suffix not in JSONL_SUFFIXES:
                    total += 1
                    continue
                budget -= f.stat().st_size
                if budget < 0:
                    return None
                with f.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
        except OSError:
            return None  # the reader reports what it cannot read
    return total


class ArticleProgress:
    """A progress bar of articles done (skipped unchanged, extracted or failed), on stderr when it is a TTY.

    With a total it shows the bar, done/total, articles/s and the time left; without one, done/? and the rate.
    """

    def __init__(self, label: str, total: int | None) -> None:
        self.label, self.total = label, total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> ArticleProgress:
        if not sys.stderr.isatty():
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
        if self.total is not None:
            columns += [BarColumn(), TaskProgressColumn()]
        columns += [
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
        ]
        if self.total is not None:
            columns += [TextColumn("ETA"), TimeRemainingColumn()]
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task(self.label, total=self.total, rate="")
        return self

    def advance(self, n: int = 1) -> None:
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{(task.completed + n) / elapsed:.1f} articles/s" if elapsed > 0 else ""
        self._bar.update(self._task, advance=n, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
