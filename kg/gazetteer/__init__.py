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

:func:`lexicon` (:mod:`~kg.gazetteer.surface_forms`) merges both into plain lookup tables (surface form -> key) that
:mod:`kg.extract.entities` compiles into spaCy matchers. Everything is cached:
the files are read once per process. The records, their terms of office and the files they come
from are :mod:`~kg.gazetteer.actors`, :mod:`~kg.gazetteer.terms` and :mod:`~kg.gazetteer.files`.
"""

from kg.gazetteer.actors import (
    METONYM_PLACE_KINDS,
    PLACE_KINDS,
    Record,
    country_key,
    holders,
    ner_label_types,
    ner_name_pos,
    person_record,
    place_record,
    records,
    roles_in,
    terms_in,
)
from kg.gazetteer.files import GAZETTEER_DIR, PEOPLE_FILES, GazetteerError, people_files
from kg.gazetteer.surface_forms import Lexicon, lexicon
from kg.gazetteer.terms import MAX_YEAR, MIN_YEAR, Term, canonical_roles, parse_terms

__all__ = [
    "GAZETTEER_DIR",
    "MAX_YEAR",
    "METONYM_PLACE_KINDS",
    "MIN_YEAR",
    "PEOPLE_FILES",
    "PLACE_KINDS",
    "GazetteerError",
    "Lexicon",
    "Record",
    "Term",
    "canonical_roles",
    "country_key",
    "holders",
    "lexicon",
    "ner_label_types",
    "ner_name_pos",
    "parse_terms",
    "people_files",
    "person_record",
    "place_record",
    "records",
    "roles_in",
    "terms_in",
]
