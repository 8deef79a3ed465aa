"""The one batch loop both stores write through: batch, screen, skip what is loaded, commit, report.

Why one loop: the embedded store and Neo4j must skip, reject, count and report progress alike (the
same corpus gives the same stats and the same graph in both), so the loop is written once and a store
supplies only what differs: how it reads the loaded articles' hashes and how it commits a batch.

* Articles that fail the model's checks (:func:`kg.load.rows.validate`: whitelists, length limits)
  are reported to ``on_reject`` and left out before the store is touched, even by a read; without
  ``on_reject`` the first one's :class:`~kg.model.ModelError` is raised.
* Articles the store holds with the same ``content_hash`` are skipped unless ``force``.
* ``commit(todo, rows, stats, on_reject)`` writes the rest in one transaction and records it in
  ``stats``; it may reject articles itself (Neo4j retries a refused batch article by article),
  through the ``on_reject`` it is given.
* After each batch: ``stats.batches``, the elapsed time, and ``on_batch(stats, ids)``.

``pipelined``: the commit runs in a worker thread, one batch deep (see :func:`write_batches`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

from kg.load.base import BatchCallback, LoadStats, RejectCallback, batches, reject
from kg.load.rows import BatchRows, build_rows, validate
from kg.model import Extraction, ModelError

T = TypeVar("T")

#: Writes ``todo`` (flattened as ``rows``, or None: the step flattens them) in one transaction and records
#: it in the stats; reports to the callback (if any) the articles the store itself refuses.
CommitStep = Callable[[list[Extraction], BatchRows | None, LoadStats, RejectCallback | None], None]


def write_batches(
    extractions: Iterable[Extraction],
    stats: LoadStats,
    *,
    batch_size: int,
    known_hashes: Callable[[Sequence[str]], dict[str, str]],
    commit: CommitStep,
    force: bool = False,
    on_batch: BatchCallback | None = None,
    on_reject: RejectCallback | None = None,
    pipelined: bool = False,
    before_reads: Callable[[], None] | None = None,
) -> None:
    """Write ``extractions`` batch by batch through ``commit``; ``before_reads`` runs before the store's
    first read (Neo4j creates its schema then, not before a batch holds anything to write).

    Pipelined, one deep: while batch N is written (by a worker thread, which mostly waits for the
    server), batch N+1 is read (in ``kg ingest``: extracted), screened and flattened here, work that
    used to leave the server idle (a fifth of a load's time; bench/run.py load_vs_ceiling). Batches
    still commit one at a time and in input order, and batch N+1 is checked against the store
    (``known_hashes``) only after N committed, so the graph and the stats are those of one batch after
    the other; an interrupt waits for the batch in flight. While a batch is in flight only the worker
    touches ``stats`` and nothing calls ``on_reject`` (the worker's rejections are passed on when it has
    finished), so callers see one thread. Not pipelined, each batch commits here and lands at once.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store-write") if pipelined else _Inline() as pool:
        flight: _Flight | None = None
        try:
            for batch in batches(extractions, batch_size):
                ids = [ex.article.id for ex in batch]
                # Refuse forbidden labels/types and over-long values before any statement, even a read, runs.
                kept, refused = _sort_out(batch)
                # Flatten now only if a write is in flight to hide it behind (not when all is skipped).
                rows = build_rows(kept, validated=True) if kept and flight and not flight.job.done() else None
                if flight is not None:
                    landing, flight = flight, None  # landed once, even if landing raises
                    _landed(landing, stats, on_batch, on_reject)
                for article_id, error in refused:
                    if on_reject is None:
                        raise error
                    reject(article_id, str(error), stats, on_reject)
                todo: list[Extraction] = []
                if kept:
                    if before_reads is not None:
                        before_reads()
                    known = known_hashes([ex.article.id for ex in kept])
                    todo = [ex for ex in kept if force or known.get(ex.article.id) != ex.article.content_hash]
                    stats.articles_skipped += len(kept) - len(todo)
                flight = _Flight(ids)
                if todo:
                    rows = rows if len(todo) == len(kept) else None
                    later = None
                    if on_reject is not None:
                        box = flight.rejected
                        later = lambda article_id, reason, box=box: box.append((article_id, reason))  # noqa: E731
                    flight.job = pool.submit(commit, todo, rows, stats, later)
                if not pipelined:
                    landing, flight = flight, None
                    _landed(landing, stats, on_batch, on_reject)
            if flight is not None:
                landing, flight = flight, None
                _landed(landing, stats, on_batch, on_reject)
        except BaseException:
            if flight is not None:  # let the batch in flight finish and count it; report the first error
                with contextlib.suppress(Exception):
                    _landed(flight, stats, on_batch, on_reject)
            raise
    stats.tick()


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


class _Flight:
    """A batch handed to the commit step: its ids, its job, the rejections it will pass on."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.job: Future[None] = Future()
        self.job.set_result(None)  # nothing to write until a job replaces it
        self.rejected: list[tuple[str, str]] = []


class _Inline(Executor):
    """Runs each job at once, in the calling thread; its error (Ctrl-C included) is raised when it lands."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        job: Future[T] = Future()
        try:
            job.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to whoever waits for the job, as a thread would
            job.set_exception(exc)
        return job


def _sort_out(batch: Sequence[Extraction]) -> tuple[list[Extraction], list[tuple[str, ModelError]]]:
    """The articles of ``batch`` that may be written, and (id, error) of the others, to be reported once
    no batch is in flight. Why per article: one absurd value (a 9,000-character name) must cost its own
    article, not the batch's valid ones."""
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
