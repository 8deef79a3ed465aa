"""Polarity and hedging: is a verb negated or only hedged, is a noun phrase negated ("keine Truppen")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import NOMINAL_POS, SentenceSyntax


class Polarity:
    """Negation and hedges of the verbs of one sentence."""

    def __init__(self, syn: SentenceSyntax) -> None:
        self.syn = syn

    def negated(self, v: Token, objects: list[Token] = ()) -> bool:
        """Whether ``v`` is negated: on itself or its auxiliaries, or by a negative determiner on an object."""
        scope = [v, *self.syn.auxiliaries(v)]
        for t in scope:
            for c in t.children:
                if self.syn.s.has(c, "negation") or (self.syn.cues.is_negation(c) and c.pos_ not in NOMINAL_POS):
                    return True
        # "failed to deliver the drones", "versäumte es, die Waffen zu liefern": the complement of a
        # negative implicative verb did not happen.
        head = v.head
        if head.i != v.i and self.syn.s.has(v, "open_complement", "clausal_complement") and (
            head.lemma_.lower() in self.syn.cues.negative_implicatives
        ):
            return True
        # "keine Truppen schicken", "sent no troops": a negative determiner on the object.
        return any(self.syn.cues.is_negation(d) for o in objects for d in o.children if d.i < o.i)

    def hedged(self, v: Token) -> bool:
        """Whether a hedge ("reportedly", "angeblich", a hedging auxiliary) qualifies ``v``."""
        for t in [v, *self.syn.auxiliaries(v)]:
            if self.syn.cues.is_hedge(t) and t is not v:
                return True
            if any(self.syn.cues.is_hedge(c) for c in t.children):
                return True
        return False

    def negative_det(self, o: Token) -> list[Token]:
        """Negation words determining a noun phrase ("keine Truppen", "no soldiers")."""
        return [d for d in self.syn.kids.get(o.i, ()) if d.i < o.i and self.syn.cues.is_negation(d)]
