"""``kg export``: the graph as GraphML or GEXF (Gephi) or node-link JSON, its triples as an event table, or a page."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_INTERRUPTED, EXIT_USAGE, fail, write_stdout
from kg.cli.outfile import write_output
from kg.cli.stores import open_store_or_exit, store_options
from kg.graph.export import FORMATS, write

BULK_FORMAT = "neo4j-import"


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, BULK_FORMAT]),
    default="graphml",
    show_default=True,
    help="What to write: a graph file, the event table (events, CSV), a page (html) or bulk-import files.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(writable=True),
    default=None,
    help="File (default stdout); a directory for neo4j-import.",
)
@click.argument("directory", required=False, type=click.Path(file_okay=False, writable=True))
@store_options
def command(fmt: str, out: str | None, directory: str | None, use_neo4j: bool, store_dir: str | None) -> None:
    """Write the whole graph (articles, entities, concepts and all relationships) in FORMAT.

    GraphML and GEXF hold only scalar attributes: lists become "a; b" strings,
    dates ISO strings. `events` is not the graph but a CSV table with one row per
    triple (date, source actor, CAMEO/PLOVER coding, target, evidence; columns in
    the README); CSV only, as Parquet would need pyarrow. `html` is one
    self-contained page of the actor network (search, filters, evidence on click)
    that opens offline in a browser. `neo4j-import` writes the CSV files of Neo4j's bulk
    loader into DIRECTORY (or --out): `scripts/neo4j import DIRECTORY` loads them into an
    empty database, far faster than `kg load` (see docs/bulk-import.md).
    Store selection as in `kg ingest`.
    """
    if fmt == BULK_FORMAT:
        _bulk_export(directory or out, use_neo4j, store_dir)
        return
    if directory is not None:
        fail(f"a DIRECTORY argument is for --format {BULK_FORMAT} only; use --out FILE", EXIT_USAGE)
    target = Path(out) if out is not None else None
    if target is not None and target.is_dir():
        fail(f"cannot write {target}: it is a directory", EXIT_USAGE)
    if target is not None and not target.parent.is_dir():  # say so before reading the whole graph
        fail(f"cannot write {target}: directory {target.parent} does not exist", EXIT_USAGE)
    if fmt == "events" and target is not None and target.suffix.lower() == ".parquet":
        fail(f"cannot write {target}: kg writes event tables as CSV only (Parquet needs pyarrow)", EXIT_USAGE)
    if fmt == "html":  # the drawing library must be there before the whole graph is read
        from kg.graph.page import PageError, check_assets

        try:
            check_assets()
        except PageError as exc:
            fail(str(exc), EXIT_ENVIRONMENT)
    store = open_store_or_exit(use_neo4j, store_dir)
    try:
        graph = store.to_networkx()
    except KeyboardInterrupt:
        store.close()
        click.echo("kg: interrupted; nothing was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        store.close()
    if target is None:
        write_stdout(lambda stream: write(graph, fmt, stream))
        return
    try:
        write_output(target, lambda stream: write(graph, fmt, stream))
    except KeyboardInterrupt:
        click.echo(f"kg: interrupted; {target} was not written (an existing file is unchanged)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}", EXIT_ENVIRONMENT)
    if fmt == "events":
        from kg.graph.events import triple_count

        click.echo(f"kg: wrote {triple_count(graph)} events to {out}", err=True)
        return
    if fmt == "html":
        from kg.graph.page import page_data, shown_actor_count

        data = page_data(graph)
        click.echo(f"kg: wrote a page of {shown_actor_count(data)} actors and {len(data['statements'])} statements "
                   f"to {out}", err=True)  # fmt: skip
        return
    click.echo(f"kg: wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {out}", err=True)


def _bulk_export(directory: str | None, use_neo4j: bool, store_dir: str | None) -> None:
    """``--format neo4j-import``: node and relationship CSVs plus a manifest in ``directory``."""
    from kg.load.bulk import MANIFEST, BulkExportError, export_store

    if directory is None:
        fail(f"--format {BULK_FORMAT} needs a DIRECTORY to write the import files into", EXIT_USAGE)
    target = Path(directory)
    if target.exists() and not target.is_dir():
        fail(f"cannot write into {target}: it is not a directory", EXIT_USAGE)
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).exists():
        fail(f"{target} holds files that are not kg's import files: use a new or empty directory", EXIT_USAGE)
    if not target.parent.is_dir():
        fail(f"cannot write {target}: directory {target.parent} does not exist", EXIT_USAGE)
    store = open_store_or_exit(use_neo4j, store_dir)
    try:
        written = export_store(store, target)
    except KeyboardInterrupt:
        click.echo(f"kg: interrupted; the files in {target} are incomplete", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BulkExportError as exc:
        fail(str(exc), EXIT_ENVIRONMENT)
    except OSError as exc:
        fail(f"cannot write into {target}: {exc.strerror or exc}", EXIT_ENVIRONMENT)
    finally:
        store.close()
    click.echo(
        f"kg: wrote {written.nodes} nodes and {written.relationships} relationships as neo4j-admin import files "
        f"to {target}; load them with: scripts/neo4j import {target}",
        err=True,
    )
