"""Parse repairs that need to know the entities: made after entity resolution, before relations are read.

A German main clause may open with an adverbial and put its subject after the verb ("Am Dienstag traf
Scholz Macron in Paris", "Anschließend besuchte Putin Vietnam"). A small parser reads the two names there
as one name ("Scholz Macron" as a flat name or an apposition), and the clause loses its object, often its
subject too. Grammar cannot tell the parser otherwise, but the mention index can: two adjacent names of
two different known actors are two phrases. The first is the subject (a noun the parser made the subject
before the verb is then an adverbial), the second the object.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.mentions import MentionIndex

#: Entity types that act or are acted on; two adjacent names of these are never one name.
_ACTORS = frozenset({"Person", "Country", "Organization"})


def split_adjacent_actors(doc: Doc, scheme: Scheme, index: MentionIndex) -> int:
    """Make the second of two adjacent actor names after a verb the verb's object; the number repaired."""
    glue = scheme.labels("apposition", "name_part")
    subjects, objects = scheme.labels("subject"), scheme.labels("object")
    subject, obj = scheme.label("subject"), scheme.label("object")
    modifier = scheme.label("modifier")
    if subject is None or obj is None or modifier is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        h = t.head
        if t.dep_ not in glue or h.i >= t.i or h.dep_ not in subjects | objects:
            continue
        v = h.head
        if v.pos_ not in ("VERB", "AUX") or v.i >= h.i or not _two_actors(index, h, t):
            continue
        others = [c for c in v.children if c.dep_ in subjects | objects and c.i != h.i]
        if h.dep_ in objects:
            fronted = [c for c in others if c.dep_ in subjects and c.i < v.i and index.at(c.i) is None]
            if len(others) > len(fronted) or len(fronted) > 1:
                continue  # the clause has another subject or object: leave it as parsed
            for c in fronted:
                c.dep_ = modifier  # a word that opened the clause ("Anschließend") was never its subject
            h.dep_ = subject
        elif others:
            continue
        t.head, t.dep_ = v, obj
        repaired += 1
    return repaired


def _two_actors(index: MentionIndex, h: Token, t: Token) -> bool:
    """Whether ``h`` and ``t`` are the last and first words of two adjacent mentions of two actors."""
    a, b = index.at(h.i), index.at(t.i)
    if a is None or b is None or a.entity.key == b.entity.key or a.end != b.start or b.start != t.i:
        return False
    return a.entity.type in _ACTORS and b.entity.type in _ACTORS
