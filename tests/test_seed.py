"""Acceptance: the German article the project started from, end to end through the Extractor.

What an analyst reading it would record: Lloyd Austin stated that North
Korean troops are in Russia, Russia and North Korea denied the speculation,
and the two Wladimirs are two people of two states.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Article, Concept

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(seed_article_path, nlp_de):
    article = Article.create(seed_article_path.read_text(encoding="utf-8"), id="seed")
    return Extractor().extract_one(article)


def _involves(triple, *keys: str) -> bool:
    obj = triple.object
    if isinstance(obj, Concept):
        return all(k in obj.mentions for k in keys)
    return obj.key in keys


def test_the_language_is_detected_as_german(seed):
    assert Extractor().language_of(seed.article) == "de"


def test_austin_states_something_about_north_korean_troops_in_russia(seed):
    states = [t for t in seed.triples if t.subject.key == "person:lloyd-austin" and t.predicate == "STATES"]
    assert any(_involves(t, "country:PRK", "country:RUS") for t in states), states
    first = min(states, key=lambda t: t.provenance.sentence)
    assert "Anwesenheit nordkoreanischer Truppen in Russland" in first.object.text
    assert first.verb == "bestätigen" and first.provenance.sentence == 0
    assert first.provenance.text.startswith("Der US-Verteidigungsminister Lloyd Austin")


def test_russia_and_north_korea_both_deny(seed):
    denials = {t.subject.key for t in seed.triples if t.predicate == "DENIES" and t.polarity == "positive"}
    assert {"country:RUS", "country:PRK"} <= denials
    russia = min(
        (t for t in seed.triples if t.predicate == "DENIES" and t.subject.key == "country:RUS"),
        key=lambda t: t.provenance.sentence,
    )
    assert russia.verb == "zurückweisen"
    assert "zurückgewiesen" in russia.provenance.text


def test_russia_denies_needing_military_support_from_abroad(seed):
    # "Russland betonte ..., dass es ... keinerlei militärische Unterstützung aus dem Ausland benötige."
    denial = next(
        t for t in seed.triples if t.predicate == "DENIES" and t.subject.key == "country:RUS" and t.verb == "betonen"
    )
    assert denial.object.text == "militärische Unterstützung aus dem Ausland"
    assert (denial.polarity, denial.hedged, denial.reported_by) == ("positive", False, None)
    states = next(t for t in seed.triples if t.predicate == "STATES" and t.subject.key == "country:RUS")
    assert states.provenance.sentence == denial.provenance.sentence and denial.confidence < states.confidence


def test_the_quotation_after_reuters_quoting_frame_is_what_austin_said(seed):
    # "Reuters zitierte Austin mit den Worten:", a line break, then the quotation in its own quote marks.
    quotes = [t for t in seed.triples if t.predicate == "QUOTES"]
    assert [(t.subject.key, t.object.key) for t in quotes] == [("org:reuters", "person:lloyd-austin")]
    said = [t for t in seed.triples if t.subject.key == "person:lloyd-austin" and t.verb == "zitieren"]
    assert [t.predicate for t in said] == ["STATES"]
    text = said[0].object.text
    assert text.startswith("Wenn sie Kriegsverbündete sind") and text.endswith("gravierende Angelegenheit.")
    assert not any(q in text for q in '“”„"')
    assert said[0].reported_by == "org:reuters"
    assert said[0].provenance.sentence >= quotes[0].provenance.sentence
    assert "Kriegsverbündete" in said[0].provenance.text


def test_austin_warns_and_voices_a_hedged_suspicion(seed):
    by_pred = {t.predicate: t for t in seed.triples if t.subject.key == "person:lloyd-austin"}
    assert _involves(by_pred["WARNS"], "country:PRK", "country:RUS")  # North Korea fighting on Russia's side
    assert by_pred["SUSPECTS"].hedged  # "... hindeuten könnte"


def test_short_name_resolves_to_lloyd_austin_and_the_wladimirs_stay_apart(seed):
    keys = {e.key: e for e in seed.entities}
    assert "person:lloyd-austin" in keys and not any(k.startswith("person:austin") for k in keys)
    assert keys["person:vladimir-putin"].country == "RUS"
    assert keys["person:volodymyr-zelensky"].country == "UKR"
    assert seed.mention_counts["person:lloyd-austin"] >= 4


def test_every_triple_points_to_its_sentence(seed):
    text = seed.article.text
    for t in seed.triples:
        p = t.provenance
        assert p.article_id == "seed"
        assert text[p.start : p.end] == p.text
        assert 0.0 < t.confidence <= 1.0
