"""How the graph model looks in networkx: one builder used by both stores' ``to_networkx``.

Node ids: entity and concept keys as they are (``country:RUS``,
``concept:1a2b...``); articles as ``article:<id>`` so that no article id can
collide with a key. Every node has ``kind`` (``Article``/``Entity``/``Concept``)
and all of its model properties (``None`` when unset). Edges are keyed by the
triple id for extracted relations and by the type for ``MENTIONS``/``INVOLVES``;
every edge has ``predicate`` = its relationship type. Dates are ``datetime.date``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

ARTICLE_FIELDS = ("id", "url", "title", "source", "published", "lang", "place", "agency", "content_hash")
ENTITY_FIELDS = ("key", "name", "type", "aliases", "country", "role", "sector")
CONCEPT_FIELDS = ("key", "text", "lang")
RELATION_FIELDS = (
    "id",
    "article_id",
    "sentence",
    "start",
    "end",
    "evidence",
    "verb",
    "polarity",
    "hedged",
    "cameo",
    "plover",
    "confidence",
    "published",
    "reported_by",
    "quad",
    "goldstein",
    "addressee",
    "modality",
)


def article_node(article_id: str) -> str:
    return f"article:{article_id}"


def to_date(value: Any) -> date | None:
    """A ``datetime.date`` from a Neo4j ``Date``, an ISO string or a date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if hasattr(value, "to_native"):
        return value.to_native()
    return date.fromisoformat(str(value)[:10])


class GraphBuilder:
    """Accumulates nodes and edges in the shared attribute layout."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def article(self, props: dict[str, Any]) -> None:
        attrs = {f: props.get(f) for f in ARTICLE_FIELDS}
        attrs["published"] = to_date(attrs["published"])
        self.graph.add_node(article_node(props["id"]), kind="Article", **attrs)

    def entity(self, props: dict[str, Any]) -> None:
        attrs = {f: props.get(f) for f in ENTITY_FIELDS}
        attrs["aliases"] = list(attrs["aliases"] or [])
        self.graph.add_node(props["key"], kind="Entity", **attrs)

    def concept(self, props: dict[str, Any]) -> None:
        self.graph.add_node(props["key"], kind="Concept", **{f: props.get(f) for f in CONCEPT_FIELDS})

    def mentions(self, article_id: str, key: str, count: int) -> None:
        self.graph.add_edge(article_node(article_id), key, key="MENTIONS", predicate="MENTIONS", count=count)

    def involves(self, concept: str, entity: str) -> None:
        self.graph.add_edge(concept, entity, key="INVOLVES", predicate="INVOLVES")

    def relation(self, subject: str, predicate: str, obj: str, props: dict[str, Any]) -> None:
        attrs = {f: props.get(f) for f in RELATION_FIELDS}
        attrs["published"] = to_date(attrs["published"])
        attrs["hedged"] = bool(attrs["hedged"])
        self.graph.add_edge(subject, obj, key=props["id"], predicate=predicate, **attrs)
