"""Shared plumbing of the CLI commands: exit codes and error reporting."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

import click

from kg.config import env_secrets, scrub
from kg.readers import InputError

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
