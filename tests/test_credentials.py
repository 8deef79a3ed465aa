"""Credentials through the CLI (issue 13, items 3, 4, 13): redacted whatever the password holds, a
private config file also when the password sits in its URI, authentication failures named as such,
and no silent development password outside the loopback server."""

from __future__ import annotations

import pytest

from tests.test_faults import ThrowawayNeo4j, free_port, kg_env, run_kg

#: A real password with every character a URL parser splits at.
ODD_PASSWORD = "Sec#ret/12?x@y"


@pytest.fixture(scope="module")
def odd_server(tmp_path_factory):
    """A throwaway server whose password is :data:`ODD_PASSWORD`."""
    server = ThrowawayNeo4j(tmp_path_factory.mktemp("neo4j-odd-password"))
    server.env["NEO4J_PASSWORD"] = ODD_PASSWORD
    server.start()
    try:
        yield server
    finally:
        server.stop()


def stats(tmp_path, **env: str | None):
    base = {"NEO4J_USER": None, "NEO4J_PASSWORD": None, "KG_CONFIG": str(tmp_path / "none.toml")}
    return run_kg("stats", "--neo4j", env=kg_env(**{**base, **env}), cwd=tmp_path, timeout=120)


@pytest.mark.parametrize("password", ["Sec#ret12345", "Sec/ret12345", "Sec?ret12345", "S#c/r?t@12345"])
def test_a_password_in_neo4j_uri_is_never_printed_whatever_it_holds(tmp_path, password):
    port = free_port()
    result = stats(tmp_path, NEO4J_URI=f"bolt://neo4j:{password}@127.0.0.1:{port}", KG_NEO4J_CONNECT_TIMEOUT="3")
    out = result.stdout + result.stderr
    assert result.returncode == 3, out
    assert f"cannot reach Neo4j at bolt://127.0.0.1:{port}: " in out  # the URI, credentials cut off
    for part in {password, password[3:], password.split("#")[-1], password.split("/")[-1], password.split("?")[-1]}:
        assert part not in out, out
    assert "Traceback" not in out


@pytest.mark.neo4j
def test_a_password_with_url_delimiters_in_neo4j_uri_authenticates(odd_server, tmp_path):
    result = stats(tmp_path, NEO4J_URI=f"bolt://neo4j:{ODD_PASSWORD}@127.0.0.1:{odd_server.port}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nodes")
    assert ODD_PASSWORD not in result.stdout + result.stderr


@pytest.mark.neo4j
def test_a_wrong_password_says_authentication_failed_for_which_user_where(odd_server, tmp_path):
    result = stats(tmp_path, NEO4J_URI=odd_server.uri, NEO4J_PASSWORD="wrong-password-42")
    err = result.stderr
    assert result.returncode == 3, err
    assert f"authentication failed at {odd_server.uri} for user 'neo4j' (password from NEO4J_PASSWORD)" in err
    assert "cannot reach" not in err and "wrong-password-42" not in err and "Traceback" not in err


@pytest.mark.neo4j
def test_no_password_on_loopback_tries_the_dev_password_and_says_so(odd_server, neo4j_settings, tmp_path):
    refused = stats(tmp_path, NEO4J_URI=odd_server.uri)
    assert refused.returncode == 3
    assert "authentication failed" in refused.stderr and "development default" in refused.stderr
    # scripts/neo4j's own server (the test server uses the development password): it works, and kg says how.
    ok = stats(tmp_path, NEO4J_URI=neo4j_settings.uri)
    assert ok.returncode == 0, ok.stderr
    assert "kg: note: " in ok.stderr and "user 'neo4j' (password from scripts/neo4j's development default" in ok.stderr


def test_no_password_for_a_remote_server_is_a_configuration_error(tmp_path):
    result = stats(tmp_path, NEO4J_URI="neo4j+s://db.example.org:7687")
    assert result.returncode == 3
    assert "no password for user 'neo4j' at neo4j+s://db.example.org:7687: set NEO4J_PASSWORD" in result.stderr


@pytest.mark.parametrize("mode", [0o644, 0o640])
def test_a_config_file_with_a_password_in_its_uri_must_be_private(tmp_path, mode):
    config = tmp_path / "config.toml"
    config.write_text('[neo4j]\nuri = "bolt://neo4j:hunter2-in-uri@127.0.0.1:1"\n')
    config.chmod(mode)
    result = stats(tmp_path, NEO4J_URI=None, KG_CONFIG=str(config))
    assert result.returncode == 3
    assert f"chmod 600 {config}" in result.stderr and "hunter2-in-uri" not in result.stderr
