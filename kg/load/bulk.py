"""The graph as CSV files for Neo4j's offline bulk loader (``neo4j-admin database import full``).

``kg export --format neo4j-import DIR`` writes these; ``scripts/neo4j import DIR`` imports them
into an empty database and then applies ``cypher/schema.cypher``. The files describe exactly the
graph kg's loader writes (README "Graph model", :mod:`kg.load.neo4j_writer`):

* ``nodes-article.csv``, ``nodes-entity.csv``, ``nodes-concept.csv``: one node per row, its id in
  an ID space of its label (``id:ID(Article)``, ``key:ID(Entity)``, ``key:ID(Concept)``, so an
  entity and a concept may share a key as they may in Neo4j), labels in ``:LABEL``
  (``Entity`` plus its type label), typed columns (``published:date``, ``aliases:string[]``);
* ``relationships-mentions.csv``, ``relationships-involves.csv``, and the triples in
  ``relationships-triples-entity.csv`` / ``relationships-triples-concept.csv`` (by the object's
  label, which is the ID space of ``:END_ID``), their type in ``:TYPE``;
* ``kg-import.json``: the manifest ``scripts/neo4j import`` reads (files, delimiters, which files
  hold line breaks inside values, counts).

Values: every string is quoted (RFC 4180, quotes doubled), so an empty string stays an empty
string, while a missing value is an empty unquoted field, which the importer leaves unset, as
Neo4j leaves a ``null`` property unset. Arrays are joined with U+001F (unit separator), which no
alias may contain. The importer cannot write an empty array: entities without aliases get
``aliases = []`` in the step after the import (:data:`POST_IMPORT`), as ``kg load`` stores them.
Line breaks inside values need the importer's slower multi-line parsing, so only the files that
hold one are named for it in the manifest.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from kg.vocabulary import check_label, check_relationship_type

ARRAY_DELIMITER = "\x1f"
MANIFEST = "kg-import.json"
FORMAT_VERSION = 1

#: Cypher run after the import, before the schema: what the CSV format cannot express.
POST_IMPORT = (
    "MATCH (e:Entity) WHERE e.aliases IS NULL CALL (e) { SET e.aliases = [] } IN TRANSACTIONS OF 50000 ROWS",
)

# (property, CSV type) per file; "" is a string.
ARTICLE_COLUMNS = (
    ("url", ""),
    ("title", ""),
    ("source", ""),
    ("published", "date"),
    ("lang", ""),
    ("place", ""),
    ("agency", ""),
    ("content_hash", ""),
)
ENTITY_COLUMNS = (("name", ""), ("type", ""), ("aliases", "string[]"), ("country", ""), ("role", ""), ("sector", ""))
CONCEPT_COLUMNS = (("text", ""), ("lang", ""))
TRIPLE_COLUMNS = (
    ("id", ""),
    ("article_id", ""),
    ("sentence", "long"),
    ("start", "long"),
    ("end", "long"),
    ("evidence", ""),
    ("verb", ""),
    ("polarity", ""),
    ("hedged", "boolean"),
    ("cameo", ""),
    ("plover", ""),
    ("quad", "long"),
    ("goldstein", "double"),
    ("confidence", "double"),
    ("published", "date"),
    ("reported_by", ""),
    ("addressee", ""),
    ("modality", ""),
)


class BulkExportError(ValueError):
    """The graph holds a value the import files cannot carry faithfully."""


def _string(value: Any) -> str:
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "":
        return _string(value)
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else _string(str(value)[:10])
    if kind == "long":
        return str(int(value))
    if kind == "double":
        number = float(value)
        if not math.isfinite(number):
            raise BulkExportError(f"cannot write the number {value!r} to an import file")
        return repr(number)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string[]":
        items = [str(v) for v in value]
        if not items:
            return ""  # the importer leaves it unset; POST_IMPORT sets []
        for item in items:
            if ARRAY_DELIMITER in item:
                raise BulkExportError(f"the array value {item!r} holds U+001F, the import files' array delimiter")
        return _string(ARRAY_DELIMITER.join(items))
    raise AssertionError(kind)


def _header(id_column: str, columns: Sequence[tuple[str, str]], tail: Sequence[str] = ()) -> str:
    names = [id_column] if id_column else []
    names += [f"{name}:{kind}" if kind else name for name, kind in columns]
    return ",".join([*names, *tail])


@dataclass
class _File:
    path: Path
    role: str  # "nodes" | "relationships"
    rows: int = 0
    multiline: bool = False
    handle: Any = None

    def open(self, header: str) -> None:
        self.handle = self.path.open("w", encoding="utf-8", newline="")
        self.handle.write(header + "\n")

    def row(self, cells: Iterable[str]) -> None:
        line = ",".join(cells)
        if not self.multiline and ("\n" in line or "\r" in line):
            self.multiline = True
        self.handle.write(line + "\n")
        self.rows += 1


@dataclass
class ImportFiles:
    """What :func:`write_import_dir` wrote."""

    directory: Path
    files: list[_File] = field(default_factory=list)

    @property
    def nodes(self) -> int:
        return sum(f.rows for f in self.files if f.role == "nodes")

    @property
    def relationships(self) -> int:
        return sum(f.rows for f in self.files if f.role == "relationships")


def write_import_dir(graph: nx.MultiDiGraph, directory: Path) -> ImportFiles:
    """Write ``graph`` (the layout of :mod:`kg.graph.build`, as both stores' ``to_networkx`` give it)
    into ``directory`` (created if missing; kg's files in it are replaced). Rows are sorted by id, so
    the same graph always gives the same files."""
    directory.mkdir(parents=True, exist_ok=True)
    out = ImportFiles(directory)

    def new(name: str, role: str, header: str) -> _File:
        f = _File(directory / name, role)
        f.open(header)
        out.files.append(f)
        return f

    label_tail = (":LABEL",)
    try:
        articles = new("nodes-article.csv", "nodes", _header("id:ID(Article)", ARTICLE_COLUMNS, label_tail))
        entities = new("nodes-entity.csv", "nodes", _header("key:ID(Entity)", ENTITY_COLUMNS, label_tail))
        concepts = new("nodes-concept.csv", "nodes", _header("key:ID(Concept)", CONCEPT_COLUMNS, label_tail))
        nodes = sorted(graph.nodes(data=True), key=lambda item: item[0])
        for _node, data in nodes:
            kind = data.get("kind")
            if kind == "Article":
                articles.row([_string(data["id"]), *_cells(data, ARTICLE_COLUMNS), "Article"])
            elif kind == "Entity":
                label = check_label(data["type"])
                entities.row([_string(data["key"]), *_cells(data, ENTITY_COLUMNS), f"Entity{ARRAY_DELIMITER}{label}"])
            elif kind == "Concept":
                concepts.row([_string(data["key"]), *_cells(data, CONCEPT_COLUMNS), "Concept"])
            else:
                raise BulkExportError(f"node {_node!r} is neither an Article, an Entity nor a Concept")

        rel_tail = (":TYPE",)
        mentions = new(
            "relationships-mentions.csv",
            "relationships",
            _header("", (("count", "long"),), (":START_ID(Article)", ":END_ID(Entity)", *rel_tail)),
        )
        involves = new("relationships-involves.csv", "relationships", ":START_ID(Concept),:END_ID(Entity),:TYPE")
        triple_files = {
            label: new(
                f"relationships-triples-{label.lower()}.csv",
                "relationships",
                _header("", TRIPLE_COLUMNS, (":START_ID(Entity)", f":END_ID({label})", *rel_tail)),
            )
            for label in ("Entity", "Concept")
        }
        kinds = {node: data.get("kind") for node, data in graph.nodes(data=True)}
        edges = sorted(
            graph.edges(keys=True, data=True), key=lambda e: (e[3].get("predicate", ""), str(e[2]), e[0], e[1])
        )
        for u, v, _key, data in edges:
            predicate = data.get("predicate")
            start, end = _node_id(graph, u), _node_id(graph, v)
            if predicate == "MENTIONS":
                mentions.row([_cell(data.get("count"), "long"), start, end, "MENTIONS"])
            elif predicate == "INVOLVES":
                involves.row([start, end, "INVOLVES"])
            else:
                rel_type = check_relationship_type(predicate)
                label = kinds.get(v)
                if kinds.get(u) != "Entity" or label not in triple_files:
                    raise BulkExportError(f"triple {_key!r} does not lead from an Entity to an Entity or a Concept")
                triple_files[label].row([*_cells(data, TRIPLE_COLUMNS), start, end, rel_type])
    finally:
        for f in out.files:
            if f.handle is not None:
                f.handle.close()
    write_manifest(out)
    return out


def _cells(data: dict[str, Any], columns: Sequence[tuple[str, str]]) -> list[str]:
    return [_cell(data.get(name), kind) for name, kind in columns]


def _node_id(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return _string(data["id"] if data.get("kind") == "Article" else data["key"])


def write_manifest(files: ImportFiles) -> Path:
    manifest = {
        "format": "kg neo4j-import",
        "version": FORMAT_VERSION,
        "array_delimiter": "U+001F",
        "delimiter": ",",
        "nodes": [f.path.name for f in files.files if f.role == "nodes"],
        "relationships": [f.path.name for f in files.files if f.role == "relationships"],
        "multiline": [f.path.name for f in files.files if f.multiline],
        "counts": {f.path.name: f.rows for f in files.files},
        "post_import": list(POST_IMPORT),
    }
    path = files.directory / MANIFEST
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def export_store(store: Any, directory: Path, to_graph: Callable[[], nx.MultiDiGraph] | None = None) -> ImportFiles:
    """Write the whole graph of ``store`` (either store) into ``directory``."""
    graph = (to_graph or store.to_networkx)()
    return write_import_dir(graph, directory)


def post_import(driver: Any, database: str | None = None) -> int:
    """After ``neo4j-admin database import``: :data:`POST_IMPORT`, then kg's schema (``cypher/schema.cypher``,
    waiting for its indexes). Returns the number of schema statements."""
    from kg.load.schema import ensure_schema

    with driver.session(database=database) as session:
        for statement in POST_IMPORT:
            session.run(statement).consume()  # IN TRANSACTIONS needs an implicit transaction
    return ensure_schema(driver, database)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kg.load.bulk --post-import``: run :func:`post_import` on the server kg is configured for
    (``NEO4J_URI`` etc., as ``kg load --neo4j``); ``scripts/neo4j import`` calls it."""
    import argparse

    from kg.config import neo4j_settings
    from kg.load import connect_neo4j

    parser = argparse.ArgumentParser(prog="python -m kg.load.bulk")
    parser.add_argument("--post-import", action="store_true", required=True)
    parser.parse_args(argv)
    settings = neo4j_settings()
    driver = connect_neo4j(settings)
    try:
        statements = post_import(driver, settings.database)
    finally:
        driver.close()
    print(f"{statements} schema statements applied")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
