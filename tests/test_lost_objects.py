"""Objects a parse lost (kg/extract/lost_objects.py): two coordinated verbs share the object after the second.

"condemned and rejected the proposal" has one object for two verbs (right-node raising); the parse hangs it on
the second, which had left the first act without what it was aimed at.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Article


def _acts(text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    triples = Extractor().extract_one(Article.create(text, id="lost", lang=lang)).triples
    # an actor object by its key, a concept by its words
    return {(t.subject.key, t.predicate, t.object.text if t.object.key.startswith("concept:") else t.object.key)
            for t in triples}  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kremlin condemned and rejected the proposal.",
         {("country:RUS", "CONDEMNS", "the proposal"), ("country:RUS", "REJECTS", "the proposal")}),
        ("Pakistan condemned, and then rejected, the new Indian water plan.",
         {("country:PAK", "CONDEMNS", "the new Indian water plan"),
          ("country:PAK", "REJECTS", "the new Indian water plan")}),
    ],
)  # fmt: skip
def test_the_first_of_two_coordinated_verbs_shares_the_object_after_the_second(nlp_en, text, expected):
    assert expected <= _acts(text)


@pytest.mark.model
def test_a_verb_with_an_object_of_its_own_or_complete_without_one_keeps_what_it_has(nlp_en):
    acts = _acts("The Kremlin criticised the plan and rejected the budget.")
    assert ("country:RUS", "CRITICIZES", "the plan") in acts
    assert ("country:RUS", "CRITICIZES", "the budget") not in acts
    # "withdrew" is complete without an object: the troops did not withdraw the bridge
    acts = _acts("Russian troops withdrew and destroyed the bridge.")
    assert ("group:RUS-MIL", "ATTACKS", "the bridge") in acts
    assert not any(p == "WITHDRAWS" and o == "the bridge" for _, p, o in acts)
