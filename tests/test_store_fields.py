"""Dateline, sector and event-coding fields in both stores, and the in-place upgrade of a version 1 store.

This module defines the small event corpus (:func:`event_corpus`) that ``tests/test_events.py``
exports: articles with a dateline, an actor with a sector, triples with CAMEO quad class,
Goldstein value, addressee and modality.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from kg.load import LocalStore, Neo4jStore
from kg.load.local_store import DB_FILE
from kg.load.sqlite_schema import STORE_SCHEMA_VERSION
from kg.model import Article, Concept, Entity, Extraction
from tests.test_local_store import snapshot, triple

RUS_GOV = Entity("group:RUS-GOV", "Russian government", "Group", ("Russian government",), "RUS", None, "GOV")
RUS_GOV_BARE = Entity("group:RUS-GOV", "Russian government", "Group", ("Moscow",))  # no country, no sector
RUS = Entity("country:RUS", "Russia", "Country", ("Russia",), "RUS")
UKR = Entity("country:UKR", "Ukraine", "Country", ("Ukraine", "Kyiv"), "UKR")
REUTERS = Entity("org:reuters", "Reuters", "Organization", ("Reuters",), None, None, "MED")
NO_ATTACK = Concept.create("no attack on Kyiv", "en", ["country:UKR"])


def ev_01() -> Extraction:
    text = (
        "KYIV (Reuters) - The Russian government told Reuters there would be no attack on Kyiv. Ukraine accused Russia."
    )
    art = Article.create(
        text, id="ev-01", lang="en", url="https://example.org/ev-01", source="fixture", published="2024-10-24",
        place="KYIV", agency="Reuters",
    )  # fmt: skip
    s0 = "The Russian government told Reuters there would be no attack on Kyiv."
    triples = [
        triple(RUS_GOV, "STATES", NO_ATTACK, "ev-01", 0, s0, verb="tell", cameo="010", plover="STATEMENT",
               quad=1, goldstein=0.0, addressee="org:reuters"),
        triple(UKR, "ACCUSES", RUS, "ev-01", 1, "Ukraine accused Russia.", verb="accuse", cameo="112",
               plover="ACCUSE", quad=3, goldstein=-2),
    ]  # fmt: skip
    ents = (RUS_GOV, REUTERS, UKR, RUS)
    return Extraction(art, ents, tuple(triples), tuple((e.key, 1) for e in ents))


def ev_02() -> Extraction:
    text = "Moscow threatened to strike Ukraine if it joined NATO, officials said."
    art = Article.create(text, id="ev-02", lang="en", source="fixture", published="2024-10-26")
    triples = [
        triple(RUS_GOV_BARE, "ATTACKS", UKR, "ev-02", 0, text, verb="strike", cameo="190", plover="ASSAULT",
               quad=4, goldstein=-10.0, modality="threatened", hedged=True, polarity="negative",
               reported_by="country:UKR"),
    ]  # fmt: skip
    return Extraction(art, (RUS_GOV_BARE, UKR), tuple(triples), (("group:RUS-GOV", 2), ("country:UKR", 1)))


def event_corpus() -> list[Extraction]:
    return [ev_01(), ev_02()]


def check_fields(G) -> None:
    """What both stores must hold of the event corpus."""
    art = G.nodes["article:ev-01"]
    assert (art["place"], art["agency"]) == ("KYIV", "Reuters")
    assert G.nodes["article:ev-02"]["place"] is None and G.nodes["article:ev-02"]["agency"] is None
    gov = G.nodes["group:RUS-GOV"]
    # ev-02 knows neither country nor sector: ev-01's are kept (coalesce, as for country and role)
    assert (gov["sector"], gov["country"]) == ("GOV", "RUS")
    assert gov["aliases"] == ["Russian government", "Moscow"]
    assert G.nodes["org:reuters"]["sector"] == "MED" and G.nodes["country:UKR"]["sector"] is None
    states = G.edges["group:RUS-GOV", NO_ATTACK.key, ev_01().triples[0].id]
    assert (states["quad"], states["goldstein"], states["addressee"]) == (1, 0.0, "org:reuters")
    assert states["modality"] is None
    accuses = G.edges["country:UKR", "country:RUS", ev_01().triples[1].id]
    assert accuses["goldstein"] == -2.0 and isinstance(accuses["goldstein"], float) and accuses["quad"] == 3
    attacks = G.edges["group:RUS-GOV", "country:UKR", ev_02().triples[0].id]
    assert (attacks["quad"], attacks["goldstein"], attacks["modality"]) == (4, -10.0, "threatened")


def test_local_store_keeps_dateline_sector_and_event_coding(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(event_corpus())
        check_fields(store.to_networkx())
        before = snapshot(store.to_networkx())
        store.write(event_corpus(), force=True)  # idempotent
        assert snapshot(store.to_networkx()) == before


@pytest.mark.neo4j
def test_neo4j_keeps_the_same_as_the_local_store(neo4j_db, tmp_path):
    store = Neo4jStore(neo4j_db)
    store.write(event_corpus())
    check_fields(store.to_networkx())
    store.write(event_corpus(), force=True)
    with LocalStore(tmp_path / "s") as local:
        local.write(event_corpus())
        assert snapshot(store.to_networkx()) == snapshot(local.to_networkx())


# -- the version 1 store, as kg wrote it before schema version 2 (a frozen copy of its DDL) ---------------------
_V1_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, title TEXT, source TEXT, published TEXT, lang TEXT, content_hash TEXT);
CREATE TABLE IF NOT EXISTS entities (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL, country TEXT, role TEXT);
CREATE TABLE IF NOT EXISTS concepts (key TEXT PRIMARY KEY, text TEXT NOT NULL, lang TEXT);
CREATE TABLE IF NOT EXISTS involves (concept TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (concept, entity));
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, entity TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (article_id, entity));
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, predicate TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL,
    article_id TEXT NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER, evidence TEXT, verb TEXT,
    polarity TEXT, hedged INTEGER, cameo TEXT, plover TEXT, confidence REAL, published TEXT, reported_by TEXT);
CREATE INDEX IF NOT EXISTS relations_article ON relations (article_id);
CREATE INDEX IF NOT EXISTS relations_predicate ON relations (predicate);
CREATE INDEX IF NOT EXISTS relations_object ON relations (object);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE INDEX IF NOT EXISTS entities_country ON entities (country);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO articles VALUES ('old-1', 'https://example.org/old-1', 'Old', 'fixture', '2024-09-01', 'en', 'h-old-1');
INSERT INTO entities VALUES ('country:RUS', 'Russia', 'Country', '["Russia"]', 'RUS', NULL);
INSERT INTO entities VALUES ('country:UKR', 'Ukraine', 'Country', '["Ukraine"]', 'UKR', NULL);
INSERT INTO mentions VALUES ('old-1', 'country:RUS', 2);
INSERT INTO relations VALUES ('t-old-1', 'ATTACKS', 'country:RUS', 'country:UKR', 'old-1', 0, 0, 21,
    'Russia attacked Ukraine.', 'attack', 'positive', 0, '190', 'ASSAULT', 0.9, '2024-09-01', NULL);
"""


def v1_store(path):
    path.mkdir()
    db = sqlite3.connect(path / DB_FILE)
    db.executescript(_V1_SCHEMA)
    db.commit()
    db.close()
    return path


def columns(path, table: str) -> list[str]:
    db = sqlite3.connect(path / DB_FILE)
    try:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    finally:
        db.close()


def test_a_version_1_store_is_upgraded_in_place_and_keeps_its_rows(tmp_path):
    path = v1_store(tmp_path / "old")
    assert "sector" not in columns(path, "entities")
    with LocalStore(path) as store:
        version = store.conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()[0]
        assert int(version) == STORE_SCHEMA_VERSION == 2
        G = store.to_networkx()
        old = G.edges["country:RUS", "country:UKR", "t-old-1"]
        assert (old["predicate"], old["cameo"], old["evidence"], old["hedged"]) == (
            "ATTACKS", "190", "Russia attacked Ukraine.", False,
        )  # fmt: skip
        assert old["quad"] is None and old["goldstein"] is None and old["modality"] is None
        assert G.nodes["country:RUS"]["aliases"] == ["Russia"] and G.nodes["country:RUS"]["sector"] is None
        assert G.nodes["article:old-1"]["title"] == "Old" and G.nodes["article:old-1"]["place"] is None
        assert store.known_hashes(["old-1"]) == {"old-1": "h-old-1"}
        store.write(event_corpus())  # the upgraded store takes the new fields
        G = store.to_networkx()
        check_fields(G)
        assert G.nodes["country:RUS"]["aliases"] == ["Russia"]
        assert store.counts()["ATTACKS"] == 2
    assert {"place", "agency"} <= set(columns(path, "articles"))
    assert "sector" in columns(path, "entities")
    assert {"quad", "goldstein", "addressee", "modality"} <= set(columns(path, "relations"))
    with LocalStore(path) as store:  # opening again changes nothing
        assert store.counts()["Article"] == 3


def test_a_store_of_a_newer_schema_is_refused(tmp_path):
    from kg.load import StoreError

    path = v1_store(tmp_path / "new")
    db = sqlite3.connect(path / DB_FILE)
    db.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(STORE_SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer kg"):
        LocalStore(path)
    assert "sector" not in columns(path, "entities")  # nothing was changed


def test_entity_rows_carry_sector_and_export_json_shows_it(tmp_path):
    from kg.graph.export import flatten

    with LocalStore(tmp_path / "s") as store:
        store.write(event_corpus())
        flat = flatten(store.to_networkx())
    assert flat.nodes["group:RUS-GOV"]["sector"] == "GOV"
    edge = flat.edges["country:UKR", "country:RUS", ev_01().triples[1].id]
    assert (edge["quad"], edge["goldstein"]) == (3, -2.0)
    assert json.dumps(edge)  # scalars only
