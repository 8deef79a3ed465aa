"""The ``kg`` command line.

Each command family lives in its own module and is imported only when that
command runs, so ``kg --help`` answers instantly without importing spaCy or
the Neo4j driver. To add a command, write ``kg/cli/<name>.py`` exposing a
click command named ``command`` and list it in :data:`COMMANDS`.

Exit codes (also in README):
    0  success
    1  finished, but some inputs were bad or skipped (each was reported)
    2  usage error (unknown option, missing argument)
    3  configuration or environment error (no model, Neo4j unreachable)
    130 interrupted (Ctrl-C); what was committed is kept and reported
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import signal
import sys

import click

#: command name -> (module, one-line help shown by ``kg --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("kg.cli.extract", "Extract entities and triples from articles (JSON Lines or a table)."),
    "ingest": ("kg.cli.ingest", "Extract articles and load them into the embedded store or Neo4j."),
    "load": ("kg.cli.load", "Load the JSON Lines output of `kg extract` without re-extracting."),
    "eval": ("kg.cli.evaluate", "Score extraction against gold annotations (precision, recall, F1)."),
    "query": ("kg.cli.query", "Run a named query from the cypher/ library against Neo4j."),
    "export": ("kg.cli.export", "Export the graph as GraphML, GEXF or JSON (for Gephi, networkx)."),
    "analyze": ("kg.cli.analyze", "Centrality, communities, ego networks and the actor network."),
    "stats": ("kg.cli.stats", "Counts of articles, entities and relationships in a store."),
    "predicates": ("kg.cli.predicates", "The predicates with their CAMEO code, PLOVER type, quad class, Goldstein."),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, short_help = COMMANDS[cmd_name]
        if importlib.util.find_spec(module_name) is None:
            return None
        from kg.interrupts import deferred_interrupts

        with deferred_interrupts():  # a Ctrl-C during the imports is raised after them, not lost
            module = importlib.import_module(module_name)
        command: click.Command = module.command
        command.short_help = command.short_help or short_help
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # List commands from the table, without importing their modules.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: a knowledge graph of who said, did, denied or threatened what to whom.

    Typical use: `kg ingest articles/` builds a graph in ./kg-data (no server
    needed); `kg ingest --neo4j articles/` loads into Neo4j (NEO4J_URI,
    NEO4J_USER, NEO4J_PASSWORD from the environment or ~/.config/kg/config.toml).
    """


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (``kill``, a supervisor stopping kg) is handled like Ctrl-C: committed work is reported."""
    raise KeyboardInterrupt


def main() -> None:
    """Run the CLI. Ctrl-C that reaches click (while a command module is still being imported, or in a
    command that does not handle it) exits 130 with ``kg: interrupted``, not click's "Aborted!" and 1.
    SIGTERM is treated as Ctrl-C (summary, exit 130). Standard output that cannot be written (a full
    disk, ``> /dev/full``) is a message and exit 3 in every command, not a traceback at exit."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = _run()
    except OSError as exc:
        # A write error without a file name: the output stream (commands handle their own files).
        if exc.filename is not None or exc.errno not in _OUTPUT_ERRNOS:
            raise
        _stdout_failed(exc)
    if _stdout_broken():
        _stdout_failed(None)
    sys.exit(code)


def _run() -> int | str | None:
    """The command's exit code (what it passed to ``sys.exit``, or 0)."""
    try:
        result = cli.main(prog_name="kg", standalone_mode=False)
    except SystemExit as exc:
        return exc.code
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            click.echo("kg: interrupted", err=True)
            return 130
        click.echo("Aborted!", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except RuntimeError as exc:  # a store failing in a command that has no handler of its own (stats, export)
        from kg.load.base import StoreError

        if not isinstance(exc, StoreError):
            raise
        click.echo(f"kg: error: {exc}", err=True)
        return 3
    return result if isinstance(result, int) else 0


#: errno values of an output stream that cannot take more: disk full, quota, file size, I/O error.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _stdout_broken() -> bool:
    """Whether what is buffered for standard output can no longer be written."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError:
        return True
    return False


def _stdout_failed(exc: OSError | None) -> None:
    import os

    reason = (exc.strerror if exc is not None else None) or os.strerror(errno.EIO)
    with contextlib.suppress(OSError, AttributeError, ValueError):
        # What is still buffered goes nowhere, not into a second error when the interpreter exits.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    click.echo(f"kg: error: cannot write to standard output: {reason}", err=True)
    sys.exit(3)
