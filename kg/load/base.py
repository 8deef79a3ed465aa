"""What every graph store offers (:class:`GraphStore`) and what a load reports (:class:`LoadStats`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from kg.model import Extraction


class StoreError(RuntimeError):
    """A store cannot be opened or reached; the message is safe to show (no credentials)."""


@dataclass
class LoadStats:
    """What a load committed. Updated after each committed batch, so it is exact even after Ctrl-C."""

    articles_written: int = 0
    articles_skipped: int = 0  # same id and content_hash already in the store
    entities: int = 0  # entity rows written (merged per batch), not distinct entities overall
    triples: int = 0
    nodes_created: int = 0
    nodes_merged: int = 0  # MERGE found an existing node
    relationships_created: int = 0
    relationships_deleted: int = 0  # old evidence of changed articles
    nodes_deleted: int = 0  # concepts only that old evidence pointed to
    batches: int = 0
    seconds: float = 0.0
    _started: float = field(default_factory=time.perf_counter, repr=False)

    def tick(self) -> None:
        self.seconds = time.perf_counter() - self._started

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


#: Called after each committed batch with the stats so far and the batch's article ids.
BatchCallback = Callable[[LoadStats, Sequence[str]], None]


@runtime_checkable
class GraphStore(Protocol):
    """The small interface of both stores (Neo4j and the embedded SQLite store)."""

    batch_size: int

    def ensure_schema(self) -> None: ...

    def write(
        self,
        extractions: Iterable[Extraction],
        *,
        stats: LoadStats | None = None,
        on_batch: BatchCallback | None = None,
        force: bool = False,
    ) -> LoadStats: ...

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]: ...

    def counts(self) -> dict[str, int]: ...

    def to_networkx(self) -> nx.MultiDiGraph: ...

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
