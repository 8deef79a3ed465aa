"""Resolution passes one at a time, on hand-built Docs (no trained model): each pass's own decision.

Specifies: a capital stands for its state as a verb's argument, not after a locative preposition;
a pronoun refers to the one compatible person of the sentence before, and to nobody when there are
two; NER names cluster under the longest name they begin, as a returned value. The Docs use a
blank German vocabulary (lexical attributes, no pipeline); the parse is written out as the TIGER
models produce it.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.found import Found
from kg.extract.gazetteer_mentions import resolve_name, resolve_short
from kg.extract.ner_mentions import cluster_ner_others
from kg.extract.pronouns import resolve_pronoun
from kg.extract.resolve import Analyzer
from kg.gazetteer import lexicon

VOCAB = spacy.blank("de").vocab


def parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """One German sentence from ``(word, head index, TIGER label, POS)`` rows."""
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def sentences(*sents: list[tuple[str, str]]) -> Doc:
    """Unparsed sentences of ``(word, POS)`` pairs, with their sentence starts."""
    pairs = [p for s in sents for p in s]
    starts = [k == 0 for s in sents for k in range(len(s))]
    return Doc(VOCAB, words=[w for w, _ in pairs], pos=[p for _, p in pairs], sent_starts=starts)


def names_resolved(doc: Doc) -> Analyzer:
    """The document's analyzer after the gazetteer-name passes alone."""
    a = Analyzer(doc, lexicon("de"))
    for m in a.raw:
        if m.kind == "name":
            resolve_name(a, m)
        elif m.kind == "short":
            resolve_short(a, m, {})
    return a


def test_a_capital_as_the_subject_of_a_verb_is_its_state():
    doc = parsed(
        [
            ("Moskau", 1, "sb", "PROPN"),
            ("wies", 1, "ROOT", "VERB"),
            ("die", 3, "nk", "DET"),
            ("Vorwürfe", 1, "oa", "NOUN"),
            ("zurück", 1, "svp", "ADP"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    assert names_resolved(doc).found == [Found(0, 1, "country:RUS", "metonym", 0.9, None)]


def test_a_capital_after_a_locative_preposition_is_the_place():
    doc = parsed(
        [
            ("Er", 1, "sb", "PRON"),
            ("wohnt", 1, "ROOT", "VERB"),
            ("in", 1, "mo", "ADP"),
            ("Moskau", 2, "nk", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    assert names_resolved(doc).found == [Found(3, 4, "location:moscow", "gazetteer", 1.0, "Moskau")]


def pronoun_found(a: Analyzer) -> list[Found]:
    for m in a.raw:
        if m.kind == "pronoun":
            resolve_pronoun(a, m)
    return [f for f in a.found if f.via == "pronoun"]


def test_a_pronoun_refers_to_the_one_person_of_the_sentence_before():
    doc = sentences(
        [("Putin", "PROPN"), ("sprach", "VERB"), (".", "PUNCT")],
        [("Er", "PRON"), ("kam", "VERB"), (".", "PUNCT")],
    )
    assert pronoun_found(names_resolved(doc)) == [Found(3, 4, "person:vladimir-putin", "pronoun", 0.7, None)]


def test_a_pronoun_with_two_candidates_in_the_sentence_before_stays_unresolved():
    doc = sentences(
        [("Putin", "PROPN"), ("traf", "VERB"), ("Selenskij", "PROPN"), (".", "PUNCT")],
        [("Er", "PRON"), ("kam", "VERB"), (".", "PUNCT")],
    )
    assert pronoun_found(names_resolved(doc)) == []


def test_a_pronoun_looks_back_at_most_two_sentences():
    doc = sentences(
        [("Putin", "PROPN"), ("sprach", "VERB"), (".", "PUNCT")],
        [("Es", "PRON"), ("regnete", "VERB"), (".", "PUNCT")],
        [("Es", "PRON"), ("schneite", "VERB"), (".", "PUNCT")],
        [("Er", "PRON"), ("kam", "VERB"), (".", "PUNCT")],
    )
    assert pronoun_found(names_resolved(doc)) == []


def test_ner_names_cluster_under_the_longest_name_they_begin():
    words = ["Globex", "Corporation", "wuchs", ".", "Globex", "sprach", "."]
    doc = Doc(VOCAB, words=words, ents=["B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"])
    assert cluster_ner_others(Analyzer(doc, lexicon("de"))) == {4: "Globex Corporation"}
