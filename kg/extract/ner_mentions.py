"""Mentions only NER found: people clustered by name, other names keyed by the longest of their cluster.

A generic actor noun NER labelled a name ("Russia's Defence Ministry", "die russische Regierung")
belongs to the state before it; an organisation unknown to the gazetteer gets the key scheme of
known ones (``org:<slug>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.entities import NOT_A_STATE, RawMention
from kg.extract.mentions import Via
from kg.extract.people import name_tokens
from kg.extract.sector_actors import sector_info
from kg.extract.sectors import sector_of
from kg.model import slugify

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: Entity type -> key prefix of entities the gazetteer does not know (others: the type, lower case).
KEY_PREFIXES = {"Organization": "org"}


def resolve_ner(
    a: Analyzer, m: RawMention, ner_people: dict[int, tuple[str, str, float] | None], ner_names: dict[int, str]
) -> None:
    """An NER mention: a clustered person, a generic actor noun's state or sector, else a keyed name."""
    text = a._text(m.start, m.end)
    if m.end - m.start == 1 and m.end < len(a.doc) and f"{text.lower()} {a.doc[m.end].lower_}" in a.sectors:
        return  # "Riot police fired ...": the first word of a sector noun, capitalised, is no one's name
    if m.value == "Person" or m.start in ner_people:
        resolved = ner_people.get(m.start)
        if resolved is None:
            return  # ambiguous first name: left unresolved
        key, name, confidence = resolved
        info = a.info.get(key) or a._new_info(key, "Person", name)
        via: Via = "ner" if " ".join(name_tokens(a, m.start, m.end)) == name else "partial"
        if m.start > 0 and info.gender is None:
            info.gender = a.lex.honorifics.get(a.doc[m.start - 1].text) or None  # (a rank tells none)
        a._add(m.start, m.end, info, via, confidence, text)
        return
    if text.lower() in a.lex.actor_nouns or text.lower() in a.sectors:
        # "Russia's Defence Ministry", "die russische Regierung": a generic actor noun belongs to its state.
        if any(f.via == "metonym" and f.start <= m.start and m.end <= f.end for f in a.found[-3:]):
            return
        state = _possessor(a, m.start)
        if state is not None:
            sector = sector_of(a, m.start, m.end)
            iso3 = a.info[state[1]].key.removeprefix("country:")
            info = sector_info(a, iso3, sector) if sector is not None else a.info[state[1]]
            a._add(state[0], m.end, info, "metonym", 0.8, None)
            return
        after = a.raw_at.get(m.end + 1)
        if after is not None and after.kind == "name" and a.doc[m.end].pos_ == "ADP":
            rec = a.recs.get(after.value)
            if rec is not None and rec.metonym_of:
                return  # "the Defence Ministry in Kyiv": the seat rule makes the whole phrase Ukraine
    name = _without_descriptor(a, ner_names.get(m.start, text))
    # One key scheme for organisations, known or not: "org:<slug>", as the gazetteer's.
    key = f"{KEY_PREFIXES.get(m.value, m.value.lower())}:{slugify(name)}"
    info = a.info.get(key) or a._new_info(key, m.value, name)
    if info.country is None and m.value == "Organization":
        # "Ethiopian Airlines", "the Sudanese Professionals Association": a name opened by a demonym is that state's.
        code = a.lex.demonyms.get(name.split()[0])
        info.country = code if code and code != NOT_A_STATE else None
    a._add(m.start, m.end, info, "ner" if name == text else "partial", 0.8, text)


def _without_descriptor(a: Analyzer, name: str) -> str:
    """A name without the common noun that introduces it ("Partei Otzma Jehudit" -> "Otzma Jehudit",
    "Menschenrechtsorganisation Foro Penal" -> "Foro Penal"): the nouns are ``name_descriptors`` of
    the language's entity_grammar.toml, and a name is never reduced to nothing."""
    descriptors = a.lex.words("name_descriptors")
    words = name.split()
    while len(words) > 1 and words[0].lower() in descriptors:
        words = words[1:]
    return " ".join(words)


def _possessor(a: Analyzer, i: int) -> tuple[int, str] | None:
    """(start, key) of a state named right before token ``i``, with or without a possessive ("Russia's")."""
    j = i - 1
    if j >= 0 and a.doc[j].lower_ in a.lex.words("possessive_markers"):
        j -= 1
    for f in reversed(a.found[-3:]):
        if f.start <= j < f.end and a.info[f.key].type == "Country":
            return f.start, f.key
    return None


def cluster_ner_others(a: Analyzer) -> dict[int, str]:
    """Start token of each NER non-person mention -> the longest same-type name it begins.

    "Globex" after (or before) "Globex Corporation" is that organisation, keyed by the longer name.
    """
    names: dict[str, set[tuple[str, ...]]] = {}
    spans = []
    for m in a.raw:
        if m.kind == "ner" and m.value != "Person":
            toks = tuple(t.text for t in a.doc[m.start : m.end])
            names.setdefault(m.value, set()).add(toks)
            spans.append((m.start, m.value, toks))
    out: dict[int, str] = {}
    for start, etype, toks in spans:
        longer = [n for n in names[etype] if len(n) > len(toks) and n[: len(toks)] == toks]
        if len(longer) == 1 or (longer and all(n[: len(longer[0])] == longer[0] for n in longer)):
            out[start] = " ".join(max(longer, key=len))
    return out
