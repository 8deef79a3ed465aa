"""The store commands end to end: kg load, kg ingest, kg stats, kg analyze, store selection and errors."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load import LocalStore, Neo4jStore
from tests.test_local_store import CORPUS_COUNTS, corpus


def run(*args: str, **kw):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


def write_jsonl(path, extractions) -> None:
    with path.open("w", encoding="utf-8") as f:
        for ex in extractions:
            for record in ex.to_records():
                f.write(json.dumps(record, ensure_ascii=False) + "\n")


def local_counts(path) -> dict[str, int]:
    with LocalStore(path) as store:
        return store.counts()


@pytest.fixture
def triples_file(tmp_path):
    path = tmp_path / "triples.jsonl"
    write_jsonl(path, corpus())
    return path


def test_load_into_the_local_store_then_again_changes_nothing(tmp_path, triples_file):
    store = tmp_path / "store"
    first = run("load", str(triples_file), "--store", str(store))
    assert first.exit_code == 0, first.output
    assert "written 3" in first.stderr and "triples 8" in first.stderr
    assert {k: local_counts(store)[k] for k in CORPUS_COUNTS} == CORPUS_COUNTS
    second = run("load", str(triples_file), "--store", str(store))
    assert second.exit_code == 0
    assert "unchanged 3, written 0" in second.stderr


def test_load_reports_malformed_lines_with_file_and_line_and_skips_only_that_article(tmp_path, triples_file):
    lines = triples_file.read_text(encoding="utf-8").splitlines()
    en_start = next(i for i, line in enumerate(lines) if '"id": "en-01"' in line and '"kind": "article"' in line)
    lines.insert(en_start + 2, "{not json")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("load", str(bad), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert f"{bad}:{en_start + 3}: malformed line" in result.stderr
    assert f"{bad}:{en_start + 1}: article 'en-01' not loaded" in result.stderr
    with LocalStore(tmp_path / "store") as store:
        assert sorted(store.known_hashes(["de-01", "en-01", "de-02"])) == ["de-01", "de-02"]


def test_load_refuses_a_predicate_outside_the_vocabulary(tmp_path, triples_file):
    text = triples_file.read_text(encoding="utf-8").replace('"predicate": "THREATENS"', '"predicate": "ADORES"')
    triples_file.write_text(text, encoding="utf-8")
    result = run("load", str(triples_file), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert "ADORES" in result.stderr and "article 'de-02' not loaded" in result.stderr
    assert local_counts(tmp_path / "store")["Article"] == 2


@pytest.mark.neo4j
def test_load_into_neo4j_gives_the_same_counts_as_the_local_store(neo4j_db, tmp_path, triples_file):
    assert run("load", str(triples_file), "--neo4j").exit_code == 0
    assert run("load", str(triples_file), "--store", str(tmp_path / "store")).exit_code == 0
    assert Neo4jStore(neo4j_db).counts() == local_counts(tmp_path / "store")


def test_neo4j_and_store_options_exclude_each_other(tmp_path):
    result = run("stats", "--neo4j", "--store", str(tmp_path))
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def test_unreachable_neo4j_is_exit_3_with_the_password_redacted(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://alice:s3cret-pw@127.0.0.1:9")
    monkeypatch.setenv("KG_NEO4J_CONNECT_TIMEOUT", "2")
    result = run("stats")  # NEO4J_URI set and no --store: Neo4j is selected
    assert result.exit_code == 3
    assert "kg: error: cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr
    assert "s3cret-pw" not in result.output


def test_store_option_wins_over_neo4j_uri_in_the_environment(monkeypatch, tmp_path, triples_file):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    result = run("load", str(triples_file), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0


def test_without_neo4j_uri_the_default_store_directory_is_used(monkeypatch, tmp_path, triples_file):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("KG_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.chdir(tmp_path)
    assert run("load", str(triples_file)).exit_code == 0
    assert local_counts(tmp_path / "kg-data")["Article"] == 3


def test_stats_and_analyze_on_the_local_store(tmp_path, triples_file):
    store = str(tmp_path / "store")
    run("load", str(triples_file), "--store", store)
    stats = run("stats", "--store", store, "--json")
    assert json.loads(stats.stdout)["relationships"] == 20
    table = run("stats", "--store", store)
    assert "MENTIONS" in table.stdout and "Article" in table.stdout
    top = json.loads(run("analyze", "centrality", "--store", store, "--top", "2", "--json").stdout)
    assert [r["key"] for r in top] == ["country:PRK", "country:RUS"]
    ego = run("analyze", "ego", "Selenskij", "--store", store)
    assert ego.exit_code == 0 and ["2", "0", "Volodymyr", "Zelensky", "Russia"] in [
        ln.split()[:5] for ln in ego.stdout.splitlines()
    ]
    assert run("analyze", "ego", "Atlantis", "--store", store).exit_code == 1
    communities = run("analyze", "communities", "--store", store, "--json")
    assert sum(len(c) for c in json.loads(communities.stdout)) == 6
    denials = json.loads(run("analyze", "actors", "--store", store, "--predicate", "DENIES", "--json").stdout)
    assert [(e["source"], e["target"]) for e in denials["edges"]] == [("country:RUS", "country:PRK")]


ARTICLES = [
    {
        "id": "e2e-de",
        "lang": "de",
        "published": "2024-10-24",
        "text": "Der russische Präsident Wladimir Putin hat der Nato gedroht. "
        "Die Nato verurteilte Russland am Donnerstag.",
    },
    {
        "id": "e2e-en",
        "lang": "en",
        "published": "2024-10-25",
        "text": "Ukrainian President Volodymyr Zelensky accused Russia of deploying North Korean troops. "
        "NATO said it would support Ukraine.",
    },
]


@pytest.fixture
def articles_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.mark.neo4j
@pytest.mark.model
@pytest.mark.slow
def test_ingest_end_to_end_into_both_stores(neo4j_db, nlp_de, nlp_en, tmp_path, articles_file):
    pytest.importorskip("kg.extract.resolve", reason="the entity stage has not landed")
    store = str(tmp_path / "store")
    local = run("ingest", str(articles_file), "--store", store)
    assert local.exit_code == 0, local.output
    assert "articles read 2, unchanged 0, extracted 2, failed 0, written 2" in local.stderr
    neo = run("ingest", str(articles_file), "--neo4j", "--batch-size", "3")
    assert neo.exit_code == 0, neo.output
    counts = local_counts(tmp_path / "store")
    assert Neo4jStore(neo4j_db).counts() == counts
    assert counts["Article"] == 2 and counts["Entity"] >= 3
    again = run("ingest", str(articles_file), "--store", store)
    assert "articles read 2, unchanged 2, extracted 0, failed 0, written 0" in again.stderr
    assert local_counts(tmp_path / "store") == counts
    forced = run("ingest", str(articles_file), "--store", store, "--force")
    assert "articles read 2, unchanged 0, extracted 2, failed 0, written 2" in forced.stderr
    assert local_counts(tmp_path / "store") == counts


def test_ctrl_c_keeps_committed_batches_prints_the_summary_and_exits_130(tmp_path):
    store = tmp_path / "store"
    records = [list(ex.to_records()) for ex in corpus()]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kg.cli import main; main()",
            "load",
            "-",
            "--store",
            str(store),
            "--batch-size",
            "1",
        ],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None
    # de-01 whole, then en-01's first record: that ends de-01, which is written as its own batch.
    for record in [*records[0], records[1][0]]:
        proc.stdin.write((json.dumps(record) + "\n").encode())
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if (store / "graph.sqlite").exists() and _done_articles(store / "graph.sqlite"):
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert "interrupted" in stderr.decode() and "unchanged 0, written 1" in stderr.decode()
    with LocalStore(store) as s:
        assert s.known_hashes(["de-01", "en-01", "de-02"]) == {"de-01": corpus()[0].article.content_hash}


def _done_articles(db) -> list[str]:
    """Read-only peek at a store another process is writing (never takes the write lock)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return [r[0] for r in conn.execute("SELECT id FROM articles WHERE content_hash IS NOT NULL")]
    except sqlite3.OperationalError:  # tables not created yet
        return []


def test_load_force_rewrites_unchanged_articles_with_the_same_result(tmp_path, triples_file):
    store = str(tmp_path / "store")
    run("load", str(triples_file), "--store", store)
    before = local_counts(tmp_path / "store")
    forced = run("load", str(triples_file), "--store", store, "--force")
    assert forced.exit_code == 0 and "unchanged 0, written 3" in forced.stderr
    assert "relationships replaced 18" in forced.stderr  # 8 triples + 10 MENTIONS rewritten
    assert local_counts(tmp_path / "store") == before


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_without_a_model_for_the_articles_language_is_exit_3(monkeypatch, tmp_path, articles_file, workers):
    """With --workers 2 too: the workers' missing models reach the parent's run report (issue 12)."""
    monkeypatch.setenv("KG_MODEL_DE", str(tmp_path / "no-such-model"))
    result = run("ingest", str(articles_file), "--store", str(tmp_path / "store"), "--workers", workers)
    assert result.exit_code == 3
    assert "KG_MODEL_DE" in result.stderr


def test_ingest_with_an_unknown_language_is_a_usage_error(tmp_path, articles_file):
    result = run("ingest", str(articles_file), "--store", str(tmp_path / "store"), "--lang", "xx")
    assert result.exit_code == 2
    assert not (tmp_path / "store").exists()  # refused before any store was opened


def test_load_skips_an_overlong_line_unread_and_the_article_it_belongs_to(monkeypatch, tmp_path, triples_file):
    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "1000")  # lines over 6 * 1000 + 65536 bytes are refused
    lines = triples_file.read_text(encoding="utf-8").splitlines()
    lines.insert(1, json.dumps({"kind": "entity", "pad": "x" * 100_000}))  # inside de-01's records
    triples_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("load", str(triples_file), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert f"{triples_file}:2: line longer than 71,536 bytes; skipped unread" in result.stderr
    assert "article 'de-01' not loaded" in result.stderr
    assert local_counts(tmp_path / "store")["Article"] == 2


@pytest.mark.neo4j
def test_analyze_gives_the_same_answers_from_neo4j_and_the_local_store(neo4j_db, tmp_path, triples_file):
    store = str(tmp_path / "store")
    assert run("load", str(triples_file), "--store", store).exit_code == 0
    assert run("load", str(triples_file), "--neo4j").exit_code == 0
    for args in (
        ["centrality", "--json"],
        ["actors", "--predicate", "DENIES", "--predicate", "COOPERATES_WITH", "--json"],
        ["actors", "--since", "2024-10-25", "--until", "2024-10-25", "--json"],
        ["ego", "Nordkorea", "--radius", "2", "--json"],
    ):
        local = run("analyze", *args, "--store", store)
        neo = run("analyze", *args, "--neo4j")
        assert local.exit_code == neo.exit_code == 0, args
        assert _rounded(json.loads(local.stdout)) == _rounded(json.loads(neo.stdout)), args


def _rounded(value):
    """JSON with floats rounded: PageRank may differ in the last digits with node order."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value
