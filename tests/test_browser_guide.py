"""kg's Neo4j Browser guide (scripts/neo4j-browser/kg-guide.html) covers the named-query library."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

GUIDE = ROOT / "scripts" / "neo4j-browser" / "kg-guide.html"


def test_the_guide_has_a_page_per_named_query():
    from kg.queries import list_queries

    text = GUIDE.read_text(encoding="utf-8")
    pages = re.findall(r"<h3>([a-z_]+)</h3>", text)
    # A new or removed query means: re-run docs/make_browser_guide.py (the vocabulary may move on meanwhile).
    assert sorted(pages) == sorted(q.name for q in list_queries())
    assert text.count('<pre class="code runnable">:params {') == len(pages)


def test_the_generator_writes_parameters_the_browser_can_evaluate(tmp_path):
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import make_browser_guide as g
    finally:
        sys.path.pop(0)
    from datetime import date

    assert g.example_values('kg query timeline -p actor="Nordkorea" -p since=2024-10-01') == {
        "actor": "Nordkorea",
        "since": "2024-10-01",
    }
    assert g.params_command({"actor": 'Say "no"', "since": date(2024, 10, 1), "hedged": None, "n": 5}) == (
        ':params {actor: "Say \\"no\\"", since: date("2024-10-01"), hedged: null, n: 5}'
    )
    assert subprocess.run([sys.executable, str(ROOT / "docs" / "make_browser_guide.py"), "--help"]).returncode == 0
