"""Repeated and ill-typed article ids are reported (issue 13, item 8), through `kg ingest` and `kg load`.

Two records with one id are one article to the stores: the later one replaces the earlier. That stays
so, but is reported naming both lines; ``123`` and ``"123"`` are the same id and are reported as such;
an exact repeat is skipped; ``true`` is refused instead of becoming the id ``"True"``.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.test_faults import kg_env, run_kg, synthetic_extractions, write_jsonl

GOOD = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border."


def stored(store) -> dict[str, str]:
    conn = sqlite3.connect(store / "graph.sqlite")
    try:
        return dict(conn.execute("SELECT id, title FROM articles WHERE content_hash IS NOT NULL"))
    finally:
        conn.close()


@pytest.mark.model
def test_ingest_reports_repeated_and_ill_typed_ids_naming_both_lines(tmp_path, nlp_en):
    records = [
        {"id": "dup", "title": "first", "lang": "en", "text": GOOD},
        {"id": "dup", "title": "second", "lang": "en", "text": GOOD + " Again."},
        {"id": 123, "title": "number", "lang": "en", "text": GOOD},
        {"id": "123", "title": "string", "lang": "en", "text": GOOD},
        {"id": True, "title": "bool", "lang": "en", "text": GOOD},
        {"id": "same", "title": "t", "lang": "en", "text": GOOD},
        {"id": "same", "title": "t", "lang": "en", "text": GOOD},
    ]
    corpus = tmp_path / "a.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    store = tmp_path / "s"
    result = run_kg("ingest", "--store", str(store), str(corpus), env=kg_env(NEO4J_URI=None))
    err = result.stderr
    assert result.returncode == 1, err
    assert f"{corpus}:2: article id 'dup' was already used at {corpus}:1 with a different text" in err
    assert f"{corpus}:4: article id '123' as a string is the same id as the number at {corpus}:3" in err
    assert f"{corpus}:5: field 'id' must be a string or an integer, got true; line skipped" in err
    assert f"{corpus}:7: article 'same' repeats {corpus}:6 exactly; skipped" in err
    assert stored(store) == {"dup": "second", "123": "string", "same": "t"}
    assert "True" not in stored(store)


def test_load_refuses_a_boolean_id(tmp_path):
    good, bad = synthetic_extractions(2)
    corpus = write_jsonl([good, bad], tmp_path / "x.jsonl")
    lines = corpus.read_text().splitlines()
    lines = [line.replace(json.dumps(bad.article.id), "true") for line in lines]
    corpus.write_text("\n".join(lines) + "\n")
    store = tmp_path / "s"
    result = run_kg("load", "--store", str(store), str(corpus), env=kg_env(NEO4J_URI=None))
    assert result.returncode == 1, result.stderr
    assert "field 'id' must be a string or an integer, got True" in result.stderr
    assert list(stored(store)) == [good.article.id]
