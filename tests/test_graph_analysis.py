"""networkx analysis: the actor network (through concepts too), centrality, communities, ego networks."""

from __future__ import annotations

from datetime import date

import pytest

from kg.graph import analysis
from kg.load import LocalStore, Neo4jStore
from kg.load.neo4j_projection import neo4j_to_networkx
from kg.model import GRAPH_RELATIONSHIPS, Article, Entity
from tests.test_local_store import PRK_DE, PUTIN, RUS_DE, corpus, extraction, triple


@pytest.fixture
def graph(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(corpus())
        return store.to_networkx()


def test_actor_network_links_speakers_to_actors_inside_what_they_say(graph):
    A = analysis.actor_network(graph)
    # Austin STATES <presence of North Korean troops in Russia>: a link to both countries.
    assert A["person:lloyd-austin"]["country:PRK"]["predicates"] == {"STATES": 1}
    assert A["person:lloyd-austin"]["country:RUS"]["weight"] == 1
    assert A["country:RUS"]["country:PRK"]["predicates"] == {"COOPERATES_WITH": 1, "DENIES": 1}
    assert A["country:RUS"]["country:PRK"]["weight"] == 2
    assert A["country:RUS"]["country:PRK"]["reported"] == 1  # the cooperation is Zelensky's claim
    assert all(data.get("kind") == "Entity" for _, data in A.nodes(data=True))
    assert not any(u == v for u, v in A.edges)


def test_affiliation_is_left_out_unless_asked_for(graph):
    assert not analysis.actor_network(graph).has_edge("person:vladimir-putin", "country:RUS")
    affiliations = analysis.actor_network(graph, predicates=["AFFILIATED_WITH"])
    assert list(affiliations.edges) == [("person:vladimir-putin", "country:RUS")]


def test_actor_network_filters_by_predicate_and_date(graph):
    only_denials = analysis.actor_network(graph, predicates=["DENIES"])
    assert list(only_denials.edges) == [("country:RUS", "country:PRK")]
    november = analysis.actor_network(graph, since=date(2024, 11, 1))
    assert sorted(november.edges) == [("org:nato", "country:RUS"), ("person:vladimir-putin", "org:nato")]
    october = analysis.actor_network(graph, until=date(2024, 10, 24))
    assert {u for u, _ in october.edges} == {"person:lloyd-austin", "country:RUS", "person:volodymyr-zelensky"}


def test_centrality_ranks_the_actors_others_talk_about_first(graph):
    rows = analysis.centrality(graph, top=3)
    assert len(rows) == 3
    # North Korea is addressed by Russia, itself the most addressed actor: PageRank puts it first.
    assert [r["key"] for r in rows[:2]] == ["country:PRK", "country:RUS"]
    assert rows[0]["pagerank"] > rows[1]["pagerank"] > rows[2]["pagerank"]
    russia = rows[1]
    assert (russia["in_degree"], russia["out_degree"], russia["degree"]) == (4, 2, 0.8)
    assert len(analysis.centrality(graph, top=None)) == 6


def test_communities_separate_two_unconnected_groups(tmp_path):
    usa = Entity("country:USA", "United States", "Country", (), "USA")
    deu = Entity("country:DEU", "Germany", "Country", (), "DEU")
    art = Article.create("Zwei getrennte Gruppen.", id="x-1", published="2024-01-01")
    ex = extraction(
        art,
        [
            triple(PUTIN, "MEETS", PRK_DE, "x-1", 0, "a"),
            triple(PRK_DE, "SUPPORTS", RUS_DE, "x-1", 1, "b"),
            triple(PUTIN, "AFFILIATED_WITH", RUS_DE, "x-1", 2, "c"),
            triple(usa, "MEETS", deu, "x-1", 3, "d"),
        ],
        [PUTIN, PRK_DE, RUS_DE, usa, deu],
    )
    with LocalStore(tmp_path / "s") as store:
        store.write([ex])
        found = analysis.communities(store.to_networkx())
    assert found == [["country:PRK", "country:RUS", "person:vladimir-putin"], ["country:DEU", "country:USA"]]


def test_ego_network_by_key_name_or_alias(graph):
    by_alias = analysis.ego_network(graph, "Selenskij")
    assert sorted(by_alias) == ["country:RUS", "person:volodymyr-zelensky"]
    assert sorted(analysis.ego_network(graph, "NATO")) == ["country:RUS", "org:nato", "person:vladimir-putin"]
    wider = analysis.ego_network(graph, "person:volodymyr-zelensky", radius=2)
    assert "org:nato" in wider and "country:PRK" in wider
    with pytest.raises(KeyError):
        analysis.ego_network(graph, "Atlantis")


def test_find_actor_prefers_key_then_name_then_alias(graph):
    assert analysis.find_actor(graph, "country:RUS") == "country:RUS"
    assert analysis.find_actor(graph, "north korea") == "country:PRK"
    assert analysis.find_actor(graph, "Moskau") == "country:RUS"
    assert analysis.find_actor(graph, "concept:nothing") is None


@pytest.mark.neo4j
def test_projection_from_neo4j_filters_predicates_and_dates(neo4j_db):
    Neo4jStore(neo4j_db).write(corpus())
    G = neo4j_to_networkx(neo4j_db, predicates=["THREATENS", "NOT_A_PREDICATE"])
    triples = [(u, v, d["predicate"]) for u, v, d in G.edges(data=True) if d["predicate"] not in GRAPH_RELATIONSHIPS]
    assert triples == [("person:vladimir-putin", "org:nato", "THREATENS")]
    late = neo4j_to_networkx(neo4j_db, since=date(2024, 10, 25), until=date(2024, 10, 25))
    assert {d["article_id"] for _, _, d in late.edges(data=True) if "article_id" in d} == {"en-01"}
    assert late.number_of_nodes() == 10  # all nodes are kept; only relations are filtered
