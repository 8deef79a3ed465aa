"""Over-long values and articles Neo4j refuses (issue 13, item 1), through the CLI against a real Neo4j.

Neo4j refuses an index entry over about 8 KB and rolls the whole transaction back. kg bounds every id, key,
name and alias at the model (:data:`kg.model.MAX_KEY_CHARS`) and titles, sources and URLs
(:data:`kg.model.MAX_FIELD_CHARS`), so such an article is reported and skipped before any Cypher; and when
Neo4j refuses a batch for any other reason that lies in the data, its articles are retried one by one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.model import MAX_FIELD_CHARS, MAX_KEY_CHARS, Entity
from tests.test_faults import kg_env, run_kg, summary_number, synthetic_extractions, write_jsonl

GOOD_EN = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border."
LONG_NAME = "Xavier " + "Montgomery-" * 900 + "Smith"

pytestmark = pytest.mark.neo4j


def complete_articles(driver, database) -> dict[str, str]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) WHERE a.content_hash IS NOT NULL RETURN a.id AS id, a.content_hash AS h",
        database_=database,
    )
    return {r["id"]: r["h"] for r in records}


def write_articles(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def neo4j_env(settings) -> dict[str, str]:
    return kg_env(NEO4J_URI=settings.uri, KG_STORE=None)


@pytest.mark.model
def test_overlong_name_in_text_skips_only_its_article_and_a_rerun_is_clean(neo4j_db, neo4j_settings, nlp_en, tmp_path):
    text = f"Foreign Minister {LONG_NAME} said on Monday that Russia had moved troops."
    corpus = write_articles(
        tmp_path / "p.jsonl", {"id": "a", "lang": "en", "text": text}, {"id": "ok", "lang": "en", "text": GOOD_EN}
    )
    for run in range(2):  # the rerun neither stops at the same place nor writes anything new
        result = run_kg("ingest", "--neo4j", str(corpus), env=neo4j_env(neo4j_settings), cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        (warning,) = [ln for ln in result.stderr.splitlines() if ln.startswith("kg: warning:")]
        assert "article a" in warning and "entity key" in warning and f"({MAX_KEY_CHARS:,})" in warning
        assert summary_number(result.stderr, "not written") == 1
        assert summary_number(result.stderr, "written") == (1 if run == 0 else 0)
        assert list(complete_articles(neo4j_db, neo4j_settings.database)) == ["ok"]


@pytest.mark.parametrize("command", ["ingest", "load"])
def test_overlong_article_id_is_refused_naming_the_line(command, neo4j_db, neo4j_settings, tmp_path):
    long_id = "x" * 9_000
    if command == "ingest":
        corpus = write_articles(
            tmp_path / "p.jsonl",
            {"id": long_id, "lang": "xx", "text": "Text."},
            {"id": "ok", "lang": "xx", "text": "T"},
        )
        args = ["ingest", "--neo4j", str(corpus)]
    else:
        good, bad = synthetic_extractions(2)
        bad_article = replace(bad.article, id=long_id)
        bad = replace(bad, article=bad_article, triples=())
        corpus = write_jsonl([good, bad], tmp_path / "x.jsonl")
        args = ["load", "--neo4j", str(corpus)]
    result = run_kg(*args, env=neo4j_env(neo4j_settings), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and long_id not in result.stderr
    assert "p.jsonl:1:" in result.stderr or "x.jsonl:" in result.stderr
    assert "article id" in result.stderr and "9,000 characters" in result.stderr
    stored = complete_articles(neo4j_db, neo4j_settings.database)
    assert long_id not in stored and len(stored) == (0 if command == "ingest" else 1)  # 'xx' is not a language


@pytest.mark.parametrize("store", ["neo4j", "embedded"])
def test_kg_load_skips_an_article_whose_entity_name_is_too_long_and_writes_the_rest(
    store, neo4j_db, neo4j_settings, tmp_path
):
    exs = list(synthetic_extractions(3))
    huge = Entity("person:huge", LONG_NAME, "Person")
    exs[1] = replace(exs[1], entities=(*exs[1].entities, huge))
    corpus = write_jsonl(exs, tmp_path / "x.jsonl")
    where = ["--neo4j"] if store == "neo4j" else ["--store", str(tmp_path / "s")]
    result = run_kg("load", *where, str(corpus), env=neo4j_env(neo4j_settings), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "x.jsonl:12: entity name 'Xavier Montgomery" in result.stderr  # its entity record's line
    assert f"article '{exs[1].article.id}' not loaded" in result.stderr
    assert summary_number(result.stderr, "written") == 2 and "Traceback" not in result.stderr


def test_a_batch_neo4j_refuses_is_retried_article_by_article(neo4j_db, neo4j_settings, tmp_path):
    """A foreign relationship holding one article's triple id: only that article fails, the batch's others load."""
    exs = list(synthetic_extractions(4))
    victim = exs[2].triples[0]
    neo4j_db.execute_query(
        f"CREATE (:Entity {{key: 'foreign:a'}})-[:{victim.predicate} {{id: $id, article_id: 'elsewhere'}}]->"
        "(:Entity {key: 'foreign:b'})",
        id=victim.id,
        database_=neo4j_settings.database,
    )
    corpus = write_jsonl(exs, tmp_path / "x.jsonl")
    result = run_kg("load", "--neo4j", str(corpus), env=neo4j_env(neo4j_settings), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (warning,) = [ln for ln in result.stderr.splitlines() if ln.startswith("kg: warning:")]
    assert f"article {exs[2].article.id}: Neo4j refused it" in warning
    stored = complete_articles(neo4j_db, neo4j_settings.database)
    assert sorted(stored) == sorted(ex.article.id for i, ex in enumerate(exs) if i != 2)


def test_overlong_title_is_refused_not_stored(tmp_path):
    corpus = write_articles(
        tmp_path / "t.jsonl",
        {"id": "big", "lang": "xx", "title": "T" * 1_000_000, "text": "Text."},
        {"id": "fine", "lang": "xx", "title": "T" * MAX_FIELD_CHARS, "text": "Text."},
    )
    result = run_kg("extract", str(corpus), env=kg_env(), cwd=tmp_path)
    assert "t.jsonl:1: title 'TTTT" in result.stderr and "1,000,000 characters" in result.stderr
    assert "article fine" in result.stderr and "unsupported language" in result.stderr  # read: at the limit is fine
    assert result.stderr.count("more than kg stores") == 1
