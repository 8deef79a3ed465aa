"""Resolution: raw mentions -> canonical entities, in-article coreference, roles and affiliations.

:func:`analyze_entities` runs the passes in order over one document's :class:`Analyzer` (its
inputs and the resolution state the passes share, the records of :mod:`kg.extract.found`): people
clustered by name (:mod:`kg.extract.people`), then each raw mention by its kind - gazetteer names,
demonyms and compounds (:mod:`kg.extract.gazetteer_mentions`, with places and metonymy from
:mod:`kg.extract.places`), NER names (:mod:`kg.extract.ner_mentions`), pronouns
(:mod:`kg.extract.pronouns`) - then sector actors (:mod:`kg.extract.sector_actors`) and roles
(:mod:`kg.extract.roles`), and freezes the result (:mod:`kg.extract.analysis`). A pass that needs
another's answer gets it as a value (the NER people and name clusters are arguments; "the seat of
which actor noun" is returned), not through an attribute set on the side.

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

from spacy.tokens import Doc, Token

from kg.extract.analysis import EntityAnalysis, freeze
from kg.extract.body_roles import organisation_offices
from kg.extract.entities import RawMention, find_mentions
from kg.extract.found import Found, Info
from kg.extract.gazetteer_mentions import resolve_compound, resolve_demonym, resolve_name, resolve_short
from kg.extract.mentions import Via
from kg.extract.ner_mentions import cluster_ner_others, resolve_ner
from kg.extract.org_anaphora import organisation_anaphora
from kg.extract.people import add_missed_family_names, cluster_ner_people
from kg.extract.pronouns import resolve_pronoun
from kg.extract.roles import role_anaphora, roles
from kg.extract.sector_actors import self_naming_sectors
from kg.extract.sectors import sector_nouns
from kg.extract.state_anaphora import state_anaphora
from kg.gazetteer import Lexicon, Record, lexicon, records
from kg.lang import LanguageData

log = logging.getLogger(__name__)


def analyze_entities(
    doc: Doc, lang: LanguageData, year: int | None = None, filed_from: str | None = None
) -> EntityAnalysis:
    """Find, resolve and describe the entities of ``doc``; ``year``: when the article appeared, if known;
    ``filed_from``: the place of its dateline ("LA PAZ"), if it has one.

    A failure raises: the Extractor's one catch counts the article as failed (``on_error``).
    """
    a = Analyzer(doc, lexicon(lang.code), year, filed_from)
    ner_people = cluster_ner_people(a)
    add_missed_family_names(a, ner_people)
    ner_names = cluster_ner_others(a)
    for m in a.raw:
        if m.kind == "name":
            resolve_name(a, m)
        elif m.kind == "short":
            resolve_short(a, m, ner_people)
        elif m.kind == "demonym":
            resolve_demonym(a, m)
        elif m.kind == "compound":
            resolve_compound(a, m)
        elif m.kind == "ner":
            resolve_ner(a, m, ner_people, ner_names)
        elif m.kind == "pronoun":
            resolve_pronoun(a, m)
    self_naming_sectors(a)
    roles(a)
    role_anaphora(a)
    organisation_offices(a)
    state_anaphora(a)
    organisation_anaphora(a)
    return freeze(a)


class Analyzer:
    """One document under resolution: what the passes read (doc, lexicon, raw mentions, language data)
    and the state they share (``info``, ``found``; ``group_at`` and ``role_used`` of the role passes).

    The state grows in pass order: mentions through :meth:`_add`, entity records through
    :meth:`_record_info` and :meth:`_new_info`; the role passes then write roles and groups into
    those records and set ``group_at`` and ``role_used``. Everything else is set here, before any
    pass runs.
    """

    def __init__(self, doc: Doc, lex: Lexicon, year: int | None = None, filed_from: str | None = None) -> None:
        self.doc = doc
        self.lex = lex
        #: the article's year: "der russische Präsident" without a name is who held the office then
        self.year = year
        self.recs = records()
        #: the state of the dateline's place ("LA PAZ" -> BOL): breaks a tie over whose police it is
        self.filed_in = self._state_of_place(filed_from) if filed_from else None
        self.has_dep = doc.has_annotation("DEP")
        self.sent_of = self._sentence_ids(doc)
        self.raw = find_mentions(doc, lex.code)
        self.raw_at: dict[int, RawMention] = {i: m for m in self.raw for i in range(m.start, m.end)}
        self.argument = lex.deps("argument")
        self.bare_obliques = lex.deps("bare_oblique")
        self.conj = lex.deps("conj")
        self.appos = lex.deps("apposition")
        self.glue = lex.words("role_phrase_glue") | lex.words("possessive_markers")
        self.locatives = lex.words("locative_prepositions")
        self.goals = lex.words("goal_prepositions")  # "sent police to Haiti": where to, not whose
        self.place_nouns = lex.words("place_nouns")
        # closed compounds of a place noun are place nouns too ("Kurdenmetropole", "Ölstadt"); not of a short one
        closed = bool(lex.grammar.get("closed_compounds"))
        self._place_endings = tuple(w for w in self.place_nouns if len(w) >= 4) if closed else ()
        self.place_glue = lex.words("place_glue")  # "the city of Grozny", "der Golf von Oman"
        self.water_nouns = lex.words("water_nouns")
        self.seat_prepositions = lex.words("seat_prepositions")
        # "the government of Mali", "die Regierung der Ukraine": a country after these owns the noun before
        self.owner_prepositions = self.seat_prepositions | lex.words("owner_prepositions")
        self.genitive_articles = lex.words("genitive_articles")
        self.sectors = sector_nouns(lex.code)
        self.info: dict[str, Info] = {}
        self.found: list[Found] = []
        #: token -> key of the state or organisation mentioned there (set by the roles pass)
        self.group_at: dict[int, str] = {}
        #: the article's words, built when first asked (kg.extract.people)
        self._words: set[str] | None = None
        #: role-phrase tokens attached to a named person (so no role anaphora)
        self.role_used: set[int] = set()

    def is_place_noun(self, tok: Token) -> bool:
        """Whether ``tok`` is a noun that a place's name may follow ("die Hauptstadt Kiew", "die Kurdenmetropole
        Erbil")."""
        word = tok.lower_
        return word in self.place_nouns or any(word.endswith(e) and len(word) > len(e) + 1 for e in self._place_endings)

    def _state_of_place(self, place: str) -> str | None:
        """The state of a dateline's place name, written in capitals or not ("LA PAZ", "Den Haag")."""
        for form in (place, place.title(), " ".join(w.capitalize() for w in place.split())):
            for key in self.lex.names.get(form, ()):
                rec = self.recs.get(key)
                state = key.removeprefix("country:") if key.startswith("country:") else None
                state = state or (rec and (rec.country or rec.metonym_of))
                if state:
                    return state
        return None

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
