"""The yardsticks kg is measured against, written as plainly as possible.

* :func:`bare_pipe`: spaCy's own ``nlp.pipe`` over the same texts with the same
  pipelines kg uses, doing nothing with the parses. kg's extraction cannot be
  faster than this; ``extract_overhead`` is how much slower it is.
* :class:`MinimalLoader`: the loader anyone would write in an afternoon: rows
  flattened up front (not timed), then one ``UNWIND $rows AS row MERGE ...``
  statement per node label and relationship type, in chunks, against the same
  constraints. ``load_vs_baseline`` is kg's loader throughput over this one's.

Both produce the same graph as kg (same labels, keys, relationship types,
properties) so the relationship counts can be compared after each run.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.load.rows import article_row
from kg.model import Concept, Entity, Extraction
from kg.vocabulary import check_label, check_relationship_type


def bare_pipe(pipelines: Mapping[str, Any], texts_by_lang: Mapping[str, Sequence[str]], batch_size: int) -> int:
    """Run each language's texts through its pipeline; returns the number of tokens parsed."""
    tokens = 0
    for lang, texts in texts_by_lang.items():
        for doc in pipelines[lang].pipe(texts, batch_size=batch_size):
            tokens += len(doc)
    return tokens


_ARTICLES = (
    "UNWIND $rows AS row MERGE (a:Article {id: row.id}) "
    "SET a.url = row.url, a.title = row.title, a.source = row.source, a.published = row.published, "
    "a.lang = row.lang, a.content_hash = row.content_hash"
)
_ENTITIES = (
    "UNWIND $rows AS row MERGE (e:Entity {key: row.key}) SET e:{label}, e.name = row.name, e.type = row.type, "
    "e.aliases = row.aliases, e.country = row.country, e.role = row.role"
)
_CONCEPTS = "UNWIND $rows AS row MERGE (c:Concept {key: row.key}) SET c.text = row.text, c.lang = row.lang"
_INVOLVES = (
    "UNWIND $rows AS row MATCH (c:Concept {key: row.concept}) MATCH (e:Entity {key: row.entity}) "
    "MERGE (c)-[:INVOLVES]->(e)"
)
_MENTIONS = (
    "UNWIND $rows AS row MATCH (a:Article {id: row.article_id}) MATCH (e:Entity {key: row.key}) "
    "MERGE (a)-[m:MENTIONS]->(e) SET m.count = row.count"
)
_RELATIONS = (
    "UNWIND $rows AS row MATCH (s:Entity {key: row.subject}) MATCH (o:{object_label} {key: row.object}) "
    "MERGE (s)-[r:{type} {id: row.id}]->(o) SET r = row.props"
)


@dataclass
class Rows:
    """Everything the minimal loader writes, already grouped per statement."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    concepts: dict[str, dict[str, Any]] = field(default_factory=dict)
    involves: set[tuple[str, str]] = field(default_factory=set)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    # (predicate, "Entity" | "Concept") -> rows
    relations: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


def flatten(extractions: Iterable[Extraction]) -> Rows:
    """Rows of ``extractions`` (labels and types come from kg's validated model objects)."""
    rows = Rows()
    for ex in extractions:
        art = ex.article
        rows.articles.append(article_row(ex))
        ents = list(ex.entities)
        for t in ex.triples:
            ents.append(t.subject)
            if isinstance(t.object, Entity):
                ents.append(t.object)
        for e in ents:
            rows.entities[e.type][e.key] = {
                "key": e.key,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "country": e.country,
                "role": e.role,
            }
        counts = ex.mention_counts
        for key in dict.fromkeys([*(e.key for e in ex.entities), *counts]):
            rows.mentions.append({"article_id": art.id, "key": key, "count": counts.get(key, 1)})
        for t in ex.triples:
            obj = t.object
            if isinstance(obj, Concept):
                rows.concepts[obj.key] = {"key": obj.key, "text": obj.text, "lang": obj.lang}
                rows.involves.update((obj.key, k) for k in obj.mentions)
            p = t.provenance
            rows.relations[(t.predicate, "Concept" if isinstance(obj, Concept) else "Entity")].append(
                {
                    "id": t.id,
                    "subject": t.subject.key,
                    "object": obj.key,
                    "props": {
                        "id": t.id,
                        "article_id": p.article_id,
                        "sentence": p.sentence,
                        "start": p.start,
                        "end": p.end,
                        "evidence": p.text,
                        "verb": t.verb,
                        "polarity": t.polarity,
                        "hedged": t.hedged,
                        "cameo": t.cameo,
                        "plover": t.plover,
                        "confidence": t.confidence,
                        "published": art.published,
                        "reported_by": t.reported_by,
                    },
                }
            )
    known = {k for by_key in rows.entities.values() for k in by_key}
    rows.mentions = [m for m in rows.mentions if m["key"] in known]
    return rows


class MinimalLoader:
    """``UNWIND $rows AS row MERGE ...``, one statement per label/type and chunk, one transaction per chunk."""

    def __init__(self, driver: Any, database: str | None = None, chunk: int = 5000) -> None:
        self.driver = driver
        self.database = database
        self.chunk = chunk

    def _run(self, query: str, rows: list[dict[str, Any]]) -> None:
        for i in range(0, len(rows), self.chunk):
            part = rows[i : i + self.chunk]
            self.driver.execute_query(query, rows=part, database_=self.database)

    def load(self, rows: Rows) -> None:
        """Write nodes first, then relationships (whose MATCHes need the nodes)."""
        self._run(_ARTICLES, rows.articles)
        for label, by_key in sorted(rows.entities.items()):
            self._run(_ENTITIES.replace("{label}", check_label(label)), list(by_key.values()))
        self._run(_CONCEPTS, list(rows.concepts.values()))
        self._run(_INVOLVES, [{"concept": c, "entity": e} for c, e in sorted(rows.involves)])
        self._run(_MENTIONS, rows.mentions)
        for (predicate, object_label), rel_rows in sorted(rows.relations.items()):
            # Types and labels come from kg's whitelists only; every value is a parameter.
            query = _RELATIONS.replace("{type}", check_relationship_type(predicate))
            query = query.replace("{object_label}", "Concept" if object_label == "Concept" else "Entity")
            self._run(query, rel_rows)


def server_ceiling(driver: Any, database: str | None = None, n: int = 20_000, chunk: int = 5000) -> float:
    """Relationships per second this Neo4j server creates with no loader logic at all.

    Bare ``CREATE`` of property-less relationships between 100 indexed nodes,
    in ``chunk``-row transactions: an upper bound for any loader on this
    server and machine, to read ``load_rel_per_s`` against. Leaves the
    database empty (and without the scratch index).
    """
    wipe(driver, database)
    driver.execute_query("UNWIND range(1, 100) AS i CREATE (:BenchCal {i: i})", database_=database)
    driver.execute_query("CREATE INDEX bench_cal IF NOT EXISTS FOR (n:BenchCal) ON (n.i)", database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    rows = [{"a": i % 100 + 1, "b": (i * 7) % 100 + 1} for i in range(n)]
    query = (
        "UNWIND $rows AS row MATCH (a:BenchCal {i: row.a}) MATCH (b:BenchCal {i: row.b}) CREATE (a)-[:BENCH_CAL]->(b)"
    )
    started = time.perf_counter()
    for i in range(0, n, chunk):
        driver.execute_query(query, rows=rows[i : i + chunk], database_=database)
    rate = n / (time.perf_counter() - started)
    wipe(driver, database)
    driver.execute_query("DROP INDEX bench_cal IF EXISTS", database_=database)
    return rate


def relationship_count(driver: Any, database: str | None = None) -> int:
    records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database)
    return int(records[0]["c"])


def ensure_minimal_schema(driver: Any, database: str | None = None) -> None:
    """The constraints any MERGE loader needs: one unique key per node label it merges on."""
    with driver.session(database=database) as session:
        for label, key in (("Article", "id"), ("Entity", "key"), ("Concept", "key")):
            session.run(f"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE").consume()
        session.run("CALL db.awaitIndexes(300)").consume()


def reset(driver: Any, database: str | None = None) -> None:
    """A fresh database: no data, no constraints, no indexes (Community Edition cannot drop a database)."""
    wipe(driver, database)
    with driver.session(database=database) as session:
        for rec in list(session.run("SHOW CONSTRAINTS YIELD name RETURN name")):
            session.run(f"DROP CONSTRAINT `{rec['name']}` IF EXISTS").consume()
        for rec in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")):
            session.run(f"DROP INDEX `{rec['name']}` IF EXISTS").consume()


def wipe(driver: Any, database: str | None = None) -> None:
    """Delete all nodes and relationships (schema kept)."""
    with driver.session(database=database) as session:
        session.run(
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS"  # relationships first: cheaper
        ).consume()
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 50000 ROWS").consume()


def bare_create(
    driver: Any, database: str | None, extractions: Sequence[Extraction], chunk: int = 5000
) -> tuple[float, int]:
    """Seconds to ``CREATE`` exactly the relationships kg's loader writes for ``extractions``, and how many.

    The yardstick of ``load_vs_ceiling``: the same relationships (types, endpoints, every property)
    into a database with kg's schema (``cypher/schema.cypher``: the indexes queries need, so their
    maintenance is in both), its nodes created beforehand and not timed; then nothing but
    ``MATCH`` the two endpoints by key and ``CREATE``, ``chunk`` relationships per transaction.
    No idempotence, no evidence bookkeeping, no checks: what a loader cannot beat on this server.
    """
    from kg.load.rows import build_rows
    from kg.load.schema import ensure_schema

    rows = build_rows(extractions)
    reset(driver, database)
    ensure_schema(driver, database)
    node_batches: list[tuple[str, list[dict[str, Any]]]] = [
        ("UNWIND $rows AS row CREATE (a:Article) SET a = row", rows.articles)
    ]
    for label, entity_rows in sorted(rows.entities.items()):
        node_batches.append((f"UNWIND $rows AS row CREATE (e:Entity:{check_label(label)}) SET e = row", entity_rows))
    node_batches.append(("UNWIND $rows AS row CREATE (c:Concept) SET c = row", rows.concepts))
    for query, part in node_batches:
        for i in range(0, len(part), chunk):
            driver.execute_query(query, rows=part[i : i + chunk], database_=database)
    work: list[tuple[str, list[dict[str, Any]]]] = [
        (
            "UNWIND $rows AS row MATCH (a:Article {id: row.article_id}) MATCH (e:Entity {key: row.key}) "
            "CREATE (a)-[:MENTIONS {count: row.count}]->(e)",
            rows.mentions,
        ),
        (
            "UNWIND $rows AS row MATCH (c:Concept {key: row.concept}) MATCH (e:Entity {key: row.entity}) "
            "CREATE (c)-[:INVOLVES]->(e)",
            rows.involves,
        ),
    ]
    for predicate, rel_rows in rows.relations.items():
        for label in ("Entity", "Concept"):
            part = [r for r in rel_rows if r["object_label"] == label]
            query = (
                f"UNWIND $rows AS row MATCH (s:Entity {{key: row.subject}}) MATCH (o:{label} {{key: row.object}}) "
                f"CREATE (s)-[r:{check_relationship_type(predicate)}]->(o) SET r = row.props"
            )
            work.append((query, part))
    # Fill transactions of ``chunk`` relationships regardless of type, as kg's loader does per batch.
    total = sum(len(part) for _, part in work)
    started = time.perf_counter()
    with driver.session(database=database) as session:
        pending: list[tuple[str, list[dict[str, Any]]]] = []
        size = 0
        for query, part in work:
            for i in range(0, len(part), chunk):
                piece = part[i : i + chunk]
                pending.append((query, piece))
                size += len(piece)
                if size >= chunk:
                    session.execute_write(_run_all, pending)
                    pending, size = [], 0
        if pending:
            session.execute_write(_run_all, pending)
    return time.perf_counter() - started, total


def _run_all(tx: Any, statements: list[tuple[str, list[dict[str, Any]]]]) -> None:
    for query, part in statements:
        if part:
            tx.run(query, rows=part).consume()
