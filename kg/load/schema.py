"""Read ``cypher/schema.cypher`` and create its constraints and indexes in Neo4j.

The file is the single source of the schema: this module only splits it into
statements and expands the per-relationship-type templates for every type in
the predicate whitelist (:func:`kg.vocabulary.vocabulary`).
"""

from __future__ import annotations

import re
from pathlib import Path

import neo4j

_KG = Path(__file__).resolve().parents[1]
#: ``kg/cypher`` is the package-data view of the repository's ``cypher/`` (see :mod:`kg.queries`), so the
#: schema is found in a source checkout and in a non-editable install alike.
SCHEMA_FILE = next(
    (p for p in (_KG / "cypher" / "schema.cypher", _KG.parent / "cypher" / "schema.cypher") if p.is_file()),
    _KG.parent / "cypher" / "schema.cypher",
)
PER_TYPE_MARKER = "// @per-relationship-type"


def _statements(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


def schema_statements(path: Path = SCHEMA_FILE, types: list[str] | None = None) -> list[str]:
    """All schema statements, templates expanded, in file order."""
    from kg.vocabulary import vocabulary

    text = path.read_text(encoding="utf-8")
    parts = re.split(rf"^{re.escape(PER_TYPE_MARKER)}[ \t]*$", text, maxsplit=1, flags=re.M)
    static, templated = parts[0], parts[1] if len(parts) > 1 else ""
    out = _statements(static)
    for rel_type in types if types is not None else sorted(vocabulary()):
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", rel_type):  # whitelist entries only, but belt and braces
            raise ValueError(f"refusing relationship type {rel_type!r} in schema")
        out += [s.replace("{type}", rel_type).replace("{name}", rel_type.lower()) for s in _statements(templated)]
    return out


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> int:
    """Create every constraint and index that does not exist yet; returns the number of statements run.

    Schema statements cannot share a transaction with writes, so each runs in
    its own managed transaction (retried by the driver like every other statement
    of kg's, e.g. while the server restarts); ``IF NOT EXISTS`` makes re-runs no-ops.
    Waits for the indexes to come online so the first load already uses them.
    """
    statements = schema_statements()
    with driver.session(database=database) as session:
        _drop_plain_triple_id_indexes(session)
        for statement in statements:
            session.execute_write(_consume, statement)  # statements come from our own file
        session.execute_read(_consume, "CALL db.awaitIndexes(300)")
    return len(statements)


def _consume(tx: neo4j.ManagedTransaction, query: str) -> None:
    tx.run(query).consume()  # type: ignore[arg-type]  # callers pass statements of kg's own


def _drop_plain_triple_id_indexes(session: neo4j.Session) -> None:
    """Databases loaded before triple ids became uniqueness constraints have plain indexes of the same name.

    They would block ``CREATE CONSTRAINT rel_<type>_id``; dropping them first makes the upgrade automatic.
    The names come from the database and are spliced only if they have the exact shape kg gives them.
    """
    query = "SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint IS NULL RETURN name"
    names = session.execute_read(lambda tx: [record["name"] for record in tx.run(query)])
    for name in names:
        if re.fullmatch(r"rel_[a-z0-9_]+_id", name):
            session.execute_write(_consume, f"DROP INDEX `{name}` IF EXISTS")  # shape checked above
