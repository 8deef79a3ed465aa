"""What resolution hands on: the document's mentions, entities and affiliations, frozen.

The passes of :mod:`kg.extract.resolve` work on mutable records (:mod:`kg.extract.found`); at the
end they become :class:`~kg.model.Entity` values (gazetteer entries keep their record's fields)
and a :class:`~kg.extract.mentions.MentionIndex` the relation stage queries token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.found import Info
from kg.extract.mentions import Mention, MentionIndex
from kg.gazetteer import country_key
from kg.model import Entity

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer


@dataclass(frozen=True, slots=True)
class Affiliation:
    """``member`` belongs to ``group`` (a state or organisation), in ``role`` if known."""

    member: Entity
    group: Entity
    role: str | None
    token: int


@dataclass(frozen=True, slots=True)
class EntityAnalysis:
    """Everything the entity stage knows about one document."""

    index: MentionIndex
    entities: tuple[Entity, ...]
    affiliations: tuple[Affiliation, ...]
    mention_counts: dict[str, int]


def freeze(a: Analyzer) -> EntityAnalysis:
    """The analysis of ``a``'s document: its mentions indexed, entities in order of first mention, affiliations."""
    counts: dict[str, int] = {}
    for f in a.found:
        counts[f.key] = counts.get(f.key, 0) + 1
    entities: dict[str, Entity] = {}
    for f in a.found:
        if f.key not in entities:
            entities[f.key] = _entity(a, a.info[f.key])
    mentions = [Mention(f.start, f.end, entities[f.key], a._text(f.start, f.end), f.via, f.confidence) for f in a.found]
    affiliations = _affiliations(a, entities)
    return EntityAnalysis(MentionIndex(mentions), tuple(entities.values()), tuple(affiliations), counts)


def _entity(a: Analyzer, info: Info) -> Entity:
    """The entity of ``info``: a gazetteer record's, with what the article added, or one made of ``info``."""
    rec = a.recs.get(info.key)
    if rec is not None:
        return rec.entity(tuple(info.aliases), role=info.role, country=info.country)
    return Entity(
        info.key,
        info.name,
        info.type,
        tuple(info.aliases),
        country=info.country,
        role=info.role,
        sector=info.sector,
    )


def _affiliations(a: Analyzer, entities: dict[str, Entity]) -> list[Affiliation]:
    """Groups stated in the article, then gazetteer groups that the article mentions."""
    out: list[Affiliation] = []
    seen: set[tuple[str, str]] = set()
    first: dict[str, int] = {}
    for f in a.found:
        first.setdefault(f.key, f.start)
    for key, entity in entities.items():
        info = a.info[key]
        for group, role, token in info.groups:
            if (key, group) not in seen and group in entities:
                seen.add((key, group))
                out.append(Affiliation(entity, entities[group], role, token))
        rec = a.recs.get(key)
        implied = []
        if entity.country and entity.type in ("Person", "Organization"):
            implied.append(country_key(entity.country))
        if rec is not None and rec.org:
            implied.append(rec.org)
        for group in implied:
            if group in entities and group != key and (key, group) not in seen:
                seen.add((key, group))
                role = entity.role if entity.type == "Person" else None
                out.append(Affiliation(entity, entities[group], role, first[key]))
    return out
