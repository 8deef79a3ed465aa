"""The syntax helpers on their own, without a reader: each answers its question from the sentence's parse.

Specifies, on hand-built TIGER parses: of two subject labels the phrase before the verb is the
subject and the one after it an object; a passive verb's logical subject is its "von" phrase and
its grammatical subject an object; a negative determiner on the object negates the verb; a
coordinated list refers to every state in it.
"""

from __future__ import annotations

from kg.extract.cues import cues_for
from kg.extract.deps import scheme_of_doc
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.phrase_entities import PhraseEntities
from kg.extract.polarity import Polarity
from kg.extract.syntax import SentenceSyntax
from kg.extract.verb_arguments import VerbArguments
from kg.model import Entity
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
