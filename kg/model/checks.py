"""What every record must be: the error the model raises, and the whitelists of entity types and of
predicate shapes (the loader turns both into Neo4j labels and relationship types, so text that did not pass
these checks can never become Cypher)."""

from __future__ import annotations

import re

#: Entity types that may become Neo4j labels (``(:Entity:<Type>)``).
ENTITY_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Country", "Location", "Group", "Event", "Misc"})

#: Predicates that are not verbs of the vocabulary but structural facts (a triple may carry them).
STRUCTURAL_PREDICATES: frozenset[str] = frozenset({"AFFILIATED_WITH"})

#: Relationship types of the graph model itself (article MENTIONS entity, concept INVOLVES entity):
#: never a triple's predicate, never written from one.
GRAPH_RELATIONSHIPS: frozenset[str] = frozenset({"MENTIONS", "INVOLVES"})

_PREDICATE_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")


class ModelError(ValueError):
    """A record does not satisfy the data model (wrong type, missing field, bad value)."""


def check_entity_type(value: str) -> str:
    if value not in ENTITY_TYPES:
        raise ModelError(f"entity type {value!r} is not one of {sorted(ENTITY_TYPES)}")
    return value


def check_predicate(value: str) -> str:
    """Reject anything that could not safely be a Neo4j relationship type.

    The vocabulary itself (``kg.predicates``) is the narrower whitelist the
    loader enforces; this check guards the shape so that no record with a
    predicate like ``"X]->() DETACH DELETE n //"`` can even be constructed.
    """
    if not isinstance(value, str) or not _PREDICATE_RE.match(value):
        raise ModelError(f"predicate {value!r} is not an upper-case identifier")
    return value
