"""The object of an act aimed at an actor: what the target found in the sentence stands for.

- An envoy stands for a state: summoning "the ambassador Georgi Sinowjew" is an act against Russia, and
  recalling "den deutschen Botschafter in Teheran" one about Iran (:func:`envoy_state`).
- Victims are no actor: event datasets, and the guideline kg's gold sets follow, list a state's sector group
  when it acts somewhere in the article; people who appear only as the killed, arrested, abducted or freed
  ("mindestens drei Demonstranten", "dozens of civilians") are not. For the predicates whose object is people
  (``target = "people"`` or ``"casualties"`` in ``kg/predicates.toml``) such a group's object is its phrase,
  a concept that still names the group among its mentions (:func:`victim_object`, per sentence); once the
  article's triples are known, a group that acts or is addressed in another of them gets its place back
  (:func:`restore_actor_groups`): protesters who marched before the police detained them stay the group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.gazetteer import country_key, records
from kg.model import STRUCTURAL_PREDICATES, Concept, Entity, Triple
from kg.predicates import PREDICATES, Predicate

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def aimed_object(
    r: SentenceReader, pred: Predicate, arg: Arg, own: str | None, v: Token, objects: list[Token], allowed: frozenset
) -> Entity | Concept:
    """The object of ``pred`` aimed at ``arg`` by a subject of the state ``own``."""
    return victim_object(r, pred, envoy_state(arg.mention.entity, pred, own, r, objects), arg, v, objects, allowed)


def state_of(entity: Entity) -> str | None:
    """The state an actor is or belongs to (ISO3), if known."""
    return entity.key.removeprefix("country:") if entity.type == "Country" else entity.country


def envoy_state(entity: Entity, pred: Predicate, own: str | None, r: SentenceReader, objects: list[Token]) -> Entity:
    """The state a diplomat target stands for ("summoned the ambassador Georgi Sinowjew": Russia); for the
    subject's own diplomat, the state of their post ("rief den deutschen Botschafter in Teheran zurück":
    Iran). Any other target is itself."""
    if not pred.envoy_roles:
        return entity
    if entity.type == "Person" and entity.role in pred.envoy_roles and entity.country is not None:
        state = entity.country
    elif own is not None and state_of(entity) == own:
        state = own  # "den deutschen Botschafter", read as Germany: the subject's own envoy
    else:
        return entity
    if state == own:
        posts = [state_of(m.entity) for o in objects for m in r.index.within(o.left_edge.i, o.right_edge.i + 1)]
        state = next((p for p in posts if p and p != own), state)
    rec = records().get(country_key(state))
    return Entity(rec.key, rec.name, "Country", country=state) if rec is not None else entity


def victim_object(
    r: SentenceReader, pred: Predicate, entity: Entity, arg: Arg, v: Token, objects: list[Token], allowed: frozenset
) -> Entity | Concept:
    """The object of ``pred`` for the target ``arg``: the phrase of a group named only as victims (with the verb's
    object that counts them: "dozens of protesters"), else ``entity``."""
    if not pred.people_target or entity.type != "Group":
        return entity
    m, doc = arg.mention, r.span.doc
    # the mention's own noun ("students" of "students in Tehran", where Span.root would be "in")
    nouns = [t for t in doc[m.start : m.end] if t.pos_ in ("NOUN", "PROPN")]
    heads = [t for t in nouns if not (m.start <= t.head.i < m.end and t.head.pos_ in ("NOUN", "PROPN"))]
    head = heads[0] if heads else doc[m.start : m.end].root
    # (the quantity that counts them heads the phrase: "dozens of protesters")
    up = head.head.head if head.head.pos_ == "ADP" else head.head
    if up.i != head.i and (up.lower_ in r.cues.quantity_nouns or up.pos_ == "NUM") and up in objects:
        head = up
    if not r.span.start <= head.i < r.span.end:
        return entity
    start, end = r._np_range(head, v, allowed)
    # (with the count a weak parse hung elsewhere: "[Hunderte] Zivilisten getötet")
    while start > r.span.start and (doc[start - 1].pos_ == "NUM" or doc[start - 1].lower_ in r.cues.quantity_nouns):
        start -= 1
    return r._concept(start, end) or entity


def restore_actor_groups(triples: list[Triple], entities: Iterable[Entity]) -> list[Triple]:
    """Give back its group to a victims' phrase when the article makes that group an actor elsewhere: the
    subject or the actor object of another triple ("Thousands of protesters rallied ... police detained several
    demonstrators" detains the protesters). Not to the dead (``target = "casualties"``): the killed are
    counted, not the collective that acts ("killed 16 soldiers" of an army that fights on)."""
    by_key = {e.key: e for e in entities if e.type == "Group"}
    # How often each group is a subject or actor object (a victims' phrase adds nothing: its object is text).
    roles = Counter(
        k for o in triples if o.predicate not in STRUCTURAL_PREDICATES
        for k in (o.subject.key, o.object.key if isinstance(o.object, Entity) else None) if k in by_key
    )  # fmt: skip
    out = []
    for t in triples:
        pred = PREDICATES[t.predicate]
        if isinstance(t.object, Concept) and pred.people_target and not pred.casualties:
            # (elsewhere: not as this very triple's subject)
            groups = [by_key[k] for k in t.object.mentions if roles[k] - (t.subject.key == k) > 0]
            if len(groups) == 1:
                t = replace(t, object=groups[0])
        out.append(t)
    return out
