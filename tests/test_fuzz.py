"""Property tests (Hypothesis): arbitrary text never breaks extraction, output always fits the data model,
and any string survives a load into either store unchanged.

Example counts are bounded (``max_examples`` <= 60, no deadline) so CI stays fast; the German and English
pipelines and the Neo4j server are the real ones.
"""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple, extractions_from_records
from kg.read.clean import clean_article_text, clean_text

FUZZ = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_ids = itertools.count()

#: Words that reach the deeper code paths (names, reporting verbs, negation, hedges, punctuation).
NEWSY = [
    "Russland",
    "Nordkorea",
    "Selenskyj",
    "Putin",
    "Lloyd",
    "Austin",
    "sagte",
    "bestritt",
    "warnte",
    "nicht",
    "angeblich",
    "dass",
    "und",
    "die",
    "Truppen",
    "NATO",
    "Moskau",
    "Kiew",
    "said",
    "denied",
    "warned",
    "that",
    "not",
    "reportedly",
    "Russia",
    "North",
    "Korea",
    "troops",
    ",",
    ".",
    ":",
    '"',
    "„",
    "“",
    "(",
    ")",
    "-",
    "\n",
    "US-Verteidigungsminister",
    "laut",
    "according",
    "to",
    "Ukraine",
    "Pyongyang",
]
#: Any Unicode text (no lone surrogates: those cannot come out of a decoder; NUL is included).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
NEWS_TEXT = st.lists(st.sampled_from(NEWSY), max_size=80).map(" ".join)
ARTICLE_TEXT = st.one_of(ANY_TEXT, NEWS_TEXT, st.tuples(NEWS_TEXT, ANY_TEXT, NEWS_TEXT).map("".join))
#: Property strings the stores must round-trip: anything but NUL and lone surrogates (kg removes those on input).
PROPERTY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=120
)


@pytest.fixture(scope="module")
def extractor(nlp_de, nlp_en):
    from kg.extract.pipeline import Extractor

    return Extractor()


def _roundtrip(extraction: Extraction) -> Extraction:
    lines = [json.dumps(r, ensure_ascii=False) for r in extraction.to_records()]
    (back,) = extractions_from_records(json.loads(line) for line in lines)
    return back


@pytest.mark.model
@pytest.mark.parametrize("lang", ["de", "en"])
@FUZZ
@given(text=ARTICLE_TEXT)
def test_extractor_never_raises_and_its_output_fits_the_model(extractor, lang, text):
    article = Article.create(clean_text(text) or " ", id=f"fuzz-{next(_ids)}", lang=lang)
    extraction = extractor.extract_one(article)
    assert extraction.article == article
    for triple in extraction.triples:
        assert triple.provenance.article_id == article.id
        assert 0 <= triple.provenance.start <= triple.provenance.end <= len(article.text)
    back = _roundtrip(extraction)
    assert (back.article, back.entities, back.triples) == (extraction.article, extraction.entities, extraction.triples)
    assert back.mention_counts == extraction.mention_counts  # a mapping: order is not part of the contract


@pytest.mark.model
@FUZZ
@given(text=ANY_TEXT)
def test_raw_text_with_nul_bytes_does_not_break_extraction_either(extractor, text):
    extractor.extract_one(Article.create(text + "\x00 Russland warnte.", id=f"nul-{next(_ids)}", lang="de"))


def _extraction(name: str, aliases: list[str], evidence: str, concept_text: str, title: str) -> Extraction:
    n = next(_ids)
    art = Article.create("Text " + evidence, id=f"prop-{n}", title=title, source=name, lang="de")
    person = Entity(f"person:fuzz-{n}", name, "Person", tuple(aliases), "UKR", role=title)
    concept = Concept.create(concept_text, "de", [person.key])
    triple = Triple(person, "STATES", concept, Provenance(art.id, 0, 0, len(evidence), evidence), verb=name)
    return Extraction(art, (person,), (triple,), ((person.key, 2),))


STORE_STRINGS = dict(
    name=PROPERTY_TEXT,
    aliases=st.lists(PROPERTY_TEXT, max_size=4, unique=True),
    evidence=PROPERTY_TEXT,
    concept_text=PROPERTY_TEXT.filter(lambda s: s.split()),
    title=PROPERTY_TEXT,
)


@pytest.mark.neo4j
@FUZZ
@given(**STORE_STRINGS)
def test_neo4j_round_trips_any_property_string(
    neo4j_driver, neo4j_settings, name, aliases, evidence, concept_text, title
):
    from kg.load import Neo4jStore

    ex = _extraction(name, aliases, evidence, concept_text, title)
    Neo4jStore(neo4j_driver, neo4j_settings.database).write([ex])
    (triple,) = ex.triples
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Article {id: $id}) MATCH (e:Entity {key: $key})-[r:STATES {id: $tid}]->(c:Concept) "
        "RETURN a.title AS title, a.source AS source, e.name AS name, e.aliases AS aliases, e.role AS role, "
        "r.evidence AS evidence, r.verb AS verb, c.text AS concept",
        id=ex.article.id,
        key=ex.entities[0].key,
        tid=triple.id,
        database_=neo4j_settings.database,
    )
    row = records[0]
    assert (row["title"], row["source"], row["name"], row["role"], row["verb"]) == (title, name, name, title, name)
    assert row["aliases"] == list(dict.fromkeys(aliases))
    assert row["evidence"] == evidence and row["concept"] == triple.object.text


@FUZZ
@given(**STORE_STRINGS)
def test_local_store_round_trips_any_property_string(tmp_path_factory, name, aliases, evidence, concept_text, title):
    from kg.load import LocalStore

    ex = _extraction(name, aliases, evidence, concept_text, title)
    (triple,) = ex.triples
    with LocalStore(tmp_path_factory.mktemp("fuzz-store")) as store:
        store.write([ex])
        graph = store.to_networkx()
    person = graph.nodes[ex.entities[0].key]
    assert (person["name"], person["role"], list(person["aliases"])) == (name, title, list(dict.fromkeys(aliases)))
    edge = graph.get_edge_data(ex.entities[0].key, triple.object.key)[triple.id]
    assert edge["evidence"] == evidence and edge["verb"] == name
    assert graph.nodes[triple.object.key]["text"] == triple.object.text


@pytest.mark.model
@settings(max_examples=2, deadline=None, database=None)
@given(texts=st.lists(ARTICLE_TEXT.filter(lambda t: clean_article_text(t).strip()), min_size=30, max_size=30))
def test_kg_extract_output_always_validates_against_the_data_model(tmp_path_factory, texts):
    """The real CLI on 30 fuzzed articles per example (de and en): every line it prints is a model record."""
    import os
    import subprocess
    import sys

    path = tmp_path_factory.mktemp("fuzz-extract") / "fuzz.jsonl"
    records = [{"id": f"f{i}", "lang": "de" if i % 2 else "en", "text": t} for i, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # split on "\n" only: str.splitlines() would also split at U+0085/U+2028 inside the (unescaped) text
    extractions = list(extractions_from_records(json.loads(line) for line in result.stdout.split("\n") if line))
    assert [ex.article.id for ex in extractions] == [r["id"] for r in records]
    assert [ex.article.text for ex in extractions] == [clean_article_text(t) for t in texts]
