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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _script_module():
    """scripts/neo4j as a module, for its pure functions."""
    import importlib.machinery
    import importlib.util

    loader = importlib.machinery.SourceFileLoader("kg_scripts_neo4j", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, 7474),  # the user's server on the default Bolt port: the Browser on the usual port
        ({"NEO4J_PORT": "7688"}, None),  # a test or bench server: no HTTP, so none of them races for 7474
        ({"NEO4J_PORT": "7688", "NEO4J_HTTP_PORT": "7999"}, 7999),
        ({"NEO4J_PORT": "7688", "NEO4J_HTTP": "on"}, 7474),
        ({"NEO4J_HTTP": "off"}, None),
        ({"NEO4J_HTTP_PORT": "7475", "NEO4J_HTTP": "off"}, None),
    ],
)
def test_http_port_rule(monkeypatch, env, expected):
    for name in ("NEO4J_PORT", "NEO4J_HTTP_PORT", "NEO4J_HTTP"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    module = _script_module()
    assert module.http_port() == expected
    conf = module.http_config(expected)
    if expected is None:
        assert "server.http.enabled=false" in conf
    else:
        assert f"server.http.listen_address=127.0.0.1:{expected}" in conf and "server.http.enabled=true" in conf


def test_taken_http_port_is_refused_clearly(tmp_path):
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        env = {"NEO4J_PORT": str(_free_port()), "NEO4J_HTTP_PORT": str(taken), "NEO4J_HOME": str(tmp_path)}
        result = run_script("start", env=env)
    assert result.returncode == 1
    assert f"HTTP port {taken}" in result.stderr and "NEO4J_HTTP=off" in result.stderr


@pytest.mark.slow
def test_browser_is_served_with_kgs_style_and_guide(tmp_path):
    """A server of its own (free ports, temporary home) serves Neo4j Browser, kg's style sheet and guide."""
    import urllib.request

    bolt, http = _free_port(), _free_port()
    env = {"NEO4J_PORT": str(bolt), "NEO4J_HTTP_PORT": str(http), "NEO4J_HOME": str(tmp_path / "home")}
    started = run_script("start", env=env)
    try:
        assert started.returncode == 0, started.stderr
        assert started.stdout.strip() == f"bolt://127.0.0.1:{bolt}"  # stdout stays the bare URI
        assert f"Neo4j Browser: http://127.0.0.1:{http}/browser/" in started.stderr
        assert f"export NEO4J_URI=bolt://127.0.0.1:{bolt}" in started.stderr

        def get(path: str) -> tuple[int, str]:
            with urllib.request.urlopen(f"http://127.0.0.1:{http}{path}", timeout=10) as response:
                return response.status, response.read().decode("utf-8", "replace")

        status, page = get("/browser/")
        assert status == 200 and "<title>Neo4j Browser</title>" in page
        status, grass = get("/browser/kg/kg.grass")
        assert status == 200
        assert 'node.Entity {\n  caption: "{name}";' in grass and "node.Concept {" in grass and '"{text}"' in grass
        status, guide = get("/browser/kg/kg-guide.html")
        assert status == 200 and "<title>kg: named queries</title>" in guide
        # The Browser is told to fetch both from this server on connect.
        conf = (tmp_path / "home" / "conf" / "neo4j.conf").read_text()
        assert f"browser.post_connect_cmd=style http://127.0.0.1:{http}/browser/kg/kg.grass;" in conf
        assert "server.http_enabled_modules=BROWSER" in conf
        assert f"server.http.listen_address=127.0.0.1:{http}" in conf  # loopback only
    finally:
        run_script("stop", env=env)
