"""Test helper: a Neo4j database holding exactly the query corpus, built from gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.fixtures import gold_extractions, load_into
from tests.conftest import wipe

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Our own articles in the gold format, written so that every named query has something to find.
QUERY_CORPUS = FIXTURES / "query_corpus.jsonl"
#: The extractor's gold set (may be absent while it is being written).
GOLD_SET = FIXTURES / "gold" / "articles.jsonl"


def load_query_corpus(driver: Any, database: str | None, *paths: Path) -> Any:
    """Empty the database and load ``paths`` (default: the query corpus) through the real loader."""
    wipe(driver, database)
    extractions = [ex for path in (paths or (QUERY_CORPUS,)) for ex in gold_extractions(path)]
    return load_into(driver, extractions, database)
