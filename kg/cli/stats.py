"""``kg stats``: how many nodes and relationships of each kind a store holds."""

from __future__ import annotations

import json

import click

from kg.cli.common import format_option, print_rows
from kg.cli.stores import open_store_or_exit, store_options


@click.command(name="stats")
@store_options
@format_option
def command(use_neo4j: bool, store_dir: str | None, fmt: str) -> None:
    """Counts by node label and relationship type (store selection as in `kg ingest`)."""
    store = open_store_or_exit(use_neo4j, store_dir)
    try:
        counts = store.counts()
    finally:
        store.close()
    if counts.get("other_nodes") or counts.get("other_relationships"):
        click.echo(
            f"kg: note: the database also holds {counts.get('other_nodes', 0)} nodes and "
            f"{counts.get('other_relationships', 0)} relationships that are not kg's (other labels or types): "
            "they are not in the totals, and export and analyze leave them out",
            err=True,
        )
    if fmt == "json":  # one object, name -> count
        click.echo(json.dumps(counts, indent=1))
        return
    if fmt == "csv":
        print_rows(["what", "count"], counts.items(), fmt)
        return
    width = max((len(k) for k in counts), default=5)
    for name, value in counts.items():  # a listing of name and count: no header line, as before
        click.echo(f"{name:<{width}}  {value:>8}")
