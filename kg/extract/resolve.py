"""Resolution: raw mentions -> canonical entities, in-article coreference, roles and affiliations.

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
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import NOT_A_STATE, RawMention, find_mentions
from kg.extract.mentions import Mention, MentionIndex, Via
from kg.extract.sectors import SectorNoun, find_sector_noun, sector_actor, sector_nouns
from kg.extract.spelling import gazetteer_person
from kg.gazetteer import Lexicon, Record, country_key, lexicon, records
from kg.lang import LanguageData
from kg.model import Entity, slugify

log = logging.getLogger(__name__)

#: Entity type -> key prefix of entities the gazetteer does not know (others: the type, lower case).
KEY_PREFIXES = {"Organization": "org"}
_PRONOUN_SENTENCE_WINDOW = 2
_ROLE_SCAN = 8


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


@dataclass(slots=True)
class _Found:
    """A resolved mention before entities are frozen."""

    start: int
    end: int
    key: str
    via: Via
    confidence: float
    alias: str | None  # surface form to record as an alias, if it is a name


@dataclass(slots=True)
class _Info:
    """What the article says about one entity key."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None  # told by an honorific ("Frau Müller", "Mr. Smith")
    groups: list[tuple[str, str | None, int]] = field(default_factory=list)  # (group key, role, token)


def analyze_entities(doc: Doc, lang: LanguageData) -> EntityAnalysis:
    """Find, resolve and describe the entities of ``doc`` (never raises on odd input)."""
    try:
        return _Analyzer(doc, lexicon(lang.code)).run()
    except Exception:  # a broken document must not stop a batch; the relation stage gets nothing
        log.exception("entity analysis failed for a document of %d tokens", len(doc))
        return EntityAnalysis(MentionIndex(()), (), (), {})


class _Analyzer:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
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
        self.info: dict[str, _Info] = {}
        self.found: list[_Found] = []
        self.group_at: dict[int, str] = {}
        self.ner_names: dict[int, str] = {}
        self._words: set[str] | None = None
        self.seat_of: dict[int, int] = {}
        self.role_used: set[int] = (
            set()
        )  # role-phrase tokens attached to a named person  # capital token -> actor noun token ("Regierung in Teheran")

    # ---------------------------------------------------------------- driver
    def run(self) -> EntityAnalysis:
        ner_people = self._cluster_ner_people()
        self._add_missed_family_names(ner_people)
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
        self._self_naming_sectors()
        self._roles()
        self._role_anaphora()
        return self._freeze()

    # ----------------------------------------------------------- mention kinds
    def _name(self, m: RawMention) -> None:
        rec = self.recs.get(m.value)
        if rec is None:
            return
        text = self._text(m.start, m.end)
        if rec.metonym_of and self._stands_for_state(self.doc[m.start : m.end]):
            start = self.seat_of.get(m.start, m.start)  # "Regierung in Teheran" as a whole is Iran
            seat = self.raw_at.get(start)
            if seat is not None and seat.kind == "ner" and start != m.start:
                start = seat.start  # "the Defence Ministry in Kyiv"
            state = self._record_info(self.recs[country_key(rec.metonym_of)])
            noun = self.seat_of.get(m.start)
            if noun is not None:  # "die Regierung in Prag", "protesters in Tbilisi", "the Defence Ministry in Kyiv"
                for first in (noun - 1, noun):
                    sector = self._sector_of(first, noun + 1) if first >= 0 else None
                    if sector is not None:
                        state, start = self._sector_info(rec.metonym_of, sector), min(start, first)
                        break
            self._add(start, m.end, state, "metonym", 0.9, None)
            return
        if rec.type == "Country":
            # "US troops", "Russia's army": a country name before a sector noun is that sector.
            after = m.end + 1 if m.end < len(self.doc) and self.doc[m.end].lower_ in self.glue else m.end
            for n in (2, 1):
                sector = self._sector_of(after, after + n) if after + n <= len(self.doc) else None
                if sector is not None and after + n - 1 not in self.raw_at:
                    iso3 = rec.key.removeprefix("country:")
                    self._add(m.start, after + n, self._sector_info(iso3, sector), "metonym", 0.9, None)
                    return
        # "die ukrainische Hauptstadt Kiew": the place noun, often the parser's head, is the place too.
        start = m.start
        if start > 0 and self.doc[start - 1].lower_ in self.place_nouns and rec.type == "Location":
            start -= 1
        self._add(start, m.end, self._record_info(rec), "gazetteer", 1.0, text)

    def _short(self, m: RawMention, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
        text = self._text(m.start, m.end)
        # A family name that an NER-only person of this article carries is theirs, not the gazetteer's.
        for key, name in self._ner_full_names(ner_people):
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
        head = self._actor_head(self.doc[m.start])
        # "der russische Botschafter Sergej Netschajew": the noun is the title of a named person, not the state.
        if head is not None and head.i + 1 < len(self.doc):
            follower = self.raw_at.get(head.i + 1)
            if self.doc[head.i + 1].pos_ == "PROPN" or (
                follower is not None and follower.kind in ("name", "short", "ner")
            ):
                head = None
        if head is not None:
            sector = self._sector_of(m.end, head.i + 1) or self._sector_of(head.i, head.i + 1)
            if sector is not None:
                # "die russische Regierung", "Malian insurgents": the state's sector, not the state.
                self._add(m.start, head.i + 1, self._sector_info(m.value, sector), "metonym", 0.8, None)
                return
            self._add(m.start, head.i + 1, info, "metonym", 0.8, None)
        else:
            self._add(m.start, m.end, info, "demonym", 0.9, None)

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
            via: Via = "ner" if " ".join(self._name_tokens(m.start, m.end)) == name else "partial"
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
                sector = self._sector_of(m.start, m.end)
                iso3 = self.info[state[1]].key.removeprefix("country:")
                info = self._sector_info(iso3, sector) if sector is not None else self.info[state[1]]
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
    def _cluster_ner_people(self) -> dict[int, tuple[str, str, float] | None]:
        """Start token of each NER person mention -> (key, name, confidence), or None if ambiguous.

        Compares every NER person name with every other person name in the
        article (NER and gazetteer): a name that is the tail of exactly one
        longer name is that person; a single token that is only the first
        name of two or more people is ambiguous.
        """
        people: list[tuple[tuple[str, ...], str | None]] = []  # (tokens, gazetteer key or None)
        for m in self.raw:
            if m.kind == "ner" and m.value == "Person":
                people.append((self._name_tokens(m.start, m.end), None))
            elif m.kind == "name" and self.recs.get(m.value, None) is not None and self.recs[m.value].type == "Person":
                people.append((self._name_tokens(m.start, m.end), m.value))
        full = {toks: key for toks, key in people if len(toks) > 1}
        out: dict[int, tuple[str, str, float] | None] = {}
        for m in self.raw:
            if m.kind != "ner":
                continue
            toks = self._name_tokens(m.start, m.end)
            tails = {self._person_key(f, k) for f, k in full.items() if len(f) > len(toks) and f[-len(toks) :] == toks}
            if m.value != "Person":
                # NER often mislabels a family name alone ("Dupont" as ORG): it is the person named before.
                if len(tails) == 1:
                    key = tails.pop()
                    out[m.start] = (key, self._display(key, full), 0.7)
                continue
            if len(tails) == 1:
                key = tails.pop()
                out[m.start] = (key, self._display(key, full), 0.8)
                continue
            if len(toks) == 1:
                firsts = {self._person_key(f, k) for f, k in full.items() if f[0] == toks[0]}
                if len(firsts) > 1 or len(tails) > 1:
                    out[m.start] = None
                    continue
                if len(firsts) == 1:
                    key = firsts.pop()
                    out[m.start] = (key, self._display(key, full), 0.6)
                    continue
            longest = max((f for f in full if f[-len(toks) :] == toks), key=len, default=toks)
            key = self._person_key(longest, full.get(longest))
            out[m.start] = (key, " ".join(longest), 0.8)
        return out

    def _add_missed_family_names(self, ner_people: dict[int, tuple[str, str, float] | None]) -> None:
        """Family names of NER-only people that NER did not tag again later ("Doe said")."""
        family: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for m in self.raw:
            resolved = ner_people.get(m.start) if m.kind == "ner" else None
            if resolved is None or resolved[0] in self.recs or " " not in resolved[1]:
                continue
            last = resolved[1].split()[-1]
            for form in (last, *(last + s for s in self.lex.grammar.get("genitive_suffixes", ()))):
                family.setdefault(form, set()).add(resolved[0])
            names[resolved[0]] = resolved[1]
        if not family:
            return
        first_start = {}
        for m in self.raw:
            if m.kind == "ner" and ner_people.get(m.start) is not None:
                first_start.setdefault(ner_people[m.start][0], m.start)  # type: ignore[index]
        added = []
        for tok in self.doc:
            keys = family.get(tok.text)
            if not keys or len(keys) != 1 or tok.i in self.raw_at or not tok.text[:1].isupper():
                continue
            key = next(iter(keys))
            if tok.i <= first_start.get(key, len(self.doc)):
                continue  # only after the full name was introduced
            m = RawMention(tok.i, tok.i + 1, "ner", "Person")
            ner_people[tok.i] = (key, names[key], 0.7)
            added.append(m)
            self.raw_at[tok.i] = m
        if added:
            self.raw = sorted([*self.raw, *added], key=lambda m: m.start)

    def _person_key(self, toks: tuple[str, ...], gaz_key: str | None) -> str:
        # "Irakli Kobachidse" is the gazetteer's Irakli Kobakhidze: a near spelling of one known person.
        return gaz_key or gazetteer_person(" ".join(toks), self.lex.code) or f"person:{slugify(' '.join(toks))}"

    def _display(self, key: str, full: dict[tuple[str, ...], str | None]) -> str:
        rec = self.recs.get(key)
        if rec is not None:
            return rec.name
        names = [" ".join(f) for f, k in full.items() if self._person_key(f, k) == key]
        return max(names, key=len) if names else key.split(":", 1)[1]

    def _ner_full_names(self, ner_people: dict[int, tuple[str, str, float] | None]) -> Iterable[tuple[str, str]]:
        for value in ner_people.values():
            if value is not None and value[0] not in self.recs and " " in value[1]:
                yield value[0], value[1]

    def _name_tokens(self, start: int, end: int) -> tuple[str, ...]:
        """Name tokens with genitive endings removed ("Müllers" -> "Müller")."""
        toks = [t.text for t in self.doc[start:end]]
        suffixes = self.lex.grammar.get("genitive_suffixes", ())
        last = toks[-1]
        for s in suffixes:
            if s and last.endswith(s) and len(last) > len(s) + 2 and self._seen_without(last[: -len(s)]):
                toks[-1] = last[: -len(s)]
                break
        return tuple(toks)

    def _seen_without(self, stem: str) -> bool:
        """Does the bare form occur in the document (so "Müllers" is the genitive of a "Müller")?"""
        if self._words is None:
            self._words = {t.text for t in self.doc}
        return stem in self._words

    # ------------------------------------------------------------------ roles
    def _roles(self) -> None:
        """Attach roles and groups found next to person mentions; widen mentions over left role phrases."""
        self.group_at = {
            i: f.key
            for f in self.found
            if self.info[f.key].type in ("Country", "Organization")
            for i in range(f.start, f.end)
        }
        for f in self.found:
            info = self.info[f.key]
            if info.type != "Person" or f.via == "pronoun":
                continue
            left = self._left_role_phrase(f.start)
            phrase = left or self._right_role_phrase(f.end) or self._dep_role_phrase(f.start, f.end)
            if not phrase:
                continue
            role, group = self._read_phrase(phrase)
            if role is None:
                continue
            self.role_used.update(phrase)
            if info.role is None or left:
                info.role = role
            if group is not None:
                if self.info[group].type == "Country" and (info.country is None or left):
                    info.country = group.split(":", 1)[1]
                elif info.country is None and group in self.recs:
                    info.country = self.recs[group].country  # "Pentagonsprecher John Kirby": the Pentagon's state
                info.groups.append((group, role, f.start))
            if left:
                f.start = min(i for i in left if self._role_token(i) is not None)

    def _role_anaphora(self) -> None:
        """ "der Präsident", "the Ukrainian president" without a name: the one person named before in that role.

        Only after a definite article, only when exactly one earlier person of the
        article has that role (and the state, if the phrase names one); else unresolved.
        """
        articles = self.lex.words("definite_articles")
        if not articles:
            return
        covered = {i for f in self.found if self.info[f.key].type == "Person" for i in range(f.start, f.end)}
        added = []
        for m in self.raw:
            role = m.value if m.kind == "role" else m.role if m.kind == "compound" else None
            if role is None or m.start in self.role_used or m.start in covered:
                continue
            state = self.group_at.get(m.start) if m.kind == "compound" else None
            i = m.start - 1
            while i >= 0 and m.start - i <= 3 and i in self.group_at and self.doc[i].lower_ not in articles:
                state = state or self.group_at[i]
                i -= 1
            if i < 0 or self.doc[i].lower_ not in articles:
                continue
            candidates = {
                f.key
                for f in self.found
                if f.start < m.start
                and f.via != "pronoun"
                and self._person_role(f.key) == role
                and (state is None or self._person_state(f.key) == state)
            }
            if len(candidates) == 1:
                added.append(_Found(m.start, m.end, candidates.pop(), "partial", 0.6, None))
        self.found.extend(added)

    def _person_role(self, key: str) -> str | None:
        info = self.info[key]
        if info.type != "Person":
            return None
        rec = self.recs.get(key)
        return info.role or (rec.role if rec is not None else None)

    def _person_state(self, key: str) -> str | None:
        rec = self.recs.get(key)
        code = self.info[key].country or (rec.country if rec is not None else None)
        return country_key(code) if code else None

    def _role_token(self, i: int) -> str | None:
        raw = self.raw_at.get(i)
        if raw is None:
            return None
        if raw.kind == "role":
            return raw.value
        if raw.kind == "compound":
            return raw.role
        return None

    def _group_token(self, i: int) -> bool:
        """Does token ``i`` name a state or organisation (via any mention found)?"""
        return i in self.group_at

    def _left_role_phrase(self, start: int) -> list[int]:
        """Tokens of "der ukrainische Präsident" / "Russia's foreign minister" left of a name."""
        sent = self.sent_of[start]
        tokens: list[int] = []
        i = start - 1
        while i >= 0 and start - i <= _ROLE_SCAN and self.sent_of[i] == sent:
            if self._role_token(i) is not None or self._group_token(i) or self.doc[i].lower_ in self.glue:
                tokens.append(i)
                i -= 1
                continue
            break
        # Role titles, states and glue words only, with at least one role title
        # ("der ukrainische Präsident", "Präsident der Ukraine", "Russia's foreign minister").
        core = [i for i in tokens if self.doc[i].lower_ not in self.glue]
        if not any(self._role_token(i) is not None for i in core):
            return []
        return core

    def _right_role_phrase(self, end: int) -> list[int]:
        """Tokens of an apposition ", Russia's foreign minister," right of a name."""
        if end >= len(self.doc) or self.doc[end].text not in (",", "(", "–", "—"):
            return []
        sent = self.sent_of[end]
        tokens: list[int] = []
        i = end + 1
        while i < len(self.doc) and i - end <= _ROLE_SCAN and self.sent_of[i] == sent:
            if self._role_token(i) is not None or self._group_token(i) or self.doc[i].lower_ in self.glue:
                tokens.append(i)
                i += 1
                continue
            break
        if i < len(self.doc) and self.sent_of[i] == sent and not self.doc[i].is_punct:
            return []
        core = [i for i in tokens if self.doc[i].lower_ not in self.glue]
        return core if any(self._role_token(i) is not None for i in core) else []

    def _dep_role_phrase(self, start: int, end: int) -> list[int]:
        """A role noun linked to the name by an apposition-like dependency, with its modifiers."""
        if not self.has_dep:
            return []
        span = self.doc[start:end]
        root = span.root
        candidates: list[Token] = []
        if root.dep_ in self.appos and root.head.i != root.i:
            candidates.append(root.head)
        candidates.extend(c for c in root.children if c.dep_ in self.appos)
        for cand in candidates:
            if start <= cand.i < end or self._role_token(cand.i) is None:
                continue
            return [cand.i] + [c.i for c in cand.children if self._group_token(c.i)]
        return []

    def _read_phrase(self, tokens: list[int]) -> tuple[str | None, str | None]:
        """(canonical role, group key) of a role phrase; the role nearest the name wins."""
        role = None
        group = None
        for i in tokens:
            if role is None:
                role = self._role_token(i)
            if group is None and i in self.group_at:
                group = self.group_at[i]
        return role, group

    # ---------------------------------------------------------------- sectors
    def _sector_of(self, start: int, end: int) -> SectorNoun | None:
        """The sector noun that tokens ``start:end`` end in (a phrase, the last word, or its lemma)."""
        if start >= end or end > len(self.doc):
            return None
        last = self.doc[end - 1]
        phrase = self.doc[start:end].text.lower()
        if end - start > 1 and phrase not in self.sectors:
            return None  # a two-word window names a sector only as a whole ("defence ministry")
        for form in (phrase, last.lower_, last.lemma_.lower()):
            found = find_sector_noun(self.lex.code, form)
            if found is not None:
                return found
        return None

    def _sector_info(self, iso3: str, noun: SectorNoun) -> _Info:
        actor = sector_actor(iso3, noun)
        info = self.info.get(actor.key)
        if info is None:
            rec = self.recs.get(actor.key)  # a gazetteer organisation wins ("org:russian-defence-ministry")
            info = self._record_info(rec) if rec is not None else self._new_info(actor.key, actor.type, actor.name)
            info.country, info.sector = actor.country, actor.sector
        return info

    def _self_naming_sectors(self) -> None:
        """Sector nouns no state was found for: their own state ("die Bundesregierung"), else the article's.

        "Police said ...", "die Opposition", "protesters" name the sector of the state the article is
        about when that is unambiguous (one state has more mentions than all others together); in an
        article about several states they stay unresolved rather than guessed.
        """
        taken = {i for f in self.found for i in range(f.start, f.end)}
        home = self._article_state()
        for tok in self.doc:
            if tok.i in taken or tok.i in self.raw_at or tok.pos_ not in ("NOUN", "PROPN", ""):
                continue
            noun = find_sector_noun(self.lex.code, tok.lower_) or find_sector_noun(self.lex.code, tok.lemma_)
            if noun is None:
                continue
            state = noun.country or home
            if state is None:
                continue
            self._add(tok.i, tok.i + 1, self._sector_info(state, noun), "name" if noun.country else "partial",
                      0.9 if noun.country else 0.7, None)  # fmt: skip

    def _article_state(self) -> str | None:
        """The state the article is about, if one has more mentions than all other states together."""
        counts: dict[str, int] = {}
        for f in self.found:
            info = self.info[f.key]
            rec = self.recs.get(f.key)
            state = info.key.removeprefix("country:") if info.type == "Country" else info.country
            if state is None and rec is not None:
                state = rec.country or rec.metonym_of  # "in Berlin": a place of the state
            if state and info.type in ("Country", "Group", "Organization", "Location"):
                counts[state] = counts.get(state, 0) + 1
        if not counts:
            return None
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] * 2 > sum(counts.values()) else None

    # ---------------------------------------------------------------- helpers
    def _stands_for_state(self, span: Span) -> bool:
        """Does a capital or seat of power stand for its state here?

        Yes as an argument of a verb ("Moskau wies zurück", "called on Moscow"),
        no after a locative preposition ("in Rom", "travelled to Kyiv") or as
        the name of a place noun ("die ukrainische Hauptstadt Kiew").
        """
        doc = self.doc
        # "Kremlin spokesman Dmitry Peskov", "Moscow's envoy": a seat before a role title is its state.
        nxt = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in self.glue else span.end
        if nxt < len(doc) and self._role_token(nxt) is not None:
            return True
        prev = [doc[i] for i in (span.start - 1, span.start - 2) if i >= 0]
        if prev and (
            prev[0].lower_ in self.place_nouns
            or (prev[0].is_punct and len(prev) > 1 and prev[1].lower_ in self.place_nouns)
        ):
            return False
        tok = span.root
        for _ in range(10):
            if self.has_dep and tok.dep_ in self.conj and tok.head.i != tok.i:
                tok = tok.head
            else:
                break
        prep = self._preposition(tok)
        if prep is not None:
            # "die Regierung in Teheran", "the regime in Pyongyang": the seat of an actor is its state.
            if prep.i > 0 and self.doc[prep.i - 1].lower_ in (self.lex.actor_nouns | self.sectors.keys()):
                self.seat_of[span.start] = prep.i - 1
                return True
            # A prepositional phrase the parse labels an argument ("sent weapons to Kyiv" as ClearNLP
            # dative) names a recipient, not a destination.
            if self.has_dep and prep.dep_ in self.argument:
                return True
            return prep.lower_ not in self.locatives
        if not self.has_dep:
            return False
        if tok.dep_ in self.argument:
            return True
        # Weak parsers mislabel subjects; a bare name (or a coordination of names) right before a
        # finite verb is one: "Moskau bestritt", "Berlin und Warschau eskalierten".
        nxt = span.end
        while nxt < len(doc) and (doc[nxt].pos_ == "CCONJ" or doc[nxt].text == "," or nxt in self.raw_at):
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ in ("VERB", "AUX"):
            return doc[nxt].morph.get("VerbForm") in ([], ["Fin"])
        return False

    def _preposition(self, tok: Token) -> Token | None:
        """The preposition governing a noun (UD ``case`` child, ClearNLP/TIGER head, or the token before)."""
        if self.has_dep:
            for c in tok.children:
                if c.pos_ == "ADP" and c.i < tok.i:
                    return c
            if tok.head.pos_ == "ADP" and tok.head.i < tok.i:
                return tok.head
        before = tok.i - 1
        while before >= 0 and self.doc[before].pos_ in ("DET", "ADJ"):
            before -= 1
        if before >= 0 and self.doc[before].pos_ == "ADP":
            return self.doc[before]
        return None

    def _actor_head(self, tok: Token) -> Token | None:
        """The actor noun a demonym modifies ("russische Regierung"), if any."""
        nouns = self.lex.actor_nouns | self.sectors.keys()
        heads = []
        if self.has_dep and tok.head.i > tok.i and tok.head.i - tok.i <= 3:
            heads.append(tok.head)
        nxt = tok.i + 1
        while nxt < len(self.doc) and nxt - tok.i <= 3:
            if self.doc[nxt].pos_ in ("NOUN", "PROPN") or not self.doc.has_annotation("POS"):
                heads.append(self.doc[nxt])
                break
            nxt += 1
        for head in heads:
            phrase = self.doc[tok.i + 1 : head.i + 1].text.lower()
            if head.lower_ in nouns or head.lemma_.lower() in nouns or phrase in nouns:
                return head
        return None

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

    def _record_info(self, rec: Record) -> _Info:
        info = self.info.get(rec.key)
        if info is None:
            info = self._new_info(rec.key, rec.type, rec.name)
        return info

    def _new_info(self, key: str, etype: str, name: str) -> _Info:
        info = _Info(key, etype, name)
        self.info[key] = info
        return info

    def _add(self, start: int, end: int, info: _Info, via: Via, confidence: float, alias: str | None) -> None:
        self.found.append(_Found(start, end, info.key, via, confidence, alias))
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

    def _entity(self, info: _Info) -> Entity:
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
