"""Article fields (and plain text) to cleaned :class:`~kg.model.Article` s within the size limit, problems reported."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.model import Article, ModelError, stable_hash
from kg.read.clean import clean_article_text, clean_optional, size_problem
from kg.read.errors import ErrorHandler, InputError
from kg.read.formats import Fields, text_fields
from kg.read.seen import SeenIds, note_origin


def text_article(
    text: str, source: str, on_error: ErrorHandler, seen: SeenIds | None = None, suffix: str = ".txt"
) -> Iterator[Article]:
    text = clean_article_text(text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped"))
        return
    problem = size_problem(text)
    if problem:
        on_error(InputError(source, problem))
        return
    fields = text_fields(text, suffix)
    # The id of the whole text, as before titles and front matter were read (kg.read.formats).
    yield from fields_article(fields, source, on_error, seen, default_id=stable_hash("", text))


def fields_article(
    fields: Fields,
    source: str,
    on_error: ErrorHandler,
    seen: SeenIds | None,
    default_id: str | None = None,
    line: int | None = None,
) -> Iterator[Article]:
    """The article of ``fields`` read from ``source`` (problems reported, the article kept if it can be)."""
    for problem in fields.problems:
        on_error(InputError(source, problem, line))
    text = clean_article_text(fields.text)
    if not text.strip():
        on_error(InputError(source, "empty article (no text); skipped", line))
        return
    problem = size_problem(text)
    if problem:
        on_error(InputError(source, problem, line))
        return
    try:
        article = Article.create(
            text,
            id=clean_optional(fields.id) or default_id,
            url=clean_optional(fields.url),
            title=clean_optional(fields.title),
            source=clean_optional(fields.source),
            published=fields.published,
            lang=clean_optional(fields.lang),
        )
    except ModelError as exc:
        on_error(InputError(source, f"{exc}; skipped", line))
        return
    if seen is None or seen.keep(article, "string", source, line, on_error):
        note_origin(article, source, line)
        yield article


def clean_article(article: Article) -> Article:
    fields = {name: getattr(article, name) for name in Article.__slots__}
    for name in ("id", "url", "title", "source", "lang"):
        fields[name] = clean_optional(fields[name])
    fields["text"] = clean_article_text(fields["text"])
    return Article(**fields)


def with_default_lang(articles: Iterable[Article], lang: str | None) -> Iterator[Article]:
    """``articles``, those that do not name their language given ``lang`` (``--lang``)."""
    for article in articles:
        yield replace(article, lang=lang) if lang and not article.lang else article
