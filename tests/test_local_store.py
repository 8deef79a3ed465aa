"""The embedded SQLite store: same graph, same idempotency and replacement rules as Neo4j.

This module also defines the small hand-built corpus the loader tests share
(:func:`corpus`): extractions as the extractor would hand them over, so the
loader is tested independently of extraction quality.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import replace

import pytest

from kg.load import GraphStore, LocalStore, Neo4jStore, StoreError
from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple
from kg.vocabulary import UnknownEntityTypeError, UnknownPredicateError

RUS_DE = Entity("country:RUS", "Russia", "Country", ("Russland", "Moskau"), "RUS")
RUS_EN = Entity("country:RUS", "Russia", "Country", ("Russia", "Moscow"), "RUS")
PRK_DE = Entity("country:PRK", "North Korea", "Country", ("Nordkorea",), "PRK")
PRK_EN = Entity("country:PRK", "North Korea", "Country", ("North Korea", "Pyongyang"), "PRK")
AUSTIN = Entity("person:lloyd-austin", "Lloyd Austin", "Person", ("Austin",), "USA", "defence minister")
ZELENSKY_DE = Entity("person:volodymyr-zelensky", "Volodymyr Zelensky", "Person", ("Selenskij",), "UKR", "president")
ZELENSKY_EN = Entity("person:volodymyr-zelensky", "Volodymyr Zelensky", "Person", ("Zelensky",), "UKR")
PUTIN = Entity("person:vladimir-putin", "Vladimir Putin", "Person", ("Putin",), "RUS", "president")
NATO = Entity("org:nato", "NATO", "Organization", ("Nato",))


def triple(subject, predicate, obj, article_id, sentence, evidence, **kw) -> Triple:
    start = 10 * sentence
    return Triple(
        subject, predicate, obj, Provenance(article_id, sentence, start, start + len(evidence), evidence), **kw
    )


def extraction(article: Article, triples: list[Triple], entities: list[Entity]) -> Extraction:
    counts = {e.key: 1 + i % 2 for i, e in enumerate(entities)}
    return Extraction(article, tuple(entities), tuple(triples), tuple(counts.items()))


def de_01(text: str = "Austin sagt, nordkoreanische Truppen seien in Russland. Russland bestreitet das.") -> Extraction:
    art = Article.create(text, id="de-01", lang="de", title="Truppen", source="fixture", published="2024-10-24")
    troops = Concept.create("Anwesenheit nordkoreanischer Truppen in Russland", "de", ["country:PRK", "country:RUS"])
    return extraction(
        art,
        [
            triple(AUSTIN, "STATES", troops, "de-01", 0, "Austin sagt, nordkoreanische Truppen seien in Russland.",
                   verb="sagen", cameo="01"),
            triple(RUS_DE, "DENIES", PRK_DE, "de-01", 1, "Russland bestreitet das.", verb="bestreiten"),
            triple(ZELENSKY_DE, "WARNS", RUS_DE, "de-01", 2, "Selenskij warnt Russland.", verb="warnen",
                   hedged=True, confidence=0.7),
        ],
        [AUSTIN, RUS_DE, PRK_DE, ZELENSKY_DE],
    )  # fmt: skip


def en_01() -> Extraction:
    text = "Zelensky accused Russia of using North Korean soldiers. Pyongyang did not comment."
    art = Article.create(text, id="en-01", lang="en", source="fixture", published="2024-10-25")
    return extraction(
        art,
        [
            triple(ZELENSKY_EN, "ACCUSES", RUS_EN, "en-01", 0, "Zelensky accused Russia.", verb="accuse"),
            triple(RUS_EN, "COOPERATES_WITH", PRK_EN, "en-01", 0, "Russia uses North Korean soldiers.",
                   verb="use", reported_by="person:volodymyr-zelensky"),
        ],
        [ZELENSKY_EN, RUS_EN, PRK_EN],
    )  # fmt: skip


def de_02() -> Extraction:
    text = "Putin droht der Nato. Die Nato verurteilt Russland."
    art = Article.create(text, id="de-02", lang="de", published="2024-11-02")
    return extraction(
        art,
        [
            triple(PUTIN, "THREATENS", NATO, "de-02", 0, "Putin droht der Nato.", verb="drohen"),
            triple(NATO, "CONDEMNS", RUS_DE, "de-02", 1, "Die Nato verurteilt Russland.", verb="verurteilen"),
            triple(PUTIN, "AFFILIATED_WITH", RUS_DE, "de-02", 0, "Putin", verb=""),
        ],
        [PUTIN, NATO, RUS_DE],
    )


def corpus() -> list[Extraction]:
    return [de_01(), en_01(), de_02()]


#: Nodes: 3 articles, 6 entities, 1 concept. Relationships: 10 MENTIONS, 2 INVOLVES, 8 triples.
CORPUS_COUNTS = {"nodes": 10, "relationships": 20, "Article": 3, "Entity": 6, "Concept": 1, "MENTIONS": 10}


def snapshot(G) -> tuple:
    """Every node and edge with all attributes, in a comparable form."""
    nodes = sorted((n, sorted((k, repr(v)) for k, v in d.items())) for n, d in G.nodes(data=True))
    edges = sorted(
        (u, v, k, sorted((a, repr(x)) for a, x in d.items())) for u, v, k, d in G.edges(keys=True, data=True)
    )
    return nodes, edges


def with_bad_type(ent: Entity, value: str) -> Entity:
    """An entity whose type bypassed the model's check (as a corrupted or hostile record could)."""
    bad = replace(ent)
    object.__setattr__(bad, "type", value)
    return bad


@pytest.fixture
def store(tmp_path):
    s = LocalStore(tmp_path / "store")
    yield s
    s.close()


def test_local_store_is_a_graph_store(store):
    assert isinstance(store, GraphStore)


def test_corpus_is_stored_with_the_expected_counts(store):
    stats = store.write(corpus())
    counts = store.counts()
    assert {k: counts[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS
    assert counts["INVOLVES"] == 2 and counts["Person"] == 3 and counts["Country"] == 2
    assert stats.articles_written == 3 and stats.triples == 8 and stats.nodes_created == 10
    assert stats.entities == 6  # distinct keys, however many articles and batches name them
    assert stats.relationships_created == 20


def test_second_ingest_of_the_same_articles_changes_nothing(store):
    store.write(corpus())
    before = snapshot(store.to_networkx())
    again = store.write(corpus())
    assert again.articles_skipped == 3 and again.articles_written == 0
    assert snapshot(store.to_networkx()) == before
    forced = store.write(corpus(), force=True)  # rewriting everything must also be a no-op
    assert forced.nodes_created == 0 and forced.articles_written == 3
    assert snapshot(store.to_networkx()) == before


def test_changed_article_has_its_evidence_replaced_not_duplicated(store):
    store.write(corpus())
    changed = de_01("Austin sagt, nordkoreanische Truppen seien in Russland.")
    changed = replace(
        changed, triples=changed.triples[:1], entities=changed.entities[:1], mentions=(changed.mentions[0],)
    )
    assert store.known_hashes(["de-01"]) != {"de-01": changed.article.content_hash}
    store.write([changed])
    G = store.to_networkx()
    de01 = [(u, v, d["predicate"]) for u, v, d in G.edges(data=True) if d.get("article_id") == "de-01"]
    assert de01 == [("person:lloyd-austin", changed.triples[0].object.key, "STATES")]
    assert [v for _, v in G.out_edges("article:de-01")] == ["person:lloyd-austin"]
    assert store.known_hashes(["de-01"]) == {"de-01": changed.article.content_hash}
    assert store.counts()["relationships"] == 20 - 2 - 3  # two triples and three MENTIONS of de-01 are gone


def test_concepts_no_evidence_points_to_any_more_are_dropped(store):
    store.write(corpus())
    changed = de_01("Russland bestreitet das.")
    changed = replace(changed, triples=changed.triples[1:2])  # Austin's statement (the concept) is gone
    stats = store.write([changed])
    assert stats.nodes_deleted == 1
    G = store.to_networkx()
    assert not [n for n, d in G.nodes(data=True) if d["kind"] == "Concept"]
    assert "INVOLVES" not in store.counts() and store.counts()["nodes"] == 9


def test_entities_merge_across_articles_and_languages(store):
    store.write([de_01(), en_01()])
    G = store.to_networkx()
    russia = G.nodes["country:RUS"]
    assert russia["aliases"] == ["Russland", "Moskau", "Russia", "Moscow"]
    assert [n for n, d in G.nodes(data=True) if d.get("name") == "Russia"] == ["country:RUS"]
    # en-01 knows no role for Zelensky: the role from de-01 is kept, not erased.
    assert G.nodes["person:volodymyr-zelensky"]["role"] == "president"
    assert G.nodes["person:volodymyr-zelensky"]["aliases"] == ["Selenskij", "Zelensky"]


def test_relations_carry_all_triple_attributes(store):
    store.write([de_01()])
    G = store.to_networkx()
    warn = de_01().triples[2]
    attrs = G.edges["person:volodymyr-zelensky", "country:RUS", warn.id]
    assert attrs["predicate"] == "WARNS" and attrs["hedged"] is True and attrs["confidence"] == 0.7
    assert attrs["evidence"] == "Selenskij warnt Russland." and attrs["sentence"] == 2
    assert str(attrs["published"]) == "2024-10-24" and attrs["article_id"] == "de-01"
    assert G.nodes["article:de-01"]["published"].isoformat() == "2024-10-24"


def test_predicate_outside_the_vocabulary_is_refused_before_anything_is_written(store):
    bad = replace(de_01(), triples=(*de_01().triples, triple(RUS_DE, "LIKES", PRK_DE, "de-01", 4, "x")))
    with pytest.raises(UnknownPredicateError, match="LIKES"):
        store.write([en_01(), bad])  # one batch: the good article is not written either
    assert store.counts()["nodes"] == 0


def test_reserved_relationship_types_are_refused_as_predicates(store):
    bad = replace(de_01(), triples=(triple(RUS_DE, "MENTIONS", PRK_DE, "de-01", 4, "x"),))
    with pytest.raises(UnknownPredicateError):
        store.write([bad])


def test_entity_type_outside_the_whitelist_is_refused(store):
    bad = replace(de_01(), entities=(with_bad_type(RUS_DE, "Country:Admin"),))
    with pytest.raises(UnknownEntityTypeError):
        store.write([bad])
    assert store.counts()["nodes"] == 0


def test_interrupted_load_keeps_committed_batches_and_a_rerun_completes(tmp_path):
    path = tmp_path / "store"
    store = LocalStore(path, batch_size=1)

    def interrupted():
        yield from corpus()[:2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.write(interrupted())
    assert sorted(store.known_hashes(["de-01", "en-01", "de-02"])) == ["de-01", "en-01"]
    store.close()
    store = LocalStore(path)
    stats = store.write(corpus())
    assert (stats.articles_skipped, stats.articles_written) == (2, 1)
    assert {k: store.counts()[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS
    store.close()


def test_each_batch_is_committed_and_reported_before_the_next_article_is_read(tmp_path):
    """The embedded store shares Neo4j's batch loop but not its pipeline: nothing is in flight, so a
    Ctrl-C while the input is read (in ``kg ingest``: extracted) finds every earlier batch counted."""
    store = LocalStore(tmp_path / "store", batch_size=1)  # one article a batch
    landed_when_read: list[int] = []
    reported: list[list[str]] = []

    def source():
        for ex in corpus():
            landed_when_read.append(len(reported))
            yield ex
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.write(source(), on_batch=lambda stats, ids: reported.append(list(ids)))
    assert landed_when_read == [0, 1, 2]
    assert reported == [["de-01"], ["en-01"], ["de-02"]]
    assert sorted(store.known_hashes(["de-01", "en-01", "de-02"])) == ["de-01", "de-02", "en-01"]
    store.close()


def test_a_batch_failing_midway_leaves_nothing_behind(tmp_path):
    class FailingStore(LocalStore):
        def _write_batch(self, rows, replaced):
            super()._write_batch(rows, replaced)
            raise sqlite3.OperationalError("disk I/O error")  # after every row, before commit

    store = FailingStore(tmp_path / "store")
    with pytest.raises(StoreError, match=r"failed while writing .*disk I/O error"):  # named, not raw (issue 13)
        store.write(corpus())
    assert store.counts() == {"nodes": 0, "relationships": 0}
    store.close()


@pytest.mark.neo4j
def test_neo4j_and_local_store_hold_the_same_graph(store, neo4j_db):
    neo = Neo4jStore(neo4j_db, batch_size=7)
    neo.write(corpus())
    store.write(corpus())
    assert list(neo.counts().items()) == list(store.counts().items())  # same keys in the same order
    assert snapshot(neo.to_networkx()) == snapshot(store.to_networkx())
    changed = replace(de_01("Neuer Text."), triples=de_01().triples[1:2])  # also drops the concept
    assert neo.write([changed]).nodes_deleted == store.write([changed]).nodes_deleted == 1
    assert neo.counts() == store.counts()
    assert snapshot(neo.to_networkx()) == snapshot(store.to_networkx())


def test_a_path_that_is_not_a_store_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot open the embedded store"):
        LocalStore(tmp_path / "file")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "graph.sqlite").write_bytes(b"this is not a database, just text" * 100)
    with pytest.raises(StoreError, match="not a database"):
        LocalStore(tmp_path / "broken")


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    LocalStore(tmp_path / "s").close()
    locked = threading.Event()

    def other_process_in_the_middle_of_a_batch() -> None:
        conn = sqlite3.connect(tmp_path / "s" / "graph.sqlite", isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(1.0)
        conn.execute("COMMIT")
        conn.close()

    other = threading.Thread(target=other_process_in_the_middle_of_a_batch)
    other.start()
    locked.wait(10)
    started = time.monotonic()
    with LocalStore(tmp_path / "s") as store:
        store.write([de_01()])
        assert time.monotonic() - started >= 0.5
        assert store.known_hashes(["de-01"]) == {"de-01": de_01().article.content_hash}
    other.join()
