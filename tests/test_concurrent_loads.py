"""Two loaders writing the same articles at once (issue 13, item 9), against a real Neo4j.

A uniqueness conflict between them is a race, not bad data: the batch is retried after the other
loader's articles are looked up again, so both runs end cleanly (exit 0, no traceback) and the graph
is the one a single run gives.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.test_faults import KG, kg_env, neo4j_dump, run_kg, synthetic_extractions, write_jsonl

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

TEXT = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border. "


def run_twice_at_once(args: list[str], env: dict[str, str]) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen([*KG, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=600), None, p.stderr.read()) for p in procs]


@pytest.mark.model
def test_two_concurrent_ingests_of_one_file_both_succeed(neo4j_db, neo4j_settings, nlp_en, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"c{i}", "lang": "en", "text": TEXT * (1 + i % 3)}) + "\n"
                              for i in range(60)))  # fmt: skip
    env = kg_env(NEO4J_URI=neo4j_settings.uri, KG_STORE=None)
    args = ["ingest", "--neo4j", "--batch-size", "1", str(corpus)]
    for result in run_twice_at_once(args, env):
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr and "ConstraintError" not in result.stderr
    together = neo4j_dump(neo4j_db, neo4j_settings.database)
    neo4j_db.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    assert run_kg(*args, env=env, cwd=tmp_path).returncode == 0
    assert neo4j_dump(neo4j_db, neo4j_settings.database) == together


def test_two_concurrent_loads_of_one_file_both_succeed(neo4j_db, neo4j_settings, tmp_path):
    corpus = write_jsonl(synthetic_extractions(300), tmp_path / "c.jsonl")
    env = kg_env(NEO4J_URI=neo4j_settings.uri, KG_STORE=None)
    args = ["load", "--neo4j", "--batch-size", "20", str(corpus)]
    for _ in range(2):
        neo4j_db.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
        for result in run_twice_at_once(args, env):
            assert result.returncode == 0, result.stderr[-3000:]
            assert "Traceback" not in result.stderr
    together = neo4j_dump(neo4j_db, neo4j_settings.database)
    neo4j_db.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    assert run_kg(*args, env=env, cwd=tmp_path).returncode == 0
    assert neo4j_dump(neo4j_db, neo4j_settings.database) == together
