"""Where the named queries are found (the directories of :mod:`kg.queries`), listed and loaded by name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from kg.config import cypher_dirs
from kg.queries.errors import HeaderError, UnknownQueryError
from kg.queries.header import Query, parse

#: Files in a query directory that are not named queries (the loader's schema).
NOT_QUERIES: frozenset[str] = frozenset({"schema"})

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the kg package
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def query_dirs() -> list[Path]:
    """Directories searched for queries, in priority order (see :mod:`kg.queries`)."""
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
