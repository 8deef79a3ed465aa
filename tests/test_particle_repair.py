"""A separable verb's particle the parse made the head of the clause gives the clause back to its verb.

"Die Polizei in Kinshasa nahm Dutzende Demonstranten fest" parsed with "fest" as the root and "nahm" inside the
subject's phrase: no verb headed the clause, and the arrest was lost.
"""

from __future__ import annotations

import pytest

from kg.extract.cues import cues_for
from kg.extract.deps import schemes
from kg.extract.particle_repair import verbs_under_their_particles
from kg.extract.pipeline import Extractor
from kg.model import Article
from tests.hand_parsed import german_doc

UD = schemes()["ud"]
FIN = "Mood=Ind|Person=3|VerbForm=Fin"

# "Die Polizei in Minsk nahm zwei Studenten fest": the particle the root, the verb a modifier of the place.
PARTICLE_ROOT = [
    ("Die", "DET", "det", 1, ""), ("Polizei", "NOUN", "nsubj", 7, ""), ("in", "ADP", "case", 3, ""),
    ("Minsk", "PROPN", "nmod", 1, ""), ("nahm", "VERB", "nmod", 3, FIN), ("zwei", "NUM", "nummod", 6, ""),
    ("Studenten", "NOUN", "obj", 4, ""), ("fest", "ADV", "ROOT", 7, ""), (".", "PUNCT", "punct", 7, ""),
]  # fmt: skip


def test_the_verb_of_a_particle_made_root_heads_the_clause_and_takes_its_words():
    doc = german_doc(PARTICLE_ROOT)
    doc[4].lemma_ = "nehmen"
    assert verbs_under_their_particles(doc, UD, cues_for("de").own_particle) == 1
    assert (doc[4].dep_, doc[4].head.i) == ("ROOT", 4)
    assert (doc[7].dep_, doc[7].head.i) == ("compound:prt", 4)
    assert doc[1].head.i == 4  # the subject the parse hung on the particle


def test_a_particle_of_no_verb_before_it_is_left_alone():
    rows = [*PARTICLE_ROOT]
    rows[4] = ("sah", "VERB", "nmod", 3, FIN)  # "fest" joins no vocabulary verb with "sehen"
    doc = german_doc(rows)
    doc[4].lemma_ = "sehen"
    assert verbs_under_their_particles(doc, UD, cues_for("de").own_particle) == 0
    assert doc[7].dep_ == "ROOT"


@pytest.mark.model
def test_through_the_pipeline_the_arrest_of_a_particle_rooted_clause_comes_out(nlp_de):
    text = "Die Polizei in Kinshasa nahm Dutzende Demonstranten fest."
    triples = Extractor().extract_one(Article.create(text, id="pr", lang="de")).triples
    assert [(t.subject.key, t.predicate) for t in triples] == [("group:COD-POL", "ARRESTS")]
