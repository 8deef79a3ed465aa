"""Exports are readable again: GraphML and GEXF by networkx (as Gephi reads them), JSON as node-link."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.export import flatten, write
from kg.load import LocalStore, Neo4jStore
from tests.test_local_store import corpus, de_01


@pytest.fixture
def graph(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(corpus())
        return store.to_networkx()


def exported(graph, fmt: str) -> bytes:
    out = io.BytesIO()
    write(graph, fmt, out)
    return out.getvalue()


def test_graphml_is_read_back_with_all_nodes_edges_and_attributes(graph):
    back = nx.read_graphml(io.BytesIO(exported(graph, "graphml")), force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes() == 10
    assert back.number_of_edges() == graph.number_of_edges() == 20
    russia = back.nodes["country:RUS"]
    assert russia["aliases"] == "Russland; Moskau; Russia; Moscow" and russia["label"] == "Russia"
    assert back.nodes["article:de-01"]["published"] == "2024-10-24"
    warn = de_01().triples[2]
    assert back.edges["person:volodymyr-zelensky", "country:RUS", warn.id]["hedged"] is True
    assert back.edges["person:volodymyr-zelensky", "country:RUS", warn.id]["predicate"] == "WARNS"
    # Gephi reserves Id: the attributes are renamed, the graph ids stay.
    assert back.edges["person:volodymyr-zelensky", "country:RUS", warn.id]["triple_id"] == warn.id
    assert back.nodes["article:de-01"]["article_id"] == "de-01" and "id" not in back.nodes["article:de-01"]


def test_gexf_is_read_back(graph):
    back = nx.read_gexf(io.BytesIO(exported(graph, "gexf")))
    assert back.number_of_nodes() == 10 and back.number_of_edges() == 20
    assert back.nodes["country:PRK"]["label"] == "North Korea"
    assert back.nodes["country:PRK"]["kind"] == "Entity"


def test_json_is_node_link_with_lists_kept(graph):
    data = json.loads(exported(graph, "json"))
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_nodes() == 10 and back.number_of_edges() == 20
    assert back.nodes["country:RUS"]["aliases"] == ["Russland", "Moskau", "Russia", "Moscow"]
    assert back.nodes["article:en-01"]["published"] == "2024-10-25"


def test_flatten_leaves_only_scalars(graph):
    flat = flatten(graph)
    for _, data in flat.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    for _, _, data in flat.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())


def test_unknown_format_is_refused(graph):
    with pytest.raises(ValueError, match="unknown export format"):
        write(graph, "dot", io.BytesIO())


@pytest.mark.neo4j
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_cli_export_from_neo4j_to_a_file(neo4j_db, tmp_path, fmt):
    Neo4jStore(neo4j_db).write(corpus())
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--neo4j", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "graphml":
        back = nx.read_graphml(out)
    elif fmt == "gexf":
        back = nx.read_gexf(out)
    else:
        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="edges")
    assert back.number_of_nodes() == 10 and back.number_of_edges() == 20


def test_cli_export_to_stdout_from_the_local_store(tmp_path):
    with LocalStore(tmp_path / "s") as store:
        store.write(corpus())
    result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "s"), "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["nodes"]) == 10
