"""Relation extraction: what a reader of each sentence would call the facts in it.

Two paths are specified here:

* the TIGER label scheme (the official German spaCy models), with hand-built
  ``Doc``s whose parse is exactly what those models produce for the sentence;
* the UD/ClearNLP scheme with the real pipelines (English ``en_core_web_sm``,
  the project's German UD model) on sentences written for these tests.

Entities are given as a hand-built :class:`MentionIndex`, so these tests
specify the relation stage alone.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.deps import detect_scheme, scheme_of_doc
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.pipeline import Extractor
from kg.extract.relations import affiliation_triples, extract_relations
from kg.model import Article, Concept, Entity

RUS = Entity("country:RUS", "Russia", "Country", country="RUS")
PRK = Entity("country:PRK", "North Korea", "Country", country="PRK")
UKR = Entity("country:UKR", "Ukraine", "Country", country="UKR")
DEU = Entity("country:DEU", "Germany", "Country", country="DEU")
IRN = Entity("country:IRN", "Iran", "Country", country="IRN")
AUSTIN = Entity("person:lloyd-austin", "Lloyd Austin", "Person", country="USA", role="defence minister")
AA = Entity("org:auswaertiges-amt", "Auswärtiges Amt", "Organization", country="DEU")
REUTERS = Entity("org:reuters", "Reuters", "Organization")


def tiger_doc(rows: list[tuple[str, str, int, str, str]], morph: dict[int, str] | None = None) -> Doc:
    """A parsed German Doc from ``(word, lemma, head index, TIGER label, POS)`` rows."""
    words = [r[0] for r in rows]
    doc = Doc(
        Vocab(),
        words=words,
        lemmas=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )
    for i, m in (morph or {}).items():
        doc[i].set_morph(m)
    return doc


def index(doc: Doc, *spans: tuple[int, int, Entity]) -> MentionIndex:
    return MentionIndex(Mention(s, e, ent, doc[s:e].text) for s, e, ent in spans)


def facts(triples) -> set[tuple]:
    """(subject, predicate, object key or concept text, polarity, hedged) of each triple."""
    out = set()
    for t in triples:
        obj = t.object.text if isinstance(t.object, Concept) else t.object.key
        out.add((t.subject.key, t.predicate, obj, t.polarity, t.hedged))
    return out


# -- TIGER (hand-built parses as de_core_news_* produce them) ---------------------------


def test_tiger_scheme_is_recognised_from_the_labels():
    doc = tiger_doc([("Russland", "Russland", 1, "sb", "PROPN"), ("dementiert", "dementieren", 1, "ROOT", "VERB")])
    assert scheme_of_doc(doc).name == "tiger"
    assert detect_scheme({"nsubj", "obj", "ccomp"}).name == "ud"


def test_tiger_subject_and_object_give_a_denial_of_the_object_phrase():
    doc = tiger_doc(
        [
            ("Russland", "Russland", 1, "sb", "PROPN"),
            ("dementiert", "dementieren", 1, "ROOT", "VERB"),
            ("die", "der", 3, "nk", "DET"),
            ("Berichte", "Bericht", 1, "oa", "NOUN"),
            (".", ".", 1, "punct", "PUNCT"),
        ]
    )
    triples = extract_relations(doc, index(doc, (0, 1, RUS)), "de", "a1")
    assert facts(triples) == {("country:RUS", "DENIES", "die Berichte", "positive", False)}
    t = triples[0]
    assert t.verb == "dementieren" and t.cameo == "016" and t.plover == "REJECT"
    assert (t.provenance.article_id, t.provenance.sentence, t.provenance.text) == ("a1", 0, doc[:].text)


def test_tiger_negation_under_an_auxiliary_makes_the_triple_negative():
    # "Russland hat die Berichte nicht dementiert": TIGER puts the auxiliary on top, the participle below it (oc).
    doc = tiger_doc(
        [
            ("Russland", "Russland", 1, "sb", "PROPN"),
            ("hat", "haben", 1, "ROOT", "AUX"),
            ("die", "der", 3, "nk", "DET"),
            ("Berichte", "Bericht", 5, "oa", "NOUN"),
            ("nicht", "nicht", 5, "ng", "PART"),
            ("dementiert", "dementieren", 1, "oc", "VERB"),
            (".", ".", 1, "punct", "PUNCT"),
        ]
    )
    assert facts(extract_relations(doc, index(doc, (0, 1, RUS)), "de", "a1")) == {
        ("country:RUS", "DENIES", "die Berichte", "negative", False)
    }


def test_tiger_separable_verb_and_coordinated_subjects_give_one_denial_each():
    # "Moskau und Pjöngjang wiesen die Berichte zurück": in TIGER the second conjunct hangs below "und" (cd -> cj).
    doc = tiger_doc(
        [
            ("Moskau", "Moskau", 3, "sb", "PROPN"),
            ("und", "und", 0, "cd", "CCONJ"),
            ("Pjöngjang", "Pjöngjang", 1, "cj", "PROPN"),
            ("wiesen", "weisen", 3, "ROOT", "VERB"),
            ("die", "der", 5, "nk", "DET"),
            ("Berichte", "Bericht", 3, "oa", "NOUN"),
            ("zurück", "zurück", 3, "svp", "ADP"),
            (".", ".", 3, "punct", "PUNCT"),
        ]
    )
    triples = extract_relations(doc, index(doc, (0, 1, RUS), (2, 3, PRK)), "de", "a1")
    assert facts(triples) == {
        ("country:RUS", "DENIES", "die Berichte", "positive", False),
        ("country:PRK", "DENIES", "die Berichte", "positive", False),
    }
    assert {t.verb for t in triples} == {"zurückweisen"}


def _dass_clause_doc() -> Doc:
    # "Austin sagte, dass Nordkorea keine Truppen nach Russland schicken könnte."
    return tiger_doc(
        [
            ("Austin", "Austin", 1, "sb", "PROPN"),  # 0
            ("sagte", "sagen", 1, "ROOT", "VERB"),  # 1
            (",", ",", 1, "punct", "PUNCT"),  # 2
            ("dass", "dass", 10, "cp", "SCONJ"),  # 3
            ("Nordkorea", "Nordkorea", 10, "sb", "PROPN"),  # 4
            ("keine", "kein", 6, "nk", "DET"),  # 5
            ("Truppen", "Truppe", 9, "oa", "NOUN"),  # 6
            ("nach", "nach", 9, "mo", "ADP"),  # 7
            ("Russland", "Russland", 7, "nk", "PROPN"),  # 8
            ("schicken", "schicken", 10, "oc", "VERB"),  # 9
            ("könnte", "können", 1, "oc", "AUX"),  # 10
            (".", ".", 1, "punct", "PUNCT"),  # 11
        ],
        morph={9: "VerbForm=Inf", 10: "Mood=Sub"},
    )


def test_tiger_dass_clause_is_the_concept_and_a_hypothetical_event_in_it_is_no_fact():
    doc = _dass_clause_doc()
    triples = extract_relations(doc, index(doc, (0, 1, AUSTIN), (4, 5, PRK), (8, 9, RUS)), "de", "a1")
    by_pred = {t.predicate: t for t in triples}
    # "könnte": a possible deployment is not an event, and North Korea's (not Austin's) negated act is no
    # denial by Austin: only the statement comes out.
    assert set(by_pred) == {"STATES"}

    states = by_pred["STATES"]
    assert states.subject == AUSTIN
    assert states.object.text == "Nordkorea keine Truppen nach Russland schicken könnte"  # no "dass"
    assert set(states.object.mentions) == {"country:PRK", "country:RUS"}
    # The statement itself is not negated ("keine" is inside the content) but is hedged ("könnte").
    assert (states.polarity, states.hedged, states.reported_by) == ("positive", True, None)


def test_tiger_negated_object_in_a_coordinated_content_clause_is_denied_by_the_speaker():
    # "Russland betonte, dass es Kapazitäten habe und keinerlei Unterstützung aus dem Ausland benötige."
    doc = tiger_doc(
        [
            ("Russland", "Russland", 1, "sb", "PROPN"),  # 0
            ("betonte", "betonen", 1, "ROOT", "VERB"),  # 1
            (",", ",", 1, "punct", "PUNCT"),  # 2
            ("dass", "dass", 6, "cp", "SCONJ"),  # 3
            ("es", "es", 6, "sb", "PRON"),  # 4
            ("Kapazitäten", "Kapazität", 6, "oa", "NOUN"),  # 5
            ("habe", "haben", 1, "oc", "VERB"),  # 6
            ("und", "und", 6, "cd", "CCONJ"),  # 7
            ("keinerlei", "keinerlei", 9, "nk", "DET"),  # 8
            ("Unterstützung", "Unterstützung", 14, "oa", "NOUN"),  # 9
            ("aus", "aus", 9, "mnr", "ADP"),  # 10
            ("dem", "der", 12, "nk", "DET"),  # 11
            ("Ausland", "Ausland", 10, "nk", "NOUN"),  # 12
            ("nicht", "nicht", 14, "ng", "PART"),  # 13 (a second negation changes nothing)
            ("benötige", "benötigen", 7, "cj", "VERB"),  # 14
            (".", ".", 1, "punct", "PUNCT"),  # 15
        ],
        morph={6: "Mood=Sub", 14: "Mood=Sub"},
    )
    got = facts(extract_relations(doc, index(doc, (0, 1, RUS)), "de", "a"))
    assert ("country:RUS", "DENIES", "Unterstützung aus dem Ausland", "positive", False) in got
    assert [f for f in got if f[1] == "STATES"] == [
        ("country:RUS", "STATES", "es Kapazitäten habe und keinerlei Unterstützung aus dem Ausland nicht benötige",
         "positive", False)
    ]  # fmt: skip
    assert len([f for f in got if f[1] == "DENIES"]) == 1  # "habe Kapazitäten" is not negated: nothing else denied


def test_tiger_passive_agent_is_the_subject_and_the_envoys_country_the_object():
    # "Der russische Botschafter wurde vom Auswärtigen Amt einbestellt."
    doc = tiger_doc(
        [
            ("Der", "der", 2, "nk", "DET"),
            ("russische", "russisch", 2, "nk", "ADJ"),
            ("Botschafter", "Botschafter", 3, "sb", "NOUN"),
            ("wurde", "werden", 3, "ROOT", "AUX"),
            ("vom", "von", 7, "sbp", "ADP"),
            ("Auswärtigen", "Auswärtig", 6, "nk", "ADJ"),
            ("Amt", "Amt", 4, "nk", "NOUN"),
            ("einbestellt", "einbestellen", 3, "oc", "VERB"),
            (".", ".", 3, "punct", "PUNCT"),
        ],
        morph={7: "VerbForm=Part"},
    )
    triples = extract_relations(doc, index(doc, (1, 2, RUS), (5, 7, AA)), "de", "a1")
    assert facts(triples) == {("org:auswaertiges-amt", "SUMMONS", "country:RUS", "positive", False)}
    assert (triples[0].cameo, triples[0].plover, triples[0].quad) == ("114", "ACCUSE", 3)


def test_tiger_laut_names_the_source_of_the_sentence():
    # "Laut Reuters liefert Iran Drohnen an Russland."
    doc = tiger_doc(
        [
            ("Laut", "laut", 2, "mo", "ADP"),
            ("Reuters", "Reuters", 0, "nk", "PROPN"),
            ("liefert", "liefern", 2, "ROOT", "VERB"),
            ("Iran", "Iran", 2, "sb", "PROPN"),
            ("Drohnen", "Drohne", 2, "oa", "NOUN"),
            ("an", "an", 2, "mo", "ADP"),
            ("Russland", "Russland", 5, "nk", "PROPN"),
            (".", ".", 2, "punct", "PUNCT"),
        ]
    )
    triples = extract_relations(doc, index(doc, (1, 2, REUTERS), (3, 4, IRN), (6, 7, RUS)), "de", "a1")
    by_pred = {t.predicate: t for t in triples}
    assert by_pred["REPORTS"].subject == REUTERS
    assert by_pred["REPORTS"].object.text == "liefert Iran Drohnen an Russland"
    weapons = by_pred["SUPPLIES_WEAPONS_TO"]
    assert (weapons.subject, weapons.object, weapons.reported_by) == (IRN, RUS, "org:reuters")


def test_tiger_zufolge_and_reportative_soll_make_a_hedged_reported_event():
    # "Reuters zufolge soll Iran Drohnen an Russland geliefert haben."
    doc = tiger_doc(
        [
            ("Reuters", "Reuters", 1, "nk", "PROPN"),  # 0
            ("zufolge", "zufolge", 2, "mo", "ADP"),  # 1
            ("soll", "sollen", 2, "ROOT", "AUX"),  # 2
            ("Iran", "Iran", 2, "sb", "PROPN"),  # 3
            ("Drohnen", "Drohne", 7, "oa", "NOUN"),  # 4
            ("an", "an", 7, "mo", "ADP"),  # 5
            ("Russland", "Russland", 5, "nk", "PROPN"),  # 6
            ("geliefert", "liefern", 8, "oc", "VERB"),  # 7
            ("haben", "haben", 2, "oc", "AUX"),  # 8
            (".", ".", 2, "punct", "PUNCT"),  # 9
        ],
        morph={7: "VerbForm=Part", 8: "VerbForm=Inf"},
    )
    triples = extract_relations(doc, index(doc, (0, 1, REUTERS), (3, 4, IRN), (6, 7, RUS)), "de", "a1")
    by_pred = {t.predicate: t for t in triples}
    assert by_pred["REPORTS"].subject == REUTERS
    assert by_pred["REPORTS"].object.text == "soll Iran Drohnen an Russland geliefert haben"
    weapons = by_pred["SUPPLIES_WEAPONS_TO"]
    assert (weapons.subject, weapons.object, weapons.hedged, weapons.reported_by) == (IRN, RUS, True, "org:reuters")
    assert weapons.verb == "liefern"


def test_no_vocabulary_verb_no_triple_and_odd_parses_do_not_raise():
    doc = tiger_doc([("Nordkorea", "Nordkorea", 1, "sb", "PROPN"), ("schweigt", "schweigen", 1, "ROOT", "VERB")])
    assert extract_relations(doc, index(doc, (0, 1, PRK)), "de", "a1") == []
    # A verb that is its own subject's head in a cycle-free but meaningless parse.
    doc = tiger_doc([("dementiert", "dementieren", 0, "ROOT", "VERB"), ("dementiert", "dementieren", 0, "oc", "VERB")])
    assert extract_relations(doc, index(doc), "de", "a1") == []


def test_affiliations_become_structural_triples_in_their_sentence():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Aff:
        member: Entity
        group: Entity
        role: str | None
        token: int

    doc = _dass_clause_doc()
    [t] = affiliation_triples([Aff(AUSTIN, Entity("org:pentagon", "Pentagon", "Organization"), None, 0)], doc, "a1")
    assert (t.predicate, t.subject, t.object.key, t.provenance.sentence, t.verb) == (
        "AFFILIATED_WITH",
        AUSTIN,
        "org:pentagon",
        0,
        "",
    )


def test_ud_reported_speech_in_the_subjunctive_without_complementizer():
    # "Iran sagte, Teheran liefere keine Waffen an Russland": a weak UD parse hangs the clause on as a conjunct;
    # the subjunctive (Konjunktiv I) marks it as the reported content.
    doc = tiger_doc(
        [
            ("Iran", "Iran", 1, "nsubj", "PROPN"),
            ("sagte", "sagen", 1, "ROOT", "VERB"),
            (",", ",", 4, "punct", "PUNCT"),
            ("Teheran", "Teheran", 4, "nsubj", "PROPN"),
            ("liefere", "liefern", 1, "conj", "VERB"),
            ("keine", "kein", 6, "det", "DET"),
            ("Waffen", "Waffe", 4, "obj", "NOUN"),
            ("an", "an", 8, "case", "ADP"),
            ("Russland", "Russland", 4, "obl", "PROPN"),
            (".", ".", 1, "punct", "PUNCT"),
        ],
        morph={4: "Mood=Sub|Number=Sing|Person=3|Tense=Pres"},
    )
    triples = extract_relations(doc, index(doc, (0, 1, IRN), (3, 4, IRN), (8, 9, RUS)), "de", "a1")
    by_pred = {t.predicate: t for t in triples}
    assert by_pred["STATES"].object.text == "Teheran liefere keine Waffen an Russland"
    weapons = by_pred["SUPPLIES_WEAPONS_TO"]
    assert (weapons.subject, weapons.object, weapons.polarity) == (IRN, RUS, "negative")


def _free_relative_report(pronoun_type: str) -> Doc:
    """ "Iran erklärte, wer Drohnen kaufe, sei kein Feind": the reported clause's subject is a free relative,
    and the parse hangs the clause's parts loosely on the speech verb."""
    return tiger_doc(
        [
            ("Iran", "Iran", 1, "nsubj", "PROPN"),
            ("erklärte", "erklären", 1, "ROOT", "VERB"),
            (",", ",", 5, "punct", "PUNCT"),
            ("wer", "wer", 5, "nsubj", "PRON"),
            ("Drohnen", "Drohne", 5, "obj", "NOUN"),
            ("kaufe", "kaufen", 1, "acl", "VERB"),
            (",", ",", 9, "punct", "PUNCT"),
            ("sei", "sein", 9, "cop", "AUX"),
            ("kein", "kein", 9, "det", "DET"),
            ("Feind", "Feind", 1, "dep", "NOUN"),
            (".", ".", 1, "punct", "PUNCT"),
        ],
        morph={3: f"PronType={pronoun_type}", 7: "Mood=Sub|Number=Sing|Person=3|Tense=Pres"},
    )


def test_a_report_whose_subject_is_a_free_relative_is_what_was_said():
    doc = _free_relative_report("Int,Rel")
    triples = extract_relations(doc, index(doc, (0, 1, IRN)), "de", "a1")
    assert {(t.predicate, t.object.text) for t in triples} == {("STATES", "wer Drohnen kaufe , sei kein Feind")}


def test_a_relative_pronoun_that_needs_a_noun_still_opens_no_report():
    # ("der", "dem" as relatives refer back to a noun: "warnte vor einem Krieg, bei dem es nur Verlierer gebe")
    doc = _free_relative_report("Dem,Rel")
    assert extract_relations(doc, index(doc, (0, 1, IRN)), "de", "a1") == []


# -- UD / ClearNLP with the real pipelines ------------------------------------------------


def ner_index(doc: Doc, keys: dict[str, Entity]) -> MentionIndex:
    """Mentions for the given surface strings (the entity stage's job, done by hand here)."""
    out = []
    for text, ent in keys.items():
        words = text.split()
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i : i + len(words)]] == words:
                out.append(Mention(i, i + len(words), ent, text))
    return MentionIndex(out)


@pytest.mark.model
def test_english_denial_with_a_that_clause_and_a_reported_negative_event(nlp_en):
    doc = nlp_en("Russia denied that North Korea had sent troops to Ukraine.")
    triples = extract_relations(doc, ner_index(doc, {"Russia": RUS, "North Korea": PRK, "Ukraine": UKR}), "en", "a")
    by_pred = {t.predicate: t for t in triples}
    assert by_pred["DENIES"].subject == RUS
    assert by_pred["DENIES"].object.text == "North Korea had sent troops to Ukraine"
    assert "DEPLOYS" not in by_pred  # what is denied is not stored as an event, positive or negative


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("Moscow said it did not need any military help from abroad.", "military help from abroad"),
        ("Russia said it had not sent weapons to Ukraine.", "weapons to Ukraine"),
    ],
)
def test_english_negated_own_involvement_in_a_statement_is_also_a_denial(nlp_en, sentence, denied):
    doc = nlp_en(sentence)
    keys = {"Moscow": RUS, "Kremlin": RUS, "Russia": RUS, "North Korea": PRK, "Ukraine": UKR}
    triples = extract_relations(doc, ner_index(doc, keys), "en", "a")
    denials = [t for t in triples if t.predicate == "DENIES"]
    assert [(t.subject, t.object.text, t.polarity, t.reported_by) for t in denials] == [(RUS, denied, "positive", None)]
    states = next(t for t in triples if t.predicate == "STATES")  # the statement itself stays
    assert denials[0].verb == states.verb and denials[0].confidence < states.confidence


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin insisted that no North Korean soldiers were in Russia.",  # someone else's negated act
        "Russia said that North Korea did not attack Ukraine.",
        "Russia said it would not send weapons to Ukraine.",  # an intention, not a denial
        "The ministry said no one was injured.",
    ],
)
def test_a_negated_content_that_is_not_the_speakers_own_realis_act_is_no_denial(nlp_en, sentence):
    keys = {"Kremlin": RUS, "Russia": RUS, "North Korea": PRK, "Ukraine": UKR}
    doc = nlp_en(sentence)
    assert not [t for t in extract_relations(doc, ner_index(doc, keys), "en", "a") if t.predicate == "DENIES"]


@pytest.mark.model
def test_only_a_negated_assertion_is_a_denial(nlp_en):
    keys = {"Russia": RUS, "Ukraine": UKR, "Austin": AUSTIN}
    for sentence in (
        "Russia said it needed military help from abroad.",  # nothing negated
        "Russia did not say that it needed help.",  # the statement is negated, not its content
        "Austin accused Russia of not protecting civilians.",  # an accusation's content is not the speaker's claim
        "Russia denied that it had no troops in Ukraine.",  # a denial of a negation is no second denial
        "Russia said that a not insignificant number of soldiers had arrived.",  # negated attribute, not clause
    ):
        doc = nlp_en(sentence)
        got = [t for t in extract_relations(doc, ner_index(doc, keys), "en", "a") if t.predicate == "DENIES"]
        assert len(got) <= (1 if "denied" in sentence else 0), sentence


def test_tiger_quotation_in_the_sentence_after_the_quoting_frame_is_what_the_quoted_person_said():
    # "Reuters zitierte Austin mit den Worten:" | "„Das ist eine gravierende Angelegenheit.“" (two sentences)
    rows = [
        ("Reuters", "Reuters", 1, "sb", "PROPN"),  # 0
        ("zitierte", "zitieren", 1, "ROOT", "VERB"),  # 1
        ("Austin", "Austin", 1, "oa", "PROPN"),  # 2
        ("mit", "mit", 1, "mo", "ADP"),  # 3
        ("den", "der", 5, "nk", "DET"),  # 4
        ("Worten", "Wort", 3, "nk", "NOUN"),  # 5
        (":", ":", 1, "punct", "PUNCT"),  # 6
        ("„", "„", 9, "punct", "PUNCT"),  # 7
        ("Das", "der", 9, "sb", "PRON"),  # 8
        ("ist", "sein", 9, "ROOT", "AUX"),  # 9
        ("eine", "ein", 12, "nk", "DET"),  # 10
        ("gravierende", "gravierend", 12, "nk", "ADJ"),  # 11
        ("Angelegenheit", "Angelegenheit", 9, "pd", "NOUN"),  # 12
        (".", ".", 9, "punct", "PUNCT"),  # 13
        ("“", "“", 9, "punct", "PUNCT"),  # 14
    ]
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        spaces=[True, True, True, True, True, False, True, False, True, True, True, True, False, False, False],
    )
    assert len(list(doc.sents)) == 2
    triples = extract_relations(doc, index(doc, (0, 1, REUTERS), (2, 3, AUSTIN)), "de", "a")
    got = {
        (t.subject.key, t.predicate, t.object.key if isinstance(t.object, Entity) else t.object.text) for t in triples
    }
    assert got == {
        ("org:reuters", "QUOTES", "person:lloyd-austin"),
        ("person:lloyd-austin", "STATES", "Das ist eine gravierende Angelegenheit."),
    }
    said = next(t for t in triples if t.predicate == "STATES")
    assert (said.reported_by, said.verb, said.provenance.sentence) == ("org:reuters", "zitieren", 1)


def test_an_unclosed_quote_or_a_colon_without_a_quote_gives_no_quotation():
    rows = [
        ("Reuters", "Reuters", 1, "sb", "PROPN"),
        ("zitierte", "zitieren", 1, "ROOT", "VERB"),
        ("Austin", "Austin", 1, "oa", "PROPN"),
        (":", ":", 1, "punct", "PUNCT"),
        ("„", "„", 5, "punct", "PUNCT"),
        ("Gut", "gut", 5, "ROOT", "ADJ"),
        (".", ".", 5, "punct", "PUNCT"),
    ]
    for words in (rows, [*rows[:4], ("Gut", "gut", 4, "ROOT", "ADJ"), (".", ".", 4, "punct", "PUNCT")]):
        doc = Doc(
            Vocab(),
            words=[r[0] for r in words],
            lemmas=[r[1] for r in words],
            heads=[r[2] for r in words],
            deps=[r[3] for r in words],
            pos=[r[4] for r in words],
        )
        triples = extract_relations(doc, index(doc, (0, 1, REUTERS), (2, 3, AUSTIN)), "de", "a")
        assert [t.predicate for t in triples] == ["QUOTES"]


@pytest.mark.model
def test_english_quote_running_past_the_sentence_of_told_reuters(nlp_en):
    doc = nlp_en("Lloyd Austin spoke in Rome. He told Reuters: “We will watch this closely. It is a serious matter.”")
    keys = {"Lloyd Austin": AUSTIN, "He": AUSTIN, "Reuters": REUTERS}
    said = [t for t in extract_relations(doc, ner_index(doc, keys), "en", "a") if isinstance(t.object, Concept)]
    assert [(t.subject, t.predicate, t.object.text, t.reported_by) for t in said] == [
        (AUSTIN, "STATES", "We will watch this closely. It is a serious matter.", "org:reuters")
    ]


@pytest.mark.model
def test_english_quote_after_quoted_as_saying_is_read_once(nlp_en):
    doc = nlp_en("Reuters quoted Lloyd Austin as saying:\n“We will watch this closely.” He then left Rome.")
    keys = {"Lloyd Austin": AUSTIN, "Reuters": REUTERS}
    said = [t for t in extract_relations(doc, ner_index(doc, keys), "en", "a") if t.predicate == "STATES"]
    assert len(said) == 1 and said[0].subject == AUSTIN and said[0].reported_by == "org:reuters"
    assert "We will watch this closely" in said[0].object.text


@pytest.mark.model
def test_a_quote_running_on_past_the_frame_replaces_the_part_the_parse_read_as_content(nlp_en):
    doc = nlp_en("Reuters quoted Lloyd Austin as saying: “We will watch this closely. It is a serious matter.”")
    keys = {"Lloyd Austin": AUSTIN, "Reuters": REUTERS}
    said = [t for t in extract_relations(doc, ner_index(doc, keys), "en", "a") if t.predicate == "STATES"]
    assert [(t.subject, t.object.text, t.reported_by) for t in said] == [
        (AUSTIN, "We will watch this closely. It is a serious matter.", "org:reuters")
    ]


@pytest.mark.model
def test_english_hedge_in_the_clause_marks_statement_and_content_hedged(nlp_en):
    doc = nlp_en("Lloyd Austin said that Pyongyang might send soldiers to Russia.")
    triples = extract_relations(
        doc, ner_index(doc, {"Lloyd Austin": AUSTIN, "Pyongyang": PRK, "Russia": RUS}), "en", "a"
    )
    assert ("person:lloyd-austin", "STATES", "Pyongyang might send soldiers to Russia", "positive", True) in facts(
        triples
    )
    # "might send": a possible deployment is not an event; "may have sent" is a hedged claim that one happened.
    assert not [t for t in triples if t.predicate == "DEPLOYS"]
    doc = nlp_en("Lloyd Austin said that Pyongyang may have sent soldiers to Russia.")
    triples = extract_relations(
        doc, ner_index(doc, {"Lloyd Austin": AUSTIN, "Pyongyang": PRK, "Russia": RUS}), "en", "a"
    )
    assert ("country:PRK", "DEPLOYS", "country:RUS", "positive", True) in facts(triples)


@pytest.mark.model
def test_english_coordination_passive_and_according_to(nlp_en):
    # Rejecting an accusation disputes a claim: a denial; rejecting a demand refuses it.
    doc = nlp_en("Moscow and Pyongyang rejected the accusations.")
    assert {
        (t.subject.key, t.predicate)
        for t in extract_relations(doc, ner_index(doc, {"Moscow": RUS, "Pyongyang": PRK}), "en", "a")
    } == {("country:RUS", "DENIES"), ("country:PRK", "DENIES")}
    doc = nlp_en("Moscow and Pyongyang rejected the demands.")
    assert {
        (t.subject.key, t.predicate)
        for t in extract_relations(doc, ner_index(doc, {"Moscow": RUS, "Pyongyang": PRK}), "en", "a")
    } == {("country:RUS", "REJECTS"), ("country:PRK", "REJECTS")}

    doc = nlp_en("The Russian ambassador was summoned by Germany.")
    assert facts(extract_relations(doc, ner_index(doc, {"Russian": RUS, "Germany": DEU}), "en", "a")) == {
        ("country:DEU", "SUMMONS", "country:RUS", "positive", False)
    }

    doc = nlp_en("According to Reuters, Iran supplied drones to Russia.")
    got = facts(extract_relations(doc, ner_index(doc, {"Reuters": REUTERS, "Iran": IRN, "Russia": RUS}), "en", "a"))
    assert ("org:reuters", "REPORTS", "Iran supplied drones to Russia", "positive", False) in got
    assert ("country:IRN", "SUPPLIES_WEAPONS_TO", "country:RUS", "positive", False) in got


@pytest.mark.model
def test_english_quote_frame_and_negated_event(nlp_en):
    doc = nlp_en("Reuters quoted Austin as saying that North Korea did not attack Ukraine.")
    got = facts(
        extract_relations(
            doc, ner_index(doc, {"Reuters": REUTERS, "Austin": AUSTIN, "North Korea": PRK, "Ukraine": UKR}), "en", "a"
        )
    )
    assert ("org:reuters", "QUOTES", "person:lloyd-austin", "positive", False) in got
    assert ("country:PRK", "ATTACKS", "country:UKR", "negative", False) in got
    triples = extract_relations(
        doc, ner_index(doc, {"Reuters": REUTERS, "Austin": AUSTIN, "North Korea": PRK, "Ukraine": UKR}), "en", "a"
    )
    by_pred = {t.predicate: t for t in triples}
    # Austin's statement reaches us through Reuters; its content is Austin's.
    assert (by_pred["STATES"].subject, by_pred["STATES"].reported_by) == (AUSTIN, "org:reuters")
    assert by_pred["ATTACKS"].reported_by == "person:lloyd-austin"


@pytest.mark.model
def test_a_warning_of_something_has_the_prepositional_phrase_as_content(nlp_en):
    doc = nlp_en("Russia warned of a dangerous escalation.")
    assert facts(extract_relations(doc, ner_index(doc, {"Russia": RUS}), "en", "a")) == {
        ("country:RUS", "WARNS", "a dangerous escalation", "positive", False)
    }
    doc = nlp_en("Lloyd Austin warned against North Korea.")
    got = facts(extract_relations(doc, ner_index(doc, {"Lloyd Austin": AUSTIN, "North Korea": PRK}), "en", "a"))
    assert got == {("person:lloyd-austin", "WARNS", "country:PRK", "positive", False)}


@pytest.mark.model
def test_coordinated_subjects_of_a_reciprocal_event_act_on_each_other(nlp_en):
    doc = nlp_en("Putin and Kim did not meet in Pyongyang.")
    putin = Entity("person:vladimir-putin", "Vladimir Putin", "Person", country="RUS")
    kim = Entity("person:kim-jong-un", "Kim Jong Un", "Person", country="PRK")
    assert facts(extract_relations(doc, ner_index(doc, {"Putin": putin, "Kim": kim}), "en", "a")) == {
        ("person:vladimir-putin", "MEETS", "person:kim-jong-un", "negative", False),
        ("person:kim-jong-un", "MEETS", "person:vladimir-putin", "negative", False),
    }


@pytest.mark.model
def test_german_ud_separable_verb_and_misattached_object(nlp_de):
    doc = nlp_de("Russland wies die Vorwürfe zurück.")
    got = extract_relations(doc, ner_index(doc, {"Russland": RUS}), "de", "a")
    assert {(t.subject.key, t.predicate, t.verb) for t in got} == {("country:RUS", "DENIES", "zurückweisen")}


# -- robustness ---------------------------------------------------------------------------

WORDS = [
    "Russland",
    "Nordkorea",
    "sagte",
    "dass",
    "nicht",
    "könnte",
    "laut",
    "zufolge",
    "wies",
    "zurück",
    "Truppen",
    "nach",
    "und",
    "den",
    "Botschafter",
    "wurde",
    "einbestellt",
    "mit",
    "den",
    "Worten",
    ",",
    ".",
    "es",
    "keine",
]
POS = ["PROPN", "VERB", "AUX", "NOUN", "ADP", "DET", "PART", "SCONJ", "CCONJ", "PUNCT", "ADJ", "PRON"]
LABELS = {
    "tiger": ["sb", "oa", "da", "oc", "mo", "ng", "nk", "cj", "cd", "svp", "cp", "sbp", "app", "pnc", "punct", "rc"],
    "ud": ["nsubj", "obj", "iobj", "ccomp", "xcomp", "obl", "advmod", "conj", "cc", "compound:prt", "mark",
           "nsubj:pass", "aux:pass", "aux", "appos", "flat", "case", "det", "punct", "acl:relcl", "prep", "pobj"],
}  # fmt: skip


def test_arbitrary_parses_never_raise_and_give_well_formed_triples(caplog):
    """Random trees over the words and labels the rules look at: no exception, only whitelisted predicates."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.predicates import is_known

    @st.composite
    def docs(draw):
        scheme = draw(st.sampled_from(sorted(LABELS)))
        n = draw(st.integers(1, 14))
        rows = []
        for i in range(n):
            word = draw(st.sampled_from(WORDS))
            head = 0 if i == 0 else draw(st.integers(0, i - 1))
            dep = "ROOT" if i == 0 else draw(st.sampled_from(LABELS[scheme]))
            rows.append((word, word.lower(), head, dep, draw(st.sampled_from(POS))))
        spans = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 3)), max_size=4))
        return rows, [(s, min(n, s + k)) for s, k in spans]

    @settings(max_examples=300, deadline=None)
    @given(docs())
    def check(case):
        rows, spans = case
        doc = tiger_doc(rows)
        ents = [RUS, PRK, AUSTIN, REUTERS]
        mentions = index(doc, *[(s, e, ents[k % len(ents)]) for k, (s, e) in enumerate(spans)])
        for t in extract_relations(doc, mentions, "de", "fuzz"):
            assert is_known(t.predicate)
            assert t.subject.key != t.object.key
            assert 0.0 < t.confidence <= 1.0

    with caplog.at_level("ERROR", logger="kg.extract.relations"):
        check()
    assert not caplog.records, caplog.records[0].getMessage()


def test_an_unparsed_doc_gives_no_triples():
    doc = Doc(Vocab(), words=["Russland", "dementiert", "die", "Berichte"])
    assert extract_relations(doc, index(doc, (0, 1, RUS)), "de", "a1") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a demonym of the cue's own noun is the source
        ("Laut türkischen Angaben wurden bei dem Anschlag mindestens neun Soldaten getötet.", "country:TUR"),
        # a demonym of another noun in the source's phrase only says whose the unknown source is
        ("Nach Angaben des Verbandes türkischer Ärzte wurden bei dem Anschlag mindestens neun Soldaten getötet.", None),
    ],
)
def test_a_demonym_is_the_source_of_an_attribution_only_as_the_cues_own(nlp_de, text, source):
    triples = Extractor().extract_one(Article.create(text, id="a", lang="de")).triples
    assert [t.subject.key for t in triples if t.predicate == "REPORTS"] == ([source] if source else [])


@pytest.mark.model
def test_a_non_restrictive_relative_clause_in_denied_content_is_the_writers_fact(nlp_en):
    # ", which had shelled the town": what the writer says about the troops, not part of what Moscow denied
    text = "Russia denied that its soldiers, who had shelled the town of Vovchansk, were still in the area."
    triples = Extractor().extract_one(Article.create(text, id="a", lang="en")).triples
    attacks = [t for t in triples if t.predicate == "ATTACKS"]
    assert attacks and all(t.reported_by is None and t.polarity == "positive" for t in attacks), attacks
    # a restrictive one is the denied content's own
    text = "Russia denied that soldiers who had shelled the town of Vovchansk were still in the area."
    assert not [t for t in Extractor().extract_one(Article.create(text, id="b", lang="en")).triples
                if t.predicate == "ATTACKS" and t.reported_by is None]  # fmt: skip


@pytest.mark.model
def test_a_dative_pronoun_of_an_accusation_is_the_accused_named_before(nlp_de):
    # "warf ihm vor": the one person before "ihm" in its sentence is the accuser (the subject), so the pronoun is the
    # person of the sentence before; a dative pronoun is a target like a dative name
    text = "Friedrich Merz trat zurück. Sahra Wagenknecht warf ihm vor, das Land gespalten zu haben."
    triples = Extractor().extract_one(Article.create(text, id="a", lang="de")).triples
    accused = [t.object for t in triples if t.predicate == "ACCUSES"]
    assert [getattr(o, "key", None) for o in accused] == ["person:friedrich-merz"], accused
