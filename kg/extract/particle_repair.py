"""Parse repairs of a separable verb whose clause-final particle the parse made the clause's head.

"Die Polizei in Kinshasa nahm Dutzende Demonstranten fest": a small German parser may make the particle
"fest" the root, with the subject under it and "nahm" hung deep inside the subject's phrase ("Kinshasa
nahm"). A particle never heads a clause. When the particle joins a verb before it into a vocabulary verb
(``own_particle``: "fest" + "nehmen"), that verb takes the particle's place, the particle becomes its
particle, and the words the parse hung on the particle become the verb's. Languages without separable
particles are left as parsed.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.syntax import take_over


def verbs_under_their_particles(doc: Doc, scheme: Scheme, own_particle: Callable[[Token, Token], bool]) -> int:
    """Make the verb of a particle the parse made a clause's head that clause's head. The number repaired."""
    particle, roots = scheme.label("particle"), scheme.labels("root")
    if particle is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for p in doc:
        if p.dep_ not in roots or p.pos_ not in ("ADV", "ADP", "PART", "ADJ"):
            continue
        # the nearest verb before the particle in its sentence whose particle it is
        verb = next((t for t in reversed(doc[p.sent.start : p.i]) if t.pos_ == "VERB" and own_particle(t, p)), None)
        if verb is None or any(a.pos_ == "VERB" for a in verb.ancestors if a.i != p.i):
            continue  # (a verb inside another verb's clause is that clause's, not this particle's)
        take_over(verb, p, particle)
        repaired += 1
    return repaired
