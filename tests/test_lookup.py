"""Actor lookup that forgives: surnames and near spellings, a unique best or the candidates with keys."""

from __future__ import annotations

from click.testing import CliRunner

from kg.cli import cli
from kg.graph import analysis
from kg.graph.lookup import Actor, lookup_actor
from kg.load import LocalStore
from kg.model import Article, Entity
from tests.test_local_store import PUTIN, RUS_EN, extraction, triple

PESKOV = Entity("person:dmitry-peskov", "Dmitry Peskov", "Person", ("Peskov", "Dmitri Peskow"), "RUS")
KIM_JU = Entity("person:kim-jong-un", "Kim Jong Un", "Person", (), "PRK")
KIM_YJ = Entity("person:kim-yo-jong", "Kim Yo Jong", "Person", (), "PRK")
ACTORS = [
    Actor("person:dmitry-peskov", "Dmitry Peskov", ("Peskov",), "Person"),
    Actor("person:vladimir-putin", "Vladimir Putin", ("Putin", "Wladimir Putin"), "Person"),
    Actor("person:volodymyr-zelensky", "Volodymyr Zelensky", ("Selenskij", "Zelenskyy"), "Person"),
    Actor("person:kim-jong-un", "Kim Jong Un", (), "Person"),
    Actor("person:kim-yo-jong", "Kim Yo Jong", (), "Person"),
    Actor("person:jong-un-kim", "Jong-un Kim", (), "Person"),
    Actor("country:RUS", "Russia", ("Russland", "Moskau"), "Country"),
    Actor("country:PRK", "North Korea", ("Nordkorea",), "Country"),
    Actor("country:KOR", "South Korea", ("Südkorea",), "Country"),
]


def test_exact_key_code_name_and_alias_decide_without_guessing():
    assert lookup_actor(ACTORS, "COUNTRY:rus").how == "key"
    code = lookup_actor(ACTORS, "rus")
    assert (code.key, code.how, code.exact) == ("country:RUS", "code", True)
    assert lookup_actor(ACTORS, "russia").how == "name"
    alias = lookup_actor(ACTORS, "sudkorea")  # accents do not matter
    assert (alias.key, alias.how) == ("country:KOR", "alias")


def test_surname_and_near_spellings_find_the_unique_best():
    for query, how in (("Peskov", "alias"), ("peskov", "alias"), ("Peskow", "spelling"), ("Dmitri Peskow", "spelling"),
                       ("Peskof", "spelling")):  # fmt: skip
        found = lookup_actor(ACTORS, query)
        assert (found.key, found.how) == ("person:dmitry-peskov", how), query
        assert not found.exact or how == "alias"
    assert lookup_actor([a for a in ACTORS if a.aliases != ("Peskov",)] + [Actor("person:x", "Dmitry Peskov")],
                        "Peskov").how == "surname"  # fmt: skip
    assert lookup_actor(ACTORS, "Zelenski").key == "person:volodymyr-zelensky"
    assert lookup_actor(ACTORS, "Selenskyj").key == "person:volodymyr-zelensky"
    assert "is Dmitry Peskov (person:dmitry-peskov), by spelling" in lookup_actor(ACTORS, "Peskow").message()


def test_several_fits_are_listed_with_their_keys():
    found = lookup_actor(ACTORS, "Korea")  # the surname step finds two countries
    assert found.key is None and found.how == "ambiguous"
    assert [c.key for c in found.candidates] == ["country:KOR", "country:PRK"]
    assert "North Korea (country:PRK)" in found.message() and "give one of their keys" in found.message()
    kim = lookup_actor(ACTORS, "kim")  # a first word: Jong-un Kim's surname decides before
    assert (kim.key, kim.how) == ("person:jong-un-kim", "surname")


def test_nothing_close_is_no_match_with_suggestions_when_there_are_some():
    none = lookup_actor(ACTORS, "Atlantis")
    assert none.key is None and none.how == "none" and none.candidates == ()
    assert none.message() == "no actor with key, name or alias 'Atlantis'"
    far = lookup_actor(ACTORS, "Peskovitch")
    assert far.key is None and "did you mean Dmitry Peskov (person:dmitry-peskov)?" in far.message()


def _store(tmp_path):
    art = Article.create("Peskow sagt etwas.", id="p-1", published="2024-11-02")
    ex = extraction(
        art,
        [triple(PESKOV, "CONDEMNS", RUS_EN, "p-1", 0, "Peskow verurteilt."),
         triple(KIM_JU, "MEETS", PUTIN, "p-1", 1, "Kim trifft Putin."),
         triple(KIM_YJ, "THREATENS", RUS_EN, "p-1", 2, "Kim droht.")],
        [PESKOV, RUS_EN, KIM_JU, KIM_YJ, PUTIN],
    )  # fmt: skip
    with LocalStore(tmp_path / "s") as store:
        store.write([ex])
        return store.to_networkx()


def test_ego_network_forgives_surnames_and_spellings(tmp_path):
    G = _store(tmp_path)
    for query in ("Peskow", "Peskov", "Dmitry Peskov", "person:dmitry-peskov"):
        assert sorted(analysis.ego_network(G, query)) == ["country:RUS", "person:dmitry-peskov"], query
    assert analysis.find_actor(G, "Kim") is None


def test_cli_ego_notes_the_guess_and_lists_candidates(tmp_path):
    _store(tmp_path)
    store = str(tmp_path / "s")
    runner = CliRunner()
    ok = runner.invoke(cli, ["analyze", "ego", "Peskow", "--store", store])
    assert ok.exit_code == 0, ok.output
    assert "'Peskow' is Dmitry Peskov (person:dmitry-peskov)" in ok.output
    assert any(line.split()[2:5] == ["Dmitry", "Peskov", "Russia"] for line in ok.stdout.splitlines())
    both = runner.invoke(cli, ["analyze", "ego", "Kim", "--store", store])
    assert both.exit_code == 1
    assert "Kim Jong Un (person:kim-jong-un), Kim Yo Jong (person:kim-yo-jong)" in both.output
    none = runner.invoke(cli, ["analyze", "ego", "Atlantis", "--store", store])
    assert none.exit_code == 1 and "no actor with key, name or alias 'Atlantis'" in none.output
