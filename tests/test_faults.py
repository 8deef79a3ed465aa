"""Faults: Neo4j unreachable, Neo4j killed mid-load, Ctrl-C. kg stops with a clear message, a summary of
what was committed and the right exit code; nothing is half-written; re-running the same command completes
the load, with exactly the graph an uninterrupted load gives."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-c", "from kg.cli import main; main()"]
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j"
PREDICATES = ("STATES", "DENIES", "WARNS", "ACCUSES", "MEETS", "SUPPORTS")
#: What one synthetic article counts for in --batch-size (kg.load.base.batches: 1 + its 4 triples).
UNITS_PER_ARTICLE = 5


# -- a synthetic corpus, written by kg's own model so `kg load` reads it like `kg extract` output ---------------
def _pool() -> list[Entity]:
    countries = [
        Entity(f"country:X{a}{b}", f"Land {a}{b}", "Country", (f"Land {a}{b}",), f"X{a}{b}")
        for a in "ABCDEFGH"
        for b in "ABCDEFGH"
    ]
    people = [
        Entity(f"person:minister-{i}", f"Minister {i}", "Person", (f"M. {i}", f"Minister {i}"), c.country, "minister")
        for i, c in enumerate(countries)
    ]
    orgs = [Entity(f"org:bund-{i}", f"Bündnis {i}", "Organization", (f"B{i}",)) for i in range(40)]
    return countries + people + orgs


def synthetic_extractions(n: int) -> Iterator[Extraction]:
    """``n`` articles, each with 6 entities and 4 triples (entity and concept objects), deterministic."""
    pool = _pool()
    for i in range(n):
        ents = tuple(pool[(i * 7 + k * 13) % len(pool)] for k in range(6))
        article = Article.create(
            f"Artikel {i}: {ents[0].name} und {ents[1].name} sprechen über {ents[2].name}. " * 3,
            id=f"art-{i:06d}",
            title=f"Meldung {i}",
            source="kg-fault-test",
            published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            lang="de",
        )
        triples = []
        for k in range(4):
            subj, obj_ent = ents[k], ents[k + 1]
            obj = obj_ent if k % 2 else Concept.create(f"Lage in {obj_ent.name} Nummer {i % 50}", "de", [obj_ent.key])
            prov = Provenance(article.id, k, 10 * k, 10 * k + 9, f"Satz {k} von Artikel {i} über {obj_ent.name}.")
            triples.append(
                Triple(
                    subj,
                    PREDICATES[(i + k) % len(PREDICATES)],
                    obj,
                    prov,
                    verb="sagen",
                    hedged=bool(k == 3),
                    polarity="negative" if (i + k) % 5 == 0 else "positive",
                    confidence=0.5 + k / 10,
                )
            )
        yield Extraction(article, ents, tuple(triples), tuple((e.key, 1 + (i + j) % 3) for j, e in enumerate(ents)))


def write_jsonl(extractions: Iterable[Extraction], path: str | Path) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for ex in extractions:
            for record in ex.to_records():
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# -- helpers ------------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kg_env(**overrides: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_kg(
    *args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def summary_number(stderr: str, name: str) -> int:
    """A number from the closing summary line (``kg: articles read 9, unchanged 0, written 12, ...``)."""
    lines = [
        ln for ln in stderr.splitlines() if ln.startswith("kg: ") and not ln.startswith(("kg: warning", "kg: error"))
    ]
    for line in reversed(lines):
        match = re.search(rf"(?:^kg: |, ){re.escape(name)} (\d+)(?:,|$| )", line)
        if match:
            return int(match.group(1))
    raise AssertionError(f"no {name!r} in the summary:\n{stderr}")


def wait_until(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def interrupt_when(cmd: list[str], env: dict, ready, wait: float, what: str, grace: float, limit: float) -> str:
    """Run ``cmd``, send Ctrl-C once ``ready()`` holds, and return its stderr.

    Asserts the command was still running at that point (else the corpus is too small), that it
    stopped within ``limit`` seconds of the signal, and that it exited 130 with no traceback.
    """
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: ready() or proc.poll() is not None, wait, what)
        assert proc.poll() is None, "the run finished before Ctrl-C: make the corpus larger"
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        _, stderr = proc.communicate(timeout=grace)
        assert time.monotonic() - t0 < limit, "Ctrl-C must stop kg promptly"
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    return stderr


def neo4j_dump(driver, database=None) -> tuple[list[str], list[str]]:
    """Every node and relationship with labels/type, endpoints and properties, canonical and sorted."""
    with driver.session(database=database) as session:
        nodes = [
            json.dumps([sorted(r["labels"]), r["props"]], sort_keys=True, default=str)
            for r in session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        ]
        rels = [
            json.dumps([r["type"], r["a"], r["b"], r["props"]], sort_keys=True, default=str)
            for r in session.run(
                "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.key, a.id) AS a, coalesce(b.key, b.id) AS b, "
                "properties(r) AS props"
            )
        ]
    return sorted(nodes), sorted(rels)


def local_dump(store_dir: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(store_dir / "graph.sqlite")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables if t != "meta"}
    finally:
        conn.close()


class ThrowawayNeo4j:
    """A Neo4j server of our own (free port, temporary NEO4J_HOME) that a test may kill -9 and restart."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.env = kg_env(
            NEO4J_PORT=str(self.port),
            NEO4J_HOME=str(home),
            NEO4J_HEAP="384m",
            NEO4J_PAGECACHE="64m",
            NEO4J_PASSWORD=None,
            NEO4J_URI=None,
        )

    def _script(self, action: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(NEO4J_SCRIPT), action], env=self.env, capture_output=True, text=True, timeout=300
        )

    def start(self) -> None:
        result = self._script("start")
        if result.returncode != 0:
            pytest.fail(f"throwaway Neo4j did not start: {result.stderr[-2000:]}")

    def stop(self) -> None:
        self._script("stop")

    def kill9(self) -> int:
        pid = int((self.home / "run" / "kg-neo4j.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: not _alive(pid), 30, f"the java process {pid} to die")
        return pid

    def driver(self):
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=("neo4j", "kg-dev-password"), notifications_min_severity="OFF")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (dead, not yet reaped by init) counts as dead
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (OSError, IndexError):
        return False


def committed_articles(driver) -> int:
    try:
        records, _, _ = driver.execute_query("MATCH (a:Article) WHERE a.content_hash IS NOT NULL RETURN count(a) AS n")
        return records[0]["n"]
    except Exception:  # the server may be busy starting or just killed
        return 0


# -- Neo4j unreachable --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["load", "ingest", "stats"])
def test_unreachable_neo4j_exits_3_naming_the_uri_and_writes_nothing_locally(tmp_path, command):
    uri = f"bolt://127.0.0.1:{free_port()}"
    corpus = write_jsonl(synthetic_extractions(3), tmp_path / "c.jsonl")
    env = kg_env(NEO4J_URI=uri, NEO4J_PASSWORD="pw-never-shown", KG_STORE=None, KG_NEO4J_CONNECT_TIMEOUT="3")
    args = {"load": ["load", "--neo4j", str(corpus)], "ingest": ["ingest", "--neo4j", str(corpus)]}.get(
        command, ["stats", "--neo4j"]
    )
    result = run_kg(*args, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 3, result.stderr
    assert uri in result.stderr and "Traceback" not in result.stderr
    assert "pw-never-shown" not in result.stdout + result.stderr
    assert not (tmp_path / "kg-data").exists()


# -- Neo4j killed mid-load ----------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.neo4j
def test_neo4j_killed_mid_load_then_rerun_gives_the_reference_graph(
    tmp_path, throwaway_neo4j, neo4j_db, neo4j_settings
):
    n_articles, batch = 400, 10  # articles per transaction
    corpus = write_jsonl(synthetic_extractions(n_articles), tmp_path / "corpus.jsonl")
    args = ["load", "--neo4j", "--batch-size", str(batch * UNITS_PER_ARTICLE), str(corpus)]

    # Reference: the same command, uninterrupted, against the session's server.
    ref = run_kg(*args, env=kg_env(NEO4J_URI=neo4j_settings.uri), cwd=tmp_path)
    assert ref.returncode == 0, ref.stderr
    reference = neo4j_dump(neo4j_db, neo4j_settings.database)

    server = throwaway_neo4j
    env = kg_env(NEO4J_URI=server.uri, NEO4J_PASSWORD=None, KG_NEO4J_RETRY_TIME="5")
    log = (tmp_path / "kill.out").open("w+"), (tmp_path / "kill.err").open("w+")
    proc = subprocess.Popen([*KG, *args], env=env, cwd=tmp_path, stdout=log[0], stderr=log[1], text=True)
    try:
        with server.driver() as probe:
            wait_until(
                lambda: committed_articles(probe) >= 3 * batch or proc.poll() is not None, 240, "some batches to commit"
            )
        assert proc.poll() is None, "the load finished before the kill: make the corpus larger"
        server.kill9()
        t_kill = time.monotonic()
        rc = proc.wait(timeout=180)
        seconds_to_exit = time.monotonic() - t_kill
    finally:
        if proc.poll() is None:
            proc.kill()
    log[1].seek(0)
    stderr = log[1].read()
    assert rc != 0, stderr
    assert rc == 3, f"exit {rc}: {stderr[-3000:]}"
    assert "Traceback" not in stderr and f"127.0.0.1:{server.port}" in stderr  # names the server
    reported = summary_number(stderr, "written")
    assert seconds_to_exit < 120

    server.start()  # Neo4j recovers its store after the kill
    with server.driver() as driver:
        committed = committed_articles(driver)
        assert 0 < reported <= committed <= reported + batch, (reported, committed)  # at most one unacknowledged
        assert committed < n_articles
        rerun = run_kg(*args, env=env, cwd=tmp_path)
        assert rerun.returncode == 0, rerun.stderr
        assert summary_number(rerun.stderr, "unchanged") == committed
        assert summary_number(rerun.stderr, "written") == n_articles - committed
        assert neo4j_dump(driver) == reference


# -- Ctrl-C -------------------------------------------------------------------------------------------------------
def _local_committed(store: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{store / 'graph.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles WHERE content_hash IS NOT NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_ctrl_c_during_a_local_load_exits_130_and_a_rerun_completes(tmp_path):
    from kg.load import LocalStore

    n_articles, batch = 1500, 10  # articles per transaction
    corpus = write_jsonl(synthetic_extractions(n_articles), tmp_path / "corpus.jsonl")
    ref_dir, dir_ = tmp_path / "reference", tmp_path / "store"
    env = kg_env(NEO4J_URI=None)
    args = ["load", "--batch-size", str(batch * UNITS_PER_ARTICLE), str(corpus)]
    ref = run_kg(*args, "--store", str(ref_dir), env=env)
    assert ref.returncode == 0, ref.stderr

    stderr = interrupt_when(
        [*KG, *args, "--store", str(dir_)],
        env,
        lambda: _local_committed(dir_) >= 100,
        120,
        "some batches to commit",
        grace=30,
        limit=10,
    )
    reported = summary_number(stderr, "written")

    conn = sqlite3.connect(dir_ / "graph.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with LocalStore(dir_) as store:
        assert store.counts()  # opens and counts fine
    # A Ctrl-C that lands between COMMIT and the stats update may leave one committed batch uncounted.
    committed = _local_committed(dir_)
    assert reported <= committed <= reported + batch < n_articles

    rerun = run_kg(*args, "--store", str(dir_), env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert summary_number(rerun.stderr, "unchanged") == committed
    assert summary_number(rerun.stderr, "written") == n_articles - committed
    assert local_dump(dir_) == local_dump(ref_dir)


def news_corpus(n: int) -> list[dict]:
    """``n`` short German and English wire-style articles (our own sentences), deterministic."""
    actors = ["Russland", "die Ukraine", "Nordkorea", "die NATO", "Lloyd Austin", "Wolodymyr Selenskyj", "China"]
    actors_en = ["Russia", "Ukraine", "North Korea", "NATO", "Lloyd Austin", "Volodymyr Zelensky", "China"]
    days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
    out = []
    for i in range(n):
        a, b, c = (i % 7), (i * 3 + 1) % 7, (i * 5 + 2) % 7
        if i % 2:
            text = (
                f"{actors[a]} warnte am {days[i % 5]} vor neuen Angriffen auf {actors[b]}. "
                f"{actors[c]} bestritt die Vorwürfe und sprach von Propaganda (Meldung {i})."
            )
            out.append({"id": f"news-{i}", "lang": "de", "text": text})
        else:
            text = (
                f"{actors_en[a]} warned on Monday that {actors_en[b]} was preparing new attacks. "
                f"{actors_en[c]} denied the reports, officials said in statement number {i}."
            )
            out.append({"id": f"news-{i}", "lang": "en", "text": text})
    return out


@pytest.mark.slow
@pytest.mark.model
def test_ctrl_c_during_ingest_exits_130_and_a_rerun_gives_the_reference_graph(tmp_path, nlp_de, nlp_en):
    from kg.load import LocalStore

    n_articles = 400
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in news_corpus(n_articles)) + "\n")
    env = kg_env(NEO4J_URI=None)
    args = ["ingest", "--batch-size", "40", str(corpus)]
    ref_dir, dir_ = tmp_path / "reference", tmp_path / "store"
    ref = run_kg(*args, "--store", str(ref_dir), env=env)
    assert ref.returncode == 0, ref.stderr

    stderr = interrupt_when(
        [*KG, *args, "--store", str(dir_)],
        env,
        lambda: _local_committed(dir_) >= 20,
        180,
        "some batches to commit",
        grace=30,
        limit=10,
    )
    reported, committed = summary_number(stderr, "written"), _local_committed(dir_)
    assert reported <= committed < n_articles

    with LocalStore(dir_) as store:
        assert store.counts()["Article"] >= committed
    rerun = run_kg(*args, "--store", str(dir_), env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert summary_number(rerun.stderr, "unchanged") == committed
    assert local_dump(dir_) == local_dump(ref_dir)


@pytest.mark.slow
@pytest.mark.neo4j
def test_ctrl_c_during_a_neo4j_load_exits_130_and_a_rerun_gives_the_reference_graph(tmp_path, neo4j_db, neo4j_settings):
    n_articles, batch = 400, 10
    corpus = write_jsonl(synthetic_extractions(n_articles), tmp_path / "corpus.jsonl")
    env = kg_env(NEO4J_URI=neo4j_settings.uri)
    args = ["load", "--neo4j", "--batch-size", str(batch * UNITS_PER_ARTICLE), str(corpus)]
    stderr = interrupt_when(
        [*KG, *args], env, lambda: committed_articles(neo4j_db) >= 3 * batch, 180, "3 batches", grace=60, limit=15
    )
    reported, committed = summary_number(stderr, "written"), committed_articles(neo4j_db)
    assert reported <= committed <= reported + batch < n_articles

    rerun = run_kg(*args, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert summary_number(rerun.stderr, "unchanged") == committed
    interrupted = neo4j_dump(neo4j_db, neo4j_settings.database)

    neo4j_db.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    reference = run_kg(*args, env=env)
    assert reference.returncode == 0, reference.stderr
    assert interrupted == neo4j_dump(neo4j_db, neo4j_settings.database)


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


@pytest.mark.slow
@pytest.mark.model
def test_ctrl_c_with_parsing_workers_exits_130_and_leaves_no_worker_behind(tmp_path, nlp_de, nlp_en):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in news_corpus(600)) + "\n")
    store = tmp_path / "store"
    args = ["ingest", "--workers", "2", "--batch-size", "40", "--store", str(store), str(corpus)]
    proc = subprocess.Popen([*KG, *args], env=kg_env(NEO4J_URI=None), stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: _local_committed(store) >= 20 or proc.poll() is not None, 240, "some batches to commit")
        assert proc.poll() is None, "the ingest finished before Ctrl-C: make the corpus larger"
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert workers, "expected spaCy worker processes"
    wait_until(lambda: not any(_alive(pid) for pid in workers), 20, "the parsing workers to exit")
