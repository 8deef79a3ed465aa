"""Which relationship types the loader may write: the whitelist between extracted text and Cypher.

A relationship type cannot be a Cypher parameter, so the loader builds
statements with the type spliced in. Only names that pass both the shape check
(:func:`kg.model.check_predicate`) and this whitelist ever reach a statement.
The whitelist is the predicate vocabulary (:mod:`kg.predicates`) plus
:data:`kg.model.STRUCTURAL_PREDICATES`; the graph's own relationship types
(:data:`kg.model.GRAPH_RELATIONSHIPS`) are never accepted from a triple.
"""

from __future__ import annotations

from functools import lru_cache

from kg.model import ENTITY_TYPES, GRAPH_RELATIONSHIPS, STRUCTURAL_PREDICATES, ModelError, check_predicate


class UnknownPredicateError(ModelError):
    """A triple's predicate is not in the vocabulary; nothing was written."""


class UnknownEntityTypeError(ModelError):
    """An entity's type is not a whitelisted label; nothing was written."""


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """All predicates a triple may carry (the vocabulary plus the structural ones)."""
    from kg.predicates import PREDICATES

    return frozenset(PREDICATES) | STRUCTURAL_PREDICATES


def relationship_types() -> list[str]:
    """Every relationship type kg may create, sorted (for schema templates and counts)."""
    return sorted(vocabulary() | GRAPH_RELATIONSHIPS)


def check_relationship_type(predicate: str) -> str:
    """Return ``predicate`` if a triple may be written with it, else raise :class:`UnknownPredicateError`."""
    try:
        check_predicate(predicate)
    except ModelError as exc:
        raise UnknownPredicateError(str(exc)) from None
    from kg.predicates import is_known

    if predicate in GRAPH_RELATIONSHIPS or not (is_known(predicate) or predicate in STRUCTURAL_PREDICATES):
        raise UnknownPredicateError(f"predicate {predicate!r} is not in the predicate vocabulary (kg.predicates)")
    return predicate


def check_label(entity_type: str) -> str:
    """Return ``entity_type`` if it may become a node label, else raise :class:`UnknownEntityTypeError`."""
    if entity_type not in ENTITY_TYPES:
        raise UnknownEntityTypeError(f"entity type {entity_type!r} is not one of {sorted(ENTITY_TYPES)}")
    return entity_type
