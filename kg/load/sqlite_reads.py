"""Reading the embedded store: loaded articles' hashes, the counts, the graph as networkx (filtered here)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import networkx as nx

from kg.graph.build import GraphBuilder
from kg.load.rows import iso
from kg.model import ENTITY_TYPES

#: The relations ``to_networkx`` keeps: published on or after / on or before (NULL: no bound), predicates (NULL: all).
_FILTERED_RELATIONS = (
    "SELECT * FROM relations WHERE (? IS NULL OR published >= ?) AND (? IS NULL OR published <= ?) "
    "AND (? IS NULL OR predicate IN (SELECT value FROM json_each(?)))"
)


def known_hashes(db: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """``{article id: content_hash}`` for the given ids that are completely loaded."""
    out: dict[str, str] = {}
    for chunk in chunks(list(ids), 500):
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, content_hash FROM articles WHERE content_hash IS NOT NULL AND id IN ({marks})"
        out.update(db.execute(query, chunk).fetchall())
    return out


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """Same keys as :meth:`kg.load.neo4j_writer.Neo4jStore.counts`."""
    out: dict[str, int] = {}
    labels = {
        "Article": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "Entity": db.execute("SELECT count(*) FROM entities").fetchone()[0],
        "Concept": db.execute("SELECT count(*) FROM concepts").fetchone()[0],
    }
    labels.update(db.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
    types = {
        "MENTIONS": db.execute("SELECT count(*) FROM mentions").fetchone()[0],
        "INVOLVES": db.execute("SELECT count(*) FROM involves").fetchone()[0],
    }
    types.update(db.execute("SELECT predicate, count(*) FROM relations GROUP BY predicate").fetchall())
    out["nodes"] = labels["Article"] + labels["Entity"] + labels["Concept"]
    out["relationships"] = sum(types.values())
    order = ["Article", "Entity", "Concept", *sorted(ENTITY_TYPES)]  # Neo4jStore.counts' order
    out.update({k: labels[k] for k in order if labels.get(k)})
    out.update({k: v for k, v in sorted(types.items()) if v})
    return out


def to_networkx(
    db: sqlite3.Connection, predicates: Sequence[str] | None, since: date | None, until: date | None
) -> nx.MultiDiGraph:
    """The store as a ``MultiDiGraph`` (layout: :mod:`kg.graph.build`), the relations filtered by the query."""
    builder = GraphBuilder()
    for row in _dicts(db.execute("SELECT * FROM articles")):
        builder.article(row)
    for row in _dicts(db.execute("SELECT * FROM entities")):
        row["aliases"] = json.loads(row["aliases"])
        builder.entity(row)
    for row in _dicts(db.execute("SELECT * FROM concepts")):
        builder.concept(row)
    for article_id, entity, count in db.execute("SELECT article_id, entity, count FROM mentions"):
        builder.mentions(article_id, entity, count)
    for concept, entity in db.execute("SELECT concept, entity FROM involves"):
        builder.involves(concept, entity)
    wanted = None if predicates is None else json.dumps(list(predicates))
    params = (iso(since), iso(since), iso(until), iso(until), wanted, wanted)
    for row in _dicts(db.execute(_FILTERED_RELATIONS, params)):
        builder.relation(row.pop("subject"), row.pop("predicate"), row.pop("object"), row)
    return builder.graph


def _dicts(cursor: sqlite3.Cursor) -> Iterable[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
