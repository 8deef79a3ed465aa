"""Bulk import (issue 15 item 3): ``kg export --format neo4j-import DIR`` and ``scripts/neo4j import DIR``.

The end-to-end test loads one fixture corpus with ``kg load`` into the suite's server and into an
embedded store, exports both (the files must be identical), bulk-imports the export into a second,
throw-away server, and compares the two databases node for node and relationship for relationship,
every property with its Neo4j type (a ``Date`` is no string, a float no integer); internal ids aside.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load.bulk import ARRAY_DELIMITER, BulkExportError, _cell, write_import_dir
from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple

ROOT = Path(__file__).resolve().parents[1]
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j"


def odd_extraction() -> Extraction:
    """Every property kg writes, with the values a CSV file gets wrong first."""
    art_id = "odd-1"
    text = 'Quotes "like this", commas, semicolons; and a\nline break. Émigrés in Kyiv/Київ.'
    article = Article(
        art_id, text, "https://example.org/a?b=1,2", 'A "quoted", title;\nwith a break', "", date(2024, 2, 29), "de",
        place="Kyiv", agency="dpa",
    )  # fmt: skip
    bare = Entity("misc:bare", "Bare", "Misc")  # no aliases: [] in Neo4j
    rich = Entity(
        "person:o-neil", 'Sean "Junior" O\'Neil', "Person", ("O'Neil", "Sean; Junior", 'a "b", c', "Київ"), "IRL",
        "envoy", sector="GOV",
    )  # fmt: skip
    state = Entity("country:UKR", "Ukraine", "Country", ("Ukraine", "Україна"), "UKR")
    concept = Concept.create('troops "will" stay,\nfor now', None, [state.key, rich.key])
    prov = Provenance(art_id, 0, 0, 40, 'He said "no",\r\nthen left; twice.')
    triples = (
        Triple(rich, "STATES", concept, prov, verb="", hedged=True, confidence=0.333333333333333,
               reported_by="person:o-neil", quad=2, goldstein=-4.5, addressee="country:UKR", modality="future"),
        Triple(state, "ACCUSES", rich, Provenance(art_id, 1, 41, 60, "Ukraine accuses O'Neil."), verb="accuse",
               polarity="negative", cameo="112", plover="ACCUSE", confidence=1.0),
        Triple(rich, "MEETS", bare, Provenance(art_id, 2, 61, 70, "He met Bare."), verb="meet"),
    )  # fmt: skip
    return Extraction(article, (bare, rich, state), triples, ((bare.key, 1), (rich.key, 3), (state.key, 2)))


def corpus() -> list[Extraction]:
    from bench import synthetic

    return [*synthetic.extractions(30), odd_extraction()]


def write_jsonl(path: Path, extractions: list[Extraction]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for ex in extractions:
            for record in ex.to_records():
                f.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# -- files (no Neo4j) ------------------------------------------------------------------------------------------


def test_cells_keep_empty_strings_apart_from_missing_values():
    assert _cell(None, "") == ""
    assert _cell("", "") == '""'
    assert _cell('a "b", c', "") == '"a ""b"", c"'
    assert _cell(date(2024, 1, 2), "date") == "2024-01-02"
    assert _cell(True, "boolean") == "true"
    assert _cell(0.1, "double") == "0.1"
    assert _cell(["a;b", "c"], "string[]") == f'"a;b{ARRAY_DELIMITER}c"'
    with pytest.raises(BulkExportError):
        _cell([f"a{ARRAY_DELIMITER}b"], "string[]")
    with pytest.raises(BulkExportError):
        _cell(float("nan"), "double")


def test_export_from_the_embedded_store_names_its_files_and_line_breaks(tmp_path):
    store, out = tmp_path / "store", tmp_path / "import"
    assert run("load", str(write_jsonl(tmp_path / "x.jsonl", corpus())), "--store", str(store)).exit_code == 0
    result = run("export", "--store", str(store), "--format", "neo4j-import", str(out))
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "kg-import.json").read_text())
    # the title's and the evidence's line breaks (a concept's text is normalised to one line)
    assert set(manifest["multiline"]) == {"nodes-article.csv", "relationships-triples-concept.csv"}
    header = (out / "nodes-entity.csv").read_text().splitlines()[0]
    assert header == "key:ID(Entity),name,type,aliases:string[],country,role,sector,:LABEL"
    assert manifest["counts"]["nodes-article.csv"] == 31
    # Deterministic: the same store gives the same files.
    again = tmp_path / "again"
    assert run("export", "--store", str(store), "--format", "neo4j-import", str(again)).exit_code == 0
    for name in [*manifest["nodes"], *manifest["relationships"]]:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_export_refuses_a_directory_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "s"), "--format", "neo4j-import",
                                      str(tmp_path)])  # fmt: skip
    assert result.exit_code == 2 and "not kg's import files" in result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_write_import_dir_refuses_a_triple_from_a_concept(tmp_path):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("concept:x", kind="Concept", key="concept:x", text="t", lang=None)
    g.add_node("misc:a", kind="Entity", key="misc:a", name="A", type="Misc", aliases=[])
    g.add_edge("concept:x", "misc:a", key="t1", predicate="STATES", id="t1")
    with pytest.raises(BulkExportError):
        write_import_dir(g, tmp_path / "out")


# -- against Neo4j ---------------------------------------------------------------------------------------------


def snapshot(driver) -> tuple[list, list]:
    """Every node and relationship with labels/type, endpoint keys and typed properties, sorted."""

    def typed(props: dict) -> tuple:
        return tuple(sorted((k, type(v).__name__, repr(v)) for k, v in props.items()))

    def node_key(labels: list[str], props: dict) -> str:
        return f"{sorted(labels)}:{props.get('id', props.get('key'))}"

    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:KgTestSuiteMarker RETURN labels(n) AS l, properties(n) AS p"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN labels(a) AS la, properties(a) AS pa, type(r) AS t, properties(r) AS p, "
        "labels(b) AS lb, properties(b) AS pb"
    )
    node_rows = sorted((node_key(r["l"], r["p"]), typed(r["p"])) for r in nodes)
    rel_rows = sorted((node_key(r["la"], r["pa"]), r["t"], node_key(r["lb"], r["pb"]), typed(r["p"])) for r in rels)
    return node_rows, rel_rows


def schema_names(driver) -> set[str]:
    names = set()
    for query in ("SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' "
                  "RETURN name"):  # fmt: skip
        names |= {r["name"] for r in driver.execute_query(query)[0]}
    return names - {"kg_test_suite_owns_this_database"}


def script(action: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(NEO4J_SCRIPT), *action], env=env, capture_output=True, text=True,
                          timeout=600)  # fmt: skip


@pytest.mark.slow
@pytest.mark.neo4j
def test_bulk_import_equals_kg_load(neo4j_db, neo4j_settings, tmp_path):
    from tests.test_faults import free_port, kg_env

    data = write_jsonl(tmp_path / "corpus.jsonl", corpus())
    loaded = run("load", str(data), "--neo4j")
    assert loaded.exit_code == 0, loaded.output
    assert run("load", str(data), "--store", str(tmp_path / "store")).exit_code == 0
    exported = run("export", "--neo4j", "--format", "neo4j-import", str(tmp_path / "from-neo4j"))
    assert exported.exit_code == 0, exported.output
    assert run("export", "--store", str(tmp_path / "store"), "--format", "neo4j-import",
               str(tmp_path / "from-store")).exit_code == 0  # fmt: skip
    manifest = json.loads((tmp_path / "from-neo4j" / "kg-import.json").read_text())
    for name in [*manifest["nodes"], *manifest["relationships"]]:
        assert (tmp_path / "from-neo4j" / name).read_bytes() == (tmp_path / "from-store" / name).read_bytes(), name

    port = free_port()
    env = kg_env(NEO4J_PORT=str(port), NEO4J_HOME=str(tmp_path / "home"), NEO4J_HEAP="384m", NEO4J_PAGECACHE="64m",
                 NEO4J_PASSWORD=None, NEO4J_URI=None, NEO4J_USER=None, NEO4J_DATABASE=None)  # fmt: skip
    from neo4j import GraphDatabase

    try:
        result = script(["import", str(tmp_path / "from-neo4j")], env)
        assert result.returncode == 0, result.stderr[-3000:]
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "kg-dev-password")) as imported:
            expected_nodes, expected_rels = snapshot(neo4j_db)
            got_nodes, got_rels = snapshot(imported)
            assert len(got_nodes) == len(expected_nodes) and len(got_rels) == len(expected_rels)
            assert got_nodes == expected_nodes
            assert got_rels == expected_rels
            assert schema_names(imported) == schema_names(neo4j_db)
        # A running server is never imported into, and a database with data is refused.
        running = script(["import", str(tmp_path / "from-neo4j")], env)
        assert running.returncode == 1 and "is running" in running.stderr
        script(["stop"], env)
        refused = script(["import", str(tmp_path / "from-neo4j")], env)
        assert refused.returncode == 1 and "not empty" in refused.stderr
    finally:
        script(["stop"], env)
