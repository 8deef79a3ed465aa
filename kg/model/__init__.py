"""The data model: the only contract between kg's stages.

read articles -> extract -> resolve -> load. Every stage speaks in these frozen
dataclasses, and every stage (and the CLI's JSON Lines output) serialises them
with the ``to_dict``/``from_dict`` pairs defined here, so a file written by
``kg extract`` can be loaded by ``kg load`` on another machine, years later.

Design choices worth knowing:

* Everything is immutable and hashable (tuples, not lists) so results can be
  cached, deduplicated and shipped between processes safely.
* Identifiers are content-derived hashes (:func:`stable_hash`), never random,
  so re-running any stage yields the same ids and loading stays idempotent.
* Entity types and predicates are validated against whitelists here, because
  the loader turns them into Neo4j labels and relationship types; text that
  did not pass these checks can never become Cypher.

The modules, bottom up: :mod:`~kg.model.checks` (the error, entity types, predicate shapes),
:mod:`~kg.model.keys` (hashes and slugs), :mod:`~kg.model.fields` (typed fields of a JSON record, dates),
:mod:`~kg.model.nodes` (``Entity``, ``Concept``), :mod:`~kg.model.bounds` (length limits),
:mod:`~kg.model.article`, :mod:`~kg.model.triple` (``Triple``, ``Provenance``) and
:mod:`~kg.model.extraction` (``Extraction`` and its JSON Lines records). Import from ``kg.model``:
the names below are the contract, the module each lives in is not.
"""

from kg.model.article import Article
from kg.model.bounds import MAX_FIELD_CHARS, MAX_KEY_CHARS, check_bounds, check_length
from kg.model.checks import (
    ENTITY_TYPES,
    GRAPH_RELATIONSHIPS,
    STRUCTURAL_PREDICATES,
    ModelError,
    check_entity_type,
    check_predicate,
)
from kg.model.extraction import RECORD_SCHEMA_VERSION, Extraction, extractions_from_records
from kg.model.fields import parse_date
from kg.model.keys import content_hash, slugify, stable_hash
from kg.model.nodes import Argument, Concept, Entity, argument_from_dict, argument_to_dict
from kg.model.triple import Polarity, Provenance, Triple

__all__ = [
    "ENTITY_TYPES",
    "GRAPH_RELATIONSHIPS",
    "MAX_FIELD_CHARS",
    "MAX_KEY_CHARS",
    "RECORD_SCHEMA_VERSION",
    "STRUCTURAL_PREDICATES",
    "Argument",
    "Article",
    "Concept",
    "Entity",
    "Extraction",
    "ModelError",
    "Polarity",
    "Provenance",
    "Triple",
    "argument_from_dict",
    "argument_to_dict",
    "check_bounds",
    "check_entity_type",
    "check_length",
    "check_predicate",
    "content_hash",
    "extractions_from_records",
    "parse_date",
    "slugify",
    "stable_hash",
]
