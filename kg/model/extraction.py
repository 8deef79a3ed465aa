"""Everything read from one article, and its JSON Lines records (``kg extract`` writes them, ``kg load`` reads them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.model.article import Article
from kg.model.checks import ModelError
from kg.model.nodes import Entity
from kg.model.triple import Triple

#: Version of the JSON Lines records of `kg extract` (the "schema" field of an article record); the embedded
#: store's own database schema is `kg.load.sqlite_schema.STORE_SCHEMA_VERSION`.
RECORD_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the unit every stage passes on.

    ``entities`` are the article's resolved entities (aliases = surface forms
    seen in this article); ``mentions`` counts how often each entity key is
    mentioned, for ``(:Article)-[:MENTIONS {count}]->(:Entity)``.
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = ()
    mentions: tuple[tuple[str, int], ...] = field(default=())

    @property
    def mention_counts(self) -> dict[str, int]:
        return dict(self.mentions)

    def to_records(self) -> Iterable[dict[str, Any]]:
        """The JSON Lines records of this extraction, in a stable order.

        One ``article`` record, then one ``entity`` record per entity (with its
        article id and mention count), then one ``triple`` record per triple.
        ``kg load`` reads exactly this stream back with :func:`read_records`.
        """
        counts = self.mention_counts
        yield {
            "kind": "article",
            "schema": RECORD_SCHEMA_VERSION,
            "content_hash": self.article.content_hash,
            **self.article.to_dict(),
        }
        for ent in self.entities:
            yield {"kind": "entity", "article_id": self.article.id, "count": counts.get(ent.key, 1), **ent.to_dict()}
        for triple in self.triples:
            yield {"kind": "triple", **triple.to_dict()}


def extractions_from_records(records: Iterable[Mapping[str, Any]]) -> Iterable[Extraction]:
    """Regroup a stream of JSON Lines records (as written by ``to_records``) into extractions.

    Records of one article must be contiguous, as ``kg extract`` writes them.
    Raises :class:`ModelError` naming the offending record on bad input.
    """
    article: Article | None = None
    entities: list[Entity] = []
    triples: list[Triple] = []
    counts: dict[str, int] = {}

    def flush() -> Extraction | None:
        if article is None:
            return None
        return Extraction(article, tuple(entities), tuple(triples), tuple(counts.items()))

    for record in records:
        kind = record.get("kind")
        if kind == "article":
            done = flush()
            if done is not None:
                yield done
            article = Article.from_dict(record)
            entities, triples, counts = [], [], {}
        elif kind == "entity":
            if article is None or record.get("article_id") != article.id:
                raise ModelError("entity record does not follow its article record")
            ent = Entity.from_dict(record)
            entities.append(ent)
            counts[ent.key] = int(record.get("count", 1))
        elif kind == "triple":
            if article is None or record.get("article_id") != article.id:
                raise ModelError("triple record does not follow its article record")
            triples.append(Triple.from_dict(record))
        else:
            raise ModelError(f"unknown record kind {kind!r}")
    done = flush()
    if done is not None:
        yield done
