"""Issue 13, item 14, through the CLI: UTF-16 and Latin-1 JSON Lines, invisible characters inside names,
and `kg stats` in a database shared with other data. (The 1 MB title: tests/test_limits.py.)"""

from __future__ import annotations

import json

import pytest

from tests.test_faults import kg_env, run_kg, synthetic_extractions, write_jsonl

DE = "Der deutsche Außenminister warnte am Montag in Berlin vor neuen Angriffen Russlands auf die Ukraine."
EN = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border."


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def extracted(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.split("\n") if line]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_jsonl_with_a_bom_is_read_line_by_line(tmp_path, encoding):
    path = tmp_path / "u.jsonl"
    body = jsonl({"id": "u1", "lang": "xx", "text": DE}, {"id": "u2", "lang": "xx", "text": EN})
    path.write_bytes(("\ufeff" + body if encoding == "utf-16-le" else body).encode(encoding))
    result = run_kg("extract", str(path), env=kg_env())
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("kg: warning:")]
    # Both articles are read (and skipped for their language); no warning about a line that does not exist.
    assert len(warnings) == 2 and all("unsupported language 'xx'" in w for w in warnings), result.stderr
    assert "article u1" in warnings[0] and "article u2" in warnings[1]


@pytest.mark.model
def test_a_latin1_jsonl_line_is_decoded_as_the_readme_says(tmp_path, nlp_de):
    path = tmp_path / "l.jsonl"
    path.write_bytes(jsonl({"id": "l1", "lang": "de", "text": DE}).encode("cp1252"))
    result = run_kg("extract", str(path), env=kg_env())
    assert result.returncode == 0, result.stderr
    (article,) = [r for r in extracted(result) if r["kind"] == "article"]
    assert article["text"] == DE


@pytest.mark.model
@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u00ad"])
def test_invisible_characters_inside_names_do_not_break_resolution(tmp_path, nlp_en, mark):
    plain = tmp_path / "plain.jsonl"
    plain.write_text(jsonl({"id": "a", "lang": "en", "text": EN}))
    marked = tmp_path / "marked.jsonl"
    marked.write_text(jsonl({"id": "a", "lang": "en", "text": EN.replace("Rutte", f"Ru{mark}tte").replace(
        "Russia", f"Rus{mark}sia")}))  # fmt: skip
    runs = [run_kg("extract", str(p), env=kg_env()) for p in (plain, marked)]
    assert all(r.returncode == 0 for r in runs), runs[1].stderr
    keys = [sorted(r["key"] for r in extracted(run) if r["kind"] == "entity") for run in runs]
    assert "country:RUS" in keys[0] and keys[1] == keys[0]


@pytest.mark.neo4j
def test_stats_counts_kgs_own_nodes_and_names_the_others(neo4j_db, neo4j_settings, tmp_path):
    neo4j_db.execute_query(
        "CREATE (:Sentinel {name: 'a'})-[:KNOWS]->(:Sentinel {name: 'b'})", database_=neo4j_settings.database
    )
    corpus = write_jsonl(synthetic_extractions(3), tmp_path / "c.jsonl")
    env = kg_env(NEO4J_URI=neo4j_settings.uri)
    assert run_kg("load", "--neo4j", str(corpus), env=env).returncode == 0
    local = run_kg("load", "--store", str(tmp_path / "s"), str(corpus), env=env)
    assert local.returncode == 0
    neo = run_kg("stats", "--neo4j", "--json", env=env)
    emb = run_kg("stats", "--store", str(tmp_path / "s"), "--json", env=env)
    neo_counts, emb_counts = json.loads(neo.stdout), json.loads(emb.stdout)
    assert neo_counts.pop("other_nodes") == 2 and neo_counts.pop("other_relationships") == 1
    assert neo_counts == emb_counts  # the same totals as the embedded store (and what export shows)
    assert "kg: note: the database also holds 2 nodes and 1 relationships that are not kg's" in neo.stderr
