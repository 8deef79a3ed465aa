"""Nominal events: an event named by a noun with its actors attached.

"Russlands Angriff auf Kiew", "Israeli strikes on Gaza", "the arrest of the journalist by the
police", "Irans Unterstützung für die Hisbollah": the noun names the event (the lexicon's
``nouns``), a genitive, possessive, compound or demonym before it (or a "by/von/durch" phrase)
names who did it, and one of the predicate's target prepositions (or an "of"/genitive phrase)
names whom it was done to. A nominal event is read only when both the doer and the target are
actors, the noun is not already a light verb's object (the verb frame reads those), and it is not
inside a denial, demand, threat or other act's content; its confidence is lower than a verb's,
because a noun presupposes its event rather than asserting it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.extract.mentions import Mention
from kg.extract.syntax import NOMINAL_POS
from kg.model import Triple
from kg.predicates import Predicate

if TYPE_CHECKING:  # the reader composes this pass
    from kg.extract.reader import SentenceReader

NOMINAL_CONFIDENCE = 0.7


def nominal_triples(reader: SentenceReader) -> list[Triple]:
    """The nominal events of the reader's sentence."""
    events = reader.cues.lexicon.event_nouns
    if not events:
        return []
    out: list[Triple] = []
    for noun in reader.tokens:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in reader.codings:
            continue
        pred = event_predicate(reader, noun)
        if pred is None or reader._inside_act(noun):
            continue
        if noun.head.i in reader.codings and noun in reader._object_tokens(noun.head):
            continue  # "launched an attack on X": the light verb's frame reads it
        if reader._negative_det(noun):
            continue  # "no attack", "keine Angriffe": nothing happened
        agent = event_doer(reader, noun)
        if agent is None:
            continue
        target = _target(reader, noun, pred, agent)
        if target is None or target.entity.key == agent.entity.key:
            continue
        subj = Arg(agent, NOMINAL_CONFIDENCE)
        t = reader._make(
            subj,
            pred,
            target.entity,
            noun,
            noun.lemma_.lower(),
            negative=False,
            hedged=reader._hedged(noun.head) if noun.head.i != noun.i else False,
            conf=reader._confidence(subj, Arg(target)),
            reported_by=reader._reported_by(noun, agent.entity.key),
            coding=pred.fields(),
        )
        if t is not None:
            out.append(t)
    return out


def event_predicate(reader: SentenceReader, noun: Token) -> Predicate | None:
    """The predicate a noun names as an event ("Angriff", "strike"), by its lemma or its own form."""
    events = reader.cues.lexicon.event_nouns
    return events.get(noun.lemma_.lower()) or events.get(noun.lower_)


def event_doer(reader: SentenceReader, noun: Token) -> Mention | None:
    """Who did it: a "by/von/durch" phrase, else an actor right before the noun (genitive, compound, demonym)."""
    for prep, n in _pps(reader, noun):
        if prep in reader.cues.agent_prepositions:
            m = reader._entity_at(n)
            if m is not None:
                return m
    for c in reader.kids.get(noun.i, ()):
        if c.i < noun.i:
            m = reader.index.at(c.i)
            if m is not None and m.entity.type != "Location":
                return m
    return None


def _target(reader: SentenceReader, noun: Token, pred, agent: Mention) -> Mention | None:
    """Whom it was done to: an actor in one of the predicate's target prepositions, else after "of"/genitive."""
    allowed = pred.preps.get(reader.lang, frozenset())
    pps = _pps(reader, noun)
    for prep, n in pps:
        if prep in allowed:
            m = reader._entity_at(n) or _named_in(reader, n)
            if m is not None:
                return m
    # "the arrest of the journalist by the police", "die Festnahme des Journalisten durch die Polizei"
    if any(prep in reader.cues.agent_prepositions for prep, _ in pps):
        for c in reader.kids.get(noun.i, ()):
            if c.i > noun.i and c.pos_ in NOMINAL_POS:
                m = reader._entity_at(c)
                if m is not None and m.entity.key != agent.entity.key:
                    return m
        for prep, n in pps:
            if prep not in reader.cues.agent_prepositions:
                m = reader._entity_at(n)
                if m is not None and m.entity.key != agent.entity.key:
                    return m
    return None


def _named_in(reader: SentenceReader, n: Token) -> Mention | None:
    """The mention a place noun's "of" phrase or apposition names ("a strike on the city of Sumy")."""
    for c in reader.kids.get(n.i, ()):
        if c.i > n.i:
            for m in [reader._entity_at(c), *(reader._entity_at(k) for k in reader._pp_noun(c))]:
                if m is not None:
                    return m
    return None


def _pps(reader: SentenceReader, noun: Token) -> list[tuple[str, Token]]:
    """(preposition, noun) of the prepositional phrases attached to ``noun``, in either attachment style."""
    out = []
    for c in reader.kids.get(noun.i, ()):
        if c.i < noun.i:
            continue
        for n in reader._pp_noun(c):
            prep = c if c.pos_ == "ADP" else next(iter(reader.ch(c, "case")), None)
            if prep is not None:
                out.append((prep.text.lower(), n))
    return out
