"""Concepts made of a sentence's phrases: a clause's range, an object phrase, a prepositional phrase's noun.

What a speech act says or an event is done to, when it is no actor, is a
:class:`~kg.model.Concept`: the text of a token range with the entities mentioned in it.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.syntax import NOMINAL_POS, SentenceSyntax, is_punct
from kg.model import Concept


class Phrases:
    """The phrases of one sentence, read as concepts."""

    def __init__(self, syn: SentenceSyntax) -> None:
        self.syn = syn

    def concept(self, start: int, end: int, drop_marker: bool = True) -> Concept | None:
        """The concept the tokens ``start:end`` name, without edge punctuation (and a leading complementizer)."""
        toks = [t for t in self.syn.span.doc[start:end]]
        # (nor a conjunction a weak parse put inside the phrase: "kündigte [aber] keine Aufhebung ... an")
        while toks and (
            is_punct(toks[0])
            or toks[0].pos_ == "CCONJ"
            or (drop_marker and toks[0].text.lower() in self.syn.cues.complementizers)
        ):
            toks.pop(0)
        while toks and is_punct(toks[-1]):
            toks.pop()
        if not toks:
            return None
        text = self.syn.span.doc[toks[0].i : toks[-1].i + 1].text
        mentions = [m.entity.key for m in self.syn.index.within(toks[0].i, toks[-1].i + 1)]
        return Concept.create(text, self.syn.cues.lang, mentions)

    def np_concept(
        self,
        objects: list[Token],
        v: Token | None = None,
        targets: frozenset[str] = frozenset(),
        charges: frozenset[str] = frozenset(),
    ) -> Concept | None:
        """A concept from the first usable object phrase.

        A prepositional phrase right after the object that the parse hung on the
        verb is taken into the phrase ("Berichte über eine Entsendung ...", "a
        statement on deepening ..."): attachment there is the parser's guess, and
        the phrase belongs to the content, unless its preposition introduces the
        event's target.
        """
        for o in objects:
            # (an unresolved pronoun names nothing; a demonstrative names what was just said: "wies das zurück")
            if o.pos_ == "PRON" and self.syn.index.at(o.i) is None and "Dem" not in o.morph.get("PronType"):
                continue
            start, end = self.np_range(o, v, targets | charges)
            if v is not None and v.head.i == o.i and v.i > o.i:
                end = min(end, self.syn.conjunct_start(v))  # "militants backed by Iran": not the clause itself
            for c in self.syn.kids.get(o.i, ()):
                # "accused foreign-funded groups of trying ...": the charge is not part of the accused.
                prep = c if c.pos_ == "ADP" else next(iter(self.syn.ch(c, "case")), None)
                if c.i > o.i and prep is not None and prep.text.lower() in charges:
                    end = min(end, self.syn.conjunct_start(c))
                # "dismissed the remarks as a comic strip": what it was called is not part of the object.
                if c.i > o.i and self.syn.cues.predicative_phrase(self.syn.span.doc, c):
                    end = min(end, c.left_edge.i)
            return self.concept(start, end, drop_marker=False)
        return None

    def np_range(
        self, o: Token, v: Token | None, targets: frozenset[str] = frozenset(), datives: bool = False
    ) -> tuple[int, int]:
        """Token range of the object phrase of ``o``, with the prepositional phrase right after it (see above).

        ``datives``: a prepositional dative ("send weapons to Kyiv", ClearNLP ``dative``) counts as such a phrase.
        """
        start, end = o.left_edge.i, o.right_edge.i + 1
        # "Bolivia's president on Sunday": a date phrase the parse hung on the noun is the clause's, not the
        # phrase's
        doc = self.syn.span.doc
        for c in reversed(list(o.rights)):
            if c.right_edge.i + 1 == end and doc[c.left_edge.i].pos_ == "ADP" and _names_time(c):
                end = c.left_edge.i
        # "the de - escalation" split into three objects of one verb: adjacent siblings with the same role
        # are one phrase.
        while end < self.syn.span.end and doc[end].head.i == o.head.i and doc[end].dep_ == o.dep_ and o.head.i != o.i:
            end = doc[end].right_edge.i + 1
        if v is not None:
            pps = self.syn.ch(v, "oblique")
            if datives:
                pps += [c for c in self.syn.ch(v, "indirect_object") if c.pos_ == "ADP"]
            for c in sorted(pps, key=lambda t: t.i):
                first = c.left_edge.i
                prep = c.text.lower() if c.pos_ == "ADP" else self.syn.span.doc[first].text.lower()
                if (
                    first == end
                    and prep not in targets
                    and not self.syn.s.has(c, "temporal")
                    and not _names_time(c)
                    and not self.syn.cues.predicative_phrase(self.syn.span.doc, c)
                ):
                    end = c.right_edge.i + 1
        return start, end

    def pp_concept(self, n: Token, v: Token | None, preps: frozenset[str] | None = None) -> Concept | None:
        """The concept of the noun ``n`` of a prepositional phrase, without the preposition ("warnte vor einem
        Flächenbrand in der Region": "einem Flächenbrand in der Region"; UD puts it inside the noun's phrase).
        ``preps``: only these prepositions are dropped (default: any)."""
        start, end = self.np_range(n, v)
        doc = self.syn.span.doc
        while start < end and doc[start].pos_ == "ADP" and (preps is None or doc[start].lower_ in preps):
            start += 1
        return self.concept(start, end, drop_marker=False)

    def pp_noun(self, c: Token) -> list[Token]:
        """The noun of a prepositional phrase child ``c`` (UD ``case`` child, or ClearNLP ``prep`` head)."""
        if c.pos_ == "ADP":
            return [n for n in self.syn.ch(c, "prepositional_object") if n.pos_ in NOMINAL_POS]
        if c.pos_ in NOMINAL_POS and self.syn.ch(c, "case") and c.i > c.head.i:
            return [c]
        return []

    def loose_objects(self, v: Token) -> list[Token]:
        """Objects a weak parse attached to the verb above (``entschieden`` -> ``Spekulationen``)."""
        for head in self.syn.chain_up(v):
            objs = [
                c
                for c in self.syn.ch(head, "object", "oblique")
                if c.pos_ in NOMINAL_POS and not self.syn.ch(c, "case") and c.i < v.i
            ]
            if objs:
                return objs
        return []


def _names_time(c: Token) -> bool:
    """Whether the phrase of ``c`` names a date or time (an entity the NER calls so)."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in c.doc[c.left_edge.i : c.right_edge.i + 1])
