"""``kg analyze``: centrality, communities, ego networks and the actor network, from either store."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
import networkx as nx

from kg.cli.common import EXIT_BAD_INPUT, date_option, fail, format_option, print_rows
from kg.cli.stores import open_store_or_exit, store_options
from kg.graph import analysis

F = TypeVar("F", bound=Callable[..., Any])


def _filters(f: F) -> F:
    f = date_option("--until", "Only relations published on or before this date.")(f)
    f = date_option("--since", "Only relations published on or after this date.")(f)
    f = click.option("--predicate", "predicates", multiple=True, help="Only these predicates (repeatable).")(f)
    f = format_option(f)  # type: ignore[assignment]
    return store_options(f)


def _load(use_neo4j: bool, store_dir: str | None, filters: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph to analyse: the store reads only the relations the filters keep."""
    store = open_store_or_exit(use_neo4j, store_dir)
    try:
        return store.to_networkx(**filters)
    finally:
        store.close()


def _kw(predicates: tuple[str, ...], since: Any, until: Any) -> dict[str, Any]:
    return {
        "predicates": list(predicates) or None,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
    }


def _echo_json(value: Any) -> None:
    click.echo(
        json.dumps(
            value, indent=1, ensure_ascii=False, default=lambda v: v.isoformat() if isinstance(v, date) else str(v)
        )
    )


@click.group(name="analyze")
def command() -> None:
    """Network analysis of the actors (who says what to or about whom).

    The actor network links actor A to actor B for every extracted relation
    from A to B, or from A to a concept that involves B, weighted by evidence.
    """


@command.command()
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many actors to list, best first."
)
@_filters
def centrality(top: int, fmt: str, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """Actors ranked by PageRank, with degree centrality and weighted in/out degree."""
    filters = _kw(predicates, since, until)
    rows = analysis.centrality(_load(use_neo4j, store_dir, filters), top=top, **filters)
    if fmt == "json":
        _echo_json(rows)
        return
    keys = ["rank", "pagerank", "degree", "in", "out", "actor", "key"]
    print_rows(
        keys,
        ([i, r["pagerank"], r["degree"], r["in_degree"], r["out_degree"], r["name"], r["key"]]
         for i, r in enumerate(rows, start=1)),
        fmt,
    )  # fmt: skip


@command.command()
@_filters
def communities(fmt: str, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """Louvain communities of the actor network, largest first."""
    filters = _kw(predicates, since, until)
    G = _load(use_neo4j, store_dir, filters)
    found = analysis.communities(G, **filters)
    if fmt == "json":
        _echo_json(found)
        return
    rows = [
        [i, len(members), "; ".join(G.nodes[m].get("name") or m for m in members), "; ".join(members)]
        for i, members in enumerate(found, start=1)
    ]
    if fmt == "table":  # keys are for tools; a reader wants the names
        print_rows(["community", "size", "actors"], (r[:3] for r in rows), fmt, align=">><")
        return
    print_rows(["community", "size", "actors", "keys"], rows, fmt)


@command.command()
@click.argument("actor")
@click.option(
    "--radius",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="How many links away from ACTOR the network reaches.",
)
@_filters
def ego(actor: str, radius: int, fmt: str, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """The actor network around ACTOR: a key like country:RUS, a name, an alias, a surname or a
    near spelling (Peskow); when several actors fit, they are listed with their keys."""
    filters = _kw(predicates, since, until)
    G = _load(use_neo4j, store_dir, filters)
    found = analysis.lookup(G, actor)
    if found.key is None:
        fail(found.message(), EXIT_BAD_INPUT)
        return
    if not found.exact:
        click.echo(f"kg: note: {found.message()}", err=True)
    E = analysis.ego_network(G, found.key, radius=radius, **filters)
    _print_edges(E, fmt)


@command.command()
@_filters
def actors(fmt: str, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """The whole actor-to-actor network as weighted edges."""
    filters = _kw(predicates, since, until)
    _print_edges(analysis.actor_network(_load(use_neo4j, store_dir, filters), **filters), fmt)


def _print_edges(A: nx.DiGraph, fmt: str) -> None:
    edges = sorted(A.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    if fmt == "json":
        _echo_json(
            {
                "nodes": [
                    {"key": n, "name": d.get("name"), "type": d.get("type")} for n, d in sorted(A.nodes(data=True))
                ],
                "edges": [{"source": u, "target": v, **d} for u, v, d in edges],
            }
        )
        return

    def name(n: str) -> str:
        return A.nodes[n].get("name") or n

    def mix(d: dict[str, Any]) -> str:
        return ", ".join(f"{p} {n}" for p, n in d["predicates"].items())

    if fmt == "table":
        rows = ([d["weight"], d["reported"], name(u), name(v), mix(d)] for u, v, d in edges)
        print_rows(["weight", "reported", "source", "target", "predicates"], rows, fmt, align=">><<<")
        return
    rows = ([d["weight"], d["reported"], u, name(u), v, name(v), mix(d).replace(", ", "; ")] for u, v, d in edges)
    print_rows(["weight", "reported", "source", "source_name", "target", "target_name", "predicates"], rows, fmt)
