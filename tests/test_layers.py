"""The layers of kg: no import cycle, no upward import (every import counts, lazy ones inside functions too).

A layer may import only the layers below it (and itself). Reading from the bottom:

    kg.config, kg.interrupts, kg.model          settings; Ctrl-C held during imports; the data contract
    kg.lang                                     language data (kg/lang/<xx>/, $KG_LANG_DIRS)
    kg.predicates                               the ontology (CAMEO, PLOVER) and predicate vocabulary
    kg.predicate_lexicon, kg.vocabulary,        its per-language lookup tables, the write whitelist,
    kg.gazetteer                                the actors
    kg.read                                     reading articles
    kg.spacy_models                             which spaCy pipeline serves a language
    kg.extract                                  extraction and resolution (parallel workers included)
    kg.scale                                    Spark: imports kg.extract, never imported by it
    kg.graph                                    networkx only: the stores hand it their data
    kg.load                                     the embedded store and Neo4j
    kg.queries, kg.gold                         named Cypher queries; gold annotations and scoring
    kg.cli                                      click: the only layer that prints and picks exit codes

The check parses the source (no import runs), so it holds for code paths no test executes.
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"

#: Each module's layer: the longest matching prefix wins. Same number = may import each other.
LAYERS: dict[str, int] = {
    "kg.config": 0,
    "kg.interrupts": 0,
    "kg.model": 1,
    "kg.lang": 2,
    "kg.predicates": 3,
    "kg.predicate_lexicon": 4,
    "kg.vocabulary": 4,
    "kg.gazetteer": 4,
    "kg.read": 5,
    "kg.spacy_models": 6,
    "kg.extract": 7,
    "kg.scale": 8,
    "kg.graph": 8,
    "kg.load": 9,
    "kg.queries": 10,
    "kg.gold": 10,
    "kg.cli": 11,
    "kg": 12,  # kg/__init__.py
}

#: Deprecated re-exports exempt from the upward-import check; each goes when nothing imports it (none left).
SHIMS: set[str] = set()


def _module(path: Path) -> str:
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS:
            return LAYERS[".".join(parts[:n])]
    raise AssertionError(f"{module} has no layer in tests/test_layers.py: add it to LAYERS")


def _type_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:`` (they never run, so they cannot close a cycle)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return out


def _imports(*, run_time_only: bool = False) -> dict[str, set[str]]:
    """Module -> the kg modules it imports anywhere in its source (relative imports resolved).

    ``run_time_only``: leave out the imports under ``if TYPE_CHECKING:`` (annotations only).
    """
    graph: dict[str, set[str]] = {}
    for path in sorted(KG.rglob("*.py")):
        module = _module(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_only(tree) if run_time_only else set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name == "kg" or a.name.startswith("kg.")}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                if base == "kg" or base.startswith("kg."):
                    found.add(base)
                    # `from kg.extract import parallel` imports the submodule kg.extract.parallel
                    folder = KG.parent / base.replace(".", "/")
                    found |= {
                        f"{base}.{a.name}"
                        for a in node.names
                        if (folder / a.name).is_dir() or (folder / f"{a.name}.py").exists()
                    }
        graph[module] = {m for m in found if m != module}
    return graph


def test_no_layer_imports_a_layer_above_it():
    upward = [
        f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
        for module, targets in _imports().items()
        if module not in SHIMS
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_no_import_cycles_between_modules():
    graph = _imports(run_time_only=True)
    known = set(graph)

    def resolve(target: str) -> str | None:  # `kg.extract` -> its __init__, a name imported from a module -> it
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    edges = {m: {t for t in (resolve(x) for x in ts) if t and t != m} for m, ts in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(edges[m]):
            if state.get(t) == 1:
                cycles.append(" -> ".join([*stack[stack.index(t) :], t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_check_sees_an_upward_import(tmp_path):
    """The check itself: a lazy import of the CLI from extraction is caught."""
    fake = tmp_path / "kg"
    (fake / "extract").mkdir(parents=True)
    (fake / "cli").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "extract" / "__init__.py").write_text("")
    (fake / "cli" / "__init__.py").write_text("")
    (fake / "extract" / "x.py").write_text("def f():\n    from kg.cli import common\n")
    (fake / "cli" / "common.py").write_text("")
    globals()["KG"], saved = fake, KG
    try:
        graph = _imports()
    finally:
        globals()["KG"] = saved
    assert "kg.cli.common" in graph["kg.extract.x"]
    assert _layer("kg.cli.common") > _layer("kg.extract.x")
