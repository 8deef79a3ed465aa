"""Sector actors and name spellings: language data read by generic code, testable without a model."""

from __future__ import annotations

import pytest

from kg.extract.sectors import find_sector_noun, sector_actor
from kg.extract.spelling import gazetteer_person, skeleton


@pytest.mark.parametrize(
    ("lang", "form", "key"),
    [
        ("de", "Regierung", "group:RUS-GOV"),
        ("de", "Innenministeriums", "org:russian-interior-ministry"),  # genitive ending stripped
        ("de", "Streitkräfte", "group:RUS-MIL"),
        ("en", "officials", "group:RUS-GOV"),
        ("en", "protesters", "group:RUS-CVL"),
        ("en", "foreign ministry", "org:russian-foreign-ministry"),
    ],
)
def test_a_sector_noun_of_a_state_is_one_canonical_actor_across_languages(lang, form, key):
    noun = find_sector_noun(lang, form)
    assert noun is not None
    actor = sector_actor("RUS", noun)
    assert (actor.key, actor.country) == (key, "RUS")
    assert actor.sector == noun.sector


def test_a_sector_noun_can_name_its_own_state():
    noun = find_sector_noun("de", "Bundesregierung")
    assert noun is not None and noun.country == "DEU"
    assert sector_actor(noun.country, noun).key == "group:DEU-GOV"
    assert find_sector_noun("de", "Regierungsgebäude") is None and find_sector_noun("en", "government house") is None


@pytest.mark.parametrize(
    ("name", "lang", "key"),
    [
        ("Irakli Kobachidse", "de", "person:irakli-kobakhidze"),
        ("Dmitri Peskow", "de", "person:dmitry-peskov"),
        ("Wolodymyr Selenskyj", "de", "person:volodymyr-zelensky"),
        ("Sergej Lawrow", "de", "person:sergei-lavrov"),
        ("Ali Chamenei", "de", "person:ali-khamenei"),
    ],
)
def test_a_german_spelling_of_a_known_person_finds_the_person(name, lang, key):
    assert gazetteer_person(name, lang) == key


def test_unknown_or_too_short_names_find_nobody():
    assert gazetteer_person("John Smith", "en") is None
    assert gazetteer_person("Peskow", "de") is None  # a family name alone is too ambiguous
    assert skeleton("Schoigu", "de") == skeleton("Shoigu", "en")
