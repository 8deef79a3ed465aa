"""The test suite and the bench never delete a user's graph (issue 13, item 0).

A throwaway server stands in for the user's: it holds nodes kg's tests did not create. ``scripts/test`` and
plain pytest must leave them alone whether the server is named in ``NEO4J_URI`` (the user's variable) or in
``KG_TEST_NEO4J_URI`` (a server for tests, but not one the suite has claimed); only ``KG_TEST_NEO4J_WIPE=1``
lets the suite empty it. ``bench/run.py`` refuses a database that holds data unless ``--wipe``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_faults import kg_env

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

#: One cheap test that wipes the database it is given (through the neo4j_db fixture).
WIPING_TEST = "tests/test_neo4j_server.py::test_database_is_empty_at_the_start_of_each_test"
USER_NODES = 7


def user_nodes(server) -> int:
    with server.driver() as driver:
        records, _, _ = driver.execute_query("MATCH (n:UserData) RETURN count(n) AS n")
    return records[0]["n"]


@pytest.fixture
def users_server(throwaway_neo4j):
    with throwaway_neo4j.driver() as driver:
        driver.execute_query("UNWIND range(1, $n) AS i CREATE (:UserData {i: i})", n=USER_NODES)
    return throwaway_neo4j


def run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_scripts_test_ignores_the_users_neo4j_uri_and_config(users_server, neo4j_settings, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'[neo4j]\nuri = "{users_server.uri}"\npassword = "kg-dev-password"\n')
    config.chmod(0o600)
    env = kg_env(
        NEO4J_URI=users_server.uri, NEO4J_PASSWORD="kg-dev-password", KG_CONFIG=str(config), KG_TEST_NEO4J_URI=None
    )
    result = run([str(ROOT / "scripts" / "test"), WIPING_TEST, "-q", "-p", "no:cacheprovider"], env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert user_nodes(users_server) == USER_NODES


def test_pytest_refuses_to_wipe_a_test_server_holding_foreign_nodes(users_server):
    env = kg_env(KG_TEST_NEO4J_URI=users_server.uri, KG_TEST_NEO4J_PASSWORD="kg-dev-password", KG_TEST_NEO4J_WIPE=None)
    result = run([sys.executable, "-m", "pytest", WIPING_TEST, "-q", "-p", "no:cacheprovider"], env)
    assert result.returncode != 0
    assert "refusing to wipe" in result.stdout and f"{USER_NODES} nodes" in result.stdout, result.stdout[-3000:]
    assert user_nodes(users_server) == USER_NODES

    # Told explicitly, it may; afterwards the database is the suite's own and later runs wipe it without asking.
    pytest_cmd = [sys.executable, "-m", "pytest", WIPING_TEST, "-q", "-p", "no:cacheprovider"]
    result = run(pytest_cmd, {**env, "KG_TEST_NEO4J_WIPE": "1"})
    assert result.returncode == 0, result.stdout[-3000:]
    assert user_nodes(users_server) == 0


def test_bench_refuses_a_database_that_holds_data(users_server, tmp_path):
    env = kg_env(NEO4J_URI=users_server.uri, NEO4J_PASSWORD="kg-dev-password", NEO4J_USER="neo4j")
    out = tmp_path / "bench.json"
    result = run([sys.executable, "bench/run.py", "--quick", "--only", "load", "--out", str(out)], env)
    assert result.returncode == 2, result.stderr[-3000:]
    assert "holds data" in result.stderr
    assert user_nodes(users_server) == USER_NODES and not out.exists()


def test_the_user_environment_is_gone_inside_the_suite():
    assert os.environ.get("KG_CONFIG", "").endswith("no-user-config.toml")
    assert not os.path.exists(os.environ["KG_CONFIG"])


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _servers_in(home) -> list[int]:
    """Pids of processes whose command line names ``home`` (a server left running there)."""
    pids = []
    for proc in os.listdir("/proc"):
        if proc.isdigit():
            try:
                cmdline = Path(f"/proc/{proc}/cmdline").read_bytes()
            except OSError:
                continue
            if str(home).encode() in cmdline:
                pids.append(int(proc))
    return pids


def test_scripts_test_stops_the_server_it_started(tmp_path):
    home = tmp_path / "neo4j-home"
    env = kg_env(KG_TEST_NEO4J_URI=None, KG_TEST_NEO4J_PORT=str(_free_port()), KG_TEST_NEO4J_HOME=str(home))
    try:
        result = run([str(ROOT / "scripts" / "test"), WIPING_TEST, "-q", "-p", "no:cacheprovider"], env)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert "neo4j: started" in result.stderr and "neo4j: stopped" in result.stderr, result.stderr[-3000:]
        assert _servers_in(home) == []
    finally:
        for pid in _servers_in(home):  # a leaked server must not outlive the test either
            os.kill(pid, 9)
