"""The article: one news text and what is known of where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kg.model.bounds import MAX_FIELD_CHARS, check_length
from kg.model.checks import ModelError
from kg.model.fields import opt_str, parse_date, req_str
from kg.model.keys import content_hash, stable_hash


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from disk or JSON Lines.

    ``id`` is given by the source or, when absent, derived from the text so
    that the same text always gets the same id.
    """

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    lang: str | None = None
    #: the dateline's place ("KYIV, March 3 (Reuters) -" -> "KYIV"): where the article was filed
    place: str | None = None
    #: the agency of a dateline or byline ("Reuters", "dpa"): who filed it
    agency: str | None = None

    @classmethod
    def create(
        cls,
        text: str,
        *,
        id: str | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        published: date | str | None = None,
        lang: str | None = None,
        place: str | None = None,
        agency: str | None = None,
    ) -> Article:
        """Build an article, deriving the id from the content when none is given."""
        if not isinstance(text, str):
            raise ModelError(f"text must be a string, got {type(text).__name__}")
        check_length("article id", id)
        for what, value in (("title", title), ("source", source), ("url", url)):
            check_length(what, value, MAX_FIELD_CHARS)
        return cls(
            id=id or stable_hash(title or "", text),
            text=text,
            url=url,
            title=title,
            source=source,
            published=parse_date(published),
            lang=lang.lower() if lang else None,
            place=place,
            agency=agency,
        )

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "lang": self.lang,
            "place": self.place,
            "agency": self.agency,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Article:
        if not isinstance(record, Mapping):
            raise ModelError(f"an article must be a JSON object, got {type(record).__name__}")
        ident = record.get("id")
        if ident is not None and not isinstance(ident, (str, int)):
            raise ModelError(f"field 'id' must be a string, got {type(ident).__name__}")
        return cls.create(
            req_str(record, "text"),
            id=str(ident) if ident is not None else None,
            url=opt_str(record, "url"),
            title=opt_str(record, "title"),
            source=opt_str(record, "source"),
            published=record.get("published"),
            lang=opt_str(record, "lang"),
            place=opt_str(record, "place"),
            agency=opt_str(record, "agency"),
        )
