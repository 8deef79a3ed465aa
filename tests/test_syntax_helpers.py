"""The syntax helpers on their own, without a reader: each answers its question from the sentence's parse.

Specifies, on hand-built TIGER parses: of two subject labels the phrase before the verb is the
subject and the one after it an object; a passive verb's logical subject is its "von" phrase and
its grammatical subject an object; a negative determiner on the object negates the verb; a
coordinated list refers to every state in it.
"""

from __future__ import annotations

from kg.extract.cues import cues_for
from kg.extract.deps import scheme_of_doc, schemes
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.phrase_entities import PhraseEntities
from kg.extract.polarity import Polarity
from kg.extract.syntax import SentenceSyntax
from kg.extract.verb_arguments import VerbArguments
from kg.model import Entity
from tests.hand_parsed import german_doc
from tests.test_relations import tiger_doc

RUS = Entity("country:RUS", "Russia", "Country", country="RUS")
UKR = Entity("country:UKR", "Ukraine", "Country", country="UKR")
PRK = Entity("country:PRK", "North Korea", "Country", country="PRK")


def helpers(
    rows: list[tuple[str, str, int, str, str]], *mentions: tuple[int, Entity], morph: dict[int, str] | None = None
):
    """(syntax, entities, arguments, polarity) of one German sentence of ``(word, lemma, head, label, POS)``."""
    doc = tiger_doc(rows, morph)
    index = MentionIndex(Mention(i, i + 1, e, doc[i].text) for i, e in mentions)
    syn = SentenceSyntax(cues_for("de"), scheme_of_doc(doc), index, doc[:], [t.head.i for t in doc])
    refs = PhraseEntities(syn)
    return syn, refs, VerbArguments(syn, refs), Polarity(syn)


def test_of_two_subject_labels_the_phrase_after_the_verb_is_an_object():
    syn, _, args, _ = helpers(
        [
            ("Moskau", "Moskau", 1, "sb", "PROPN"),
            ("beschuldigte", "beschuldigen", 1, "ROOT", "VERB"),
            ("Kiew", "Kiew", 1, "sb", "PROPN"),
            (".", ".", 1, "punct", "PUNCT"),
        ],
        (0, RUS),
        (2, UKR),
    )
    verb = syn.tokens[1]
    assert [t.text for t in args.subject_tokens(verb)[0]] == ["Moskau"]
    assert [t.text for t in args.object_tokens(verb)] == ["Kiew"]


def test_a_passive_verbs_agent_is_its_subject_and_its_grammatical_subject_an_object():
    syn, _, args, _ = helpers(
        [
            ("Kiew", "Kiew", 1, "sb", "PROPN"),
            ("wurde", "werden", 1, "ROOT", "AUX"),
            ("von", "von", 4, "sbp", "ADP"),
            ("Moskau", "Moskau", 2, "nk", "PROPN"),
            ("angegriffen", "angreifen", 1, "oc", "VERB"),
            (".", ".", 1, "punct", "PUNCT"),
        ],
        (0, UKR),
        (3, RUS),
        morph={4: "VerbForm=Part"},
    )
    verb = syn.tokens[4]
    assert syn.is_passive(verb)
    assert [t.text for t in args.subject_tokens(verb)[0]] == ["Moskau"]
    assert [t.text for t in args.object_tokens(verb)] == ["Kiew"]


def test_a_negative_determiner_on_the_object_negates_the_verb():
    rows = [
        ("Russland", "Russland", 1, "sb", "PROPN"),
        ("schickte", "schicken", 1, "ROOT", "VERB"),
        ("keine", "kein", 3, "nk", "DET"),
        ("Truppen", "Truppe", 1, "oa", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    syn, _, args, polarity = helpers(rows, (0, RUS))
    verb = syn.tokens[1]
    assert polarity.negated(verb, args.object_tokens(verb))
    assert not polarity.negated(verb)  # the verb itself carries no negation
    assert [t.text for t in polarity.negative_det(syn.tokens[3])] == ["keine"]


def test_a_coordinated_list_refers_to_every_state_in_it():
    syn, refs, _, _ = helpers(
        [
            ("Russland", "Russland", 3, "sb", "PROPN"),
            ("und", "und", 0, "cd", "CCONJ"),
            ("Nordkorea", "Nordkorea", 1, "cj", "PROPN"),
            ("dementierten", "dementieren", 3, "ROOT", "VERB"),
            (".", ".", 3, "punct", "PUNCT"),
        ],
        (0, RUS),
        (2, PRK),
    )
    assert [m.entity.key for m in refs.entities(syn.tokens[0])] == ["country:RUS", "country:PRK"]


TUN = Entity("country:TUN", "Tunisia", "Country", country="TUN")
SAIED = Entity("person:kais-saied", "Kais Saied", "Person", country="TUN")
NATO = Entity("org:nato", "NATO", "Organization")
MICHAL = Entity("person:kristen-michal", "Kristen Michal", "Person", country="EST")


def test_after_fronted_content_the_subject_follows_the_speech_verb():
    # "Tunesien nehme keine Almosen an, sagte Saied": both names labelled subjects of "sagte"; the content
    # fills the prefield, so the speaker is the one after the verb.
    syn, _, args, _ = helpers(
        [
            ("Tunesien", "Tunesien", 5, "sb", "PROPN"),
            ("nehme", "nehmen", 5, "oc", "VERB"),
            ("Almosen", "Almosen", 1, "oa", "NOUN"),
            ("an", "an", 1, "svp", "ADP"),
            (",", ",", 1, "punct", "PUNCT"),
            ("sagte", "sagen", 5, "ROOT", "VERB"),
            ("Saied", "Saied", 5, "sb", "PROPN"),
            (".", ".", 5, "punct", "PUNCT"),
        ],
        (0, TUN),
        (6, SAIED),
        morph={5: "Mood=Ind|Person=3|Tense=Past|VerbForm=Fin"},
    )
    assert [t.text for t in args.subject_tokens(syn.tokens[5])[0]] == ["Saied"]


def test_a_bare_actor_phrase_in_the_prefield_is_the_subject_whatever_the_parse_labelled_after_the_verb():
    # "Kristen Michal rief die Nato auf": the parse makes "Nato" the subject and "Michal" a modifier.
    syn, _, args, _ = helpers(
        [
            ("Michal", "Michal", 1, "mo", "PROPN"),
            ("rief", "rufen", 1, "ROOT", "VERB"),
            ("die", "der", 3, "nk", "DET"),
            ("Nato", "Nato", 1, "sb", "PROPN"),
            ("auf", "auf", 1, "svp", "ADP"),
            (".", ".", 1, "punct", "PUNCT"),
        ],
        (0, MICHAL),
        (3, NATO),
        morph={1: "Mood=Ind|Person=3|Tense=Past|VerbForm=Fin"},
    )
    verb = syn.tokens[1]
    assert args.split_subjects(verb) == ([], [syn.tokens[3]])
    assert args.prefield(verb).entity.key == "person:kristen-michal"


def test_a_predicative_marker_the_parse_hung_on_the_verb_still_marks_the_phrase_after_it():
    # "Moskau wies die Kritik als „haltlos“ zurück": "als" parsed as the verb's particle, "haltlos" as its
    # clausal complement with the opening quote as its left edge. What it was called is no content.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Moskau", "wies", "die", "Kritik", "als", "„", "haltlos", "“", "zurück", "."]
    heads = [1, 1, 3, 1, 1, 6, 1, 6, 1, 1]
    deps = ["nsubj", "ROOT", "det", "obj", "compound:prt", "punct", "ccomp", "punct", "compound:prt", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "CCONJ", "PUNCT", "ADJ", "PUNCT", "ADV", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    cues = cues_for("de")
    assert cues.predicative_phrase(doc, doc[6])
    assert not cues.predicative_phrase(doc, doc[3])  # the object itself is no predicative


XKX = Entity("country:XKX", "Kosovo", "Country", country="XKX")
RADO = Entity("person:goran-petrovic", "Goran Petrović", "Person")


def test_a_demonym_noun_describes_the_person_named_right_after_it_whatever_the_parse_calls_the_name():
    # "Der Kosovo-Serbe Goran Petrović erklärte": the name parsed as an unlabelled dependent of the noun
    def subject(label: str) -> list[str]:
        doc = german_doc([
            ("Der", "DET", "det", 1, ""), ("Kosovo-Serbe", "NOUN", "nsubj", 4, ""),
            ("Goran", "PROPN", label, 1, ""), ("Petrović", "PROPN", "flat", 2, ""),
            ("erklärte", "VERB", "ROOT", 4, "Mood=Ind|Person=3"),
        ])  # fmt: skip
        index = MentionIndex([Mention(1, 2, XKX, "Kosovo-Serbe", "demonym"), Mention(2, 4, RADO, "Goran Petrović")])
        syn = SentenceSyntax(cues_for("de"), schemes()["ud"], index, doc[:], [t.head.i for t in doc])
        return [m.entity.key for m in PhraseEntities(syn).entities(doc[1])]

    assert subject("appos") == ["person:goran-petrovic"]
    assert subject("dep") == ["person:goran-petrovic"]


FINITE = "Mood=Ind|Person=3|VerbForm=Fin"


def test_a_bare_noun_labelled_temporal_is_an_object_unless_it_says_when_or_stands_before_the_verb():
    # "Das Militär hat am Montag die Macht übernommen" with "Macht" parsed as a time phrase (obl:tmod)
    def objects(rows: list[tuple[str, str, str, int, str]]) -> list[str]:
        doc = german_doc(rows)
        syn = SentenceSyntax(cues_for("de"), schemes()["ud"], MentionIndex([]), doc[:], [t.head.i for t in doc])
        verb = next(t for t in doc if t.dep_ == "ROOT")
        return [o.text for o in VerbArguments(syn, PhraseEntities(syn)).object_tokens(verb)]

    head = [("Das", "DET", "det", 1, ""), ("Militär", "NOUN", "nsubj", 5, ""), ("hat", "AUX", "aux", 5, FINITE)]
    power = [("die", "DET", "det", 4, ""), ("Macht", "NOUN", "obl:tmod", 5, "Case=Acc")]
    assert objects([*head, *power, ("übernommen", "VERB", "ROOT", 5, "VerbForm=Part")]) == ["Macht"]
    week = [("jede", "DET", "det", 4, ""), ("Woche", "NOUN", "obl:tmod", 5, "Case=Acc")]
    assert objects([*head, *week, ("protestiert", "VERB", "ROOT", 5, "VerbForm=Part")]) == []
    # before the finite verb a bare noun may be the subject the parse mislabelled: never an object
    fronted = [("Ministerpräsident", "NOUN", "obl:tmod", 1, ""), ("lehnte", "VERB", "ROOT", 1, FINITE),
               ("Plan", "NOUN", "obj", 1, ""), ("ab", "ADP", "compound:prt", 1, "")]  # fmt: skip
    assert objects(fronted) == ["Plan"]
