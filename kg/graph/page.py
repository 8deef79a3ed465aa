"""One self-contained HTML page of the actor network (``kg export --format html``).

The drawing is vis-network's (a maintained network-drawing library), read at export time from the
installed ``pyvis`` package, which ships its standalone build, and inlined together with its CSS:
the page needs no network, so it opens offline and in CI. The little JavaScript of our own
(``page.html``) only wires the controls: search by name or alias, filters by predicate, date and
country, and on a click the statements with their evidence sentences and article titles.

What the page shows is the data of :func:`page_data`:

* ``actors``: the entities that make or receive at least one statement (a relation from an entity
  to an entity, or to a concept that involves entities: "Austin STATES <North Korean troops in
  Russia>" is a statement about North Korea and Russia);
* ``statements``: one per extracted relation, with its predicate, date, CAMEO quad class and
  Goldstein value, the evidence sentence and its article. Edges are drawn from the statements
  the filters keep, one per actor pair, coloured by quad class (cooperation green, conflict red,
  mixed grey). Structural facts (``AFFILIATED_WITH``) are in the predicate filter but off at first,
  as in :func:`kg.graph.analysis.actor_network`.

All data goes into the page as JSON inside a ``<script type="application/json">`` block with
``<``, ``>`` and ``&`` escaped, and the page's code puts text into the document only as text
(``textContent``), so an evidence sentence holding ``</script>`` or markup is shown, never run.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.model import GRAPH_RELATIONSHIPS, STRUCTURAL_PREDICATES


class PageError(RuntimeError):
    """The page cannot be made (the drawing library is not installed); the message says what to do."""


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


def page_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The actors, statements and articles the page shows, as plain JSON-ready values."""
    nodes = G.nodes
    involved = {
        node: sorted(
            v for _, v, k in G.out_edges(node, keys=True) if k == "INVOLVES" and nodes[v].get("kind") == "Entity"
        )
        for node, data in G.nodes(data=True)
        if data.get("kind") == "Concept"
    }
    statements: list[dict[str, Any]] = []
    used_articles: set[str] = set()
    actors: set[str] = set()
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[2]), e[0], e[1])):
        predicate = data.get("predicate")
        if predicate in GRAPH_RELATIONSHIPS or nodes[u].get("kind") != "Entity":
            continue
        target_kind = nodes[v].get("kind")
        targets = [v] if target_kind == "Entity" else involved.get(v, [])
        targets = [t for t in targets if t != u]
        obj = nodes[v].get("name") if target_kind == "Entity" else nodes[v].get("text")
        article = data.get("article_id")
        if article is not None:
            used_articles.add(str(article))
        statements.append(
            {
                "id": str(key),
                "s": u,
                "t": targets,
                "p": predicate,
                "o": obj or v,
                "ok": v if target_kind == "Entity" else None,
                "d": _iso(data.get("published")),
                "q": data.get("quad"),
                "g": data.get("goldstein"),
                "ev": data.get("evidence"),
                "a": article,
                "neg": data.get("polarity") == "negative",
                "h": bool(data.get("hedged")),
                "r": data.get("reported_by"),
                "m": data.get("modality"),
                "v": data.get("verb"),
            }
        )
        actors.add(u)
        actors.update(targets)
    articles = {}
    for article_id in sorted(used_articles):
        a = nodes.get(f"article:{article_id}") or {}
        articles[article_id] = {
            "title": a.get("title"),
            "url": a.get("url"),
            "source": a.get("source"),
            "d": _iso(a.get("published")),
        }
    actor_rows = []
    for key in sorted(actors):
        d = nodes[key]
        actor_rows.append(
            {
                "key": key,
                "name": d.get("name") or key,
                "type": d.get("type"),
                "aliases": sorted(set(d.get("aliases") or ()) - {d.get("name")}),
                "country": d.get("country"),
                "role": d.get("role"),
                "sector": d.get("sector"),
            }
        )
    predicates = sorted({s["p"] for s in statements})
    return {
        "actors": actor_rows,
        "statements": statements,
        "articles": articles,
        "predicates": predicates,
        "hidden_predicates": sorted(STRUCTURAL_PREDICATES & set(predicates)),
        "countries": sorted({a["country"] for a in actor_rows if a["country"]}),
    }


def shown_actor_count(data: dict[str, Any]) -> int:
    """How many actors the page shows before any filter is touched (structural predicates off)."""
    hidden = set(data["hidden_predicates"])
    shown: set[str] = set()
    for s in data["statements"]:
        if s["p"] not in hidden:
            shown.add(s["s"])
            shown.update(s["t"])
    return len(shown)


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's standalone JS and CSS, from the installed pyvis package (newest bundled version)."""
    try:
        lib = resources.files("pyvis") / "lib"
    except ModuleNotFoundError:
        raise PageError(
            "the HTML page needs the pyvis package, which ships the vis-network drawing library: "
            "pip install pyvis (it is a dependency of kg; reinstall kg)"
        ) from None
    found = sorted(
        (Path(str(p)) for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
        key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)),
    )
    if not found:
        raise PageError(f"pyvis is installed but holds no vis-network build under {lib}; reinstall pyvis")
    newest = found[-1]
    js = (newest / "vis-network.min.js").read_text(encoding="utf-8")
    css = (newest / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end our inline block early
        raise PageError(f"{newest} cannot be inlined (it holds a closing script or style tag)")
    return js, css


def check_assets() -> None:
    """Raise :class:`PageError` when the drawing library cannot be inlined."""
    _vis_assets()


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` appear literally."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render(G: nx.MultiDiGraph, title: str = "kg: actor network") -> str:
    """The page as a string: one HTML document with the drawing library, its CSS and the data inlined."""
    js, css = _vis_assets()
    template = (resources.files("kg.graph") / "page.html").read_text(encoding="utf-8")
    data = page_data(G)
    from html import escape

    parts = {
        "TITLE": escape(title),
        "VIS_CSS": css,
        "VIS_JS": js,
        "DATA": _json_for_script(data),
    }
    # One pass over the template: the inlined library and data are never scanned for placeholders.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def write_page(G: nx.MultiDiGraph, out: IO[bytes]) -> None:
    out.write(render(G).encode("utf-8"))
