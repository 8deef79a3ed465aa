"""The canonical actors: every record by key (ISO countries, people, organisations, places), and who held
which office when."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from kg.gazetteer.files import GazetteerError, people_files, read_toml
from kg.gazetteer.terms import Term, canonical_roles, parse_terms
from kg.model import Entity, slugify


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
    metonym_of: str | None = None  # places: the country code they may stand for (or a key: Brussels, the EU)
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
    """The key of a state's ISO3 code; a full key (a seat that stands for an organisation: Brussels) is itself."""
    return code if ":" in code else f"country:{code}"


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
        for row in read_toml(name).get("person", []):
            rec = person_record(row, name, roles)
            if rec.key in out:
                raise GazetteerError(f"{name}: person {rec.name!r} ({rec.key}) is already in {out[rec.key].source}")
            out[rec.key] = rec
    return out


@cache
def records() -> dict[str, Record]:
    """Every canonical record by key: ISO countries, people, organisations, places."""
    out: dict[str, Record] = {}
    overrides = read_toml("countries.toml").get("names", {})
    for c in pycountry.countries:
        name = overrides.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        out[country_key(c.alpha_3)] = Record(country_key(c.alpha_3), name, "Country", country=c.alpha_3)
    for code, name in read_toml("countries.toml").get("extra", {}).items():
        out[country_key(code)] = Record(country_key(code), name, "Country", country=code)
    out.update(_people())
    for row in read_toml("organizations.toml").get("org", []):
        key = f"org:{slugify(row['name'])}"
        out[key] = Record(
            key,
            row["name"],
            "Organization",
            country=row.get("country"),
            aliases=tuple(row.get("aliases", ())),
            sector=row.get("sector"),
        )
    for row in read_toml("places.toml").get("place", []):
        key, rec = place_record(row, "places.toml")
        if key in out:
            raise GazetteerError(f"places.toml: place {rec.name!r} ({key}) is already a record")
        out[key] = rec
    return out


@cache
def alias_keys() -> dict[str, str]:
    """Keys built from a variant spelling -> the record with that alias, when exactly one has it:
    "org:chinese-coast-guard" -> "org:china-coast-guard", "person:abdourahamane-tiani" ->
    "person:abdourahamane-tchiani". A key that is itself a record is not remapped."""
    found: dict[str, set[str]] = {}
    recs = records()
    for key, rec in recs.items():
        prefix = key.split(":", 1)[0]
        for alias in rec.aliases:
            found.setdefault(f"{prefix}:{slugify(alias)}", set()).add(key)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k not in recs}


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
        # (a seat may stand for an organisation instead: "Brüssel" in an argument position is the EU)
        metonym_of=row.get("stands_for") or (country if kind in METONYM_PLACE_KINDS else None),
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
    return dict(read_toml("ner_labels.toml").get("types", {}))


@cache
def ner_name_pos() -> frozenset[str]:
    """Coarse POS tags of which an NER span needs at least one to count as a name."""
    return frozenset(read_toml("ner_labels.toml").get("filter", {}).get("name_pos", ()))
