"""``kg export``: the graph as GraphML or GEXF (Gephi) or node-link JSON, from either store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_USAGE, fail
from kg.graph.export import FORMATS, write
from kg.load.cli_support import open_store_or_exit, store_options


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="graphml", show_default=True)
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, writable=True), default=None, help="File (default stdout)."
)
@store_options
def command(fmt: str, out: str | None, use_neo4j: bool, store_dir: str | None) -> None:
    """Write the whole graph (articles, entities, concepts and all relationships) in FORMAT.

    GraphML and GEXF hold only scalar attributes: lists become "a; b" strings,
    dates ISO strings. Store selection as in `kg ingest`.
    """
    target = Path(out) if out is not None else None
    if target is not None and not target.parent.is_dir():  # say so before reading the whole graph
        fail(f"cannot write {target}: directory {target.parent} does not exist", EXIT_USAGE)
    store = open_store_or_exit(use_neo4j, store_dir)
    try:
        graph = store.to_networkx()
    finally:
        store.close()
    if out is None:
        write(graph, fmt, sys.stdout.buffer)
        sys.stdout.flush()
        return
    assert target is not None
    partial = target.with_name(target.name + ".partial")
    try:  # write aside, then rename: an interrupted export never leaves a truncated file under the name
        with partial.open("wb") as stream:
            write(graph, fmt, stream)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        fail(f"cannot write {target}: {exc.strerror or exc}", EXIT_ENVIRONMENT)
    click.echo(f"kg: wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {out}", err=True)
