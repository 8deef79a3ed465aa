"""People named in an article: NER names clustered into persons, family names, gazetteer spellings.

A name that is the tail of exactly one longer person name of the article is that person; a bare
first name shared by two people is ambiguous; a full name the gazetteer spells differently is the
gazetteer's person (:mod:`kg.extract.spelling`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.entities import RawMention
from kg.extract.spelling import gazetteer_person
from kg.model import slugify

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer


def cluster_ner_people(a: Analyzer) -> dict[int, tuple[str, str, float] | None]:
    """Start token of each NER person mention -> (key, name, confidence), or None if ambiguous.

    Compares every NER person name with every other person name in the
    article (NER and gazetteer): a name that is the tail of exactly one
    longer name is that person; a single token that is only the first
    name of two or more people is ambiguous.
    """
    people: list[tuple[tuple[str, ...], str | None]] = []  # (tokens, gazetteer key or None)
    for m in a.raw:
        if m.kind == "ner" and m.value == "Person":
            people.append((name_tokens(a, m.start, m.end), None))
        elif m.kind == "name" and a.recs.get(m.value, None) is not None and a.recs[m.value].type == "Person":
            people.append((name_tokens(a, m.start, m.end), m.value))
    full = {toks: key for toks, key in people if len(toks) > 1}
    out: dict[int, tuple[str, str, float] | None] = {}
    for m in a.raw:
        if m.kind != "ner":
            continue
        toks = name_tokens(a, m.start, m.end)
        tails = {person_key(a, f, k) for f, k in full.items() if len(f) > len(toks) and f[-len(toks) :] == toks}
        if m.value != "Person":
            # NER often mislabels a family name alone ("Dupont" as ORG): it is the person named before; so is
            # the given name of one person whose name goes by it ("Hamzah" for Hamzah bin Hussein).
            firsts = {person_key(a, f, k) for f, k in full.items() if f[0] == toks[0]} if len(toks) == 1 else set()
            for keys, confidence in ((tails, 0.7), (firsts if not tails else set(), 0.6)):
                if len(keys) == 1:
                    key = keys.pop()
                    out[m.start] = (key, display(a, key, full), confidence)
                    break
            continue
        if len(tails) == 1:
            key = tails.pop()
            out[m.start] = (key, display(a, key, full), 0.8)
            continue
        if len(toks) == 1:
            firsts = {person_key(a, f, k) for f, k in full.items() if f[0] == toks[0]}
            if len(firsts) > 1 or len(tails) > 1:
                out[m.start] = None
                continue
            if len(firsts) == 1:
                key = firsts.pop()
                out[m.start] = (key, display(a, key, full), 0.6)
                continue
        longest = max((f for f in full if f[-len(toks) :] == toks), key=len, default=toks)
        key = person_key(a, longest, full.get(longest))
        out[m.start] = (key, " ".join(longest), 0.8)
    return out


def add_missed_family_names(a: Analyzer, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
    """Family names of NER-only people that NER did not tag again later ("Doe said"), and ambiguous
    family names of gazetteer people named in full before."""
    known = _gazetteer_family_names(a)
    if known:
        a.raw = sorted([*a.raw, *known], key=lambda m: m.start)
    family: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for m in a.raw:
        resolved = ner_people.get(m.start) if m.kind == "ner" else None
        if resolved is None or resolved[0] in a.recs or " " not in resolved[1]:
            continue
        for form in _family_forms(a, resolved[1]):
            family.setdefault(form, set()).add(resolved[0])
        names[resolved[0]] = resolved[1]
    if not family:
        return
    first_start = {}
    for m in a.raw:
        if m.kind == "ner" and ner_people.get(m.start) is not None:
            first_start.setdefault(ner_people[m.start][0], m.start)  # type: ignore[index]
    added = []
    for tok, key in _later_family_names(a, family, first_start):
        m = RawMention(tok.i, tok.i + 1, "ner", "Person")
        ner_people[tok.i] = (key, names[key], 0.7)
        added.append(m)
        a.raw_at[tok.i] = m
    if added:
        a.raw = sorted([*a.raw, *added], key=lambda m: m.start)


def _gazetteer_family_names(a: Analyzer) -> list[RawMention]:
    """Family names the gazetteer finds ambiguous ("Sharif": Nawaz or Shehbaz) after one person of that
    name was named in full in this article: they are that person ("Shehbaz Sharif ... betonte Sharif")."""
    family: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in a.raw:
        rec = a.recs.get(m.value) if m.kind == "name" else None
        if rec is None or rec.type != "Person" or " " not in rec.name or rec.family_name_first:
            continue
        for form in _family_forms(a, rec.name):
            family.setdefault(form, set()).add(rec.key)
        first.setdefault(rec.key, m.start)
    added = []
    for tok, key in _later_family_names(a, family, first):
        m = RawMention(tok.i, tok.i + 1, "short", key)
        added.append(m)
        a.raw_at[tok.i] = m
    return added


def _family_forms(a: Analyzer, name: str) -> tuple[str, ...]:
    """A full name's family name and its genitives ("Sharif", "Sharifs")."""
    last = name.split()[-1]
    return (last, *(last + s for s in a.lex.grammar.get("genitive_suffixes", ())))


def _later_family_names(a: Analyzer, family: dict[str, set[str]], first: dict[str, int]) -> Iterator[tuple[Token, str]]:
    """Untaken capitalised tokens that are the family name of exactly one person, after that person was
    first named in full (a family name never introduces anyone)."""
    for tok in a.doc:
        keys = family.get(tok.text)
        if not keys or len(keys) != 1 or tok.i in a.raw_at or not tok.text[:1].isupper():
            continue
        key = next(iter(keys))
        if tok.i > first.get(key, len(a.doc)):
            yield tok, key


def person_key(a: Analyzer, toks: tuple[str, ...], gaz_key: str | None) -> str:
    # "Irakli Kobachidse" is the gazetteer's Irakli Kobakhidze: a near spelling of one known person.
    return gaz_key or gazetteer_person(" ".join(toks), a.lex.code) or f"person:{slugify(' '.join(toks))}"


def display(a: Analyzer, key: str, full: dict[tuple[str, ...], str | None]) -> str:
    rec = a.recs.get(key)
    if rec is not None:
        return rec.name
    names = [" ".join(f) for f, k in full.items() if person_key(a, f, k) == key]
    return max(names, key=len) if names else key.split(":", 1)[1]


def ner_full_names(a: Analyzer, ner_people: dict[int, tuple[str, str, float] | None]) -> Iterable[tuple[str, str]]:
    for value in ner_people.values():
        if value is not None and value[0] not in a.recs and " " in value[1]:
            yield value[0], value[1]


def name_tokens(a: Analyzer, start: int, end: int) -> tuple[str, ...]:
    """Name tokens with genitive endings removed ("Müllers" -> "Müller")."""
    toks = [t.text for t in a.doc[start:end]]
    suffixes = a.lex.grammar.get("genitive_suffixes", ())
    last = toks[-1]
    for s in suffixes:
        if s and last.endswith(s) and len(last) > len(s) + 2 and seen_without(a, last[: -len(s)]):
            toks[-1] = last[: -len(s)]
            break
    return tuple(toks)


def seen_without(a: Analyzer, stem: str) -> bool:
    """Does the bare form occur in the document (so "Müllers" is the genitive of a "Müller")?"""
    if a._words is None:
        a._words = {t.text for t in a.doc}
    return stem in a._words
