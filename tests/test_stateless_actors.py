"""Sector actors of no known state: anonymous doers keep acting, with no country claimed.

"Unknown gunmen killed ...", "Police arrested ..." in a sentence that names no state still report an
event an analyst counts; a definite "the junta" or "die Polizei" means one state's, and a government
or ministry always has one, so those stay unresolved rather than stateless. Sentences written for kg.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.gold.score import canonical_key
from kg.model import Article, Entity

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor(nlp_de, nlp_en):
    return Extractor()


def _extract(extractor: Extractor, text: str, lang: str):
    return extractor.extract_one(Article.create(text, id="stateless-probe", lang=lang))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Unknown gunmen shot dead four farmers near the village on Sunday.", ("group:INS", "KILLS")),
        ("en", "Police detained at least 30 people after the match.", ("group:POL", "ARRESTS")),
        # (written expecting SEIZES; kg reads overrunning a post as an attack, also ASSAULT)
        ("en", "Rebels overran an army outpost before dawn.", ("group:REB", "ATTACKS")),
        ("de", "Aufständische griffen in der Nacht einen Militärkonvoi an.", ("group:INS", "ATTACKS")),
    ],
)
def test_an_anonymous_sector_acts_without_a_country(extractor, lang, text, expected):
    extraction = _extract(extractor, text, lang)
    doers = {(t.subject.key, t.predicate) for t in extraction.triples}
    assert expected in doers
    actor = next(e for e in extraction.entities if e.key == expected[0])
    assert actor.country is None and actor.sector == expected[0].split(":")[1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A definite army, government or court is one state's: unknown here, so no actor at all.
        ("en", "The junta expelled the envoy on Monday."),
        ("en", "The government arrested the editor."),
        ("de", "Die Regierung ließ den Journalisten festnehmen."),
    ],
)
def test_a_definite_or_governing_sector_is_never_stateless(extractor, lang, text):
    keys = {e.key for e in _extract(extractor, text, lang).entities}
    assert not {k for k in keys if k.startswith("group:") and "-" not in k}


def test_a_stateless_group_is_no_target(extractor):
    # The students are named by no state: the arrest is of a concept, not of "group:CVL".
    triples = _extract(extractor, "Police arrested three students outside the stadium.", "en").triples
    arrests = [t for t in triples if t.predicate == "ARRESTS"]
    assert arrests and all(not isinstance(t.object, Entity) for t in arrests)


def test_a_stateless_forces_object_is_the_states_own_instrument(extractor):
    # "sent troops": forces of no named state are the sender's own, not whom it deploys against.
    triples = _extract(extractor, "France sent troops to Chad in 2008.", "en").triples
    assert not [t for t in triples if isinstance(t.object, Entity) and t.object.key == "group:MIL"]


def test_the_dateline_breaks_a_tie_over_whose_police_it_is(extractor):
    text = (
        "LA PAZ, June 27 (Reuters) - Bolivia accused Chile of meddling on Thursday. "
        "Police arrested a retired general in the capital."
    )
    triples = _extract(extractor, text, "en").triples
    assert ("group:BOL-POL", "ARRESTS") in {(t.subject.key, t.predicate) for t in triples}


def test_a_gold_key_spelled_from_an_alias_scores_as_the_gazetteer_actor():
    assert canonical_key("person:abdourahamane-tiani") == "person:abdourahamane-tchiani"
    assert canonical_key("person:olaf-scholz") == "person:olaf-scholz"
    assert canonical_key("org:nobody-we-know") == "org:nobody-we-know"


@pytest.mark.parametrize(
    ("lang", "text", "home"),
    [
        ("en", "Georgian Prime Minister Irakli Kobakhidze accused foreign intelligence services of organising "
         "the unrest.", "group:GEO-SPY"),
        ("en", "Hungarian President Tamas Sulyok blamed Western governments for the crisis.", "group:HUN-GOV"),
    ],
)
def test_a_foreign_or_western_sector_is_not_the_home_states(extractor, lang, text, home):
    accused = [t for t in _extract(extractor, text, lang).triples if t.predicate == "ACCUSES"]
    assert accused and all(getattr(t.object, "key", None) != home for t in accused), accused
