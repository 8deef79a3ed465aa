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
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from kg.config import cypher_dirs

#: Files in a query directory that are not named queries (the loader's schema).
NOT_QUERIES: frozenset[str] = frozenset({"schema"})

TYPES: tuple[str, ...] = ("string", "int", "float", "bool", "date", "list")

#: ``@token``s a list value may contain: predicate kinds of the vocabulary, all predicates, entity types.
VOCABULARY_TOKENS: frozenset[str] = frozenset({"speech", "event", "structural", "all", "entity_types"})

_PACKAGE_DIR = Path(__file__).resolve().parent
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_LINE_RE = re.compile(
    r"^(?P<name>[A-Za-z_]\w*):\s*(?P<type>\w+)\s*(?:\((?P<required>required)\)|=\s*(?P<default>\S+))\s+-\s+(?P<doc>.+)$"
)
_BODY_PARAM_RE = re.compile(r"\$([A-Za-z_]\w*)")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


class QueryError(ValueError):
    """A query cannot be found, parsed or bound; the message says what was expected."""


class UnknownQueryError(QueryError):
    """No query of that name exists."""


class ParameterError(QueryError):
    """A parameter is missing, unknown or has a value of the wrong type."""


class HeaderError(QueryError):
    """A ``.cypher`` file's header does not follow the documented format."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: its type, whether it is required, its default (as written) and meaning."""

    name: str
    type: str
    required: bool
    default: str | None
    doc: str

    def describe(self) -> str:
        """``actor (string, required)`` or ``limit (int, default 100)`` for menus and errors."""
        return f"{self.name} ({self.type}, {'required' if self.required else 'default ' + (self.default or 'null')})"


@dataclass(frozen=True)
class Query:
    """A named query: header metadata plus the Cypher text."""

    name: str
    description: str
    answers: str
    parameters: tuple[Parameter, ...]
    example: str
    cypher: str
    path: Path

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Typed Cypher parameters from ``values`` (strings from the CLI or Python values), defaults filled in.

        Raises :class:`ParameterError` listing the expected parameters when one is unknown or
        missing, or naming the parameter whose value does not fit its type.
        """
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.parameters})
        if unknown:
            raise ParameterError(f"query {self.name!r} has no parameter {', '.join(unknown)}; {self.signature()}")
        missing = [p.name for p in self.parameters if p.required and values.get(p.name) in (None, "")]
        if missing:
            raise ParameterError(f"query {self.name!r} needs {', '.join(missing)}; {self.signature()}")
        bound: dict[str, Any] = {}
        for p in self.parameters:
            raw = values.get(p.name, p.default)
            try:
                bound[p.name] = convert(p.type, raw)
            except ValueError as exc:
                raise ParameterError(f"parameter {p.name} of query {self.name!r}: {exc}") from None
        return bound

    def signature(self) -> str:
        if not self.parameters:
            return "it takes no parameters"
        return "expected: " + ", ".join(p.describe() for p in self.parameters)


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


def parse(text: str, name: str, path: Path | None = None) -> Query:
    """Parse one ``.cypher`` file's header and body; :class:`HeaderError` says what is wrong."""
    lines = text.splitlines()
    header: list[str] = []
    for line in lines:
        if not line.startswith("//"):
            break
        header.append(line[2:].removeprefix(" ").rstrip())
    body = "\n".join(lines[len(header) :]).strip()
    where = f"{path or name}"
    if not header or not header[0].strip():
        raise HeaderError(f"{where}: the first line must be a // comment with a one-line description")
    if not body:
        raise HeaderError(f"{where}: no Cypher after the header")

    paragraphs: list[list[str]] = [[]]
    for line in header:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    description = " ".join(s.strip() for s in paragraphs[0])
    answers, example, params = "", "", []
    for para in paragraphs[1:]:
        first = para[0].strip() if para else ""
        if first.startswith("Answers:"):
            answers = " ".join(s.strip() for s in para).removeprefix("Answers:").strip()
        elif first.startswith("Example:"):
            example = " ".join(s.strip() for s in para).removeprefix("Example:").strip()
        elif first == "Parameters:":
            for line in para[1:]:
                params.append(_parse_param(line.strip(), where))
    if not answers:
        raise HeaderError(f"{where}: the header needs an 'Answers:' paragraph")
    if not example.startswith(f"kg query {name}"):
        raise HeaderError(f"{where}: the header needs an 'Example: kg query {name} ...' line")
    declared = [p.name for p in params]
    if len(set(declared)) != len(declared):
        raise HeaderError(f"{where}: a parameter is declared twice")
    used = set(_BODY_PARAM_RE.findall(_strip_strings(body)))
    if used - set(declared):
        raise HeaderError(f"{where}: undeclared parameters used: {', '.join(sorted(used - set(declared)))}")
    if set(declared) - used:
        raise HeaderError(f"{where}: declared parameters never used: {', '.join(sorted(set(declared) - used))}")
    return Query(name, description, answers, tuple(params), example, body, path or Path(name))


def _parse_param(line: str, where: str) -> Parameter:
    m = _PARAM_LINE_RE.match(line)
    if not m:
        raise HeaderError(f"{where}: cannot read parameter line {line!r} (want 'name: type = default - meaning')")
    type_ = m["type"]
    if type_ not in TYPES:
        raise HeaderError(f"{where}: parameter {m['name']} has unknown type {type_!r} (one of {', '.join(TYPES)})")
    default = None if m["required"] or m["default"] == "null" else m["default"]
    if default is not None and type_ == "list":
        bad = [t for t in default.split(",") if t.startswith("@") and t[1:] not in VOCABULARY_TOKENS]
        if bad:
            raise HeaderError(f"{where}: default of {m['name']} uses unknown token {bad[0]!r}")
    elif default is not None:
        try:
            convert(type_, default)
        except ValueError as exc:
            raise HeaderError(f"{where}: default of {m['name']}: {exc}") from None
    return Parameter(m["name"], type_, bool(m["required"]), default, m["doc"].strip())


def _strip_strings(cypher: str) -> str:
    """Cypher without string literals and comments, so ``'$5'`` in a string is not taken for a parameter."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", "", cypher)


def query_dirs() -> list[Path]:
    """Directories searched for queries, in priority order (see the module docstring)."""
    dirs = cypher_dirs()
    if (_PACKAGE_DIR.parent / "pyproject.toml").exists():  # a source checkout, not site-packages
        dirs.append(_PACKAGE_DIR.parent / "cypher")
    dirs.append(_PACKAGE_DIR / "cypher")
    seen: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in {s.resolve() for s in seen}:
            seen.append(d)
    return seen


def _query_paths() -> tuple[dict[str, Path], list[str]]:
    """``{name: file}`` of every query in priority order, and the problems of files that cannot be one."""
    found: dict[str, Path] = {}
    problems: list[str] = []
    for d in query_dirs():
        for path in sorted(d.glob("*.cypher")):
            name = path.stem
            if name in NOT_QUERIES or name.startswith("_") or name in found:
                continue
            if not _NAME_RE.match(name):
                problems.append(f"{path}: query names are snake_case")
                continue
            found[name] = path
    return found, problems


def list_queries(on_error: Callable[[str], None] | None = None) -> list[Query]:
    """Every named query, sorted by name.

    A malformed or unreadable file raises :class:`HeaderError` naming it; with ``on_error`` it is
    reported there instead and left out, so one bad file in ``KG_CYPHER_DIR`` does not hide the menu.
    """
    found, problems = _query_paths()
    queries = []
    for message in problems:
        if on_error is None:
            raise HeaderError(message)
        on_error(message)
    for name, path in sorted(found.items()):
        try:
            queries.append(_load(path, name))
        except HeaderError as exc:
            if on_error is None:
                raise
            on_error(str(exc))
    return queries


def get_query(name: str) -> Query:
    """The query called ``name``; :class:`UnknownQueryError` lists the available ones otherwise.

    Only that query's file is read: another file that is broken does not stop this one.
    """
    found, _ = _query_paths()
    if name not in found:
        close = difflib.get_close_matches(name, found, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise UnknownQueryError(f"no query named {name!r}{hint}; available: {', '.join(sorted(found)) or 'none'}")
    return _load(found[name], name)


def _load(path: Path, name: str) -> Query:
    stat = path.stat()
    return _load_cached(path, name, stat.st_mtime_ns, stat.st_size)


@cache
def _load_cached(path: Path, name: str, _mtime: int, _size: int) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HeaderError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise HeaderError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return parse(text, name, path)


def execute(
    name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run query ``name`` and return its column names and rows (plain Python values)."""
    import neo4j

    query = get_query(name)
    bound = query.bind(params)
    # Notifications off: "property does not exist" warnings on a young graph are noise, not errors.
    with driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        # A managed read transaction: retried by the driver, like every statement kg runs.
        return session.execute_read(_rows, query.cypher, bound)


def _rows(tx: Any, cypher: str, bound: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(cypher, bound)
    keys = list(result.keys())
    return keys, [{k: to_plain(record[k]) for k in keys} for record in result]


def run_query(name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None) -> list[dict]:
    """Rows of query ``name`` as dicts of plain Python values (dates as :class:`datetime.date`)."""
    return execute(name, params, driver, database)[1]


def query_df(name: str, params: Mapping[str, Any] | None, driver: Any, database: str | None = None):
    """Query ``name`` as a pandas DataFrame (columns kept even when no row matched). Needs pandas."""
    import pandas as pd

    keys, rows = execute(name, params, driver, database)
    return pd.DataFrame(rows, columns=keys)


def to_plain(value: Any) -> Any:
    """Neo4j values as plain Python: temporal types -> datetime, nodes -> property dicts, lists/maps recursively."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [to_plain(n) for n in value.nodes]
    return value
