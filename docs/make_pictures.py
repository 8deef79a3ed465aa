"""Regenerate the pictures of docs/ by running notebooks/explore.ipynb on its default graph.

    .venv/bin/python docs/make_pictures.py

The notebook builds its temporary embedded store from examples/ (needs the spaCy pipelines:
``source scripts/env.sh`` points at ../shared/models), and every code cell tagged
``picture:NAME`` that shows a PNG writes it to docs/NAME.png. The README shows docs/actor-network.png.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
KERNEL = "kg-docs-python"


def run_notebook(path: Path = NOTEBOOK, env: dict[str, str] | None = None):
    """The executed notebook (nbformat node), run by a kernel of this interpreter."""
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "kernels" / KERNEL
        spec.mkdir(parents=True)
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
        (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}))
        saved = dict(os.environ)
        os.environ["JUPYTER_PATH"] = tmp
        os.environ.pop("MPLBACKEND", None)  # the notebook's inline backend, not a headless one
        os.environ.update(env or {})
        try:
            nb = nbformat.read(path, as_version=4)
            resources = {"metadata": {"path": str(path.parent)}}
            client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, resources=resources)
            client.execute()
        finally:
            os.environ.clear()
            os.environ.update(saved)
    return nb


def pictures(nb) -> dict[str, bytes]:
    """``{NAME: png}`` of the cells tagged ``picture:NAME``."""
    out = {}
    for cell in nb.cells:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag.startswith("picture:"):
                for o in cell.get("outputs", []):
                    png = o.get("data", {}).get("image/png")
                    if png:
                        out[tag.removeprefix("picture:")] = base64.b64decode(png)
    return out


def main() -> int:
    nb = run_notebook()
    for name, png in sorted(pictures(nb).items()):
        target = ROOT / "docs" / f"{name}.png"
        target.write_bytes(png)
        print(f"wrote {target.relative_to(ROOT)} ({len(png) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
