"""Flatten a batch of extractions into the rows both stores write.

Neo4j and the embedded store must end up with the same graph from the same
input, so the decisions about what a batch contains live here, once:

* every entity a batch touches (the article's entities, triple subjects and
  entity objects) is written, merged per key within the batch: aliases are
  united in first-seen order, the last non-empty name wins, and a later non-null
  country/role/sector replaces an earlier one (as across batches in the stores);
* the same article twice in one batch: the last version wins;
* every label and relationship type is checked against its whitelist here,
  for the whole batch, before any statement runs, and every id, key, name and
  alias against the model's length limits (:func:`kg.model.check_bounds`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.model import Concept, Entity, Extraction, ModelError, check_bounds
from kg.vocabulary import check_label, check_relationship_type


@dataclass
class BatchRows:
    """Everything one batch writes, grouped the way the statements need it."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # type -> rows
    concepts: list[dict[str, Any]] = field(default_factory=list)
    involves: list[dict[str, str]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # predicate -> rows

    @property
    def article_ids(self) -> list[str]:
        return [a["id"] for a in self.articles]

    @property
    def entity_count(self) -> int:
        return sum(len(rows) for rows in self.entities.values())

    @property
    def triple_count(self) -> int:
        return sum(len(rows) for rows in self.relations.values())


def validate(extraction: Extraction) -> None:
    """Raise :class:`~kg.model.ModelError` if anything in ``extraction`` may not be written."""
    art = extraction.article
    check_bounds(extraction)
    for ent in _entities_of(extraction):
        check_label(ent.type)
    for triple in extraction.triples:
        check_relationship_type(triple.predicate)
        if triple.provenance.article_id != art.id:
            raise ModelError(
                f"triple {triple.id} names article {triple.provenance.article_id!r} but belongs to {art.id!r}"
            )


def _entities_of(extraction: Extraction) -> Iterable[Entity]:
    yield from extraction.entities
    for triple in extraction.triples:
        yield triple.subject
        if isinstance(triple.object, Entity):
            yield triple.object


def build_rows(extractions: Iterable[Extraction], *, validated: bool = False) -> BatchRows:
    """Validate and flatten ``extractions`` (one batch) into :class:`BatchRows`.

    ``validated``: the caller has just run :func:`validate` on each (as :mod:`kg.load.batch_loop`
    does), so it is not run twice; a fifth of the loader's own CPU time went to the second run.
    """
    latest: dict[str, Extraction] = {}
    for ex in extractions:
        if not validated:
            validate(ex)
        latest.pop(ex.article.id, None)  # keep input order, last version wins
        latest[ex.article.id] = ex

    rows = BatchRows()
    entities: dict[str, dict[str, Any]] = {}
    concepts: dict[str, dict[str, Any]] = {}
    involves: dict[tuple[str, str], dict[str, str]] = {}
    relations: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    for ex in latest.values():
        art = ex.article
        rows.articles.append(article_row(ex))
        for ent in _entities_of(ex):
            _merge_entity(entities, ent)
        counts = ex.mention_counts
        for key in dict.fromkeys([*(e.key for e in ex.entities), *counts]):
            rows.mentions.append({"article_id": art.id, "key": key, "count": int(counts.get(key, 1))})
        for triple in ex.triples:
            obj = triple.object
            if isinstance(obj, Concept):
                concepts[obj.key] = {"key": obj.key, "text": obj.text, "lang": obj.lang}
                for key in obj.mentions:
                    involves[(obj.key, key)] = {"concept": obj.key, "entity": key}
            p = triple.provenance
            tid = triple.id  # a hash: computed once
            relations[triple.predicate][tid] = {
                "id": tid,
                "subject": triple.subject.key,
                "object": obj.key,
                "object_label": "Concept" if isinstance(obj, Concept) else "Entity",
                "props": {
                    "id": tid,
                    "article_id": p.article_id,
                    "sentence": p.sentence,
                    "start": p.start,
                    "end": p.end,
                    "evidence": p.text,
                    "verb": triple.verb,
                    "polarity": triple.polarity,
                    "hedged": triple.hedged,
                    "cameo": triple.cameo,
                    "plover": triple.plover,
                    "confidence": triple.confidence,
                    "published": art.published,
                    "reported_by": triple.reported_by,
                    "quad": int(triple.quad) if triple.quad is not None else None,
                    "goldstein": float(triple.goldstein) if triple.goldstein is not None else None,
                    "addressee": triple.addressee,
                    "modality": triple.modality,
                },
            }

    # Mentions of keys that are not entities of this batch cannot be linked; drop them here so
    # both stores agree (Neo4j's MATCH would silently drop them, SQLite would not).
    known = set(entities)
    rows.mentions = [m for m in rows.mentions if m["key"] in known]
    for row in entities.values():
        rows.entities.setdefault(row["type"], []).append(row)
    rows.concepts = list(concepts.values())
    rows.involves = list(involves.values())
    rows.relations = {pred: list(by_id.values()) for pred, by_id in sorted(relations.items())}
    return rows


def article_row(ex: Extraction) -> dict[str, Any]:
    art = ex.article
    return {
        "id": art.id,
        "url": art.url,
        "title": art.title,
        "source": art.source,
        "published": art.published,
        "lang": art.lang,
        "place": art.place,
        "agency": art.agency,
        "content_hash": art.content_hash,
    }


def _merge_entity(acc: dict[str, dict[str, Any]], ent: Entity) -> None:
    row = acc.get(ent.key)
    if row is None:
        acc[ent.key] = {
            "key": ent.key,
            "name": ent.name,
            "type": ent.type,
            "aliases": list(dict.fromkeys(ent.aliases)),
            "country": ent.country,
            "role": ent.role,
            "sector": ent.sector,
        }
        return
    if ent.name:
        row["name"] = ent.name
    row["type"] = ent.type
    row["aliases"] = list(dict.fromkeys([*row["aliases"], *ent.aliases]))
    row["country"] = ent.country or row["country"]
    row["role"] = ent.role or row["role"]
    row["sector"] = ent.sector or row["sector"]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
