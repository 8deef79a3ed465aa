"""Network analysis of the actors: who says what to or about whom, and who is central.

Works on the ``MultiDiGraph`` either store returns (``store.to_networkx()``,
layout in :mod:`kg.graph.build`), so notebooks and ``kg analyze`` need no
server. Everything is deterministic (sorted ties, fixed seeds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

import networkx as nx

from kg.model import GRAPH_RELATIONSHIPS, STRUCTURAL_PREDICATES


def actor_network(
    G: nx.MultiDiGraph,
    predicates: Iterable[str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> nx.DiGraph:
    """The actor-to-actor projection: an edge ``a -> b`` when ``a`` says or does something to or about ``b``.

    Counted are the extracted relations from entity ``a`` to entity ``b``, and
    to a concept that INVOLVES ``b`` ("Austin STATES <presence of North Korean
    troops in Russia>" links Austin to North Korea and to Russia). Edge
    attributes: ``weight`` = number of evidence relations, ``reported`` = how
    many of them are claims attributed to a speaker (``reported_by``) rather
    than asserted by the article, ``predicates`` = ``{predicate: count}``.
    Filters: only these predicates; only relations
    published in ``[since, until]`` (relations without a date are dropped when
    a date filter is given). Self-loops are left out, and so are structural
    facts such as AFFILIATED_WITH unless asked for by name: belonging to a
    state is not saying or doing something to it.
    """
    wanted = set(predicates) if predicates is not None else None
    skipped = GRAPH_RELATIONSHIPS | (STRUCTURAL_PREDICATES - (wanted or set()))
    A = nx.DiGraph()
    for node, data in G.nodes(data=True):
        if data.get("kind") == "Entity":
            A.add_node(node, **data)
    involved = {
        node: sorted(v for _, v, k in G.out_edges(node, keys=True) if k == "INVOLVES")
        for node, data in G.nodes(data=True)
        if data.get("kind") == "Concept"
    }
    for u, v, data in G.edges(data=True):
        predicate = data.get("predicate")
        if predicate in skipped or G.nodes[u].get("kind") != "Entity":
            continue
        if wanted is not None and predicate not in wanted:
            continue
        published = data.get("published")
        if (since or until) and published is None:
            continue
        if (since and published < since) or (until and published > until):
            continue
        targets = [v] if G.nodes[v].get("kind") == "Entity" else involved.get(v, [])
        for t in targets:
            if t == u:
                continue
            if not A.has_edge(u, t):
                A.add_edge(u, t, weight=0, reported=0, predicates=Counter())
            A[u][t]["weight"] += 1
            A[u][t]["reported"] += 1 if data.get("reported_by") else 0
            A[u][t]["predicates"][predicate] += 1
    for _, _, data in A.edges(data=True):
        data["predicates"] = dict(sorted(data["predicates"].items()))
    return A


def centrality(G: nx.MultiDiGraph, top: int | None = 10, **filters) -> list[dict]:
    """Actors ranked by PageRank on the weighted actor network, with their degree centrality.

    Rows: ``key, name, type, degree, in_degree, out_degree, pagerank`` (degree =
    networkx degree centrality, weighted degrees as evidence counts).
    """
    A = actor_network(G, **filters)
    if A.number_of_nodes() == 0:
        return []
    pagerank = nx.pagerank(A, weight="weight") if A.number_of_edges() else dict.fromkeys(A, 1 / len(A))
    degree = nx.degree_centrality(A)
    rows = [
        {
            "key": n,
            "name": A.nodes[n].get("name"),
            "type": A.nodes[n].get("type"),
            "degree": degree[n],
            "in_degree": A.in_degree(n, weight="weight"),
            "out_degree": A.out_degree(n, weight="weight"),
            "pagerank": pagerank[n],
        }
        for n in A
    ]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["key"]))
    return rows[:top] if top else rows


def communities(G: nx.MultiDiGraph, seed: int = 42, **filters) -> list[list[str]]:
    """Louvain communities of the (undirected, weighted) actor network, largest first; isolated actors left out."""
    A = actor_network(G, **filters).to_undirected()
    A.remove_nodes_from([n for n in list(A) if A.degree(n) == 0])
    if A.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(A, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def find_actor(G: nx.MultiDiGraph, key_or_name: str) -> str | None:
    """The key of the one entity that ``key_or_name`` names, or None (:func:`lookup` tells why).

    A key, a name or an alias (case and accents ignored), a surname ("Peskov") or a near
    spelling ("Peskow"), as :func:`kg.graph.lookup.lookup_actor` matches them.
    """
    return lookup(G, key_or_name).key


def lookup(G: nx.MultiDiGraph, key_or_name: str):
    """The :class:`kg.graph.lookup.Lookup` of ``key_or_name`` among the entities of ``G``."""
    from kg.graph.lookup import graph_actors, lookup_actor

    return lookup_actor(graph_actors(G), key_or_name)


def ego_network(G: nx.MultiDiGraph, key_or_name: str, radius: int = 1, **filters) -> nx.DiGraph:
    """The actor network within ``radius`` hops (either direction) of an actor.

    Raises :class:`kg.graph.lookup.ActorNotFound` (a ``KeyError``) with the candidates when no
    single actor matches.
    """
    from kg.graph.lookup import ActorNotFound

    found = lookup(G, key_or_name)
    if found.key is None:
        raise ActorNotFound(found)
    key = found.key
    A = actor_network(G, **filters)
    return nx.ego_graph(A, key, radius=radius, undirected=True)
