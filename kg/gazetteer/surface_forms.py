"""One language's surface forms of the actors, merged into lookup tables (:class:`Lexicon`) that
:mod:`kg.extract.entities` compiles into spaCy matchers."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry

from kg.gazetteer.actors import country_key, records
from kg.gazetteer.files import read_toml
from kg.lang import LanguageData, get_language, scheme_labels


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
    unused = read_toml("countries.toml").get("iso_names_not_used", {})
    for code3, forms in _iso_names(grammar.get("pycountry_locale", "")).items():
        forms_by_key.setdefault(country_key(code3), set()).update(set(forms) - set(unused.get(code3, ())))
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
        honorifics={row[0]: row[1] if row[1] in ("m", "f") else "" for row in _rows(lang, "entity_honorifics")},
        actor_nouns=actor_nouns,
        grammar=grammar,
    )
