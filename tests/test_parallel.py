"""Multi-process and language-regrouped extraction (kg.extract.parallel): same output, input order, real batches."""

from __future__ import annotations

from functools import partial

import pytest

from bench.corpus import generate
from kg.extract.parallel import _balanced_chunks, extract_grouped, extract_parallel
from kg.model import Article, Extraction


def _article(i: int, lang: str | None) -> Article:
    return Article.create(f"Text number {i}.", id=f"a{i}", lang=lang)


class RecordingRun:
    """A stand-in extraction step that records the batches it is given and skips language 'xx'."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, articles, on_skip, on_fail=None):
        self.batches.append([a.id for a in articles])
        for art in articles:
            if art.lang == "xx":
                on_skip(art, "unsupported")
            else:
                yield Extraction(art)


def test_grouped_extraction_batches_each_language_and_keeps_input_order():
    langs = ["de", "en", "de", "xx", "en", "de"]
    articles = [_article(i, lang) for i, lang in enumerate(langs)]
    run = RecordingRun()
    events: list[str] = []

    def on_skip(article, reason):
        events.append(f"skip {article.id} ({reason})")

    for ex in extract_grouped(run, lambda a: a.lang, articles, on_skip=on_skip):
        events.append(ex.article.id)

    assert events == ["a0", "a1", "a2", "skip a3 (unsupported)", "a4", "a5"]
    # One batch per language within the window, instead of six batches of one.
    assert sorted(run.batches) == [["a0", "a2", "a5"], ["a1", "a4"], ["a3"]]


def test_grouped_extraction_windows_bound_the_batch_size():
    articles = [_article(i, "de") for i in range(10)]
    run = RecordingRun()
    out = [ex.article.id for ex in extract_grouped(run, lambda a: a.lang, articles, window=4)]
    assert out == [a.id for a in articles]
    assert [len(b) for b in run.batches] == [4, 4, 2]


def test_same_article_twice_is_extracted_twice_in_place():
    art = _article(1, "de")
    other = _article(2, "en")
    out = [ex.article.id for ex in extract_grouped(RecordingRun(), lambda a: a.lang, [art, other, art])]
    assert out == ["a1", "a2", "a1"]


def test_parallel_extraction_equals_single_process_extraction(nlp_de, nlp_en):
    from kg.extract.pipeline import Extractor

    articles = list(generate(10, seed=5))
    articles.insert(3, Article.create("Ceci est un article en français sur la politique.", id="fr-1", lang="fr"))
    skipped: list[str] = []

    make = partial(Extractor, workers=1)
    parallel = list(
        extract_parallel(
            articles, workers=2, make_extractor=make, chunk_size=3, on_skip=lambda a, _: skipped.append(a.id)
        )
    )
    single = list(Extractor(workers=1).extract(articles, on_skip=lambda a, reason: None))

    assert skipped == ["fr-1"]
    assert [ex.article.id for ex in parallel] == [a.id for a in articles if a.id != "fr-1"]
    assert [list(ex.to_records()) for ex in parallel] == [list(ex.to_records()) for ex in single]


def test_language_is_detected_once_and_the_original_article_comes_back():
    detected: list[str] = []
    seen_langs: list[str | None] = []

    def language_of(article):
        if article.lang:
            return article.lang
        detected.append(article.id)
        return "de"

    def run(articles, on_skip, on_fail=None):
        for art in articles:
            seen_langs.append(language_of(art))  # what the extractor's own loop would do
            yield Extraction(art)

    articles = [_article(1, None), _article(2, "en")]
    out = list(extract_grouped(run, language_of, articles))

    assert detected == ["a1"], "detection ran more than once per article"
    assert sorted(seen_langs) == ["de", "en"]
    assert [ex.article for ex in out] == articles
    assert out[0].article is articles[0] and out[0].article.lang is None


def test_parallel_chunks_are_whole_until_the_input_ends_then_finer_so_workers_finish_together():
    sizes = [len(c) for c in _balanced_chunks(range(40), 8, 2)]
    assert sizes == [8, 8] + [3] * 8
    # Dealt to whichever worker is free, the tail splits the work 20/20, where chunks of 8 gave 24/16.
    assert [x for c in _balanced_chunks(range(40), 8, 2) for x in c] == list(range(40))
    long = [len(c) for c in _balanced_chunks(range(1000), 8, 2)]
    assert long[:100] == [8] * 100 and sum(long) == 1000 and max(long[-8:]) < 8
    assert list(_balanced_chunks([], 8, 2)) == []
    assert [len(c) for c in _balanced_chunks(range(3), 8, 2)] == [1, 1, 1]


class Boom(RuntimeError):
    pass


def _failing_extractor(**kwargs):
    """An extractor whose entity stage raises on the article with id "bad" (stands for a parse nobody foresaw)."""
    from kg.extract.pipeline import Extractor

    class Failing(Extractor):
        def _finish(self, lang, article, doc):
            if article.id == "bad":
                raise Boom("unforeseen parse")
            return super()._finish(lang, article, doc)

    return Failing(**kwargs)


def _three():
    return [Article.create(f"Russland kritisierte die Ukraine {i}.", id=i, lang="de") for i in ("a", "bad", "b")]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_caught_once_counted_and_skipped(nlp_de, workers):
    skipped: list[tuple[str, str]] = []
    if workers == 1:
        extractor = _failing_extractor()
        out = list(extractor.extract(_three(), on_skip=lambda a, why: skipped.append((a.id, why))))
        report = extractor.report
    else:
        from kg.extract.report import RunReport

        report = RunReport()
        out = list(
            extract_parallel(
                _three(), workers=2, make_extractor=_failing_extractor, chunk_size=1, report=report,
                on_skip=lambda a, why: skipped.append((a.id, why)),
            )
        )  # fmt: skip
    assert [ex.article.id for ex in out] == ["a", "b"]
    assert skipped == [("bad", "extraction failed: Boom: unforeseen parse")]
    assert report.failed == skipped and report.skipped == [] and report.extracted == 2


def test_on_error_raise_ends_the_run(nlp_de):
    with pytest.raises(Boom):
        list(_failing_extractor(on_error="raise").extract(_three()))
    with pytest.raises(ValueError, match="on_error"):
        _failing_extractor(on_error="ignore")


def test_the_parent_sees_the_models_the_workers_found_missing(monkeypatch):
    """`Extractor.missing_models` used to be filled only inside the worker (issue 12): now the report has it."""
    from kg.extract.pipeline import Extractor
    from kg.spacy_models import ModelNotFoundError

    def no_model(code, **kwargs):
        raise ModelNotFoundError(f"no spaCy pipeline for language {code!r}")

    monkeypatch.setattr("kg.extract.pipeline.load_pipeline", no_model)  # forked workers inherit it
    arts = [Article.create(f"Text {i}.", id=str(i), lang="de") for i in range(4)]
    extractor = Extractor(workers=2)
    reasons: list[str] = []
    assert list(extractor.extract(arts, on_skip=lambda a, why: reasons.append(why))) == []
    assert set(extractor.missing_models) == {"de"}
    assert len(extractor.report.skipped) == 4 and set(reasons) == set(extractor.missing_models.values())
