"""A Neo4j restart mid-ingest costs the retry budget, not the run (issue 13, item 6).

Every statement kg runs, reads included (``known_hashes``, which ``kg ingest`` asks before each batch),
is a managed transaction the driver retries. Before, the look-up was an auto-commit query: the first one
that met the stopped server ended the run within seconds, though writes were retried for 30 s.
"""

from __future__ import annotations

import json
import subprocess
import time

import pytest

from tests.test_faults import KG, committed_articles, kg_env, wait_until

pytestmark = [pytest.mark.neo4j, pytest.mark.slow, pytest.mark.model]

TEXT = (
    "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border. "
    "The German foreign minister warned Moscow against further escalation. "
    "Ukraine accused Russia of shelling Kharkiv overnight. "
)


def test_neo4j_restart_mid_ingest_is_ridden_out(throwaway_neo4j, nlp_en, tmp_path):
    server = throwaway_neo4j
    n = 600
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "lang": "en", "text": TEXT * 3}) + "\n" for i in range(n)))
    env = kg_env(NEO4J_URI=server.uri, NEO4J_PASSWORD="kg-dev-password", KG_NEO4J_RETRY_TIME="90", KG_STORE=None)
    args = ["ingest", "--neo4j", "--batch-size", "1", str(corpus)]
    err = (tmp_path / "err").open("w+")
    proc = subprocess.Popen([*KG, *args], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=err, text=True)
    try:
        with server.driver() as probe:
            wait_until(lambda: committed_articles(probe) >= 10 or proc.poll() is not None, 240, "some articles")
        assert proc.poll() is None, "the ingest finished before the restart: make the corpus larger"
        server.stop()
        time.sleep(20)  # longer than extracting one pipe batch: kg's next look-up meets the stopped server
        assert proc.poll() is None, "kg gave up while the server was down"
        server.start()
        rc = proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
    err.seek(0)
    stderr = err.read()
    assert rc == 0, stderr[-3000:]
    assert "lost the connection" not in stderr and "Traceback" not in stderr
    with server.driver() as probe:
        assert committed_articles(probe) == n
