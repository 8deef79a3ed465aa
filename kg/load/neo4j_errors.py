"""What a Neo4j error means for a load: the data refused, the server's message, an interrupt in disguise."""

from __future__ import annotations

import neo4j


def refuses_the_data(exc: neo4j.exceptions.Neo4jError) -> bool:
    """Whether Neo4j refused what a batch holds (not the connection, the credentials or the database).

    Only such errors depend on the articles, so only they are worth retrying article by article.
    """
    code = exc.code or ""
    return code.startswith(("Neo.ClientError.Statement.", "Neo.ClientError.Schema.", "Neo.DatabaseError.Statement."))


def first_sentence(exc: neo4j.exceptions.Neo4jError) -> str:
    """The start of the server's message ("Property value is too large to index"), without internal details."""
    message = (exc.message or str(exc)).split(". ", 1)[0].split(", please", 1)[0]
    return message[:200]


def caused_by_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a KeyboardInterrupt was being handled."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
