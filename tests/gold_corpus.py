"""Test helper: a Neo4j database holding exactly the query corpus, built from gold annotations."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.gold.graph import gold_extractions
from kg.model import Extraction
from tests.conftest import wipe

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Our own articles in the gold format, written so that every named query has something to find.
QUERY_CORPUS = FIXTURES / "query_corpus.jsonl"
#: The extractor's gold set (may be absent while it is being written).
GOLD_SET = FIXTURES / "gold" / "articles.jsonl"


def load_into(driver: Any, extractions: Iterable[Extraction], database: str | None = None) -> Any:
    """Write ``extractions`` with the Neo4j loader (schema first); returns the loader's stats."""
    from kg.load.neo4j_writer import Neo4jStore

    store = Neo4jStore(driver, database=database)
    store.ensure_schema()
    return store.write(list(extractions))


def fixture_paths() -> list[Path]:
    """The fixture corpora that exist: the gold set and the query corpus."""
    return [p for p in (GOLD_SET, QUERY_CORPUS) if p.exists()]


def load_query_corpus(driver: Any, database: str | None, *paths: Path) -> Any:
    """Empty the database and load ``paths`` (default: the query corpus) through the real loader."""
    wipe(driver, database)
    extractions = [ex for path in (paths or (QUERY_CORPUS,)) for ex in gold_extractions(path)]
    return load_into(driver, extractions, database)


def query_corpus_env(driver: Any, settings: Any) -> dict[str, str]:
    """Load the query corpus into the test server; the environment that points ``kg`` at it."""
    load_query_corpus(driver, settings.database)
    values = {"NEO4J_URI": settings.uri, "NEO4J_USER": settings.user, "NEO4J_PASSWORD": settings.password}
    if settings.database:
        values["NEO4J_DATABASE"] = settings.database
    return values
