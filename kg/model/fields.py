"""Reading one field of a JSON record: typed, optional or required, with a :class:`ModelError` naming it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from kg.model.checks import ModelError


def parse_date(value: Any) -> date | None:
    """A date from a date/datetime or an ISO string (a time part is dropped); None for none; ModelError else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError as exc:
            raise ModelError(f"published {value!r} is not an ISO date (YYYY-MM-DD)") from exc
    raise ModelError(f"published must be an ISO date string, got {type(value).__name__}")


def opt_str(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(f"field {name!r} must be a string, got {type(value).__name__}")
    return value


def opt_number(record: Mapping[str, Any], name: str, kinds: tuple[type, ...], what: str) -> Any:
    """An optional numeric field of one of ``kinds`` (``true`` is no number here, though Python says so)."""
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ModelError(f"field {name!r} must be {what}")
    return value


def opt_int(record: Mapping[str, Any], name: str) -> int | None:
    return opt_number(record, name, (int,), "an integer")


def opt_float(record: Mapping[str, Any], name: str) -> float | None:
    value = opt_number(record, name, (int, float), "a number")
    return float(value) if value is not None else None


def req_str(record: Mapping[str, Any], name: str) -> str:
    value = opt_str(record, name)
    if value is None:
        raise ModelError(f"missing required field {name!r}")
    return value
