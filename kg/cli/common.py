"""Shared plumbing of the CLI commands: exit codes and error reporting."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import click

from kg.readers import InputError

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERRUPTED = 130


def fail(message: str, code: int = EXIT_ENVIRONMENT) -> None:
    """Print ``kg: error: message`` to stderr and exit with ``code``."""
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


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
