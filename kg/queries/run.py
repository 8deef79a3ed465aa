"""Running a named query in Neo4j: bound parameters, one managed read transaction, plain Python rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.queries.library import get_query


def execute(
    name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run query ``name`` and return its column names and rows (plain Python values)."""
    import neo4j

    query = get_query(name)
    bound = query.bind(params)
    # Notifications off: "property does not exist" warnings on a young graph are noise, not errors.
    with driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        # A managed read transaction: retried by the driver, like every statement kg runs.
        return session.execute_read(_rows, query.cypher, bound)


def _rows(tx: Any, cypher: str, bound: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(cypher, bound)
    keys = list(result.keys())
    return keys, [{k: to_plain(record[k]) for k in keys} for record in result]


def run_query(name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None) -> list[dict]:
    """Rows of query ``name`` as dicts of plain Python values (dates as :class:`datetime.date`)."""
    return execute(name, params, driver, database)[1]


def query_df(name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None):
    """Query ``name`` as a pandas DataFrame (columns kept even when no row matched). Needs pandas."""
    import pandas as pd

    keys, rows = execute(name, params, driver, database)
    return pd.DataFrame(rows, columns=keys)


def to_plain(value: Any) -> Any:
    """Neo4j values as plain Python: temporal types -> datetime, nodes -> property dicts, lists/maps recursively."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [to_plain(n) for n in value.nodes]
    return value
