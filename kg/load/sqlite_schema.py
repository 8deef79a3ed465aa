"""The embedded store's SQLite schema: the tables mirror the graph, and an older store is upgraded in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kg.load.base import StoreError

#: 2 added articles.place/agency, entities.sector and relations.quad/goldstein/addressee/modality;
#: an older store gets them (NULL in its old rows) when it is opened: see :data:`_MIGRATIONS`.
STORE_SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, title TEXT, source TEXT, published TEXT, lang TEXT, content_hash TEXT,
    place TEXT, agency TEXT);
CREATE TABLE IF NOT EXISTS entities (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL, country TEXT, role TEXT,
    sector TEXT);
CREATE TABLE IF NOT EXISTS concepts (key TEXT PRIMARY KEY, text TEXT NOT NULL, lang TEXT);
CREATE TABLE IF NOT EXISTS involves (concept TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (concept, entity));
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, entity TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (article_id, entity));
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, predicate TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL,
    article_id TEXT NOT NULL, sentence INTEGER, start INTEGER, "end" INTEGER, evidence TEXT, verb TEXT,
    polarity TEXT, hedged INTEGER, cameo TEXT, plover TEXT, confidence REAL, published TEXT, reported_by TEXT,
    quad INTEGER, goldstein REAL, addressee TEXT, modality TEXT);
CREATE INDEX IF NOT EXISTS relations_article ON relations (article_id);
CREATE INDEX IF NOT EXISTS relations_predicate ON relations (predicate);
CREATE INDEX IF NOT EXISTS relations_object ON relations (object);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE INDEX IF NOT EXISTS entities_country ON entities (country);
"""

#: Columns each schema version added, ``(table, column, SQL type)``: a store of an older version gets
#: them with ``ALTER TABLE ... ADD COLUMN`` when it is opened (old rows keep their values, NULL in the new).
_MIGRATIONS: dict[int, list[tuple[str, str, str]]] = {
    2: [
        ("articles", "place", "TEXT"),
        ("articles", "agency", "TEXT"),
        ("entities", "sector", "TEXT"),
        ("relations", "quad", "INTEGER"),
        ("relations", "goldstein", "REAL"),
        ("relations", "addressee", "TEXT"),
        ("relations", "modality", "TEXT"),
    ],
}


def ensure_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Create the tables and indexes if missing, and upgrade an older store in place (idempotent)."""
    conn.executescript(_SCHEMA)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(STORE_SCHEMA_VERSION),))
    if _schema_version(conn, path) == STORE_SCHEMA_VERSION:  # the usual case: no write lock taken
        return
    conn.execute("BEGIN IMMEDIATE")  # one opener migrates; another waits, then finds it done
    try:
        version = _schema_version(conn, path)
        if version > STORE_SCHEMA_VERSION:
            raise StoreError(
                f"the store at {path} has schema version {version}, written by a newer kg; "
                f"this kg reads versions up to {STORE_SCHEMA_VERSION}"
            )
        for step in range(version + 1, STORE_SCHEMA_VERSION + 1):
            for table, column, sql_type in _MIGRATIONS.get(step, []):
                have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
                if column not in have:  # from the constant table above, never from input
                    conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {sql_type}')
        conn.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(STORE_SCHEMA_VERSION),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    row = conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise StoreError(f"the store at {path} has no readable schema version ({row!r})") from None
