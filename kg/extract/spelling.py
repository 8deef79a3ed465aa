"""Name spellings across languages: "Kobachidse" is Kobakhidze, "Peskow" Peskov, "Selenskyj" Zelensky.

Names transliterated from Cyrillic, Georgian, Arabic or Persian are spelled by each language's
own conventions. Aliases in ``kg/lang/<xx>/entity_aliases.tsv`` list the common ones; for the
rest, :func:`skeleton` folds a name to a language-neutral form with the language's rewrite rules
(``kg/lang/<xx>/spelling.toml``: German "tsch" -> "ch", "w" -> "v", "j" -> "y", ...), and
:func:`gazetteer_person` finds the one gazetteer person whose English name folds to nearly the
same form. A near match must be unique and long enough to say something; otherwise the name
keeps a key of its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from kg.gazetteer import records
from kg.lang import get_language

#: Least similarity (0-100) of two folded names for them to be one person, and least folded length.
MIN_SCORE = 92
MIN_CHARS = 8


@cache
def _rules(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    data = get_language(lang).toml("spelling")
    return tuple((re.compile(a), b) for a, b in data.get("rewrite", ()))


def skeleton(name: str, lang: str) -> str:
    """``name`` folded: lower case, no diacritics, the language's rewrites, no doubled letters."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z ]+", " ", text)
    for pattern, repl in _rules(lang):
        text = pattern.sub(repl, text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())


@cache
def _people_index() -> tuple[list[str], list[str]]:
    """Folded English names (and aliases) of every gazetteer person, with their keys."""
    names, keys = [], []
    for rec in records().values():
        if rec.type != "Person":
            continue
        for form in (rec.name, *rec.aliases):
            names.append(skeleton(form, "en"))
            keys.append(rec.key)
    return names, keys


@lru_cache(maxsize=4096)
def gazetteer_person(name: str, lang: str) -> str | None:
    """The key of the one gazetteer person whose name is a near spelling of ``name``, else None."""
    folded = skeleton(name, lang)
    if len(folded.replace(" ", "")) < MIN_CHARS or " " not in folded:
        return None  # a full name only: family names alone are too ambiguous
    names, keys = _people_index()
    hits = process.extract(folded, names, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=5)
    found = {keys[i] for _, _, i in hits}
    return found.pop() if len(found) == 1 else None
