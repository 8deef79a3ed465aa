"""Reported speech a weak parse broke apart, and coordinated verbs it hung on each other.

"Die Lage sei ruhig, teilte der Minister mit": the fronted report is the statement's content, and the
minister its speaker. "X bestritt jede Beteiligung und erklärte, ...": a denial and a statement, each with
its own content. "X hat ... ausgewiesen und Russland vorgeworfen, ...": Russia is accused, not the accuser.

The documents of the repair tests are built by hand in the shapes the small German parser produces (no
model needed); the pipeline tests read the project's own sentences through the real extractor.
"""

from __future__ import annotations

import pytest

from kg.extract.coordination_repair import (
    conjuncts_parsed_as_complements,
    raise_verb_conjuncts_of_nouns,
    raise_verbs_hung_before_coordinators,
)
from kg.extract.deps import schemes
from kg.extract.phrase_repair import verbs_before_their_particles
from kg.extract.pipeline import Extractor
from kg.extract.report_repair import (
    rehang_content_from_channels,
    rehang_fronted_reports,
    subjects_read_as_objects_of_speech,
)
from kg.model import Article, Concept
from tests.hand_parsed import english_doc, german_doc

UD = schemes()["ud"]  # (its file also holds the ClearNLP labels en_core_web_* parse with)
FIN = "Mood=Ind|Person=3|VerbForm=Fin"
SUB = "Mood=Sub|Person=3|VerbForm=Fin"


def _speech(t) -> bool:
    return t.lower_ in ("teilte", "sagte")


# "Sie sei sicher, teilte der Minister mit": "sei" parsed as the auxiliary of "teilte", "Sie" as its subject,
# and the minister as its object.
FRONTED = [
    ("Sie", "PRON", "nsubj", 4, ""), ("sei", "AUX", "aux", 4, SUB), ("sicher", "ADJ", "advmod", 4, ""),
    (",", "PUNCT", "punct", 2, ""), ("teilte", "VERB", "ROOT", 4, FIN), ("der", "DET", "det", 6, ""),
    ("Minister", "NOUN", "obj", 4, ""), ("mit", "ADP", "compound:prt", 4, ""), (".", "PUNCT", "punct", 4, ""),
]  # fmt: skip


def test_an_auxiliary_before_the_comma_of_a_speech_verb_heads_what_was_said():
    doc = german_doc(FRONTED)
    assert rehang_fronted_reports(doc, UD, _speech) == 1
    sei = doc[1]
    assert (sei.dep_, sei.head.i) == ("ccomp", 4)
    assert {t.i for t in sei.children} >= {0, 2, 3}  # the report's words, and its comma
    assert doc[6].dep_ == "nsubj"  # the one phrase left after the verb is its speaker


def test_no_speech_verb_or_no_speaker_after_it_leaves_the_parse_alone():
    assert rehang_fronted_reports(german_doc(FRONTED), UD, lambda t: False) == 0
    # "..., teilte mit.": no one after the verb to have said it
    alone = german_doc([*FRONTED[:5], ("mit", "ADP", "compound:prt", 4, ""), (".", "PUNCT", "punct", 4, "")])
    assert rehang_fronted_reports(alone, UD, _speech) == 0


def test_a_speaker_the_parse_read_as_a_dative_oblique_is_still_the_speaker():
    # "..., teilte der Minister mit" with "der Minister" read as a dative and labelled oblique
    doc = german_doc([*FRONTED[:6], ("Minister", "NOUN", "obl:arg", 4, ""), *FRONTED[7:]])
    assert rehang_fronted_reports(doc, UD, _speech) == 1
    assert (doc[1].dep_, doc[6].dep_) == ("ccomp", "nsubj")
    # a phrase with a preposition is no speaker ("..., teilte mit Bedauern mit")
    with_case = [*FRONTED[:5], ("mit", "ADP", "case", 6, ""), ("Bedauern", "NOUN", "obl", 4, ""), *FRONTED[7:]]
    assert rehang_fronted_reports(german_doc(with_case), UD, _speech) == 0


def _fronted_under_a_name(verb: str, morph: str) -> list:
    """ "Kiew <verb> bereit, sagte der Minister" with the fronted words hung on the speech verb under the name."""
    return [
        ("Kiew", "PROPN", "advmod", 4, ""), (verb, "AUX", "nsubj", 0, morph), ("bereit", "ADJ", "advmod", 1, ""),
        (",", "PUNCT", "punct", 0, ""), ("sagte", "VERB", "ROOT", 4, FIN), ("der", "DET", "det", 6, ""),
        ("Minister", "NOUN", "nsubj", 4, ""), (".", "PUNCT", "punct", 4, ""),
    ]  # fmt: skip


def test_without_an_auxiliary_on_the_verb_the_first_subjunctive_before_the_comma_heads_the_report():
    doc = german_doc(_fronted_under_a_name("sei", SUB))
    assert rehang_fronted_reports(doc, UD, _speech) == 1
    assert (doc[1].dep_, doc[1].head.i, doc[0].head.i) == ("ccomp", 4, 1)
    # an indicative fronted clause gives no sign that it is a report
    assert rehang_fronted_reports(german_doc(_fronted_under_a_name("ist", FIN)), UD, _speech) == 0


# "Moskau bestritt die Tat und erklärte, ...": "bestritt" hung as an auxiliary on "erklärte".
HUNG = [
    ("Moskau", "PROPN", "nsubj", 5, ""), ("bestritt", "VERB", "aux", 5, FIN), ("die", "DET", "det", 3, ""),
    ("Tat", "NOUN", "nsubj", 5, ""), ("und", "CCONJ", "cc", 5, ""), ("erklärte", "VERB", "ROOT", 5, FIN),
]  # fmt: skip


def test_a_verb_hung_as_auxiliary_across_a_coordinator_heads_the_coordination():
    doc = german_doc(HUNG)
    assert raise_verbs_hung_before_coordinators(doc, UD, {1}) == 1
    assert doc[1].dep_ == "ROOT" and doc[1].head.i == 1
    assert (doc[5].dep_, doc[5].head.i) == ("conj", 1)
    assert doc[0].head.i == 1 and doc[3].head.i == 1  # the words before "und" are the denial's


def test_without_a_coordinator_between_them_an_auxiliary_stays_one():
    doc = german_doc([("Moskau", "PROPN", "nsubj", 2, ""), ("hat", "AUX", "aux", 2, FIN),
                ("bestritten", "VERB", "ROOT", 2, "")])  # fmt: skip
    assert raise_verbs_hung_before_coordinators(doc, UD, {1}) == 0


# "Kiew bestritt die Tat und erklärte, ...": "erklärte" parsed as the open complement of "bestritt", and
# "Tat" as its subject.
COMPLEMENT = [
    ("Kiew", "PROPN", "nsubj", 1, ""), ("bestritt", "VERB", "ROOT", 1, FIN), ("die", "DET", "det", 3, ""),
    ("Tat", "NOUN", "nsubj", 5, ""), ("und", "CCONJ", "cc", 5, ""), ("erklärte", "VERB", "xcomp", 1, FIN),
]  # fmt: skip


def test_a_finite_complement_after_a_coordinator_is_a_conjunct_and_returns_the_object():
    doc = german_doc(COMPLEMENT)
    assert conjuncts_parsed_as_complements(doc, UD) == 1
    assert doc[5].dep_ == "conj"
    assert (doc[3].dep_, doc[3].head.i) == ("obj", 1)


def test_a_comparison_word_after_als_is_no_conjunct():
    # "wies die Kritik als „haltlos“ zurück": "als" labelled a coordinator, "haltlos" a verb of no clause
    doc = german_doc([
        ("Kiew", "PROPN", "nsubj", 1, ""), ("wies", "VERB", "ROOT", 1, FIN), ("Kritik", "NOUN", "obj", 1, ""),
        ("als", "CCONJ", "cc", 4, ""), ("haltlos", "VERB", "ccomp", 1, FIN),
    ])  # fmt: skip
    assert conjuncts_parsed_as_complements(doc, UD) == 0


def _triples(text: str) -> set[tuple[str, str, str]]:
    triples = Extractor().extract_one(Article.create(text, id="rr", lang="de")).triples
    return {(t.subject.key, t.predicate, t.object.text if isinstance(t.object, Concept) else t.object.key)
            for t in triples}  # fmt: skip


@pytest.mark.model
def test_through_the_pipeline_a_fronted_report_has_its_speaker_and_content(nlp_de):
    got = _triples("Die Lage an der Grenze sei unter Kontrolle, teilte der polnische Innenminister Mariusz Kamiński "
                   "am Montag mit.")  # fmt: skip
    assert ("person:mariusz-kaminski", "STATES", "Die Lage an der Grenze sei unter Kontrolle") in got


@pytest.mark.model
def test_through_the_pipeline_a_denial_and_the_statement_after_it_keep_their_own_contents(nlp_de):
    got = _triples("Das Verteidigungsministerium in Moskau bestritt jede Verwicklung in den Vorfall und erklärte, "
                   "die Flugzeuge seien über neutralen Gewässern geflogen.")  # fmt: skip
    assert ("org:russian-ministry-of-defence", "DENIES", "jede Verwicklung in den Vorfall") in got
    assert ("org:russian-ministry-of-defence", "STATES", "die Flugzeuge seien über neutralen Gewässern geflogen") in got


@pytest.mark.model
def test_through_the_pipeline_a_condemnation_does_not_take_the_next_acts_clause(nlp_de):
    got = _triples("Präsident Gitanas Nausėda verurteilte die Drohnenflüge und wies den Vorwurf zurück, "
                   "in Litauen würden ukrainische Soldaten ausgebildet.")  # fmt: skip
    condemned = {o for s, p, o in got if p == "CONDEMNS"}
    assert condemned == {"die Drohnenflüge"}
    assert ("person:gitanas-nauseda", "DENIES", "in Litauen würden ukrainische Soldaten ausgebildet") in got


@pytest.mark.model
def test_through_the_pipeline_the_accused_of_a_second_participle_is_never_the_accuser(nlp_de):
    # "vorgeworfen" tagged finite; "Russland" parsed as its subject
    got = _triples("Litauen hat den Botschafter einbestellt und Russland vorgeworfen, den Luftraum verletzt zu haben.")
    assert not any(s == "country:RUS" and p == "ACCUSES" for s, p, _ in got), got


def test_keys_spell_out_letters_without_a_decomposition():
    from kg.model import slugify

    assert slugify("Radosław Sikorski") == "radoslaw-sikorski"
    assert slugify("Franjo Tuđman") == "franjo-tudman"
    assert slugify("Binali Yıldırım") == "binali-yildirim"
    assert slugify("Lars Løkke Rasmussen") == "lars-lokke-rasmussen"


# "Die Rebellen sprachen von Verletzten und warfen Kabul vor": "warfen" tagged an adjective of "Kabul", "vor" hung on
# "sprachen", "nicht länger" too where it stands between them.
STRAY_PARTICLE = [
    ("Rebellen", "PROPN", "nsubj", 1, ""), ("sprachen", "VERB", "ROOT", 1, FIN), ("von", "ADP", "case", 3, ""),
    ("Verletzten", "NOUN", "obl", 1, ""), ("und", "CCONJ", "cc", 5, ""), ("warfen", "ADJ", "amod", 6, ""),
    ("Kabul", "PROPN", "conj", 1, ""), ("nicht", "PART", "advmod", 8, ""), ("länger", "ADV", "advmod", 1, ""),
    ("vor", "ADP", "compound:prt", 1, ""),
]  # fmt: skip


def _joins(t, p) -> bool:
    return (t.lower_, p.lower_) == ("warfen", "vor")


def test_a_modifier_whose_particle_makes_it_a_vocabulary_verb_is_that_verb():
    doc = german_doc(STRAY_PARTICLE)
    assert verbs_before_their_particles(doc, UD, _joins) == {5}
    assert doc[5].pos_ == "VERB" and "Fin" in doc[5].morph.get("VerbForm")
    assert doc[9].head.i == 5  # its particle
    assert doc[8].head.i == 5 and doc[7].head.i == 5  # and the negation between them
    # a particle that makes no verb of the word leaves it alone
    assert verbs_before_their_particles(german_doc(STRAY_PARTICLE), UD, lambda t, p: False) == set()


def test_a_verb_coordinated_with_a_noun_is_the_conjunct_of_the_verb_above_it():
    # "sprachen von Verletzten und warfen Kabul vor": "warfen" parsed as a conjunct of "Verletzten"
    doc = german_doc([
        ("Rebellen", "PROPN", "nsubj", 1, ""), ("sprachen", "VERB", "ROOT", 1, FIN), ("von", "ADP", "case", 3, ""),
        ("Verletzten", "NOUN", "obl", 1, ""), ("und", "CCONJ", "cc", 5, ""), ("warfen", "VERB", "conj", 3, FIN),
        ("Kabul", "PROPN", "obj", 5, ""), ("vor", "ADP", "compound:prt", 5, ""),
    ])  # fmt: skip
    assert raise_verb_conjuncts_of_nouns(doc, UD) == 1
    assert doc[5].head.i == 1
    # a verb without an argument of its own ("von Verletzten und Vermissten") is left where it is
    bare = german_doc([
        ("Rebellen", "PROPN", "nsubj", 1, ""), ("sprachen", "VERB", "ROOT", 1, FIN), ("von", "ADP", "case", 3, ""),
        ("Verletzten", "NOUN", "obl", 1, ""), ("und", "CCONJ", "cc", 5, ""), ("Vermissten", "VERB", "conj", 3, ""),
    ])  # fmt: skip
    assert raise_verb_conjuncts_of_nouns(bare, UD) == 0


@pytest.mark.model
def test_through_the_pipeline_a_state_anaphor_skips_the_coordinated_subjects(nlp_de):
    # "dem Land" is Belarus: Poland, Lithuania and Latvia are the subjects, not what is meant
    got = _triples("Polen, Litauen und Lettland haben ihre Botschafter aus Minsk abgezogen und dem Land "
                   "vorgeworfen, Migranten an die Grenze zu schleusen.")  # fmt: skip
    accused = {(s, o) for s, p, o in got if p == "ACCUSES"}
    assert accused == {("country:POL", "country:BLR"), ("country:LTU", "country:BLR"), ("country:LVA", "country:BLR")}


@pytest.mark.model
def test_through_the_pipeline_a_semicolon_ends_what_is_denied(nlp_en):
    # "blamed" was parsed as the content of "denied": Iran denied the accusation, and the accusation was lost
    text = "Britain has blamed Iran for the drone attacks on two tankers; Tehran has denied any involvement."
    triples = Extractor().extract_one(Article.create(text, id="rr", lang="en")).triples
    got = {(t.subject.key, t.predicate, t.object.text if isinstance(t.object, Concept) else t.object.key)
           for t in triples}  # fmt: skip
    assert ("country:IRN", "DENIES", "any involvement") in got
    assert ("country:GBR", "ACCUSES", "country:IRN") in got


# "The ministry said in a statement that the border would close": the that-clause parsed as modifying "statement".
CHANNEL = [
    ("The", "DET", "det", 1, ""), ("ministry", "NOUN", "nsubj", 2, ""), ("said", "VERB", "ROOT", 2, ""),
    ("in", "ADP", "prep", 2, ""), ("a", "DET", "det", 5, ""), ("statement", "NOUN", "pobj", 3, ""),
    ("that", "SCONJ", "mark", 10, ""), ("the", "DET", "det", 8, ""), ("border", "NOUN", "nsubj", 10, ""),
    ("would", "AUX", "aux", 10, ""), ("close", "VERB", "acl", 5, ""), (".", "PUNCT", "punct", 2, ""),
]  # fmt: skip


def test_a_that_clause_hung_on_the_channel_of_a_speech_verb_is_what_was_said():
    doc = english_doc(CHANNEL)
    assert rehang_content_from_channels(doc, UD, lambda t: t.lower_ == "said", frozenset({"that"})) == 1
    assert (doc[10].dep_, doc[10].head.i) == ("ccomp", 2)


def test_a_relative_clause_on_the_channel_stays_one():
    # "said in a statement that was read out": "that" is the relative clause's subject, not a complementizer
    rows = [
        ("He", "PRON", "nsubj", 1, ""), ("said", "VERB", "ROOT", 1, ""), ("in", "ADP", "prep", 1, ""),
        ("a", "DET", "det", 4, ""), ("statement", "NOUN", "pobj", 2, ""), ("that", "PRON", "nsubjpass", 7, ""),
        ("was", "AUX", "auxpass", 7, ""), ("read", "VERB", "relcl", 4, ""), ("out", "ADP", "prt", 7, ""),
    ]  # fmt: skip
    doc = english_doc(rows)
    assert rehang_content_from_channels(doc, UD, lambda t: t.lower_ == "said", frozenset({"that"})) == 0
    assert doc[7].dep_ == "relcl"


def test_a_dass_clause_on_the_channel_of_a_german_speech_verb_is_what_was_said():
    # "Sie sagte in einer Erklärung, dass die Grenze schließe" (UD: the channel an "obl" with its "case")
    rows = [
        ("Sie", "PRON", "nsubj", 1, ""), ("sagte", "VERB", "ROOT", 1, FIN), ("in", "ADP", "case", 4, ""),
        ("einer", "DET", "det", 4, ""), ("Erklärung", "NOUN", "obl", 1, ""), (",", "PUNCT", "punct", 9, ""),
        ("dass", "SCONJ", "mark", 9, ""), ("die", "DET", "det", 8, ""), ("Grenze", "NOUN", "nsubj", 9, ""),
        ("schließe", "VERB", "acl", 4, SUB), (".", "PUNCT", "punct", 1, ""),
    ]  # fmt: skip
    doc = german_doc(rows)
    assert rehang_content_from_channels(doc, UD, _speech, frozenset({"dass"})) == 1
    assert (doc[9].dep_, doc[9].head.i) == ("ccomp", 1)


def test_a_verb_coordinated_with_a_noun_tagged_as_an_adjective_is_the_next_act():
    # "Das Ministerium bezeichnete die Beschlagnahme als Raub und kündigte Gegenmaßnahmen an", with "Raub" tagged
    # an adjective and "kündigte" its conjunct: the announcement is the clause's next act, not part of the name
    doc = german_doc([
        ("Ministerium", "NOUN", "nsubj", 1, ""), ("bezeichnete", "VERB", "ROOT", 1, FIN),
        ("Beschlagnahme", "NOUN", "obj", 1, ""), ("als", "CCONJ", "cc", 4, ""), ("Raub", "ADJ", "conj", 2, ""),
        ("und", "CCONJ", "cc", 6, ""), ("kündigte", "VERB", "conj", 4, FIN), ("Gegenmaßnahmen", "NOUN", "obj", 6, ""),
        ("an", "ADP", "compound:prt", 6, ""),
    ])  # fmt: skip
    assert raise_verb_conjuncts_of_nouns(doc, UD) == 1
    assert doc[6].head.i == 1


# "Police said the leaflets since May had urged a boycott": "leaflets" the object of "said", "had urged" an
# adverbial clause without a subject (with "since" as its marker).
SPOKEN_OBJECT = [
    ("Police", "NOUN", "nsubj", 1, ""), ("said", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
    ("the", "DET", "det", 3, ""), ("leaflets", "NOUN", "dobj", 1, ""), ("since", "SCONJ", "mark", 7, ""),
    ("May", "PROPN", "pobj", 4, ""), ("had", "AUX", "aux", 7, ""), ("urged", "VERB", "advcl", 1, "Tense=Past"),
    ("a", "DET", "det", 9, ""), ("boycott", "NOUN", "dobj", 7, ""),
]  # fmt: skip


def _says(t) -> bool:
    return t.text == "said"


def test_the_object_of_a_speech_verb_before_a_finite_clause_without_subject_is_its_subject():
    doc = english_doc(SPOKEN_OBJECT)
    assert subjects_read_as_objects_of_speech(doc, UD, _says) == 1
    assert (doc[3].dep_, doc[3].head.i, doc[7].dep_) == ("nsubj", 7, "ccomp")


def test_a_clause_with_a_subject_or_without_an_auxiliary_keeps_its_parse():
    with_subject = [*SPOKEN_OBJECT[:6], ("they", "PRON", "nsubj", 8, ""), ("had", "AUX", "aux", 8, ""),
                    ("urged", "VERB", "advcl", 1, "Tense=Past"), ("a", "DET", "det", 10, ""),
                    ("boycott", "NOUN", "dobj", 8, "")]  # fmt: skip
    assert subjects_read_as_objects_of_speech(english_doc(with_subject), UD, _says) == 0
    # "said the leaflets, urging a boycott": a participle clause is the speaker's own adverbial
    participle = [*SPOKEN_OBJECT[:4], ("urging", "VERB", "advcl", 1, "VerbForm=Part"), ("a", "DET", "det", 6, ""),
                  ("boycott", "NOUN", "dobj", 4, "")]  # fmt: skip
    assert subjects_read_as_objects_of_speech(english_doc(participle), UD, _says) == 0
