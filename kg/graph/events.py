"""The graph as an event table: one row per extracted triple, in the conventions of event datasets.

Like ICEWS or Phoenix, a row is one event: its date, the source actor (key, name, country,
sector), the event coding (predicate, CAMEO code, PLOVER type, quad class, Goldstein value),
the target actor (or, for a statement about a concept, the target text), how it is asserted
(polarity, hedged, reported_by, addressee, modality) and where it was read (article, URL,
sentence, evidence). It is built from the ``MultiDiGraph`` either store returns
(:mod:`kg.graph.build`), so the embedded store and Neo4j give the same rows in the same order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

import networkx as nx

from kg.graph.build import article_node

#: The columns, in order (README "Event tables" documents each).
EVENT_COLUMNS = (
    "date",
    "source_key",
    "source_name",
    "source_country",
    "source_sector",
    "predicate",
    "cameo",
    "plover",
    "quad",
    "goldstein",
    "target_key",
    "target_name",
    "target_country",
    "target_sector",
    "target_text",
    "polarity",
    "hedged",
    "reported_by",
    "addressee",
    "modality",
    "article_id",
    "url",
    "sentence",
    "evidence",
    "triple_id",
)

#: Edges of the graph model that are not triples.
_STRUCTURAL = frozenset({"MENTIONS", "INVOLVES"})


def event_rows(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One dict per triple of ``G`` (keys :data:`EVENT_COLUMNS`), ordered by date (undated last),
    article, sentence and triple id. Values are Python values (``None`` when unknown)."""
    rows = []
    for u, v, data in G.edges(data=True):
        if data.get("predicate") in _STRUCTURAL:
            continue
        source, target = G.nodes[u], G.nodes[v]
        article = G.nodes.get(article_node(data.get("article_id")), {}) if data.get("article_id") else {}
        is_entity = target.get("kind") == "Entity"
        published = article.get("published") or data.get("published")
        rows.append(
            {
                "date": published,
                "source_key": u,
                "source_name": source.get("name"),
                "source_country": source.get("country"),
                "source_sector": source.get("sector"),
                "predicate": data.get("predicate"),
                "cameo": data.get("cameo"),
                "plover": data.get("plover"),
                "quad": data.get("quad"),
                "goldstein": data.get("goldstein"),
                "target_key": v if is_entity else None,
                "target_name": target.get("name") if is_entity else None,
                "target_country": target.get("country") if is_entity else None,
                "target_sector": target.get("sector") if is_entity else None,
                "target_text": None if is_entity else target.get("text"),
                "polarity": data.get("polarity"),
                "hedged": bool(data.get("hedged")),
                "reported_by": data.get("reported_by"),
                "addressee": data.get("addressee"),
                "modality": data.get("modality"),
                "article_id": data.get("article_id"),
                "url": article.get("url"),
                "sentence": data.get("sentence"),
                "evidence": data.get("evidence"),
                "triple_id": data.get("id"),
            }
        )
    rows.sort(
        key=lambda r: (
            r["date"] is None,
            r["date"] or date.min,
            r["article_id"] or "",
            r["sentence"] if r["sentence"] is not None else -1,
            r["triple_id"] or "",
        )
    )
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_events_csv(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Write ``rows`` as UTF-8 CSV with a header line to the binary stream ``out``; returns the row count."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    n = 0
    try:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(EVENT_COLUMNS)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in EVENT_COLUMNS])
            n += 1
        text.flush()
    finally:
        text.detach()  # the caller owns ``out``
    return n


def triple_count(G: nx.MultiDiGraph) -> int:
    """How many rows :func:`event_rows` gives for ``G``."""
    return sum(1 for _, _, p in G.edges(data="predicate") if p not in _STRUCTURAL)
