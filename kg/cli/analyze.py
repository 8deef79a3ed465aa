"""``kg analyze``: centrality, communities, ego networks and the actor network, from either store."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
import networkx as nx

from kg.cli.common import EXIT_BAD_INPUT, fail
from kg.cli.stores import open_store_or_exit, store_options
from kg.graph import analysis

F = TypeVar("F", bound=Callable[..., Any])


def _filters(f: F) -> F:
    f = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Published on or before.")(f)
    f = click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Published on or after.")(f)
    f = click.option("--predicate", "predicates", multiple=True, help="Only these predicates (repeatable).")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")(f)
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
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
@_filters
def centrality(top: int, as_json: bool, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """Actors ranked by PageRank, with degree centrality and weighted in/out degree."""
    filters = _kw(predicates, since, until)
    rows = analysis.centrality(_load(use_neo4j, store_dir, filters), top=top, **filters)
    if as_json:
        _echo_json(rows)
        return
    click.echo(f"{'rank':>4}  {'pagerank':>8}  {'degree':>6}  {'in':>4}  {'out':>4}  actor")
    for i, r in enumerate(rows, start=1):
        click.echo(
            f"{i:>4}  {r['pagerank']:>8.4f}  {r['degree']:>6.3f}  {r['in_degree']:>4}  {r['out_degree']:>4}  "
            f"{r['name']} ({r['key']})"
        )


@command.command()
@_filters
def communities(as_json: bool, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """Louvain communities of the actor network, largest first."""
    filters = _kw(predicates, since, until)
    G = _load(use_neo4j, store_dir, filters)
    found = analysis.communities(G, **filters)
    if as_json:
        _echo_json(found)
        return
    for i, members in enumerate(found, start=1):
        names = ", ".join(G.nodes[m].get("name") or m for m in members)
        click.echo(f"{i:>3}  ({len(members)})  {names}")


@command.command()
@click.argument("actor")
@click.option("--radius", type=click.IntRange(min=1), default=1, show_default=True)
@_filters
def ego(
    actor: str, radius: int, as_json: bool, predicates, since, until, use_neo4j: bool, store_dir: str | None
) -> None:
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
    _print_edges(E, as_json)


@command.command()
@_filters
def actors(as_json: bool, predicates, since, until, use_neo4j: bool, store_dir: str | None) -> None:
    """The whole actor-to-actor network as weighted edges."""
    filters = _kw(predicates, since, until)
    _print_edges(analysis.actor_network(_load(use_neo4j, store_dir, filters), **filters), as_json)


def _print_edges(A: nx.DiGraph, as_json: bool) -> None:
    edges = sorted(A.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    if as_json:
        _echo_json(
            {
                "nodes": [
                    {"key": n, "name": d.get("name"), "type": d.get("type")} for n, d in sorted(A.nodes(data=True))
                ],
                "edges": [{"source": u, "target": v, **d} for u, v, d in edges],
            }
        )
        return
    for u, v, d in edges:
        preds = ", ".join(f"{p} {n}" for p, n in d["predicates"].items())
        click.echo(f"{d['weight']:>4}  {A.nodes[u].get('name') or u} -> {A.nodes[v].get('name') or v}  [{preds}]")
