"""What goes wrong with a named query: not found, a header off its format, a parameter that does not fit."""

from __future__ import annotations


class QueryError(ValueError):
    """A query cannot be found, parsed or bound; the message says what was expected."""


class UnknownQueryError(QueryError):
    """No query of that name exists."""


class ParameterError(QueryError):
    """A parameter is missing, unknown or has a value of the wrong type."""


class HeaderError(QueryError):
    """A ``.cypher`` file's header does not follow the documented format."""
