"""The nodes a triple connects: canonical entities (actors) and concepts (what was said, say)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.model.checks import ModelError, check_entity_type
from kg.model.fields import opt_str, req_str
from kg.model.keys import stable_hash


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: one per ``key`` across all articles and languages."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    #: for groups and organisations: the actor's sector (GOV, MIL, POL, JUD, LEG, REB, OPP, INS, MED, BUS,
    #: CVL, REL, NGO, IGO, ...), as event datasets code actors; see kg/gazetteer/sectors.toml
    sector: str | None = None

    def __post_init__(self) -> None:
        check_entity_type(self.type)
        if self.sector is not None and not re.fullmatch(r"[A-Z]{3}", self.sector):
            raise ModelError(f"sector {self.sector!r} is not a three-letter sector code")
        if not self.key:
            raise ModelError("entity key must not be empty")
        if self.country is not None and not re.fullmatch(r"[A-Z]{3}", self.country):
            raise ModelError(f"country {self.country!r} is not an ISO 3166 alpha-3 code")

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "country": self.country,
            "role": self.role,
            "sector": self.sector,
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Entity:
        aliases = record.get("aliases") or ()
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            raise ModelError("field 'aliases' must be a list of strings")
        return cls(
            key=req_str(record, "key"),
            name=req_str(record, "name"),
            type=req_str(record, "type"),
            aliases=tuple(aliases),
            country=opt_str(record, "country"),
            role=opt_str(record, "role"),
            sector=opt_str(record, "sector"),
        )


@dataclass(frozen=True, slots=True)
class Concept:
    """A non-entity argument, such as the content of a statement.

    ``mentions`` holds the keys of the entities named inside the concept's
    text, which the loader turns into ``(:Concept)-[:INVOLVES]->(:Entity)``.
    """

    key: str
    text: str
    lang: str | None = None
    mentions: tuple[str, ...] = ()

    @classmethod
    def create(cls, text: str, lang: str | None, mentions: Iterable[str] = ()) -> Concept:
        normalised = " ".join(text.split()).casefold()
        return cls(
            key="concept:" + stable_hash(lang or "", normalised),
            text=" ".join(text.split()),
            lang=lang,
            mentions=tuple(dict.fromkeys(mentions)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "lang": self.lang, "mentions": list(self.mentions)}

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Concept:
        mentions = record.get("mentions") or ()
        if not isinstance(mentions, (list, tuple)) or not all(isinstance(m, str) for m in mentions):
            raise ModelError("field 'mentions' must be a list of strings")
        return cls(
            key=req_str(record, "key"),
            text=req_str(record, "text"),
            lang=opt_str(record, "lang"),
            mentions=tuple(mentions),
        )


Argument = Entity | Concept


def argument_to_dict(arg: Argument) -> dict[str, Any]:
    """Serialise a triple argument with a ``node`` tag saying which kind it is."""
    if isinstance(arg, Entity):
        return {"node": "entity", **arg.to_dict()}
    return {"node": "concept", **arg.to_dict()}


def argument_from_dict(record: Mapping[str, Any]) -> Argument:
    if not isinstance(record, Mapping):
        raise ModelError("a triple argument must be a JSON object")
    kind = record.get("node", "entity" if "type" in record else "concept")
    if kind == "entity":
        return Entity.from_dict(record)
    if kind == "concept":
        return Concept.from_dict(record)
    raise ModelError(f"argument node kind {kind!r} is neither 'entity' nor 'concept'")
