"""Reciprocal acts: "China and the Philippines accused each other", "beide warfen sich gegenseitig vor".

The coordinated subjects act on one another: one triple per direction, whatever the verb's own
object or charge ("each other of ramming vessels" is no concept to accuse). Which words are
reciprocal is language data (``reciprocal_words`` in ``kg/lang/<xx>/verbs.toml``).

Some acts are mutual by their meaning: "protesters clashed with police", "Demonstranten lieferten sich
Straßenschlachten mit der Polizei" - each side attacks the other, as event coding writes a clash. The
subject and the actor of the act's preposition ("with", "mit"), or coordinated subjects, are its sides
(``[mutual]`` in ``verbs.toml``: verbs, light "verb noun" pairs, prepositions).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import Arg
from kg.lang import get_language
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


@cache
def _mutual(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's mutual acts ("verb" or "verb noun", lower-case) and the prepositions of their other side."""
    data = get_language(lang).toml("verbs").get("mutual", {})
    acts = frozenset(" ".join(w.lower().split()) for w in data.get("verbs", ()))
    return acts, frozenset(w.lower() for w in data.get("prepositions", ()))


def mutual_sides(r: SentenceReader, v: Token, lemma: str, subjects: list[Arg]) -> list[Arg] | None:
    """The sides of a mutual act of ``v`` (its subjects and the actors of its prepositions), or None when the
    act is not mutual or a side is a person: "the senator clashed with reporters" is a quarrel, no fight."""
    acts, preps = _mutual(r.cues.lang)
    if not acts:
        return None
    lemma, objects = lemma.lower(), r._object_tokens(v)
    if lemma not in acts and not any(f"{lemma} {w}" in acts for o in objects for w in (o.lower_, o.lemma_.lower())):
        return None
    sides = list(subjects)
    # (the other side's phrase on the verb or on its light noun: "lieferten sich Gefechte mit der Armee")
    heads = [v, *(o for o in objects if o.pos_ in ("NOUN", "PROPN"))]
    for prep, n in (pn for h in heads for pn in r._prep_args(h)):
        if prep in preps:
            sides += [Arg(m, 0.9) for m in r._entities(n) if all(m.entity.key != a.mention.entity.key for a in sides)]
    if any(a.mention.entity.type == "Person" for a in sides):
        return None
    return sides if len({a.mention.entity.key for a in sides}) > 1 else None


def mutual_triples(
    r: SentenceReader, v: Token, pred: Predicate, lemma: str, subjects: list[Arg], fallback: bool
) -> list[Triple]:
    """Each side's act on the other of a mutual act ("clashed with police"); empty when ``v``'s act is not one."""
    sides = mutual_sides(r, v, lemma, subjects)
    return reciprocal_triples(r, v, pred, lemma, sides, fallback) if sides is not None else []
