"""Reciprocal acts: "China and the Philippines accused each other", "beide warfen sich gegenseitig vor".

The coordinated subjects act on one another: one triple per direction, whatever the verb's own
object or charge ("each other of ramming vessels" is no concept to accuse). Which words are
reciprocal is language data (``reciprocal_words`` in ``kg/lang/<xx>/verbs.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.model import Triple
from kg.predicates import Predicate

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def is_reciprocal(r: SentenceReader, v: Token) -> bool:
    """Whether a reciprocal word is the object of ``v`` or modifies it ("accused each other", "sich gegenseitig")."""
    doc = r.span.doc
    for c in v.children:
        for words in r.cues.reciprocal_words:
            n = len(words)
            # the phrase ends or starts at the child ("each other": "other" heads "each"; "one another")
            for start in (c.i - n + 1, c.i):
                if start >= r.span.start and tuple(t.lower_ for t in doc[start : start + n]) == words:
                    return True
    return False


def reciprocal_triples(
    r: SentenceReader, v: Token, pred: Predicate, lemma: str, subjects: list[Arg], fallback: bool
) -> list[Triple]:
    """Each subject's act on every other subject."""
    negative, hedged = r._negated(v), r._hedged(v)
    out = []
    for a in subjects:
        for b in subjects:
            if a.mention.entity.key == b.mention.entity.key:
                continue
            conf = r._confidence(a, b, hedged=hedged, fallback=fallback)
            t = r._make(
                a, pred, b.mention.entity, v, lemma, negative=negative, hedged=hedged, conf=conf,
                reported_by=r._reported_by(v, a.mention.entity.key),
            )  # fmt: skip
            if t is not None:
                out.append(t)
    return out
