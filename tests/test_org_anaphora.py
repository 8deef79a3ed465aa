"""A definite head noun refers back to the organisation of that kind named just before it.

"Turkey's foreign ministry summoned the ambassador. The ministry said ...": the second sentence's speaker is
the ministry of the first. Two ministries named in that sentence leave "the ministry" unresolved; "the
court's ruling" is a ruling, not the court.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Article, Concept

pytestmark = pytest.mark.model


def _said(text: str, lang: str, sentence: int) -> set[tuple[str, str]]:
    triples = Extractor().extract_one(Article.create(text, id="oa", lang=lang)).triples
    return {
        (t.subject.key, t.object.text if isinstance(t.object, Concept) else t.object.key)
        for t in triples
        if t.provenance.sentence == sentence and t.predicate == "STATES"
    }


def test_the_ministry_is_the_ministry_named_before(nlp_en):
    text = (
        "Turkey's foreign ministry summoned the Swedish ambassador on Tuesday. The ministry said the protest in "
        "Stockholm was a hate crime."
    )
    assert _said(text, "en", 1) == {("org:turkish-foreign-ministry", "the protest in Stockholm was a hate crime")}


def test_the_nearest_of_two_ministries_named_in_turn(nlp_en):
    text = (
        "Russia's defence ministry said its forces had taken the village. Ukraine's defence ministry denied it. "
        "The ministry said fighting continued."
    )
    assert _said(text, "en", 2) == {("org:ukrainian-ministry-of-defence", "fighting continued")}


def test_two_ministries_in_the_sentence_before_leave_it_unresolved(nlp_en):
    text = (
        "Russia's defence ministry and Ukraine's defence ministry gave different accounts. The ministry said "
        "fighting continued."
    )
    assert _said(text, "en", 1) == set()


def test_das_ministerium_is_the_ministry_with_its_seat_named_before(nlp_de):
    text = (
        "Das Außenministerium in Peking bestellte den japanischen Botschafter ein. Das Ministerium erklärte, Tokio "
        "müsse die Einleitung stoppen."
    )
    assert _said(text, "de", 1) == {("org:chinese-foreign-ministry", "Tokio müsse die Einleitung stoppen")}


def test_die_behoerde_is_the_agency_not_the_articles_government(nlp_de):
    text = (
        "Die Internationale Atomenergiebehörde legte einen Bericht vor. Die Behörde teilte mit, Iran habe Uran "
        "angereichert."
    )
    assert _said(text, "de", 1) == {("org:iaea", "Iran habe Uran angereichert")}


def test_a_possessor_is_left_alone(nlp_en):
    text = (
        "The International Court of Justice held hearings on the maritime dispute. Colombia rejects the court's "
        "authority over the case."
    )
    triples = Extractor().extract_one(Article.create(text, id="oa", lang="en")).triples
    assert not any(getattr(t.object, "key", "") == "org:international-court-of-justice" and t.provenance.sentence == 1
                   for t in triples)  # fmt: skip


def test_the_commission_named_paragraphs_before_is_still_the_commission(nlp_de):
    # wire copy names the body once in the lead and calls it by its head noun paragraphs later
    text = (
        "Die EU-Kommission hat Zölle auf Stahl aus China beschlossen. Peking kritisierte den Schritt. "
        "Die Hersteller begrüßten ihn. Frankreich stimmte zu. Ungarn enthielt sich. "
        "Die Kommission erklärte, dass die Gespräche mit Peking fortgesetzt würden."
    )
    assert _said(text, "de", 5) == {("org:european-commission", "die Gespräche mit Peking fortgesetzt würden")}
