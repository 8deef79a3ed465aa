"""`kg ingest --workers 2` killed or terminated (issue 13, item 10): the workers never outlive kg.

SIGKILL gives kg no chance to stop its pool, so the workers must notice by themselves (the kernel's
parent-death signal, and a watch thread); SIGTERM is handled like Ctrl-C: exit 130 with the summary.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess

import pytest

from tests.test_faults import KG, _alive, _children, _local_committed, kg_env, news_corpus, summary_number, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.model]


def start_ingest(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in news_corpus(600)) + "\n")
    store = tmp_path / "store"
    args = ["ingest", "--workers", "2", "--batch-size", "40", "--store", str(store), str(corpus)]
    proc = subprocess.Popen([*KG, *args], env=kg_env(NEO4J_URI=None), stderr=subprocess.PIPE, text=True)
    wait_until(lambda: _local_committed(store) >= 20 or proc.poll() is not None, 240, "some batches to commit")
    assert proc.poll() is None, "the ingest finished before the signal: make the corpus larger"
    workers = _children(proc.pid)
    assert len(workers) >= 2, "expected two parsing worker processes"
    return proc, workers, store


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_kg(tmp_path, nlp_de, nlp_en, sig):
    proc, workers, store = start_ingest(tmp_path)
    try:
        proc.send_signal(sig)
        # Not communicate(): orphaned workers would hold the stderr pipe open and block it.
        rc = proc.wait(timeout=60)
        wait_until(lambda: not any(_alive(pid) for pid in workers), 20, "the parsing workers to exit")
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in workers:  # never leave them behind, even when the test fails
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    stderr = proc.stderr.read()
    if sig == signal.SIGTERM:
        assert rc == 130, stderr[-2000:]
        assert "interrupted" in stderr and "Traceback" not in stderr
        assert summary_number(stderr, "written") <= _local_committed(store)
    else:
        assert rc == -signal.SIGKILL
