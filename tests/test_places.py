"""Places: a capital for every state, cities that give their country as context but never stand for it.

The sentences are written for kg (news style, not from any evaluation set).
"""

from __future__ import annotations

import pycountry
import pytest

from kg.extract.pipeline import Extractor
from kg.gazetteer import GazetteerError, lexicon, place_record, records
from kg.model import Article

# ISO 3166 entries that are not sovereign states (territories, dependencies, uninhabited areas).
_TERRITORIES = """ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG
HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF"""
NOT_STATES = frozenset(_TERRITORIES.split())
# States without a capital record, and why (places.toml's header says the same).
CAPITAL_LEFT_OUT = {
    "MCO": "spelled like the country",
    "SGP": "spelled like the country",
    "SMR": "spelled like the country",
    "VAT": "Vatican City is the country's own name",
    "ATG": "St. John's is also Newfoundland's capital",
    "BHS": "Nassau is also a German town and house",
    "CRI": "San José is also a US city",
    "GRD": "St. George's is also Bermuda's",
    "GUY": "Georgetown is also a university and many towns",
    "JAM": "Kingston is also in Canada, England and New York",
    "SYC": "Victoria is a first name, a state and a lake",
}


def test_every_sovereign_state_has_a_capital_unless_left_out_on_purpose():
    states = {c.alpha_3 for c in pycountry.countries} - NOT_STATES | {"XKX"}
    assert len(states) == 197  # 193 UN members, Kosovo, Taiwan, Palestine, the Vatican
    # (a capital that stands for an organisation as an actor, Brussels for the EU, is still its state's capital)
    with_capital = {
        r.metonym_of if ":" not in r.metonym_of else r.country
        for r in records().values() if r.type == "Location" and r.metonym_of
    }  # fmt: skip
    missing = states - with_capital - CAPITAL_LEFT_OUT.keys()
    assert missing == set(), sorted(missing)
    assert not (with_capital & CAPITAL_LEFT_OUT.keys())


def test_a_city_has_a_country_but_never_stands_for_it():
    recs = records()
    cities = {
        "location:istanbul": "TUR",
        "location:lagos": "NGA",
        "location:gaza-city": "PSE",
        "location:kharkiv": "UKR",
        "location:el-fasher": "SDN",
        "location:the-hague": "NLD",
    }
    for key, country in cities.items():
        assert recs[key].country == country and recs[key].metonym_of is None, key
    assert recs["location:niamey"].metonym_of == "NER"
    assert recs["location:zhongnanhai"].metonym_of == "CHN"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "Ruritania City", "country": "DEU", "kind": "town"}, r"kind must be one of capital, city"),
        ({"name": "Ruritania City", "kind": "city"}, r"a city needs its country"),
        ({"name": "Ruritania City", "kind": "capital"}, r"a capital needs its country"),
        ({"country": "DEU", "kind": "city"}, r"a place without a name"),
    ],
)
def test_a_bad_place_is_an_error_naming_the_file_and_place(row, message):
    with pytest.raises(GazetteerError, match=message):
        place_record(row, "places.toml")


def test_a_region_may_have_no_country():
    key, rec = place_record({"name": "Ruritanian Sea", "kind": "region"}, "places.toml")
    assert key == "location:ruritanian-sea" and rec.country is None and rec.metonym_of is None


@pytest.mark.parametrize(
    ("lang", "form", "key"),
    [
        ("de", "Tiflis", "location:tbilisi"),
        ("de", "Addis Abeba", "location:addis-ababa"),
        ("de", "Charkiw", "location:kharkiv"),
        ("de", "Den Haag", "location:the-hague"),
        ("de", "Mogadischus", "location:mogadishu"),  # genitive by rule
        ("de", "Kanzleramt", "location:bundeskanzleramt"),
        ("en", "Kharkov", "location:kharkiv"),
        ("en", "Bogota", "location:bogota"),
        ("en", "Quai d'Orsay", "location:quai-d-orsay"),
        ("en", "Foggy Bottom", "org:us-department-of-state"),  # a seat that stands for a ministry is its alias
    ],
)
def test_place_names_and_spellings_map_to_their_record(lang, form, key):
    assert lexicon(lang).names.get(form) == frozenset({key})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_place_name_is_shared_with_another_record(lang):
    # A form of two records matches neither (kg.extract.entities): a place must not silence a country,
    # an organisation or a person ("Luxembourg", "Vatican City" are the countries' own names).
    shared = {f: sorted(keys) for f, keys in lexicon(lang).names.items() if len(keys) > 1}
    assert not {f: k for f, k in shared.items() if any(key.startswith("location:") for key in k)}


def test_a_genitive_made_by_rule_never_takes_another_records_name():
    # "Hama" + genitive "s" is "Hamas": the organisation keeps its name.
    assert lexicon("de").names["Hamas"] == frozenset({"org:hamas"})
    assert lexicon("de").names["Hamburgs"] == frozenset({"location:hamburg"})


# -- the pipeline --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor(nlp_de, nlp_en):
    from kg.extract.pipeline import Extractor

    return Extractor()


def _extract(extractor, text: str, lang: str):
    from kg.model import Article

    return extractor.extract_one(Article.create(text, id="places", lang=lang))


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("de", "Die Junta in Niamey kündigte das Militärabkommen mit Frankreich auf.", "group:NER-MIL"),
        ("de", "Die Regierung in Bamako wies die Vorwürfe zurück.", "group:MLI-GOV"),
        ("en", "Niamey said on Tuesday it would expel the French ambassador.", "country:NER"),
        ("en", "Khartoum accused Abu Dhabi of arming the paramilitaries.", "country:ARE"),
        ("en", "The Quai d'Orsay summoned the Algerian ambassador.", "country:FRA"),
    ],
)
def test_a_capital_or_seat_as_an_actor_is_its_state(extractor, lang, text, key):
    assert key in {e.key for e in _extract(extractor, text, lang).entities}


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "city", "sector"),
    [
        ("en", "Police in Lagos fired tear gas at protesters on Monday.", "location:lagos", "group:NGA-POL"),
        ("en", "Police in Istanbul detained dozens of students.", "location:istanbul", "group:TUR-POL"),
        ("de", "In Charkiw meldeten die Behörden drei Tote.", "location:kharkiv", "group:UKR-GOV"),
    ],
)
def test_a_city_is_a_place_that_gives_its_country_as_context(extractor, lang, text, city, sector):
    keys = {e.key for e in _extract(extractor, text, lang).entities}
    assert city in keys and sector in keys
    country = "country:" + sector.split(":")[1][:3]
    assert country not in keys  # never the state itself


@pytest.mark.model
def test_an_embassy_in_a_capital_is_not_the_capitals_state(extractor):
    e = _extract(extractor, "The British Embassy in Kabul said it was alarmed by the attacks.", "en")
    assert "country:AFG" not in {t.subject.key for t in e.triples}
    assert "location:kabul" in {x.key for x in e.entities}


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "person", "not_key"),
    [
        ("de", "Milan Radoičić trat von seinem Parteiamt zurück.", "person:milan-radoicic", "location:milan"),
        ("en", "Jordan Bardella said the government had failed.", "person:jordan-bardella", "country:JOR"),
    ],
)
def test_a_first_name_that_is_a_place_stays_the_persons(extractor, lang, text, person, not_key):
    keys = {x.key for x in _extract(extractor, text, lang).entities}
    assert person in keys and not_key not in keys


@pytest.mark.model
def test_brussels_as_an_actor_is_the_eu_and_its_people_and_government_are_belgian(nlp_de, nlp_en):
    ex = Extractor()
    facts = {
        (t.subject.key, t.predicate)
        for lang, text in [
            ("de", "Brüssel drohte Washington mit Gegenzöllen."),
            ("en", "Protesters in Brussels marched against the war."),
            ("de", "Die Regierung in Brüssel kündigte Neuwahlen an."),
        ]
        for t in ex.extract_one(Article.create(text, id="brussels", lang=lang)).triples
    }
    assert {("org:european-union", "THREATENS"), ("group:BEL-CVL", "PROTESTS")} <= facts
    assert ("group:BEL-GOV", "STATES") in facts and not any(s == "country:BEL" for s, _ in facts)



@pytest.mark.model
@pytest.mark.parametrize(
    ("word", "expected"),
    [("Hauptstadt", True), ("Kurdenmetropole", True), ("Ölstadt", True), ("Grenzregion", True),
     ("Standort", False), ("Export", False), ("Sport", False)],
)  # fmt: skip
def test_a_closed_compound_of_a_place_noun_is_a_place_noun(nlp_de, word, expected):
    # German closes compounds: "Kurdenmetropole" is a "Metropole", so "die Kurdenmetropole Erbil" is Erbil. Not
    # of a short place noun ("Ort"), which ends too many words.
    from kg.extract.resolve import Analyzer

    doc = nlp_de(f"die {word} Erbil")
    assert Analyzer(doc, lexicon("de")).is_place_noun(doc[1]) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "kept", "place"),
    [
        # the other side of a relation, joined by the relation's preposition, is the capital's state
        ("de", "Präsident Nicolás Maduro brach die diplomatischen Beziehungen zu Washington ab.", "country:USA",
         "location:washington"),
        ("en", "Nicaragua cut its ties with Taipei on Thursday.", "country:TWN", "location:taipei"),
    ],
)  # fmt: skip
def test_a_capital_after_a_relation_noun_stands_for_its_state(request, lang, text, kept, place):
    request.getfixturevalue(f"nlp_{lang}")
    triples = Extractor().extract_one(Article.create(text, id="ties", lang=lang)).triples
    objects = {getattr(t.object, "key", None) for t in triples}
    assert kept in objects and place not in objects, [(t.predicate, t.object) for t in triples]


@pytest.mark.model
def test_talks_held_in_a_capital_are_held_there(nlp_de):
    text = "Die Außenminister Armeniens und Aserbaidschans führten Gespräche in Moskau."
    entities = {e.key for e in Extractor().extract_one(Article.create(text, id="talks", lang="de")).entities}
    assert "location:moscow" in entities and "country:RUS" not in entities
