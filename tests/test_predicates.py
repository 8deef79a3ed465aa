"""The predicate vocabulary: one data file, the whitelist of relationship types, lemma lookup per language."""

from __future__ import annotations

import re

import pytest

from kg.lang import available_languages
from kg.model import STRUCTURAL_PREDICATES
from kg.predicates import PREDICATES, by_kind, is_known, languages, lexicon

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
