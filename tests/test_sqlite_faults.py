"""SQLite failing mid-run (issue 13, item 7): a full disk, a damaged ``graph.sqlite``.

kg names the store and the likely cause, exits 3 with the summary of what was committed, and what it
reports as committed is exactly what the store holds. The full disk is a file-size limit on the kg
process (``RLIMIT_FSIZE``, with SIGXFSZ ignored so the write fails instead of killing the process).
"""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess

import pytest

from tests.test_faults import KG, kg_env, run_kg, summary_number, synthetic_extractions, write_jsonl


def limited_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def complete(store) -> int:
    conn = sqlite3.connect(store / "graph.sqlite")
    try:
        return conn.execute("SELECT count(*) FROM articles WHERE content_hash IS NOT NULL").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(synthetic_extractions(3000), tmp_path_factory.mktemp("sq") / "c.jsonl")


def test_disk_full_mid_load_is_a_message_with_the_summary(corpus, tmp_path):
    store = tmp_path / "s"
    cmd = [*KG, "load", "--store", str(store), "--batch-size", "100", str(corpus)]
    proc = subprocess.run(
        cmd, env=kg_env(NEO4J_URI=None), capture_output=True, text=True, timeout=300,
        preexec_fn=limited_file_size(3_000_000),
    )  # fmt: skip
    err = proc.stderr
    assert proc.returncode == 3, err[-3000:]
    assert "Traceback" not in err
    assert f"kg: error: the embedded store in {store} failed while writing" in err
    assert "full or read-only" in err
    written = summary_number(err, "written")
    assert 0 < written < 3000
    assert complete(store) == written


def test_a_damaged_store_is_named_not_a_traceback(corpus, tmp_path):
    store = tmp_path / "s"
    assert run_kg("load", "--store", str(store), str(corpus), env=kg_env(NEO4J_URI=None)).returncode == 0
    db = store / "graph.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    for offset in range(len(data) // 2 // page * page, len(data), 3 * page):  # every third page of the 2nd half
        data[offset : offset + page] = b"\xa5" * page
    db.write_bytes(bytes(data))
    for args in (["stats"], ["export", "--format", "json"], ["load", str(corpus)]):
        result = run_kg(*args, "--store", str(store), env=kg_env(NEO4J_URI=None))
        assert result.returncode == 3, (args, result.stderr[-2000:])
        assert "Traceback" not in result.stderr
        assert f"the embedded store in {store}" in result.stderr, result.stderr[-2000:]
        assert "is damaged" in result.stderr
