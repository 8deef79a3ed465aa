"""Evaluations: "called the declaration illegal", "bezeichnete die Zollpolitik als grundfalsch".

A speaker who calls something by a negative word criticises it (CRITICIZES, CAMEO 111), as event
coders read it; the object is what was called so, not the word. Any other evaluation ("called the
victory a new chapter") is a statement whose content is the object with what it was called. Which
verbs name, and which words are negative, is language data (``kg/lang/<xx>/evaluation.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.extract.syntax import NOMINAL_POS
from kg.lang import get_language
from kg.model import Triple
from kg.predicates import PREDICATES

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


@dataclass(frozen=True)
class Evaluations:
    verbs: frozenset[str]
    negative: frozenset[str]
    stems: tuple[str, ...]

    def is_negative(self, tok: Token) -> bool:
        word, lemma = tok.lower_, tok.lemma_.lower()
        return word in self.negative or lemma in self.negative or any(s in word for s in self.stems)


@cache
def evaluations(lang: str) -> Evaluations:
    data = get_language(lang).toml("evaluation")
    return Evaluations(
        frozenset(w.lower() for w in data.get("verbs", ())),
        frozenset(w.lower() for w in data.get("negative", ())),
        tuple(w.lower() for w in data.get("negative_stems", ())),
    )


def names_its_object(r: SentenceReader, v: Token) -> bool:
    """Whether ``v`` is a naming verb ("call", "bezeichnen"): cheap, before any argument is read."""
    verbs = evaluations(r.lang).verbs
    if v.lemma_.lower() in verbs or v.lower_ in verbs:
        return True
    # a weak lemmatizer's form ("nannte" left as its own lemma, or made "nannen"): kg's own lemmas of the verb
    if v.lemma_.lower() != v.lower_:
        return r.cues.verb_forms.get(v.lower_) in verbs
    return any(lemma in verbs for lemma in r.cues.verb_lemmas(v, r.ch(v, "particle")))


def _split_named(r: SentenceReader, objects: list[Token]) -> tuple[list[Token], list[Token]]:
    """The object and what it is called when the parse made both objects: "nannte die Sanktionen einen
    Eingriff" (two accusatives: the later one is the name), "called the protesters criminals" (the
    object parsed as a plural compound of the name; a compound modifier is singular in English)."""
    if len(objects) >= 2 and not r.s.has(objects[1], "conjunct"):
        return objects[:1], objects[1:2]
    if len(objects) == 1:
        plural = [c for c in r.ch(objects[0], "name_part") if c.pos_ == "NOUN" and "Plur" in c.morph.get("Number")]
        if plural:
            return plural[:1], objects
    return objects, []


def evaluation_triples(r: SentenceReader, v: Token, subjects: list[Arg], fallback: bool) -> list[Triple]:
    """For a naming verb ``v`` (:func:`names_its_object`): CRITICIZES of the object when what it is called
    is negative, else a STATES of the object with its name (unless the verb has another reading of its
    own); nothing when ``v`` names nothing."""
    ev = evaluations(r.lang)
    objects = [o for o in r._object_tokens(v) if o.pos_ in NOMINAL_POS]
    marks = r.cues.predicative_markers
    predicatives = r.ch(v, "predicative", "open_complement") + [
        c for c in v.children if c.i > v.i and (c.lower_ in marks or r.span.doc[c.left_edge.i].lower_ in marks)
    ]
    if not predicatives:
        # "bezeichnete den Reporter als Spion" with the "als" phrase hung on the object
        doc = r.span.doc
        predicatives = [
            c for o in objects for c in r.kids.get(o.i, ()) if c.i > o.i and r.cues.predicative_phrase(doc, c)
        ]
    if not predicatives:
        objects, predicatives = _split_named(r, sorted(objects, key=lambda t: t.i))
    if not objects:
        # "called the seizure unacceptable" parsed as one phrase headed by the adjective: its noun is the object
        objects = [c for p in predicatives if p.pos_ == "ADJ" for c in p.children if c.pos_ in NOMINAL_POS and
                   c.i < p.i][-1:]  # fmt: skip
    # "als grundfalsch" parsed as dep(als) + xcomp(grundfalsch), "as a provocation" as prep + pobj; an
    # adjective after the object is what it is called, whatever its label ("nannte die Blockade „unmenschlich“").
    if objects:
        predicatives += [
            c for c in v.children if c.pos_ in ("ADJ", "ADV") and c.i > objects[0].i and c not in predicatives
        ]
    object_at = {o.i for o in objects}
    words = [t for p in predicatives for t in p.subtree if t.i not in object_at]
    if not objects or not predicatives:
        return []
    if any(ev.is_negative(t) for t in words):
        pred = PREDICATES["CRITICIZES"]
        # The actor itself ("called Moscow's claims lies" criticises the claims, not Moscow).
        targets = [Arg(m) for o in objects if r.index.at(o.i) is not None for m in r._entities(o)]
        # "bezeichnete den Reporter Deniz Yücel als Spion": the person a title stands in apposition to, by
        # full name (a one-word name there is a genitive: "die Zollpolitik Trumps" criticises the policy).
        targets = targets or [
            Arg(m) for o in objects for a in r.ch(o, "apposition") for m in [r.index.at(a.i)]
            if m is not None and m.entity.type == "Person" and m.end - m.start > 1
        ]  # fmt: skip
        concept = None if targets else r._np_concept(objects)
    else:
        framed = r.codings.get(v.i)
        if framed is not None and framed[0].name != "STATES":
            return []  # "denounced the action as a coup": the verb's own reading (CONDEMNS) stands
        # "called the victory a new chapter": what was said is the object with what it was called.
        pred, targets = PREDICATES["STATES"], []
        first = min(o.left_edge.i for o in objects)
        last = max(t.i for p in predicatives for t in p.subtree)
        concept = r._concept(first, last + 1) if last >= first else None
    if not targets and concept is None:
        return []
    negative, hedged = r._negated(v), r._hedged(v)
    out = []
    for subj in subjects:
        pairs = [(t.mention.entity, (t,)) for t in targets] if targets else [(concept, ())]
        for obj, extra in pairs:
            conf = r._confidence(subj, *extra, hedged=hedged, fallback=fallback)
            t = r._make(
                subj, pred, obj, v, v.lemma_.lower(), negative=negative, hedged=hedged, conf=conf,
                reported_by=r._reported_by(v, subj.mention.entity.key), coding=pred.fields(),
            )  # fmt: skip
            if t is not None:
                out.append(t)
    return out
