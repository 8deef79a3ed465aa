"""The data model is the contract between stages: these tests pin it down."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.model import (
    Article,
    Concept,
    Entity,
    Extraction,
    ModelError,
    Provenance,
    Triple,
    extractions_from_records,
    slugify,
    stable_hash,
)

AUSTIN = Entity("person:lloyd-austin", "Lloyd Austin", "Person", ("Austin", "Lloyd Austin"), "USA", "defence minister")
RUSSIA = Entity("country:RUS", "Russia", "Country", ("Russland", "Moskau"), "RUS")


def _triple(**kw) -> Triple:
    defaults = dict(
        subject=AUSTIN,
        predicate="STATES",
        object=Concept.create("Anwesenheit nordkoreanischer Truppen in Russland", "de", ["country:PRK", "country:RUS"]),
        provenance=Provenance("a1", 0, 0, 120, "Der US-Verteidigungsminister Lloyd Austin hat bestätigt, ..."),
        verb="bestätigen",
        cameo="010",
        plover="CONSULT",
        confidence=0.9,
    )
    defaults.update(kw)
    return Triple(**defaults)


def test_article_without_id_gets_a_stable_content_hash():
    a = Article.create("Moskau weist die Berichte zurück.")
    b = Article.create("Moskau weist die Berichte zurück.")
    c = Article.create("Pjöngjang weist die Berichte zurück.")
    assert a.id == b.id != c.id
    assert a.content_hash == b.content_hash != c.content_hash


def test_given_article_id_wins_and_dates_parse():
    a = Article.from_dict({"id": 42, "text": "x", "published": "2024-10-24T08:00:00Z", "lang": "DE"})
    assert a.id == "42" and a.published == date(2024, 10, 24) and a.lang == "de"


@pytest.mark.parametrize(
    "record, message",
    [
        ({"title": "no text"}, "missing required field 'text'"),
        ({"text": 3}, "'text' must be a string"),
        ({"text": "x", "published": "yesterday"}, "not an ISO date"),
        ({"text": "x", "url": ["a"]}, "'url' must be a string"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_bad_article_records_are_refused_with_a_reason(record, message):
    with pytest.raises(ModelError, match=message):
        Article.from_dict(record)


def test_entity_type_and_country_are_validated():
    with pytest.raises(ModelError, match="entity type"):
        Entity("x", "X", "Person) DETACH DELETE (n")
    with pytest.raises(ModelError, match="alpha-3"):
        Entity("x", "X", "Country", country="ru")


@pytest.mark.parametrize("predicate", ["states", "STATES]->(x) DELETE x//", "", "A" * 65, "1ABC"])
def test_predicates_that_could_not_be_relationship_types_are_refused(predicate):
    with pytest.raises(ModelError):
        _triple(predicate=predicate)


def test_triple_id_depends_on_evidence_and_arguments_only():
    t1 = _triple()
    t2 = _triple(confidence=0.5, hedged=True)
    t3 = _triple(provenance=Provenance("a1", 1, 121, 200, "..."))
    assert t1.id == t2.id
    assert t1.id != t3.id


def test_stable_hashes_do_not_change_between_versions():
    # Article ids, concept keys and triple ids in users' graphs are these digests: pinned values.
    assert stable_hash("de-01", 3, "country:RUS", "DENIES", "concept:x", length=24) == "10c2463676aec8503ed91ed8"
    assert stable_hash("a", "bc") == "b214e884a2732f78" != stable_hash("ab", "c") == "1048f8878f610b00"
    assert stable_hash() == "e4a6a0577479b2b4"


def test_concept_key_ignores_spacing_and_case_but_not_language():
    a = Concept.create("Anwesenheit  nordkoreanischer Truppen", "de")
    b = Concept.create("anwesenheit nordkoreanischer truppen", "de")
    c = Concept.create("anwesenheit nordkoreanischer truppen", "en")
    assert a.key == b.key != c.key
    assert a.text == "Anwesenheit nordkoreanischer Truppen"


def test_extraction_round_trips_through_json_lines():
    article = Article.create(
        "Der US-Verteidigungsminister Lloyd Austin hat bestätigt ...",
        lang="de",
        published="2024-10-24",
        url="https://example.org/a",
    )
    evidence = Provenance(article.id, 0, 0, 60, article.text)
    denial = _triple(
        provenance=evidence,
        subject=RUSSIA,
        predicate="DENIES",
        object=Concept.create("militärische Unterstützung", "de"),
        polarity="negative",
        reported_by=None,
    )
    original = Extraction(
        article,
        (AUSTIN, RUSSIA),
        (_triple(provenance=evidence), denial),
        (("person:lloyd-austin", 3), ("country:RUS", 2)),
    )
    lines = [json.dumps(r, ensure_ascii=False) for r in original.to_records()]
    restored = list(extractions_from_records(json.loads(line) for line in lines))
    assert len(restored) == 1
    got = restored[0]
    assert got.entities == original.entities
    assert got.triples == original.triples
    assert got.mention_counts == {"person:lloyd-austin": 3, "country:RUS": 2}
    assert got.article.id == article.id and got.article.published == date(2024, 10, 24)


def test_records_out_of_order_are_refused():
    record = {"kind": "triple", **_triple().to_dict()}
    with pytest.raises(ModelError, match="does not follow its article"):
        list(extractions_from_records([record]))


def test_slugify_transliterates_german_and_strips_punctuation():
    assert slugify("Wladimir Selenskij") == "wladimir-selenskij"
    assert slugify("Ärzte ohne Grenzen") == "aerzte-ohne-grenzen"
    assert slugify("  ''  ") == "x"


def test_event_coding_addressee_sector_and_dateline_round_trip_through_json_lines():
    gov = Entity("group:RUS-GOV", "Russian government", "Group", country="RUS", sector="GOV")
    article = Article.create("MOSKAU (dpa) - Text.", id="a1", lang="de", place="MOSKAU", agency="dpa")
    triple = _triple(subject=gov, quad=1, goldstein=0.0, addressee="org:interfax", modality=None)
    ex = Extraction(article, entities=(gov,), triples=(triple,))
    lines = [json.dumps(r) for r in ex.to_records()]
    back = next(iter(extractions_from_records(json.loads(x) for x in lines)))
    assert back.article.place == "MOSKAU" and back.article.agency == "dpa"
    assert back.entities[0].sector == "GOV"
    t = back.triples[0]
    assert (t.quad, t.goldstein, t.addressee, t.subject.sector) == (1, 0.0, "org:interfax", "GOV")


@pytest.mark.parametrize(
    ("field", "value"), [("quad", "1"), ("quad", True), ("goldstein", "high"), ("goldstein", False)]
)
def test_event_coding_fields_must_be_numbers(field, value):
    record = _triple().to_dict() | {field: value}
    with pytest.raises(ModelError, match=field):
        Triple.from_dict(record)


def test_a_sector_is_a_three_letter_code():
    with pytest.raises(ModelError, match="sector"):
        Entity("group:RUS-GOV", "Russian government", "Group", country="RUS", sector="government")
