"""The predicate vocabulary and the event ontology: the whitelist of relationship types, CAMEO/PLOVER coding
from one table, lemma lookup per language."""

from __future__ import annotations

import re

import pytest

from kg.lang import available_languages
from kg.model import STRUCTURAL_PREDICATES
from kg.predicate_lexicon import lexicon
from kg.predicates import (
    ONTOLOGY_FILE,
    PLOVER_TYPES,
    PREDICATES,
    Ontology,
    _read,
    by_kind,
    is_known,
    languages,
)

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_the_vocabulary_covers_speech_acts_events_and_the_structural_predicate():
    for name in ("STATES", "DENIES", "WARNS", "ACCUSES", "THREATENS", "DEMANDS", "REPORTS", "QUOTES", "SUSPECTS"):
        assert PREDICATES[name].kind == "speech"
    for name in ("MEETS", "VISITS", "SIGNS", "SUPPORTS", "SUPPLIES_WEAPONS_TO", "SANCTIONS", "ATTACKS", "DEPLOYS"):
        assert PREDICATES[name].kind == "event"
    assert PREDICATES["SUMMONS"].kind == "event"
    assert set(by_kind("structural")) == set(STRUCTURAL_PREDICATES)
    assert not PREDICATES["AFFILIATED_WITH"].lemmas


def test_names_are_safe_relationship_types_and_codes_are_well_formed():
    for name, pred in PREDICATES.items():
        assert re.fullmatch(r"[A-Z][A-Z_]*", name)
        assert pred.cameo is None or re.fullmatch(r"\d{3,4}", pred.cameo), name
        assert pred.plover is None or pred.plover in PLOVER, name


def test_is_known_is_the_whitelist():
    assert is_known("DENIES") and is_known("AFFILIATED_WITH")
    assert not is_known("MENTIONS") and not is_known("denies") and not is_known("X]->() DETACH DELETE n //")


def test_every_supported_language_has_verbs_in_the_vocabulary():
    assert set(available_languages()) <= set(languages())


@pytest.mark.parametrize(
    ("lang", "lemma", "objects", "expected"),
    [
        ("de", "zurückweisen", (), "DENIES"),
        ("de", "bestätigen", (), "STATES"),  # confirming is stating
        ("de", "vorwerfen", (), "ACCUSES"),
        ("de", "einbestellen", (), "SUMMONS"),
        ("de", "äußern", ("Vermutung",), "SUSPECTS"),  # light verb: the noun carries the meaning
        ("de", "äußern", (), "STATES"),
        ("de", "liefern", ("Waffen",), "SUPPLIES_WEAPONS_TO"),
        ("de", "liefern", ("Getreide",), None),  # only weapons make a weapons delivery
        ("de", "schicken", ("Truppen",), "DEPLOYS"),
        ("de", "zitieren", ("Botschafter",), "SUMMONS"),
        ("de", "zitieren", (), "QUOTES"),
        # a compound object is read by its head, the last part of a German compound
        ("de", "einnehmen", ("Ölstadt",), "SEIZES"),
        ("de", "schicken", ("Elitetruppen",), "DEPLOYS"),
        ("de", "einleiten", ("Antisubventionsuntersuchung",), "INVESTIGATES"),
        ("de", "liefern", ("Getreidelieferungen",), None),
        # ... but a derived word is no compound, nor is a phrase ("Antwort" is no "Wort")
        ("de", "geben", ("Antwort",), None),
        ("de", "geben", ("angemessen antwort",), None),
        ("de", "geben", ("Wort",), "PROMISES"),
        ("en", "deny", (), "DENIES"),
        ("en", "confirm", (), "STATES"),
        ("en", "rule out", (), "REJECTS"),
        ("en", "send", ("troop",), "DEPLOYS"),
        ("en", "impose", ("sanction",), "SANCTIONS"),
        ("en", "impose", (), None),
    ],
)
def test_lemma_lookup(lang, lemma, objects, expected):
    pred = lexicon(lang).lookup(lemma, objects)
    assert (pred.name if pred else None) == expected


def test_a_lemma_has_one_plain_reading_per_language():
    """Ambiguity is allowed only where an object noun decides (gated readings)."""
    for lang in languages():
        plain: dict[str, str] = {}
        for name, pred in PREDICATES.items():
            for lemma in pred.lemmas.get(lang, ()):
                if pred.gated(lang, lemma):
                    continue
                assert lemma not in plain, f"{lang}: {lemma!r} is both {plain[lemma]} and {name}"
                plain[lemma] = name


# -- the event ontology: one CAMEO table, PLOVER derived ------------------------------------------


def test_every_plover_type_and_every_cameo_root_has_a_predicate():
    assert {p.plover for p in PREDICATES.values() if p.plover} == PLOVER_TYPES
    roots = {p.cameo[:2] for p in PREDICATES.values() if p.cameo}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_plover_type_quad_class_and_goldstein_follow_from_the_cameo_code():
    onto = Ontology(_read(ONTOLOGY_FILE))
    for name, pred in PREDICATES.items():
        if pred.cameo is None:
            continue
        coding = onto.coding(pred.cameo)
        assert (pred.plover, pred.quad, pred.goldstein) == (coding.plover, coding.quad, coding.goldstein), name
        assert pred.quad == (1 if pred.cameo < "06" else 2 if pred.cameo < "10" else 3 if pred.cameo < "15" else 4)
    # The types the issue found disagreeing with their CAMEO codes now follow them.
    assert PREDICATES["CRITICIZES"].plover == PREDICATES["CONDEMNS"].plover == PREDICATES["SUMMONS"].plover == "ACCUSE"
    assert PREDICATES["SIGNS"].plover == "SUPPORT" and PREDICATES["PRAISES"].plover == "SUPPORT"
    assert PREDICATES["PROMISES"].plover == "AGREE" and PREDICATES["WITHDRAWS"].plover == "RETREAT"
    assert PREDICATES["ARRESTS"].plover == "COERCE" and PREDICATES["KILLS"].plover == "ASSAULT"


def test_a_lexicon_entry_may_code_narrower_and_its_type_still_follows_the_code():
    demands = PREDICATES["DEMANDS"]
    for lang in ("en", "de"):
        for entry, coding in demands.codes.get(lang, {}).items():
            assert coding.cameo[:2] in ("02", "10"), (lang, entry)
            assert coding.plover == "REQUEST"
    assert demands.coding("en", "urge").cameo.startswith("02")
    assert demands.coding("en", "demand").cameo == "100"


def test_a_bad_cameo_code_is_refused_with_its_name():
    onto = Ontology(_read(ONTOLOGY_FILE))
    with pytest.raises(ValueError, match="21"):
        onto.coding("21")
    with pytest.raises(ValueError, match="x1"):
        onto.coding("x1")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_event_and_speech_predicate_has_words_in_every_language(lang):
    for name, pred in PREDICATES.items():
        if pred.kind != "structural":
            assert pred.lemmas.get(lang) or pred.light.get(lang), f"{lang}: {name} has no words"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_lexicons_have_breadth(lang):
    lex = lexicon(lang)
    assert len(lex.verbs) >= 300 and len(lex.light) >= 1000
    assert len(lex.event_nouns) >= 40


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_event_noun_names_one_predicate(lang):
    seen: dict[str, str] = {}
    for name, pred in PREDICATES.items():
        for noun in pred.nouns.get(lang, ()):
            assert noun not in seen, f"{lang}: {noun!r} is both {seen[noun]} and {name}"
            seen[noun] = name


def test_kg_predicates_prints_the_ontology_as_csv_and_json():
    import csv
    import io
    import json

    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["predicates", "--format", "csv", "--kind", "event"])
    assert result.exit_code == 0, result.output
    rows = {r["predicate"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert rows["ARRESTS"]["plover"] == "COERCE" and rows["ARRESTS"]["quad_class"] == "material conflict"
    assert float(rows["ATTACKS"]["goldstein"]) == -10.0 and "STATES" not in rows
    result = CliRunner().invoke(cli, ["predicates", "--format", "json"])
    listed = {r["predicate"]: r for r in json.loads(result.output)}
    assert set(listed) == set(PREDICATES) and listed["DENIES"]["plover"] == "REJECT"
