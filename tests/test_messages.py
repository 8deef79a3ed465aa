"""Messages instead of tracebacks (issue 13, item 12), through the CLI; Neo4j cases against a real server.

Closed standard input; a database that does not exist or is ``system``; a foreign database whose data breaks
kg's constraints; an integer parameter beyond 64 bits; a non-UTF-8 file among the user's queries (which must
not hide the others); standard output on a full device.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.test_faults import KG, kg_env, run_kg, synthetic_extractions, write_jsonl

GOOD = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border."


def no_traceback(result: subprocess.CompletedProcess) -> str:
    out = result.stdout + result.stderr if isinstance(result.stdout, str) else result.stderr
    assert "Traceback" not in out, out[-3000:]
    return out


@pytest.mark.parametrize("command", ["ingest", "load"])
def test_closed_standard_input_is_reported(command, tmp_path):
    cmd = [*KG, command, "--store", str(tmp_path / "s"), "-"]
    result = subprocess.run(
        cmd, env=kg_env(NEO4J_URI=None), capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.close(0)
    )
    no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert "kg: warning: <stdin>: standard input is closed; nothing read" in result.stderr


@pytest.mark.neo4j
def test_a_database_that_does_not_exist_is_named(neo4j_db, neo4j_settings, tmp_path):
    result = run_kg("stats", "--neo4j", env=kg_env(NEO4J_URI=neo4j_settings.uri, NEO4J_DATABASE="nope"))
    no_traceback(result)
    assert result.returncode == 3
    assert f"Neo4j at {neo4j_settings.uri} has no database 'nope' (NEO4J_DATABASE)" in result.stderr


@pytest.mark.parametrize("name", ["system", "SYSTEM"])
def test_the_system_database_is_refused(name, tmp_path):
    result = run_kg("stats", "--neo4j", env=kg_env(NEO4J_URI="bolt://127.0.0.1:1", NEO4J_DATABASE=name))
    no_traceback(result)
    assert result.returncode == 3 and "administration database" in result.stderr


@pytest.mark.neo4j
def test_a_foreign_database_with_duplicate_article_ids_is_explained(throwaway_neo4j, tmp_path):
    with throwaway_neo4j.driver() as driver:
        driver.execute_query("CREATE (:Article {id: 'x'}), (:Article {id: 'x'})")
    corpus = write_jsonl(synthetic_extractions(2), tmp_path / "c.jsonl")
    env = kg_env(NEO4J_URI=throwaway_neo4j.uri, NEO4J_PASSWORD="kg-dev-password")
    result = run_kg("load", "--neo4j", str(corpus), env=env)
    no_traceback(result)
    assert result.returncode == 3, result.stderr
    assert f"cannot create kg's schema in Neo4j at {throwaway_neo4j.uri}" in result.stderr
    assert "two :Article nodes with the same id" in result.stderr
    assert "written 0" in result.stderr  # the summary


def test_an_integer_parameter_beyond_64_bits_is_a_usage_error():
    result = run_kg("query", "denials", "-p", "actor=Russia", "-p", "limit=99999999999999999999", env=kg_env())
    no_traceback(result)
    assert result.returncode == 2
    assert "out of range" in result.stderr and "99999999999999999999" in result.stderr


def test_a_non_utf8_query_file_is_named_and_does_not_hide_the_others(tmp_path):
    (tmp_path / "broken_query.cypher").write_bytes(b"// Caf\xe9 query\nRETURN 1\n")
    env = kg_env(KG_CYPHER_DIR=str(tmp_path))
    listing = run_kg("query", "--list", env=env)
    no_traceback(listing)
    assert listing.returncode == 0, listing.stderr
    assert f"kg: warning: {tmp_path / 'broken_query.cypher'}: not UTF-8 text" in listing.stderr
    assert "denials" in listing.stdout
    ok = run_kg("query", "denials", "--cypher", env=env)
    assert ok.returncode == 0 and "MATCH" in ok.stdout, ok.stderr
    bad = run_kg("query", "broken_query", "--cypher", env=env)
    no_traceback(bad)
    assert bad.returncode == 2 and "not UTF-8" in bad.stderr


@pytest.mark.model
@pytest.mark.parametrize("command", ["export", "stats", "query --list", "extract", "--help"])
def test_standard_output_on_a_full_device_is_a_message(command, tmp_path, nlp_en):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(json.dumps({"id": "a", "lang": "en", "text": GOOD}) + "\n")
    args = {"export": ["export", "--store", str(tmp_path / "s")], "stats": ["stats", "--store", str(tmp_path / "s")],
            "extract": ["extract", str(corpus)]}.get(command, command.split())  # fmt: skip
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*KG, *args], env=kg_env(NEO4J_URI=None), stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert result.returncode == 3, result.stderr
    assert "kg: error: cannot write to standard output: No space left on device" in result.stderr
