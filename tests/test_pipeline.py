"""The Extractor: streaming, input order, language choice, skipping, workers."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Article, Concept

pytestmark = pytest.mark.model

DE = "Russland hat die Berichte über nordkoreanische Truppen zurückgewiesen. Moskau nannte sie eine Erfindung."
EN = "The Kremlin denied the reports about North Korean troops. Lloyd Austin said that the troops are in Russia."
FR = "Le président français a déclaré mardi que la France enverrait davantage de munitions à l'Ukraine."


def _articles() -> list[Article]:
    texts = [EN, DE, DE + " Berlin warnte.", EN + " Kyiv agreed.", DE + " Kiew stimmte zu.", EN + " NATO met."]
    return [Article.create(t, id=f"a{i}") for i, t in enumerate(texts)]


@pytest.fixture(scope="module")
def extractor(nlp_de, nlp_en):
    return Extractor(batch_size=2)


def test_one_extraction_per_article_in_input_order_with_detected_languages(extractor):
    arts = _articles()
    out = list(extractor.extract(iter(arts)))
    assert [e.article.id for e in out] == [a.id for a in arts]
    assert [extractor.language_of(a) for a in arts] == ["en", "de", "de", "en", "de", "en"]
    assert any(t.predicate == "DENIES" and t.subject.key == "country:RUS" for t in out[0].triples)
    assert any(t.predicate == "DENIES" and t.subject.key == "country:RUS" for t in out[1].triples)


def test_the_articles_lang_wins_over_detection(extractor):
    article = Article.create(DE, id="x", lang="de-DE")
    assert extractor.language_of(article) == "de"
    assert extractor.language_of(Article.create(EN, id="y", lang="EN")) == "en"


def test_extraction_streams_with_a_bounded_window(nlp_de, nlp_en):
    consumed = []

    def gen():
        for a in _articles():
            consumed.append(a.id)
            yield a

    extractor = Extractor(batch_size=2)
    extractor.window = 2  # articles regrouped by language at a time
    first = next(extractor.extract(gen()))
    assert first.article.id == "a0"
    assert len(consumed) <= 3 < len(_articles())


def test_unsupported_language_is_skipped_and_reported(extractor):
    skipped = []
    arts = [Article.create(EN, id="en"), Article.create(FR, id="fr"), Article.create(DE, id="de")]
    out = list(extractor.extract(arts, on_skip=lambda a, reason: skipped.append((a.id, reason))))
    assert [e.article.id for e in out] == ["en", "de"]
    assert len(skipped) == 1 and skipped[0][0] == "fr"
    assert "fr" in skipped[0][1]


def test_a_language_without_a_model_is_skipped_with_the_resolvers_message(monkeypatch, nlp_en):
    monkeypatch.setenv("KG_MODEL_DE", "/nonexistent/de_model")
    extractor = Extractor()
    skipped = []
    out = list(
        extractor.extract(
            [Article.create(DE, id="de", lang="de"), Article.create(EN, id="en", lang="en")],
            on_skip=lambda a, r: skipped.append(r),
        )
    )
    assert [e.article.id for e in out] == ["en"]
    assert "KG_MODEL_DE" in skipped[0]
    assert "de" in extractor.missing_models


def test_extract_one_equals_the_streamed_extraction(extractor):
    arts = _articles()[:2]
    assert [extractor.extract_one(a) for a in arts] == list(extractor.extract(arts))


def test_two_workers_give_the_same_output_as_one(extractor):
    arts = _articles()
    one = [list(e.to_records()) for e in extractor.extract(arts)]
    two = [list(e.to_records()) for e in Extractor(workers=2, batch_size=2).extract(arts)]
    assert one == two


def test_empty_and_odd_texts_do_not_break_the_stream(extractor):
    odd = [
        Article.create("...", id="dots", lang="en"),
        Article.create("x" * 5000, id="long", lang="de"),
        Article.create("Putin " * 400, id="rep", lang="de"),
    ]
    out = list(extractor.extract(odd))
    assert [e.article.id for e in out] == ["dots", "long", "rep"]


@pytest.mark.parametrize(
    ("text", "lang", "fact"),
    [
        # A capital as the recipient of a transfer (a dative, not a destination) stands for its state.
        ("Germany sent tanks to Kyiv.", "en", ("country:DEU", "SUPPLIES_WEAPONS_TO", "country:UKR")),
        # Capitals beyond the first gazetteer (found missing by the held-out articles) stand for their state too.
        ("Budapest rejected the proposal.", "en", ("country:HUN", "REJECTS", "the proposal")),
        ("Bukarest wies die Vorwürfe zurück.", "de", ("country:ROU", "DENIES", "die Vorwürfe")),
    ],
)
def test_capitals_standing_for_their_state_reach_the_triples(extractor, text, lang, fact):
    extraction = extractor.extract_one(Article.create(text, lang=lang))
    facts = {(t.subject.key, t.predicate, t.object.text if isinstance(t.object, Concept) else t.object.key)
             for t in extraction.triples}  # fmt: skip
    assert fact in facts


def test_a_capital_as_a_destination_stays_a_place(extractor):
    extraction = extractor.extract_one(Article.create("Olaf Scholz travelled to Kyiv on Monday.", lang="en"))
    assert "location:kyiv" in {e.key for e in extraction.entities}
    assert "country:UKR" not in {e.key for e in extraction.entities}
