"""A clash is mutual: each side attacks the other, as event coding writes it.

"Protesters clashed with riot police", "Indian and Chinese troops clashed", "stießen mit der Polizei
zusammen", "lieferten sich Gefechte mit ...": one ATTACKS triple per direction between the subject and
the actor of the act's preposition, or between coordinated subjects. A person on a side makes it a
quarrel ("the senator clashed with reporters"), which is no attack. The words are language data
(``[mutual]`` in ``kg/lang/<xx>/verbs.toml``).
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Article

pytestmark = pytest.mark.model


def _attacks(lang: str, text: str) -> set[tuple[str, str]]:
    triples = Extractor().extract_one(Article.create(text, id="clash", lang=lang)).triples
    return {(t.subject.key, t.object.key) for t in triples if t.predicate == "ATTACKS" and hasattr(t.object, "key")}


@pytest.mark.parametrize(
    ("lang", "text", "a", "b"),
    [
        ("en", "Protesters clashed with riot police in central Tbilisi on Thursday night.", "group:GEO-CVL",
         "group:GEO-POL"),
        ("en", "Indian and Chinese troops clashed along the disputed border in the Himalayas.", "group:IND-MIL",
         "group:CHN-MIL"),
        ("en", "Hezbollah fighters clashed with Israeli soldiers near the village of Khiam.", "org:hezbollah",
         "group:ISR-MIL"),
        ("de", "Kämpfer der Hisbollah lieferten sich Gefechte mit israelischen Soldaten.", "org:hezbollah",
         "group:ISR-MIL"),
        ("de", "Im Norden des Kosovo stießen serbische Demonstranten mit der Polizei zusammen.", "group:SRB-CVL",
         "group:XKX-POL"),
    ],
)  # fmt: skip
def test_each_side_of_a_clash_attacks_the_other(request, lang, text, a, b):
    request.getfixturevalue(f"nlp_{lang}")
    assert {(a, b), (b, a)} <= _attacks(lang, text)


def test_a_person_clashing_with_someone_quarrels_and_attacks_nobody(nlp_en):
    assert _attacks("en", "Senator Ted Cruz clashed with reporters over the immigration bill.") == set()


def test_a_one_sided_attack_stays_one_sided(nlp_en):
    assert _attacks("en", "Hezbollah fighters attacked Israeli soldiers near the village of Khiam.") == {
        ("org:hezbollah", "group:ISR-MIL")
    }
