"""Raw mentions (kg.extract.entities) on the real German and English pipelines.

What is specified here: the gazetteer finds known actors whatever the NER
says, fixes the weak German NER's labels, splits hyphenated compounds, finds
inflected forms, and never raises on odd documents.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.extract.entities import find_mentions
from kg.extract.pipeline import Extractor
from kg.extract.resolve import analyze_entities
from kg.lang import get_language
from kg.model import Article

pytestmark = pytest.mark.model


def _raw(nlp, lang, text):
    doc = nlp(text)
    return doc, find_mentions(doc, lang)


def _entity_of(nlp, lang, text, word):
    """The entity key of the mention covering the first token ``word``, or None."""
    doc = nlp(text)
    analysis = analyze_entities(doc, get_language(lang))
    for tok in doc:
        if tok.text == word:
            m = analysis.index.at(tok.i)
            return m.entity if m is not None else None
    raise AssertionError(f"{word!r} not a token of {text!r}")


def test_gazetteer_fixes_german_ner_labels(nlp_de):
    # The German pipeline labels "Reuters" PER and "Ukraine" ORG; kg knows better.
    text = "Reuters berichtete, die Ukraine habe den Angriff abgewehrt."
    reuters = _entity_of(nlp_de, "de", text, "Reuters")
    ukraine = _entity_of(nlp_de, "de", text, "Ukraine")
    assert (reuters.key, reuters.type) == ("org:reuters", "Organization")
    assert (ukraine.key, ukraine.type) == ("country:UKR", "Country")


@pytest.mark.parametrize(
    ("text", "word", "key"),
    [
        ("Die Beteiligung Nordkoreas wäre ein Problem.", "Nordkoreas", "country:PRK"),
        ("Das liegt im Interesse Russlands.", "Russlands", "country:RUS"),
        ("Die Haltung des Irans ist unklar.", "Irans", "country:IRN"),
        ("Die Sprecherin des Pentagons schwieg.", "Pentagons", "org:us-department-of-defense"),
        ("Putins Sprecher widersprach.", "Putins", "person:vladimir-putin"),
    ],
)
def test_german_genitive_forms(nlp_de, text, word, key):
    assert _entity_of(nlp_de, "de", text, word).key == key


def test_hyphenated_compound_names_state_and_role(nlp_de):
    doc, raw = _raw(nlp_de, "de", "Der US-Verteidigungsminister sprach lange.")
    compound = [m for m in raw if m.kind == "compound"]
    assert len(compound) == 1
    assert doc[compound[0].start].text == "US-Verteidigungsminister"
    assert compound[0].value == "country:USA"
    assert compound[0].role == "defence minister"


def test_closed_german_compound_of_seat_and_role(nlp_de):
    doc, raw = _raw(nlp_de, "de", "Pentagonsprecher John Kirby widersprach. Die Russlandreise war kurz.")
    compounds = [(doc[m.start].text, m.value, m.role) for m in raw if m.kind == "compound"]
    assert compounds == [("Pentagonsprecher", "org:us-department-of-defense", "spokesperson")]
    analysis = analyze_entities(doc, get_language("de"))
    kirby = next(e for e in analysis.entities if e.key == "person:john-kirby")
    assert (kirby.role, kirby.country) == ("spokesperson", "USA")


def test_compound_with_a_state_involves_the_state(nlp_de):
    m_entity = _entity_of(nlp_de, "de", "Der Ukraine-Konflikt dauert an.", "Ukraine-Konflikt")
    assert m_entity.key == "country:UKR"


@pytest.mark.parametrize(
    ("lang", "text", "word", "key"),
    [
        ("de", "Das meldete die Nachrichtenagentur dpa am Abend.", "dpa", "org:deutsche-presse-agentur"),
        ("de", "Die Agentur Tass zitierte einen Beamten.", "Tass", "org:tass"),
        ("de", "Laut AFP gab es keine Opfer.", "AFP", "org:agence-france-presse"),
        ("en", "The Associated Press (AP) reported the attack.", "AP", "org:associated-press"),
        ("en", "Yonhap said the launch failed.", "Yonhap", "org:yonhap"),
        ("en", "KCNA said the test succeeded.", "KCNA", "org:kcna"),
        ("en", "The report appeared in The Wall Street Journal.", "Wall", "org:the-wall-street-journal"),
        ("en", "Bloomberg reported that talks stalled.", "Bloomberg", "org:bloomberg"),
    ],
)
def test_news_organisations(request, lang, text, word, key):
    nlp = request.getfixturevalue(f"nlp_{lang}")
    assert _entity_of(nlp, lang, text, word).key == key


def test_ner_only_entities_get_types_from_labels(nlp_en):
    doc = nlp_en("Maria Fernandez, who works for the Globex Corporation, visited Springfield on Monday.")
    analysis = analyze_entities(doc, get_language("en"))
    by_key = {e.key: e for e in analysis.entities}
    assert by_key["person:maria-fernandez"].type == "Person"
    assert by_key["org:globex-corporation"].type == "Organization"
    assert by_key["location:springfield"].type == "Location"
    assert not any(k.startswith("date") for k in by_key)  # DATE is not an entity for kg


def test_a_longer_form_can_block_a_demonym(nlp_en):
    doc = nlp_en("Latin American leaders met American officials.")
    analysis = analyze_entities(doc, get_language("en"))
    assert [(m.text, m.entity.key) for m in analysis.index] == [("American officials", "group:USA-GOV")]


def test_acronyms_do_not_match_ordinary_words(nlp_en):
    doc = nlp_en("Let us hope who ever comes will help us.")
    analysis = analyze_entities(doc, get_language("en"))
    assert analysis.entities == ()


def test_longer_ner_person_keeps_a_country_inside_it(nlp_en):
    entity = _entity_of(nlp_en, "en", "Michael Jordan visited the stadium.", "Michael")
    assert entity is not None
    assert entity.type == "Person"


def test_a_known_family_name_as_another_persons_first_name_is_that_person(nlp_en):
    # "Abbas" alone is Mahmoud Abbas; "Abbas Mousavi" is someone else.
    entity = _entity_of(nlp_en, "en", "Abbas Mousavi, a spokesman, rejected the claims on Monday.", "Abbas")
    assert entity is not None and entity.key == "person:abbas-mousavi"


@pytest.mark.parametrize(
    ("text", "key", "country"),
    [
        ("Ethiopian Airlines cancelled its flights to Juba on Friday.", "org:ethiopian-airlines", "ETH"),
        ("The Sudanese Professionals Association called a general strike.",
         "org:sudanese-professionals-association", "SDN"),
        # the rest an actor noun: the state's ministry, read from the demonym and the noun
        ("The Kazakh Foreign Ministry summoned the ambassador.", "org:kazakh-foreign-ministry", "KAZ"),
    ],
)
def test_a_demonym_opening_an_organisations_name_is_part_of_the_name(nlp_en, text, key, country):
    word = text.split()[0] if text.split()[0] != "The" else text.split()[1]
    entity = _entity_of(nlp_en, "en", text, word)
    assert entity is not None and (entity.key, entity.country) == (key, country)


def test_ner_person_of_a_common_noun_and_a_state_is_the_state(nlp_de):
    # Weak NER makes "Nachbarländer Mali" one PER span; a common noun is no first name.
    words = ["Die", "Nachbarländer", "Mali", "und", "Niger", "protestierten", "."]
    doc = Doc(nlp_de.vocab, words=words, tags=["ART", "NN", "NE", "KON", "NE", "VVFIN", "$."])
    doc.ents = [doc.char_span(doc[1].idx, doc[2].idx + len("Mali"), label="PER")]
    analysis = analyze_entities(doc, get_language("de"))
    assert analysis.index.at(2).entity.key == "country:MLI"
    assert analysis.index.at(1) is None


def test_ner_person_of_a_state_and_a_sector_noun_is_the_states_sector(nlp_de):
    # Weak NER makes "Irans Staatsmedien" one PER span: capitalised as German nouns are, but no family name.
    words = ["Wie", "Irans", "Staatsmedien", "berichteten", ",", "wurde", "ein", "Satellit", "gestartet", "."]
    tags = ["PWAV", "NE", "NN", "VVFIN", "$,", "VAFIN", "ART", "NN", "VVPP", "$."]
    doc = Doc(nlp_de.vocab, words=words, tags=tags)
    doc.ents = [doc.char_span(doc[1].idx, doc[2].idx + len("Staatsmedien"), label="PER")]
    analysis = analyze_entities(doc, get_language("de"))
    assert [m.entity.key for m in analysis.index.mentions] == ["group:IRN-MED"]


def test_ner_span_over_a_known_name_and_a_country_does_not_win(nlp_de):
    # Weak NER joins "Putin Vietnam" into one PER span; the gazetteer knows both parts.
    doc = Doc(nlp_de.vocab, words=["Anschließend", "besuchte", "Putin", "Vietnam", "."])
    doc.ents = [doc.char_span(doc[2].idx, doc[3].idx + len("Vietnam"), label="PER")]
    analysis = analyze_entities(doc, get_language("de"))
    assert analysis.index.at(2).entity.key == "person:vladimir-putin"
    assert analysis.index.at(3).entity.key == "country:VNM"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_odd_documents_do_not_raise(request, lang):
    nlp = request.getfixturevalue(f"nlp_{lang}")
    language = get_language(lang)
    for text in ("", " ", "\n\n", "...", "– – –", "1234 5678", "Moskau"):
        analysis = analyze_entities(nlp(text), language)
        assert len(analysis.index) <= len(nlp(text))
    # A document without any annotation (no tagger, parser, NER or sentences).
    blank = spacy.blank(lang)
    doc = blank("Moskau und Washington und Moscow and Kremlin said he was there .")
    analysis = analyze_entities(doc, language)
    assert all(m.entity.type in ("Location", "Country") for m in analysis.index)
    # A document built by hand on the pipeline's vocab, with no parse.
    doc = Doc(nlp.vocab, words=["Putin", "Selenskij", "Zelensky", "er", "he"])
    analyze_entities(doc, language)


def test_a_first_name_the_tagger_took_for_a_noun_after_a_title_is_part_of_the_name(nlp_de):
    # "Getachew" is tagged NOUN: between a title and a name it is still the first name.
    text = "TPLF-Sprecher Getachew Reda sagte am Mittwoch, man sei zufrieden. Reda sagte, man habe verhandelt."
    assert _entity_of(nlp_de, "de", text, "Reda").key == "person:getachew-reda"


@pytest.mark.model
def test_a_name_after_a_title_is_a_person_even_when_the_tagger_calls_its_family_name_a_noun():
    from kg.extract.pipeline import Extractor
    from kg.model import Article

    text = "Die spanische Polizei hat den früheren Regionalpräsidenten Carles Puigdemont festgenommen."
    entities = {e.key: e.type for e in Extractor().extract_one(Article.create(text, id="p", lang="de")).entities}
    assert entities.get("person:carles-puigdemont") == "Person", entities


@pytest.mark.model
def test_a_given_name_the_ner_calls_an_organisation_is_the_one_person_who_goes_by_it():
    from kg.extract.pipeline import Extractor
    from kg.model import Article

    text = (
        "Prince Hamzah bin Hussein, the king's half-brother, was placed under house arrest in Amman. "
        "Hamzah denied any wrongdoing."
    )
    ex = Extractor().extract_one(Article.create(text, id="p", lang="en"))
    assert "org:hamzah" not in {e.key for e in ex.entities}
    assert ("person:hamzah-bin-hussein", "DENIES") in {(t.subject.key, t.predicate) for t in ex.triples}


def _entity_with_label(nlp, text: str, name: str, label: str, word: str):
    """The entity of ``word`` when the NER labels the words ``name`` as ``label`` (a weak NER's call, set by hand)."""
    doc = nlp(text)
    words = name.split()
    start = next(i for i in range(len(doc)) if [t.text for t in doc[i : i + len(words)]] == words)
    doc.ents = [Span(doc, start, start + len(words), label=label)]
    analysis = analyze_entities(doc, get_language("en"))
    m = analysis.index.at(next(t.i for t in doc if t.text == word))
    return m.entity if m is not None else None


def test_a_name_described_as_a_person_is_a_person_whatever_the_ner_says(nlp_en):
    # a weak NER labels an unknown name an organisation; its apposition says who it is
    text = "Officers in Nukus detained Arslan Berdimuradov, a lawyer and blogger who had organised the rally."
    assert _entity_with_label(nlp_en, text, "Arslan Berdimuradov", "ORG", "Berdimuradov").type == "Person"
    # an organisation described as one stays one
    text = "The ruling was welcomed by the Globex Corporation, a mining company."
    assert _entity_of(nlp_en, "en", text, "Globex").type == "Organization"


@pytest.mark.model
def test_a_name_a_demonym_opens_is_an_organisation_whatever_the_ner_says(nlp_en):
    # "[Estonian Railways]PERSON": a person's name does not open with a demonym
    entity = _entity_of(nlp_en, "en", "Estonian Railways said the line was closed.", "Railways")
    assert (entity.key, entity.type, entity.country) == ("org:estonian-railways", "Organization", "EST")
    # a person after a demonym and a title stays a person
    entity = _entity_of(nlp_en, "en", "Estonian President Alar Karis said the line was closed.", "Karis")
    assert entity.type == "Person"


@pytest.mark.parametrize(
    ("lang", "text", "word", "key"),
    [
        # a rank before a name is no part of it (and no role: it tells neither office nor gender)
        ("en", "The missiles hit the airfield, navy spokesman Commander Tim Hawkins said.", "Hawkins",
         "person:tim-hawkins"),
        ("de", "Oberst Assimi Goïta erklärte, die Junta werde Wahlen abhalten.", "Goïta", "person:assimi-goita"),
    ],
)
def test_a_rank_before_a_name_is_not_part_of_it(request, lang, text, word, key):
    assert _entity_of(request.getfixturevalue(f"nlp_{lang}"), lang, text, word).key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # an organisation named after its state is the organisation
        ("Kenya Airways cancelled all flights to Juba on Monday.", "org:kenya-airways"),
        ("Azerbaijan Airlines suspended its flights to Grozny.", "org:azerbaijan-airlines"),
    ],
)
def test_an_organisation_named_after_its_state_is_no_state(nlp_en, text, key):
    entities = {e.key for e in Extractor().extract_one(Article.create(text, id="org", lang="en")).entities}
    assert key in entities, entities
