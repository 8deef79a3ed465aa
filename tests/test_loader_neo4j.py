"""The Neo4j loader against a real server: schema, idempotency, replacement, merging, whitelists, batching."""

from __future__ import annotations

from dataclasses import replace

import neo4j
import pytest

from kg.load import Neo4jStore
from kg.load.schema import schema_statements
from kg.model import Concept
from kg.vocabulary import UnknownEntityTypeError, UnknownPredicateError, vocabulary
from tests.test_local_store import (
    CORPUS_COUNTS,
    PRK_DE,
    RUS_DE,
    corpus,
    de_01,
    de_02,
    en_01,
    triple,
    with_bad_type,
)

pytestmark = pytest.mark.neo4j


def graph_snapshot(driver) -> tuple:
    """Every node (labels, properties) and relationship (type, ends, properties) in the database."""
    records, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.key, n.id)"
    )
    nodes = [(sorted(r["l"]), sorted(r["p"].items())) for r in records]
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.key, a.id) AS a, b.key AS b, properties(r) AS p"
    )
    rels = sorted((r["t"], r["a"], r["b"], sorted((k, repr(v)) for k, v in r["p"].items())) for r in records)
    return nodes, rels


@pytest.fixture
def store(neo4j_db):
    return Neo4jStore(neo4j_db)


def test_constraints_and_indexes_exist_after_a_load(store, neo4j_db):
    store.write([de_01()])
    records, _, _ = neo4j_db.execute_query("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties")
    constraints = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records}
    assert {("Article", "id"), ("Entity", "key"), ("Concept", "key")} <= constraints
    records, _, _ = neo4j_db.execute_query("SHOW INDEXES YIELD name, state")
    online = {r["name"] for r in records if r["state"] == "ONLINE"}
    assert {"entity_name", "entity_country", "entity_type", "article_published"} <= online
    for predicate in vocabulary():
        name = predicate.lower()
        assert {f"rel_{name}_id", f"rel_{name}_article", f"rel_{name}_published"} <= online


def test_schema_creation_is_idempotent(store, neo4j_db):
    store.ensure_schema()
    before, _, _ = neo4j_db.execute_query("SHOW INDEXES YIELD name RETURN count(*) AS n")
    store.ensure_schema()
    after, _, _ = neo4j_db.execute_query("SHOW INDEXES YIELD name RETURN count(*) AS n")
    assert before[0]["n"] == after[0]["n"] >= len(schema_statements())


def test_corpus_counts_and_labels(store):
    stats = store.write(corpus())
    counts = store.counts()
    assert {k: counts[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS
    assert counts["Person"] == 3 and counts["Organization"] == 1 and counts["Country"] == 2
    assert counts["STATES"] == 1 and counts["AFFILIATED_WITH"] == 1 and counts["INVOLVES"] == 2
    assert (stats.articles_written, stats.triples, stats.nodes_created, stats.relationships_created) == (3, 8, 10, 20)


def test_double_ingest_leaves_every_node_and_relationship_identical(store, neo4j_db):
    store.write(corpus())
    before = graph_snapshot(neo4j_db)
    again = store.write(corpus())
    assert (again.articles_skipped, again.articles_written) == (3, 0)
    assert graph_snapshot(neo4j_db) == before
    forced = store.write(corpus(), force=True)  # really re-running every MERGE must not change anything either
    assert forced.nodes_created == 0 and forced.nodes_merged == 10
    assert graph_snapshot(neo4j_db) == before


def test_changed_article_replaces_its_evidence_and_mentions(store, neo4j_db):
    store.write(corpus())
    changed = de_01("Russland bestreitet alles.")
    changed = replace(changed, triples=changed.triples[1:2], entities=(RUS_DE, PRK_DE), mentions=(("country:RUS", 1),))
    stats = store.write([changed])
    assert stats.articles_written == 1
    # 3 triples, 4 MENTIONS, and the 2 INVOLVES of the concept only the old STATES pointed to (dropped too)
    assert (stats.relationships_deleted, stats.nodes_deleted) == (3 + 4 + 2, 1)
    assert "Concept" not in store.counts() and store.counts()["nodes"] == 9
    records, _, _ = neo4j_db.execute_query(
        "MATCH ()-[r]->() WHERE r.article_id = 'de-01' RETURN type(r) AS t, r.evidence AS e"
    )
    assert [(r["t"], r["e"]) for r in records] == [("DENIES", "Russland bestreitet das.")]
    records, _, _ = neo4j_db.execute_query(
        "MATCH (:Article {id: 'de-01'})-[m:MENTIONS]->(e) RETURN e.key AS k, m.count AS c ORDER BY k"
    )
    # Every entity of the article is mentioned; the count defaults to 1 when the extraction gives none.
    assert [(r["k"], r["c"]) for r in records] == [("country:PRK", 1), ("country:RUS", 1)]
    assert store.known_hashes(["de-01"]) == {"de-01": changed.article.content_hash}
    # Other articles' evidence is untouched.
    assert store.counts()["ACCUSES"] == 1 and store.counts()["THREATENS"] == 1


def test_one_node_per_key_across_articles_and_languages(store, neo4j_db):
    store.write([de_01()])
    store.write([en_01()])
    records, _, _ = neo4j_db.execute_query("MATCH (e:Entity {key: 'country:RUS'}) RETURN e, labels(e) AS l")
    assert len(records) == 1
    russia = records[0]["e"]
    assert sorted(records[0]["l"]) == ["Country", "Entity"]
    assert russia["aliases"] == ["Russland", "Moskau", "Russia", "Moscow"]
    assert russia["name"] == "Russia" and russia["country"] == "RUS"
    records, _, _ = neo4j_db.execute_query("MATCH (e:Entity {key: 'person:volodymyr-zelensky'}) RETURN e.role AS r")
    assert records[0]["r"] == "president"  # en-01 had no role: the known one is kept


def test_properties_have_neo4j_types(store, neo4j_db):
    store.write([de_01()])
    records, _, _ = neo4j_db.execute_query(
        "MATCH (a:Article {id: 'de-01'}) MATCH ()-[r:WARNS]->() RETURN a.published AS p, r.published AS rp, r"
    )
    rec = records[0]
    assert isinstance(rec["p"], neo4j.time.Date) and rec["p"].iso_format() == "2024-10-24"
    assert rec["rp"] == rec["p"]
    rel = rec["r"]
    assert rel["hedged"] is True and rel["confidence"] == 0.7 and rel["polarity"] == "positive"
    assert rel["id"] == de_01().triples[2].id and rel["verb"] == "warnen" and rel["sentence"] == 2


def test_predicate_outside_the_vocabulary_is_refused_before_any_cypher(store, neo4j_db):
    bad = replace(de_01(), triples=(*de_01().triples, triple(RUS_DE, "LIKES", PRK_DE, "de-01", 4, "x")))
    ran: list[str] = []
    store.known_hashes = lambda ids: ran.append("known_hashes") or {}  # type: ignore[method-assign]
    store.ensure_schema = lambda: ran.append("ensure_schema")  # type: ignore[method-assign]
    with pytest.raises(UnknownPredicateError, match="LIKES"):
        store.write([en_01(), bad])
    assert ran == [] and sum(store.statements.values()) == 0
    assert store.counts()["nodes"] == 0


def test_injection_shaped_predicate_cannot_even_be_built():
    from kg.model import ModelError

    with pytest.raises(ModelError):
        triple(RUS_DE, "X]->() DETACH DELETE n //", PRK_DE, "de-01", 0, "x")


def test_entity_type_outside_the_whitelist_is_refused_before_any_cypher(store):
    bad = replace(de_02(), entities=(with_bad_type(RUS_DE, "Country) DETACH DELETE (n"),))
    with pytest.raises(UnknownEntityTypeError):
        store.write([de_01(), bad])
    assert sum(store.statements.values()) == 0
    assert store.counts()["nodes"] == 0


def test_one_statement_per_batch_and_relationship_type(neo4j_db):
    store = Neo4jStore(neo4j_db, batch_size=10_000)
    articles = [de_01(), en_01(), de_02()]
    more = [replace(ex, article=replace(ex.article, id=ex.article.id + "-b")) for ex in articles]
    more = [
        replace(
            ex,
            triples=tuple(replace(t, provenance=replace(t.provenance, article_id=ex.article.id)) for t in ex.triples),
        )
        for ex in more
    ]
    stats = store.write(articles + more)
    assert stats.batches == 1 and stats.triples == 16
    kinds = {
        (t.predicate, "Concept" if isinstance(t.object, Concept) else "Entity") for ex in articles for t in ex.triples
    }
    assert {k: v for k, v in store.statements.items() if k.startswith("relations:")} == {
        f"relations:{p}:{label}": 1 for p, label in kinds
    }
    assert store.statements["articles"] == 1 and store.statements["mentions"] == 1
    assert store.statements["entities:Person"] == 1 and "done" not in store.statements  # hash set with the article

    small = Neo4jStore(neo4j_db, batch_size=1)  # every article its own batch
    small.write([replace(ex, article=replace(ex.article, text=ex.article.text + " Neu.")) for ex in articles])
    assert small.statements["articles"] == 3


def test_failure_inside_a_batch_rolls_the_whole_batch_back_and_a_rerun_completes(neo4j_db):
    class CrashingStore(Neo4jStore):
        """Fails after every statement of the batch ran but before the commit, like a server dying."""

        @staticmethod
        def _write_batch(tx, rows):
            Neo4jStore._write_batch(tx, rows)
            raise RuntimeError("connection lost")

    crashing = CrashingStore(neo4j_db, batch_size=1)
    store = Neo4jStore(neo4j_db, batch_size=1)
    store.write([de_01()])  # the first article is done before the crash
    with pytest.raises(RuntimeError):
        crashing.write(corpus())
    assert store.counts()["Article"] == 1
    assert store.known_hashes(["de-01", "en-01", "de-02"]) == {"de-01": de_01().article.content_hash}
    stats = store.write(corpus())
    assert (stats.articles_skipped, stats.articles_written) == (1, 2)
    assert {k: store.counts()[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS


def test_evidence_left_by_an_incomplete_load_is_replaced_not_duplicated(store, neo4j_db):
    # An article node without content_hash (an older, non-atomic loader stopped half-way) still owns
    # its evidence: the next load deletes it before creating the article's relationships again.
    store.write([de_01()])
    expected = graph_snapshot(neo4j_db)
    neo4j_db.execute_query("MATCH (a:Article {id: 'de-01'}) REMOVE a.content_hash")
    stats = store.write([de_01()])
    assert stats.articles_written == 1 and stats.relationships_deleted > 0
    assert graph_snapshot(neo4j_db) == expected


def test_a_duplicate_triple_id_is_refused_by_the_schema_not_stored(store, neo4j_db):
    # Evidence is written with CREATE; the per-type unique constraint on the triple id is what stops a
    # second copy (say, from another loader writing the same article at the same moment).
    store.write([de_01()])
    rel_type, triple_id = next((t.predicate, t.id) for t in de_01().triples)
    with pytest.raises(neo4j.exceptions.ConstraintError):
        neo4j_db.execute_query(
            f"MATCH (s)-[r:{rel_type} {{id: $id}}]->(o) CREATE (s)-[:{rel_type} {{id: $id}}]->(o)", id=triple_id
        )


def test_known_hashes_only_reports_completely_loaded_articles(store, neo4j_db):
    assert store.known_hashes([]) == {}
    store.write([de_01()])
    neo4j_db.execute_query("CREATE (:Article {id: 'half-done'})")  # e.g. written by an older, non-atomic loader
    assert store.known_hashes(["de-01", "half-done", "missing"]) == {"de-01": de_01().article.content_hash}


def test_neo4j_store_is_a_graph_store(store):
    from kg.load import GraphStore

    assert isinstance(store, GraphStore)


def test_close_does_not_close_a_driver_the_store_was_given(store, neo4j_db):
    store.close()
    neo4j_db.verify_connectivity()


def test_an_error_raised_while_handling_ctrl_c_counts_as_the_interrupt():
    from kg.load.neo4j_errors import caused_by_interrupt

    def driver_cleanup_fails_during_interrupt():
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise BufferError("Existing exports of data: object cannot be re-sized") from None

    with pytest.raises(BufferError) as info:
        driver_cleanup_fails_during_interrupt()
    assert caused_by_interrupt(info.value)
    assert not caused_by_interrupt(BufferError("no interrupt anywhere"))


def test_a_lost_connection_names_the_server(neo4j_settings):
    # The driver's own message names the address only as a Python tuple, or not at all; kg's names the
    # server as the user configured it (with credentials redacted, as every store message: test_security).
    from kg.cli.stores import lost_connection
    from kg.config import redact_uri
    from kg.load import open_store

    with open_store(neo4j=True) as store:
        message = lost_connection(store, neo4j.exceptions.ServiceUnavailable("Failed to read from defunct connection"))
    uri = redact_uri(neo4j_settings.uri)
    assert message == f"error: lost the connection to Neo4j at {uri}: Failed to read from defunct connection"
