"""kg.gold.records: scoring coded sentences (event type, doer's state), on hand-made triples, and kg eval."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.gold.records import Record, RecordReport, is_records_file, read_records, score_record
from kg.model import Article, Concept, Entity, Provenance, Triple

TUR = Entity("country:TUR", "Turkey", "Country", country="TUR")
SWE = Entity("country:SWE", "Sweden", "Country", country="SWE")
UN = Entity("org:united-nations", "United Nations", "Organization", sector="IGO")
GUNMEN = Entity("group:INS", "insurgents", "Group", sector="INS")


def _triple(subject, predicate, plover, obj=SWE) -> Triple:
    return Triple(subject, predicate, obj, Provenance("r1", 0, 0, 1, "x"), plover=plover)


def _record(plover: str, source: str | None) -> Record:
    return Record(Article.create("Text.", id="r1", lang="en"), plover, source, None)


def test_a_sentence_counts_when_a_triple_has_its_type_and_the_doer_its_state():
    report = RecordReport()
    score_record(_record("SANCTION", "TUR"), [_triple(TUR, "EXPELS", "SANCTION")], report)
    assert (report.overall.typed, report.overall.sourced) == (1, 1)


def test_the_right_type_from_the_wrong_state_counts_for_the_type_only():
    report = RecordReport()
    score_record(_record("SANCTION", "SWE"), [_triple(TUR, "EXPELS", "SANCTION")], report)
    assert (report.overall.typed, report.overall.sourced) == (1, 0)


def test_typed_precision_counts_every_typed_triple_and_ignores_statements():
    report = RecordReport()
    triples = [
        _triple(TUR, "EXPELS", "SANCTION"),
        _triple(TUR, "ACCUSES", "ACCUSE"),
        _triple(TUR, "STATES", None, Concept.create("it would act", "en")),
    ]
    score_record(_record("SANCTION", "TUR"), triples, report)
    assert report.overall.type_precision == 0.5
    assert report.overall.empty == 0


def test_an_organisation_codes_as_igo_and_a_stateless_group_as_none():
    report = RecordReport()
    score_record(_record("REQUEST", "IGO"), [_triple(UN, "DEMANDS", "REQUEST")], report)
    score_record(_record("ASSAULT", None), [_triple(GUNMEN, "KILLS", "ASSAULT")], report)
    assert report.overall.sourced == 2


def test_a_sentence_with_no_typed_triple_is_a_miss_listed_with_what_came_out():
    report = RecordReport()
    score_record(_record("PROTEST", "TUR"), [_triple(TUR, "ACCUSES", "ACCUSE")], report)
    assert report.overall.typed == 0
    assert report.misses == [("r1", "PROTEST", "TUR", "country:TUR ACCUSES (ACCUSE)")]


def test_a_records_file_is_told_from_a_gold_article_file(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "a", "lang": "en", "text": "x", "plover": "AID", "source": None}) + "\n")
    articles = tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"id": "a", "lang": "en", "text": "x", "gold": {}}) + "\n")
    assert is_records_file(records) and not is_records_file(articles)


def test_a_malformed_record_names_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "plover": "AID"}\n{"id": "b", "plover": "AID"}\n')
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        read_records(path)


@pytest.mark.model
def test_kg_eval_scores_a_records_file(tmp_path, nlp_en):
    path = tmp_path / "records.jsonl"
    rows = [
        {"id": "r1", "lang": "en", "text": "Turkey expelled the Swedish ambassador on Monday.",
         "plover": "SANCTION", "source": "TUR", "target": "SWE"},
        {"id": "r2", "lang": "en", "text": "The weather in Ankara was mild on Monday.",
         "plover": "ASSAULT", "source": "TUR", "target": None},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(cli, ["eval", str(path), "--format", "json", "--show-misses"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["overall"]["sentences"] == 2
    assert out["overall"]["type_recall"] == 0.5
    assert out["overall"]["source_recall"] == 0.5
    assert [m["id"] for m in out["misses"]] == ["r2"]
