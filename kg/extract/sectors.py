"""Sector actors: a state's government, army, police, courts, opposition, protesters, ministries.

News names most actors generically ("Malian insurgents", "US troops", "die Bundesregierung",
"the government in Tehran"). Event datasets code them as a country plus a sector; kg does the
same, with one canonical key per (country, sector): ``group:MLI-INS``, ``group:USA-MIL``,
``group:DEU-GOV``. A ministry is an organisation of its state: ``org:chinese-foreign-ministry``.
The nouns and their sectors are language data (``kg/lang/<xx>/entity_sectors.tsv``); the English
names of the keys come from the English demonyms, so German and English articles meet in one node.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import pycountry

from kg.lang import get_language
from kg.model import slugify

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: Sector code -> English name used in the actor's display name.
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "POL": "police", "JUD": "judiciary", "LEG": "legislature",
    "REB": "rebels", "OPP": "opposition", "INS": "insurgents", "MED": "media", "BUS": "business",
    "CVL": "civilians", "REL": "religious leaders", "SPY": "intelligence", "NGO": "NGOs", "IGO": "IGO",
}  # fmt: skip
#: Sectors that act where they are: "gunmen attacked a police station in Pakistan", "protesters in the
#: streets of Tbilisi". A bare noun of these takes the state of the places its sentence names; a bare
#: court, government or army does not ("the court" of a sentence about Gaza may be the ICC).
LOCAL_SECTORS = frozenset({"INS", "REB", "POL", "CVL", "OPP"})

#: Sectors that act without a known state: "unknown gunmen", "rebels", "protesters", "police", "troops"
#: in a sentence or article that names no one state. A government, court, parliament, opposition or
#: ministry always belongs to one: with no state found it stays unresolved rather than stateless.
STATELESS_SECTORS = frozenset({"INS", "REB", "CVL", "POL", "MIL"})


@dataclass(frozen=True, slots=True)
class SectorNoun:
    """One sector noun of a language: its sector, the ministry slug it names, the state it implies."""

    sector: str
    org: str | None = None
    country: str | None = None
    #: only with its state named ("Ukrainian drones", "Russlands Raketen"), never bare: weapons stand
    #: for their state's military only when the text says whose they are
    named_only: bool = False
    #: only counted and as a subject ("Tausende Menschen demonstrierten", "thousands of people marched"):
    #: "people familiar with the matter" are sources and "killed 32 people" names victims, not an actor
    counted_only: bool = False
    #: the institution of the sector ("the army", "das Militär"): the organisation ``org`` names only where the
    #: gazetteer has it for the state, else the state's group (:func:`kg.extract.sector_actors.sector_info`)
    institution: bool = False
    #: one per state ("the government", "das Kabinett"): with an indefinite article another one, which is no
    #: actor ("called for a government of national unity")
    unique: bool = False


@dataclass(frozen=True, slots=True)
class SectorActor:
    """A resolved sector actor: key, entity type, display name, country and sector."""

    key: str
    type: str
    name: str
    country: str | None
    sector: str


@cache
def sector_nouns(lang: str) -> dict[str, SectorNoun]:
    """form (lower case) -> :class:`SectorNoun` for ``lang`` (empty when the language has no table)."""
    out: dict[str, SectorNoun] = {}
    for row in get_language(lang).tsv("entity_sectors"):
        if len(row) < 2:
            continue
        org = row[2] if len(row) > 2 and row[2] != "-" else None
        country = row[3] if len(row) > 3 and row[3] != "-" else None
        if row[1] not in SECTOR_NAMES:
            raise ValueError(f"kg/lang/{lang}/entity_sectors.tsv: {row[0]!r} has unknown sector {row[1]!r}")
        kind = row[4] if len(row) > 4 else ""
        if kind not in ("", "named", "counted", "institution", "unique"):
            raise ValueError(f"kg/lang/{lang}/entity_sectors.tsv: {row[0]!r} has unknown kind {kind!r}")
        out[row[0].lower()] = SectorNoun(
            row[1], org, country, kind == "named", kind == "counted", kind == "institution", kind == "unique"
        )
    return out


@cache
def _suffixes(lang: str) -> tuple[str, ...]:
    return tuple(get_language(lang).toml("entity_grammar").get("noun_suffixes", ()))


@cache
def _compound_heads(lang: str) -> tuple[str, ...]:
    """Sector nouns that may end a closed compound ("Marine|streitkräfte", "Regierungs|truppen"), longest
    first; empty for languages that write compounds apart."""
    if not get_language(lang).toml("entity_grammar").get("closed_compounds", False):
        return ()
    return tuple(sorted((k for k in sector_nouns(lang) if len(k) >= 5 and " " not in k), key=len, reverse=True))


@lru_cache(maxsize=65536)
def find_sector_noun(lang: str, form: str) -> SectorNoun | None:
    """The sector noun ``form`` is, also in an inflected form ("des Innenministeriums") or as the head of
    a closed compound ("Regierungstruppen", "Bereitschaftspolizei")."""
    table = sector_nouns(lang)
    forms = _forms(lang, form.lower())
    found = next((table[f] for f in forms if f in table), None)
    if found is not None:
        return found
    for f in forms:
        for head in _compound_heads(lang):
            if f.endswith(head) and len(f) - len(head) >= 3:
                return table[head]
    return None


def inflected_sector_noun(lang: str, form: str) -> SectorNoun | None:
    """The sector noun ``form`` is, also in an inflected form ("des Generalstabs"), not as a compound part."""
    table = sector_nouns(lang)
    return next((table[f] for f in _forms(lang, form.lower()) if f in table), None)


def _forms(lang: str, form: str) -> list[str]:
    """``form`` and its stems without the language's noun endings ("generalstabs" -> "generalstab")."""
    return [form] + [
        form[: -len(suffix)] for suffix in _suffixes(lang) if form.endswith(suffix) and len(form) > len(suffix) + 3
    ]


@cache
def _english_adjective(iso3: str) -> str:
    """The English demonym of a state ("RUS" -> "Russian"), else its name: for display names and org slugs."""
    for row in get_language("en").tsv("entity_demonyms"):
        if row and row[0] == iso3 and len(row) > 1:
            return row[1]
    found = pycountry.countries.get(alpha_3=iso3)
    return getattr(found, "common_name", None) or getattr(found, "name", iso3) if found else iso3


def sector_actor(iso3: str | None, noun: SectorNoun) -> SectorActor:
    """The canonical actor of a state's sector noun ("russische Regierung" -> group:RUS-GOV).

    With no state (``iso3`` None: "unknown gunmen", "police" in an article about several states) the
    actor is the sector alone, ``group:POL``: it still acts in the graph, with no country claimed.
    """
    if iso3 is None:
        return SectorActor(f"group:{noun.sector}", "Group", SECTOR_NAMES[noun.sector], None, noun.sector)
    adjective = _english_adjective(iso3)
    if noun.org:
        slug = slugify(f"{adjective} {noun.org.replace('-', ' ')}")
        name = f"{adjective} {noun.org.replace('-', ' ')}"
        return SectorActor(f"org:{slug}", "Organization", name, iso3, noun.sector)
    return SectorActor(
        f"group:{iso3}-{noun.sector}", "Group", f"{adjective} {SECTOR_NAMES[noun.sector]}", iso3, noun.sector
    )


def sector_of(a: Analyzer, start: int, end: int) -> SectorNoun | None:
    """The sector noun that tokens ``start:end`` end in (a phrase, the last word, or its lemma)."""
    if start >= end or end > len(a.doc):
        return None
    last = a.doc[end - 1]
    phrase = a.doc[start:end].text.lower()
    if end - start > 1 and phrase not in a.sectors:
        return None  # a two-word window names a sector only as a whole ("defence ministry")
    for form in (phrase, last.lower_, last.lemma_.lower()):
        found = find_sector_noun(a.lex.code, form)
        if found is not None:
            return found
    return None


def sector_ending_at(
    a: Analyzer, noun: int, accept: Callable[[SectorNoun], bool] | None = None
) -> tuple[int, SectorNoun] | None:
    """(first token, noun) of the two- or one-word sector noun ending at ``noun`` that ``accept`` takes."""
    for first in (noun - 1, noun):
        sector = sector_of(a, first, noun + 1) if first >= 0 else None
        if sector is not None and (accept is None or accept(sector)):
            return first, sector
    return None
