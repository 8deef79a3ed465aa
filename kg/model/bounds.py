"""Length limits of what kg stores, checked before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model.checks import ModelError
from kg.model.nodes import Entity

if TYPE_CHECKING:
    from kg.model.extraction import Extraction

#: Longest id, key, entity name, alias or role kg stores. Neo4j refuses an index entry over about 8 KB
#: ("Property value is too large to index") and rolls back the whole transaction; 1,000 characters are at
#: most 4,000 bytes of UTF-8, half that limit, and far beyond any real name.
MAX_KEY_CHARS = 1_000
#: Longest article title, source or URL kg stores (not indexed, but shown everywhere; text is capped too).
MAX_FIELD_CHARS = 4_000


def check_length(what: str, value: str | None, limit: int = MAX_KEY_CHARS) -> None:
    """Raise :class:`ModelError` naming ``what`` (and the start of ``value``) when ``value`` is over ``limit``."""
    if value is not None and len(value) > limit:
        raise ModelError(f"{what} {value[:40]!r}... has {len(value):,} characters, more than kg stores ({limit:,})")


def check_bounds(extraction: Extraction) -> None:
    """Raise :class:`ModelError` if any id, key, name or alias of ``extraction`` is over its limit.

    The loaders call this for every article before writing, so one absurd value skips its article
    (reported) instead of failing a batch of valid ones in Neo4j, and both stores hold the same.
    """
    art = extraction.article
    check_length("article id", art.id)
    for what, value in (("title", art.title), ("source", art.source), ("url", art.url)):
        check_length(what, value, MAX_FIELD_CHARS)
    entities = list(extraction.entities)
    for triple in extraction.triples:
        entities.append(triple.subject)
        check_length("triple reported_by key", triple.reported_by)
        check_length("triple article id", triple.provenance.article_id)
        if isinstance(triple.object, Entity):
            entities.append(triple.object)
        else:
            check_length("concept key", triple.object.key)
    for ent in entities:
        check_length("entity key", ent.key)
        check_length("entity name", ent.name)
        check_length("entity role", ent.role)
        for alias in ent.aliases:
            check_length("entity alias", alias)
