"""Export the graph as GraphML, GEXF (Gephi) or node-link JSON.

GraphML and GEXF only hold scalar attributes, so :func:`flatten` turns lists
into ``"; "``-joined strings, dates into ISO strings, dicts into JSON and drops
``None`` values; every node also gets a ``label`` (name, title or text) that
Gephi shows, and ``id`` attributes become ``article_id``/``triple_id``.
JSON keeps lists as lists (node-link format, ``edges`` key). ``events`` is not the graph but
its triples as a CSV event table (:mod:`kg.graph.events`); ``html`` a self-contained page of the
actor network to explore in a browser (:mod:`kg.graph.page`).

XML 1.0 cannot hold most C0 control characters at all, not even as character
references, and networkx writes them through unchanged: one form feed from a PDF
copy in an article made the whole file unreadable. :func:`xml_safe` replaces each
character XML forbids with U+FFFD in every id, label and attribute of the XML
formats; JSON escapes them and keeps them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import IO, Any

import networkx as nx

FORMATS = ("graphml", "gexf", "json", "events", "html")

#: What XML 1.0 forbids: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """``value`` with every character XML 1.0 cannot represent replaced by U+FFFD (non-strings unchanged)."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def display_label(node: str, data: dict[str, Any]) -> str:
    return str(data.get("name") or data.get("title") or data.get("text") or data.get("id") or node)


#: Attribute names Gephi reserves for its own columns (Id, Label): ours are renamed on export.
RENAMED_NODE_ATTRS = {"id": "article_id"}
RENAMED_EDGE_ATTRS = {"id": "triple_id", "label": "edge_label"}


def _attrs(data: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    return {renames.get(k, k): xml_safe(_scalar(v)) for k, v in data.items() if v is not None}


def flatten(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes are all str/int/float/bool (what GraphML and GEXF can hold),
    every string XML-safe (:func:`xml_safe`).

    The node or edge id stays the graph's own (key, ``article:<id>``, triple id); the ``id``
    attributes are renamed (``article_id``, ``triple_id``) so they do not collide with Gephi's Id column.
    """
    H = G.__class__()
    for node, data in G.nodes(data=True):
        attrs = _attrs({k: v for k, v in data.items() if k != "label"}, RENAMED_NODE_ATTRS)
        H.add_node(xml_safe(node), label=xml_safe(display_label(node, data)), **attrs)
    if G.is_multigraph():
        for u, v, k, data in G.edges(keys=True, data=True):
            H.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(k), **_attrs(data, RENAMED_EDGE_ATTRS))
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(xml_safe(u), xml_safe(v), **_attrs(data, RENAMED_EDGE_ATTRS))
    return H


def node_link_json(G: nx.Graph) -> str:
    data = nx.node_link_data(G, edges="edges")
    return json.dumps(data, ensure_ascii=False, default=_scalar, indent=1)


def write(G: nx.Graph, fmt: str, out: IO[bytes]) -> None:
    """Write ``G`` to the binary stream ``out`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "graphml":
        nx.write_graphml(flatten(G), out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flatten(G), out, encoding="utf-8")
    elif fmt == "json":
        out.write(node_link_json(G).encode("utf-8") + b"\n")
    elif fmt == "events":  # one CSV row per triple (kg.graph.events)
        from kg.graph.events import event_rows, write_events_csv

        write_events_csv(event_rows(G), out)
    elif fmt == "html":  # one self-contained page of the actor network (kg.graph.page)
        from kg.graph.page import write_page

        write_page(G, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
