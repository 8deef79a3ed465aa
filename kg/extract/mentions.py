"""Entity mentions in a parsed document: the hand-over from entity finding to relation extraction.

The entity stage (:mod:`kg.extract.entities` and :mod:`kg.extract.resolve`)
turns a spaCy ``Doc`` into a :class:`MentionIndex`: every span that refers to
a canonical :class:`~kg.model.Entity`, already resolved within the article
("Austin" -> Lloyd Austin, "er" -> the most recent compatible person, "Moskau"
-> Russia). The relation stage only asks the index "which entity does this
token (or this subtree) refer to?" and never re-does entity work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from kg.model import Entity

#: How a mention was found; relation extraction may weigh them differently.
Via = Literal["gazetteer", "ner", "partial", "pronoun", "demonym", "metonym"]


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``doc[start:end]`` refer to ``entity``."""

    start: int
    end: int
    entity: Entity
    text: str
    via: Via = "gazetteer"
    confidence: float = 1.0


class MentionIndex:
    """Mentions of one document, looked up by token index."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions: list[Mention] = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._by_token: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                # Longest (first-sorted) mention wins a token.
                self._by_token.setdefault(i, m)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)

    def at(self, token_index: int) -> Mention | None:
        """The mention covering a token, if any."""
        return self._by_token.get(token_index)

    def touches(self, start: int, end: int) -> bool:
        """Whether any token of ``[start, end)`` belongs to a mention."""
        return any(i in self._by_token for i in range(start, end))

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying entirely inside tokens ``[start, end)``, in order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]
