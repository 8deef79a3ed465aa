"""Neo4j -> networkx through a Cypher projection, so analysis and export work from either store."""

from __future__ import annotations

from datetime import date

import neo4j
import networkx as nx

from kg.graph.build import GraphBuilder


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
    from kg.load.vocabulary import vocabulary

    types = sorted(vocabulary() if predicates is None else set(predicates) & vocabulary())
    builder = GraphBuilder()
    with driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
    ) as session:
        for rec in session.run("MATCH (a:Article) RETURN properties(a) AS p"):
            builder.article(rec["p"])
        for rec in session.run("MATCH (e:Entity) RETURN properties(e) AS p"):
            builder.entity(rec["p"])
        for rec in session.run("MATCH (c:Concept) RETURN properties(c) AS p"):
            builder.concept(rec["p"])
        for rec in session.run("MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS a, e.key AS e, m.count AS c"):
            builder.mentions(rec["a"], rec["e"], rec["c"])
        for rec in session.run("MATCH (c:Concept)-[:INVOLVES]->(e:Entity) RETURN c.key AS c, e.key AS e"):
            builder.involves(rec["c"], rec["e"])
        query = (
            "MATCH (s:Entity)-[r]->(o) WHERE type(r) IN $types "
            "AND ($since IS NULL OR r.published >= $since) AND ($until IS NULL OR r.published <= $until) "
            "RETURN s.key AS s, type(r) AS t, o.key AS o, properties(r) AS p"
        )
        for rec in session.run(query, types=types, since=since, until=until):
            builder.relation(rec["s"], rec["t"], rec["o"], rec["p"])
    return builder.graph
