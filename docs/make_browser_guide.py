"""Write kg's Neo4j Browser guide (scripts/neo4j-browser/kg-guide.html) from the named-query library.

    .venv/bin/python docs/make_browser_guide.py          # rewrite the guide
    .venv/bin/python docs/make_browser_guide.py --check  # exit 1 when the committed guide is stale

One slide per query of ``cypher/``: what it answers, a runnable ``:params`` block with the values of
the query's own example (defaults filled in, ``@speech`` and the like expanded from the vocabulary, as
``kg query`` does) and the runnable query. ``scripts/neo4j`` serves the file at
``/browser/kg/kg-guide.html`` and opens it when the Browser connects. tests/test_browser_guide.py
checks that it has a page for every query; re-run this after adding, removing or changing one.
"""

from __future__ import annotations

import html
import itertools
import json
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "scripts" / "neo4j-browser" / "kg-guide.html"


def cypher_literal(value: Any) -> str:
    """A Cypher expression for a parameter value (the Browser evaluates ``:params`` maps as Cypher)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return f'date("{value.isoformat()}")'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def example_values(example: str) -> dict[str, str]:
    """``-p key=value`` pairs of a header's ``Example: kg query NAME -p ...`` line."""
    words = shlex.split(example)
    values = {}
    for flag, pair in itertools.pairwise(words):
        if flag in ("-p", "--param") and "=" in pair:
            key, value = pair.split("=", 1)
            values[key] = value
    return values


def params_command(bound: dict[str, Any]) -> str:
    if not bound:
        return ":params {}"
    return ":params {" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in bound.items()) + "}"


def guide() -> str:
    from kg.queries import list_queries

    slides = [
        '<slide class="row-fluid">\n<div class="col-sm-12">\n'
        "<h3>kg: the knowledge graph of geopolitical news</h3>\n"
        "<p>Actors (<code>:Entity</code>, captioned by <code>name</code>) say, deny, accuse or do things to other "
        "actors or about <code>:Concept</code>s (captioned by <code>text</code>); every relationship keeps its "
        "evidence sentence, article, CAMEO code, quad class and Goldstein value.</p>\n"
        "<p>Each following page is one of kg's named queries (<code>kg query --list</code>): click the "
        "<code>:params</code> block, then the query, to run it here. Change the parameters to ask about other "
        "actors.</p>\n"
        "<p>A first look at the actor network:</p>\n"
        '<pre class="code runnable">MATCH (s:Entity)-[r]-&gt;(o:Entity)\n'
        "WHERE NOT type(r) IN ['MENTIONS', 'AFFILIATED_WITH']\nRETURN s, r, o LIMIT 300</pre>\n"
        "<p>kg's style sheet (captions, colours) is applied on connect; to re-apply it: "
        "<code>:style</code> with the URL of <code>/browser/kg/kg.grass</code> on this server.</p>\n</div>\n</slide>"
    ]
    for q in list_queries():
        bound = q.bind(example_values(q.example))
        params = [
            f"<li><code>{html.escape(p.name)}</code> ({html.escape(p.type)}): {html.escape(p.doc)}</li>"
            for p in q.parameters
        ]
        slides.append(
            '<slide class="row-fluid">\n<div class="col-sm-12">\n'
            f"<h3>{html.escape(q.name)}</h3>\n<p>{html.escape(q.description)}</p>\n"
            + (f"<p>{html.escape(q.answers)}</p>\n" if q.answers else "")
            + (f"<ul>\n{chr(10).join(params)}\n</ul>\n" if params else "")
            + f'<pre class="code runnable">{html.escape(params_command(bound))}</pre>\n'
            f'<pre class="code runnable">{html.escape(q.cypher)}</pre>\n'
            f"<p>The same from the shell: <code>{html.escape(q.example)}</code></p>\n</div>\n</slide>"
        )
    return (
        "<!-- Written by docs/make_browser_guide.py from cypher/*.cypher: edit those, then re-run it. -->\n"
        "<title>kg: named queries</title>\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n"
    )


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    text = guide()
    if argv == ["--check"]:
        if not GUIDE.exists() or GUIDE.read_text(encoding="utf-8") != text:
            print(f"{GUIDE} is stale: run docs/make_browser_guide.py", file=sys.stderr)
            return 1
        return 0
    GUIDE.write_text(text, encoding="utf-8")
    print(f"wrote {GUIDE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
