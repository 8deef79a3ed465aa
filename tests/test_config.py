"""Settings: credentials only from the environment or a private file, never shown, schemes kept."""

from __future__ import annotations

import os

import pytest

from kg.config import (
    ConfigError,
    driver_options,
    neo4j_settings,
    redact_uri,
    scrub,
    store_dir,
    uses_neo4j_by_default,
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "KG_STORE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KG_CONFIG", str(tmp_path / "config.toml"))


def write_config(tmp_path, body: str, mode: int = 0o600):
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_defaults_point_at_the_local_dev_server():
    s = neo4j_settings()
    assert (s.uri, s.user, s.database) == ("bolt://127.0.0.1:7687", "neo4j", None)
    assert not uses_neo4j_by_default()


def test_environment_wins_over_the_config_file(tmp_path, monkeypatch):
    write_config(tmp_path, '[neo4j]\nuri = "bolt://file:7687"\nuser = "fileuser"\npassword = "filepass"\n')
    monkeypatch.setenv("NEO4J_URI", "neo4j://env-host:7688")
    monkeypatch.setenv("NEO4J_PASSWORD", "envpass")
    s = neo4j_settings()
    assert (s.uri, s.user, s.password) == ("neo4j://env-host:7688", "fileuser", "envpass")
    assert uses_neo4j_by_default()


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660])
def test_config_file_with_a_password_must_be_private(tmp_path, mode):
    path = write_config(tmp_path, '[neo4j]\npassword = "hunter2-secret"\n', mode)
    with pytest.raises(ConfigError, match="chmod 600") as info:
        neo4j_settings()
    assert str(path) in str(info.value) and "hunter2-secret" not in str(info.value)


def test_world_readable_config_without_a_password_is_fine(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "from-the-environment")  # a remote server needs one (issue 13, item 13)
    write_config(tmp_path, '[neo4j]\nuri = "bolt://db.example:7687"\n[store]\ndir = "/data/kg"\n', 0o644)
    assert neo4j_settings().uri == "bolt://db.example:7687"
    assert str(store_dir()) == "/data/kg"


def test_private_config_file_password_is_used(tmp_path):
    write_config(tmp_path, '[neo4j]\nuser = "kg"\npassword = "from-file-pw"\ndatabase = "news"\n')
    s = neo4j_settings()
    assert (s.user, s.password, s.database) == ("kg", "from-file-pw", "news")


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("[neo4j\n", "unreadable"),
        ('neo4j = "bolt://x"\n', "[neo4j] must be a table"),
        ("[neo4j]\npassword = 12345678\n", "neo4j.password must be a string"),
    ],
)
def test_broken_config_files_are_reported_by_path(tmp_path, body, fragment):
    path = write_config(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        neo4j_settings()
    assert fragment in str(info.value) and str(path) in str(info.value)


def test_credentials_in_the_uri_move_to_auth_and_never_stay_in_the_uri(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://alice:s%40cret-pw@db.example.org:7687")
    s = neo4j_settings()
    assert (s.uri, s.user, s.password) == ("neo4j+s://db.example.org:7687", "alice", "s@cret-pw")
    assert "cret" not in repr(s) and "cret" not in str(s)


@pytest.mark.parametrize("scheme", ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"])
def test_tls_schemes_pass_through_to_settings_and_driver(monkeypatch, scheme):
    from neo4j import GraphDatabase

    monkeypatch.setenv("NEO4J_URI", f"{scheme}://u:pw-in-uri@db.example.org:7687")
    s = neo4j_settings()
    assert s.uri == f"{scheme}://db.example.org:7687"
    driver = GraphDatabase.driver(s.uri, auth=(s.user, s.password), **driver_options())  # no connection is made
    try:
        assert driver.encrypted is scheme.endswith(("+s", "+ssc"))
    finally:
        driver.close()


@pytest.mark.parametrize(
    "uri", ["http://db:7474", "db.example.org:7687", "neo4j://[::1", "bolt://host:port", "bolt://"]
)
def test_uris_the_driver_cannot_use_are_refused_with_the_uri_redacted(monkeypatch, uri):
    monkeypatch.setenv("NEO4J_URI", uri.replace("://", "://bob:topsecret@", 1) if "://" in uri else uri)
    with pytest.raises(ConfigError, match="NEO4J_URI") as info:
        neo4j_settings()
    assert "topsecret" not in str(info.value)


def test_redaction_helpers():
    assert redact_uri("neo4j://user:secret@127.0.0.1:1") == "neo4j://user:***@127.0.0.1:1"
    assert redact_uri("bolt://127.0.0.1:7687") == "bolt://127.0.0.1:7687"
    assert redact_uri("bolt://:pw@h") == "bolt://***@h"
    assert scrub("auth failed for p%40ss and p@ss", "p%40ss") == "auth failed for *** and ***"


def test_driver_timeouts_are_bounded_and_overridable(monkeypatch):
    opts = driver_options()
    assert 0 < opts["connection_timeout"] <= 30 and 0 < opts["max_transaction_retry_time"] <= 60
    monkeypatch.setenv("KG_NEO4J_CONNECT_TIMEOUT", "2.5")
    monkeypatch.setenv("KG_NEO4J_RETRY_TIME", "nonsense")
    opts = driver_options()
    assert opts["connection_timeout"] == 2.5 and opts["max_transaction_retry_time"] == 30.0
