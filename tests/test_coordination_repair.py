"""An infinitive clause after two coordinated verbs is the complement of the second, not the first.

"X drohte mit Zöllen und forderte Y auf, die Grenze zu öffnen": what is demanded is the opening; the
threat is the tariffs. A small parser hangs the infinitive on the first verb, so the threat took the
demand's content.
"""

from __future__ import annotations

import pytest

from kg.extract.coordination_repair import (
    attach_infinitives_to_last_conjunct,
    objects_of_perfect_conjuncts,
    raise_conjuncts_out_of_reports,
    raise_past_conjuncts_out_of_infinitives,
)
from kg.extract.cues import cues_for
from kg.extract.deps import schemes
from kg.extract.pipeline import Extractor
from kg.model import Article
from tests.hand_parsed import english_doc, german_doc

UD = schemes()["ud"]
FIN = "Mood=Ind|Person=3"


# "Kiew drohte mit Klagen und forderte Budapest auf, die Blockade aufzugeben": "aufzugeben" under "drohte".
ROWS = [
    ("Kiew", "PROPN", "nsubj", 1, ""), ("drohte", "VERB", "ROOT", 1, FIN), ("mit", "ADP", "case", 3, ""),
    ("Klagen", "NOUN", "obl", 1, ""), ("und", "CCONJ", "cc", 5, ""), ("forderte", "VERB", "conj", 1, FIN),
    ("Budapest", "PROPN", "obj", 5, ""), ("auf", "ADP", "compound:prt", 5, ""), (",", "PUNCT", "punct", 10, ""),
    ("Blockade", "NOUN", "obj", 10, ""), ("aufzugeben", "VERB", "parataxis", 1, "VerbForm=Inf"),
]  # fmt: skip


@pytest.mark.parametrize("label", ["parataxis", "xcomp", "conj", "ccomp"])
def test_the_infinitive_moves_to_the_second_verb_whatever_the_parse_called_it(label):
    doc = german_doc([*ROWS[:10], ("aufzugeben", "VERB", label, 1, "VerbForm=Inf")])
    assert attach_infinitives_to_last_conjunct(doc, UD, cues_for("de")) == 1
    assert (doc[10].head.i, doc[10].dep_) == (5, "xcomp")


def test_an_infinitive_with_a_separate_marker_moves_too():
    doc = german_doc([
        *ROWS[:8], (",", "PUNCT", "punct", 11, ""), ("Blockade", "NOUN", "obj", 11, ""), ("zu", "PART", "mark", 11, ""),
        ("beenden", "VERB", "parataxis", 1, "VerbForm=Inf"),
    ])  # fmt: skip
    assert attach_infinitives_to_last_conjunct(doc, UD, cues_for("de")) == 1
    assert doc[11].head.i == 5


def test_an_infinitive_before_the_second_verb_stays_with_the_first():
    # "Kiew drohte, die Gespräche abzubrechen, und forderte Budapest auf": the infinitive is the threat's.
    doc = german_doc([
        ("Kiew", "PROPN", "nsubj", 1, ""), ("drohte", "VERB", "ROOT", 1, FIN), (",", "PUNCT", "punct", 4, ""),
        ("Gespräche", "NOUN", "obj", 4, ""), ("abzubrechen", "VERB", "xcomp", 1, "VerbForm=Inf"),
        (",", "PUNCT", "punct", 7, ""), ("und", "CCONJ", "cc", 7, ""), ("forderte", "VERB", "conj", 1, FIN),
        ("Budapest", "PROPN", "obj", 7, ""), ("auf", "ADP", "compound:prt", 7, ""),
    ])  # fmt: skip
    assert attach_infinitives_to_last_conjunct(doc, UD, cues_for("de")) == 0
    assert doc[4].head.i == 1


def test_no_infinitive_no_comma_or_no_second_verb_means_no_change():
    finite_clause = german_doc([*ROWS[:10], ("gab", "VERB", "parataxis", 1, FIN)])  # not an infinitive
    no_comma = german_doc([*ROWS[:8], ("die", "DET", "det", 9, ""), ("Blockade", "NOUN", "obj", 10, ""), ROWS[10]])
    one_verb = german_doc([*ROWS[:4], ("dabei", "ADV", "advmod", 1, ""), ("heute", "ADV", "advmod", 1, ""), *ROWS[6:]])
    for doc in (finite_clause, no_comma, one_verb):
        assert attach_infinitives_to_last_conjunct(doc, UD, cues_for("de")) == 0


def test_a_language_without_infinitive_markers_is_left_as_parsed():
    assert attach_infinitives_to_last_conjunct(german_doc(ROWS), UD, cues_for("en")) == 0


@pytest.mark.model
def test_through_the_pipeline_the_threat_and_the_demand_keep_their_own_contents(nlp_de):
    text = (
        "Ministerpräsident Donald Tusk drohte mit Strafzöllen und forderte die Regierung in Minsk auf, die "
        "Lastwagen sofort freizugeben."
    )
    triples = Extractor().extract_one(Article.create(text, id="inf", lang="de")).triples
    contents = {t.predicate: getattr(t.object, "text", "") for t in triples if t.predicate in ("THREATENS", "DEMANDS")}
    assert contents.get("THREATENS") == "Strafzöllen", contents


# "Kallas sagte, Estland werde die Grenze schließen, und kündigte an, ...": "kündigte" joined to "schließen".
REPORT = [
    ("Kallas", "PROPN", "nsubj", 1, ""), ("sagte", "VERB", "ROOT", 1, FIN), (",", "PUNCT", "punct", 6, ""),
    ("Estland", "PROPN", "nsubj", 6, ""), ("werde", "AUX", "aux", 6, "Mood=Sub|Person=3"),
    ("Grenze", "NOUN", "obj", 6, ""), ("schließen", "VERB", "ccomp", 1, "VerbForm=Inf"),
    (",", "PUNCT", "punct", 9, ""), ("und", "CCONJ", "cc", 9, ""), ("kündigte", "VERB", "conj", 6, FIN),
    ("an", "ADP", "compound:prt", 9, ""),
]  # fmt: skip


def test_an_indicative_verb_after_a_reported_clause_is_the_speakers_conjunct():
    doc = german_doc(REPORT)
    assert raise_conjuncts_out_of_reports(doc, UD) == 1
    assert (doc[9].head.i, doc[9].dep_) == (1, "conj")


def test_a_verb_inside_the_report_stays_there():
    # "..., Estland werde die Grenze schließen und kontrolliere die Häfen": subjunctive, part of the report
    doc = german_doc([*REPORT[:9], ("kontrolliere", "VERB", "conj", 6, "Mood=Sub|Person=3"), REPORT[10]])
    assert raise_conjuncts_out_of_reports(doc, UD) == 0
    # with a subject of its own the verb is a clause of its own, whoever's it is
    doc = german_doc([*REPORT[:10], ("sie", "PRON", "nsubj", 9, "")])
    assert raise_conjuncts_out_of_reports(doc, UD) == 0
    # an indicative report ("sagte, Estland schließt die Grenze, und ...") gives no sign where it ends
    doc = german_doc([*REPORT[:4], ("wird", "AUX", "aux", 6, FIN), *REPORT[5:]])
    assert raise_conjuncts_out_of_reports(doc, UD) == 0


def test_a_subjunctive_the_morphology_reads_as_indicative_still_marks_the_report_by_its_ending():
    # "..., Estland habe die Grenze geschlossen, und trat zurück": "habe" read as an indicative first person
    misread = [*REPORT[:4], ("habe", "AUX", "aux", 6, "Mood=Ind|Person=1"), *REPORT[5:9],
               ("trat", "VERB", "conj", 6, FIN), ("zurück", "ADP", "compound:prt", 9, "")]  # fmt: skip
    assert raise_conjuncts_out_of_reports(german_doc(misread), UD) == 0  # by the morphology alone
    doc = german_doc(misread)
    assert raise_conjuncts_out_of_reports(doc, UD, cues_for("de")) == 1
    assert (doc[9].head.i, doc[9].dep_) == (1, "conj")
    # a second verb with the subjunctive's ending belongs to the report however it is read ("und werde ...")
    doc = german_doc([*misread[:9], ("verlange", "VERB", "conj", 6, FIN), misread[10]])
    assert raise_conjuncts_out_of_reports(doc, UD, cues_for("de")) == 0
    # a past indicative shares the ending ("sagte"): read as an indicative, it marks no report
    doc = german_doc([*REPORT[:4], ("hatte", "AUX", "aux", 6, FIN + "|Tense=Past"), *REPORT[5:]])
    assert raise_conjuncts_out_of_reports(doc, UD, cues_for("de")) == 0


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ministerpräsidentin Mette Frederiksen sagte, Dänemark werde seine Häfen sichern, und kündigte an, mit "
            "den Partnern enger zusammenzuarbeiten.",
            "person:mette-frederiksen",
        ),
        # (the infinitive parsed as an unlabelled dependent of the announcing verb is still what it announces)
        (
            "Ministerpräsidentin Mette Frederiksen sagte, Dänemark werde seine Häfen mit aller Kraft sichern, und "
            "kündigte an, mit den Partnern enger zusammenzuarbeiten.",
            "person:mette-frederiksen",
        ),
        (
            "Die Kanzlerin Angela Merkel sagte, Deutschland werde die Hilfe aufstocken, und kündigte an, mit "
            "Frankreich enger zusammenzuarbeiten.",
            "person:angela-merkel",
        ),
    ],
)
def test_through_the_pipeline_the_announcement_is_the_speakers(nlp_de, text, speaker):
    triples = Extractor().extract_one(Article.create(text, id="rep", lang="de")).triples
    assert (speaker, "PROMISES") in {(t.subject.key, t.predicate) for t in triples}


# "Milizen haben Dörfer geplündert und Dutzende Bauern verschleppt": "Bauern" parsed as the second's subject.
PERFECT = [
    ("Milizen", "NOUN", "nsubj", 3, ""), ("haben", "AUX", "aux", 3, FIN), ("Dörfer", "NOUN", "obj", 3, ""),
    ("geplündert", "VERB", "ROOT", 3, "VerbForm=Part"), ("und", "CCONJ", "cc", 6, ""),
    ("Bauern", "NOUN", "nsubj", 6, ""), ("verschleppt", "VERB", "conj", 3, "VerbForm=Part"),
]  # fmt: skip


def test_the_parsed_subject_of_a_participle_sharing_a_haben_perfect_is_its_object():
    doc = german_doc(PERFECT)
    assert objects_of_perfect_conjuncts(doc, UD, ["haben"]) == 1
    assert doc[5].dep_ == "obj"


def test_with_sein_or_an_auxiliary_of_its_own_the_second_participle_keeps_its_subject():
    # "Tausende sind geflohen und Hunderte gestorben": a subject of its own
    sein = german_doc([*PERFECT[:1], ("sind", "AUX", "aux", 3, FIN), *PERFECT[2:]])
    assert objects_of_perfect_conjuncts(sein, UD, ["haben"]) == 0
    # "..., und Bauern wurden verschleppt": a passive of its own
    own = german_doc([*PERFECT[:5], ("Bauern", "NOUN", "nsubj", 7, ""), ("wurden", "AUX", "aux", 7, FIN),
                ("verschleppt", "VERB", "conj", 3, "VerbForm=Part")])  # fmt: skip
    assert objects_of_perfect_conjuncts(own, UD, ["haben"]) == 0
    # a language without the data is left alone
    assert objects_of_perfect_conjuncts(german_doc(PERFECT), UD, []) == 0


@pytest.mark.model
def test_through_the_pipeline_the_victims_of_a_second_participle_are_not_its_doers(nlp_de):
    text = (
        "Den Aufständischen zufolge haben Regierungstruppen im Norden mehrere Dörfer bombardiert und Dutzende "
        "Zivilisten getötet."
    )
    triples = Extractor().extract_one(Article.create(text, id="perf", lang="de")).triples
    killers = {t.subject.key for t in triples if t.predicate == "KILLS"}
    assert killers and all("CVL" not in k for k in killers), killers


@pytest.mark.model
def test_the_words_before_an_infinitives_comma_are_the_clause_of_the_verb_before_it(nlp_de):
    # "beide Seiten" and "vor" were parsed as parts of "geschossen zu haben": the accused shooting came out as
    # a fact and the accusation was lost. "Beide Seiten" are the two states named together, not Malaysia.
    text = (
        "Thailand und Kambodscha hatten am Freitag eine Waffenruhe vereinbart. Der malaysische Premierminister "
        "Anwar Ibrahim begrüßte die Einigung. Doch schon am Samstag warfen sich beide Seiten erneut gegenseitig "
        "vor, auf Grenzposten geschossen zu haben."
    )
    triples = [t for t in Extractor().extract_one(Article.create(text, id="c", lang="de")).triples
               if t.provenance.sentence == 2]  # fmt: skip
    assert {(t.subject.key, t.predicate) for t in triples} == {("country:THA", "ACCUSES"), ("country:KHM", "ACCUSES")}


@pytest.mark.parametrize(
    "text, speaker, reported",
    [
        (
            "Prime Minister Kyriakos Mitsotakis said Turkey had violated Greek airspace repeatedly, adding that "
            "Athens would file a complaint with NATO.",
            "person:kyriakos-mitsotakis",
            "country:TUR",
        ),
        (
            "Foreign Minister Penny Wong said China had detained the writer without cause, insisting that he be "
            "released at once.",
            "person:penny-wong",
            "country:CHN",
        ),
    ],
)
def test_a_speech_participle_after_a_report_is_the_speakers_second_statement(nlp_en, text, speaker, reported):
    """"..., adding that ..." continues the speaker, however the parser hung it inside the reported clause."""
    triples = Extractor().extract_one(Article.create(text, id="part", lang="en")).triples
    statements = [t for t in triples if t.predicate == "STATES"]
    assert [t.subject.key for t in statements] == [speaker, speaker]
    assert reported not in {t.subject.key for t in statements}


# "Wong said Australia would continue to help its neighbours and accused China of coercion": "accused" on "help".
PAST = [
    ("Wong", "PROPN", "nsubj", 1, ""), ("said", "VERB", "ROOT", 1, "Tense=Past|VerbForm=Fin"),
    ("Australia", "PROPN", "nsubj", 4, ""), ("would", "AUX", "aux", 4, "VerbForm=Fin"),
    ("continue", "VERB", "ccomp", 1, "VerbForm=Inf"), ("to", "PART", "aux", 6, ""),
    ("help", "VERB", "xcomp", 4, "VerbForm=Inf"), ("neighbours", "NOUN", "dobj", 6, ""),
    ("and", "CCONJ", "cc", 6, ""), ("accused", "VERB", "conj", 6, "Tense=Past|VerbForm=Fin"),
    ("China", "PROPN", "dobj", 9, ""),
]  # fmt: skip


def test_a_past_verb_joined_to_an_infinitive_in_a_report_is_the_speakers_conjunct():
    doc = english_doc(PAST)
    assert raise_past_conjuncts_out_of_infinitives(doc, UD) == 1
    assert (doc[9].head.i, doc[9].dep_, doc[8].head.i) == (1, "conj", 9)


def test_an_infinitive_conjunct_or_one_with_its_own_subject_stays_in_the_report():
    # "... would continue to help its neighbours and defend them": an infinitive shares the modal
    doc = english_doc([*PAST[:9], ("defend", "VERB", "conj", 6, "VerbForm=Inf"), PAST[10]])
    assert raise_past_conjuncts_out_of_infinitives(doc, UD) == 0
    # "... and China accused it": a clause with a subject of its own is left as parsed
    doc = english_doc([*PAST[:10], ("China", "PROPN", "nsubj", 9, "")])
    assert raise_past_conjuncts_out_of_infinitives(doc, UD) == 0
    # a present speech verb ("says ... would ... and accused") reports a clause the past verb may be part of
    doc = english_doc([PAST[0], ("says", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"), *PAST[2:]])
    assert raise_past_conjuncts_out_of_infinitives(doc, UD) == 0
