"""The embedded default store: the graph model in SQLite, for use without a Neo4j server.

Tables mirror the graph (articles, entities, concepts, involves, mentions, and
relations keyed by triple id) and the write rules are Neo4j's (same rows from
:func:`kg.load.rows.build_rows`, same merge and replacement semantics), so the
same corpus gives the same nodes, relationships and properties in both stores.

Durability: WAL journal, ``synchronous=FULL``, one transaction per batch with
the articles' ``content_hash`` written last, so an interrupted load leaves no
half-written article and a re-run completes it.

Failures: any SQLite error (a full disk, a damaged ``graph.sqlite``) leaves a
method as :class:`~kg.load.base.StoreError` naming the store and the likely
cause, so the CLI ends with its environment exit code and the summary of what
was committed, not a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph.build import GraphBuilder
from kg.load.base import BatchCallback, LoadStats, RejectCallback, StoreError, batches, screen
from kg.load.rows import BatchRows, build_rows, iso
from kg.model import ENTITY_TYPES, Extraction

DB_FILE = "graph.sqlite"
#: 2 added articles.place/agency, entities.sector and relations.quad/goldstein/addressee/modality;
#: an older store gets them (NULL in its old rows) when it is opened: see :data:`_MIGRATIONS`.
STORE_SCHEMA_VERSION = 2
LOCK_TIMEOUT_S = 120.0

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

_REL_COLUMNS = [
    *("id", "predicate", "subject", "object", "article_id", "sentence", "start", "end", "evidence", "verb"),
    *("polarity", "hedged", "cameo", "plover", "confidence", "published", "reported_by"),
    *("quad", "goldstein", "addressee", "modality"),
]
_INSERT_RELATION = (
    f"INSERT OR REPLACE INTO relations ({', '.join(chr(34) + c + chr(34) for c in _REL_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_REL_COLUMNS))})"
)

#: The relations ``to_networkx`` keeps: published on or after / on or before (NULL: no bound), predicates (NULL: all).
_FILTERED_RELATIONS = (
    "SELECT * FROM relations WHERE (? IS NULL OR published >= ?) AND (? IS NULL OR published <= ?) "
    "AND (? IS NULL OR predicate IN (SELECT value FROM json_each(?)))"
)


class LocalStore:
    """The SQLite implementation of :class:`kg.load.base.GraphStore`; ``path`` is a directory."""

    def __init__(self, path: str | Path, batch_size: int = 1000) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.path = Path(path)
        self.where = f"the embedded store in {self.path}"
        self.batch_size = batch_size
        self.statements: Counter[str] = Counter()  # batches committed, for symmetry with Neo4jStore
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            # A second writer (another kg process) waits for the lock instead of failing at once.
            self.conn = sqlite3.connect(self.path / DB_FILE, isolation_level=None, timeout=LOCK_TIMEOUT_S)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.ensure_schema()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open {self.where}: {self._why(exc)}") from None

    def ensure_schema(self) -> None:
        """Create the tables and indexes if missing, and upgrade an older store in place (idempotent)."""
        self.conn.executescript(_SCHEMA)
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(STORE_SCHEMA_VERSION),))
        if self._schema_version() == STORE_SCHEMA_VERSION:  # the usual case: no write lock taken
            return
        self.conn.execute("BEGIN IMMEDIATE")  # one opener migrates; another waits, then finds it done
        try:
            version = self._schema_version()
            if version > STORE_SCHEMA_VERSION:
                raise StoreError(
                    f"the store at {self.path} has schema version {version}, written by a newer kg; "
                    f"this kg reads versions up to {STORE_SCHEMA_VERSION}"
                )
            for step in range(version + 1, STORE_SCHEMA_VERSION + 1):
                for table, column, sql_type in _MIGRATIONS.get(step, []):
                    have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
                    if column not in have:  # from the constant table above, never from input
                        self.conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {sql_type}')
            self.conn.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(STORE_SCHEMA_VERSION),))
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
        try:
            return int(row[0])
        except (TypeError, ValueError):
            raise StoreError(f"the store at {self.path} has no readable schema version ({row!r})") from None

    # -- writing ----------------------------------------------------------------------------------------------
    def write(
        self,
        extractions: Iterable[Extraction],
        *,
        stats: LoadStats | None = None,
        on_batch: BatchCallback | None = None,
        force: bool = False,
        on_reject: RejectCallback | None = None,
    ) -> LoadStats:
        """Write ``extractions`` in batches (see :meth:`kg.load.neo4j_writer.Neo4jStore.write`)."""
        stats = stats if stats is not None else LoadStats()
        with self._sqlite_errors("writing (the batch being written was rolled back)"):
            self._write_batches(extractions, stats, on_batch, force, on_reject)
        return stats

    @contextmanager
    def _sqlite_errors(self, doing: str) -> Iterator[None]:
        """SQLite errors as :class:`StoreError`: ``the embedded store in DIR failed while ...: <why>``."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.where} failed while {doing}: {self._why(exc)}") from None

    def _why(self, exc: BaseException) -> str:
        """The error and, when SQLite's text says which, what to do about it."""
        text = str(exc)
        if "full" in text or "I/O" in text:
            return f"{text}; is the disk holding {self.path} full or read-only?"
        if "malformed" in text or "not a database" in text:
            return f"{text}; {self.path / DB_FILE} is damaged: restore it, or remove it and ingest again"
        return text

    def _write_batches(
        self,
        extractions: Iterable[Extraction],
        stats: LoadStats,
        on_batch: BatchCallback | None,
        force: bool,
        on_reject: RejectCallback | None,
    ) -> None:
        for batch in batches(extractions, self.batch_size):
            ids = [ex.article.id for ex in batch]
            batch = screen(batch, stats, on_reject)  # the same limits as Neo4j: both stores hold the same
            known = self.known_hashes([ex.article.id for ex in batch])
            todo = [ex for ex in batch if force or known.get(ex.article.id) != ex.article.content_hash]
            stats.articles_skipped += len(batch) - len(todo)
            if todo:
                rows = build_rows(todo)
                replaced = [aid for aid in rows.article_ids if aid in known]
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    counters = self._write_batch(rows, replaced)
                    self.conn.execute("COMMIT")
                except BaseException:  # includes KeyboardInterrupt: nothing of this batch stays
                    if self.conn.in_transaction:  # not if Ctrl-C landed just after COMMIT (then it is kept)
                        self.conn.execute("ROLLBACK")
                    raise
                self.statements["batch"] += 1
                stats.record_batch(rows, counters)
            stats.batches += 1
            stats.tick()
            if on_batch is not None:
                on_batch(stats, ids)
        stats.tick()

    def _write_batch(self, rows: BatchRows, replaced: list[str]) -> Counter[str]:
        db = self.conn
        counters: Counter[str] = Counter()
        orphans: list[str] = []
        if replaced:
            marks = ",".join("?" * len(replaced))
            orphans = [
                key
                for (key,) in db.execute(
                    f"SELECT DISTINCT object FROM relations WHERE article_id IN ({marks}) "
                    "AND object IN (SELECT key FROM concepts)",
                    replaced,
                )
            ]
            for table in ("mentions", "relations"):
                cur = db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", replaced)
                counters["relationships_deleted"] += cur.rowcount

        def created(table: str, column: str, keys: list[str]) -> int:
            if not keys:
                return 0
            existing = sum(
                db.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
                ).fetchone()[0]
                for chunk in _chunks(keys, 500)
            )
            return len(keys) - existing

        ids = rows.article_ids
        counters["nodes_created"] += created("articles", "id", ids)
        db.executemany(
            "INSERT INTO articles (id, url, title, source, published, lang, place, agency) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, source = excluded.source, "
            "published = excluded.published, lang = excluded.lang, place = excluded.place, agency = excluded.agency",
            [
                (a["id"], a["url"], a["title"], a["source"], iso(a["published"]), a["lang"], a["place"], a["agency"])
                for a in rows.articles
            ],
        )
        entity_rows = [row for _, group in sorted(rows.entities.items()) for row in group]
        counters["nodes_created"] += created("entities", "key", [e["key"] for e in entity_rows])
        for e in entity_rows:
            old = db.execute(
                "SELECT aliases, country, role, sector FROM entities WHERE key = ?", (e["key"],)
            ).fetchone()
            aliases, country, role, sector = e["aliases"], e["country"], e["role"], e["sector"]
            if old is not None:
                old_aliases = json.loads(old[0])
                aliases = old_aliases + [a for a in aliases if a not in old_aliases]
                country, role, sector = country or old[1], role or old[2], sector or old[3]
            db.execute(
                "INSERT OR REPLACE INTO entities (key, name, type, aliases, country, role, sector) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (e["key"], e["name"], e["type"], json.dumps(aliases, ensure_ascii=False), country, role, sector),
            )
        counters["nodes_created"] += created("concepts", "key", [c["key"] for c in rows.concepts])
        db.executemany(
            "INSERT OR REPLACE INTO concepts (key, text, lang) VALUES (?, ?, ?)",
            [(c["key"], c["text"], c["lang"]) for c in rows.concepts],
        )
        for inv in rows.involves:
            cur = db.execute(
                "INSERT OR IGNORE INTO involves (concept, entity) SELECT ?, ? WHERE EXISTS "
                "(SELECT 1 FROM entities WHERE key = ?)",
                (inv["concept"], inv["entity"], inv["entity"]),
            )
            counters["relationships_created"] += cur.rowcount
        for m in rows.mentions:
            key = (m["article_id"], m["key"])
            if db.execute("SELECT 1 FROM mentions WHERE article_id = ? AND entity = ?", key).fetchone() is None:
                counters["relationships_created"] += 1
            db.execute(
                "INSERT INTO mentions (article_id, entity, count) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id, entity) DO UPDATE SET count = excluded.count",
                (*key, m["count"]),
            )
        for predicate, rel_rows in rows.relations.items():
            rel_ids = [r["id"] for r in rel_rows]
            counters["relationships_created"] += created("relations", "id", rel_ids)
            db.executemany(
                _INSERT_RELATION,
                [_relation_values(predicate, r) for r in rel_rows],
            )
        for key in orphans:  # concepts only the replaced evidence pointed to (as Neo4jStore drops them)
            if db.execute("SELECT 1 FROM relations WHERE object = ? LIMIT 1", (key,)).fetchone() is None:
                counters["relationships_deleted"] += db.execute(
                    "DELETE FROM involves WHERE concept = ?", (key,)
                ).rowcount
                counters["nodes_deleted"] += db.execute("DELETE FROM concepts WHERE key = ?", (key,)).rowcount
        db.executemany(
            "UPDATE articles SET content_hash = ? WHERE id = ?", [(a["content_hash"], a["id"]) for a in rows.articles]
        )
        return counters

    # -- reading ----------------------------------------------------------------------------------------------
    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """``{article id: content_hash}`` for the given ids that are completely loaded."""
        out: dict[str, str] = {}
        with self._sqlite_errors("reading"):
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                query = f"SELECT id, content_hash FROM articles WHERE content_hash IS NOT NULL AND id IN ({marks})"
                out.update(self.conn.execute(query, chunk).fetchall())
        return out

    def counts(self) -> dict[str, int]:
        """Same keys as :meth:`kg.load.neo4j_writer.Neo4jStore.counts`."""
        with self._sqlite_errors("reading"):
            return self._counts()

    def _counts(self) -> dict[str, int]:
        db = self.conn
        out: dict[str, int] = {}
        labels = {
            "Article": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "Entity": db.execute("SELECT count(*) FROM entities").fetchone()[0],
            "Concept": db.execute("SELECT count(*) FROM concepts").fetchone()[0],
        }
        labels.update(db.execute("SELECT type, count(*) FROM entities GROUP BY type").fetchall())
        types = {
            "MENTIONS": db.execute("SELECT count(*) FROM mentions").fetchone()[0],
            "INVOLVES": db.execute("SELECT count(*) FROM involves").fetchone()[0],
        }
        types.update(db.execute("SELECT predicate, count(*) FROM relations GROUP BY predicate").fetchall())
        out["nodes"] = labels["Article"] + labels["Entity"] + labels["Concept"]
        out["relationships"] = sum(types.values())
        order = ["Article", "Entity", "Concept", *sorted(ENTITY_TYPES)]  # Neo4jStore.counts' order
        out.update({k: labels[k] for k in order if labels.get(k)})
        out.update({k: v for k, v in sorted(types.items()) if v})
        return out

    def to_networkx(
        self, *, predicates: Sequence[str] | None = None, since: date | None = None, until: date | None = None
    ) -> nx.MultiDiGraph:
        """The store as a ``MultiDiGraph`` (layout: :mod:`kg.graph.build`); the filters as in :class:`GraphStore`."""
        with self._sqlite_errors("reading"):
            return self._to_networkx(predicates, since, until)

    def _to_networkx(self, predicates: Sequence[str] | None, since: date | None, until: date | None) -> nx.MultiDiGraph:
        db = self.conn
        builder = GraphBuilder()
        for row in _dicts(db.execute("SELECT * FROM articles")):
            builder.article(row)
        for row in _dicts(db.execute("SELECT * FROM entities")):
            row["aliases"] = json.loads(row["aliases"])
            builder.entity(row)
        for row in _dicts(db.execute("SELECT * FROM concepts")):
            builder.concept(row)
        for article_id, entity, count in db.execute("SELECT article_id, entity, count FROM mentions"):
            builder.mentions(article_id, entity, count)
        for concept, entity in db.execute("SELECT concept, entity FROM involves"):
            builder.involves(concept, entity)
        wanted = None if predicates is None else json.dumps(list(predicates))
        params = (iso(since), iso(since), iso(until), iso(until), wanted, wanted)
        for row in _dicts(db.execute(_FILTERED_RELATIONS, params)):
            builder.relation(row.pop("subject"), row.pop("predicate"), row.pop("object"), row)
        return builder.graph

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _relation_values(predicate: str, row: dict[str, Any]) -> tuple:
    p = row["props"]
    values = {**p, "predicate": predicate, "subject": row["subject"], "object": row["object"]}
    values["published"] = iso(p["published"])
    values["hedged"] = int(bool(p["hedged"]))
    return tuple(values[c] for c in _REL_COLUMNS)


def _dicts(cursor: sqlite3.Cursor) -> Iterable[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
