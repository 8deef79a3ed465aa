"""Deprecated path of :mod:`kg.vocabulary` (the relationship-type whitelist), kept for bench/."""

from kg.vocabulary import *  # noqa: F403
from kg.vocabulary import (  # noqa: F401
    UnknownEntityTypeError,
    UnknownPredicateError,
    check_label,
    check_relationship_type,
    relationship_types,
    vocabulary,
)
