"""Dependency-label schemes as data: abstract roles instead of UD or TIGER labels.

Relation extraction asks "is this token the *subject* of that verb?", never
"is its label ``nsubj``?". The mapping from roles to labels lives in
``kg/lang/schemes/<name>.toml``; the scheme of a pipeline is recognised from
its parser's label set (or, for a hand-built ``Doc``, from the labels it
carries), so the official TIGER German models and UD-trained ones both work.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

SCHEME_DIR = Path(__file__).resolve().parents[1] / "lang" / "schemes"
DEFAULT_SCHEME = "ud"


@dataclass(frozen=True)
class Scheme:
    """One label scheme: role name -> dependency labels."""

    name: str
    roles: dict[str, frozenset[str]]
    markers: frozenset[str]
    #: True where auxiliaries head the main verb (TIGER), False where they hang below it (UD).
    aux_heads_verb: bool = False
    #: each role's first label in its scheme file: the one a repair writes ("nsubj", not "csubj")
    primary: dict[str, str] = field(default_factory=dict, compare=False)
    _cache: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def labels(self, *roles: str) -> frozenset[str]:
        # Called for every token of every sentence: the unions are memoised per role tuple.
        cached = self._cache.get(roles)
        if cached is None:
            cached = frozenset().union(*(self.roles.get(role, frozenset()) for role in roles))
            self._cache[roles] = cached
        return cached

    def has(self, token: Token, *roles: str) -> bool:
        return token.dep_ in self.labels(*roles)

    def label(self, role: str) -> str | None:
        """The label a repair gives a token of ``role``: the role's first label in the scheme file."""
        return self.primary.get(role)



@cache
def schemes() -> dict[str, Scheme]:
    """All schemes in ``kg/lang/schemes/``, by name."""
    out = {}
    for path in sorted(SCHEME_DIR.glob("*.toml")):
        with path.open("rb") as f:
            raw = tomllib.load(f)
        roles = {role: frozenset(labels) for role, labels in raw.get("roles", {}).items()}
        markers = frozenset(raw.get("markers", ()))
        primary = {role: labels[0] for role, labels in raw.get("roles", {}).items() if labels}
        out[raw["name"]] = Scheme(raw["name"], roles, markers, bool(raw.get("aux_heads_verb")), primary)
    return out


def detect_scheme(labels: Iterable[str]) -> Scheme:
    """The scheme whose marker labels best match ``labels`` (UD when nothing matches)."""
    present = set(labels)
    best = max(schemes().values(), key=lambda s: (len(s.markers & present), s.name == DEFAULT_SCHEME))
    if not best.markers & present:
        return schemes()[DEFAULT_SCHEME]
    return best


def scheme_of_pipeline(nlp) -> Scheme:
    """Scheme of a spaCy pipeline, from its parser's labels."""
    if "parser" in nlp.pipe_names:
        return detect_scheme(nlp.get_pipe("parser").labels)
    return schemes()[DEFAULT_SCHEME]


def scheme_of_doc(doc: Doc) -> Scheme:
    """Scheme of an already parsed document, from the labels it carries."""
    return detect_scheme({t.dep_ for t in doc})
