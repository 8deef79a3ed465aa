"""Places and states: when a capital stands for its state, and which actor noun a demonym heads.

A capital is its state as a verb's argument ("Moskau wies zurück"), after a non-locative
preposition ("called on Moscow") or as an actor's seat ("die Regierung in Teheran"); after a
locative preposition ("in Rom") or a place noun it is a place. Which prepositions are locative and
which nouns are actors or places is language data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.extract.roles import role_token
from kg.extract.sectors import inflected_sector_noun

if TYPE_CHECKING:
    from kg.extract.mentions import Mention
    from kg.extract.reader import SentenceReader
    from kg.extract.resolve import Analyzer


def stands_for_state(a: Analyzer, span: Span) -> tuple[bool, int | None]:
    """Does a capital or seat of power stand for its state here, and which actor noun is it the seat of?

    Yes as an argument of a verb ("Moskau wies zurück", "called on Moscow"),
    no after a locative preposition ("in Rom", "travelled to Kyiv") or as
    the name of a place noun ("die ukrainische Hauptstadt Kiew").
    """
    doc = a.doc
    # "Kremlin spokesman Dmitry Peskov", "Moscow's envoy": a seat before a role title is its state.
    nxt = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in a.glue else span.end
    if nxt < len(doc) and (role_token(a, nxt) is not None or doc[nxt].lower_ in a.lex.words("voice_nouns")):
        return True, None
    prev = [doc[i] for i in (span.start - 1, span.start - 2) if i >= 0]
    if prev and (
        a.is_place_noun(prev[0])
        or (prev[0].is_punct and prev[0].text not in ".!?" and len(prev) > 1 and a.is_place_noun(prev[1]))
    ):
        return False, None
    tok = span.root
    for _ in range(10):
        if a.has_dep and tok.dep_ in a.conj and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    prep = preposition(a, tok)
    if prep is not None:
        # "die Regierung in Teheran", "the regime in Pyongyang": the seat of an actor is its state,
        # unless the actor has a state of its own ("the US Embassy in Mogadishu", "Russian troops in Kyiv").
        seat_nouns = a.lex.actor_nouns | {k for k, n in a.sectors.items() if not n.named_only}
        if prep.i > 0 and a.doc[prep.i - 1].lower_ in seat_nouns:
            if has_own_state(a, prep.i - 1):
                return False, None
            return True, prep.i - 1
        # A prepositional phrase the parse labels an argument ("sent weapons to Kyiv" as ClearNLP
        # dative) names a recipient, not a destination.
        if a.has_dep and prep.dep_ in a.argument:
            return True, None
        # "die Beziehungen zu Washington", "ties with Beijing": a relation's other side is a state, no place
        # ("talks in Doha" are held there: only a preposition of the relation joins its other side)
        related = prep.lower_ in a.lex.words("relation_prepositions")
        if related and prep.i > 0 and a.doc[prep.i - 1].lower_ in a.lex.words("relation_nouns"):
            return True, None
        return prep.lower_ not in a.locatives, None
    if not a.has_dep:
        return False, None
    if tok.dep_ in a.argument or tok.dep_ in a.bare_obliques:
        return True, None  # also a bare oblique, a dative object of a weak parse ("hat Zagreb vorgeworfen")
    # Weak parsers mislabel subjects; a bare name (or a coordination of names) right before a
    # finite verb is one: "Moskau bestritt", "Berlin und Warschau eskalierten".
    nxt = span.end
    while nxt < len(doc) and (doc[nxt].pos_ == "CCONJ" or doc[nxt].text == "," or nxt in a.raw_at):
        nxt += 1
    if nxt < len(doc) and doc[nxt].pos_ in ("VERB", "AUX"):
        return doc[nxt].morph.get("VerbForm") in ([], ["Fin"]), None
    return False, None


def has_own_state(a: Analyzer, noun: int) -> bool:
    """Does a state name, demonym or compound qualify the actor noun at ``noun`` ("US Embassy", "russische Truppen")?

    Looks back over the noun phrase only: determiners, adjectives and nouns, not across a
    conjunction or punctuation ("Iran and the government in Baghdad" is Iraq's government).
    """
    for i in range(noun, max(noun - 4, -1), -1):
        m = a.raw_at.get(i)
        if m is not None and m.kind in ("demonym", "compound"):
            return True
        if m is not None and m.kind == "name":
            rec = a.recs.get(m.value)
            return rec is not None and rec.type == "Country"
        if i < noun and a.doc[i].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "PART"):
            return False
    return False


def preposition(a: Analyzer, tok: Token) -> Token | None:
    """The preposition governing a noun (UD ``case`` child, ClearNLP/TIGER head, or the token before)."""
    if a.has_dep:
        for c in tok.children:
            if c.pos_ == "ADP" and c.i < tok.i:
                return c
        if tok.head.pos_ == "ADP" and tok.head.i < tok.i:
            return tok.head
    before = tok.i - 1
    while before >= 0 and a.doc[before].pos_ in ("DET", "ADJ"):
        before -= 1
    if before >= 0 and a.doc[before].pos_ == "ADP":
        return a.doc[before]
    return None


def actor_head(a: Analyzer, tok: Token) -> Token | None:
    """The actor noun a demonym modifies ("russische Regierung"), if any."""
    nouns = a.lex.actor_nouns | a.sectors.keys()
    heads = []
    if a.has_dep and tok.head.i > tok.i and tok.head.i - tok.i <= 3:
        heads.append(tok.head)
    nxt = tok.i + 1
    while nxt < len(a.doc) and nxt - tok.i <= 3:
        if a.doc[nxt].pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ"):
            break  # "Georgians rallied outside parliament": the phrase ends before the verb
        if a.doc[nxt].pos_ in ("NOUN", "PROPN") or not a.doc.has_annotation("POS"):
            # "Iranian drone makers": a noun that modifies the next one is no head of its own.
            modifier = nxt + 1 < len(a.doc) and a.doc[nxt + 1].pos_ == "NOUN" and a.doc[nxt].head.i == nxt + 1
            if not modifier:
                heads.append(a.doc[nxt])
            break
        nxt += 1
    for head in heads:
        phrase = a.doc[tok.i + 1 : head.i + 1].text.lower()
        if head.lower_ in nouns or head.lemma_.lower() in nouns or phrase in nouns:
            return head
        if inflected_sector_noun(a.lex.code, head.lower_) is not None:
            return head  # an inflected form ("des südkoreanischen Generalstabs")
    return None


def in_place_phrase(r: SentenceReader, m: Mention) -> bool:
    """Whether mention ``m`` is governed by a preposition of place ("in Moskau", "in southern Lebanon"):
    it says where, not who."""
    tok = r.span.doc[m.end - 1]
    preps = [c for c in tok.children if c.pos_ == "ADP"] + ([tok.head] if tok.head.pos_ == "ADP" else [])
    return any(p.lower_ in r.cues.place_prepositions for p in preps)


def stance_at(a: Analyzer, start: int) -> bool:
    """Whether the demonym at ``start`` follows a stance prefix ("anti-", "pro-": ``stance_prefixes`` in
    entity_grammar): "Anti-Japanese demonstrators" are for or against Japan, not Japan's."""
    prefixes = a.lex.words("stance_prefixes")
    first = a.doc[start]
    if any(first.lower_.startswith(f"{p}-") for p in prefixes):
        return True
    return start >= 2 and a.doc[start - 1].text == "-" and a.doc[start - 2].lower_ in prefixes
