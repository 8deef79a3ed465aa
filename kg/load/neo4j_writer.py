"""Write extractions to Neo4j: batched ``UNWIND $rows ... MERGE``, idempotent, one transaction per batch.

Why it is built this way:

* Every statement, reads included (``known_hashes``, ``counts``, the schema), runs in a
  managed transaction, so a server restart mid-run costs the driver's retry budget
  (``kg.config.driver_options``), not the run. One managed write transaction per batch, so the
  driver retries transient errors and a batch is all-or-nothing: a crash or
  Ctrl-C mid-load never leaves an article half written. The article's
  ``content_hash`` is written in that transaction (with the article's other properties:
  the transaction, not the order of its statements, makes it all-or-nothing); an article
  counts as loaded only when it has one, so a re-run redoes anything incomplete.
* One statement per (batch, node label) and per (batch, relationship type)
  (:mod:`kg.load.neo4j_batch`): labels and types cannot be parameters, so they are
  spliced in, but only from the whitelists (:mod:`kg.vocabulary`), checked for the
  whole batch before any statement runs. Every value is a parameter.
* Nodes (articles, entities, concepts) are shared between articles and are
  ``MERGE``d on their keys. Evidence (an article's ``MENTIONS`` and the
  triples with its ``article_id``) belongs to exactly one article, so it is
  written with ``CREATE``: in the same transaction, any evidence an earlier
  load left for the batch's articles is deleted first. Re-loading the same
  extraction therefore changes nothing, and a changed article replaces its
  evidence, while each new relationship costs one write instead of a
  ``MERGE``'s search of both endpoints' relationships. The per-type unique
  constraint on the triple id still refuses a duplicate (say, from a second
  loader writing the same article at the same moment) instead of storing it.
* One bad article never sinks a batch: articles that fail the model's checks
  (whitelists, length limits) are reported and left out before any Cypher runs
  (:mod:`kg.load.batch_loop`, the loop both stores share), and when Neo4j itself refuses a batch (say, an
  index entry it cannot hold), its articles are retried one by one, so only the
  article Neo4j refuses is reported and the others are written.
* Pipelined one batch deep (:func:`kg.load.batch_loop.write_batches`): while a batch
  is written, the next one is read, screened and flattened.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import neo4j
import networkx as nx

from kg.load.base import BatchCallback, LoadStats, RejectCallback, StoreError, reject
from kg.load.batch_loop import write_batches
from kg.load.neo4j_batch import write_batch
from kg.load.neo4j_errors import caused_by_interrupt, first_sentence, refuses_the_data
from kg.load.rows import BatchRows, build_rows
from kg.load.schema import ensure_schema
from kg.model import ENTITY_TYPES, Extraction
from kg.vocabulary import relationship_types

#: Pauses before re-trying a batch that met a uniqueness conflict (another loader writing the same keys).
CONFLICT_RETRY_DELAYS_S = (0.2, 0.5, 1.0, 2.0)


class Neo4jStore:
    """The Neo4j implementation of :class:`kg.load.base.GraphStore`."""

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str | None = None,
        batch_size: int = 1000,
        *,
        owns_driver: bool = False,
        where: str = "Neo4j",
    ) -> None:
        """``owns_driver``: :meth:`close` closes the driver too; ``where``: the server, for messages
        ("Neo4j at <uri without credentials>"). Both are set by :func:`kg.load.open_store`."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.driver = driver
        self.owns_driver = owns_driver
        self.where = where
        self.database = database
        self.batch_size = batch_size
        #: Statements run per kind ("articles", "relations:STATES:Concept", ...): for tests and tuning.
        self.statements: Counter[str] = Counter()
        self._schema_ready = False

    # -- schema -----------------------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the constraints and indexes of ``cypher/schema.cypher`` (idempotent).

        A database whose data breaks a constraint (two ``:Article`` nodes with one id, say, in a
        graph kg did not write) cannot get it: :class:`StoreError` says so, instead of a traceback.
        """
        try:
            ensure_schema(self.driver, self.database)
        except neo4j.exceptions.Neo4jError as exc:
            if not (exc.code or "").startswith(("Neo.ClientError.Schema.", "Neo.DatabaseError.Schema.")):
                raise
            raise StoreError(
                f"cannot create kg's schema in {self.where}: {first_sentence(exc)}. The database holds data "
                "that breaks kg's constraints (e.g. two :Article nodes with the same id): use a database of "
                "kg's own, or fix those nodes"
            ) from None
        self._schema_ready = True

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
        """Write ``extractions`` in batches; returns (and updates ``stats`` after each commit).

        Articles already stored with the same ``content_hash`` are skipped
        unless ``force`` (then their evidence is rewritten, with the same result).
        An article that may not or cannot be written is passed to ``on_reject(id, reason)``
        and the others are written; without ``on_reject`` its error is raised.
        """
        stats = stats if stats is not None else LoadStats()
        try:
            write_batches(
                extractions,
                stats,
                batch_size=self.batch_size,
                known_hashes=self.known_hashes,
                commit=lambda todo, rows, stats, later: self._commit_racing(todo, stats, later, force, rows),
                force=force,
                on_batch=on_batch,
                on_reject=on_reject,
                pipelined=True,
                before_reads=self._schema_once,
            )
        except Exception as exc:
            # Ctrl-C inside the driver (e.g. during COMMIT) can surface as a secondary error from the
            # driver's clean-up, such as BufferError; it is still an interrupt, not a crash.
            if caused_by_interrupt(exc):
                raise KeyboardInterrupt from exc
            raise
        return stats

    def _schema_once(self) -> None:
        """The schema, created before the first read of this store's first batch that holds articles."""
        if not self._schema_ready:
            self.ensure_schema()

    def _commit_racing(
        self,
        todo: list[Extraction],
        stats: LoadStats,
        on_reject: RejectCallback | None,
        force: bool,
        rows: BatchRows | None = None,
    ) -> None:
        """:meth:`_commit`, with a uniqueness conflict taken as what it usually is: another loader.

        Two loaders writing the same articles at once (two ``kg ingest`` of one file) can both
        find a key free and both ``MERGE``/``CREATE`` it; the later commit fails on the constraint.
        That is a race, not bad data: wait a moment, look again which articles are now complete
        (the other loader's are skipped, as on a re-run), and write the rest; only a conflict that
        outlasts the retries is handed on to :meth:`_commit`'s article-by-article path.
        """
        for delay in CONFLICT_RETRY_DELAYS_S:
            try:
                self._commit(todo, stats, on_reject=None, rows=rows)
                return
            except neo4j.exceptions.ConstraintError:
                time.sleep(delay)
            except neo4j.exceptions.Neo4jError as exc:
                if on_reject is None or not refuses_the_data(exc):
                    raise
                break  # bad data, not a race: find the article
            known = self.known_hashes([ex.article.id for ex in todo])
            done = [ex for ex in todo if not force and known.get(ex.article.id) == ex.article.content_hash]
            stats.articles_skipped += len(done)
            todo = [ex for ex in todo if ex not in done]
            rows = None
            if not todo:
                return
        self._commit(todo, stats, on_reject)

    def _commit(
        self,
        todo: list[Extraction],
        stats: LoadStats,
        on_reject: RejectCallback | None,
        rows: BatchRows | None = None,
    ) -> None:
        """Write ``todo`` (flattened as ``rows``, unless None) in one transaction; if Neo4j refuses it,
        write its articles one by one."""
        if rows is None:
            rows = build_rows(todo, validated=True)  # the batch loop validated every article of todo
        try:
            with self._session() as session:
                counters, kinds = session.execute_write(self._write_batch, rows)
        except neo4j.exceptions.Neo4jError as exc:
            if on_reject is None or not refuses_the_data(exc):
                raise
            if len(todo) > 1:
                for ex in todo:
                    self._commit([ex], stats, on_reject)
            else:
                reject(todo[0].article.id, f"Neo4j refused it: {first_sentence(exc)}", stats, on_reject)
            return
        self.statements.update(kinds)
        stats.record_batch(rows, counters)

    @staticmethod
    def _write_batch(tx: neo4j.ManagedTransaction, rows: BatchRows) -> tuple[Counter, Counter]:
        """All statements of one batch, in one transaction (:func:`kg.load.neo4j_batch.write_batch`)."""
        return write_batch(tx, rows)

    # -- reading ----------------------------------------------------------------------------------------------
    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """``{article id: content_hash}`` for the given ids that are completely loaded."""
        if not ids:
            return {}
        query = (
            "UNWIND $ids AS id MATCH (a:Article {id: id}) WHERE a.content_hash IS NOT NULL "
            "RETURN a.id AS id, a.content_hash AS h"
        )
        with self._session(neo4j.READ_ACCESS) as session:  # managed: retried like the writes
            records = session.execute_read(_fetch, query, ids=list(ids))
        return {r["id"]: r["h"] for r in records}

    def counts(self) -> dict[str, int]:
        """Node and relationship totals plus one entry per non-empty label and relationship type.

        One statement (count subqueries, answered from Neo4j's count store), labels and types
        from the whitelists only. The totals count kg's own nodes (``Article``, ``Entity``,
        ``Concept``) and relationship types, as the embedded store, ``export`` and ``analyze`` see
        them; anything else in a shared database is reported apart, as ``other_nodes`` and
        ``other_relationships`` (only when there is some).
        """
        labels = ["Article", "Entity", "Concept", *sorted(ENTITY_TYPES)]
        parts = ["RETURN COUNT { MATCH (n) } AS all_nodes", "COUNT { MATCH ()-[r]->() } AS all_relationships"]
        parts += [f"COUNT {{ MATCH (:{label}) }} AS {label}" for label in labels]
        parts += [f"COUNT {{ MATCH ()-[:{rel_type}]->() }} AS {rel_type}" for rel_type in relationship_types()]
        with self._session(neo4j.READ_ACCESS) as session:
            (values,) = session.execute_read(_fetch, ", ".join(parts))
        all_nodes, all_relationships = values.pop("all_nodes"), values.pop("all_relationships")
        nodes = values["Article"] + values["Entity"] + values["Concept"]
        relationships = sum(values[t] for t in relationship_types())
        out = {"nodes": nodes, "relationships": relationships} | {k: v for k, v in values.items() if v}
        if all_nodes > nodes:
            out["other_nodes"] = all_nodes - nodes
        if all_relationships > relationships:
            out["other_relationships"] = all_relationships - relationships
        return out

    def _session(self, mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        # Notifications off: "property key does not exist" on a fresh database is noise, not news.
        return self.driver.session(
            database=self.database,
            default_access_mode=mode,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )

    def to_networkx(
        self, *, predicates: Sequence[str] | None = None, since: date | None = None, until: date | None = None
    ) -> nx.MultiDiGraph:
        """The graph read through a Cypher projection (:mod:`kg.load.neo4j_projection`), filtered by the server."""
        from kg.load.neo4j_projection import neo4j_to_networkx

        wanted = None if predicates is None else list(predicates)
        return neo4j_to_networkx(self.driver, self.database, predicates=wanted, since=since, until=until)

    def close(self) -> None:
        if self.owns_driver:
            self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fetch(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[dict[str, Any]]:
    """All records of ``query`` as dicts, inside a managed transaction (so the driver retries it)."""
    return [record.data() for record in tx.run(query, **params)]  # type: ignore[arg-type]  # whitelisted parts only
