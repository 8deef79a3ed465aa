"""The Neo4j loader's one-deep pipeline (issue 15 item 4): batch N is written by a worker thread while
batch N+1 is read and flattened, yet batches commit in input order and every count is that of the
sequential loop, also when the input is interrupted."""

from __future__ import annotations

import threading

import pytest

from kg.load import Neo4jStore
from kg.load.base import LoadStats


def committed(driver) -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) WHERE a.content_hash IS NOT NULL RETURN count(a) AS n")
    return records[0]["n"]


@pytest.mark.neo4j
def test_batches_land_in_order_on_the_callers_thread(neo4j_db):
    from bench import synthetic

    extractions = list(synthetic.extractions(24))
    store = Neo4jStore(neo4j_db, batch_size=50)  # 13 rows per article: 4 articles per batch
    seen: list[tuple[int, list[str], int, str]] = []

    def on_batch(stats: LoadStats, ids) -> None:
        seen.append((stats.batches, list(ids), stats.articles_written, threading.current_thread().name))

    stats = store.write(extractions, on_batch=on_batch)
    assert [s[0] for s in seen] == [1, 2, 3, 4, 5, 6]
    assert [i for s in seen for i in s[1]] == [ex.article.id for ex in extractions]
    assert [s[2] for s in seen] == [4, 8, 12, 16, 20, 24]  # each callback sees its own batch committed
    assert {s[3] for s in seen} == {threading.current_thread().name}
    assert stats.articles_written == committed(neo4j_db) == 24
    again = store.write(extractions)
    assert again.articles_skipped == 24 and again.articles_written == 0


@pytest.mark.neo4j
def test_an_interrupted_input_keeps_and_counts_the_batch_in_flight(neo4j_db):
    from bench import synthetic

    extractions = list(synthetic.extractions(20))

    def source():
        yield from extractions
        raise KeyboardInterrupt  # Ctrl-C while the next article is read, batch 5 still being written

    stats = LoadStats()
    with pytest.raises(KeyboardInterrupt):
        Neo4jStore(neo4j_db, batch_size=50).write(source(), stats=stats)
    assert stats.batches == 5 and stats.articles_written == 20 == committed(neo4j_db)
