"""Mentions the gazetteer knows: names, family names, demonyms and compounds, resolved to their keys.

A capital or seat of power stands for its state where :func:`~kg.extract.places.stands_for_state`
says so ("Moskau wies zurück", "die Regierung in Teheran": the government's sector); a country
before a sector noun is that sector ("US troops"); a demonym whose head is an actor noun stands for
the state or its sector ("die russische Regierung"), as a plural noun for its people ("Kenyans"),
and otherwise only involves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.entities import NOT_A_STATE, RawMention
from kg.extract.people import ner_full_names
from kg.extract.places import actor_head, stance_at, stands_for_state
from kg.extract.sector_actors import country_seat, plural_title, quantity_counter, sector_info
from kg.extract.sectors import LOCAL_SECTORS, SectorNoun, sector_ending_at, sector_of
from kg.extract.verb_second_repair import clause_openings
from kg.gazetteer import country_key
from kg.model import slugify

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: What a plural demonym noun names: the state's people (civilians).
PEOPLE = SectorNoun("CVL")


def resolve_name(a: Analyzer, m: RawMention) -> None:
    """A gazetteer name: its record, its state where a capital or seat stands for it, or a sector."""
    rec = a.recs.get(m.value)
    if rec is None:
        return
    text = a._text(m.start, m.end)
    stands, seat_noun = stands_for_state(a, a.doc[m.start : m.end]) if rec.metonym_of else (False, None)
    if stands:
        start = seat_noun if seat_noun is not None else m.start  # "Regierung in Teheran" as a whole is Iran
        seat = a.raw_at.get(start)
        if seat is not None and seat.kind == "ner" and start != m.start:
            start = seat.start  # "the Defence Ministry in Kyiv"
        state = a._record_info(a.recs[country_key(rec.metonym_of)])
        noun = seat_noun
        if noun is not None:  # "die Regierung in Prag", "protesters in Tbilisi", "the Defence Ministry in Kyiv"
            # (a sector of the seat's own state: "protesters in Brussels" are Belgians, not the EU)
            home = rec.metonym_of if ":" not in rec.metonym_of else rec.country
            hit = sector_ending_at(a, noun) if home else None
            if hit is not None:
                state, start = sector_info(a, home, hit[1]), min(start, hit[0])
        a._add(start, m.end, state, "metonym", 0.9, None)
        return
    if rec.type == "Country" and country_seat(a, m.start, m.end, rec.key.removeprefix("country:")):
        return
    if rec.type == "Country" and _water_of(a, m.start, m.end):
        return
    if rec.type == "Country" and not _bare_before_noun(a, m):
        # "US troops", "Russia's army": a country name before a sector noun is that sector.
        after = m.end + 1 if m.end < len(a.doc) and a.doc[m.end].lower_ in a.glue else m.end
        for n in (2, 1):
            sector = sector_of(a, after, after + n) if after + n <= len(a.doc) else None
            if sector is not None and (after + n - 1 not in a.raw_at or plural_title(a, after + n - 1)):
                iso3 = rec.key.removeprefix("country:")
                a._add(m.start, after + n, sector_info(a, iso3, sector), "metonym", 0.9, None)
                return
    if rec.type == "Location" and rec.country:
        seated_sector(a, m.start, rec.country)
    # "die ukrainische Hauptstadt Kiew": the place noun, often the parser's head, is the place too.
    start = m.start
    if start > 0 and a.is_place_noun(a.doc[start - 1]) and rec.type == "Location":
        start -= 1
    elif (  # "the city of Grozny", "the port of Odesa": the place noun and its "of" are the place
        start > 1
        and rec.type == "Location"
        and a.doc[start - 1].lower_ in a.place_glue
        and a.is_place_noun(a.doc[start - 2])
    ):
        start -= 2
    a._add(start, m.end, a._record_info(rec), "gazetteer", 1.0, text)


def seated_sector(a: Analyzer, start: int, iso3: str) -> None:
    """A local sector noun right before "in" and the place at ``start`` is the sector of the place's state:
    "die Polizei in Schleswig-Holstein", "protesters in Istanbul" (police, civilians, rebels, insurgents,
    the opposition act where they are; troops in a place may be anyone's). The place stays a place."""
    before = start - 1
    if before < 1 or a.doc[before].pos_ != "ADP" or a.doc[before].lower_ not in a.seat_prepositions:
        return
    noun = before - 1
    if noun in a.raw_at or any(f.start <= noun < f.end for f in a.found):
        return
    hit = sector_ending_at(a, noun, lambda s: s.sector in LOCAL_SECTORS and not (s.named_only or s.counted_only))
    if hit is not None:
        a._add(hit[0], noun + 1, sector_info(a, iso3, hit[1]), "metonym", 0.9, None)


def _bare_before_noun(a: Analyzer, m: RawMention) -> bool:
    """Whether a name can own the noun after it only in the genitive, and ``m`` is not one: German says
    "Polens Truppen", so "hatte Polen Truppen verlegt" is Poland moving troops, not Poland's troops moving.
    (A name ending as a genitive cannot end, "Belarus", may be one.)"""
    openings = clause_openings(a.lex.code)
    return bool(openings.genitive_suffixes) and not openings.may_be_genitive(a.doc[m.end - 1].text)


def resolve_short(a: Analyzer, m: RawMention, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
    """A family name alone: the NER-only person of the article who carries it, else the gazetteer's."""
    text = a._text(m.start, m.end)
    # A family name that an NER-only person of this article carries is theirs, not the gazetteer's.
    for key, name in ner_full_names(a, ner_people):
        if name.split()[-1] == text and key in a.info:
            a._add(m.start, m.end, a.info[key], "partial", 0.8, text)
            return
    rec = a.recs.get(m.value)
    if rec is not None:
        a._add(m.start, m.end, a._record_info(rec), "partial", 0.9, text)


def resolve_demonym(a: Analyzer, m: RawMention) -> None:
    """A demonym: the state (or sector) of an actor noun it heads, as a plural noun its people, else involved."""
    if m.value == NOT_A_STATE:
        return
    info = a._record_info(a.recs[country_key(m.value)]) if country_key(m.value) in a.recs else None
    if info is None:
        return
    if stance_at(a, m.start):
        # "Anti-Japanese demonstrators", "pro-Russian separatists": the state is what they are for or against.
        a._add(m.start, m.end, info, "demonym", 0.9, None)
        return
    head = actor_head(a, a.doc[m.start])
    # "der russische Botschafter Sergej Netschajew": the noun is the title of a named person, not the state.
    if head is not None and head.i + 1 < len(a.doc):
        follower = a.raw_at.get(head.i + 1)
        if a.doc[head.i + 1].pos_ == "PROPN" or (follower is not None and follower.kind in ("name", "short", "ner")):
            head = None
    if head is not None:
        sector = sector_of(a, m.end, head.i + 1) or sector_of(a, head.i, head.i + 1)
        if sector is not None and _coordinated_demonym_after(a, m, head):
            # "Kenyan and Ugandan officials": each demonym is its state's group; the last one takes the noun.
            a._add(m.start, m.end, sector_info(a, m.value, sector), "metonym", 0.8, None)
            return
        if sector is not None:
            # "die russische Regierung", "Malian insurgents": the state's sector, not the state.
            a._add(m.start, head.i + 1, sector_info(a, m.value, sector), "metonym", 0.8, None)
            return
        a._add(m.start, head.i + 1, info, "metonym", 0.8, None)
    elif _people_noun(a, m):
        # "Kenyans protested", "Tausende Georgier": a demonym noun in the plural is the state's people.
        a._add(m.start, m.end, sector_info(a, m.value, PEOPLE), "metonym", 0.8, None)
    else:
        a._add(m.start, m.end, info, "demonym", 0.9, None)


def _coordinated_demonym_after(a: Analyzer, m: RawMention, head: Token) -> bool:
    """Whether a coordinator and another demonym stand between the demonym ``m`` and its noun ``head``."""
    between = a.doc[m.end : head.i]
    coordinated = any(t.pos_ == "CCONJ" or t.text == "," for t in between)
    return coordinated and any(r.kind == "demonym" and m.end <= r.start < head.i for r in a.raw)


def _people_noun(a: Analyzer, m: RawMention) -> bool:
    """Whether a demonym mention is a plural noun ("Kenyans", "Georgier"), not an adjective."""
    last = a.doc[m.end - 1]
    if last.pos_ not in ("NOUN", "PROPN"):
        return False
    if "Plur" in last.morph.get("Number"):
        return True
    # "urged Zimbabweans to unite" with the noun tagged singular: a demonym form that is another form of the
    # same state's demonym plus a plural suffix (``demonym_plural_suffixes``) is a plural
    stem, state = last.text, a.lex.demonyms.get(last.text)
    if any(stem.endswith(x) and a.lex.demonyms.get(stem[: -len(x)]) == state
           for x in a.lex.grammar.get("demonym_plural_suffixes", ()) if len(stem) > len(x) + 2):  # fmt: skip
        return True
    # "Thousands of Georgians", "Tausende Georgier": counted by a quantity noun, whatever the tagger says.
    return quantity_counter(a, last, m.start) is not None


def resolve_compound(a: Analyzer, m: RawMention) -> None:
    """A hyphenated word whose first part names an actor ("US-Verteidigungsminister"): that actor, a seat's state."""
    rec = a.recs.get(m.value)
    if rec is None:
        return
    if rec.metonym_of:
        rec = a.recs[country_key(rec.metonym_of)]
    a._add(m.start, m.end, a._record_info(rec), "demonym", 0.9, None)


def _water_of(a: Analyzer, start: int, end: int) -> bool:
    """ "the Gulf of Oman", "der Golf von Oman", "the Sea of Japan": a water named after a country is a
    place of its own, not the country (``water_nouns`` and ``place_glue`` in entity_grammar.toml)."""
    if start < 2 or a.doc[start - 1].lower_ not in a.place_glue or a.doc[start - 2].lower_ not in a.water_nouns:
        return False
    first = start - 2
    name = a.doc[first:end].text
    key = f"location:{slugify(name)}"
    info = a.info.get(key) or a._new_info(key, "Location", name)
    a._add(first, end, info, "ner", 0.9, name)
    return True
