"""Shared plumbing of the CLI commands: exit codes and error reporting."""

from __future__ import annotations

import contextlib
import csv
import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO

import click

from kg.config import env_secrets, scrub
from kg.read import InputError

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERRUPTED = 130


def fail(message: str, code: int = EXIT_ENVIRONMENT) -> None:
    """Print ``kg: error: message`` to stderr and exit with ``code``.

    Defence in depth: the Neo4j password of the environment is removed from ``message`` even though
    no kg code puts it there, because error texts of drivers and libraries are not under our control.
    """
    click.echo(f"kg: error: {scrub(message, *env_secrets())}", err=True)
    sys.exit(code)


class _Remembering:
    """A binary stream that remembers the first write error, so that no writer can hide it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.error: OSError | None = None

    def write(self, data: bytes) -> int:
        try:
            return self.raw.write(data)
        except OSError as exc:
            self.error = self.error or exc
            raise

    def flush(self) -> None:
        try:
            self.raw.flush()
        except OSError as exc:
            self.error = self.error or exc
            raise

    def __getattr__(self, name: str):  # writable(), closed, ... as the real stream says
        return getattr(self.raw, name)


def write_stdout(produce: Callable[[IO[bytes]], None]) -> None:
    """Write what ``produce(stream)`` writes to standard output; a full disk or closed pipe is a message, exit 3.

    ``kg export > /dev/full`` must not end in a traceback: the write (or the final flush) fails with
    ENOSPC, and the reader of a pipe may have gone away (EPIPE).
    """
    stream = _Remembering(sys.stdout.buffer)
    try:
        produce(stream)  # type: ignore[arg-type]
        sys.stdout.flush()
        if stream.error is not None:  # a writer that swallowed the error (ElementTree's wrappers can)
            raise stream.error
    except OSError as exc:
        with contextlib.suppress(OSError):  # what is still buffered goes nowhere, not into a second error at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail(f"cannot write to standard output: {exc.strerror or exc}", EXIT_ENVIRONMENT)


@dataclass
class InputProblems:
    """Collects bad-input reports, prints each at once, and sets the exit code at the end."""

    errors: list[InputError] = field(default_factory=list)
    quiet: bool = False

    def __call__(self, err: InputError) -> None:
        self.errors.append(err)
        if not self.quiet:
            click.echo(f"kg: warning: {err}", err=True)

    @property
    def exit_code(self) -> int:
        return EXIT_BAD_INPUT if self.errors else EXIT_OK


#: The output formats of the commands that print rows (query, analyze, stats).
OUTPUT_FORMATS = ("table", "json", "csv")

#: How a date is written on the command line (``--since``/``--until``, ``-p since=``).
DATE_METAVAR = "YYYY-MM-DD"


def format_option(f: Callable[..., object]) -> Callable[..., object]:
    """``--format table|json|csv`` (as ``fmt``) and ``--json``, a hidden deprecated alias of ``--format json``.

    ``--json`` predates ``--format`` on ``kg stats`` and ``kg analyze``; scripts may still use it, so it
    keeps working (with a note on stderr) but is no longer listed.
    """

    @functools.wraps(f)
    def wrapper(*args: object, as_json: bool = False, **kwargs: object) -> object:
        if as_json:
            if kwargs.get("fmt") not in (None, "table", "json"):
                fail(f"--json and --format {kwargs['fmt']} exclude each other; give --format only", EXIT_USAGE)
            click.echo("kg: note: --json is deprecated; use --format json", err=True)
            kwargs["fmt"] = "json"
        return f(*args, **kwargs)

    wrapper = click.option("--json", "as_json", is_flag=True, hidden=True, help="Deprecated: --format json.")(wrapper)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(OUTPUT_FORMATS),
        default="table",
        show_default=True,
        help="table for reading, json or csv for other tools (the old --json, deprecated, is --format json).",
    )(wrapper)


def date_option(name: str, help: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """``--since``/``--until``: an ISO date (``2024-10-01``), given to the command as a ``datetime`` or None."""
    return click.option(name, type=click.DateTime(["%Y-%m-%d"]), default=None, metavar=DATE_METAVAR, help=help)


def clean_cell(text: str) -> str:
    """A text cell for CSV: no leading or trailing blank lines or spaces (evidence sentences may end in newlines)."""
    return text.strip()


def print_rows(keys: Sequence[str], rows: Iterable[Sequence[object]], fmt: str, align: str = "") -> None:
    """Rows as an aligned table with a header line (``table``) or as CSV with a header (``csv``).

    ``align`` gives ``<`` or ``>`` per column for the table (default: numbers right, text left).
    JSON is each command's own (its shape predates this helper and scripts read it).
    """
    cells = [["" if v is None else (f"{v:.4f}" if isinstance(v, float) else str(v)) for v in row] for row in rows]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([clean_cell(c) for c in row] for row in cells)
        return
    cells = [[" ".join(c.split()) for c in row] for row in cells]
    widths = [max([len(k)] + [len(r[i]) for r in cells]) for i, k in enumerate(keys)]
    sides = align or "".join(">" if all(_numeric(r[i]) for r in cells) and cells else "<" for i in range(len(keys)))
    click.echo("  ".join(f"{k:{a}{w}}" for k, a, w in zip(keys, sides, widths, strict=True)).rstrip())
    for r in cells:
        click.echo("  ".join(f"{c:{a}{w}}" for c, a, w in zip(r, sides, widths, strict=True)).rstrip())


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def renamed_option(
    new: str, old: str, name: str, **attrs: object
) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Option ``new`` (passed as ``name``), still accepting its former spelling ``old`` as a hidden alias.

    Using ``old`` works as before, with a note on stderr; giving both with different values is a usage error.
    """

    def decorate(f: Callable[..., object]) -> Callable[..., object]:
        hidden = f"_old_{name}"

        @functools.wraps(f)
        def wrapper(*args: object, **kwargs: object) -> object:
            value = kwargs.pop(hidden, None)
            if value is not None:
                ctx = click.get_current_context()
                given = ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
                if given and kwargs[name] != value:
                    fail(f"{old} is the old name of {new}; give one of them", EXIT_USAGE)
                click.echo(f"kg: note: {old} is deprecated; use {new}", err=True)
                kwargs[name] = value
            return f(*args, **kwargs)

        kind = {k: v for k, v in attrs.items() if k == "type"}
        wrapper = click.option(old, hidden, default=None, hidden=True, help=f"Deprecated: {new}.", **kind)(wrapper)
        return click.option(new, name, **attrs)(wrapper)  # type: ignore[arg-type]

    return decorate
