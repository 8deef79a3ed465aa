"""The project's own Neo4j server: scripts/neo4j and real Bolt round trips."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import ROOT, own_server_env

SCRIPT = ROOT / "scripts" / "neo4j"


def run_script(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_bolt_write_then_read(neo4j_db, neo4j_settings):
    neo4j_db.execute_query("CREATE (:Probe {name: $name})", name="Pjöngjang \"'\\ ", database_=neo4j_settings.database)
    records, _, _ = neo4j_db.execute_query("MATCH (p:Probe) RETURN p.name AS name", database_=neo4j_settings.database)
    assert [r["name"] for r in records] == ["Pjöngjang \"'\\ "]


def test_database_is_empty_at_the_start_of_each_test(neo4j_db, neo4j_settings):
    records, _, _ = neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_settings.database)
    assert records[0]["n"] == 0


@pytest.mark.skipif(bool(os.environ.get("KG_TEST_NEO4J_URI")), reason="KG_TEST_NEO4J_URI: the server is not ours")
def test_second_start_says_it_is_running(neo4j_settings):
    result = run_script("start", env=own_server_env())
    assert result.returncode == 0
    assert "already running" in result.stderr
    assert result.stdout.strip() == neo4j_settings.uri
    status = run_script("status", env=own_server_env())
    assert status.returncode == 0 and "answering" in status.stdout


def test_taken_port_is_refused_clearly(tmp_path):
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        result = run_script("start", env={"NEO4J_PORT": str(port), "NEO4J_HOME": str(tmp_path)})
    assert result.returncode == 1
    assert f"port {port}" in result.stderr and "taken" in result.stderr


def test_stop_when_not_running_is_harmless(tmp_path):
    env = {"NEO4J_PORT": "1", "NEO4J_HOME": str(tmp_path)}
    for _ in range(2):
        result = run_script("stop", env=env)
        assert result.returncode == 0 and "not running" in result.stderr


def test_missing_java_is_named(tmp_path):
    result = run_script("start", env={"NEO4J_PORT": "1", "NEO4J_HOME": str(tmp_path), "JAVA_HOME": str(tmp_path)})
    assert result.returncode == 1 and "JAVA_HOME" in result.stderr and "bin/java" in result.stderr
