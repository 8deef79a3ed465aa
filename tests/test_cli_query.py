"""``kg query``: the analyst's menu, typed parameters, clear usage errors and three output formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import list_queries
from tests.gold_corpus import query_corpus_env

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def env(neo4j_driver, neo4j_settings):
    """Environment pointing ``kg`` at the test server, which holds the query corpus."""
    return query_corpus_env(neo4j_driver, neo4j_settings)


def kg(env, *args):
    return CliRunner().invoke(cli, ["query", *args], env=env, catch_exceptions=False)


def test_list_is_a_menu_of_every_query_with_parameters_and_examples():
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    for q in list_queries():
        assert f"{q.name}\n    {q.description}" in result.output
        assert f"e.g. {q.example}" in result.output
    assert "-p actor=<string>" in result.output and "[required]" in result.output
    assert "-p since=<date>" in result.output and "[optional]" in result.output
    assert "-p limit=<int>" in result.output and "[default 100]" in result.output


def test_no_name_prints_the_menu_and_is_a_usage_error():
    result = CliRunner().invoke(cli, ["query"])
    assert result.exit_code == 2
    assert "who_said_what" in result.output


def test_unknown_query_lists_the_available_ones():
    result = CliRunner().invoke(cli, ["query", "who_said_it"])
    assert result.exit_code == 2
    assert "no query named 'who_said_it' (did you mean who_said_what?); available: actor_network" in result.output


def test_missing_and_badly_typed_parameters_are_usage_errors_that_name_the_expected_ones():
    result = CliRunner().invoke(cli, ["query", "shortest_path", "-p", "source=Lloyd Austin"])
    assert result.exit_code == 2
    assert "needs target; expected: source (string, required), target (string, required)" in result.output
    result = CliRunner().invoke(cli, ["query", "timeline", "-p", "actor=Russia", "-p", "since=yesterday"])
    assert result.exit_code == 2 and "'yesterday' is not a date (YYYY-MM-DD)" in result.output
    result = CliRunner().invoke(cli, ["query", "timeline", "-p", "actor"])
    assert result.exit_code == 2 and "is not KEY=VALUE" in result.output


def test_table_output_reads_as_columns(env):
    result = kg(env, "statements_by", "-p", "actor=Lloyd Austin")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["speaker", "predicate", "polarity"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 3 and all(line.startswith("Lloyd Austin") for line in lines[2:])
    assert "(3 rows)" in result.stderr


def test_json_output_has_typed_values_and_iso_dates(env):
    result = kg(env, "who_said_what", "-p", "actor=Nordkorea", "-p", "since=2024-10-01", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    austin = [r for r in rows if r["speaker"] == "Lloyd Austin" and "nordkoreanischer" in r["evidence"]]
    assert len(austin) == 1
    assert austin[0]["published"] == "2024-10-23" and austin[0]["hedged"] is False


def test_csv_output_joins_lists_and_keeps_every_column(env):
    result = kg(env, "shortest_path", "-p", "source=Lloyd Austin", "-p", "target=Putin", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and set(rows[0]) == {"hops", "path", "keys", "relations", "evidence", "variants"}
    assert rows[0]["relations"] == "STATES; INVOLVES; AFFILIATED_WITH" and rows[0]["hops"] == "3"


def test_list_values_and_vocabulary_tokens_from_the_command_line(env):
    result = kg(env, "country_relations", "-p", "country_a=RUS", "-p", "country_b=PRK", "-p", "predicates=@event")
    assert result.exit_code == 0, result.output
    assert "SUPPORTS" in result.stdout and "DENIES" not in result.stdout
    result = kg(env, "top_mentioned", "-p", "types=Person,Organization", "--format", "json")
    assert {r["type"] for r in json.loads(result.stdout)} == {"Person", "Organization"}


def test_cypher_flag_prints_the_query_without_running_it():
    result = CliRunner().invoke(cli, ["query", "denials", "--cypher"], env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 0
    assert "$actor" in result.output and "//" not in result.output.splitlines()[0]


def test_unreachable_neo4j_is_an_environment_error_without_credentials(neo4j_settings):
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "s3cret-not-shown"}
    result = CliRunner().invoke(cli, ["query", "entity_search", "-p", "text=korea"], env=env)
    assert result.exit_code == 3
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in result.output
    assert "s3cret-not-shown" not in result.output
