"""``kg export --out`` respects what the path names, and Ctrl-C is exit 130 everywhere (issue 13, items 2, 11).

The write-aside-and-rename that keeps an interrupted export from leaving a truncated file must not turn
a FIFO or a symlink into a regular file, nor a private file into a world-readable one.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

import networkx as nx
import pytest

from tests.test_faults import KG, kg_env, run_kg, synthetic_extractions, write_jsonl


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """An embedded store with a graph large enough that writing it takes a moment."""
    base = tmp_path_factory.mktemp("export")
    corpus = write_jsonl(synthetic_extractions(1500), base / "c.jsonl")
    result = run_kg("load", "--store", str(base / "s"), str(corpus), env=kg_env(NEO4J_URI=None))
    assert result.returncode == 0, result.stderr
    return base / "s"


def export(store: Path, out: Path | str, fmt: str = "graphml") -> subprocess.CompletedProcess:
    return run_kg("export", "--store", str(store), "--format", fmt, "--out", str(out), env=kg_env(NEO4J_URI=None))


def test_a_private_file_stays_private(store, tmp_path):
    target = tmp_path / "g.graphml"
    target.write_text("old")
    target.chmod(0o600)
    result = export(store, target)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert nx.read_graphml(target).number_of_nodes() > 1500
    assert not (tmp_path / "g.graphml.partial").exists()


def test_a_new_file_gets_the_umask_mode(store, tmp_path):
    target = tmp_path / "new.json"
    result = export(store, target, "json")
    assert result.returncode == 0, result.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_symlink_is_kept_and_its_target_written(store, tmp_path):
    real = tmp_path / "real.graphml"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.graphml"
    link.symlink_to(real)
    result = export(store, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert nx.read_graphml(real).number_of_nodes() > 1500


def test_a_fifo_stays_a_fifo_and_its_reader_gets_the_graph(store, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = bytearray()

    def read() -> None:
        with fifo.open("rb") as f:
            received.extend(f.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = export(store, fifo, "json")
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received.startswith(b"{") and len(received) > 100_000
    assert not (tmp_path / "pipe.partial").exists()


def test_ctrl_c_during_export_exits_130_and_leaves_the_old_file_and_no_partial(store, tmp_path):
    target = tmp_path / "g.gexf"
    target.write_text("old")
    partial = tmp_path / "g.gexf.partial"
    cmd = [*KG, "export", "--store", str(store), "--format", "gexf", "--out", str(target)]
    proc = subprocess.Popen(cmd, env=kg_env(NEO4J_URI=None), stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not partial.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert proc.poll() is None, "the export finished before Ctrl-C: make the graph larger"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr and "Aborted" not in stderr
    assert target.read_text() == "old" and not partial.exists()


@pytest.mark.model
@pytest.mark.parametrize("delay", [0.4, 0.8, 1.5])
def test_ctrl_c_in_the_first_second_exits_130_not_aborted(tmp_path, delay, nlp_en):
    text = "NATO Secretary General Mark Rutte said on Monday that Russia had moved more troops to the border. "
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "lang": "en", "text": text * 20}) + "\n" for i in range(200)))
    cmd = [*KG, "ingest", "--store", str(tmp_path / "s"), str(corpus)]
    proc = subprocess.Popen(cmd, env=kg_env(NEO4J_URI=None), stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    assert proc.poll() is None, "kg finished before Ctrl-C"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Aborted" not in stderr and "Traceback" not in stderr
