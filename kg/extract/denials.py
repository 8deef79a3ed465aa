"""Denials read from negated statements: "Russland betonte, dass es keinerlei Unterstützung benötige".

Only the speaker's own, realis involvement is denied this way: someone else's negated act ("Berlin
habe keine Beweise vorgelegt", "no one was injured") and an intention ("werde nicht zurücktreten")
give the statement only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import DENIAL_DISCOUNT, Arg
from kg.extract.syntax import NOMINAL_POS, VERBAL_POS, is_punct
from kg.model import Concept, Triple
from kg.predicates import PREDICATES

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def denial_triples(
    r: SentenceReader, stated: Triple, subj: Arg, span: tuple[int, int], v: Token, lemma: str, reported: str | None
) -> list[Triple]:
    """What a speaker denies by asserting a negated content.

    "Russland betonte, dass es keinerlei militärische Unterstützung benötige" is a
    statement and a denial of "militärische Unterstützung"; "The Kremlin insisted that
    no North Korean soldiers were in Russia" denies the clause without its negation.
    One denial per negated verb of the content clause (relative clauses excluded:
    they describe a noun, they are not what is asserted).
    """
    deny = PREDICATES["DENIES"]
    out = []
    last_subjects: list[Token] = []
    for u in r.span.doc[span[0] : span[1]]:
        if u.pos_ not in VERBAL_POS or r.s.has(u, "auxiliary", "passive_auxiliary", "relative_clause"):
            continue
        if u.pos_ == "ADJ" and not r.ch(u, "subject", "predicative"):
            continue  # an attributive adjective ("eine nicht unerhebliche Zahl") heads no clause
        if any("Rel" in c.morph.get("PronType") for c in r.kids.get(u.i, ())):
            continue  # a relative clause however the parse labels it ("Garantien, die es vorher nicht gab")
        # Only the speaker's own involvement is denied by negating it ("Russland betonte, dass es keinerlei
        # Unterstützung benötige"); "Berlin habe keine Beweise vorgelegt" or "no one was injured" is no denial,
        # and neither is an intention ("er werde nicht zurücktreten").
        doer_toks = r._subject_tokens(u)[0] or last_subjects  # "es habe ... und ... benötige": shared
        if doer_toks:
            last_subjects = doer_toks
        doers = [m.entity.key for t in doer_toks for m in r._entities(t)]
        # An unresolved pronoun subject ("Moscow said it did not need ...") refers back to the speaker.
        own = doers == [subj.mention.entity.key] or (not doers and any(t.pos_ == "PRON" for t in doer_toks))
        if not own or r.cues.modality(u, r._auxiliaries(u)) is not None:
            continue
        # Only an act kg codes is denied by negating it ("benötige keinerlei Unterstützung", "did not send
        # troops"); "had not yet received formal notification" states a fact, it denies nothing.
        objects = tuple(o.lemma_ for o in r._object_tokens(u))
        if r.cues.predicate_for(u, r.ch(u, "particle"), objects) is None:
            continue
        concept = _denied(r, u, span)
        if concept is None:
            continue
        conf = round(stated.confidence * DENIAL_DISCOUNT, 3)
        t = r._make(
            subj, deny, concept, v, lemma, negative=False, hedged=stated.hedged, conf=conf, reported_by=reported
        )
        if t is not None:
            out.append(t)
    return out


def _denied(r: SentenceReader, u: Token, span: tuple[int, int]) -> Concept | None:
    """The phrase a negation in the clause of ``u`` denies, or None when ``u`` is not negated.

    A negated object phrase is what is denied ("keinerlei Unterstützung" ->
    "Unterstützung"); a negated verb denies its object, or without one its clause;
    a negated subject ("no soldiers were in Russia") denies the clause. A
    negative pronoun standing alone ("keine der Parteien", "nothing") names no
    phrase and gives no denial.
    """
    objects = [o for o in r._object_tokens(u) if o.pos_ in NOMINAL_POS and not r.cues.is_negation(o)]
    # An actor as object ("did not attack Ukraine"): the event is denied, not the actor.
    things = [o for o in objects if not r._entities(o)]
    for o in objects:
        negs = r._negative_det(o)
        if negs:
            return _denied_np(r, o, u) if o in things else _denied_clause(r, u, span, negs)
    subjects = r._split_subjects(u)[0]
    neg_subject = [d for s in subjects for d in r._negative_det(s)]
    if neg_subject:
        return _denied_clause(r, u, span, neg_subject)
    if not r._negated(u):
        return None
    if any(r.cues.is_negation(o) for o in r._object_tokens(u)):
        return None
    if things and len(things) == len(objects):
        return _denied_np(r, things[0], u)
    negs = [c for t in [u, *r._auxiliaries(u)] for c in r.kids.get(t.i, ()) if r.cues.is_negation(c)]
    negs += r.ch(u, "negation")
    return _denied_clause(r, u, span, negs)


def _denied_np(r: SentenceReader, o: Token, u: Token) -> Concept | None:
    start, end = r._np_range(o, u, datives=True)
    while start < end and (r.cues.is_negation(r.span.doc[start]) or r.cues.is_polarity_item(r.span.doc[start])):
        start += 1
    return r._concept(start, end, drop_marker=False)


def _denied_clause(r: SentenceReader, u: Token, span: tuple[int, int], drop: list[Token]) -> Concept | None:
    start, end = max(u.left_edge.i, span[0]), min(u.right_edge.i + 1, span[1])
    gone = {t.i for t in drop}
    toks = [t for t in r.span.doc[start:end] if t.i not in gone]
    while toks and (is_punct(toks[0]) or toks[0].text.lower() in r.cues.complementizers):
        toks.pop(0)
    while toks and is_punct(toks[-1]):
        toks.pop()
    if not toks:
        return None
    text = "".join(t.text_with_ws for t in toks).strip()
    mentions = [m.entity.key for m in r.index.within(toks[0].i, toks[-1].i + 1)]
    return Concept.create(text, r.lang, mentions)
