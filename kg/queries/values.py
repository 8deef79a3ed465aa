"""Parameter values: a CLI string, a header default or a Python value as the declared type; ``@tokens`` expanded."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

TYPES: tuple[str, ...] = ("string", "int", "float", "bool", "date", "list")

#: ``@token``s a list value may contain: predicate kinds of the vocabulary, all predicates, entity types.
VOCABULARY_TOKENS: frozenset[str] = frozenset({"speech", "event", "structural", "all", "entity_types"})

_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


def convert(type_: str, value: Any) -> Any:
    """``value`` (a CLI string, a header default or a Python value) as a value of ``type_``; ``null`` -> None."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("null", "none", "")):
        return None
    if type_ == "string":
        return str(value)
    if type_ == "int":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"{value!r} is not an integer")
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not an integer") from None
        if not -(2**63) <= number < 2**63:  # what a Neo4j INTEGER holds; the driver would raise OverflowError
            raise ValueError(f"{value!r} is out of range (a 64-bit integer, at most {2**63 - 1:,})")
        return number
    if type_ == "float":
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
    if type_ == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise ValueError(f"{value!r} is not true or false")
    if type_ == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    if type_ == "list":
        items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
        out: list[str] = []
        for item in items:
            text = str(item).strip()
            if text.startswith("@"):
                out.extend(expand_token(text))
            elif text:
                out.append(text)
        return list(dict.fromkeys(out))
    raise ValueError(f"unknown parameter type {type_!r} (one of {', '.join(TYPES)})")


def expand_token(token: str) -> list[str]:
    """The names a vocabulary token such as ``@speech`` stands for (sorted)."""
    kind = token[1:].lower()
    if kind == "entity_types":
        from kg.model import ENTITY_TYPES

        return sorted(ENTITY_TYPES)
    kinds = predicate_kinds()
    if kind == "all":
        return sorted(kinds)
    names = sorted(name for name, k in kinds.items() if k == kind)
    if not names:
        known = sorted({*kinds.values(), "all", "entity_types"})
        raise ValueError(f"{token!r} names no predicates (known: {', '.join('@' + k for k in known)})")
    return names


@cache
def predicate_kinds() -> dict[str, str]:
    """Predicate name -> kind (``speech``, ``event``, ``structural``) from the vocabulary :mod:`kg.predicates`."""
    from kg.model import STRUCTURAL_PREDICATES
    from kg.predicates import PREDICATES

    kinds = {name: "structural" for name in STRUCTURAL_PREDICATES}
    kinds.update({name: p.kind for name, p in PREDICATES.items()})
    return kinds
