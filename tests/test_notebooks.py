"""Every notebook runs top to bottom against the test Neo4j, and is stored without outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
KERNEL = "kg-test-python"

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ should hold at least explore.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has stored outputs"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"


@pytest.fixture
def kernel_env(tmp_path, monkeypatch, neo4j_settings):
    """A kernelspec for this very interpreter, and the test server's settings in the kernel's environment."""
    spec_dir = tmp_path / "jupyter" / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    if neo4j_settings.database:
        monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_against_neo4j(path, neo4j_db, neo4j_settings, kernel_env):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when any cell fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # The centrality table was shown, and the corpus is in the database the notebook was pointed at.
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("betweenness" in str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    with neo4j_db.session(database=neo4j_settings.database) as session:
        assert session.run("MATCH (a:Article) RETURN count(a) AS n").single()["n"] >= 4
