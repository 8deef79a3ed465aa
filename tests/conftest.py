"""Shared fixtures: a real Neo4j server and the spaCy pipelines.

Neo4j: the server in ``NEO4J_URI`` if set, else the project's own
``scripts/neo4j`` server (started here if it is not running). Each test that
asks for ``neo4j_db`` gets an empty database. When no server can be reached
the tests skip with a loud reason, except in CI (``CI=true``), where they fail:
CI must exercise the real thing.

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


@pytest.fixture(scope="session")
def neo4j_settings():
    from kg.config import neo4j_settings

    if not os.environ.get("NEO4J_URI"):
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "neo4j"), "start"], capture_output=True, text=True
        )
        if result.returncode != 0:
            _unavailable(f"no Neo4j server: scripts/neo4j start failed: {result.stderr.strip()[-800:]}")
        os.environ["NEO4J_URI"] = result.stdout.strip().splitlines()[-1]
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
    _wipe(neo4j_driver, neo4j_settings.database)
    yield neo4j_driver


def _wipe(driver, db) -> None:
    with driver.session(database=db) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _pipeline(lang: str):
    from kg.pipelines import ModelNotFoundError, load_pipeline

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
