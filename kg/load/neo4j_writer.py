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
* One statement per (batch, node label) and per (batch, relationship type):
  labels and types cannot be parameters, so they are spliced in, but only from
  the whitelists (:mod:`kg.vocabulary`), checked for the whole batch
  before any statement runs. Every value is a parameter.
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
  (:func:`kg.load.base.screen`: whitelists, length limits) are reported and left
  out before any Cypher runs, and when Neo4j itself refuses a batch (say, an
  index entry it cannot hold), its articles are retried one by one, so only the
  article Neo4j refuses is reported and the others are written.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from typing import Any

import neo4j
import networkx as nx

from kg.load.base import BatchCallback, LoadStats, RejectCallback, StoreError, batches, reject
from kg.load.rows import BatchRows, build_rows, validate
from kg.load.schema import ensure_schema
from kg.model import ENTITY_TYPES, Extraction, ModelError
from kg.vocabulary import check_label, check_relationship_type, relationship_types, vocabulary

#: Reuse cached plans instead of re-planning whenever the graph's statistics drift (they drift all
#: the time while loading). The write statements start from unique-constraint seeks, which the planner
#: picks whatever the statistics, and schema changes still clear the cache. Measured on the shared
#: 2-core box: a 24-article batch in a new process went from ~12 s (re-planning ~40 statements) to
#: ~0.5 s. The evidence deletes are planned normally (their index seek does depend on statistics).
_REUSE_PLANS = "CYPHER replan=skip "

#: Pauses before re-trying a batch that met a uniqueness conflict (another loader writing the same keys).
CONFLICT_RETRY_DELAYS_S = (0.2, 0.5, 1.0, 2.0)

_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.source = row.source, a.published = row.published, a.lang = row.lang,
    a.place = row.place, a.agency = row.agency, a.content_hash = row.content_hash
"""

_ENTITIES = """
UNWIND $rows AS row
MERGE (e:Entity {key: row.key})
SET e:{label}, e.name = row.name, e.type = row.type,
    e.country = coalesce(row.country, e.country), e.role = coalesce(row.role, e.role),
    e.sector = coalesce(row.sector, e.sector),
    e.aliases = coalesce(e.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(e.aliases, [])]
{remove}
"""

_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {key: row.key})
SET c.text = row.text, c.lang = row.lang
"""

_INVOLVES = """
UNWIND $rows AS row
MATCH (c:Concept {key: row.concept})
MATCH (e:Entity {key: row.entity})
MERGE (c)-[:INVOLVES]->(e)
"""

# Evidence: the batch's articles have none at this point (see _STORED and the deletes), so CREATE.
_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id})
MATCH (e:Entity {key: row.key})
CREATE (a)-[m:MENTIONS]->(e)
SET m.count = row.count
"""

# One statement per relationship type and object label: {label} is Entity or Concept, so the
# object is one unique-index seek (two OPTIONAL MATCHes and a coalesce cost a third more).
_RELATIONS = """
UNWIND $rows AS row
MATCH (s:Entity {key: row.subject})
MATCH (o:{label} {key: row.object})
CREATE (s)-[r:{type}]->(o)
SET r = row.props
"""

# Which of the batch's articles the database holds in any state (complete or not).
_STORED = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id"
_DELETE_MENTIONS = "MATCH (a:Article)-[m:MENTIONS]->() WHERE a.id IN $ids DELETE m"
_DELETE_EVIDENCE = """
MATCH ()-[r:{type}]->(o) WHERE r.article_id IN $ids
WITH r, CASE WHEN o:Concept THEN o.key END AS concept
DELETE r
RETURN collect(DISTINCT concept) AS concepts
"""

# Concepts only the replaced evidence pointed to would be left dangling: drop them.
_DROP_ORPHAN_CONCEPTS = """
UNWIND $keys AS key
MATCH (c:Concept {key: key})
WHERE NOT ()-->(c)
DETACH DELETE c
"""


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
                f"cannot create kg's schema in {self.where}: {_first_sentence(exc)}. The database holds data "
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
            self._write_batches(extractions, stats, on_batch, force, on_reject)
        except Exception as exc:
            # Ctrl-C inside the driver (e.g. during COMMIT) can surface as a secondary error from the
            # driver's clean-up, such as BufferError; it is still an interrupt, not a crash.
            if _caused_by_interrupt(exc):
                raise KeyboardInterrupt from exc
            raise
        return stats

    def _write_batches(
        self,
        extractions: Iterable[Extraction],
        stats: LoadStats,
        on_batch: BatchCallback | None,
        force: bool,
        on_reject: RejectCallback | None,
    ) -> None:
        """The batches, pipelined one deep: while batch N is written (by a worker thread, which mostly
        waits for the server), batch N+1 is read (in ``kg ingest``: extracted), screened and flattened
        here, work that used to leave the server idle (a fifth of a load's time; bench/run.py
        load_vs_ceiling). Batches still commit one at a time and in input order, and batch N+1 is
        checked against the database (:meth:`known_hashes`) only after N committed, so the graph and
        the stats are those of one batch after the other; an interrupt waits for the batch in flight.
        While a batch is in flight only the worker touches ``stats`` and nothing calls ``on_reject``
        (the worker's rejections are passed on when it has finished), so callers see one thread.
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-neo4j-write") as pool:
            flight: _Flight | None = None
            try:
                for batch in batches(extractions, self.batch_size):
                    ids = [ex.article.id for ex in batch]
                    # Refuse forbidden labels/types and over-long values before any Cypher, even a read, runs.
                    kept, refused = _sort_out(batch)
                    # Flatten now only if a write is in flight to hide it behind (not when all is skipped).
                    rows = build_rows(kept, validated=True) if kept and flight and not flight.job.done() else None
                    if flight is not None:
                        landing, flight = flight, None  # landed once, even if landing raises
                        self._landed(landing, stats, on_batch, on_reject)
                    for article_id, error in refused:
                        if on_reject is None:
                            raise error
                        reject(article_id, str(error), stats, on_reject)
                    batch = kept
                    todo: list[Extraction] = []
                    if batch:
                        if not self._schema_ready:
                            self.ensure_schema()
                        known = self.known_hashes([ex.article.id for ex in batch])
                        todo = [ex for ex in batch if force or known.get(ex.article.id) != ex.article.content_hash]
                        stats.articles_skipped += len(batch) - len(todo)
                    flight = _Flight(ids)
                    if todo:
                        rows = rows if len(todo) == len(batch) else None
                        later = None
                        if on_reject is not None:
                            box = flight.rejected
                            later = lambda article_id, reason, box=box: box.append((article_id, reason))  # noqa: E731
                        flight.job = pool.submit(self._commit_racing, todo, stats, later, force, rows)
                if flight is not None:
                    landing, flight = flight, None
                    self._landed(landing, stats, on_batch, on_reject)
            except BaseException:
                if flight is not None:  # let the batch in flight finish and count it; report the first error
                    with contextlib.suppress(Exception):
                        self._landed(flight, stats, on_batch, on_reject)
                raise
        stats.tick()

    @staticmethod
    def _landed(
        flight: _Flight, stats: LoadStats, on_batch: BatchCallback | None, on_reject: RejectCallback | None
    ) -> None:
        """Wait for the batch in flight (its error is raised here), pass on its rejections, account for it."""
        flight.job.result()
        if on_reject is not None:
            for article_id, reason in flight.rejected:
                on_reject(article_id, reason)
        stats.batches += 1
        stats.tick()
        if on_batch is not None:
            on_batch(stats, flight.ids)

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
                if on_reject is None or not _refuses_the_data(exc):
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
            rows = build_rows(todo, validated=True)  # _sort_out() validated every article of todo
        try:
            with self._session() as session:
                counters, kinds = session.execute_write(self._write_batch, rows)
        except neo4j.exceptions.Neo4jError as exc:
            if on_reject is None or not _refuses_the_data(exc):
                raise
            if len(todo) > 1:
                for ex in todo:
                    self._commit([ex], stats, on_reject)
            else:
                reject(todo[0].article.id, f"Neo4j refused it: {_first_sentence(exc)}", stats, on_reject)
            return
        self.statements.update(kinds)
        stats.record_batch(rows, counters)

    @staticmethod
    def _write_batch(tx: neo4j.ManagedTransaction, rows: BatchRows) -> tuple[Counter, Counter]:
        """All statements of one batch, in one transaction (re-run from scratch if the driver retries).

        The articles whose old evidence is deleted are looked up inside the transaction, so a
        retry re-reads what the database holds. A concurrent loader writing the same article at
        the same moment fails on the triple-id constraint (the whole batch rolls back) instead
        of duplicating its triples.
        """
        counters: Counter[str] = Counter()
        kinds: Counter[str] = Counter()

        def run(kind: str, query: str, reuse_plan: bool = True, **params: Any) -> list[neo4j.Record]:
            prefix = _REUSE_PLANS if reuse_plan else ""
            result = tx.run(prefix + query, **params)  # type: ignore[arg-type]  # built from whitelists only
            records = list(result)
            c = result.consume().counters
            counters.update(
                nodes_created=c.nodes_created,
                nodes_deleted=c.nodes_deleted,
                relationships_created=c.relationships_created,
                relationships_deleted=c.relationships_deleted,
            )
            kinds[kind] += 1
            return records

        orphans: set[str] = set()
        replaced = [r["id"] for r in run("stored", _STORED, ids=rows.article_ids)]
        if replaced:
            run("delete:MENTIONS", _DELETE_MENTIONS, ids=replaced)
            present = {r["t"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")}
            for rel_type in sorted(present & vocabulary()):
                records = run(
                    f"delete:{rel_type}",
                    _DELETE_EVIDENCE.replace("{type}", check_relationship_type(rel_type)),
                    reuse_plan=False,  # index seek vs type scan does depend on the statistics
                    ids=replaced,
                )
                orphans.update(records[0]["concepts"])
        run("articles", _ARTICLES, rows=rows.articles)
        for label, entity_rows in sorted(rows.entities.items()):
            others = sorted(ENTITY_TYPES - {check_label(label)})
            query = _ENTITIES.replace("{label}", label).replace("{remove}", "REMOVE e:" + ":".join(others))
            run(f"entities:{label}", query, rows=entity_rows)
        if rows.concepts:
            run("concepts", _CONCEPTS, rows=rows.concepts)
        if rows.involves:
            run("involves", _INVOLVES, rows=rows.involves)
        if rows.mentions:
            run("mentions", _MENTIONS, rows=rows.mentions)
        for predicate, rel_rows in rows.relations.items():
            query = _RELATIONS.replace("{type}", check_relationship_type(predicate))
            for label in ("Entity", "Concept"):
                part = [r for r in rel_rows if r["object_label"] == label]
                if part:
                    run(f"relations:{predicate}:{label}", query.replace("{label}", label), rows=part)
        if orphans:
            run("orphans", _DROP_ORPHAN_CONCEPTS, keys=sorted(orphans))
        return counters, kinds

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


class _Flight:
    """A batch handed to the writer thread: its ids, its job, the rejections it will pass on."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.job: Future[None] = Future()
        self.job.set_result(None)  # nothing to write until a job replaces it
        self.rejected: list[tuple[str, str]] = []


def _sort_out(batch: Sequence[Extraction]) -> tuple[list[Extraction], list[tuple[str, ModelError]]]:
    """:func:`kg.load.base.screen` without its side effects: the articles that may be written, and
    (id, error) of the others, to be reported once no batch is in flight."""
    kept: list[Extraction] = []
    refused: list[tuple[str, ModelError]] = []
    for ex in batch:
        try:
            validate(ex)
        except ModelError as exc:
            refused.append((ex.article.id, exc))
            continue
        kept.append(ex)
    return kept, refused


def _fetch(tx: neo4j.ManagedTransaction, query: str, **params: Any) -> list[dict[str, Any]]:
    """All records of ``query`` as dicts, inside a managed transaction (so the driver retries it)."""
    return [record.data() for record in tx.run(query, **params)]  # type: ignore[arg-type]  # whitelisted parts only


def _refuses_the_data(exc: neo4j.exceptions.Neo4jError) -> bool:
    """Whether Neo4j refused what a batch holds (not the connection, the credentials or the database).

    Only such errors depend on the articles, so only they are worth retrying article by article.
    """
    code = exc.code or ""
    return code.startswith(("Neo.ClientError.Statement.", "Neo.ClientError.Schema.", "Neo.DatabaseError.Statement."))


def _first_sentence(exc: neo4j.exceptions.Neo4jError) -> str:
    """The start of the server's message ("Property value is too large to index"), without internal details."""
    message = (exc.message or str(exc)).split(". ", 1)[0].split(", please", 1)[0]
    return message[:200]


def _caused_by_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a KeyboardInterrupt was being handled."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
