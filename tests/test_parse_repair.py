"""Parse repairs: a clause a weak parser hung on its auxiliary is given back to its verb.

The documents are built by hand in the shapes the project's small German parser produces (no model
needed), then read through the real pipeline once.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.auxiliary_repair import lift_auxiliary_arguments
from kg.extract.deps import schemes
from kg.extract.parse_repair import (
    join_verb_first_conjuncts,
    nominalize_determined_verbs,
    raise_from_time_nouns,
    raise_fronted_modifiers,
    restore_subjects,
    verbs_of_verbless_roots,
)
from kg.extract.pipeline import Extractor
from kg.model import Article
from tests.hand_parsed import german_doc

UD = schemes()["ud"]
AUXILIARIES = ["haben", "sein", "werden"]
FIN = "Mood=Ind|Person=3|VerbForm=Fin"


def _doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, dep, head index, morph)."""
    words, pos, deps, heads, morphs = zip(*rows, strict=True)
    lemmas = ["haben" if w in ("hat", "haben") else w.lower() for w in words]
    return Doc(Vocab(), words=list(words), pos=list(pos), deps=list(deps), heads=list(heads),
               lemmas=lemmas, morphs=list(morphs))  # fmt: skip


def test_an_object_made_the_root_with_the_auxiliary_its_copula_becomes_the_verbs_object():
    # "Iranische Milizen haben die Grenzstadt Erbil angegriffen": "haben" parsed as the copula of
    # "Grenzstadt", the participle as its apposition and "Erbil" as the participle's subject.
    doc = _doc([
        ("Iranische", "ADJ", "amod", 1, ""), ("Milizen", "NOUN", "nsubj", 4, ""), ("haben", "AUX", "cop", 4, FIN),
        ("die", "DET", "det", 4, ""), ("Grenzstadt", "NOUN", "ROOT", 4, ""), ("Erbil", "PROPN", "nsubj", 6, ""),
        ("angegriffen", "VERB", "appos", 4, "VerbForm=Part"),
    ])  # fmt: skip
    assert lift_auxiliary_arguments(doc, UD, AUXILIARIES) == 1
    verb = doc[6]
    assert verb.dep_ == "ROOT" and verb.head.i == 6
    assert (doc[4].dep_, doc[4].head.i) == ("obj", 6)  # the city is what was attacked
    assert (doc[1].dep_, doc[1].head.i) == ("nsubj", 6)  # the militias attacked it
    assert (doc[5].dep_, doc[5].head.i) == ("appos", 4)  # the city's name, not the attacker
    assert (doc[2].dep_, doc[2].head.i) == ("aux", 6)


def test_arguments_held_by_an_auxiliary_child_move_to_the_verb():
    # "Die Polizei hat den Bürgermeister festgenommen": subject and object hang on "hat" (aux).
    doc = _doc([
        ("Die", "DET", "det", 1, ""), ("Polizei", "NOUN", "nsubj", 2, ""),
        ("hat", "AUX", "aux", 5, "VerbForm=Fin"), ("den", "DET", "det", 4, ""),
        ("Bürgermeister", "NOUN", "obj", 2, ""), ("festgenommen", "VERB", "ROOT", 5, "VerbForm=Part"),
    ])  # fmt: skip
    assert lift_auxiliary_arguments(doc, UD, AUXILIARIES) == 1
    assert doc[1].head.i == 5 and doc[4].head.i == 5 and doc[2].head.i == 5


def test_an_auxiliary_heading_the_clause_gives_its_place_to_the_verb():
    # "Frankreich hat Soldaten abgezogen, teilte Paris mit": "hat" is the ccomp, the verb its xcomp.
    doc = _doc([
        ("Frankreich", "PROPN", "nsubj", 1, ""), ("hat", "AUX", "ccomp", 5, "VerbForm=Fin"),
        ("Soldaten", "NOUN", "obj", 3, ""), ("abgezogen", "VERB", "xcomp", 1, ""),
        (",", "PUNCT", "punct", 3, ""), ("teilte", "VERB", "ROOT", 5, "VerbForm=Fin"),
        ("Paris", "PROPN", "nsubj", 5, ""), ("mit", "ADP", "compound:prt", 5, ""),
    ])  # fmt: skip
    assert lift_auxiliary_arguments(doc, UD, AUXILIARIES) == 1
    verb = doc[3]
    assert (verb.head.i, verb.dep_) == (5, "ccomp")
    assert doc[0].head.i == 3 and doc[1].head.i == 3 and doc[1].dep_ == "aux"
    assert doc[6].head.i == 5  # the reporting clause keeps its own subject


def test_two_prepositional_phrases_chained_the_wrong_way_round_are_turned_back():
    # "drohte mit Zöllen auf Stahlimporte": parsed with "Stahlimporte" as the verb's oblique and "mit
    # Zöllen" hanging on it, although a prepositional modifier never precedes its noun.
    doc = _doc([
        ("Sie", "PRON", "nsubj", 1, ""), ("drohte", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("mit", "ADP", "case", 3, ""), ("Zöllen", "NOUN", "nmod", 5, ""),
        ("auf", "ADP", "case", 5, ""), ("Stahlimporte", "NOUN", "obl", 1, ""),
    ])  # fmt: skip
    assert raise_fronted_modifiers(doc, UD) == 1
    assert (doc[3].head.i, doc[3].dep_) == (1, "obl")
    assert (doc[5].head.i, doc[5].dep_) == (3, "nmod")


def test_a_modifier_inside_a_prenominal_participle_stays_where_it_is():
    # "mit den von Russland besetzten Gebieten": "von Russland" precedes "Gebieten" but belongs to the
    # participle's phrase, after the head's own preposition "mit".
    doc = _doc([
        ("Sie", "PRON", "nsubj", 1, ""), ("sprach", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("mit", "ADP", "case", 7, ""), ("den", "DET", "det", 7, ""), ("von", "ADP", "case", 5, ""),
        ("Russland", "PROPN", "nmod", 7, ""), ("besetzten", "ADJ", "amod", 7, ""),
        ("Gebieten", "NOUN", "obl", 1, ""),
    ])  # fmt: skip
    assert raise_fronted_modifiers(doc, UD) == 0
    assert doc[5].head.i == 7 and doc[7].head.i == 1


def test_a_verb_with_an_article_is_the_noun_object_of_the_verb_before_it():
    # "struck a ceasefire deal", tagged "deal"/VERB with "ceasefire" its subject: an article governs no verb.
    doc = _doc([
        ("Israel", "PROPN", "nsubj", 1, ""), ("struck", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("a", "DET", "det", 3, "PronType=Art"), ("ceasefire", "NOUN", "nsubj", 4, ""),
        ("deal", "VERB", "ccomp", 1, ""),
    ])  # fmt: skip
    assert nominalize_determined_verbs(doc, UD) == 1
    assert (doc[4].pos_, doc[4].dep_, doc[4].head.i) == ("NOUN", "dobj", 1)
    assert doc[3].dep_ == "compound"


def test_a_clause_with_its_own_auxiliary_stays_a_clause():
    # "said the army would deal with it": an article before the subject, but "would" makes it a clause.
    doc = _doc([
        ("Serbia", "PROPN", "nsubj", 1, ""), ("said", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("the", "DET", "det", 3, "PronType=Art"), ("army", "NOUN", "nsubj", 5, ""),
        ("would", "AUX", "aux", 5, ""), ("deal", "VERB", "ccomp", 1, ""),
    ])  # fmt: skip
    assert nominalize_determined_verbs(doc, UD) == 0
    assert (doc[5].pos_, doc[5].dep_) == ("VERB", "ccomp")


def test_a_well_formed_clause_and_a_full_verb_haben_are_left_alone():
    well_formed = _doc([
        ("Die", "DET", "det", 1, ""), ("EU", "PROPN", "nsubj", 4, ""), ("hat", "AUX", "aux", 4, "VerbForm=Fin"),
        ("Sanktionen", "NOUN", "obj", 4, ""), ("verhängt", "VERB", "ROOT", 4, "VerbForm=Part"),
    ])  # fmt: skip
    full_verb = _doc([
        ("Russland", "PROPN", "nsubj", 1, ""), ("hat", "AUX", "ROOT", 1, "VerbForm=Fin"),
        ("Probleme", "NOUN", "obj", 1, ""),
    ])  # fmt: skip
    assert lift_auxiliary_arguments(well_formed, UD, AUXILIARIES) == 0
    assert lift_auxiliary_arguments(full_verb, UD, AUXILIARIES) == 0
    assert full_verb[0].head.i == 1


def test_a_language_without_auxiliaries_or_a_scheme_where_they_head_is_not_touched():
    doc = _doc([
        ("Polizei", "NOUN", "nsubj", 1, ""), ("hat", "AUX", "aux", 2, "VerbForm=Fin"),
        ("festgenommen", "VERB", "ROOT", 2, "VerbForm=Part"),
    ])  # fmt: skip
    doc[0].head = doc[1]
    assert lift_auxiliary_arguments(doc, UD, []) == 0
    assert lift_auxiliary_arguments(doc, schemes()["tiger"], AUXILIARIES) == 0


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The participle parsed as a relative clause of the object.
        ("Die kenianische Polizei hat den Oppositionsführer Raila Odinga, den wichtigsten Gegner von Präsident "
         "William Ruto, in seinem Büro festgenommen.", ("group:KEN-POL", "ARRESTS")),
        # "verhängt" tagged as a present-tense form and conjoined to "hat".
        ("Die US-Regierung hat neue Zölle von bis zu 50 Prozent auf Solarmodule aus Vietnam verhängt.",
         ("country:USA", "IMPOSES_TARIFFS")),
    ],
)
def test_perfect_tense_events_come_out_through_the_pipeline(nlp_de, text, expected):
    triples = Extractor().extract_one(Article.create(text, id="repair", lang="de")).triples
    assert expected in {(t.subject.key, t.predicate) for t in triples}


@pytest.mark.model
def test_the_asked_party_is_no_longer_the_asker(nlp_de):
    text = (
        "Die litauische Regierung hat die Bundesregierung um zusätzliche Soldaten für die Brigade gebeten, "
        "wie ein Sprecher in Vilnius mitteilte."
    )
    triples = Extractor().extract_one(Article.create(text, id="r", lang="de")).triples
    doers = {(t.subject.key, t.predicate) for t in triples}
    assert ("group:LTU-GOV", "DEMANDS") in doers
    assert ("group:DEU-GOV", "DEMANDS") not in doers


def test_a_verb_that_already_governs_the_auxiliary_is_not_re_rooted_and_sentences_stay():
    # "Das Land hat Truppen abgezogen. Paris schwieg.": "hat" hangs under the object, so the verb is its
    # ancestor; moving the verb under the auxiliary's head would make a cycle and merge sentences.
    doc = _doc([
        ("Das", "DET", "det", 1, ""), ("Land", "NOUN", "nsubj", 3, ""), ("hat", "AUX", "cop", 3, "VerbForm=Fin"),
        ("Truppen", "NOUN", "obj", 4, ""), ("abgezogen", "VERB", "ROOT", 4, ""), (".", "PUNCT", "punct", 4, ""),
        ("Paris", "PROPN", "nsubj", 7, ""), ("schwieg", "VERB", "ROOT", 7, "VerbForm=Fin"),
        (".", "PUNCT", "punct", 7, ""),
    ])  # fmt: skip
    before = [(s.start, s.end) for s in doc.sents]
    lift_auxiliary_arguments(doc, UD, AUXILIARIES)
    assert [(s.start, s.end) for s in doc.sents] == before
    assert doc[2].head.i == 4 and doc[4].head.i == 4


def test_the_first_of_two_objects_of_a_subjectless_german_verb_is_its_subject():
    # "Nach Angaben der Armee haben Rebellen die Stadt erobert": after the fronted phrase the subject
    # follows "haben"; the parse labels it an object, so the verb has two accusatives and no subject.
    doc = _doc([
        ("Nach", "ADP", "case", 1, ""), ("Angaben", "NOUN", "obl", 7, ""), ("der", "DET", "det", 3, ""),
        ("Armee", "NOUN", "nmod", 1, ""), ("haben", "AUX", "aux", 7, "VerbForm=Fin"),
        ("Rebellen", "NOUN", "obj", 7, "Case=Acc"), ("die Stadt", "NOUN", "obj", 7, "Case=Acc"),
        ("erobert", "VERB", "ROOT", 7, "VerbForm=Part"),
    ])  # fmt: skip
    assert restore_subjects(doc, UD, ["werden"], first_object_is_subject=True) == 1
    assert (doc[5].dep_, doc[6].dep_) == ("nsubj", "obj")
    # A language without the middle-field rule keeps the parse as it is.
    doc = _doc([(w.text, w.pos_, "obj" if w.i in (5, 6) else w.dep_, w.head.i, str(w.morph)) for w in doc])
    assert restore_subjects(doc, UD, ["werden"], first_object_is_subject=False) == 0


def test_a_perfect_without_passive_auxiliary_has_no_passive_subject():
    # "Soldaten haben die Stadt angegriffen" with "die Stadt" labelled a passive subject: "haben" is no
    # passive auxiliary, so it is an object; a real passive ("wurde ... angegriffen") keeps its subject.
    doc = _doc([
        ("Soldaten", "NOUN", "nsubj", 3, ""), ("haben", "AUX", "aux", 3, "VerbForm=Fin"),
        ("Stadt", "NOUN", "nsubj:pass", 3, ""), ("angegriffen", "VERB", "ROOT", 3, "VerbForm=Part"),
    ])  # fmt: skip
    assert restore_subjects(doc, UD, ["werden"]) == 1
    assert doc[2].dep_ == "obj"
    doc = _doc([
        ("Die", "DET", "det", 1, ""), ("Stadt", "NOUN", "nsubj:pass", 3, ""),
        ("wurde", "AUX", "aux:pass", 3, "VerbForm=Fin"), ("angegriffen", "VERB", "ROOT", 3, "VerbForm=Part"),
    ])  # fmt: skip
    doc[2].lemma_ = "werden"
    assert restore_subjects(doc, UD, ["werden"]) == 0
    assert doc[1].dep_ == "nsubj:pass"


def test_a_nominative_first_object_is_the_subject_but_not_of_an_infinitive_or_conjunct():
    doc = _doc([
        ("Am", "ADP", "case", 1, ""), ("Montag", "NOUN", "obl", 4, ""), ("hat", "AUX", "aux", 4, "VerbForm=Fin"),
        ("Moskau", "PROPN", "obj", 4, "Case=Nom"), ("protestiert", "VERB", "ROOT", 4, "VerbForm=Part"),
    ])  # fmt: skip
    assert restore_subjects(doc, UD) == 1 and doc[3].dep_ == "nsubj"
    # "..., die Gewalt zu beenden": an infinitive has no subject of its own.
    doc = _doc([
        ("Gewalt", "NOUN", "obj", 2, "Case=Nom"), ("zu", "PART", "mark", 2, ""), ("beenden", "VERB", "ROOT", 2, ""),
    ])  # fmt: skip
    assert restore_subjects(doc, UD) == 0 and doc[0].dep_ == "obj"


def test_a_conjunction_is_never_a_subject():
    # "..., bestreitet aber, ...": "aber" labelled the subject would hide the subject the verb shares.
    doc = _doc([
        ("Irak", "PROPN", "nsubj", 1, ""), ("gelassen", "VERB", "ROOT", 1, ""), (",", "PUNCT", "punct", 3, ""),
        ("bestreitet", "VERB", "parataxis", 1, "VerbForm=Fin"), ("aber", "CCONJ", "nsubj", 3, ""),
    ])  # fmt: skip
    assert restore_subjects(doc, UD) == 1
    assert doc[4].dep_ == "cc"


def test_a_verb_first_clause_after_a_comma_is_a_conjunct_not_the_speech_frame_of_the_clause_before():
    # "Die Nato lehnte den Beitritt ab, sagte aber zu, ...": parsed as "<content>, sagte X", with no X.
    rows = [
        ("Nato", "PROPN", "nsubj", 1, ""), ("lehnte", "VERB", "ccomp", 5, "Mood=Ind|Person=3"),
        ("Beitritt", "NOUN", "obj", 1, ""), ("ab", "ADP", "compound:prt", 1, ""), (",", "PUNCT", "punct", 1, ""),
        ("sagte", "VERB", "ROOT", 5, "Mood=Ind|Person=3"), ("aber", "ADV", "advmod", 5, ""),
        ("zu", "ADP", "compound:prt", 5, ""),
    ]  # fmt: skip
    doc = _doc(rows)
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 1
    assert (doc[1].dep_, doc[1].head.i) == ("ROOT", 1) and (doc[5].dep_, doc[5].head.i) == ("conj", 1)
    # Reported speech with its speaker after the verb stays as parsed ("Russland habe ..., sagte Lawrow").
    doc = _doc([r if i != 1 else ("habe", "VERB", "ccomp", 5, "Mood=Sub|Person=3") for i, r in enumerate(rows)])
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 0
    # So does an indicative clause whose speaker follows the verb ("..., sagte der Sprecher").
    doc = _doc([*rows[:6], ("Sprecher", "NOUN", "nsubj", 5, ""), rows[7]])
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 0
    # A language whose data names no adversatives is left alone.
    assert join_verb_first_conjuncts(_doc(rows), UD, []) == 0


def test_a_phrase_hung_on_a_time_noun_goes_to_the_verb_unless_it_makes_a_span():
    # "telefonierte am Abend mit Lawrow": "mit Lawrow" under "Abend"; "in der Nacht zum Mittwoch" stays.
    doc = _doc([
        ("Maas", "PROPN", "nsubj", 1, ""), ("telefonierte", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("am", "ADP", "case", 3, ""), ("Abend", "NOUN", "obl", 1, ""), ("mit", "ADP", "case", 5, ""),
        ("Lawrow", "PROPN", "nmod", 3, ""), ("zum", "ADP", "case", 7, ""), ("Mittwoch", "NOUN", "nmod", 3, ""),
    ])  # fmt: skip
    assert raise_from_time_nouns(doc, UD, ["abend", "mittwoch"], ["zum"]) == 1
    assert (doc[5].head.i, doc[5].dep_) == (1, "obl")
    assert doc[7].head.i == 3


def test_a_verb_after_a_comma_with_an_adversative_is_a_conjunct_not_a_complement():
    # "Der Kreml bestätigte das Treffen, bestritt aber, ...": "bestritt" parsed as what "bestätigte" says.
    doc = _doc([
        ("Kreml", "PROPN", "nsubj", 1, ""), ("bestätigte", "VERB", "ROOT", 1, "Mood=Ind|Person=3"),
        ("Treffen", "NOUN", "obj", 1, ""), (",", "PUNCT", "punct", 1, ""),
        ("bestritt", "VERB", "ccomp", 1, "Mood=Ind|Person=3"), ("aber", "ADV", "advmod", 4, ""),
    ])  # fmt: skip
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 1
    assert (doc[4].dep_, doc[4].head.i) == ("conj", 1)


def test_a_participle_after_a_comma_with_an_adversative_shares_the_perfect_of_the_verb_before():
    # "Die Regierung hat den Angriff verurteilt, sich aber gegen Vergeltung ausgesprochen": the second
    # participle parsed as what the first says.
    doc = _doc([
        ("Regierung", "NOUN", "nsubj", 3, ""), ("hat", "AUX", "aux", 3, "Mood=Ind|Person=3|VerbForm=Fin"),
        ("Angriff", "NOUN", "obj", 3, ""), ("verurteilt", "VERB", "ROOT", 3, "VerbForm=Part"),
        (",", "PUNCT", "punct", 9, ""), ("sich", "PRON", "obj", 9, ""), ("aber", "CCONJ", "cc", 9, ""),
        ("gegen", "ADP", "case", 8, ""), ("Vergeltung", "NOUN", "obl", 9, ""),
        ("ausgesprochen", "VERB", "parataxis", 3, "VerbForm=Part"),
    ])  # fmt: skip
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 1
    assert (doc[9].dep_, doc[9].head.i) == ("conj", 3)
    # Without the adversative it stays as parsed: "..., sich gegen Vergeltung ausgesprochen" may be anything.
    doc = _doc([
        ("Regierung", "NOUN", "nsubj", 3, ""), ("hat", "AUX", "aux", 3, "Mood=Ind|Person=3|VerbForm=Fin"),
        ("Angriff", "NOUN", "obj", 3, ""), ("verurteilt", "VERB", "ROOT", 3, "VerbForm=Part"),
        (",", "PUNCT", "punct", 8, ""), ("sich", "PRON", "obj", 8, ""), ("gegen", "ADP", "case", 7, ""),
        ("Vergeltung", "NOUN", "obl", 8, ""), ("ausgesprochen", "VERB", "parataxis", 3, "VerbForm=Part"),
    ])  # fmt: skip
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 0


def test_a_verb_first_clause_whose_parsed_subject_is_accusative_is_a_conjunct_with_an_object():
    # "Die Premierministerin entließ den Minister, ernannte die Nachfolgerin sofort und ...": the parse
    # makes "entließ" what "ernannte" says and "die Nachfolgerin" its subject; the morphology says accusative.
    rows = [
        ("Premierministerin", "NOUN", "nsubj", 1, "Case=Nom"), ("entließ", "VERB", "ccomp", 4, "Mood=Ind|Person=3"),
        ("Minister", "NOUN", "obj", 1, "Case=Acc"), (",", "PUNCT", "punct", 1, ""),
        ("ernannte", "VERB", "ROOT", 4, "Mood=Ind|Person=3"), ("Nachfolgerin", "NOUN", "nsubj", 4, "Case=Acc"),
        ("sofort", "ADV", "advmod", 4, ""),
    ]  # fmt: skip
    doc = _doc(rows)
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 1
    assert (doc[4].dep_, doc[4].head.i) == ("conj", 1) and doc[5].dep_ == "obj"
    # A subject the morphology calls nominative is a speaker of its own ("..., sagte die Sprecherin").
    doc = _doc([*rows[:5], ("Nachfolgerin", "NOUN", "nsubj", 4, "Case=Nom"), rows[6]])
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 0


def test_next_to_an_adversative_a_name_after_the_second_verb_is_its_object_wherever_aber_hangs():
    # "Der Kanzler lobte die Reform, kritisierte Warschau aber dafür, ...": "aber" parsed under "dafür".
    doc = _doc([
        ("Kanzler", "NOUN", "nsubj", 1, "Case=Nom"), ("lobte", "VERB", "ccomp", 4, "Mood=Ind|Person=3"),
        ("Reform", "NOUN", "obj", 1, "Case=Acc"), (",", "PUNCT", "punct", 1, ""),
        ("kritisierte", "VERB", "ROOT", 4, "Mood=Ind|Person=3"), ("Warschau", "PROPN", "nsubj", 4, "Case=Nom"),
        ("aber", "CCONJ", "cc", 7, ""), ("dafür", "ADV", "conj", 4, ""),
    ])  # fmt: skip
    assert join_verb_first_conjuncts(doc, UD, ["aber"]) == 1
    assert (doc[4].dep_, doc[4].head.i) == ("conj", 1) and doc[5].dep_ == "obj"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "never"),
    [
        ("Die estnische Ministerpräsidentin Kaja Kallas verurteilte die Festnahme, warnte Minsk aber davor, "
         "weitere Oppositionelle festzunehmen.",
         ("person:kaja-kallas", "WARNS", "country:BLR"), ("country:BLR", "WARNS")),
        ("Der armenische Ministerpräsident Nikol Paschinjan rief Reservisten ein, rief die Bürger zur Geduld "
         "auf und sagte, Armenien werde seine Grenzen schützen.",
         ("person:nikol-pashinyan", "DEMANDS", "group:ARM-CVL"), ("group:ARM-CVL", "DEMANDS")),
    ],
)
def test_the_addressee_of_a_second_coordinated_verb_is_never_its_doer(nlp_de, text, expected, never):
    triples = Extractor().extract_one(Article.create(text, id="r", lang="de")).triples
    assert expected in {(t.subject.key, t.predicate, getattr(t.object, "key", None)) for t in triples}
    assert never not in {(t.subject.key, t.predicate) for t in triples}


def test_a_perfect_haben_parsed_as_copula_of_the_object_gives_the_verb_its_subject_and_auxiliary():
    # "Truppen haben die Stadt angegriffen" parsed with "haben" a copula of "Stadt" and "Truppen" its subject.
    doc = _doc([
        ("Truppen", "NOUN", "nsubj", 3, "Case=Nom"), ("haben", "AUX", "cop", 3, "Mood=Ind|Person=3|VerbForm=Fin"),
        ("die", "DET", "det", 3, ""), ("Stadt", "NOUN", "obj", 4, "Case=Acc"),
        ("angegriffen", "VERB", "ROOT", 4, "VerbForm=Part"),
    ])  # fmt: skip
    assert lift_auxiliary_arguments(doc, UD, AUXILIARIES) == 1
    assert (doc[0].head.i, doc[1].head.i, doc[1].dep_) == (4, 4, "aux")


# "Truppen haben am Sonntag Odessa angegriffen": "Odessa" parsed as part of the name "Sonntag"; "Ein Richter
# hatte am Dienstag Untersuchungshaft angeordnet": "Untersuchungshaft" parsed as the day's apposition.
_ODESSA = [
    ("Truppen", "NOUN", "nsubj", 5, ""), ("haben", "AUX", "aux", 5, ""), ("am", "ADP", "case", 3, ""),
    ("Sonntag", "PROPN", "obl", 5, ""), ("Odessa", "PROPN", "flat", 3, ""),
    ("angegriffen", "VERB", "ROOT", 5, "VerbForm=Part"),
]  # fmt: skip
_CUSTODY = [
    ("Richter", "NOUN", "nsubj", 5, ""), ("hatte", "AUX", "aux", 5, ""), ("am", "ADP", "case", 3, ""),
    ("Dienstag", "PROPN", "obl", 5, ""), ("Untersuchungshaft", "NOUN", "appos", 3, ""),
    ("angeordnet", "VERB", "ROOT", 5, "VerbForm=Part"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "day"), [(_ODESSA, "sonntag"), (_CUSTODY, "dienstag")])
def test_a_name_or_bare_noun_hung_on_a_day_is_the_verbs_object_when_the_verb_has_its_subject(rows, day):
    doc = _doc(rows)
    assert raise_from_time_nouns(doc, UD, [day]) == 1
    assert (doc[4].head.i, doc[4].dep_) == (5, "obj")


@pytest.mark.parametrize(
    ("rows", "day"),
    [
        # without a subject of the verb the name may be its subject
        ([("Es", "PRON", "expl", 5, ""), *_ODESSA[1:]], "sonntag"),
        # a verb that has its object keeps the apposition where it was
        ([*_CUSTODY, ("Haft", "NOUN", "obj", 5, "")], "dienstag"),
    ],
)
def test_a_word_after_a_day_is_left_as_parsed_without_a_subject_or_when_the_verb_has_its_object(rows, day):
    assert raise_from_time_nouns(_doc(rows), UD, [day]) == 0


# "Ministerin Anna Berg wies die Kritik zurück und sagte, ...": "wies" tagged an adjective, the first noun the
# root of a verbless sentence, "sagte" its conjunct.
VERBLESS = [
    ("Ministerin", "NOUN", "ROOT", 0, ""), ("Anna", "PROPN", "appos", 0, ""), ("Berg", "PROPN", "flat", 1, ""),
    ("wies", "ADJ", "amod", 4, ""), ("Kritik", "NOUN", "conj", 0, ""), ("zurück", "ADV", "compound:prt", 0, ""),
    ("und", "CCONJ", "cc", 7, ""), ("sagte", "VERB", "conj", 0, FIN), (".", "PUNCT", "punct", 0, ""),
]  # fmt: skip


def test_a_finite_verb_joined_to_a_verbless_root_heads_the_sentence_with_the_root_as_its_subject():
    doc = german_doc(VERBLESS)
    assert verbs_of_verbless_roots(doc, UD) == 1
    assert (doc[7].dep_, doc[7].head.i) == ("ROOT", 7)
    assert (doc[0].dep_, doc[0].head.i, doc[8].head.i) == ("nsubj", 7, 7)


def test_a_verb_with_its_own_subject_or_a_non_finite_one_leaves_the_verbless_root_alone():
    own = german_doc([*VERBLESS[:8], ("sie", "PRON", "nsubj", 7, ""), (".", "PUNCT", "punct", 0, "")])
    assert verbs_of_verbless_roots(own, UD) == 0
    # "..., und gesagt": a participle joined to a noun is no sentence's verb
    participle = german_doc([*VERBLESS[:7], ("gesagt", "VERB", "conj", 0, "VerbForm=Part"), VERBLESS[8]])
    assert verbs_of_verbless_roots(participle, UD) == 0
