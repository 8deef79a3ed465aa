"""Terms of office: who held which canonical role, from which year to which, read and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.gazetteer.files import GazetteerError
from kg.lang import get_language

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True, slots=True)
class Term:
    """One term of office: ``role`` (a canonical role) from ``start`` to ``end`` (years, inclusive).

    ``end`` is None while the person is still in office. ``org`` is the
    organisation the role is held at ("org:united-nations" for a
    secretary-general); None for a national office, which is held for the
    person's ``country``.
    """

    role: str
    start: int
    end: int | None = None
    org: str | None = None

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


@cache
def canonical_roles() -> frozenset[str]:
    """The canonical roles: first column of every language's ``entity_roles.tsv``."""
    from kg.lang import available_languages

    return frozenset(row[0] for code in available_languages() for row in get_language(code).tsv("entity_roles"))


def _year(value: Any, what: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
        raise GazetteerError(f"{where}: {what} must be a year between {MIN_YEAR} and {MAX_YEAR}, not {value!r}")
    return value


def parse_terms(rows: Any, where: str, roles: frozenset[str] | None = None) -> tuple[Term, ...]:
    """``terms = [{role = "prime minister", from = 1997, to = 2007}, ...]`` as Terms, validated.

    ``where`` names the file and person for the error message; a term without
    ``to`` is still running. Raises :class:`GazetteerError` on an unknown role,
    a year outside 1900..2100, a term ending before it starts or an unknown key.
    """
    roles = canonical_roles() if roles is None else roles
    if not isinstance(rows, list):
        raise GazetteerError(f"{where}: terms must be a list of tables, not {rows!r}")
    out = []
    for i, row in enumerate(rows):
        at = f"{where}, term {i + 1}"
        if not isinstance(row, dict):
            raise GazetteerError(f"{at}: a term must be a table like {{role = ..., from = ..., to = ...}}")
        unknown = set(row) - {"role", "from", "to", "org"}
        if unknown:
            raise GazetteerError(f"{at}: unknown key(s) {', '.join(sorted(unknown))}")
        role = row.get("role")
        if role not in roles:
            raise GazetteerError(f"{at}: unknown role {role!r} (the roles are those of kg/lang/*/entity_roles.tsv)")
        if "from" not in row:
            raise GazetteerError(f"{at}: a term needs a start year (from = ...)")
        start = _year(row["from"], "from", at)
        end = _year(row["to"], "to", at) if "to" in row else None
        if end is not None and end < start:
            raise GazetteerError(f"{at}: the term ends ({end}) before it starts ({start})")
        org = row.get("org")
        if org is not None and not (isinstance(org, str) and org.startswith("org:")):
            raise GazetteerError(f'{at}: org must be an organisation key like "org:nato", not {org!r}')
        out.append(Term(role, start, end, org))
    return tuple(sorted(out, key=lambda t: (t.start, t.end or MAX_YEAR + 1)))
