"""``kg ingest``: read articles, extract, load into the embedded store or Neo4j, in one streaming pass."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import click

from kg.cli.common import EXIT_ENVIRONMENT, EXIT_INTERRUPTED, EXIT_USAGE, InputProblems, fail, renamed_option
from kg.cli.stores import (
    ArticleProgress,
    article_label,
    count_articles,
    is_connection_error,
    lost_connection,
    open_store_or_exit,
    print_summary,
    reporter,
    store_options,
)
from kg.interrupts import deferred_interrupts
from kg.load.base import GraphStore, LoadStats, StoreError
from kg.model import Article, Extraction
from kg.read import InputError, read_articles, unknown_summary, with_default_lang

#: Articles whose stored content_hash is looked up in one query.
LOOKUP_CHUNK = 256


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@store_options
# Extraction, not loading, sets ingest's pace (about 1,000 triples take a minute or two to extract, a
# tenth of a second to load): small transactions commit progress often, so Ctrl-C loses little.
@renamed_option(
    "--transaction-size",
    "--batch-size",
    "transaction_size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Triples per transaction (each commit saves progress); formerly --batch-size.",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes.")
@click.option("--lang", default=None, help="Language of articles that do not say (default: detected).")
@click.option(
    "--triage/--no-triage",
    default=None,
    help="Parse only the sentences that may hold a fact (default: on, or KG_TRIAGE); --no-triage parses every "
    "sentence in full.",
)
@click.option("--force", is_flag=True, help="Re-extract and rewrite articles even if already loaded unchanged.")
def command(
    paths: tuple[str, ...],
    use_neo4j: bool,
    store_dir: str | None,
    transaction_size: int,
    workers: int,
    lang: str | None,
    triage: bool | None,
    force: bool,
) -> None:
    """Extract the articles in PATHS and load them into a graph store.

    \b
    PATHS: .txt/.md files (one article each), .jsonl files (one article per
    line), directories of those, or - for standard input.
    \b
    Store: --store DIR (embedded, default ./kg-data), --neo4j, or Neo4j when
    NEO4J_URI is set and --store is not given. Articles already loaded with
    the same text are skipped before extraction; changed ones are replaced.
    """
    with deferred_interrupts():  # spaCy's import: a Ctrl-C in it is raised after it, not lost
        from kg.extract.pipeline import Extractor
        from kg.lang import UnsupportedLanguageError, get_language
        from kg.spacy_models import ModelNotFoundError, resolve_model

    lang = lang.lower() if lang else None
    if lang:  # as in `kg extract`: check the language and its model before touching any store
        try:
            get_language(lang)
            resolve_model(lang)
        except UnsupportedLanguageError as exc:
            fail(str(exc), EXIT_USAGE)
        except ModelNotFoundError as exc:
            fail(str(exc), EXIT_ENVIRONMENT)
    problems = InputProblems()
    unknown: list[Path] = []  # files of a directory that are no articles' type, named in the summary
    store = open_store_or_exit(use_neo4j, store_dir, transaction_size)
    counts = {"read": 0, "extracted": 0, "not_extracted": 0}
    stats = LoadStats()
    # Counted first when that is cheap (files, JSON Lines lines), so the bar has a total and a time left.
    bar = ArticleProgress("ingesting", count_articles(paths) if sys.stderr.isatty() else None)

    def on_skip(article: Article, reason: str) -> None:
        counts["not_extracted"] += 1
        bar.advance()
        problems(InputError(article_label(article.id), f"{reason}; skipped"))

    extractor = Extractor(workers=workers, default_lang=lang, triage=triage)
    try:
        articles = with_default_lang(read_articles(paths, on_error=problems, on_unknown=unknown.append), lang)
        fresh = _counted(articles, counts) if force else _unchanged_filtered(articles, store, counts, stats, bar)
        with bar:
            extractions = _extracted(extractor.extract(fresh, on_skip=on_skip), counts, bar)
            store.write(extractions, stats=stats, force=force, on_reject=reporter(problems))
    except KeyboardInterrupt:
        _stop(store, stats, counts, "interrupted; the batches committed before are kept", EXIT_INTERRUPTED)
    except StoreError as exc:
        _stop(store, stats, counts, f"error: {exc}", EXIT_ENVIRONMENT)
    except Exception as exc:
        if not is_connection_error(exc):
            raise
        _stop(store, stats, counts, lost_connection(store, exc), EXIT_ENVIRONMENT)
    store.close()
    print_summary(stats, **counts)
    if unknown:
        click.echo(f"kg: note: {unknown_summary(unknown)}", err=True)
    if extractor.missing_models:  # articles were skipped for want of a model: an environment problem
        for message in extractor.missing_models.values():
            click.echo(f"kg: error: {message}", err=True)
        sys.exit(EXIT_ENVIRONMENT)
    sys.exit(problems.exit_code)


def _stop(store: GraphStore, stats: LoadStats, counts: dict[str, int], message: str, code: int) -> None:
    """End a run early: what was committed stays and is reported, then exit with ``code``."""
    store.close()
    click.echo(f"kg: {message}", err=True)
    print_summary(stats, **counts)
    sys.exit(code)


def _counted(articles: Iterable[Article], counts: dict[str, int]) -> Iterator[Article]:
    for article in articles:
        counts["read"] += 1
        yield article


def _extracted(extractions: Iterable[Extraction], counts: dict[str, int], bar: ArticleProgress) -> Iterator[Extraction]:
    for extraction in extractions:
        counts["extracted"] += 1
        bar.advance()
        yield extraction


def _unchanged_filtered(
    articles: Iterable[Article],
    store: GraphStore,
    counts: dict[str, int],
    stats: LoadStats,
    bar: ArticleProgress | None = None,
) -> Iterator[Article]:
    """The articles not already stored with the same content, looked up in chunks (one query per chunk)."""
    it = iter(articles)
    while chunk := list(islice(it, LOOKUP_CHUNK)):
        known = store.known_hashes([a.id for a in chunk])
        counts["read"] += len(chunk)
        for article in chunk:
            if known.get(article.id) == article.content_hash:
                stats.articles_skipped += 1
                if bar is not None:
                    bar.advance()
            else:
                yield article
