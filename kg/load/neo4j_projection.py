"""Neo4j -> networkx through a Cypher projection, so analysis and export work from either store.

The Neo4j side of :mod:`kg.graph`: only here (and in the loader) does graph data come from a driver.
"""

from __future__ import annotations

from datetime import date

import neo4j
import networkx as nx

from kg.graph.build import GraphBuilder
from kg.graph.lookup import Actor
from kg.vocabulary import vocabulary


def neo4j_to_networkx(
    driver: neo4j.Driver,
    database: str | None = None,
    *,
    predicates: list[str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> nx.MultiDiGraph:
    """The whole graph (or only the given predicates / publication dates) as a ``MultiDiGraph``.

    Nodes and edges carry the attributes documented in :mod:`kg.graph.build`,
    the same as :meth:`kg.load.local_store.LocalStore.to_networkx` gives.
    Date filters apply to extracted relations only (structural edges are kept).
    """
    types = sorted(vocabulary() if predicates is None else set(predicates) & vocabulary())
    builder = GraphBuilder()
    with driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
    ) as session:
        # One managed read transaction: a consistent snapshot, retried by the driver if the server goes away.
        parts = session.execute_read(_read_graph, types, since, until)
    for rec in parts["articles"]:
        builder.article(rec["p"])
    for rec in parts["entities"]:
        builder.entity(rec["p"])
    for rec in parts["concepts"]:
        builder.concept(rec["p"])
    for rec in parts["mentions"]:
        builder.mentions(rec["a"], rec["e"], rec["c"])
    for rec in parts["involves"]:
        builder.involves(rec["c"], rec["e"])
    for rec in parts["relations"]:
        builder.relation(rec["s"], rec["t"], rec["o"], rec["p"])
    return builder.graph


def _read_graph(
    tx: neo4j.ManagedTransaction, types: list[str], since: date | None, until: date | None
) -> dict[str, list]:
    """Every record the projection needs (re-read from scratch if the driver retries)."""
    mentions = "MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS a, e.key AS e, m.count AS c"
    relations = (
        "MATCH (s:Entity)-[r]->(o) WHERE type(r) IN $types "
        "AND ($since IS NULL OR r.published >= $since) AND ($until IS NULL OR r.published <= $until) "
        "RETURN s.key AS s, type(r) AS t, o.key AS o, properties(r) AS p"
    )
    return {
        "articles": list(tx.run("MATCH (a:Article) RETURN properties(a) AS p")),
        "entities": list(tx.run("MATCH (e:Entity) RETURN properties(e) AS p")),
        "concepts": list(tx.run("MATCH (c:Concept) RETURN properties(c) AS p")),
        "mentions": list(tx.run(mentions)),
        "involves": list(tx.run("MATCH (c:Concept)-[:INVOLVES]->(e:Entity) RETURN c.key AS c, e.key AS e")),
        "relations": list(tx.run(relations, types=types, since=since, until=until)),
    }


def neo4j_actors(driver, database: str | None = None) -> list[Actor]:
    """The entities of a Neo4j graph (key, name, aliases, type), sorted by key."""
    records, _, _ = driver.execute_query(
        "MATCH (e:Entity) RETURN e.key AS key, e.name AS name, e.aliases AS aliases, e.type AS type ORDER BY key",
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return [Actor(r["key"], r["name"] or r["key"], tuple(r["aliases"] or ()), r["type"]) for r in records]
