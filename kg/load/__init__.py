"""Loading extractions into a graph store: Neo4j or the embedded SQLite store.

    from kg.load import open_store
    with open_store() as store:             # Neo4j if NEO4J_URI is set, else ./kg-data
        stats = store.write(extractions)     # idempotent, batched, one transaction per batch
        store.counts(); store.to_networkx()

Which store (:func:`open_store`, and the CLI's ``--neo4j``/``--store``):
``neo4j=True`` -> Neo4j; ``neo4j=False`` or a ``store_dir`` -> the embedded
store; neither -> Neo4j when ``NEO4J_URI`` is set in the environment, else
the embedded store in :func:`kg.config.store_dir`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import neo4j

from kg.config import Neo4jSettings, driver_options, neo4j_settings, redact_uri, scrub, uses_neo4j_by_default
from kg.config import store_dir as default_store_dir
from kg.load.base import GraphStore, LoadStats, StoreError
from kg.load.local_store import LocalStore
from kg.load.neo4j_writer import Neo4jStore

__all__ = [
    "GraphStore",
    "LoadStats",
    "LocalStore",
    "Neo4jStore",
    "StoreError",
    "connect_neo4j",
    "open_store",
    "wants_neo4j",
]


def connect_neo4j(settings: Neo4jSettings | None = None, notice: Callable[[str], None] | None = None) -> neo4j.Driver:
    """A verified driver, or :class:`StoreError` ``cannot reach Neo4j at <redacted uri>: ...``.

    Refused credentials are ``authentication failed at <uri> for user '<user>' (password from <where>)``:
    the user learns which credentials kg tried, never the secret. ``notice`` is told when the password is
    the development default (no password configured, loopback server), so that is never silent.
    """
    settings = settings or neo4j_settings()
    where = redact_uri(settings.uri)
    try:
        driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password), **driver_options())
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise StoreError(f"cannot reach Neo4j at {where}: {scrub(str(exc), settings.password)}") from None
    try:
        driver.verify_connectivity()
    except neo4j.exceptions.AuthError as exc:
        driver.close()
        reason = scrub(exc.message or str(exc), settings.password)
        raise StoreError(f"authentication failed at {where} for {settings.credentials()}: {reason}") from None
    except Exception as exc:  # any failure here means "not usable"; the message names the cause
        driver.close()
        reason = scrub(str(exc), settings.password)
        raise StoreError(f"cannot reach Neo4j at {where}: {reason or type(exc).__name__}") from None
    if settings.database is not None:
        _check_database(driver, settings, where)
    if settings.uses_dev_password and notice is not None:
        notice(f"Neo4j at {where}: connected as {settings.credentials()}")
    return driver


def _check_database(driver: neo4j.Driver, settings: Neo4jSettings, where: str) -> None:
    """The database ``NEO4J_DATABASE`` names exists: say so now, not in a traceback at the first query."""
    try:
        with driver.session(database=settings.database) as session:
            session.execute_read(lambda tx: tx.run("RETURN 1").consume())
    except neo4j.exceptions.Neo4jError as exc:
        driver.close()
        if "DatabaseNotFound" in (exc.code or ""):
            raise StoreError(
                f"Neo4j at {where} has no database {settings.database!r} (NEO4J_DATABASE); "
                "SHOW DATABASES lists them, unset it for the server's default"
            ) from None
        raise StoreError(f"cannot use database {settings.database!r} of Neo4j at {where}: {exc.message}") from None


def wants_neo4j(neo4j: bool | None = None, store_dir: str | Path | None = None) -> bool:
    """The store-selection rule (see the module docstring)."""
    if neo4j is not None:
        return neo4j
    if store_dir is not None:
        return False
    return uses_neo4j_by_default()


def open_store(
    *,
    neo4j: bool | None = None,
    store_dir: str | Path | None = None,
    batch_size: int = 1000,
    notice: Callable[[str], None] | None = None,
) -> GraphStore:
    """Open the store the selection rule picks; raises :class:`StoreError` if it cannot be used."""
    if wants_neo4j(neo4j, store_dir):
        settings = neo4j_settings()
        driver = connect_neo4j(settings, notice)
        where = f"Neo4j at {redact_uri(settings.uri)}"
        return Neo4jStore(driver, settings.database, batch_size, owns_driver=True, where=where)
    return LocalStore(store_dir if store_dir is not None else default_store_dir(), batch_size)
