"""The embedded default store: the graph model in SQLite, for use without a Neo4j server.

Tables mirror the graph (articles, entities, concepts, involves, mentions, and
relations keyed by triple id) and the write rules are Neo4j's (same rows from
:func:`kg.load.rows.build_rows`, same merge and replacement semantics), so the
same corpus gives the same nodes, relationships and properties in both stores.

Durability: WAL journal, ``synchronous=FULL``, one transaction per batch with
the articles' ``content_hash`` written last, so an interrupted load leaves no
half-written article and a re-run completes it. The batches come from the loop both
stores share (:mod:`kg.load.batch_loop`); the schema, one batch's writes and the reads
are :mod:`kg.load.sqlite_schema`, :mod:`kg.load.sqlite_batch` and :mod:`kg.load.sqlite_reads`.

Failures: any SQLite error (a full disk, a damaged ``graph.sqlite``) leaves a
method as :class:`~kg.load.base.StoreError` naming the store and the likely
cause, so the CLI ends with its environment exit code and the summary of what
was committed, not a traceback.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import networkx as nx

import kg.load.sqlite_reads as sqlite_reads
from kg.load.base import BatchCallback, LoadStats, RejectCallback, StoreError
from kg.load.batch_loop import write_batches
from kg.load.rows import BatchRows, build_rows
from kg.load.sqlite_batch import write_batch
from kg.load.sqlite_schema import ensure_schema
from kg.model import Extraction

DB_FILE = "graph.sqlite"
LOCK_TIMEOUT_S = 120.0


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
        ensure_schema(self.conn, self.path)

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
            write_batches(
                extractions,
                stats,
                batch_size=self.batch_size,
                known_hashes=self.known_hashes,
                commit=self._commit,
                force=force,
                on_batch=on_batch,
                on_reject=on_reject,
            )
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

    def _commit(
        self, todo: list[Extraction], rows: BatchRows | None, stats: LoadStats, on_reject: RejectCallback | None
    ) -> None:
        """Write ``todo`` in one transaction (the batch loop's commit step). ``on_reject`` goes unused: SQLite
        holds any article that passed the model's checks, so it refuses none of its own."""
        rows = rows if rows is not None else build_rows(todo, validated=True)  # the loop validated todo
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            # Read under the write lock: the articles whose old evidence this batch replaces.
            known = sqlite_reads.known_hashes(self.conn, rows.article_ids)
            counters = self._write_batch(rows, [aid for aid in rows.article_ids if aid in known])
            self.conn.execute("COMMIT")
        except BaseException:  # includes KeyboardInterrupt: nothing of this batch stays
            if self.conn.in_transaction:  # not if Ctrl-C landed just after COMMIT (then it is kept)
                self.conn.execute("ROLLBACK")
            raise
        self.statements["batch"] += 1
        stats.record_batch(rows, counters)

    def _write_batch(self, rows: BatchRows, replaced: list[str]) -> Counter[str]:
        """One batch's rows, in the transaction :meth:`_commit` opened (:func:`kg.load.sqlite_batch.write_batch`)."""
        return write_batch(self.conn, rows, replaced)

    # -- reading ----------------------------------------------------------------------------------------------
    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """``{article id: content_hash}`` for the given ids that are completely loaded."""
        with self._sqlite_errors("reading"):
            return sqlite_reads.known_hashes(self.conn, ids)

    def counts(self) -> dict[str, int]:
        """Same keys as :meth:`kg.load.neo4j_writer.Neo4jStore.counts`."""
        with self._sqlite_errors("reading"):
            return sqlite_reads.counts(self.conn)

    def to_networkx(
        self, *, predicates: Sequence[str] | None = None, since: date | None = None, until: date | None = None
    ) -> nx.MultiDiGraph:
        """The store as a ``MultiDiGraph`` (layout: :mod:`kg.graph.build`); the filters as in :class:`GraphStore`."""
        with self._sqlite_errors("reading"):
            return sqlite_reads.to_networkx(self.conn, predicates, since, until)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
