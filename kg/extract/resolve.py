"""Resolution: raw mentions -> canonical entities, in-article coreference, roles and affiliations.

:class:`Analyzer` reads each raw mention and composes the passes that decide about it: people
(:mod:`kg.extract.people`), places and metonymy (:mod:`kg.extract.places`), roles
(:mod:`kg.extract.roles`) and sector actors (:mod:`kg.extract.sector_actors`); what they share is
the resolution state of :mod:`kg.extract.found`, and a pass that needs another's answer gets it as
a returned value ("the seat of which actor noun"), not through an attribute set on the side.

Input is what :mod:`kg.extract.entities` found; output is an
:class:`EntityAnalysis` whose :class:`~kg.extract.mentions.MentionIndex` the
relation stage queries token by token. Decisions made here, in order:

1. **Keys.** Gazetteer hits get the record's key (``country:RUS``,
   ``person:lloyd-austin``, ...). A capital or seat of power stands for its
   state (via ``metonym``) as an argument of a verb ("Moskau wies zurück"),
   after a non-locative preposition ("called on Moscow") or as the seat of an
   actor noun ("die Regierung in Teheran"); after a locative preposition
   ("in Rom") or a place noun ("die Hauptstadt Kiew") it is a Location. A
   demonym whose head noun is an actor noun ("die russische Regierung",
   "den russischen Botschafter") stands for the state (via ``metonym``, span
   demonym..noun); otherwise it only involves the state (via ``demonym``).
   Which prepositions are locative, which nouns are actors or places: data.
2. **Names within the article.** An NER name that is the tail of exactly one
   longer person name in the article is that person ("Austin" -> Lloyd
   Austin, also when NER mislabels it ORG or misses it); a bare first name
   shared by two people ("Wladimir" with Putin and Selenskij) is ambiguous
   and left out. NER entities unknown to the gazetteer are keyed by type and
   the longest name of their cluster ("Greenpeace" -> Greenpeace International).
3. **Pronouns.** A pronoun refers to the one compatible person (gender from the
   gazetteer, unknown = compatible) of the most recent preceding sentence
   that mentions any compatible person (at most two sentences back); two
   candidates there -> unresolved. Forms that may be plural (German "sie")
   need singular morphology on the pronoun and no plural finite verb.
   Honorifics and gendered titles ("Frau", "Mr.", "Außenministerin") give
   people unknown to the gazetteer a gender. A role title after a definite
   article ("der Präsident", "the Ukrainian president") refers to the one
   person named before in that role (and state), else it stays unresolved.
4. **Roles and affiliations.** A role phrase next to a person's name (left:
   "der ukrainische Präsident Wladimir Selenskij"; right apposition:
   "Lavrov, Russia's foreign minister,"; or a role noun linked by an
   apposition-like dependency, UD or TIGER) gives the person's role and state
   or organisation; the person's mention is widened over a left role title so
   that the relation stage finds the person at the role noun, which parsers
   often make the subject. Gazetteer people keep their recorded role and state
   when the article says nothing else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.entities import NOT_A_STATE, RawMention, find_mentions
from kg.extract.found import Found, Info
from kg.extract.mentions import Mention, MentionIndex, Via
from kg.extract.people import (
    add_missed_family_names,
    cluster_ner_people,
    name_tokens,
    ner_full_names,
)
from kg.extract.places import actor_head, stands_for_state
from kg.extract.roles import (
    role_anaphora,
    roles,
)
from kg.extract.sector_actors import country_seat, plural_title, sector_info, sector_of, self_naming_sectors
from kg.extract.sectors import SectorNoun, sector_nouns
from kg.gazetteer import Lexicon, Record, country_key, lexicon, records
from kg.lang import LanguageData
from kg.model import Entity, slugify

log = logging.getLogger(__name__)

#: What a plural demonym noun names: the state's people (civilians).
PEOPLE = SectorNoun("CVL")
#: Entity type -> key prefix of entities the gazetteer does not know (others: the type, lower case).
KEY_PREFIXES = {"Organization": "org"}
_PRONOUN_SENTENCE_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Affiliation:
    """``member`` belongs to ``group`` (a state or organisation), in ``role`` if known."""

    member: Entity
    group: Entity
    role: str | None
    token: int


@dataclass(frozen=True, slots=True)
class EntityAnalysis:
    """Everything the entity stage knows about one document."""

    index: MentionIndex
    entities: tuple[Entity, ...]
    affiliations: tuple[Affiliation, ...]
    mention_counts: dict[str, int]


def analyze_entities(doc: Doc, lang: LanguageData, year: int | None = None) -> EntityAnalysis:
    """Find, resolve and describe the entities of ``doc``; ``year``: when the article appeared, if known.

    A failure raises: the Extractor's one catch counts the article as failed (``on_error``).
    """
    return Analyzer(doc, lexicon(lang.code), year).run()


class Analyzer:
    def __init__(self, doc: Doc, lex: Lexicon, year: int | None = None) -> None:
        self.doc = doc
        self.lex = lex
        #: the article's year: "der russische Präsident" without a name is who held the office then
        self.year = year
        self.recs = records()
        self.has_dep = doc.has_annotation("DEP")
        self.sent_of = self._sentence_ids(doc)
        self.raw = find_mentions(doc, lex.code)
        self.raw_at: dict[int, RawMention] = {i: m for m in self.raw for i in range(m.start, m.end)}
        self.argument = lex.deps("argument")
        self.conj = lex.deps("conj")
        self.appos = lex.deps("apposition")
        self.glue = lex.words("role_phrase_glue") | lex.words("possessive_markers")
        self.locatives = lex.words("locative_prepositions")
        self.place_nouns = lex.words("place_nouns")
        self.sectors = sector_nouns(lex.code)
        self.info: dict[str, Info] = {}
        self.found: list[Found] = []
        self.group_at: dict[int, str] = {}
        self.ner_names: dict[int, str] = {}
        self._words: set[str] | None = None
        self.role_used: set[int] = (
            set()
        )  # role-phrase tokens attached to a named person  # capital token -> actor noun token ("Regierung in Teheran")

    # ---------------------------------------------------------------- driver
    def run(self) -> EntityAnalysis:
        ner_people = cluster_ner_people(self)
        add_missed_family_names(self, ner_people)
        self.ner_names = self._cluster_ner_others()
        for m in self.raw:
            if m.kind == "name":
                self._name(m)
            elif m.kind == "short":
                self._short(m, ner_people)
            elif m.kind == "demonym":
                self._demonym(m)
            elif m.kind == "compound":
                self._compound(m)
            elif m.kind == "ner":
                self._ner(m, ner_people)
            elif m.kind == "pronoun":
                self._pronoun(m)
        self_naming_sectors(self)
        roles(self)
        role_anaphora(self)
        return self._freeze()

    # ----------------------------------------------------------- mention kinds
    def _name(self, m: RawMention) -> None:
        rec = self.recs.get(m.value)
        if rec is None:
            return
        text = self._text(m.start, m.end)
        stands, seat_noun = stands_for_state(self, self.doc[m.start : m.end]) if rec.metonym_of else (False, None)
        if stands:
            start = seat_noun if seat_noun is not None else m.start  # "Regierung in Teheran" as a whole is Iran
            seat = self.raw_at.get(start)
            if seat is not None and seat.kind == "ner" and start != m.start:
                start = seat.start  # "the Defence Ministry in Kyiv"
            state = self._record_info(self.recs[country_key(rec.metonym_of)])
            noun = seat_noun
            if noun is not None:  # "die Regierung in Prag", "protesters in Tbilisi", "the Defence Ministry in Kyiv"
                for first in (noun - 1, noun):
                    sector = sector_of(self, first, noun + 1) if first >= 0 else None
                    if sector is not None:
                        state, start = sector_info(self, rec.metonym_of, sector), min(start, first)
                        break
            self._add(start, m.end, state, "metonym", 0.9, None)
            return
        if rec.type == "Country" and country_seat(self, m.start, m.end, rec.key.removeprefix("country:")):
            return
        if rec.type == "Country":
            # "US troops", "Russia's army": a country name before a sector noun is that sector.
            after = m.end + 1 if m.end < len(self.doc) and self.doc[m.end].lower_ in self.glue else m.end
            for n in (2, 1):
                sector = sector_of(self, after, after + n) if after + n <= len(self.doc) else None
                if sector is not None and (after + n - 1 not in self.raw_at or plural_title(self, after + n - 1)):
                    iso3 = rec.key.removeprefix("country:")
                    self._add(m.start, after + n, sector_info(self, iso3, sector), "metonym", 0.9, None)
                    return
        # "die ukrainische Hauptstadt Kiew": the place noun, often the parser's head, is the place too.
        start = m.start
        if start > 0 and self.doc[start - 1].lower_ in self.place_nouns and rec.type == "Location":
            start -= 1
        elif (  # "the city of Grozny", "the port of Odesa": the place noun and its "of" are the place
            start > 1
            and rec.type == "Location"
            and self.doc[start - 1].lower_ in self.lex.words("place_glue")
            and self.doc[start - 2].lower_ in self.place_nouns
        ):
            start -= 2
        self._add(start, m.end, self._record_info(rec), "gazetteer", 1.0, text)

    def _short(self, m: RawMention, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
        text = self._text(m.start, m.end)
        # A family name that an NER-only person of this article carries is theirs, not the gazetteer's.
        for key, name in ner_full_names(self, ner_people):
            if name.split()[-1] == text and key in self.info:
                self._add(m.start, m.end, self.info[key], "partial", 0.8, text)
                return
        rec = self.recs.get(m.value)
        if rec is not None:
            self._add(m.start, m.end, self._record_info(rec), "partial", 0.9, text)

    def _demonym(self, m: RawMention) -> None:
        if m.value == NOT_A_STATE:
            return
        info = self._record_info(self.recs[country_key(m.value)]) if country_key(m.value) in self.recs else None
        if info is None:
            return
        head = actor_head(self, self.doc[m.start])
        # "der russische Botschafter Sergej Netschajew": the noun is the title of a named person, not the state.
        if head is not None and head.i + 1 < len(self.doc):
            follower = self.raw_at.get(head.i + 1)
            if self.doc[head.i + 1].pos_ == "PROPN" or (
                follower is not None and follower.kind in ("name", "short", "ner")
            ):
                head = None
        if head is not None:
            sector = sector_of(self, m.end, head.i + 1) or sector_of(self, head.i, head.i + 1)
            if sector is not None:
                # "die russische Regierung", "Malian insurgents": the state's sector, not the state.
                self._add(m.start, head.i + 1, sector_info(self, m.value, sector), "metonym", 0.8, None)
                return
            self._add(m.start, head.i + 1, info, "metonym", 0.8, None)
        elif self._people_noun(m):
            # "Kenyans protested", "Tausende Georgier": a demonym noun in the plural is the state's people.
            self._add(m.start, m.end, sector_info(self, m.value, PEOPLE), "metonym", 0.8, None)
        else:
            self._add(m.start, m.end, info, "demonym", 0.9, None)

    def _people_noun(self, m: RawMention) -> bool:
        """Whether a demonym mention is a plural noun ("Kenyans", "Georgier"), not an adjective."""
        last = self.doc[m.end - 1]
        return last.pos_ in ("NOUN", "PROPN") and "Plur" in last.morph.get("Number")

    def _compound(self, m: RawMention) -> None:
        rec = self.recs.get(m.value)
        if rec is None:
            return
        if rec.metonym_of:
            rec = self.recs[country_key(rec.metonym_of)]
        self._add(m.start, m.end, self._record_info(rec), "demonym", 0.9, None)

    def _ner(self, m: RawMention, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
        text = self._text(m.start, m.end)
        if m.value == "Person" or m.start in ner_people:
            resolved = ner_people.get(m.start)
            if resolved is None:
                return  # ambiguous first name: left unresolved
            key, name, confidence = resolved
            info = self.info.get(key) or self._new_info(key, "Person", name)
            via: Via = "ner" if " ".join(name_tokens(self, m.start, m.end)) == name else "partial"
            if m.start > 0 and info.gender is None:
                info.gender = self.lex.honorifics.get(self.doc[m.start - 1].text)
            self._add(m.start, m.end, info, via, confidence, text)
            return
        if text.lower() in self.lex.actor_nouns or text.lower() in self.sectors:
            # "Russia's Defence Ministry", "die russische Regierung": a generic actor noun belongs to its state.
            if any(f.via == "metonym" and f.start <= m.start and m.end <= f.end for f in self.found[-3:]):
                return
            state = self._possessor(m.start)
            if state is not None:
                sector = sector_of(self, m.start, m.end)
                iso3 = self.info[state[1]].key.removeprefix("country:")
                info = sector_info(self, iso3, sector) if sector is not None else self.info[state[1]]
                self._add(state[0], m.end, info, "metonym", 0.8, None)
                return
            after = self.raw_at.get(m.end + 1)
            if after is not None and after.kind == "name" and self.doc[m.end].pos_ == "ADP":
                rec = self.recs.get(after.value)
                if rec is not None and rec.metonym_of:
                    return  # "the Defence Ministry in Kyiv": the seat rule makes the whole phrase Ukraine
        name = self.ner_names.get(m.start, text)
        # One key scheme for organisations, known or not: "org:<slug>", as the gazetteer's.
        key = f"{KEY_PREFIXES.get(m.value, m.value.lower())}:{slugify(name)}"
        info = self.info.get(key) or self._new_info(key, m.value, name)
        self._add(m.start, m.end, info, "ner" if name == text else "partial", 0.8, text)

    def _possessor(self, i: int) -> tuple[int, str] | None:
        """(start, key) of a state named right before token ``i``, with or without a possessive ("Russia's")."""
        j = i - 1
        if j >= 0 and self.doc[j].lower_ in self.lex.words("possessive_markers"):
            j -= 1
        for f in reversed(self.found[-3:]):
            if f.start <= j < f.end and self.info[f.key].type == "Country":
                return f.start, f.key
        return None

    def _cluster_ner_others(self) -> dict[int, str]:
        """Start token of each NER non-person mention -> the longest same-type name it begins.

        "Globex" after (or before) "Globex Corporation" is that organisation, keyed by the longer name.
        """
        names: dict[str, set[tuple[str, ...]]] = {}
        spans = []
        for m in self.raw:
            if m.kind == "ner" and m.value != "Person":
                toks = tuple(t.text for t in self.doc[m.start : m.end])
                names.setdefault(m.value, set()).add(toks)
                spans.append((m.start, m.value, toks))
        out: dict[int, str] = {}
        for start, etype, toks in spans:
            longer = [n for n in names[etype] if len(n) > len(toks) and n[: len(toks)] == toks]
            if len(longer) == 1 or (longer and all(n[: len(longer[0])] == longer[0] for n in longer)):
                out[start] = " ".join(max(longer, key=len))
        return out

    def _pronoun(self, m: RawMention) -> None:
        tok = self.doc[m.start]
        if m.number != "sing" and not self._singular(tok):
            return
        sent = self.sent_of[m.start]
        by_sentence: dict[int, list[str]] = {}
        for f in self.found:
            if f.start >= m.start:
                break
            if f.via == "pronoun" or self.info[f.key].type != "Person":
                continue
            if sent - self.sent_of[f.start] > _PRONOUN_SENTENCE_WINDOW:
                continue
            if self._gender(f.key) in (None, m.value):
                by_sentence.setdefault(self.sent_of[f.start], []).append(f.key)
        if not by_sentence:
            return
        candidates = set(by_sentence[max(by_sentence)])
        if len(candidates) == 1:
            key = candidates.pop()
            self._add(m.start, m.end, self.info[key], "pronoun", 0.7, None)

    # ------------------------------------------------------------ NER people

    # ------------------------------------------------------------------ roles

    # ---------------------------------------------------------------- sectors

    # ---------------------------------------------------------------- helpers

    def _singular(self, tok: Token) -> bool:
        """Morphology says a number-ambiguous pronoun ("sie") is singular, and its clause's verb agrees."""
        if tok.morph.get("Number") != ["Sing"]:
            return False
        if not self.has_dep:
            return True
        verb = tok.head
        for _ in range(4):  # the nearest verb above the pronoun ("sie Kriegsverbündete sind")
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        verbs = [verb, *(c for c in verb.children if c.pos_ == "AUX")]
        return not any("Plur" in v.morph.get("Number") for v in verbs if v.pos_ in ("VERB", "AUX"))

    def _gender(self, key: str) -> str | None:
        rec = self.recs.get(key)
        return rec.gender if rec is not None else self.info[key].gender

    def _text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    @staticmethod
    def _sentence_ids(doc: Doc) -> list[int]:
        ids = [0] * len(doc)
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return ids
        try:
            for n, sent in enumerate(doc.sents):
                for i in range(sent.start, sent.end):
                    ids[i] = n
        except ValueError:
            return [0] * len(doc)
        return ids

    def _record_info(self, rec: Record) -> Info:
        info = self.info.get(rec.key)
        if info is None:
            info = self._new_info(rec.key, rec.type, rec.name)
        return info

    def _new_info(self, key: str, etype: str, name: str) -> Info:
        info = Info(key, etype, name)
        self.info[key] = info
        return info

    def _add(self, start: int, end: int, info: Info, via: Via, confidence: float, alias: str | None) -> None:
        self.found.append(Found(start, end, info.key, via, confidence, alias))
        if alias and alias not in info.aliases:
            info.aliases.append(alias)

    # ----------------------------------------------------------------- freeze
    def _freeze(self) -> EntityAnalysis:
        counts: dict[str, int] = {}
        for f in self.found:
            counts[f.key] = counts.get(f.key, 0) + 1
        entities: dict[str, Entity] = {}
        for f in self.found:
            if f.key not in entities:
                entities[f.key] = self._entity(self.info[f.key])
        mentions = [
            Mention(f.start, f.end, entities[f.key], self._text(f.start, f.end), f.via, f.confidence)
            for f in self.found
        ]
        affiliations = self._affiliations(entities)
        return EntityAnalysis(MentionIndex(mentions), tuple(entities.values()), tuple(affiliations), counts)

    def _entity(self, info: Info) -> Entity:
        rec = self.recs.get(info.key)
        if rec is not None:
            return rec.entity(tuple(info.aliases), role=info.role, country=info.country)
        return Entity(
            info.key,
            info.name,
            info.type,
            tuple(info.aliases),
            country=info.country,
            role=info.role,
            sector=info.sector,
        )

    def _affiliations(self, entities: dict[str, Entity]) -> list[Affiliation]:
        """Groups stated in the article, then gazetteer groups that the article mentions."""
        out: list[Affiliation] = []
        seen: set[tuple[str, str]] = set()
        first: dict[str, int] = {}
        for f in self.found:
            first.setdefault(f.key, f.start)
        for key, entity in entities.items():
            info = self.info[key]
            for group, role, token in info.groups:
                if (key, group) not in seen and group in entities:
                    seen.add((key, group))
                    out.append(Affiliation(entity, entities[group], role, token))
            rec = self.recs.get(key)
            implied = []
            if entity.country and entity.type in ("Person", "Organization"):
                implied.append(country_key(entity.country))
            if rec is not None and rec.org:
                implied.append(rec.org)
            for group in implied:
                if group in entities and group != key and (key, group) not in seen:
                    seen.add((key, group))
                    role = entity.role if entity.type == "Person" else None
                    out.append(Affiliation(entity, entities[group], role, first[key]))
        return out
