"""The predicate vocabulary: which relationship types exist and which verbs express them.

Everything comes from ``kg/predicates.toml`` (one cross-language data file),
so adding a language or a verb is a data change. The set of names is THE
whitelist for relationship types: the loader splices a predicate into Cypher
only if :func:`is_known` says yes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from kg.model import STRUCTURAL_PREDICATES, check_predicate

VOCABULARY_FILE = Path(__file__).resolve().with_name("predicates.toml")

Kind = Literal["speech", "event", "structural"]
KINDS: tuple[Kind, ...] = ("speech", "event", "structural")


@dataclass(frozen=True, slots=True)
class Predicate:
    """One predicate of the vocabulary with its per-language cues."""

    name: str
    kind: Kind
    cameo: str | None = None
    plover: str | None = None
    #: lang -> verb lemmas (German separable verbs whole, English phrasal verbs "verb particle")
    lemmas: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: lang -> (verb lemma, noun lemma) light-verb constructions
    light: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: lang -> object nouns required for the verb to count (empty: any object)
    objects: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: lang -> prepositions introducing an event's target actor ("mit", "with", "to")
    preps: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: lang -> the lemmas the object nouns gate (absent: all of the language's lemmas)
    gated_lemmas: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: the object must be an entity (no concept objects): "Putin met Kim", never "met the press"
    actor_target: bool = False
    #: coordinated subjects without an object act on each other ("Putin und Kim trafen sich")
    reciprocal: bool = False

    def gated(self, lang: str, lemma: str | None = None) -> bool:
        """Whether ``lemma`` (any lemma when None) counts only with one of the object nouns in ``lang``."""
        if not self.objects.get(lang):
            return False
        only = self.gated_lemmas.get(lang)
        return only is None or lemma is None or lemma in only


def _load(path: Path) -> dict[str, Predicate]:
    with path.open("rb") as f:
        raw = tomllib.load(f)
    out: dict[str, Predicate] = {}
    for name, spec in raw.items():
        check_predicate(name)
        kind = spec.get("kind")
        if kind not in KINDS:
            raise ValueError(f"{path}: predicate {name} has kind {kind!r}, not one of {KINDS}")
        lemmas: dict[str, tuple[str, ...]] = {}
        light: dict[str, tuple[tuple[str, str], ...]] = {}
        objects: dict[str, frozenset[str]] = {}
        preps: dict[str, frozenset[str]] = {}
        gated: dict[str, frozenset[str]] = {}
        for key, value in spec.items():
            if key in ("kind", "cameo", "plover", "target", "reciprocal"):
                continue
            if key.endswith("_light"):
                light[key.removesuffix("_light")] = tuple((v.lower(), n.lower()) for v, n in value)
            elif key.endswith("_gated"):
                gated[key.removesuffix("_gated")] = frozenset(v.lower() for v in value)
            elif key.endswith("_prep"):
                preps[key.removesuffix("_prep")] = frozenset(p.lower() for p in value)
            elif key.endswith("_object"):
                objects[key.removesuffix("_object")] = frozenset(n.lower() for n in value)
            elif key.isalpha() and len(key) in (2, 3):
                lemmas[key] = tuple(v.lower() for v in value)
            else:
                raise ValueError(f"{path}: predicate {name} has unknown field {key!r}")
        if kind == "structural" and (lemmas or light):
            raise ValueError(f"{path}: structural predicate {name} must not have verb lemmas")
        out[name] = Predicate(
            name=name,
            kind=kind,
            cameo=spec.get("cameo"),
            plover=spec.get("plover"),
            lemmas=lemmas,
            light=light,
            objects=objects,
            preps=preps,
            gated_lemmas=gated,
            actor_target=spec.get("target") == "actor",
            reciprocal=bool(spec.get("reciprocal")),
        )
    missing = STRUCTURAL_PREDICATES - out.keys()
    if missing:
        raise ValueError(f"{path}: structural predicates {sorted(missing)} are missing")
    return out


#: name -> :class:`Predicate`; iterating gives the whitelist of relationship types.
PREDICATES: Mapping[str, Predicate] = MappingProxyType(_load(VOCABULARY_FILE))


def is_known(name: str) -> bool:
    """Whether ``name`` is a predicate of the vocabulary (and so a permitted relationship type)."""
    return name in PREDICATES


def get(name: str) -> Predicate:
    return PREDICATES[name]


def by_kind(kind: Kind) -> list[str]:
    return sorted(n for n, p in PREDICATES.items() if p.kind == kind)


def languages() -> list[str]:
    """Languages that have at least one verb lemma in the vocabulary."""
    return sorted({lang for p in PREDICATES.values() for lang in p.lemmas})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lemma lookup for one language, built once."""

    lang: str
    #: lemma -> predicates (ungated first, then gated ones)
    verbs: Mapping[str, tuple[Predicate, ...]]
    #: (verb lemma, noun lemma) -> predicate
    light: Mapping[tuple[str, str], Predicate]
    #: verb lemmas that take part in some light-verb construction
    light_verbs: frozenset[str]

    def has_verb(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.light_verbs

    def lookup(self, lemma: str, object_lemmas: tuple[str, ...] = ()) -> Predicate | None:
        """The predicate a verb lemma expresses, given the lemmas of its object heads.

        Light-verb constructions win ("äußern" + "Vermutung" is SUSPECTS, not
        STATES); then predicates gated on an object noun ("liefern Waffen");
        then the plain reading of the verb.
        """
        lemma = lemma.lower()
        objs = tuple(o.lower() for o in object_lemmas)
        for noun in objs:
            hit = self.light.get((lemma, noun))
            if hit is not None:
                return hit
        plain = None
        for pred in self.verbs.get(lemma, ()):
            if pred.gated(self.lang, lemma):
                if any(o in pred.objects[self.lang] for o in objs):
                    return pred
            elif plain is None:
                plain = pred
        return plain


@cache
def lexicon(lang: str) -> Lexicon:
    verbs: dict[str, list[Predicate]] = {}
    light: dict[tuple[str, str], Predicate] = {}
    for pred in PREDICATES.values():
        for lemma in pred.lemmas.get(lang, ()):
            verbs.setdefault(lemma, []).append(pred)
        for pair in pred.light.get(lang, ()):
            light[pair] = pred
    return Lexicon(
        lang,
        {k: tuple(v) for k, v in verbs.items()},
        light,
        frozenset(v for v, _ in light),
    )
