"""What every graph store offers (:class:`GraphStore`) and what a load reports (:class:`LoadStats`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from kg.load.rows import BatchRows
from kg.model import Extraction


class StoreError(RuntimeError):
    """A store cannot be opened or reached; the message is safe to show (no credentials)."""


@dataclass
class LoadStats:
    """What a load committed. Updated after each committed batch, so it is exact even after Ctrl-C."""

    articles_written: int = 0
    articles_skipped: int = 0  # same id and content_hash already in the store
    articles_rejected: int = 0  # refused by the model's checks or by the store (each one reported)
    entities: int = 0  # distinct entity keys written
    triples: int = 0
    nodes_created: int = 0
    nodes_merged: int = 0  # MERGE found an existing node
    relationships_created: int = 0
    relationships_deleted: int = 0  # old evidence of changed articles
    nodes_deleted: int = 0  # concepts only that old evidence pointed to
    batches: int = 0
    seconds: float = 0.0
    _started: float = field(default_factory=time.perf_counter, repr=False)
    _entity_keys: set[str] = field(default_factory=set, repr=False)

    def record_batch(self, rows: BatchRows, counters: Mapping[str, int]) -> None:
        """Add one committed batch (its rows and the store's created/deleted counters)."""
        self.articles_written += len(rows.articles)
        self._entity_keys.update(row["key"] for group in rows.entities.values() for row in group)
        self.entities = len(self._entity_keys)
        self.triples += rows.triple_count
        node_rows = len(rows.articles) + rows.entity_count + len(rows.concepts)
        self.nodes_created += counters.get("nodes_created", 0)
        self.nodes_merged += node_rows - counters.get("nodes_created", 0)
        self.relationships_created += counters.get("relationships_created", 0)
        self.relationships_deleted += counters.get("relationships_deleted", 0)
        self.nodes_deleted += counters.get("nodes_deleted", 0)

    def tick(self) -> None:
        self.seconds = time.perf_counter() - self._started

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


#: Called after each committed batch with the stats so far and the batch's article ids.
BatchCallback = Callable[[LoadStats, Sequence[str]], None]
#: Called with (article id, reason) for an article that is not written; without one, the error is raised.
RejectCallback = Callable[[str, str], None]


def reject(article_id: str, reason: str, stats: LoadStats, on_reject: RejectCallback) -> None:
    """Count the article as rejected and tell ``on_reject`` why (by the batch loop and by a store's commit)."""
    stats.articles_rejected += 1
    on_reject(article_id, reason)


@runtime_checkable
class GraphStore(Protocol):
    """The small interface of both stores (Neo4j and the embedded SQLite store)."""

    batch_size: int
    #: What the store is, for messages: "Neo4j at bolt://host:7687", "the embedded store in kg-data".
    where: str

    def ensure_schema(self) -> None: ...

    def write(
        self,
        extractions: Iterable[Extraction],
        *,
        stats: LoadStats | None = None,
        on_batch: BatchCallback | None = None,
        force: bool = False,
        on_reject: RejectCallback | None = None,
    ) -> LoadStats: ...

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]: ...

    def counts(self) -> dict[str, int]: ...

    def to_networkx(
        self, *, predicates: Sequence[str] | None = None, since: date | None = None, until: date | None = None
    ) -> nx.MultiDiGraph:
        """The graph as a ``MultiDiGraph`` (layout: :mod:`kg.graph.build`), every node, and the extracted
        relations the filters keep: only ``predicates`` (None: all), published on or after ``since`` and on
        or before ``until``. The store filters, so :mod:`kg.graph` needs no store of its own."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...


def batches(extractions: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    """Group extractions so that each batch (one transaction) holds about ``size`` triples.

    An article counts as its number of triples plus one, so that articles
    without triples still form bounded batches. Each batch costs a fixed
    number of statements (one per node label and relationship type) plus a
    commit, so larger batches load faster, up to the server's memory.
    """
    batch: list[Extraction] = []
    rows = 0
    for ex in extractions:
        batch.append(ex)
        rows += 1 + len(ex.triples)
        if rows >= size:
            yield batch
            batch, rows = [], 0
    if batch:
        yield batch
