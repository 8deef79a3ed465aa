"""Lemmas of inflected verb forms a small lemmatizer gets wrong, by the language's own rules (data)."""

from __future__ import annotations

from kg.extract.cues import cues_for


def test_a_separable_particle_keeps_the_participle_prefix_or_zu_behind_it():
    de = cues_for("de")
    assert "abdrehen" in de.regular_lemmas("abgedreht")
    assert "abdrehen" in de.regular_lemmas("abzudrehen")
    assert "zurückweisen" in de.regular_lemmas("zurückzuweisen")
    # a short verb that only begins like particle + "ge" is not split ("angelt" is no "an" + "lt")
    assert not any(lemma.startswith("anl") for lemma in de.regular_lemmas("angelt"))



def test_an_infinitive_with_zu_inside_is_recognised_as_one():
    import spacy

    de = cues_for("de")
    doc = spacy.blank("de")("beizulegen abzugeben zurückzuweisen beliebt zugeben")
    assert [de.infix_infinitive(t) for t in doc] == [True, True, True, False, False]


def test_an_irregular_form_with_its_particle_joined_in_a_verb_last_clause_is_the_particle_verb():
    # "..., woraufhin die USA ihn als Staatsoberhaupt anerkannten", "..., als er die Vorwürfe zurückwies"
    import spacy

    de = cues_for("de")
    doc = spacy.blank("de")("anerkannten zurückwies")
    assert "anerkennen" in de.verb_lemmas(doc[0], [])  # "erkannten" is listed as "erkennen"
    assert "zurückweisen" in de.verb_lemmas(doc[1], [])
