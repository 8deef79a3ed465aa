"""Shared fixtures: a real Neo4j server and the spaCy pipelines.

Neo4j: the suite only ever uses a server meant for tests, never the user's
(``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``,
``NEO4J_PORT``, ``NEO4J_HOME`` and the user's config file are dropped when
this module is imported): either the one named by ``KG_TEST_NEO4J_URI``
(``KG_TEST_NEO4J_USER``/``_PASSWORD``/``_DATABASE``), or the suite's own
``scripts/neo4j`` server on ``KG_TEST_NEO4J_PORT`` (default 7688) with
``KG_TEST_NEO4J_HOME`` (default ``~/.local/share/kg/neo4j-test-<port>``),
started here if it is not running. The test server's settings are then put
into ``NEO4J_*`` for the kg processes the tests start.

Each test that asks for ``neo4j_db`` gets an empty database, but the suite
deletes data only in a database it owns: one that was empty when the suite
first used it, marked by the index :data:`OWNED_MARKER`. A database holding
nodes and no marker is refused (the test fails, nothing is deleted) unless
``KG_TEST_NEO4J_WIPE=1`` says explicitly that it may be emptied. Why an
index: it survives the wipes, is not a node (node counts stay exact) and no
kg command creates it.

When no server can be reached the tests skip with a loud reason, except in
CI (``CI=true``), where they fail: CI must exercise the real thing.

Models: ``KG_MODEL_DE``/``KG_MODEL_EN`` (``scripts/test`` and ``.ci/run`` point
them at ``../shared/models``). Missing models skip locally, fail in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
#: The index that marks a database as the test suite's own (see the module docstring).
OWNED_MARKER = "kg_test_suite_owns_this_database"
DEV_PASSWORD = "kg-dev-password"

# The user's server and config are never the test server: forget them before any test (or kg process) reads them.
for _name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "NEO4J_PORT", "NEO4J_HOME"):
    os.environ.pop(_name, None)
os.environ["KG_CONFIG"] = str(ROOT / "tests" / "no-user-config.toml")  # never created
TEST_PORT = os.environ.get("KG_TEST_NEO4J_PORT") or "7688"
_data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
TEST_HOME = os.environ.get("KG_TEST_NEO4J_HOME") or str(_data_home / "kg" / f"neo4j-test-{TEST_PORT}")

# Point the resolver at the shared pipelines when the user has not chosen any.
for _lang, _dir in (("DE", "de_kg_news_sm"), ("EN", "en_core_web_sm")):
    if not os.environ.get(f"KG_MODEL_{_lang}") and (SHARED / "models" / _dir).is_dir():
        os.environ[f"KG_MODEL_{_lang}"] = str(SHARED / "models" / _dir)


def _unavailable(reason: str) -> None:
    """Skip loudly outside CI; fail in CI, where everything must run."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: tests must not skip)", pytrace=False)
    warnings.warn(f"SKIPPING: {reason}", stacklevel=2)
    print(f"\n*** SKIPPING: {reason} ***", file=sys.stderr)
    pytest.skip(reason)


def own_server_env() -> dict[str, str]:
    """The environment for ``scripts/neo4j`` to run the suite's own server (its port, home and password)."""
    return {
        **os.environ,
        "NEO4J_PORT": TEST_PORT,
        "NEO4J_HOME": TEST_HOME,
        "NEO4J_PASSWORD": os.environ.get("KG_TEST_NEO4J_PASSWORD") or DEV_PASSWORD,
    }


@pytest.fixture(scope="session")
def neo4j_settings():
    from kg.config import neo4j_settings

    uri = os.environ.get("KG_TEST_NEO4J_URI")
    if not uri:
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "neo4j"), "start"],
            capture_output=True,
            text=True,
            env=own_server_env(),
        )
        if result.returncode != 0:
            _unavailable(f"no Neo4j server: scripts/neo4j start failed: {result.stderr.strip()[-800:]}")
        uri = result.stdout.strip().splitlines()[-1]
    os.environ["NEO4J_URI"] = uri
    os.environ["NEO4J_USER"] = os.environ.get("KG_TEST_NEO4J_USER") or "neo4j"
    os.environ["NEO4J_PASSWORD"] = os.environ.get("KG_TEST_NEO4J_PASSWORD") or DEV_PASSWORD
    if os.environ.get("KG_TEST_NEO4J_DATABASE"):
        os.environ["NEO4J_DATABASE"] = os.environ["KG_TEST_NEO4J_DATABASE"]
    return neo4j_settings()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    from neo4j import GraphDatabase
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    driver = GraphDatabase.driver(neo4j_settings.uri, auth=(neo4j_settings.user, neo4j_settings.password))
    try:
        driver.verify_connectivity()
    except (ServiceUnavailable, Neo4jError, OSError) as exc:
        driver.close()
        _unavailable(f"Neo4j at {neo4j_settings.uri} does not answer: {exc}")
    yield driver
    driver.close()


@pytest.fixture
def neo4j_db(neo4j_driver, neo4j_settings) -> Iterator:
    """A driver on an empty database (data removed before the test; schema kept)."""
    wipe(neo4j_driver, neo4j_settings.database)
    yield neo4j_driver


def claim(driver, db) -> None:
    """Make sure the suite owns database ``db`` (see the module docstring), or fail the test without deleting."""
    with driver.session(database=db) as session:
        marked = session.run("SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n", name=OWNED_MARKER)
        if marked.single()["n"]:
            return
        nodes = session.run("MATCH (n) RETURN count(n) AS n").single()["n"]
        if nodes and os.environ.get("KG_TEST_NEO4J_WIPE") != "1":
            pytest.fail(
                f"refusing to wipe database {db or '(default)'} at {driver_address(driver)}: it holds {nodes} nodes "
                "the test suite did not create. Point KG_TEST_NEO4J_URI at a scratch server, or set "
                "KG_TEST_NEO4J_WIPE=1 to let the tests delete everything in it.",
                pytrace=False,
            )
        session.run(_CLAIM).consume()


_CLAIM = "CREATE INDEX kg_test_suite_owns_this_database IF NOT EXISTS FOR (n:KgTestSuiteMarker) ON (n.id)"


def driver_address(driver) -> str:
    try:
        return str(driver.get_server_info().address)
    except Exception:  # only for the message
        return "the test server"


def wipe(driver, db) -> None:
    """Delete every node and relationship of a database the suite owns (the schema stays)."""
    claim(driver, db)
    with driver.session(database=db) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def throwaway_neo4j(tmp_path_factory) -> Iterator:
    """A Neo4j server of the test's own (free port, temporary home) that it may fill, kill and restart."""
    from tests.test_faults import ThrowawayNeo4j

    server = ThrowawayNeo4j(tmp_path_factory.mktemp("neo4j-home"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _pipeline(lang: str):
    from kg.spacy_models import ModelNotFoundError, load_pipeline

    try:
        return load_pipeline(lang)
    except (ModelNotFoundError, OSError) as exc:
        _unavailable(f"no spaCy pipeline for {lang}: {exc}")


@pytest.fixture(scope="session")
def nlp_de():
    return _pipeline("de")


@pytest.fixture(scope="session")
def nlp_en():
    return _pipeline("en")


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    files = sorted((SHARED / "seed").glob("*.txt"))
    if not files:
        _unavailable(f"the seed article is missing from {SHARED / 'seed'}")
    return files[0]
