"""The named Cypher query library: discover ``cypher/*.cypher``, read their headers, run them typed.

Each query is one file whose leading ``//`` comment is its contract::

    // One-line description (the menu entry of `kg query --list`).
    //
    // Answers: what question it answers and what one row is.
    //
    // Parameters:
    //   actor: string (required) - key, name or alias of X
    //   since: date = null - earliest publication date
    //   predicates: list = @speech - predicates to include
    //
    // Example: kg query who_said_what -p actor="North Korea"

Types are ``string``, ``int``, ``float``, ``bool``, ``date`` (ISO ``2024-10-01``) and ``list``
(of strings; ``"a,b"`` on the command line). A default of ``null`` means "no filter". In a list,
``@speech``, ``@event``, ``@structural`` and ``@all`` stand for those predicates of the vocabulary
(:mod:`kg.predicates`) and ``@entity_types`` for :data:`kg.model.ENTITY_TYPES`, so queries follow
the vocabulary instead of copying it. Every value reaches Neo4j as a parameter, never as text.

Where the files are found (first hit wins, per name):

1. ``$KG_CYPHER_DIR`` (``os.pathsep``-separated), for an analyst's own queries;
2. ``cypher/`` of the source checkout next to the ``kg`` package (editable installs, the repo);
3. ``kg/cypher/`` inside the installed package: a symlink to ``../cypher`` in the repository,
   which setuptools follows when it builds a wheel (``*.cypher`` is package data), so a
   non-editable install ships the same files without a second copy to keep in sync.

The modules: :mod:`~kg.queries.header` (a file's header -> :class:`Query`), :mod:`~kg.queries.values`
(typed values, ``@tokens``), :mod:`~kg.queries.library` (finding and loading queries by name),
:mod:`~kg.queries.run` (running one in Neo4j), :mod:`~kg.queries.errors`.
"""

from kg.queries.errors import HeaderError, ParameterError, QueryError, UnknownQueryError
from kg.queries.header import Parameter, Query, parse
from kg.queries.library import NOT_QUERIES, get_query, list_queries, query_dirs
from kg.queries.run import execute, query_df, run_query, to_plain
from kg.queries.values import TYPES, VOCABULARY_TOKENS, convert, expand_token, predicate_kinds

__all__ = [
    "NOT_QUERIES",
    "TYPES",
    "VOCABULARY_TOKENS",
    "HeaderError",
    "Parameter",
    "ParameterError",
    "Query",
    "QueryError",
    "UnknownQueryError",
    "convert",
    "execute",
    "expand_token",
    "get_query",
    "list_queries",
    "parse",
    "predicate_kinds",
    "query_df",
    "query_dirs",
    "run_query",
    "to_plain",
]
