"""The values extraction passes hand each other: an argument with its trust, one sentence's state.

Kept apart from the reader so that the passes (speech acts, events, denials, attribution, nominal
events) can build arguments without importing the reader that composes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from kg.extract.mentions import Mention
from kg.model import Provenance
from kg.predicates import Predicate

BASE_CONFIDENCE = 0.9
FALLBACK_CONFIDENCE = 0.6
#: Assertions whose negated content is also a denial by the speaker ("betonte, ... keine Hilfe benötige").
#: Not DENIES/REJECTS (a double negation), not ACCUSES/WARNS/DEMANDS (their content is not the speaker's claim).
DENIAL_FROM = frozenset({"STATES"})
#: The denial is read off the content, one inference further than the statement itself.
DENIAL_DISCOUNT = 0.9


@dataclass
class Arg:
    """A resolved argument with how much we trust it."""

    mention: Mention
    confidence: float = 1.0


@dataclass
class SentenceState:
    index: int
    span: Span
    provenance: Provenance
    #: (start, end, speaker key, predicate): token ranges that are the content of someone's speech act
    reported: list[tuple[int, int, str, Predicate]] = field(default_factory=list)
