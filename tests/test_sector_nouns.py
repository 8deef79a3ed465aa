"""Sector nouns of real news: singular and plural, German inflected and female forms, the state from a
demonym, a seat, a locative country or the article, and the generic words left out on purpose.

The nouns are language data (kg/lang/<xx>/entity_sectors.tsv); the first tests read only the tables,
the others resolve sentences on the real pipelines.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.pipeline import Extractor
from kg.extract.resolve import EntityAnalysis, analyze_entities
from kg.extract.sectors import find_sector_noun, sector_actor
from kg.lang import get_language
from kg.model import Article


@pytest.mark.parametrize(
    ("lang", "form", "key"),
    [
        ("en", "soldier", "group:RUS-MIL"),  # one member of a sector is the sector, as in GDELT/ICEWS
        ("en", "coup leaders", "group:RUS-MIL"),
        ("en", "investigators", "group:RUS-POL"),
        ("en", "dissidents", "group:RUS-OPP"),
        ("en", "residents", "group:RUS-CVL"),
        ("en", "bishops", "group:RUS-REL"),
        ("en", "spies", "group:RUS-SPY"),
        ("en", "paramilitaries", "group:RUS-REB"),
        ("de", "Soldat", "group:RUS-MIL"),
        ("de", "Regierungstruppen", "group:RUS-MIL"),
        ("de", "Polizistinnen", "group:RUS-POL"),  # female plurals are listed: "-innen" is no suffix
        ("de", "Ermittlern", "group:RUS-POL"),  # dative plural: the suffix is stripped
        ("de", "Richterin", "group:RUS-JUD"),
        ("de", "Parlamentarier", "group:RUS-LEG"),
        ("de", "Regierungskritikern", "group:RUS-OPP"),
        ("de", "Journalistin", "group:RUS-MED"),
        ("de", "Zivilbevölkerung", "group:RUS-CVL"),
        ("de", "Geistliche", "group:RUS-REL"),
        ("de", "Geheimdienstler", "group:RUS-SPY"),
    ],
)
def test_news_forms_of_sector_nouns_are_that_states_sector(lang, form, key):
    noun = find_sector_noun(lang, form)
    assert noun is not None, form
    assert sector_actor("RUS", noun).key == key


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "key", "sector"),
    [
        ("Das Bundesverfassungsgericht hat das Gesetz gekippt.", "org:federal-constitutional-court", "JUD"),
        ("Die Bundesanwaltschaft erhob Anklage gegen drei Männer.", "org:federal-public-prosecutor-general", "JUD"),
        ("Der Bundestag stimmte dem Einsatz zu.", "org:bundestag", "LEG"),
    ],
)
def test_a_named_federal_institution_is_its_own_organisation_of_its_state(text, key, sector):
    # One court is not every German court: the institution keeps its name, and carries state and sector.
    entities = {e.key: e for e in Extractor().extract_one(Article.create(text, id="p", lang="de")).entities}
    assert key in entities and (entities[key].country, entities[key].sector) == ("DEU", sector)
    assert not any(k.startswith("group:DEU-") for k in entities)


@pytest.mark.parametrize(
    ("lang", "form"),
    [
        ("en", "people"),  # "people familiar with the matter said"
        ("en", "reporters"),  # "told reporters": the audience
        ("en", "fighters"),  # "foreign fighters", "Hamas fighters"
        ("en", "bank"),  # "West Bank", "central bank"
        ("de", "Menschen"),
        ("de", "Journalisten"),  # "sagte vor Journalisten"
        ("de", "Reporter"),  # "Reporter ohne Grenzen"
        ("de", "Kämpfer"),  # "ausländische Kämpfer"
    ],
)
def test_generic_words_that_misfire_as_a_states_sector_are_left_out(lang, form):
    # "people" and "Menschen" are actors only counted and as a subject ("Tausende Menschen demonstrierten";
    # see test_counted_people_as_a_subject_are_civilians_and_nothing_else_is), never bare.
    noun = find_sector_noun(lang, form)
    assert noun is None or (noun.counted_only and form.lower() in ("people", "menschen")), noun


# --------------------------------------------------------------------------- in sentences
def _analyze(nlp, lang: str, text: str) -> tuple[Doc, EntityAnalysis]:
    doc = nlp(text)
    return doc, analyze_entities(doc, get_language(lang))


def _key(doc: Doc, analysis: EntityAnalysis, word: str) -> str | None:
    hits = [t.i for t in doc if t.text == word]
    assert hits, f"{word!r} not in the text"
    m = analysis.index.at(hits[0])
    return m.entity.key if m is not None else None


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "word", "key"),
    [
        ("en", "A Ukrainian soldier was killed in shelling near Bakhmut.", "soldier", "group:UKR-MIL"),
        ("en", "Coup leaders in Niger suspended the constitution.", "leaders", "group:NER-MIL"),
        ("en", "Russian spies were expelled from Germany.", "spies", "group:RUS-SPY"),
        ("de", "Ein ukrainischer Soldat wurde bei einem Angriff getötet.", "Soldat", "group:UKR-MIL"),
        # one member of a state's service named with its state ("named": never bare)
        ("en", "A Chinese diplomat accused Washington of hypocrisy.", "diplomat", "group:CHN-GOV"),
        ("en", "A senior Israeli commander said the operation would continue.", "commander", "group:ISR-MIL"),
        ("de", "Ein nordkoreanischer Unterhändler drohte mit Vergeltung.", "Unterhändler", "group:PRK-GOV"),
        ("en", "The Chinese foreign minister met the diplomat in Geneva.", "diplomat", None),
        # a quantity alone as a clause's subject is people; not as a passive's subject (the victims)
        ("en", "Thousands marched on parliament in Nairobi.", "Thousands", "group:KEN-CVL"),
        ("en", "Hundreds were killed in the attack on the village near Nairobi.", "Hundreds", None),
        # the capitalised first word of a sector noun is no person's name
        ("en", "Riot police fired tear gas at protesters in central Nairobi.", "police", "group:KEN-POL"),
        ("de", "Parlamentarier in Georgien stimmten für das Gesetz.", "Parlamentarier", "group:GEO-LEG"),
        (
            "de",
            "Bei Zusammenstößen in Belgrad wurde ein Polizist verletzt. Serbiens Regierung verurteilte die Gewalt.",
            "Polizist",
            "group:SRB-POL",  # bare: the article's state
        ),
        # a demonym of several states names the article's state only if it is one of them, never another's
        ("de", "Belgien forderte die kongolesischen Behörden zur Zurückhaltung auf.", "Behörden", None),
        ("en", "Belgium urged Congolese authorities to show restraint.", "authorities", None),
        ("de", "In Brazzaville nahmen die kongolesischen Behörden Journalisten fest.", "Behörden", "group:COG-GOV"),
        ("de", "Die Regierung in Berlin kritisierte die birmanische Junta.", "Junta", "group:MMR-MIL"),
        # the army as an institution is the state's gazetteer armed forces where there are some, else the
        # state's military; its troops and soldiers stay the group
        ("en", "The Israeli army said it had struck a depot.", "army", "org:israel-defense-forces"),
        (
            "de",
            "Die israelische Armee teilte mit, sie habe ein Depot angegriffen.",
            "Armee",
            "org:israel-defense-forces",
        ),
        ("en", "Myanmar's military said it would hold elections.", "military", "org:myanmar-armed-forces"),
        ("en", "The Sudanese army said it had retaken the bridge.", "army", "group:SDN-MIL"),
        ("de", "Die sudanesische Armee erklärte, sie habe die Brücke zurückerobert.", "Armee", "group:SDN-MIL"),
        ("en", "Israeli troops raided the camp.", "troops", "group:ISR-MIL"),
        # a government "of" a person is the person's state's, whatever other state the sentence names
        (
            "de",
            "Die Regierung von Ministerpräsident Pedro Sánchez kritisierte ein Gericht in Berlin.",
            "Regierung",
            "group:ESP-GOV",
        ),
        # a state's leaders are its government (only with the state named); protest leaders are protesters
        ("en", "Brussels urged Serbia's leaders to end the standoff.", "leaders", "group:SRB-GOV"),
        ("en", "Protest leaders in Colombo said they would leave the buildings.", "leaders", "group:LKA-CVL"),
        ("en", "World leaders condemned the attack.", "leaders", None),
        # a general is named with a state; plural generals too
        ("en", "Sudanese generals rejected the proposal.", "generals", "group:SDN-MIL"),
        (
            "de",
            "Die Richterin in Moskau verurteilte den russischen Oppositionellen zu fünf Jahren Haft.",
            "Oppositionellen",
            "group:RUS-OPP",
        ),
    ],
)
def test_sector_nouns_in_news_sentences(request, lang, text, word, key):
    doc, analysis = _analyze(request.getfixturevalue(f"nlp_{lang}"), lang, text)
    assert _key(doc, analysis, word) == key


@pytest.mark.model
def test_a_bare_sector_noun_beside_a_named_actor_is_not_the_articles_state(nlp_en):
    # An organisation's noun is the organisation's, not Israel's insurgents.
    doc, analysis = _analyze(nlp_en, "en", "Hamas militants attacked Israeli towns. Israel said it would respond.")
    assert _key(doc, analysis, "militants") in (None, "org:hamas")
    # A person's is the sector of the person's state, though the article is about Canada.
    doc, analysis = _analyze(
        nlp_en, "en", "The Trump administration imposed tariffs on Canada. Canada said it would retaliate."
    )
    assert _key(doc, analysis, "administration") == "group:USA-GOV"


@pytest.mark.model
def test_people_saying_something_are_no_sector(nlp_en):
    doc, analysis = _analyze(nlp_en, "en", "People familiar with the matter said Serbia's president would not resign.")
    assert _key(doc, analysis, "People") is None


@pytest.mark.model
def test_a_bare_two_word_sector_noun_is_one_actor(nlp_en):
    # "government forces" is the military, not the government; "opposition forces" the opposition.
    doc, analysis = _analyze(nlp_en, "en", "Government forces attacked opposition forces near Khartoum, Sudan said.")
    assert _key(doc, analysis, "Government") == "group:SDN-MIL"
    assert _key(doc, analysis, "opposition") == "group:SDN-OPP"


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        # An official, source or spokesperson of a sector speaks for that sector, not for the government.
        ("en", "Pakistani troops attacked Taliban hideouts near the Afghan border, a senior Pakistani military "
         "official said.", "group:PAK-MIL"),
        ("de", "Nach Angaben aus ukrainischen Regierungskreisen hat Russland Kiew angegriffen.", "group:UKR-GOV"),
        # a spokesperson of a sector's body or an organisation, by genitive or "for", speaks for it
        ("de", "Ein Sprecher der polnischen Regierung sagte, Warschau werde die Grenze offen halten.", "group:POL-GOV"),
        ("en", "A spokeswoman for the Nigerian army said troops had freed twelve hostages.", "group:NGA-MIL"),
        ("en", "A spokesman for NATO said the alliance was ready to reinforce its eastern flank.", "org:nato"),
    ],
)  # fmt: skip
@pytest.mark.model
def test_a_sectors_officials_and_circles_speak_for_the_sector(lang, text, speaker):
    triples = Extractor().extract_one(Article.create(text, id="p", lang=lang)).triples
    assert speaker in {t.subject.key for t in triples if t.predicate in ("STATES", "REPORTS")}, triples


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "wanted", "unwanted"),
    [
        # Counted people as a subject are the civilians of the place.
        ("de", "Zehntausende Menschen haben in Budapest gegen das Mediengesetz demonstriert.", "group:HUN-CVL", None),
        ("en", "Thousands of people protested in Tbilisi against the law.", "group:GEO-CVL", None),
        # Victims stay the object's text; uncounted "people" are no actor.
        ("en", "Russian missiles killed 32 people in Kharkiv.", None, "group:UKR-CVL"),
        ("en", "People familiar with the matter said Moscow had moved troops.", None, "group:CVL"),
    ],
)
def test_counted_people_as_a_subject_are_civilians_and_nothing_else_is(lang, text, wanted, unwanted):
    extraction = Extractor().extract_one(Article.create(text, id="p", lang=lang))
    keys = {e.key for e in extraction.entities} | {t.subject.key for t in extraction.triples}
    assert wanted is None or wanted in keys, keys
    assert unwanted is None or unwanted not in keys, keys


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "France criticised the government of Mali."),
        ("de", "Frankreich kritisierte die Regierung von Mali."),
        ("de", "Frankreich kritisierte die Regierung Malis."),
        ("de", "Frankreich kritisierte die Regierung der Republik Mali."),
    ],
)
def test_a_state_that_owns_a_sector_noun_after_it_makes_it_that_states_sector(lang, text):
    triples = Extractor().extract_one(Article.create(text, id="p", lang=lang)).triples
    assert ("CRITICIZES", "group:MLI-GOV") in {(t.predicate, getattr(t.object, "key", None)) for t in triples}


@pytest.mark.model
def test_an_international_officials_nationality_owns_no_sector():
    # Kofi Annan is Ghanaian, but the rebels he calls on are not Ghana's.
    text = "Kofi Annan forderte die Rebellen auf, die Waffen niederzulegen."
    extraction = Extractor().extract_one(Article.create(text, id="p", lang="de"))
    assert "group:GHA-REB" not in {e.key for e in extraction.entities}


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "PEKING (dpa) - China hat Sanktionen gegen drei amerikanische Rüstungsfirmen verhängt."),
        ("en", "BEIJING (AP) - China imposed sanctions on three U.S. defence firms on Friday."),
    ],
)
def test_a_demonym_or_state_modifying_a_sector_noun_gives_it_that_state_whatever_the_dateline(lang, text):
    # The article's place (Beijing) must not outvote the modifier: the firms are American.
    triples = Extractor().extract_one(Article.create(text, id="p", lang=lang)).triples
    assert {(t.subject.key, t.predicate, getattr(t.object, "key", None)) for t in triples} == {
        ("country:CHN", "SANCTIONS", "group:USA-BUS")
    }


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("de", "Die Polizei in Bayern hat zwei Männer festgenommen.", "group:DEU-POL"),
        ("en", "Police in Texas arrested two men after the shooting.", "group:USA-POL"),
        # the state of the place the police are in, not of a place the sentence names as well
        ("de", "Die Polizei in Brandenburg nahm den Fahrer direkt nach der Einreise aus Polen fest.",
         "group:DEU-POL"),
    ],
)
def test_a_local_sector_in_a_region_or_city_is_of_the_places_state(lang, text, key):
    triples = Extractor().extract_one(Article.create(text, id="p", lang=lang)).triples
    assert ("ARRESTS", key) in {(t.predicate, t.subject.key) for t in triples}


@pytest.mark.model
def test_a_persons_possessed_sector_noun_is_of_the_persons_state():
    article = Article.create("Pompeo criticised Maduro's government.", id="p", lang="en")
    triples = Extractor().extract_one(article).triples
    assert ("person:mike-pompeo", "CRITICIZES", "group:VEN-GOV") in {
        (t.subject.key, t.predicate, getattr(t.object, "key", None)) for t in triples
    }


@pytest.mark.model
def test_the_people_an_article_is_about_count_for_the_state_its_bare_sector_nouns_belong_to():
    # Nicaragua's leaders speak throughout; the Americans are only talked about. The navy and the security
    # forces are Nicaragua's, not the state with the most mentions of its citizens.
    text = (
        "Daniel Ortega accused the United States of financing a coup against him. Ortega said two American "
        "citizens had been arrested and had confessed. Army chief Julio César Avilés said the navy had stopped "
        "a boat carrying weapons. Security forces killed three gunmen near the border."
    )
    triples = Extractor().extract_one(Article.create(text, id="p", lang="en")).triples
    doers = {t.subject.key for t in triples if t.predicate in ("SEIZES", "KILLS")}
    assert doers and all("NIC" in d or "nicaragua" in d for d in doers), doers


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Kämpfe in Libyen halten an. Die USA zogen am Sonntag ihre Soldaten aus Libyen ab."),
        ("en", "Fighting raged in Libya. The United States pulled its soldiers out of Libya on Sunday."),
    ],
)
def test_a_sector_noun_with_a_possessive_is_its_subjects(lang, text):
    keys = {e.key for e in Extractor().extract_one(Article.create(text, id="p", lang=lang)).entities}
    assert "group:USA-MIL" in keys and "group:LBY-MIL" not in keys, keys


@pytest.mark.model
def test_a_sector_noun_of_a_place_kg_does_not_know_takes_no_state_of_the_article():
    # Agrigent is Italian; the article's state (Germany) would be a wrong guess, so the noun stays unresolved.
    text = "Die Kapitänin ist Deutsche. Die Staatsanwaltschaft von Agrigent ermittelt gegen sie."
    keys = {e.key for e in Extractor().extract_one(Article.create(text, id="p", lang="de")).entities}
    assert "group:DEU-JUD" not in keys, keys


@pytest.mark.model
def test_bare_protesters_are_the_articles_before_a_state_they_only_talk_about(nlp_de):
    # the Russian flags and Moscow are what they wave and want, not whose protesters they are
    text = (
        "Tausende Menschen protestierten in Niamey gegen Frankreich. Die Regierung Nigers versprach einen raschen "
        "Übergang. Nigers Militärherrscher Abdourahamane Tchiani sprach von einem Tag der Würde. Einige "
        "Demonstranten schwenkten russische Flaggen und verlangten eine engere Partnerschaft mit Moskau."
    )
    triples = Extractor().extract_one(Article.create(text, id="cvl", lang="de")).triples
    assert {t.subject.key for t in triples if t.predicate == "DEMANDS"} == {"group:NER-CVL"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "demanded"),
    [
        ("en", "Mali's junta ruled for a year. In Bamako, opposition parties called for a government of national "
         "unity.", "a government of national unity"),
        ("de", "In Mali regiert die Junta. Die Opposition forderte am Montag eine Regierung der nationalen Einheit.",
         "eine Regierung der nationalen Einheit"),
    ],
)
def test_a_states_one_government_with_an_indefinite_article_is_another_one_and_no_actor(lang, text, demanded):
    triples = Extractor().extract_one(Article.create(text, id="p", lang=lang)).triples
    demands = [t.object for t in triples if t.predicate == "DEMANDS"]
    objects = {o.text if hasattr(o, "text") else o.key for o in demands}
    assert demanded in objects and "group:MLI-GOV" not in objects, objects


def test_the_government_with_a_definite_article_or_a_state_is_still_the_states():
    for text in ("Mali's government rejected the demand.", "The government in Bamako rejected the demand."):
        triples = Extractor().extract_one(Article.create(text, id="p", lang="en")).triples
        assert {t.subject.key for t in triples if t.predicate == "REJECTS"} == {"group:MLI-GOV"}, text
