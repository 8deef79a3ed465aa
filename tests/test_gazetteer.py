"""The gazetteer: canonical records and their names in German and English.

These tests need no trained pipeline: surface forms are matched with the
language's blank tokenizer, which is what the extractor compiles patterns with.
"""

from __future__ import annotations

import functools
import gettext
import random

import pycountry
import pytest
import spacy

from kg.extract.entities import find_mentions
from kg.gazetteer import lexicon, records
from kg.lang import available_languages, get_language
from kg.model import ENTITY_TYPES


@functools.cache
def _blank(lang: str) -> spacy.language.Language:
    return spacy.blank(lang)  # one vocab per language, so the compiled matcher is reused


def _matched_keys(lang: str, text: str) -> set[str]:
    doc = _blank(lang)(text)
    return {m.value for m in find_mentions(doc, lang) if m.kind in ("name", "short")}


def test_every_iso_country_has_a_canonical_record():
    recs = records()
    for c in pycountry.countries:
        rec = recs[f"country:{c.alpha_3}"]
        assert rec.type == "Country"
        assert rec.country == c.alpha_3
        assert rec.name


def test_canonical_country_names_are_the_ones_news_uses():
    recs = records()
    assert recs["country:PRK"].name == "North Korea"
    assert recs["country:RUS"].name == "Russia"
    assert recs["country:IRN"].name == "Iran"
    assert recs["country:USA"].name == "United States"
    assert recs["country:KOR"].name == "South Korea"


def test_record_keys_follow_the_shared_convention():
    recs = records()
    for key in (
        "person:lloyd-austin",
        "person:vladimir-putin",
        "person:volodymyr-zelensky",
        "person:kim-jong-un",
        "org:nato",
        "org:united-nations",
        "org:european-union",
        "org:us-department-of-defense",
        "org:bundeswehr",
        "org:reuters",
        "org:the-wall-street-journal",
        "location:rome",
    ):
        assert key in recs, key
    for rec in recs.values():
        assert rec.type in ENTITY_TYPES
        assert rec.key.split(":", 1)[0] in ("country", "person", "org", "location")
    assert recs["person:lloyd-austin"].country == "USA"
    assert recs["person:lloyd-austin"].role == "defence minister"
    assert recs["org:us-department-of-defense"].country == "USA"


def test_every_person_has_a_gender_and_known_role():
    roles_en = {row[0] for row in get_language("en").tsv("entity_roles")}
    for rec in records().values():
        if rec.type == "Person":
            assert rec.gender in ("m", "f"), rec.key
            assert rec.role in roles_en or rec.role in {
                "deputy chairman of the security council",
                "party official",
                "director general",
            }, rec.key


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_sample_of_iso_countries_is_found_by_its_name(lang):
    """Every ISO country is findable; a fixed random sample of 20 goes through the real matcher."""
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    sample = random.Random(7).sample(list(pycountry.countries), 20)
    for c in sample:
        name = translate(c.name) if lang == "de" else c.name
        assert f"country:{c.alpha_3}" in _matched_keys(lang, f"{name} ."), (lang, name)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_iso_country_name_is_in_the_lexicon(lang):
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    names = lexicon(lang).names
    for c in pycountry.countries:
        name = translate(c.name) if lang == "de" else c.name
        assert f"country:{c.alpha_3}" in names.get(name, ()), (lang, name)


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("de", "Russland", "country:RUS"),
        ("de", "Russlands", "country:RUS"),
        ("en", "Russia", "country:RUS"),
        ("de", "Nordkorea", "country:PRK"),
        ("de", "Nordkoreas", "country:PRK"),
        ("en", "North Korea", "country:PRK"),
        ("en", "DPRK", "country:PRK"),
        ("de", "USA", "country:USA"),
        ("de", "Vereinigten Staaten", "country:USA"),
        ("en", "U.S.", "country:USA"),
        ("en", "America", "country:USA"),
        ("de", "Großbritannien", "country:GBR"),
        ("en", "Britain", "country:GBR"),
        ("en", "UK", "country:GBR"),
        ("de", "des Irans", "country:IRN"),
        ("de", "der Ukraine", "country:UKR"),
        ("de", "Wladimir Selenskij", "person:volodymyr-zelensky"),
        ("de", "Selenskyj", "person:volodymyr-zelensky"),
        ("en", "Volodymyr Zelensky", "person:volodymyr-zelensky"),
        ("en", "Zelenskyy", "person:volodymyr-zelensky"),
        ("de", "Wladimir Putin", "person:vladimir-putin"),
        ("en", "Vladimir Putin", "person:vladimir-putin"),
        ("de", "Sergej Lawrow", "person:sergei-lavrov"),
        ("en", "Sergei Lavrov", "person:sergei-lavrov"),
        ("de", "Schoigu", "person:sergei-shoigu"),
        ("de", "Belousow", "person:andrei-belousov"),
        ("en", "Kim Jong-un", "person:kim-jong-un"),
        ("de", "Kim Jong Un", "person:kim-jong-un"),
        ("de", "Netanjahu", "person:benjamin-netanyahu"),
        ("en", "Netanyahu", "person:benjamin-netanyahu"),
        ("de", "Chamenei", "person:ali-khamenei"),
        ("de", "Peseschkian", "person:masoud-pezeshkian"),
        ("de", "Araghtschi", "person:abbas-araghchi"),
        ("de", "Umjerow", "person:rustem-umerov"),
        ("de", "Pistorius", "person:boris-pistorius"),
        ("en", "Pete Hegseth", "person:pete-hegseth"),
        ("de", "Vereinte Nationen", "org:united-nations"),
        ("en", "United Nations", "org:united-nations"),
        ("de", "Nato", "org:nato"),
        ("en", "NATO", "org:nato"),
        ("de", "Europäischen Union", "org:european-union"),
        ("de", "IAEO", "org:iaea"),
        ("en", "IAEA", "org:iaea"),
        ("de", "OSZE", "org:osce"),
        ("de", "IWF", "org:international-monetary-fund"),
        ("en", "Pentagon", "org:us-department-of-defense"),
        ("de", "Bundeswehr", "org:bundeswehr"),
        ("de", "dpa", "org:deutsche-presse-agentur"),
        ("de", "Tass", "org:tass"),
        ("de", "RIA Nowosti", "org:ria-novosti"),
        ("en", "KCNA", "org:kcna"),
        ("en", "The Wall Street Journal", "org:the-wall-street-journal"),
        ("de", "Moskau", "location:moscow"),
        ("de", "Pjöngjang", "location:pyongyang"),
        ("de", "Kreml", "location:kremlin"),
        ("en", "Kremlin", "location:kremlin"),
        ("de", "Kiew", "location:kyiv"),
        ("de", "Kyjiw", "location:kyiv"),
        ("de", "Peking", "location:beijing"),
        ("de", "Weißen Haus", "location:white-house"),
        ("de", "Neu-Delhi", "location:new-delhi"),
    ],
)
def test_names_and_variants_map_to_one_key(lang, text, key):
    assert key in _matched_keys(lang, f"{text} ."), (lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "key", "not_key"),
    [
        ("en", "Latin America", "location:latin-america", "country:USA"),
        ("en", "Northern Ireland", "location:northern-ireland", "country:IRL"),
        ("en", "New Mexico", "location:new-mexico", "country:MEX"),
        ("de", "im Nahen Osten", "location:middle-east", None),
    ],
)
def test_regions_win_over_country_names_inside_them(lang, text, key, not_key):
    keys = _matched_keys(lang, f"{text} .")
    assert key in keys
    assert not_key not in keys


def test_acronyms_are_case_sensitive():
    assert "country:USA" not in _matched_keys("en", "Let us go .")
    assert "org:world-health-organization" not in _matched_keys("en", "Who said that ?")
    assert "org:world-health-organization" in _matched_keys("en", "The WHO said that .")


def test_german_demonyms_are_inflected():
    demonyms = lexicon("de").demonyms
    for form in ("nordkoreanisch", "nordkoreanische", "nordkoreanischer", "nordkoreanischen", "Nordkoreanische"):
        assert demonyms[form] == "PRK"
    for form in ("russisches", "russischem", "US-amerikanischen"):
        assert demonyms[form] in ("RUS", "USA")
    assert lexicon("en").demonyms["North Korean"] == "PRK"


def test_family_names_shared_by_two_people_are_not_short_names():
    short = lexicon("en").short_names
    assert short["Austin"] == "person:lloyd-austin"
    assert short["Xi"] == "person:xi-jinping"
    assert "Li" not in short  # Li Qiang, Li Keqiang, Li Shangfu
    assert "Kim" not in short  # Kim Jong Un, Kim Yo Jong
    assert "Park" not in short  # Park Jin: the record says the word alone is no evidence
    assert "No" not in short  # No Kwang Chol: "No, he said"
    assert "Herzog" not in lexicon("de").short_names  # a German noun (duke) before it is Isaac Herzog
    assert "Saar" not in lexicon("de").short_names  # a river and region before it is Gideon Saar


def test_role_titles_map_to_canonical_roles():
    assert lexicon("de").roles["Verteidigungsminister"] == "defence minister"
    assert lexicon("de").roles["Außenministerin"] == "foreign minister"
    assert lexicon("en").roles["Secretary of Defense"] == "defence minister"
    assert lexicon("en").roles["Secretary of State"] == "foreign minister"


def test_every_language_with_entity_data_loads():
    for code in available_languages():
        lex = lexicon(code)
        assert lex.names, code


def test_a_new_language_needs_only_data(tmp_path, monkeypatch):
    """French from data files alone: ISO names from pycountry's French catalogue plus a few forms."""
    import kg.lang
    from kg.extract.resolve import analyze_entities

    fr = tmp_path / "fr"
    fr.mkdir()
    (fr / "language.toml").write_text('name = "French"\n', encoding="utf-8")
    (fr / "entity_grammar.toml").write_text(
        'pycountry_locale = "fr"\ndemonym_endings = ["", "e", "s", "es"]\n', encoding="utf-8"
    )
    (fr / "entity_aliases.tsv").write_text("location:moscow\tMoscou\n", encoding="utf-8")
    (fr / "entity_demonyms.tsv").write_text("RUS\trusse\n", encoding="utf-8")
    (fr / "entity_roles.tsv").write_text("foreign minister\tministre des Affaires étrangères\n", encoding="utf-8")
    monkeypatch.setattr(kg.lang, "LANG_DIR", tmp_path)
    kg.lang.get_language.cache_clear()
    try:
        language = kg.lang.get_language("fr")
        doc = spacy.blank("fr")("L' Allemagne et les troupes russes près de Moscou .")
        keys = {m.entity.key: m.via for m in analyze_entities(doc, language).index}
    finally:
        kg.lang.get_language.cache_clear()
        lexicon.cache_clear()
    assert keys == {"country:DEU": "gazetteer", "country:RUS": "demonym", "location:moscow": "gazetteer"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_language_files_refer_only_to_known_records(lang):
    """A typo in a key or code would silently drop a row: every reference must resolve."""
    language = get_language(lang)
    recs = records()
    for row in language.tsv("entity_aliases"):
        assert row[0] in recs, (lang, "entity_aliases", row[0])
    for row in language.tsv("entity_countries"):
        assert f"country:{row[0]}" in recs, (lang, "entity_countries", row[0])
    for row in language.tsv("entity_demonyms"):
        assert row[0] == "-" or f"country:{row[0]}" in recs, (lang, "entity_demonyms", row[0])
    for rec in recs.values():
        assert rec.org is None or rec.org in recs, rec.key
        assert rec.country is None or f"country:{rec.country}" in recs, rec.key
