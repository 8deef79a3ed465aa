"""Sentence triage: only sentences that may hold a fact get the full pipeline, and the output stays the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.triage_identity import compare
from kg.cli import cli
from kg.extract import triage
from kg.extract.pipeline import Extractor
from kg.model import Article
from kg.read import read_articles

pytestmark = pytest.mark.model

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"
FILLER_EN = "It had rained for most of the morning, and the streets outside were almost empty."
FILLER_DE = "Den größten Teil des Vormittags hatte es geregnet, die Straßen waren fast leer."


@pytest.mark.parametrize("name", ["articles.jsonl", "heldout_wire.jsonl"])
def test_triage_gives_the_gold_sets_triples_of_the_full_path(name, nlp_de, nlp_en, monkeypatch):
    """Every triple record (sentence index, offsets, evidence, flags) and entity of the gold articles is unchanged.

    Articles that keep most of their tokens are normally parsed whole; here every article goes through
    runs and reassembly, so a fact-bearing sentence that triage skipped would show as a lost triple.
    """
    monkeypatch.setattr(triage, "WHOLE_SHARE", 2.0)
    result = compare(list(read_articles([GOLD / name])))
    assert result.triples_full > 50  # the gold set has facts to lose
    assert result.differences == []
    assert result.triple_share == 1.0


@pytest.mark.parametrize(
    ("lang", "filler", "fact"),
    [
        ("en", FILLER_EN, "Russia denied the reports, Lavrov said."),
        ("de", FILLER_DE, "Russland hat die Berichte über nordkoreanische Truppen zurückgewiesen."),
    ],
)
def test_a_sentence_without_actor_or_trigger_skips_the_full_pipeline(lang, filler, fact, nlp_de, nlp_en):
    text = f"{fact} {filler} {fact}"
    article = Article(f"triage-{lang}", text, lang=lang)
    triaged = Extractor(triage=True)
    with_triage = triaged.extract_one(article)
    assert (triaged.triage_counts.sentences, triaged.triage_counts.parsed) == (3, 2)
    full = Extractor(triage=False)
    without = full.extract_one(article)
    assert full.triage_counts.sentences == 0  # the full path does not triage at all
    assert [t.to_dict() for t in with_triage.triples] == [t.to_dict() for t in without.triples]
    assert {t.provenance.sentence for t in with_triage.triples} == {0, 2}  # indices count the skipped sentence


def test_a_fact_sentence_is_kept_even_without_a_known_actor(nlp_en):
    """An unknown name NER would find: a capitalised word inside the sentence keeps it."""
    extractor = Extractor(triage=True)
    extractor.extract_one(Article("t", f"{FILLER_EN} Officials of Ruritania rejected the plan.", lang="en"))
    assert extractor.triage_counts.parsed == 1


def _extract(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_no_triage_from_the_cli_gives_the_same_records(tmp_path, nlp_en, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(f"Russia denied the reports, Lavrov said. {FILLER_EN} Lavrov said Russia had no troops there.")
    calls: list[bool] = []
    original = Extractor.__init__

    def spy(self, *a, **kw):
        original(self, *a, **kw)
        calls.append(self.triage)

    monkeypatch.setattr(Extractor, "__init__", spy)
    assert _extract(str(path), "--no-triage") == _extract(str(path))
    assert calls == [False, True]


def test_kg_triage_setting_turns_it_off(monkeypatch):
    monkeypatch.setenv("KG_TRIAGE", "0")
    assert Extractor().triage is False
    monkeypatch.setenv("KG_TRIAGE", "1")
    assert Extractor().triage is True
