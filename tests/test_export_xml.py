"""Control characters in the graph never make an XML export unreadable (issue 13, item 5).

Every C0 control character goes into an article id, title, entity key, name and alias, a concept and a
triple's evidence; `kg load` stores them, `kg export` writes GraphML and GEXF that an XML parser accepts,
and reading the files back gives each value with exactly the characters XML cannot hold replaced by U+FFFD.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple
from tests.test_faults import kg_env, run_kg, write_jsonl

CONTROLS = "".join(chr(c) for c in range(1, 32))  # NUL is removed on input (README), the other 31 are kept
XML_FORBIDDEN = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")


def expected(value: str) -> str:
    """What an XML round trip gives: forbidden characters replaced, line ends normalised by the parser."""
    return XML_FORBIDDEN.sub("\ufffd", value).replace("\r\n", "\n").replace("\r", "\n")


def parsed(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("ctl")
    article = Article.create(
        f"Text mit {CONTROLS} Steuerzeichen.", id=f"ctl{CONTROLS}id", title=f"Titel {CONTROLS}", lang="de"
    )
    person = Entity(f"person:ctl{CONTROLS}", f"Name {CONTROLS}", "Person", (f"Alias {CONTROLS}",))
    country = Entity("country:RUS", "Russia", "Country", ("Russland",), "RUS")
    concept = Concept.create(f"Inhalt {CONTROLS}", "de", [country.key])
    prov = Provenance(article.id, 0, 0, 10, f"Satz {CONTROLS}")
    triples = (Triple(person, "STATES", concept, prov), Triple(person, "MEETS", country, prov))
    ex = Extraction(article, (person, country), triples, ((person.key, 1), (country.key, 2)))
    corpus = write_jsonl([ex], base / "c.jsonl")
    result = run_kg("load", "--store", str(base / "s"), str(corpus), env=kg_env(NEO4J_URI=None))
    assert result.returncode == 0, result.stderr
    return base, ex


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_c0_control_character_round_trips_through_an_xml_export(store, fmt):
    base, ex = store
    out = base / f"g.{fmt}"
    result = run_kg("export", "--store", str(base / "s"), "--format", fmt, "--out", str(out), env=kg_env())
    assert result.returncode == 0, result.stderr
    ET.parse(out)  # well-formed, or this raises ParseError
    G = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    values = {parsed(str(v)) for _, data in G.nodes(data=True) for v in data.values()}
    values |= {parsed(str(n)) for n in G.nodes}
    values |= {parsed(str(v)) for *_, data in G.edges(data=True) for v in data.values()}
    person = ex.triples[0].subject
    for original in (ex.article.title, person.name, person.key, ex.triples[0].object.text, "Satz " + CONTROLS):
        assert expected(original) in values, (original, sorted(values)[:20])
    assert any(expected(ex.article.id) in v for v in values)  # the article node's id and attribute
    assert not any(XML_FORBIDDEN.search(v) for v in values)


def test_json_export_keeps_control_characters(store):
    base, ex = store
    result = run_kg("export", "--store", str(base / "s"), "--format", "json", env=kg_env())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert any(node.get("title") == ex.article.title for node in data["nodes"])
