"""One batch's statements, in one Neo4j transaction: delete the articles' old evidence, merge the nodes,
create the evidence (the design is :mod:`kg.load.neo4j_writer`'s docstring).

Labels and relationship types cannot be parameters, so they are spliced in, but only from the whitelists
(:mod:`kg.vocabulary`); every value is a parameter.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import neo4j

from kg.load.rows import BatchRows
from kg.model import ENTITY_TYPES
from kg.vocabulary import check_label, check_relationship_type, vocabulary

#: Reuse cached plans instead of re-planning whenever the graph's statistics drift (they drift all
#: the time while loading). The write statements start from unique-constraint seeks, which the planner
#: picks whatever the statistics, and schema changes still clear the cache. Measured on the shared
#: 2-core box: a 24-article batch in a new process went from ~12 s (re-planning ~40 statements) to
#: ~0.5 s. The evidence deletes are planned normally (their index seek does depend on statistics).
_REUSE_PLANS = "CYPHER replan=skip "

_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.source = row.source, a.published = row.published, a.lang = row.lang,
    a.place = row.place, a.agency = row.agency, a.content_hash = row.content_hash
"""

_ENTITIES = """
UNWIND $rows AS row
MERGE (e:Entity {key: row.key})
SET e:{label}, e.name = row.name, e.type = row.type,
    e.country = coalesce(row.country, e.country), e.role = coalesce(row.role, e.role),
    e.sector = coalesce(row.sector, e.sector),
    e.aliases = coalesce(e.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(e.aliases, [])]
{remove}
"""

_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {key: row.key})
SET c.text = row.text, c.lang = row.lang
"""

_INVOLVES = """
UNWIND $rows AS row
MATCH (c:Concept {key: row.concept})
MATCH (e:Entity {key: row.entity})
MERGE (c)-[:INVOLVES]->(e)
"""

# Evidence: the batch's articles have none at this point (see _STORED and the deletes), so CREATE.
_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id})
MATCH (e:Entity {key: row.key})
CREATE (a)-[m:MENTIONS]->(e)
SET m.count = row.count
"""

# One statement per relationship type and object label: {label} is Entity or Concept, so the
# object is one unique-index seek (two OPTIONAL MATCHes and a coalesce cost a third more).
_RELATIONS = """
UNWIND $rows AS row
MATCH (s:Entity {key: row.subject})
MATCH (o:{label} {key: row.object})
CREATE (s)-[r:{type}]->(o)
SET r = row.props
"""

# Which of the batch's articles the database holds in any state (complete or not).
_STORED = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id"
_DELETE_MENTIONS = "MATCH (a:Article)-[m:MENTIONS]->() WHERE a.id IN $ids DELETE m"
_DELETE_EVIDENCE = """
MATCH ()-[r:{type}]->(o) WHERE r.article_id IN $ids
WITH r, CASE WHEN o:Concept THEN o.key END AS concept
DELETE r
RETURN collect(DISTINCT concept) AS concepts
"""

# Concepts only the replaced evidence pointed to would be left dangling: drop them.
_DROP_ORPHAN_CONCEPTS = """
UNWIND $keys AS key
MATCH (c:Concept {key: key})
WHERE NOT ()-->(c)
DETACH DELETE c
"""


def write_batch(tx: neo4j.ManagedTransaction, rows: BatchRows) -> tuple[Counter, Counter]:
    """All statements of one batch, in one transaction (re-run from scratch if the driver retries).

    The articles whose old evidence is deleted are looked up inside the transaction, so a
    retry re-reads what the database holds. A concurrent loader writing the same article at
    the same moment fails on the triple-id constraint (the whole batch rolls back) instead
    of duplicating its triples.
    """
    counters: Counter[str] = Counter()
    kinds: Counter[str] = Counter()

    def run(kind: str, query: str, reuse_plan: bool = True, **params: Any) -> list[neo4j.Record]:
        prefix = _REUSE_PLANS if reuse_plan else ""
        result = tx.run(prefix + query, **params)  # type: ignore[arg-type]  # built from whitelists only
        records = list(result)
        c = result.consume().counters
        counters.update(
            nodes_created=c.nodes_created,
            nodes_deleted=c.nodes_deleted,
            relationships_created=c.relationships_created,
            relationships_deleted=c.relationships_deleted,
        )
        kinds[kind] += 1
        return records

    orphans: set[str] = set()
    replaced = [r["id"] for r in run("stored", _STORED, ids=rows.article_ids)]
    if replaced:
        run("delete:MENTIONS", _DELETE_MENTIONS, ids=replaced)
        present = {r["t"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")}
        for rel_type in sorted(present & vocabulary()):
            records = run(
                f"delete:{rel_type}",
                _DELETE_EVIDENCE.replace("{type}", check_relationship_type(rel_type)),
                reuse_plan=False,  # index seek vs type scan does depend on the statistics
                ids=replaced,
            )
            orphans.update(records[0]["concepts"])
    run("articles", _ARTICLES, rows=rows.articles)
    for label, entity_rows in sorted(rows.entities.items()):
        others = sorted(ENTITY_TYPES - {check_label(label)})
        query = _ENTITIES.replace("{label}", label).replace("{remove}", "REMOVE e:" + ":".join(others))
        run(f"entities:{label}", query, rows=entity_rows)
    if rows.concepts:
        run("concepts", _CONCEPTS, rows=rows.concepts)
    if rows.involves:
        run("involves", _INVOLVES, rows=rows.involves)
    if rows.mentions:
        run("mentions", _MENTIONS, rows=rows.mentions)
    for predicate, rel_rows in rows.relations.items():
        query = _RELATIONS.replace("{type}", check_relationship_type(predicate))
        for label in ("Entity", "Concept"):
            part = [r for r in rel_rows if r["object_label"] == label]
            if part:
                run(f"relations:{predicate}:{label}", query.replace("{label}", label), rows=part)
    if orphans:
        run("orphans", _DROP_ORPHAN_CONCEPTS, keys=sorted(orphans))
    return counters, kinds
