"""Every notebook runs top to bottom, shows its pictures, and is stored without outputs.

The notebook asserts nothing about the data it looks at and writes to no store of the user's: by
default it builds its own embedded store from examples/ in a temporary folder; KG_NOTEBOOK_GRAPH=neo4j
points it at the server of NEO4J_URI (here the test server, which this test fills with the fixture corpus).
The checks of what it shows are here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
KERNEL = "kg-test-python"
PLOTLY = "application/vnd.plotly.v1+json"

pytestmark = [pytest.mark.slow]


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ should hold at least explore.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has stored outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"
            assert "matplotlib.use(" not in "".join(cell["source"]), "a headless backend hides the pictures"


@pytest.fixture
def kernel(tmp_path, monkeypatch):
    """A kernelspec for this very interpreter; the notebook's own (inline) matplotlib backend."""
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.delenv("KG_NOTEBOOK_GRAPH", raising=False)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")  # nothing may be written to the working directory either


def execute(path: Path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return nb, outputs


def shown(outputs, mime: str) -> list:
    return [o["data"][mime] for o in outputs if mime in o.get("data", {})]


def tagged_pictures(nb) -> set[str]:
    return {
        tag
        for c in nb.cells
        for tag in c.get("metadata", {}).get("tags", [])
        if tag.startswith("picture:") and any("image/png" in o.get("data", {}) for o in c.outputs)
    }


@pytest.mark.model
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_builds_its_own_graph_from_the_examples(path, kernel, nlp_de, nlp_en, tmp_path):
    nb, outputs = execute(path)
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "built a temporary embedded store from ['examples']: 7 articles" in text
    # The pictures a user sees: network, timeline, denials matrix, and the interactive view.
    assert tagged_pictures(nb) == {"picture:actor-network", "picture:timeline", "picture:denials"}
    assert len(shown(outputs, "image/png")) >= 3
    figure = shown(outputs, PLOTLY)
    assert len(figure) == 1 and any(t.get("mode") == "markers+text" for t in figure[0]["data"])
    assert any("betweenness" in str(html) for html in shown(outputs, "text/html"))
    assert "Cypher query library is skipped" in text
    assert not any((tmp_path / "cwd").iterdir()), "the notebook wrote to its working directory"


@pytest.mark.neo4j
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_reads_neo4j_without_writing(path, kernel, neo4j_db, neo4j_settings, monkeypatch):
    from kg.gold.graph import gold_extractions
    from tests.gold_corpus import fixture_paths, load_into

    load_into(neo4j_db, [ex for p in fixture_paths() for ex in gold_extractions(p)], neo4j_settings.database)
    count = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r"
    before = neo4j_db.execute_query(count, database_=neo4j_settings.database).records[0].data()
    monkeypatch.setenv("KG_NOTEBOOK_GRAPH", "neo4j")
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    if neo4j_settings.database:
        monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)

    nb, outputs = execute(path)
    after = neo4j_db.execute_query(count, database_=neo4j_settings.database).records[0].data()
    assert after == before, "the notebook changed the database it was pointed at"
    assert tagged_pictures(nb) == {"picture:actor-network", "picture:timeline", "picture:denials"}
    assert len(shown(outputs, PLOTLY)) == 1
    html = "\n".join(str(h) for h in shown(outputs, "text/html"))
    # Centrality: Russia and North Korea are what the fixture corpus is about; the query library ran.
    assert "betweenness" in html and "North Korea" in html and "Russia" in html
    assert "who_said_what" in html and "evidence" in html
    # Austin's statement about North Korean troops is among what was said about the top actor, or in the events.
    assert "Lloyd Austin" in html
