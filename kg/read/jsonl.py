"""JSON Lines of articles (one object a line), from a file or stdin, in UTF-8/16/32."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from kg.model import Article, ModelError
from kg.read.articles import clean_article
from kg.read.clean import max_article_chars, size_problem
from kg.read.decode import Recoded, bounded_lines, decode_text, max_json_line_bytes, wide_encoding
from kg.read.errors import ErrorHandler, InputError
from kg.read.seen import SeenIds, note_origin

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def article_from_json(
    line: str, source: str, lineno: int | None, on_error: ErrorHandler, limit: int | None = None
) -> tuple[Article, str] | None:
    """The article of one JSON Lines line, cleaned and within the size limit, and the kind of its id
    ("number" or "string"); else None, the reason reported to ``on_error``. Every reader of JSON articles
    uses it (``kg ingest``/``kg extract`` and the Spark job), so they clean and refuse alike.
    """
    limit = limit or max_article_chars()
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        on_error(InputError(source, f"malformed JSON ({exc.msg}, column {exc.colno}); line skipped", lineno))
        return None
    except RecursionError:
        on_error(InputError(source, "JSON nested too deeply; line skipped", lineno))
        return None
    raw_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(raw_id, bool):  # JSON true/false: a bool is an int to Python, and would become "True"
        on_error(InputError(source, f"field 'id' must be a string or an integer, got {line_id(raw_id)}; "
                            "line skipped", lineno))  # fmt: skip
        return None
    try:
        article = clean_article(Article.from_dict(record))
    except ModelError as exc:
        on_error(InputError(source, f"{exc}; line skipped", lineno))
        return None
    if not article.text.strip():
        on_error(InputError(source, "article has empty text; line skipped", lineno))
        return None
    problem = size_problem(article.text, limit)
    if problem:
        on_error(InputError(source, problem, lineno))
        return None
    return article, "number" if isinstance(raw_id, int) else "string"


def jsonl_articles(
    stream: BinaryIO, source: str, on_error: ErrorHandler, seen: SeenIds | None = None
) -> Iterator[Article]:
    seen = seen if seen is not None else SeenIds()
    limit = max_article_chars()
    max_line = max_json_line_bytes(limit)
    encoding = wide_encoding(stream)
    if encoding is not None:  # lines end in two or four bytes there: split them after decoding
        stream = Recoded(stream, encoding)  # type: ignore[assignment]
    for lineno, raw in enumerate(bounded_lines(stream, max_line), start=1):
        if raw is None:
            on_error(
                InputError(
                    source,
                    f"line longer than {max_line:,} bytes (articles are limited to {limit:,} characters); line skipped",
                    lineno,
                )
            )
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = decode_text(raw, source)[0] or ""  # as for text files: Windows-1252, else Latin-1
        found = article_from_json(line, source, lineno, on_error, limit)
        if found is None:
            continue
        article, id_kind = found
        if seen.keep(article, id_kind, source, lineno, on_error):
            note_origin(article, source, lineno)
            yield article


def line_id(value: bool) -> str:
    return "true" if value else "false"
