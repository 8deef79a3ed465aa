"""kg.gold.score: the scoring rules, on hand-made extractions (no models needed), and kg eval's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.gold.score import GoldArticle, concept_matches, evaluate, read_gold
from kg.model import Article, Concept, Entity, Extraction, Provenance, Triple

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "articles.jsonl"
RUS = Entity("country:RUS", "Russia", "Country", country="RUS")
PRK = Entity("country:PRK", "North Korea", "Country", country="PRK")
AUSTIN = Entity("person:lloyd-austin", "Lloyd Austin", "Person", country="USA")


def _triple(subject, predicate, obj, polarity="positive", hedged=False, sentence=0) -> Triple:
    return Triple(subject, predicate, obj, Provenance("g1", sentence, 0, 1, "x"), polarity=polarity, hedged=hedged)


def _gold() -> GoldArticle:
    return GoldArticle(
        Article.create("Text.", id="g1", lang="de"),
        (
            {"key": "country:RUS", "type": "Country"},
            {"key": "country:PRK", "type": "Country"},
            {"key": "person:lloyd-austin", "type": "Person"},
        ),
        (
            {"subject": "person:lloyd-austin", "predicate": "STATES",
             "object": {"text": "Präsenz nordkoreanischer Soldaten an der russischen Front"}, "polarity": "positive"},
            {"subject": "country:RUS", "predicate": "DENIES", "object": {"text": "die Berichte"},
             "polarity": "positive"},
            {"subject": "country:PRK", "predicate": "DEPLOYS", "object": {"key": "country:RUS"},
             "polarity": "negative"},
        ),
    )  # fmt: skip


def test_concepts_match_by_token_overlap_or_containment():
    clause = "das Ministerium Belege für die Präsenz nordkoreanischer Soldaten an der russischen Front habe"
    assert concept_matches("Präsenz nordkoreanischer Soldaten an der russischen Front", clause)
    assert concept_matches("die Berichte", "Berichte")  # Jaccard 0.5
    assert not concept_matches("die Berichte über Truppen in der Ukraine", "Berichte")
    assert not concept_matches("the reports", "")


def test_precision_recall_and_f1_with_one_miss_and_one_false_triple():
    extraction = Extraction(
        _gold().article,
        entities=(RUS, PRK, AUSTIN, Entity("location:rome", "Rome", "Location")),
        triples=(
            _triple(
                AUSTIN,
                "STATES",
                Concept.create("dass die Präsenz nordkoreanischer Soldaten an der russischen Front", "de"),
            ),
            _triple(RUS, "DENIES", Concept.create("die Berichte", "de")),
            _triple(PRK, "DEPLOYS", Concept.create("Truppen", "de")),  # object should be Russia: false and missed
            _triple(AUSTIN, "AFFILIATED_WITH", RUS),  # structural: not scored, gold has none
        ),
    )
    report = evaluate([_gold()], [extraction])
    e, t = report.overall.entities, report.overall.triples
    assert (e.tp, e.fp, e.fn) == (3, 1, 0)
    assert (t.tp, t.fp, t.fn) == (2, 1, 1)
    assert t.precision == pytest.approx(2 / 3) and t.recall == pytest.approx(2 / 3) and t.f1 == pytest.approx(2 / 3)
    kinds = sorted(p.kind for p in report.problems)
    assert kinds == ["false entity", "false triple", "missed triple"]
    assert report.by_lang["de"].triples.tp == 2


def test_polarity_and_hedging_are_scored_on_matched_triples():
    extraction = Extraction(
        _gold().article,
        triples=(_triple(PRK, "DEPLOYS", RUS, polarity="positive"),),
    )
    group = evaluate([_gold()], [extraction]).overall
    assert group.triples.tp == 1
    assert group.to_dict()["polarity_accuracy"] == 0.0
    assert group.to_dict()["hedged_accuracy"] == 1.0


def test_a_missing_extraction_counts_as_empty():
    report = evaluate([_gold()], [])
    assert report.overall.triples.fn == 3 and report.overall.triples.precision == 0.0


def test_the_gold_set_is_well_formed():
    gold = read_gold(GOLD)
    assert len(gold) >= 16
    assert sum(g.article.lang == "de" for g in gold) >= 8 and sum(g.article.lang == "en" for g in gold) >= 8
    gold += read_gold(GOLD.with_name("heldout.jsonl"))
    from kg.model import ENTITY_TYPES
    from kg.predicates import is_known

    for g in gold:
        keys = {e["key"] for e in g.entities}
        assert all(e["type"] in ENTITY_TYPES for e in g.entities), g.article.id
        for t in g.triples:
            assert is_known(t["predicate"]), (g.article.id, t)
            assert t["subject"] in keys, (g.article.id, t["subject"])
            assert "key" in t["object"] or "text" in t["object"]
            if "key" in t["object"]:
                assert t["object"]["key"] in keys, (g.article.id, t["object"])
            else:
                assert concept_matches(t["object"]["text"], g.article.text), (g.article.id, t["object"])


@pytest.mark.model
def test_kg_eval_prints_json_scores_per_language(nlp_de, nlp_en):
    result = CliRunner().invoke(cli, ["eval", str(GOLD), "--format", "json", "--show-misses"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["languages"]) == {"de", "en"}
    assert 0.0 < data["overall"]["triples"]["f1"] <= 1.0
    assert all({"article_id", "kind", "what"} <= set(p) for p in data["problems"])


def test_kg_eval_rejects_a_malformed_gold_file(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "text": "t", "gold": {}}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(bad)])
    assert result.exit_code == 1
    assert "gold.jsonl:2" in result.output


def test_scores_per_predicate_per_plover_type_and_the_confusion_of_predicates():
    """A wrong predicate of the right PLOVER type counts by type, and the confusion table names the pair."""
    gold = GoldArticle(
        Article.create("Text.", id="g1", lang="en"),
        ({"key": "country:RUS", "type": "Country"}, {"key": "country:PRK", "type": "Country"}),
        (
            {"subject": "country:RUS", "predicate": "CONDEMNS", "plover": "ACCUSE", "object": {"key": "country:PRK"}},
            {"subject": "country:RUS", "predicate": "STATES", "plover": None, "object": {"text": "it was ready"}},
        ),
    )
    extraction = Extraction(
        gold.article,
        triples=(
            Triple(RUS, "CRITICIZES", PRK, Provenance("g1", 0, 0, 1, "x"), plover="ACCUSE"),
            Triple(RUS, "STATES", Concept.create("it was ready", "en"), Provenance("g1", 0, 0, 1, "x")),
        ),
    )
    report = evaluate([gold], [extraction])
    assert (report.by_predicate["CONDEMNS"].fn, report.by_predicate["CRITICIZES"].fp) == (1, 1)
    assert (report.by_predicate["STATES"].tp, report.by_type["STATES"].tp) == (1, 1)
    assert (report.by_type["ACCUSE"].tp, report.by_type["ACCUSE"].fp, report.by_type["ACCUSE"].fn) == (1, 0, 0)
    assert (report.typed.tp, report.overall.triples.tp) == (2, 1)
    assert report.confusion == {("CONDEMNS", "CRITICIZES"): 1}
    assert report.to_dict()["confusion"] == [{"gold": "CONDEMNS", "extracted": "CRITICIZES", "count": 1}]
