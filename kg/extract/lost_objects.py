"""Objects a parse lost: found by a determiner's case, or shared with the next coordinated verb.

Both read only what the sentence shows (a case-marked article, the order of verb, coordinator and object),
so they hold for any parser; the verb's own labelled objects always come first
(:meth:`kg.extract.verb_arguments.VerbArguments.object_tokens`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.syntax import NOMINAL_POS, SentenceSyntax

if TYPE_CHECKING:
    from kg.extract.verb_arguments import VerbArguments


def marked_objects(syn: SentenceSyntax, v: Token) -> list[Token]:
    """An object the parse lost, found by its determiner's case ("bestellte am selben Tag den
    Geschäftsträger ein"): the first such phrase after ``v`` and before its particle or the next verb,
    not governed by a preposition. Only for languages whose data names such determiners."""
    marks = syn.cues.object_determiners
    if not marks:
        return []
    doc = syn.span.doc
    stop = min([p.i for p in syn.ch(v, "particle") if p.i > v.i] or [syn.span.end])
    for i in range(v.i + 1, stop):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text == ",":
            return []
        if t.pos_ != "DET" or t.lower_ not in marks or (i > 0 and doc[i - 1].pos_ == "ADP"):
            continue
        head = t.head
        own_prep = any(c.pos_ == "ADP" for c in syn.ch(head, "case"))
        if head.pos_ in NOMINAL_POS and head.i > t.i and not own_prep:
            return [head]
    return []


def raised_objects(args: VerbArguments, v: Token) -> list[Token]:
    """The objects of the verb coordinated right after ``v``, when nothing but ``v``'s particle or stranded
    preposition, commas, the coordinator and the second verb's adverbs stand between them: "condemned and
    rejected the proposal", "fired on and seized three vessels" share one object (right-node raising).

    A verb with an object, clause or phrase of its own before the coordinator keeps what it has, and so does
    a verb whose event is complete without one (``bare`` in kg/predicates.toml: "troops withdrew and
    destroyed the bridge" did not withdraw the bridge). Only the first following conjunct is read, and only
    objects after it count.
    """
    syn = args.syn
    doc = syn.span.doc
    later = [w for w in syn.ch(v, "conjunct") if w.i > v.i and w.pos_ in ("VERB", "AUX")]
    if not later:
        return []
    w = min(later, key=lambda t: t.i)
    between = doc[v.i + 1 : w.i]
    if not any(syn.s.has(t, "coordinator") for t in between):
        return []
    for t in between:
        stranded = t.pos_ == "ADP" and t.head == v and not any(True for _ in t.children)
        adverb = t.pos_ == "ADV" and t.head == w  # "and then rejected"
        if not (stranded or adverb or syn.s.has(t, "particle") or syn.s.has(t, "coordinator") or t.text == ","):
            return []
    hit = syn.cues.predicate_for(v, syn.ch(v, "particle"), ())
    if hit is not None and hit[1].bare:
        return []
    return [o for o in args.object_tokens(w) if o.i > w.i]
