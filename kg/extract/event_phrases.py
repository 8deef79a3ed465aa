"""The phrases of an event's verb and object that name its target, its theme or the deed itself.

Which actor a phrase names ("steel from Canada and Mexico"), whether a name only modifies a noun ("a UN
Security Council resolution", "police stations"), and a deed noun's own name ("state of emergency"):
read by :mod:`kg.extract.events` when it picks an event's target or theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.mentions import Mention

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


#: Entity types that are never the actor an act is aimed at.
NON_ACTORS = frozenset({"Event", "Misc"})


def actors_inside(r: SentenceReader, tok: Token, demonyms: bool) -> list[Mention]:
    """The actors (no places) named closest to ``tok`` in its own phrase, once each ("steel from Canada and
    Mexico", "iranische Drohnenhersteller"); nothing behind a verb or more than three links below it, so a
    phrase's remote parts ("in response to attacks by the Iran-backed group") name no target."""
    conj = r.s.labels("conjunct", "coordinator")
    best: dict[str, tuple[int, Mention]] = {}
    for m in r.index.within(tok.left_edge.i, tok.right_edge.i + 1):
        if not (demonyms or m.via != "demonym") or m.entity.type in ("Location", *NON_ACTORS):
            continue
        depth, t = 0, r.span.doc[m.start]
        while t.i != tok.i and depth <= 3 and t.head.i != t.i:
            if t.dep_ not in conj and t.head.pos_ != "ADP":  # a preposition is no link of its own
                depth += 1
            t = t.head
            if t.i != tok.i and t.pos_ in ("VERB", "AUX"):
                depth = 99
        if t.i == tok.i and depth <= 3 and (m.entity.key not in best or depth < best[m.entity.key][0]):
            best[m.entity.key] = (depth, m)
    if not best:
        return []
    if any(m.via != "demonym" for _, m in best.values()):
        # "gegen den US-Konzern Google": the named actor, not the state its modifier names
        best = {k: dm for k, dm in best.items() if dm[1].via != "demonym"}
    nearest = min(d for d, _ in best.values())
    return [m for d, m in sorted(best.values(), key=lambda x: x[1].start) if d == nearest]


def modifying_group(r: SentenceReader, m: Mention) -> bool:
    """Whether the group mention ``m`` is a compound modifier of a noun after it ("police stations")."""
    if m.entity.type != "Group":
        return False
    last = r.span.doc[m.end - 1]
    return r.s.has(last, "name_part") and last.head.i >= m.end and last.head.pos_ == "NOUN"


def preposition(r: SentenceReader, c: Token) -> str:
    """The preposition of the phrase child ``c`` (the ClearNLP ``prep`` head itself, or a UD ``case`` child)."""
    return c.lower_ if c.pos_ == "ADP" else next((k.lower_ for k in r.ch(c, "case")), "")


def named_deed(r: SentenceReader, o: Token, light: frozenset[str]) -> bool:
    """Whether the deed noun ``o`` and its prepositional phrase are one light-verb name ("state of emergency")."""
    for c in r.kids.get(o.i, ()):
        for n in r._pp_noun(c):
            prep = preposition(r, c)
            if n.i > o.i and any(f"{f} {prep} {g}" in light for f in forms(o) for g in forms(n)):
                return True
    return False


def forms(token: Token) -> set[str]:
    """A noun's lemma and its own form, lowercased: a weak lemmatizer ("Kriegsgefangene") must not hide it."""
    return {token.lemma_.lower(), token.lower_}


def modifies(r: SentenceReader, m: Mention, o: Token) -> bool:
    """Mention ``m`` only modifies the noun ``o`` it stands before (a compound: "a UN Security Council
    resolution"), rather than owning it ("North Korea's envoy", "Russlands Botschafter")."""
    if m.end > o.i:
        return False  # after the noun: "the envoy of North Korea", "den Geschäftsträger Nordkoreas"
    last = r.span.doc[m.end - 1]
    after = r.span.doc[m.end] if m.end < len(r.span.doc) else None
    if after is not None and after.dep_ in r.s.labels("case", "genitive"):
        return False  # "North Korea's envoy"
    # Only a name compounded into the noun modifies it; a genitive, possessive or adjective ("the Russian
    # ambassador", "Russlands Botschafter") says whose it is.
    return r.s.has(last, "name_part") and last.pos_ == "PROPN"


def target_phrases(r: SentenceReader, tok: Token, allowed: frozenset[str]) -> list[list[Token]]:
    """The nouns of each prepositional phrase after ``tok`` introduced by one of ``allowed`` ("warrants for X,
    Y and Z", "seine Soldaten aus Mali")."""
    out = []
    for c in r.kids.get(tok.i, ()):
        prep = c if c.pos_ == "ADP" else next(iter(r.ch(c, "case")), None)
        if c.i > tok.i and prep is not None and prep.text.lower() in allowed:
            out.append(r._pp_noun(c))
    return out
