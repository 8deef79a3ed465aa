"""Repairs inside noun phrases and of a clause's one subject (kg/extract/phrase_repair.py), and offices that
stand for their organisation (kg/extract/body_roles.py).

The documents of the repair tests are built by hand in the shapes a weak parser produces (no model needed);
the pipeline tests read the project's own sentences through the real extractor.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.deps import schemes
from kg.extract.phrase_repair import (
    attach_nominal_conjuncts,
    attach_stray_articles,
    attach_truncated_conjuncts,
    raise_finite_modifiers,
    retag_verbs_of_verbless_sentences,
    split_double_subjects,
)
from kg.extract.pipeline import Extractor
from kg.model import Article

UD = schemes()["ud"]
ART = "PronType=Art"


def _doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, dep, head index, morph)."""
    words, pos, deps, heads, morphs = zip(*rows, strict=True)
    return Doc(Vocab(), words=list(words), pos=list(pos), deps=list(deps), heads=list(heads),
               lemmas=[w.lower() for w in words], morphs=list(morphs))  # fmt: skip


def test_the_full_word_heads_a_coordination_with_a_truncated_first_part():
    # "Die Außen- und Verteidigungsminister der EU berieten": "Außen-" parsed as the subject.
    doc = _doc([
        ("Die", "DET", "nsubj", 6, ART), ("Außen-", "ADP", "nsubj", 6, ""), ("und", "CCONJ", "cc", 3, ""),
        ("Verteidigungsminister", "NOUN", "conj", 1, ""), ("der", "DET", "det", 5, ART),
        ("EU", "PROPN", "nmod", 3, ""), ("berieten", "VERB", "ROOT", 6, "VerbForm=Fin"),
    ])  # fmt: skip
    assert attach_truncated_conjuncts(doc, UD) == 1
    assert (doc[3].head.i, doc[3].dep_) == (6, "nsubj")
    assert (doc[1].head.i, doc[1].dep_) == (3, "conj")
    # then the article the parse made a second subject belongs to the full word
    assert attach_stray_articles(doc, UD) == 1
    assert (doc[0].head.i, doc[0].dep_) == (3, "det")


def test_an_article_taken_for_the_subject_gives_its_place_to_its_noun():
    # "Der von der Armee kontrollierte Sender meldete einen Umsturz": the noun hangs on the participle.
    doc = _doc([
        ("Der", "DET", "nsubj", 6, ART), ("von", "ADP", "case", 3, ""), ("der", "DET", "det", 3, ART),
        ("Armee", "NOUN", "obl", 4, ""), ("kontrollierte", "ADJ", "advcl", 6, ""),
        ("Sender", "NOUN", "nsubj", 4, ""), ("meldete", "VERB", "ROOT", 6, "VerbForm=Fin"),
        ("einen", "DET", "det", 8, ART), ("Umsturz", "NOUN", "obj", 6, ""),
    ])  # fmt: skip
    assert attach_stray_articles(doc, UD) == 1
    assert (doc[5].head.i, doc[5].dep_) == (6, "nsubj")
    assert (doc[0].head.i, doc[0].dep_) == (5, "det")
    assert doc[4].head.i == 5  # the participle modifies the noun
    assert doc[3].head.i == 4  # and keeps its own phrase


def test_articles_that_have_their_noun_and_pronouns_are_left_alone():
    # "Der sagte das": a demonstrative pronoun is a subject; "den Vertrag" is parsed right.
    doc = _doc([
        ("Der", "PRON", "nsubj", 1, "PronType=Dem"), ("kündigte", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("den", "DET", "det", 3, ART), ("Vertrag", "NOUN", "obj", 1, ""), ("auf", "ADP", "compound:prt", 1, ""),
    ])  # fmt: skip
    assert attach_stray_articles(doc, UD) == 0
    assert doc[0].dep_ == "nsubj" and doc[2].head.i == 3


def test_an_article_whose_next_noun_hangs_on_another_clause_is_left_alone():
    # "die Tür bleibe offen" after "sagte, ...": the noun belongs to a verb outside the article's phrase.
    doc = _doc([
        ("Er", "PRON", "nsubj", 1, ""), ("sagte", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("die", "DET", "obj", 1, ART), ("Tür", "NOUN", "nsubj", 4, ""),
        ("bleibe", "VERB", "ccomp", 1, "VerbForm=Fin|Mood=Sub"), ("offen", "ADJ", "xcomp", 4, ""),
    ])  # fmt: skip
    assert attach_stray_articles(doc, UD) == 0
    assert doc[3].head.i == 4


def test_the_second_of_two_subjects_is_the_object():
    # "Moskau wies die Vorwürfe zurück"
    doc = _doc([
        ("Moskau", "PROPN", "nsubj", 1, ""), ("wies", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("die", "DET", "det", 3, ART), ("Vorwürfe", "NOUN", "nsubj", 1, ""),
        ("zurück", "ADP", "compound:prt", 1, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [doc[0].dep_, doc[3].dep_] == ["nsubj", "obj"]


def test_case_beats_word_order_when_the_morphology_is_sure():
    # "Den Vorschlag lehnte der Minister ab": an accusative first, a nominative second.
    doc = _doc([
        ("Den", "DET", "det", 1, ART + "|Case=Acc"), ("Vorschlag", "NOUN", "nsubj", 2, "Case=Acc"),
        ("lehnte", "VERB", "ROOT", 2, "VerbForm=Fin"), ("der", "DET", "det", 4, ART + "|Case=Nom"),
        ("Minister", "NOUN", "nsubj", 2, "Case=Nom"), ("ab", "ADP", "compound:prt", 2, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [doc[1].dep_, doc[4].dep_] == ["obj", "nsubj"]


def test_a_bare_names_guessed_case_does_not_outrank_word_order():
    # "Ankara wies die Darstellung zurück": the tagger guesses the bare name accusative; only an article marks
    # case there, so the name before the verb stays the subject.
    doc = _doc([
        ("Ankara", "PROPN", "nsubj", 1, "Case=Acc"), ("wies", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("die", "DET", "det", 3, ART + "|Case=Nom"), ("Darstellung", "NOUN", "nsubj", 1, "Case=Nom"),
        ("zurück", "ADP", "compound:prt", 1, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [doc[0].dep_, doc[3].dep_] == ["nsubj", "obj"]


def test_a_dative_second_subject_is_the_indirect_object_and_a_verb_with_an_object_is_left_alone():
    # "Die Kanzlerin dankte der Ministerin"
    doc = _doc([
        ("Die", "DET", "det", 1, ART), ("Kanzlerin", "NOUN", "nsubj", 2, ""), ("dankte", "VERB", "ROOT", 2, ""),
        ("der", "DET", "det", 4, ART + "|Case=Dat,Gen"), ("Ministerin", "NOUN", "nsubj", 2, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert doc[4].dep_ == "iobj"
    # "Die Kanzlerin gab der Ministerin das Wort": two subjects and an object - which is which is unclear
    doc = _doc([
        ("Die", "DET", "det", 1, ART), ("Kanzlerin", "NOUN", "nsubj", 2, ""), ("gab", "VERB", "ROOT", 2, ""),
        ("der", "DET", "det", 4, ART), ("Ministerin", "NOUN", "nsubj", 2, ""), ("das", "DET", "det", 6, ART),
        ("Wort", "NOUN", "obj", 2, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 0


def test_a_name_labelled_an_adverb_is_a_subject():
    # "Pakistan bestreitet jede Beteiligung": the name is one of the two subjects.
    doc = _doc([
        ("Pakistan", "PROPN", "advmod", 1, ""), ("bestreitet", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("jede", "DET", "det", 3, ""), ("Beteiligung", "NOUN", "nsubj", 1, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [doc[0].dep_, doc[3].dep_] == ["nsubj", "obj"]
    # "Lula, der Präsident, verurteilte den Angriff": the only candidate, before the verb
    doc = _doc([
        ("Lula", "PROPN", "advmod", 5, ""), (",", "PUNCT", "punct", 3, ""), ("der", "DET", "det", 3, ART),
        ("Präsident", "NOUN", "appos", 0, ""), (",", "PUNCT", "punct", 0, ""),
        ("verurteilte", "VERB", "ROOT", 5, "VerbForm=Fin"), ("den", "DET", "det", 7, ART),
        ("Angriff", "NOUN", "obj", 5, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert doc[0].dep_ == "nsubj"


def test_a_name_labelled_a_bare_oblique_is_one_of_two_subjects():
    # "Kanzler Scholz hat Minister Lindner entlassen": the first name parsed as an oblique, the second as the
    # subject - which had made the one dismissed the one who dismissed.
    doc = _doc([
        ("Scholz", "PROPN", "obl", 4, ""), ("hat", "AUX", "aux", 4, "VerbForm=Fin"),
        ("Minister", "NOUN", "advmod", 4, ""), ("Lindner", "PROPN", "nsubj", 4, ""),
        ("entlassen", "VERB", "ROOT", 4, "VerbForm=Part"),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [doc[0].dep_, doc[3].dep_] == ["nsubj", "obj"]


def test_a_title_parsed_as_a_second_subject_right_before_the_objects_name_is_the_names():
    # "Orbán hat Außenminister Szijjártó gerügt": "Außenminister" parsed as a subject beside "Orbán".
    doc = _doc([
        ("Orbán", "PROPN", "nsubj", 4, ""), ("hat", "AUX", "aux", 4, "VerbForm=Fin"),
        ("Außenminister", "NOUN", "nsubj", 4, ""), ("Szijjártó", "PROPN", "obj", 4, ""),
        ("gerügt", "VERB", "ROOT", 4, "VerbForm=Part"),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert (doc[2].head.i, doc[2].dep_) == (3, "flat")
    assert doc[0].dep_ == "nsubj" and doc[3].dep_ == "obj"


def test_a_name_between_the_verb_and_its_object_is_the_indirect_object():
    # "Putin warf Selenskyj Verrat vor": two subjects, and the verb already has its object.
    doc = _doc([
        ("Putin", "PROPN", "nsubj", 1, ""), ("warf", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("Selenskyj", "PROPN", "nsubj", 1, ""), ("Verrat", "NOUN", "obj", 1, ""),
        ("vor", "ADP", "compound:prt", 1, ""),
    ])  # fmt: skip
    assert split_double_subjects(doc, UD) == 1
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "iobj", "obj", "compound:prt"]


def test_a_finite_verb_parsed_as_a_nouns_modifier_heads_its_clause_when_its_particle_follows():
    # "Moskau kündigte Gegenmaßnahmen an": parsed as a noun phrase with "Moskau" and "kündigte" as modifiers.
    doc = _doc([
        ("Moskau", "PROPN", "nummod", 2, ""), ("kündigte", "VERB", "amod", 2, "Person=3|VerbForm=Fin"),
        ("Gegenmaßnahmen", "NOUN", "ROOT", 2, ""), ("an", "ADP", "compound:prt", 2, ""), (".", "PUNCT", "punct", 2, ""),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 1
    assert doc[1].head.i == 1 and doc[1].dep_ == "ROOT"
    assert [(t.head.i, t.dep_) for t in (doc[0], doc[2], doc[3])] == [(1, "nsubj"), (1, "obj"), (1, "compound:prt")]
    # an attributive participle has no particle of its own after the noun: "die verhängten Zölle" stays
    doc = _doc([
        ("die", "DET", "det", 2, ART), ("verhängten", "VERB", "amod", 2, "Person=3|VerbForm=Fin"),
        ("Zölle", "NOUN", "nsubj", 3, ""), ("gelten", "VERB", "ROOT", 3, "VerbForm=Fin"),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 0


def test_a_finite_verb_in_a_verbs_place_heads_its_clause_without_a_particle():
    # "Premier Conille dankte Kenia und versprach Hilfe": the root is the title, "dankte" a modifier of "Kenia".
    # A verb right after its subject's name, with no article of the noun before it, is the verb.
    doc = _doc([
        ("Premier", "NOUN", "ROOT", 0, ""), ("Conille", "PROPN", "flat", 0, ""),
        ("dankte", "VERB", "amod", 3, "Person=3|VerbForm=Fin"), ("Kenia", "PROPN", "conj", 0, ""),
        ("und", "CCONJ", "cc", 5, ""), ("versprach", "VERB", "conj", 0, "VerbForm=Fin"),
        ("Hilfe", "NOUN", "obj", 5, ""),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 1
    assert (doc[2].head.i, doc[2].dep_) == (2, "ROOT")
    assert [(t.head.i, t.dep_) for t in (doc[0], doc[3], doc[5])] == [(2, "nsubj"), (2, "obj"), (2, "conj")]


def test_a_restored_verb_gives_the_next_clause_its_verb_and_subject_back():
    # "USA setzten Hilfen aus, und Minister Blinken forderte Freilassung": "Hilfen" parsed as the subject of
    # "forderte", "Minister" as its conjunct and "Blinken" as the object.
    doc = _doc([
        ("USA", "PROPN", "nsubj", 1, ""), ("setzten", "VERB", "amod", 2, "Person=3|VerbForm=Fin"),
        ("Hilfen", "NOUN", "nsubj", 8, ""), ("aus", "ADP", "dep", 2, ""), (",", "PUNCT", "punct", 6, ""),
        ("und", "CCONJ", "cc", 6, ""), ("Minister", "NOUN", "conj", 2, ""), ("Blinken", "PROPN", "obj", 8, ""),
        ("forderte", "VERB", "ROOT", 8, "VerbForm=Fin"), ("Freilassung", "NOUN", "nsubj", 8, ""),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 1
    assert [(t.head.i, t.dep_) for t in (doc[1], doc[2], doc[8])] == [(1, "ROOT"), (1, "obj"), (1, "conj")]
    assert (doc[6].head.i, doc[6].dep_) == (8, "nsubj") and (doc[7].head.i, doc[7].dep_) == (6, "appos")


def test_an_attribute_is_left_alone_after_a_word_of_its_phrase_or_a_finite_verb_of_its_clause():
    # "im pakistanisch kontrollierten Teil": an adverb of the phrase before the participle
    doc = _doc([
        ("im", "ADP", "case", 3, ""), ("pakistanisch", "ADV", "advmod", 2, ""),
        ("kontrollierten", "VERB", "amod", 3, "Person=3|VerbForm=Fin"), ("Teil", "NOUN", "ROOT", 3, ""),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 0
    # "China hat im Mai großangelegte Manöver abgehalten": the clause's finite verb came before
    doc = _doc([
        ("China", "PROPN", "nsubj", 6, ""), ("hat", "AUX", "aux", 6, "VerbForm=Fin"), ("im", "ADP", "case", 3, ""),
        ("Mai", "NOUN", "obl", 6, ""), ("großangelegte", "VERB", "amod", 5, "Person=3|VerbForm=Fin"),
        ("Manöver", "NOUN", "obj", 6, ""), ("abgehalten", "VERB", "ROOT", 6, "VerbForm=Part"),
    ])  # fmt: skip
    assert raise_finite_modifiers(doc, UD) == 0


def test_a_noun_parsed_as_the_conjunct_of_a_verb_is_the_argument_of_the_next_verb():
    # "hat das Angebot abgelehnt und den Rebellen mit Krieg gedroht": "Rebellen" parsed as a conjunct of
    # "abgelehnt"; it is whom "gedroht" threatens (a dative: the indirect object).
    doc = _doc([
        ("Präsident", "NOUN", "nsubj", 3, ""), ("hat", "AUX", "aux", 3, "VerbForm=Fin"),
        ("Angebot", "NOUN", "obj", 3, ""), ("abgelehnt", "VERB", "ROOT", 3, "VerbForm=Part"),
        ("und", "CCONJ", "cc", 9, ""), ("den", "DET", "det", 6, ART + "|Case=Dat"),
        ("Rebellen", "NOUN", "conj", 3, "Case=Dat"), ("mit", "ADP", "case", 8, ""), ("Krieg", "NOUN", "obl", 9, ""),
        ("gedroht", "VERB", "conj", 3, "VerbForm=Part"),
    ])  # fmt: skip
    assert attach_nominal_conjuncts(doc, UD) == 1
    assert (doc[6].head.i, doc[6].dep_) == (9, "iobj")
    # a noun conjunct with a comma before the next verb ("..., den Rebellen, ...") is left as parsed
    doc = _doc([
        ("Präsident", "NOUN", "nsubj", 1, ""), ("lehnte", "VERB", "ROOT", 1, "VerbForm=Fin"),
        ("Angebot", "NOUN", "obj", 1, ""), ("und", "CCONJ", "cc", 4, ""), ("Plan", "NOUN", "conj", 1, ""),
        (",", "PUNCT", "punct", 6, ""), ("drohte", "VERB", "conj", 1, "VerbForm=Fin"),
    ])  # fmt: skip
    assert attach_nominal_conjuncts(doc, UD) == 0


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Die Staats- und Regierungschefs der Afrikanischen Union verurteilten den Putsch in Gabun.",
            ("org:african-union", "CONDEMNS"),
        ),
        (
            "de",
            "Die Außenminister der EU einigten sich am Montag auf neue Sanktionen gegen Belarus.",
            ("org:european-union", "AGREES"),
        ),
        (
            "en",
            "The foreign ministers of ASEAN condemned the violence against civilians in Myanmar.",
            ("org:asean", "CONDEMNS"),
        ),
        (
            "en",
            "EU foreign ministers condemned the arrest of the opposition leader.",
            ("org:european-union", "CONDEMNS"),
        ),
        (
            "de",
            "Der Generalsekretär der Arabischen Liga, Ahmed Aboul Gheit, begrüßte die Einigung.",
            ("person:ahmed-aboul-gheit", "PRAISES"),
        ),
        (
            "de",
            "Die Innen- und Justizminister der EU verständigten sich auf strengere Regeln.",
            ("org:european-union", "AGREES"),
        ),
        ("de", "Mark Rutte, der Generalsekretär der Nato, verurteilte den Angriff.", ("person:mark-rutte", "CONDEMNS")),
        # members of an organisation stand for it
        ("de", "Kämpfer der Hamas haben nach Angaben der Armee drei Soldaten verschleppt.", ("org:hamas", "ABDUCTS")),
        ("en", "Fighters of Hamas abducted three soldiers near the border.", ("org:hamas", "ABDUCTS")),
        ("en", "Representatives of the Taliban met US envoy Zalmay Khalilzad in Doha.", ("org:taliban", "MEETS")),
        # a finite verb parsed as the modifier of its object
        ("de", "Moskau kündigte Gegenmaßnahmen an.", ("country:RUS", "THREATENS")),
        ("de", "Haitis Regierungschef Ariel Henry dankte Kenia und versprach, die Polizei werde die Banden "
         "zurückdrängen.", ("person:ariel-henry", "PROMISES")),
        ("de", "Die Niederlande setzten Zahlungen in Höhe von 20 Millionen Euro aus, und Außenministerin Hanke Bruins "
         "Slot forderte die Freilassung der Journalisten.", ("person:hanke-bruins-slot", "DEMANDS")),
        # forces massed at a border are mobilised, not sent anywhere ("Zehntausende Soldaten" parsed as an
        # adjective with an apposition; "zusammengezogen" an irregular participle with its particle)
        ("de", "Russland hat Zehntausende Soldaten an der Grenze zusammengezogen.", ("country:RUS", "MOBILIZES")),
        ("en", "Russia massed troops near the Ukrainian border.", ("country:RUS", "MOBILIZES")),
        # an objection or veto given up is a concession
        ("de", "Die Türkei hat ihr Veto gegen den Beitritt Schwedens zurückgezogen.", ("country:TUR", "CONCEDES")),
        # a prepositional verb at the end of its clause, its phrase before it
        ("de", "Frankreich hat sich gegen eine Verlängerung des Mandats ausgesprochen.", ("country:FRA", "REJECTS")),
        ("de", "Polen hat im Rat gegen den Haushalt gestimmt.", ("country:POL", "REJECTS")),
    ],
)
def test_offices_and_repaired_phrases_give_their_actor(nlp_de, nlp_en, lang, text, expected):
    triples = Extractor().extract_one(Article.create(text, id="office", lang=lang)).triples
    assert expected in {(t.subject.key, t.predicate) for t in triples}


@pytest.mark.model
def test_a_named_holder_of_the_office_is_the_actor_not_the_organisation(nlp_de):
    text = "Der Generalsekretär der Nato, Mark Rutte, verurteilte den Angriff."
    triples = Extractor().extract_one(Article.create(text, id="o", lang="de")).triples
    condemners = {t.subject.key for t in triples if t.predicate == "CONDEMNS"}
    assert condemners == {"person:mark-rutte"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted adverbial, then subject and object as one glued name (kg/extract/actor_repair.py)
        ("Anschließend besuchte Putin Vietnam.", ("person:vladimir-putin", "VISITS", "country:VNM")),
        ("Am Dienstag traf Scholz Macron in Paris.", ("person:olaf-scholz", "MEETS", "person:emmanuel-macron")),
        ("Nach dem Gipfel lobte Biden Japan für seine Hilfe.", ("person:joe-biden", "PRAISES", "country:JPN")),
        # ... and the verb tagged as an adjective at the root of a sentence without a verb
        ("Danach empfing Erdogan Selenskyj in Istanbul.",
         ("person:recep-tayyip-erdogan", "MEETS", "person:volodymyr-zelensky")),
        # a strong past form tagged as a copula of its object
        ("Russland bestritt die Vorwürfe.", ("country:RUS", "DENIES", None)),
        # a capitalised adverb at the start taken for the subject (kg/lang/de/fronted_adverbs.txt)
        ("Zuvor hatte Selenskyj den Westen um weitere Waffen gebeten.",
         ("person:volodymyr-zelensky", "APPEALS_FOR", None)),
        ("Unterdessen beschuldigte Aserbaidschan Armenien, die Waffenruhe gebrochen zu haben.",
         ("country:AZE", "ACCUSES", "country:ARM")),
        # a name without a genitive ending is no possessor ("Finnlands Truppen"): Finland moved troops
        ("Schon im Frühjahr hatte Finnland Truppen an die Grenze zu Russland verlegt.",
         ("country:FIN", "DEPLOYS", None)),
        # ... and with one it still is
        ("Am Montag haben Russlands Truppen die Stadt Awdijiwka eingenommen.",
         ("group:RUS-MIL", "SEIZES", "location:avdiivka")),
    ],
)
def test_a_clause_with_its_subject_after_the_verb_keeps_subject_verb_and_object(nlp_de, text, expected):
    triples = Extractor().extract_one(Article.create(text, id="v2", lang="de")).triples
    got = {(t.subject.key, t.predicate, getattr(t.object, "key", None)) for t in triples}
    assert expected in got if expected[2] else expected[:2] in {g[:2] for g in got}



@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("In Belgrad protestierten am Wochenende Zehntausende Menschen gegen Korruption.", "group:SRB-CVL"),
        ("In Madrid gingen am Sonntag Tausende Menschen gegen die Rentenreform auf die Straße.", "group:ESP-CVL"),
    ],
)
def test_counted_people_after_the_verb_are_its_subject(nlp_de, text, subject):
    # the parse made them an oblique of the day before them ("am Wochenende Zehntausende")
    triples = Extractor().extract_one(Article.create(text, id="v2", lang="de")).triples
    assert (subject, "PROTESTS") in {(t.subject.key, t.predicate) for t in triples}


def test_a_verb_form_tagged_an_adjective_is_the_verb_of_a_sentence_whose_root_is_a_noun():
    # "Ministerin Berg wies Forderungen zurück und sagte, ...": "wies" read as an adjective of "Forderungen",
    # the first noun made the root; "sagte" is a verb, but the sentence still has none at its head
    rows = [
        ("Ministerin", "NOUN", "ROOT", 0, ""), ("Berg", "PROPN", "appos", 0, ""), ("wies", "ADJ", "amod", 3, ""),
        ("Forderungen", "NOUN", "conj", 0, ""), ("zurück", "ADV", "compound:prt", 0, ""),
        ("und", "CCONJ", "cc", 6, ""), ("sagte", "VERB", "conj", 0, "Mood=Ind|Person=3"),
    ]  # fmt: skip
    assert retag_verbs_of_verbless_sentences(_doc(rows), UD, lambda t: t.text == "wies") == {2}
    # with a verb at the sentence's head, an attributive verb form stays an adjective ("die verhängten Sanktionen")
    headed = [(w, p, "nsubj" if i == 0 else d, 6 if i == 0 else h, m) for i, (w, p, d, h, m) in enumerate(rows)]
    headed[6] = ("sagte", "VERB", "ROOT", 6, "Mood=Ind|Person=3")
    assert retag_verbs_of_verbless_sentences(_doc(headed), UD, lambda t: t.text == "wies") == set()
