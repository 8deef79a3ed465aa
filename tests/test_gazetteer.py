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
from kg.gazetteer.files import read_toml
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
    unused = read_toml("countries.toml")["iso_names_not_used"]
    for c in pycountry.countries:
        name = translate(c.name) if lang == "de" else c.name
        if name in unused.get(c.alpha_3, ()):
            continue
        assert f"country:{c.alpha_3}" in names.get(name, ()), (lang, name)


@pytest.mark.parametrize(("lang", "name"), [("en", "Congo"), ("de", "Kongo")])
def test_bare_congo_is_dr_congo_as_wire_copy_writes_it(lang, name):
    # the other Congo is "Republic of Congo" / "Congo-Brazzaville" in news; ISO's short name would make the
    # bare name belong to both, and so to neither
    assert lexicon(lang).names[name] == frozenset({"country:COD"})


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


def test_each_role_title_names_one_role():
    # lexicon() keeps the first role of a form listed twice; a second row would be silently ignored.
    for code in ("de", "en"):
        seen: dict[str, str] = {}
        for row in get_language(code).tsv("entity_roles"):
            for form in row[1:]:
                assert seen.setdefault(form, row[0]) == row[0], f"{code}: {form!r} is {seen[form]!r} and {row[0]!r}"


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
    monkeypatch.setenv("KG_LANG_DIRS", str(tmp_path))  # a folder outside kg/lang/: only a setting, no code
    try:
        assert "fr" in kg.lang.available_languages()
        language = kg.lang.get_language("fr")
        assert language.path == fr
        doc = spacy.blank("fr")("L' Allemagne et les troupes russes près de Moscou .")
        keys = {m.entity.key: m.via for m in analyze_entities(doc, language).index}
    finally:
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


# --- Leaders since 1990: terms of office, the people/*.toml files, precision guards


def _people() -> list:
    return [rec for rec in records().values() if rec.type == "Person"]


def _family(name: str, family_name_first: bool) -> str | None:
    """The token the lexicon would take as the family name (None: the lexicon takes none)."""
    tokens = name.split()
    if len(tokens) < 2:
        return None
    family = tokens[0] if family_name_first else tokens[-1]
    if len(family) < 2 or not family[0].isupper() or family.isupper():
        return None
    return family


def test_terms_are_parsed_oldest_first_with_open_ends():
    from kg.gazetteer import Term

    recs = records()
    assert recs["person:helmut-kohl"].terms == (Term("chancellor", 1982, 1998),)
    putin = recs["person:vladimir-putin"].terms
    assert [t.role for t in putin] == ["prime minister", "president", "prime minister", "president"]
    assert putin[-1] == Term("president", 2012, None)  # `to` omitted: still in office
    assert [t.start for t in putin] == sorted(t.start for t in putin)
    solana = recs["person:javier-solana"].terms
    assert Term("secretary-general", 1995, 1999, "org:nato") in solana
    assert recs["person:kofi-annan"].terms[0].org == "org:united-nations"


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ([{"role": "emperor", "from": 1990, "to": 1995}], "unknown role 'emperor'"),
        ([{"role": "president", "from": 1850, "to": 1860}], "between 1900 and 2100"),
        ([{"role": "president", "from": 1990, "to": 2200}], "between 1900 and 2100"),
        ([{"role": "president", "from": "1990"}], "between 1900 and 2100"),
        ([{"role": "president", "from": 2000, "to": 1999}], "ends (1999) before it starts (2000)"),
        ([{"role": "president", "to": 1999}], "needs a start year"),
        ([{"role": "president", "from": 1990, "until": 1999}], "unknown key(s) until"),
        ([{"role": "president", "from": 1990, "org": "nato"}], "org must be an organisation key"),
        ({"role": "president", "from": 1990}, "must be a list"),
        (["president 1990"], "must be a table"),
    ],
)
def test_a_bad_term_is_an_error_naming_the_file_and_person(terms, message):
    from kg.gazetteer import GazetteerError, person_record

    row = {"name": "Jane Example", "role": "president", "gender": "f", "terms": terms}
    with pytest.raises(GazetteerError) as err:
        person_record(row, "people/test.toml")
    assert "people/test.toml: person 'Jane Example'" in str(err.value)
    assert message in str(err.value)


def test_a_person_without_terms_still_loads():
    from kg.gazetteer import person_record

    rec = person_record({"name": "Jane Example", "role": "president", "gender": "f"}, "people.toml")
    assert rec.terms == ()
    assert rec.key == "person:jane-example"
    assert records()["person:maria-zakharova"].terms == ()


def _gazetteer_copy(tmp_path, people_toml: str, extra: dict[str, str]):
    import shutil

    import kg.gazetteer as gz

    for name in ("countries.toml", "organizations.toml", "places.toml", "ner_labels.toml"):
        shutil.copy(gz.GAZETTEER_DIR / name, tmp_path / name)
    (tmp_path / "people.toml").write_text(people_toml, encoding="utf-8")
    (tmp_path / "people").mkdir()
    for name, text in extra.items():
        (tmp_path / "people" / name).write_text(text, encoding="utf-8")
    return gz


def test_the_loader_reads_people_files_and_rejects_a_duplicate(tmp_path, monkeypatch):
    person = '[[person]]\nname = "Jane Example"\nrole = "president"\ngender = "f"\n'
    gz = _gazetteer_copy(tmp_path, person, {"europe.toml": person.replace("Jane", "John")})
    monkeypatch.setattr(gz.files, "GAZETTEER_DIR", tmp_path)  # where the gazetteer reads its files
    gz.records.cache_clear()
    try:
        assert gz.records()["person:john-example"].source == "people/europe.toml"
        (tmp_path / "people" / "asia.toml").write_text(person, encoding="utf-8")
        gz.records.cache_clear()
        with pytest.raises(gz.GazetteerError, match=r"people/asia.toml: person 'Jane Example'.*already in people.toml"):
            gz.records()
        bad = person + 'terms = [{role = "president", from = 2001, to = 1999}]\n'
        (tmp_path / "people" / "asia.toml").write_text(bad.replace("Jane", "Joan"), encoding="utf-8")
        gz.records.cache_clear()
        with pytest.raises(gz.GazetteerError, match=r"people/asia.toml: person 'Joan Example', term 1"):
            gz.records()
    finally:
        gz.records.cache_clear()


def test_every_person_key_is_unique_across_the_people_files():
    import tomllib

    import kg.gazetteer as gz
    from kg.model import slugify

    seen: dict[str, str] = {}
    for name in gz.people_files():
        with (gz.GAZETTEER_DIR / name).open("rb") as f:
            for row in tomllib.load(f).get("person", []):
                key = f"person:{slugify(row['name'])}"
                assert key not in seen, (key, name, seen.get(key))
                seen[key] = name
    assert len(seen) == len(_people())


def test_people_files_by_region_hold_at_least_so_many_people():
    from collections import Counter

    counts = Counter(rec.source for rec in _people())
    minimum = {
        "people/europe.toml": 450,
        "people/eurasia.toml": 90,
        "people/middle_east.toml": 120,
        "people/asia_pacific.toml": 160,
        "people/americas.toml": 100,
        "people/africa.toml": 100,
        "people/international.toml": 15,
    }
    for source, n in minimum.items():
        assert counts[source] >= n, (source, counts[source])
    assert sum(counts.values()) >= 800


def test_every_role_and_term_refers_to_known_roles_and_records():
    from kg.gazetteer import canonical_roles

    roles = canonical_roles()
    recs = records()
    for rec in _people():
        for term in rec.terms:
            assert term.role in roles, rec.key
            assert term.org is None or term.org in recs, (rec.key, term)
        if rec.source != "people.toml":
            assert rec.role in roles, rec.key
            assert rec.terms, rec.key  # the regional files are term data


def test_family_names_shared_by_two_or_more_people_are_never_short_names():
    """ "Bush" alone must not pick one of two presidents: every bearer of a shared family name says so."""
    bearers: dict[str, list] = {}
    for rec in _people():
        family = _family(rec.name, rec.family_name_first)
        if family:
            bearers.setdefault(family, []).append(rec)
    shared = {f: recs for f, recs in bearers.items() if len(recs) > 1}
    for family in ("Bush", "Clinton", "Kaczyński", "Aliyev", "Sharif", "Kim", "Lee", "Li", "Singh", "Khan", "Castro"):
        assert family in shared, family
    for family, recs in shared.items():
        for rec in recs:
            assert not rec.short_name, (family, rec.key)
    short = lexicon("en").short_names
    for family in ("Bush", "Clinton", "Rasmussen", "Castro", "Sharif", "Hariri", "Stoltenberg"):
        assert family not in short, family


def test_common_words_and_names_are_not_short_names():
    recs = records()
    for key in (
        "person:john-major",
        "person:theresa-may",
        "person:gordon-brown",
        "person:condoleezza-rice",
        "person:rahul-gandhi",
        "person:sebastian-kurz",
        "person:christian-kern",
        "person:william-hague",
        "person:ban-ki-moon",
    ):
        assert not recs[key].short_name, key
    de, en = lexicon("de").short_names, lexicon("en").short_names
    for word in ("May", "Brown", "Rice", "Major", "Kurz", "Kern", "Hague", "Store", "Jordan", "William", "Rashid"):
        assert word not in en and word not in de, word


def test_chinese_and_korean_names_put_the_family_name_first_japanese_do_not():
    recs = records()
    for key in ("person:hu-jintao", "person:jiang-zemin", "person:kim-dae-jung", "person:kim-il-sung"):
        assert recs[key].family_name_first, key
    for key in ("person:shinzo-abe", "person:junichiro-koizumi", "person:joseph-wu"):
        assert not recs[key].family_name_first, key
    short = lexicon("en").short_names
    assert short["Hu"] == "person:hu-jintao"
    assert short["Zhu"] == "person:zhu-rongji"
    assert short["Abe"] == "person:shinzo-abe"
    assert short["Obuchi"] == "person:keizo-obuchi"
    assert "Koizumi" not in short  # Junichiro and Shinjiro


def test_roles_in_a_year():
    from kg.gazetteer import roles_in, terms_in

    assert roles_in("person:gerhard-schroeder", 2003) == ("chancellor",)
    assert roles_in("person:gerhard-schroeder", 2010) == ()
    assert roles_in("person:jacques-chirac", 2000) == ("president",)
    assert roles_in("person:jacques-chirac", 1987) == ("prime minister",)
    assert records()["person:jacques-chirac"].country == "FRA"
    assert roles_in("person:vladimir-putin", 2010) == ("prime minister",)
    assert roles_in("person:vladimir-putin", 2024) == ("president",)
    assert roles_in("person:yitzhak-rabin", 1994) == ("prime minister", "defence minister")
    # An office at an organisation: the term names it; the record's country is the nationality.
    assert roles_in("person:kofi-annan", 2000) == ("secretary-general",)
    assert [t.org for t in terms_in("person:kofi-annan", 2000)] == ["org:united-nations"]
    assert records()["person:kofi-annan"].country == "GHA"
    assert records()["person:kofi-annan"].org == "org:united-nations"
    assert roles_in("person:javier-solana", 1997) == ("secretary-general",)
    assert terms_in("person:javier-solana", 1997)[0].org == "org:nato"
    assert roles_in("person:nobody-at-all", 2000) == ()


def _holders(role: str, year: int, *, country: str | None = None, org: str | None = None) -> set[str]:
    return {
        rec.key
        for rec in _people()
        for t in rec.terms
        if t.role == role
        and t.covers(year)
        and (country is None or (rec.country == country and t.org is None))
        and (org is None or t.org == org)
    }


def test_international_offices_are_filled_every_year_since_1990():
    for year in range(1990, 2026):
        assert len(_holders("secretary-general", year, org="org:united-nations")) in (1, 2), year
        assert len(_holders("secretary-general", year, org="org:nato")) in (1, 2), year
        assert len(_holders("commission president", year, org="org:european-commission")) in (1, 2), year
    assert _holders("secretary-general", 2000, org="org:united-nations") == {"person:kofi-annan"}
    assert _holders("foreign policy chief", 2012, org="org:european-union") == {"person:catherine-ashton"}


@pytest.mark.parametrize(
    "country",
    [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
        "IRN",
        "ISR",
        "UKR",
        "PRK",
        "POL",
        "ESP",
        "NLD",
        "EGY",
        "PAK",
        "NGA",
    ],
)
def test_major_countries_have_a_leader_for_every_year_since_1990(country):
    heads = ("president", "prime minister", "chancellor", "king", "supreme leader")
    first = {"UKR": 1991}.get(country, 1990)  # an independent state from 1991
    for year in range(first, 2026):
        assert any(_holders(role, year, country=country) for role in heads), (country, year)


def test_g20_foreign_ministers_cover_every_year_since_2000():
    for country in ("USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN", "ITA", "IND", "CAN", "AUS", "TUR"):
        for year in range(2000, 2026):
            assert _holders("foreign minister", year, country=country), (country, year)


@pytest.mark.parametrize(
    ("lang", "text", "key", "country"),
    [
        ("de", "Gerhard Schröder", "person:gerhard-schroeder", "DEU"),
        ("en", "Gerhard Schroeder", "person:gerhard-schroeder", "DEU"),
        ("de", "Schröder", "person:gerhard-schroeder", "DEU"),
        ("en", "Jacques Chirac", "person:jacques-chirac", "FRA"),
        ("de", "Chirac", "person:jacques-chirac", "FRA"),
        ("en", "Kofi Annan", "person:kofi-annan", "GHA"),
        ("de", "Kofi Annan", "person:kofi-annan", "GHA"),
        ("de", "Jelzin", "person:boris-yeltsin", "RUS"),
        ("de", "Boris Jelzin", "person:boris-yeltsin", "RUS"),
        ("en", "Boris Yeltsin", "person:boris-yeltsin", "RUS"),
        ("de", "Tschernomyrdin", "person:viktor-chernomyrdin", "RUS"),
        ("de", "Primakow", "person:yevgeny-primakov", "RUS"),
        ("de", "Kutschma", "person:leonid-kuchma", "UKR"),
        ("de", "Juschtschenko", "person:viktor-yushchenko", "UKR"),
        ("de", "Janukowitsch", "person:viktor-yanukovych", "UKR"),
        ("de", "Timoschenko", "person:yulia-tymoshenko", "UKR"),
        ("de", "Poroschenko", "person:petro-poroshenko", "UKR"),
        ("de", "Lukaschenko", "person:alexander-lukashenko", "BLR"),
        ("en", "Lukashenka", "person:alexander-lukashenko", "BLR"),
        ("de", "Ahmadinedschad", "person:mahmoud-ahmadinejad", "IRN"),
        ("de", "Rohani", "person:hassan-rouhani", "IRN"),
        ("de", "Scharon", "person:ariel-sharon", "ISR"),
        ("de", "Sergej Iwanow", "person:sergei-ivanov", "RUS"),
        ("en", "Al-Sisi", "person:abdel-fattah-el-sisi", "EGY"),
        ("en", "Tony Blair", "person:tony-blair", "GBR"),
        ("en", "George W. Bush", "person:george-w-bush", "USA"),
        ("en", "Hu Jintao", "person:hu-jintao", "CHN"),
        ("de", "Nasarbajew", "person:nursultan-nazarbayev", "KAZ"),
        # a regional government is not the state's government (group:IRQ-GOV); its forces are not the state's army
        ("de", "Die kurdische Regionalregierung", "org:kurdistan-regional-government", "IRQ"),
        ("en", "The Kurdistan Regional Government", "org:kurdistan-regional-government", "IRQ"),
        ("de", "Die Peschmerga", "org:peshmerga", "IRQ"),
        ("de", "Die Volksmobilisierungseinheiten", "org:popular-mobilization-forces", "IRQ"),
        ("en", "The FBI", "org:fbi", "USA"),
    ],
)
def test_leaders_and_state_bodies_are_found_by_name_with_their_country(lang, text, key, country):
    assert key in _matched_keys(lang, f"{text} sagte ."), (lang, text)
    assert records()[key].country == country


def test_every_english_demonym_of_people_has_its_plural():
    # "urged South Africans to stay calm": a plural demonym noun is the state's people, so each
    # "-an"/"-i" adjective of a state needs its plural form ("-ese", "-ish" have none).
    lex = lexicon("en")
    by_state: dict[str, set[str]] = {}
    for form, code in lex.demonyms.items():
        by_state.setdefault(code, set()).add(form)
    missing = sorted(
        f for code, forms in by_state.items() if code != "-" for f in forms
        if f[-2:] == "an" or f[-1] == "i" if not f.endswith("man") and f + "s" not in forms and f != "Persian"
    )  # fmt: skip
    assert missing == []
