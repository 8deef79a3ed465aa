"""Extraction quality must not regress: the gold set's scores stay above what was reached.

Floors are the scores measured when they were set (README, "Extraction
quality") minus a margin of 0.03, so that a change which costs more than one
or two triples fails here and has to say why. Raise the floors when quality
improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gold.score import evaluate_file

pytestmark = [pytest.mark.model, pytest.mark.slow]

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "articles.jsonl"

#: (language, entities F1, triples precision, triples recall, triples F1) floors: reached - 0.03, rounded down.
#: Reached 2026-12-01 (18 articles): de 0.970 / 0.886 / 0.765 / 0.821, en 0.990 / 0.933 / 0.875 / 0.903,
#: all 0.980 / 0.910 / 0.818 / 0.862. Lower than before (0.995 / 1.000 / 0.939 / 0.969) by convention, not
#: by accident: this set was written with the old rules, and the dev set's guideline (and issue 11) now
#: key sector actors as groups ("die iranische Regierung" -> group:IRN-GOV), give no denial for someone
#: else's negated act, store no event inside a denial, accusation or hypothetical, and read "rejected the
#: accusation" as a denial.
FLOORS = {
    "de": (0.94, 0.85, 0.73, 0.79),
    "en": (0.96, 0.90, 0.84, 0.87),
    "all": (0.95, 0.88, 0.78, 0.83),
}


@pytest.fixture(scope="module")
def report(nlp_de, nlp_en):
    return evaluate_file(GOLD)


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_scores_stay_above_their_floors(report, lang):
    group = report.overall if lang == "all" else report.by_lang[lang]
    ent_f1, tri_p, tri_r, tri_f1 = FLOORS[lang]
    misses = "\n".join(f"{p.article_id} {p.kind}: {p.what}" for p in report.problems)
    assert group.entities.f1 >= ent_f1, misses
    assert group.triples.precision >= tri_p, misses
    assert group.triples.recall >= tri_r, misses
    assert group.triples.f1 >= tri_f1, misses


def test_polarity_and_hedging_of_matched_triples_are_right(report):
    d = report.overall.to_dict()
    assert d["polarity_accuracy"] >= 0.95 and d["hedged_accuracy"] >= 0.95
