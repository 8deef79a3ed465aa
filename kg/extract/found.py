"""What entity resolution knows while it reads an article: resolved mentions and what each key is.

The passes of resolution (:mod:`kg.extract.resolve` and the modules it composes: people, roles,
places, sector actors) share these two records; they are frozen into
:class:`~kg.model.Entity` and :class:`~kg.extract.mentions.Mention` values at the end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.mentions import Via


@dataclass(slots=True)
class Found:
    """A resolved mention before entities are frozen."""

    start: int
    end: int
    key: str
    via: Via
    confidence: float
    alias: str | None  # surface form to record as an alias, if it is a name


@dataclass(slots=True)
class Info:
    """What the article says about one entity key."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None  # told by an honorific ("Frau Müller", "Mr. Smith")
    groups: list[tuple[str, str | None, int]] = field(default_factory=list)  # (group key, role, token)


def nearest_one(candidates: Iterable[tuple[int, str]]) -> str | None:
    """The one key named in the nearest sentence among ``(sentence, key)`` candidates: what an anaphor refers
    back to; None when there is none, or two there (as a reader would not guess between them)."""
    by_sentence: dict[int, set[str]] = {}
    for sent, key in candidates:
        by_sentence.setdefault(sent, set()).add(key)
    if not by_sentence:
        return None
    nearest = by_sentence[max(by_sentence)]
    return next(iter(nearest)) if len(nearest) == 1 else None
