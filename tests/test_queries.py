"""The named query library: headers are contracts, values are typed, and every query answers its question.

The graph is the query corpus (tests/fixtures/query_corpus.jsonl) converted from its gold
annotations and written by the real loader into the real Neo4j, so every expected row below is
known exactly and independent of model quality.
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import pytest

from kg.gold.graph import gold_extraction, read_gold_records
from kg.queries import (
    HeaderError,
    ParameterError,
    UnknownQueryError,
    convert,
    get_query,
    list_queries,
    parse,
    query_df,
    run_query,
)
from kg.queries.header import _BODY_PARAM_RE
from tests.gold_corpus import GOLD_SET, QUERY_CORPUS, load_query_corpus

pytestmark = pytest.mark.neo4j

REQUIRED_QUERIES = {
    "who_said_what",
    "denials",
    "contradictions",
    "actor_network",
    "timeline",
    "top_mentioned",
    "country_officials_said",
    "shortest_path",
    "articles_together",
    "actor_profile",
    "hedged_claims",
    "country_relations",
}


@pytest.fixture(scope="module")
def db(neo4j_driver, neo4j_settings):
    """The query corpus, loaded once for this module (the tests only read)."""
    stats = load_query_corpus(neo4j_driver, neo4j_settings.database)
    assert stats.articles_written == 4
    return neo4j_driver


def run(db, name, database=None, **params):
    return run_query(name, params, db, database)


def example_params(query) -> dict[str, str]:
    """The ``-p key=value`` pairs of a query's header example, as the CLI would receive them."""
    words = shlex.split(query.example)
    return dict(words[i + 1].split("=", 1) for i, w in enumerate(words) if w == "-p")


# -- headers -----------------------------------------------------------------------------------------------


def test_the_library_has_every_required_query_and_not_the_schema():
    names = {q.name for q in list_queries()}
    assert names >= REQUIRED_QUERIES
    assert len(names) >= 12
    assert "schema" not in names


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_header_parses_and_declares_exactly_the_parameters_the_body_uses(query):
    assert query.description and len(query.description) < 140, "a one-line description for the menu"
    assert query.answers
    assert query.example.startswith(f"kg query {query.name}")
    used = set(_BODY_PARAM_RE.findall(query.cypher))
    assert used == {p.name for p in query.parameters}
    for p in query.parameters:
        assert p.doc, f"{query.name}: parameter {p.name} is undocumented"
    assert set(example_params(query)) <= {p.name for p in query.parameters}


def test_parser_rejects_undeclared_unused_and_untyped_parameters():
    head = "// Desc.\n//\n// Answers: something.\n//\n// Parameters:\n"
    tail = "//\n// Example: kg query q\n"
    with pytest.raises(HeaderError, match="undeclared parameters used: b"):
        parse(head + "//   a: int = 1 - a\n" + tail + "RETURN $a, $b", "q")
    with pytest.raises(HeaderError, match="never used: a"):
        parse(head + "//   a: int = 1 - a\n" + tail + "RETURN 1", "q")
    with pytest.raises(HeaderError, match="unknown type 'integer'"):
        parse(head + "//   a: integer = 1 - a\n" + tail + "RETURN $a", "q")
    with pytest.raises(HeaderError, match="Example"):
        parse("// Desc.\n//\n// Answers: x.\nRETURN 1", "q")
    # A dollar sign inside a string literal is text, not a parameter.
    q = parse(head + "//   a: int = 1 - a\n" + tail + "RETURN $a, '$notaparam' AS s", "q")
    assert [p.name for p in q.parameters] == ["a"]


# -- typing ------------------------------------------------------------------------------------------------


def test_cli_strings_are_typed_from_the_header():
    q = get_query("hedged_claims")
    bound = q.bind({"actor": "North Korea", "hedged": "true", "since": "2024-10-01", "limit": "5"})
    assert bound["hedged"] is True and bound["since"] == date(2024, 10, 1) and bound["limit"] == 5
    assert bound["until"] is None  # default null: no filter
    assert {"STATES", "DENIES", "MEETS", "SUPPORTS"} <= set(bound["predicates"])  # @speech,@event
    assert "AFFILIATED_WITH" not in bound["predicates"]
    assert convert("list", "STATES, DENIES,,") == ["STATES", "DENIES"]
    assert convert("list", ["@speech"]) == convert("list", "@speech")
    assert convert("float", "0.5") == 0.5 and convert("bool", "no") is False


def test_missing_unknown_and_badly_typed_values_name_the_expected_parameters():
    q = get_query("who_said_what")
    with pytest.raises(ParameterError, match=r"needs actor; expected: actor \(string, required\)"):
        q.bind({})
    with pytest.raises(ParameterError, match="has no parameter colour"):
        q.bind({"actor": "x", "colour": "red"})
    with pytest.raises(ParameterError, match="not a date"):
        q.bind({"actor": "x", "since": "24.10.2024"})
    with pytest.raises(ParameterError, match="not an integer"):
        q.bind({"actor": "x", "limit": "ten"})
    with pytest.raises(UnknownQueryError, match=r"did you mean who_said_what\?\); available: actor_network"):
        get_query("who_said_it")


# -- the converter from gold annotations ---------------------------------------------------------------------


def test_gold_annotations_become_extractions_with_evidence_sentences_and_concept_mentions():
    record = read_gold_records(QUERY_CORPUS)[1]  # q-en-1
    ex = gold_extraction(record)
    by_pred = {(t.subject.key, t.predicate): t for t in ex.triples}
    denial = by_pred[("country:PRK", "DENIES")]
    assert denial.provenance.text == "Pyongyang denied sending any soldiers to Russia."
    assert record["text"][denial.provenance.start : denial.provenance.end] == denial.provenance.text
    # No "mentions" in the annotation: inferred from names and aliases in the concept's text.
    assert denial.object.mentions == ("country:RUS",)
    assert by_pred[("person:mark-rutte", "STATES")].object.mentions == ("country:PRK", "country:RUS")
    assert denial.plover == "REJECT"  # from the predicate vocabulary
    # Putin has country RUS and Russia is in the article: the resolver's affiliation is added.
    affiliation = by_pred[("person:vladimir-putin", "AFFILIATED_WITH")]
    assert affiliation.object.key == "country:RUS"
    # Rutte's affiliation is annotated (NATO), so none is invented.
    assert by_pred[("person:mark-rutte", "AFFILIATED_WITH")].object.key == "org:nato"
    assert dict(ex.mentions)["country:PRK"] == 3  # "North Korean troops", "Pyongyang", "with North Korea"


def test_concept_mentions_are_inferred_from_the_language_data():
    record = {
        "id": "t-1",
        "lang": "de",
        "text": "Der Kreml bestritt Berichte über nordkoreanische Soldaten in Russland. Mehr nicht.",
        "gold": {
            "entities": [
                {"key": "country:RUS", "name": "Russia", "type": "Country", "country": "RUS"},
                {"key": "country:PRK", "name": "North Korea", "type": "Country", "country": "PRK"},
            ],
            "triples": [
                {"subject": "country:RUS", "predicate": "DENIES", "sentence": 0,
                 "object": {"text": "Berichte über nordkoreanische Soldaten in Russland"}},
            ],
        },
    }  # fmt: skip
    (denial,) = gold_extraction(record).triples
    # "nordkoreanische" from the demonym stem, "Russland" from the German country names.
    assert set(denial.object.mentions) == {"country:PRK", "country:RUS"}
    assert denial.provenance.text == "Der Kreml bestritt Berichte über nordkoreanische Soldaten in Russland."


# -- every query on the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_header_example_finds_something_on_the_corpus(db, neo4j_settings, query):
    rows = run_query(query.name, example_params(query), db, neo4j_settings.database)
    assert rows, f"the documented example of {query.name} returned nothing"


def test_who_said_what_about_north_korea_gives_speakers_evidence_and_articles(db):
    rows = run(db, "who_said_what", actor="North Korea")
    austin = [r for r in rows if r["speaker_key"] == "person:lloyd-austin" and r["predicate"] == "STATES"]
    assert len(austin) == 3  # two in q-de-1 (one via the concept's "nordkoreanischer"), one in q-en-2
    first = next(r for r in austin if r["article_id"] == "q-de-1" and r["sentence"] == 0)
    assert "nordkoreanischer" in first["evidence"]
    assert first["title"] == "Austin bestätigt nordkoreanische Soldaten in Russland"
    assert first["published"] == date(2024, 10, 23)
    assert {"Russia", "Mark Rutte", "Annalena Baerbock", "Vladimir Putin"} <= {r["speaker"] for r in rows}
    assert all(r["predicate"] in {"STATES", "DENIES", "ACCUSES", "CRITICIZES", "WARNS"} for r in rows)
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)


def test_actor_is_matched_by_key_name_or_alias_case_insensitively(db):
    expected = run(db, "who_said_what", actor="North Korea")
    for spelling in ("country:prk", "NORTH KOREA", "nordkorea", "Pyongyang"):
        assert run(db, "who_said_what", actor=spelling) == expected
    assert run(db, "who_said_what", actor="Nord") == []


def test_filters_by_date_and_predicate(db):
    october = run(db, "who_said_what", actor="North Korea", since=date(2024, 10, 1), until="2024-10-31")
    assert october and all(date(2024, 10, 1) <= r["published"] <= date(2024, 10, 31) for r in october)
    denials = run(db, "who_said_what", actor="North Korea", predicates="DENIES")
    assert [(r["speaker"], r["about"]) for r in denials] == [("Russia", "North Korea")]


def test_a_parameter_value_is_data_never_cypher(db):
    hostile = "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"
    assert run(db, "who_said_what", actor=hostile) == []
    assert run(db, "entity_search", text="korea")  # the graph is intact


def test_statements_by_lists_what_the_speaker_said_with_involved_entities(db):
    rows = run(db, "statements_by", actor="Lloyd Austin")
    assert len(rows) == 3 and {r["predicate"] for r in rows} == {"STATES"}
    hedged = [r for r in rows if r["hedged"]]
    assert [r["about"] for r in hedged] == ["Einsatz der Soldaten an der Front"]
    assert set(next(r for r in rows if r["sentence"] == 0)["involves"]) == {"North Korea", "Russia"}


def test_denials_show_who_denied_and_the_role_of_the_actor(db):
    rows = run(db, "denials", actor="North Korea")
    assert {(r["denier"], r["role"], r["denied"]) for r in rows} == {
        ("Russia", "object", "North Korea"),
        ("North Korea", "denier", "sending any soldiers to Russia"),
    }
    russia = {(r["denier"], r["role"]) for r in run(db, "denials", actor="Russia")}
    assert russia == {("Russia", "denier"), ("North Korea", "in claim")}


def test_contradictions_pair_an_assertion_with_a_denial_about_the_same_entities(db):
    rows = run(db, "contradictions", actor="North Korea")
    pairs = {(r["asserter"], r["denier"], tuple(r["shared_entities"])) for r in rows}
    assert ("Lloyd Austin", "Russia", ("North Korea",)) in pairs  # q-de-1 sentence 0 vs sentence 3
    assert ("Mark Rutte", "North Korea", ("Russia",)) in pairs
    assert any(
        "nordkoreanischer" in r["assertion_evidence"] and "bestritt" in r["denial_evidence"]
        for r in rows
        if (r["asserter"], r["denier"]) == ("Lloyd Austin", "Russia")
    )
    # Putin is affiliated with Russia: his statement and Russia's denial are one side, not a contradiction.
    assert not any(r["asserter"] == "Vladimir Putin" and r["denier"] == "Russia" for r in rows)
    # The hedged statement is still an assertion; only positive assertions count.
    assert all(r["assertion"] in {"STATES", "REPORTS", "QUOTES", "ACCUSES", "SUSPECTS"} for r in rows)


def test_actor_network_weights_edges_by_evidence_and_follows_concepts(db):
    rows = run(db, "actor_network")
    edges = {(r["source_key"], r["predicate"], r["target_key"]): r for r in rows}
    austin_prk = edges[("person:lloyd-austin", "STATES", "country:PRK")]
    assert (austin_prk["weight"], austin_prk["articles"], austin_prk["via"]) == (3, 2, ["concept"])
    assert edges[("country:RUS", "DENIES", "country:PRK")]["via"] == ["direct"]
    assert not any(r["predicate"] == "AFFILIATED_WITH" for r in rows)  # structural, not an interaction
    assert [r["weight"] for r in rows] == sorted((r["weight"] for r in rows), reverse=True)
    heavy = run(db, "actor_network", min_weight=2)
    assert {(r["source"], r["target"]) for r in heavy} == {("Lloyd Austin", "North Korea"), ("Lloyd Austin", "Russia")}
    november = run(db, "actor_network", since="2024-11-01")
    assert ("person:lloyd-austin", "MEETS", "person:kim-yong-hyun") in {
        (r["source_key"], r["predicate"], r["target_key"]) for r in november
    }
    assert not any(r["source"] == "Mark Rutte" for r in november)


def test_timeline_is_in_date_order_with_roles(db):
    rows = run(db, "timeline", actor="Russia")
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    assert rows[0]["published"] == date(2024, 10, 23) and rows[0]["subject"] == "Lloyd Austin"
    roles = {(r["subject"], r["predicate"], r["role"]) for r in rows}
    assert ("Russia", "DENIES", "by") in roles
    assert ("North Korea", "SUPPORTS", "about") in roles
    assert ("North Korea", "DENIES", "in claim") in roles


def test_top_mentioned_ranks_by_mentions_in_the_period(db):
    rows = run(db, "top_mentioned")
    assert [r["key"] for r in rows[:2]] == ["country:PRK", "country:RUS"]
    assert rows[0]["articles"] == 4
    people = run(db, "top_mentioned", types="Person", since="2024-11-01")
    assert {r["name"] for r in people} == {"Annalena Baerbock", "Yoon Suk Yeol", "Lloyd Austin", "Kim Yong-hyun"}
    assert all(r["type"] == "Person" for r in people)


def test_country_officials_said_finds_people_by_country_or_affiliation(db):
    usa = run(db, "country_officials_said", country="USA")
    assert {r["official"] for r in usa} == {"Lloyd Austin"} and len(usa) == 3
    russia = run(db, "country_officials_said", country="Russia")
    assert [(r["official"], r["predicate"]) for r in russia] == [("Vladimir Putin", "STATES")]
    assert "sovereign matter" in russia[0]["about"]
    # The country itself is not one of its officials.
    assert not any(r["official"] == "Russia" for r in russia)


def test_shortest_path_from_austin_to_putin_goes_through_russia(db):
    rows = run(db, "shortest_path", source="Lloyd Austin", target="Vladimir Putin")
    assert rows and all(r["hops"] == 3 for r in rows)
    for r in rows:
        assert r["keys"][0] == "person:lloyd-austin" and r["keys"][-1] == "person:vladimir-putin"
        assert r["keys"][2] == "country:RUS"
        assert r["relations"] == ["STATES", "INVOLVES", "AFFILIATED_WITH"]
    assert len({r["path"] for r in rows}) == len(rows)  # parallel evidence reported once
    assert run(db, "shortest_path", source="Lloyd Austin", target="Vladimir Putin", max_hops=2) == []


def test_articles_together_lists_shared_articles_and_their_links(db):
    rows = run(db, "articles_together", actor="North Korea", other="Russia")
    assert {r["article_id"] for r in rows} == {"q-de-1", "q-en-1", "q-de-2", "q-en-2"}
    # Relations between the two only: Austin's statement about both is not a link between them.
    links = {r["article_id"]: r["relations"] for r in rows}
    assert links == {"q-de-1": ["DENIES"], "q-en-1": ["DENIES"], "q-de-2": ["SUPPORTS"], "q-en-2": ["SUPPORTS"]}
    pair = run(db, "articles_together", actor="Lloyd Austin", other="Kim Yong-hyun")
    assert [(r["article_id"], r["relations"]) for r in pair] == [("q-en-2", ["MEETS"])]


def test_actor_profile_summarises_names_affiliations_and_predicates(db):
    (putin,) = run(db, "actor_profile", actor="Wladimir Putin")
    assert putin["key"] == "person:vladimir-putin" and putin["role"] == "president" and putin["country"] == "RUS"
    assert "Putin" in putin["aliases"]
    assert putin["affiliations"] == ["Russia"]
    assert putin["articles"] == 2 and putin["first_seen"] == date(2024, 10, 23)
    assert putin["does"] == ["STATES: 1"]
    (russia,) = run(db, "actor_profile", actor="Russia")
    assert russia["members"] == ["Vladimir Putin"]
    assert "DENIES: 1" in russia["does"] and "SUPPORTS: 1" in russia["does"]


def test_hedged_claims_separate_hedged_from_firm_statements(db):
    hedged = run(db, "hedged_claims", actor="North Korea", hedged=True)
    assert {(r["subject"], r["predicate"]) for r in hedged} == {("Russia", "SUPPORTS"), ("Lloyd Austin", "STATES")}
    assert all(r["hedged"] for r in hedged)
    firm = run(db, "hedged_claims", actor="North Korea", hedged=False)
    assert firm and not any(r["hedged"] for r in firm)
    both = run(db, "hedged_claims", actor="North Korea")
    assert len(both) == len(hedged) + len(firm)
    assert both[: len(hedged)] == hedged  # hedged claims come first
    reported = next(r for r in firm if r["subject"] == "North Korea" and r["predicate"] == "SUPPORTS")
    assert reported["reported_by"] == "Annalena Baerbock"


def test_country_relations_by_predicate_and_event_codes_in_both_directions(db):
    rows = run(db, "country_relations", country_a="RUS", country_b="North Korea")
    got = {(r["from_country"], r["to_country"], r["predicate"], r["cameo"], r["plover"]) for r in rows}
    assert ("Russia", "North Korea", "DENIES", "016", "REJECT") in got
    assert ("Russia", "North Korea", "SUPPORTS", "050", "SUPPORT") in got
    assert ("North Korea", "Russia", "SUPPORTS", "050", "SUPPORT") in got
    assert ("North Korea", "Russia", "DENIES", "016", "REJECT") in got  # via the concept "... to Russia"
    assert ("Russia", "North Korea", "STATES", "010", None) in got  # Putin, a Russian official
    only_events = run(db, "country_relations", country_a="RUS", country_b="PRK", predicates="@event")
    assert {r["predicate"] for r in only_events} == {"SUPPORTS"}


def test_entity_search_finds_keys_by_partial_names(db):
    rows = run(db, "entity_search", text="korea")
    assert [r["key"] for r in rows] == ["country:PRK", "country:KOR"]  # most covered first
    assert run(db, "entity_search", text="korea", type="Person") == []


def test_query_df_keeps_columns_when_nothing_matches(db):
    df = query_df("who_said_what", {"actor": "nobody"}, db)
    assert df.empty and "evidence" in df.columns
    df = query_df("top_mentioned", {"limit": 3}, db)
    assert list(df["key"][:2]) == ["country:PRK", "country:RUS"]


@pytest.fixture
def gold_db(db, neo4j_settings):
    """The extractor's gold set alone in the database; the query corpus is restored afterwards."""
    stats = load_query_corpus(db, neo4j_settings.database, GOLD_SET)
    assert stats.articles_written == len(read_gold_records(GOLD_SET))
    yield db
    load_query_corpus(db, neo4j_settings.database)


def test_on_the_gold_set_the_queries_answer_the_seed_story(gold_db):
    """The extractor's gold set (other texts, other authors) gives the same kind of answers."""
    said = run(gold_db, "who_said_what", actor="North Korea")
    austin = [r for r in said if r["speaker"] == "Lloyd Austin" and r["predicate"] == "STATES"]
    assert austin and "North Korean troops are in Russia" in austin[0]["evidence"]
    # A German concept involves North Korea through the demonym "nordkoreanischer" (language data).
    assert any(r["speaker"] == "Russia" and "nordkoreanischer" in r["evidence"] for r in said)
    contra = run(gold_db, "contradictions", actor="North Korea")
    assert ("Lloyd Austin", "Russia") in {(r["asserter"], r["denier"]) for r in contra}
    (path, *_) = run(gold_db, "shortest_path", source="Lloyd Austin", target="Vladimir Putin")
    assert path["hops"] == 3 and path["keys"][2] == "country:RUS"
    relations = {
        (r["from_country"], r["predicate"]) for r in run(gold_db, "country_relations", country_a="RUS", country_b="PRK")
    }
    assert {("Russia", "AIDS"), ("North Korea", "DEPLOYS")} <= relations


def test_an_analysts_own_directory_adds_and_overrides_queries(tmp_path, monkeypatch):
    (tmp_path / "my_counts.cypher").write_text(
        "// Count articles.\n//\n// Answers: how many articles.\n//\n// Parameters:\n"
        "//   lang: string = null - only this language\n//\n// Example: kg query my_counts\n"
        "MATCH (a:Article) WHERE $lang IS NULL OR a.lang = $lang RETURN count(a) AS n\n",
        encoding="utf-8",
    )
    (tmp_path / "denials.cypher").write_text(
        "// My denials.\n//\n// Answers: mine.\n//\n// Example: kg query denials\nRETURN 1 AS one\n", encoding="utf-8"
    )
    monkeypatch.setenv("KG_CYPHER_DIR", str(tmp_path))
    names = [q.name for q in list_queries()]
    assert "my_counts" in names and names == sorted(names)
    assert get_query("denials").description == "My denials."
    assert get_query("my_counts").bind({"lang": "de"}) == {"lang": "de"}


def test_the_package_ships_the_library_through_kg_cypher():
    """Installed copies read ``kg/cypher``: it must resolve to the repository's ``cypher/``."""
    import kg

    packaged = Path(kg.__file__).resolve().parent / "cypher"
    assert packaged.resolve() == (Path(__file__).resolve().parents[1] / "cypher").resolve()
    assert {p.stem for p in packaged.glob("*.cypher")} >= REQUIRED_QUERIES
