"""The gazetteer: canonical actors (language-neutral) and their names in each language.

Two layers, so that adding a language means adding data only:

* language-neutral records in this folder: ``people.toml`` and ``people/*.toml``
  (leaders since 1990 by region, with their terms of office), ``organizations.toml``,
  ``places.toml`` (capitals, seats of power, cities, regions), ``countries.toml`` (canonical
  English names where ISO's are not what news says) plus every ISO 3166 country
  from ``pycountry``;
* per-language surface forms in ``kg/lang/<code>/entity_*.{tsv,txt,toml}``:
  aliases, country names, demonyms, role titles, pronouns, actor nouns and the
  grammar knobs (genitive endings, adjective endings, dependency labels).

:func:`lexicon` merges both into plain lookup tables (surface form -> key) that
:mod:`kg.extract.entities` compiles into spaCy matchers. Everything is cached:
the files are read once per process.
"""

from __future__ import annotations

import gettext
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from kg.lang import LanguageData, get_language, scheme_labels
from kg.model import Entity, slugify

GAZETTEER_DIR = Path(__file__).resolve().parent


class GazetteerError(ValueError):
    """A gazetteer file holds a record that cannot be read (names the file and the record)."""


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


@dataclass(frozen=True, slots=True)
class Record:
    """One canonical actor of the gazetteer."""

    key: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    gender: str | None = None  # "m" / "f" for people, for pronoun resolution
    org: str | None = None  # organisation a person leads or belongs to
    metonym_of: str | None = None  # places: the country code they may stand for
    family_name_first: bool = False
    short_name: bool = True  # may the family name alone refer to this person?
    aliases: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()  # people: terms of office, oldest first
    source: str = ""  # the gazetteer file the record comes from, relative to this folder
    sector: str | None = None  # organisations: IGO, GOV, MIL, MED, INS, REB, NGO, ... (kg.extract.sectors)

    def entity(self, aliases: tuple[str, ...] = (), role: str | None = None, country: str | None = None) -> Entity:
        return Entity(
            key=self.key,
            name=self.name,
            type=self.type,
            aliases=aliases,
            country=country or self.country,
            role=role or self.role,
            sector=self.sector,
        )


def country_key(code: str) -> str:
    return f"country:{code}"


def _read_toml(name: str) -> dict[str, Any]:
    with (GAZETTEER_DIR / name).open("rb") as f:
        return tomllib.load(f)


PEOPLE_FILES = ("people.toml", "people/*.toml")
MIN_YEAR, MAX_YEAR = 1900, 2100


def people_files() -> list[str]:
    """The files people are read from, relative to this folder: ``people.toml``, then ``people/*.toml``."""
    out = ["people.toml"]
    out += sorted(str(p.relative_to(GAZETTEER_DIR)) for p in (GAZETTEER_DIR / "people").glob("*.toml"))
    return out


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


def person_record(row: dict[str, Any], source: str, roles: frozenset[str] | None = None) -> Record:
    """One ``[[person]]`` table of ``source`` as a Record (terms parsed and validated)."""
    if not isinstance(row.get("name"), str) or not row["name"].strip():
        raise GazetteerError(f"{source}: a person without a name: {row!r}")
    where = f"{source}: person {row['name']!r}"
    key = f"person:{slugify(row['name'])}"
    return Record(
        key,
        row["name"],
        "Person",
        country=row.get("country"),
        role=row.get("role"),
        gender=row.get("gender"),
        org=row.get("org"),
        family_name_first=bool(row.get("family_name_first", False)),
        short_name=bool(row.get("short_name", True)),
        aliases=tuple(row.get("aliases", ())),
        terms=parse_terms(row.get("terms", []), where, roles),
        source=source,
    )


def _people() -> dict[str, Record]:
    roles = canonical_roles()
    out: dict[str, Record] = {}
    for name in people_files():
        for row in _read_toml(name).get("person", []):
            rec = person_record(row, name, roles)
            if rec.key in out:
                raise GazetteerError(f"{name}: person {rec.name!r} ({rec.key}) is already in {out[rec.key].source}")
            out[rec.key] = rec
    return out


@cache
def records() -> dict[str, Record]:
    """Every canonical record by key: ISO countries, people, organisations, places."""
    out: dict[str, Record] = {}
    overrides = _read_toml("countries.toml").get("names", {})
    for c in pycountry.countries:
        name = overrides.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        out[country_key(c.alpha_3)] = Record(country_key(c.alpha_3), name, "Country", country=c.alpha_3)
    for code, name in _read_toml("countries.toml").get("extra", {}).items():
        out[country_key(code)] = Record(country_key(code), name, "Country", country=code)
    out.update(_people())
    for row in _read_toml("organizations.toml").get("org", []):
        key = f"org:{slugify(row['name'])}"
        out[key] = Record(
            key,
            row["name"],
            "Organization",
            country=row.get("country"),
            aliases=tuple(row.get("aliases", ())),
            sector=row.get("sector"),
        )
    for row in _read_toml("places.toml").get("place", []):
        key, rec = place_record(row, "places.toml")
        if key in out:
            raise GazetteerError(f"places.toml: place {rec.name!r} ({key}) is already a record")
        out[key] = rec
    return out


#: Kinds of place (see places.toml); only capitals and seats may stand for their state.
METONYM_PLACE_KINDS = frozenset({"capital", "seat"})
PLACE_KINDS = METONYM_PLACE_KINDS | {"city", "region"}


def place_record(row: dict[str, Any], source: str) -> tuple[str, Record]:
    """One ``[[place]]`` table as (key, Record).

    A capital or seat may stand for its ``country`` (``metonym_of``); a city or region never does,
    its country is context only. Raises :class:`GazetteerError` on an unknown kind, or a capital,
    seat or city without a country.
    """
    name, kind, country = row.get("name"), row.get("kind"), row.get("country")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{source}: a place without a name: {row!r}")
    if kind not in PLACE_KINDS:
        kinds = ", ".join(sorted(PLACE_KINDS))
        raise GazetteerError(f"{source}: place {name!r}: kind must be one of {kinds}, not {kind!r}")
    if kind != "region" and not country:
        raise GazetteerError(f"{source}: place {name!r}: a {kind} needs its country")
    key = f"location:{slugify(name)}"
    return key, Record(
        key,
        name,
        "Location",
        country=country,
        metonym_of=country if kind in METONYM_PLACE_KINDS else None,
        aliases=tuple(row.get("aliases", ())),
        source=source,
    )


def terms_in(key: str, year: int) -> tuple[Term, ...]:
    """The terms of office of person ``key`` that cover ``year`` (empty for an unknown key)."""
    rec = records().get(key)
    return tuple(t for t in rec.terms if t.covers(year)) if rec is not None else ()


@cache
def _holders() -> dict[tuple[str, str], tuple[tuple[Term, str], ...]]:
    """(role, country) -> (term, person key) of every national office in the gazetteer."""
    out: dict[tuple[str, str], list[tuple[Term, str]]] = {}
    for rec in records().values():
        for t in rec.terms:
            if t.org is None and rec.country:
                out.setdefault((t.role, rec.country), []).append((t, rec.key))
    return {k: tuple(v) for k, v in out.items()}


def holders(role: str, country: str, year: int) -> tuple[str, ...]:
    """Keys of the people who held national ``role`` of ``country`` (ISO3) in ``year``, by the gazetteer's terms."""
    return tuple(dict.fromkeys(key for t, key in _holders().get((role, country), ()) if t.covers(year)))


def roles_in(key: str, year: int) -> tuple[str, ...]:
    """The canonical roles person ``key`` held in ``year``, oldest term first, each once.

    A national office is held for the record's ``country``; a role at an
    international organisation carries the organisation on its :class:`Term`
    (``terms_in``): Kofi Annan is ``country = "GHA"`` (his nationality) with
    ``org:united-nations``, and ``roles_in("person:kofi-annan", 2000)`` is
    ``("secretary-general",)``.
    """
    return tuple(dict.fromkeys(t.role for t in terms_in(key, year)))


@cache
def ner_label_types() -> dict[str, str]:
    """spaCy NER label -> kg entity type, for entities the gazetteer does not know."""
    return dict(_read_toml("ner_labels.toml").get("types", {}))


@cache
def ner_name_pos() -> frozenset[str]:
    """Coarse POS tags of which an NER span needs at least one to count as a name."""
    return frozenset(_read_toml("ner_labels.toml").get("filter", {}).get("name_pos", ()))


@dataclass(frozen=True)
class Lexicon:
    """All surface forms of one language, as lookup tables.

    ``names`` maps a full name to its record keys (usually one); ``short_names``
    maps a person's family name alone ("Austin", "Selenskij") to the person,
    only when it is unambiguous among gazetteer people; ``demonyms`` maps an
    adjective or noun ("nordkoreanischer", "Russians") to a country code;
    ``roles`` maps a title ("US-Verteidigungsminister" is split by the
    extractor; "Verteidigungsminister", "Secretary of State") to its canonical
    English role; ``pronouns`` maps a pronoun to (gender, number); ``honorifics``
    maps "Frau"/"Mr." to the gender they tell.
    """

    code: str
    names: dict[str, frozenset[str]]
    short_names: dict[str, str]
    demonyms: dict[str, str]
    roles: dict[str, str]
    pronouns: dict[str, tuple[str, str]]
    honorifics: dict[str, str]
    actor_nouns: frozenset[str]
    grammar: dict[str, Any] = field(default_factory=dict)

    def deps(self, name: str) -> frozenset[str]:
        """The dependency labels of ``[deps]`` of ``entity_grammar.toml``: role names of kg/lang/schemes."""
        return frozenset().union(*(scheme_labels(role) for role in self.grammar.get("deps", {}).get(name, ())))

    def words(self, name: str) -> frozenset[str]:
        """A set of lower-cased words from a list in ``entity_grammar.toml``."""
        return frozenset(w.lower() for w in self.grammar.get(name, ()))


def _rows(lang: LanguageData, name: str) -> list[tuple[str, ...]]:
    return [row for row in lang.tsv(name) if len(row) >= 2]


def _iso_names(locale: str) -> dict[str, set[str]]:
    """ISO 3166 names of every country in ``locale`` (pycountry's gettext catalogue)."""
    translate = (lambda s: s) if not locale else _translator(locale)
    out: dict[str, set[str]] = {}
    for c in pycountry.countries:
        forms = out.setdefault(c.alpha_3, set())
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                forms.add(translate(value))
    return out


def _translator(locale: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale]).gettext
    except OSError:
        return lambda s: s


def _inflect_name(form: str, suffixes: list[str], blocked: tuple[str, ...]) -> set[str]:
    """A name and its genitive forms ("Russland" -> "Russlands"); acronyms are not inflected."""
    out = {form}
    if form.isupper() or not form[-1:].isalpha() or form.lower().endswith(blocked):
        return out
    out.update(form + s for s in suffixes)
    return out


def _cased(form: str) -> set[str]:
    """The form and its sentence-initial capitalised variant."""
    return {form, form[:1].upper() + form[1:]}


@cache
def lexicon(code: str) -> Lexicon:
    """The merged surface-form tables of language ``code`` (cached per process)."""
    lang = get_language(code)
    grammar = lang.toml("entity_grammar")
    suffixes = list(grammar.get("genitive_suffixes", ()))
    blocked = tuple(grammar.get("genitive_blocked_after", ()))
    recs = records()

    forms_by_key: dict[str, set[str]] = {}
    for key, rec in recs.items():
        if rec.type != "Country":
            forms_by_key.setdefault(key, set()).update({rec.name, *rec.aliases})
    for code3, forms in _iso_names(grammar.get("pycountry_locale", "")).items():
        forms_by_key.setdefault(country_key(code3), set()).update(forms)
        if not grammar.get("pycountry_locale"):
            forms_by_key[country_key(code3)].add(recs[country_key(code3)].name)
    for row in _rows(lang, "entity_countries"):
        forms_by_key.setdefault(country_key(row[0]), set()).update(row[1:])
    for row in _rows(lang, "entity_aliases"):
        if row[0] in recs:
            forms_by_key.setdefault(row[0], set()).update(row[1:])

    names: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    # A genitive made by rule never takes over another record's own name ("Hama" + "s" is not Hamas).
    listed: dict[str, set[str]] = {}
    for key, forms in forms_by_key.items():
        for form in forms:
            listed.setdefault(form, set()).add(key)
    for key, forms in forms_by_key.items():
        rec = recs.get(key)
        for form in forms:
            if not form:
                continue
            is_short = rec is not None and rec.type == "Person" and " " not in form and " " in rec.name
            for inflected in _inflect_name(form, suffixes, blocked):
                if inflected != form and listed.get(inflected, {key}) != {key}:
                    continue
                (short if is_short else names).setdefault(inflected, set()).add(key)
        if rec is not None and rec.type == "Person" and rec.short_name:
            for form in forms:
                tokens = form.split()
                if len(tokens) < 2:
                    continue
                family = tokens[0] if rec.family_name_first else tokens[-1]
                if len(family) < 2 or not family[0].isupper() or family.isupper():
                    continue
                for inflected in _inflect_name(family, suffixes, blocked):
                    short.setdefault(inflected, set()).add(key)
    # A family name shared by two gazetteer people ("Li", "Kim") or equal to
    # another entity's name is no evidence for either: leave it to NER.
    short_names = {f: next(iter(keys)) for f, keys in short.items() if len(keys) == 1 and f not in names}

    endings = list(grammar.get("demonym_endings", [""])) or [""]
    demonyms: dict[str, str] = {}
    for row in _rows(lang, "entity_demonyms"):
        for stem in row[1:]:
            variants = [stem[1:]] if stem.startswith("=") else [stem + e for e in endings]
            for v in variants:
                for c in _cased(v):
                    demonyms.setdefault(c, row[0])

    roles: dict[str, str] = {}
    for row in _rows(lang, "entity_roles"):
        for form in row[1:]:
            for c in _cased(form):
                roles.setdefault(c, row[0])

    pronouns = {row[0].lower(): (row[1], row[2] if len(row) > 2 else "sing") for row in _rows(lang, "entity_pronouns")}
    actor_nouns = frozenset(w.lower() for w in lang.lines("entity_actor_nouns"))

    return Lexicon(
        code=lang.code,
        names={f: frozenset(k) for f, k in names.items()},
        short_names=short_names,
        demonyms=demonyms,
        roles=roles,
        pronouns=pronouns,
        honorifics={row[0]: row[1] for row in _rows(lang, "entity_honorifics")},
        actor_nouns=actor_nouns,
        grammar=grammar,
    )
