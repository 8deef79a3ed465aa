"""The predicate vocabulary: which relationship types exist, how they are coded, which words express them.

Three kinds of data, read once per process:

* ``kg/predicates.toml``: the language-neutral predicates (kind, CAMEO code, frame);
* ``kg/cameo.toml``: the event ontology, from which every PLOVER type, quad class and
  Goldstein value is derived (one mapping, so CAMEO and PLOVER never disagree);
* ``kg/lang/<xx>/lexicon.toml``: the verbs, light-verb constructions, object gates and
  prepositions of each language, so adding a language is adding a folder.

The set of predicate names is THE whitelist for relationship types: the loader
splices a predicate into Cypher only if :func:`is_known` says yes.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from kg.lang import available_languages, get_language
from kg.model import STRUCTURAL_PREDICATES, check_predicate

VOCABULARY_FILE = Path(__file__).resolve().with_name("predicates.toml")
ONTOLOGY_FILE = Path(__file__).resolve().with_name("cameo.toml")

Kind = Literal["speech", "event", "structural"]
KINDS: tuple[Kind, ...] = ("speech", "event", "structural")
PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
#: quad class -> its name, as event datasets print it
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
FRAMES = ("report", "act")
_PREDICATE_FIELDS = {
    "kind", "cameo", "reciprocal", "target", "addressee", "frame", "intent", "content", "bare",
    "demonym_target", "places", "envoy_roles", "partners", "note"
}  # fmt: skip
_LEXICON_FIELDS = {"verbs", "light", "object", "gated", "prep", "charge", "nouns", "codes"}


@dataclass(frozen=True, slots=True)
class Coding:
    """What a CAMEO code says: its PLOVER type (None for statements), quad class and Goldstein value."""

    cameo: str
    plover: str | None
    quad: int
    goldstein: float

    def fields(self) -> dict[str, Any]:
        """The coding as :class:`~kg.model.Triple` keyword arguments."""
        return {"cameo": self.cameo, "plover": self.plover, "quad": self.quad, "goldstein": self.goldstein}


class Ontology:
    """The CAMEO table of ``kg/cameo.toml``: a code in, its :class:`Coding` out."""

    def __init__(self, raw: Mapping[str, Any], path: Path = ONTOLOGY_FILE) -> None:
        roots = raw.get("root", {})
        self.roots: dict[str, dict[str, Any]] = {}
        for code in (f"{i:02d}" for i in range(1, 21)):
            spec = roots.get(code)
            if spec is None:
                raise ValueError(f"{path}: CAMEO root {code} is missing")
            plover = spec.get("plover")
            if plover is not None and plover not in PLOVER_TYPES:
                raise ValueError(f"{path}: root {code} has PLOVER type {plover!r}, not one of PLOVER's")
            if spec.get("quad") not in QUAD_CLASSES:
                raise ValueError(f"{path}: root {code} has no quad class 1-4")
            self.roots[code] = spec
        self.plover: dict[str, str] = dict(raw.get("plover", {}))
        bad = {c: p for c, p in self.plover.items() if p not in PLOVER_TYPES}
        if bad:
            raise ValueError(f"{path}: PLOVER overrides {bad} name no PLOVER type")
        self.goldstein: dict[str, float] = {str(c): float(v) for c, v in raw.get("goldstein", {}).items()}
        for c, v in self.goldstein.items():
            if not -10.0 <= v <= 10.0:
                raise ValueError(f"{path}: Goldstein value {v} of {c} is outside -10..10")

    def coding(self, cameo: str) -> Coding:
        """The coding of a CAMEO code (2-4 digits); raises ValueError for a code of no root."""
        if not (cameo.isdigit() and 2 <= len(cameo) <= 4) or cameo[:2] not in self.roots:
            raise ValueError(f"{cameo!r} is not a CAMEO code of roots 01-20")
        root = self.roots[cameo[:2]]
        plover = root.get("plover")
        goldstein = None
        for n in range(len(cameo), 1, -1):  # longest prefix wins
            prefix = cameo[:n]
            if prefix in self.plover and n > 2:
                plover = self.plover[prefix]
                break
        for n in range(len(cameo), 1, -1):
            if cameo[:n] in self.goldstein:
                goldstein = self.goldstein[cameo[:n]]
                break
        if goldstein is None:
            raise ValueError(f"CAMEO code {cameo} has no Goldstein value (kg/cameo.toml [goldstein])")
        return Coding(cameo, plover, int(root["quad"]), goldstein)


@dataclass(frozen=True, slots=True)
class Predicate:
    """One predicate of the vocabulary with its coding and per-language cues."""

    name: str
    kind: Kind
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    goldstein: float | None = None
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
    #: lang -> prepositions that introduce what the object is accused, praised or thanked for ("accused X
    #: of ...", "thanked X for ..."): the object phrase ends there
    charges: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: lang -> nouns that name the event itself ("Angriff", "arrest"): read as nominal events when an
    #: actor is attached ("Russlands Angriff auf Kiew", "the arrest of X by Y")
    nouns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: lang -> {lemma or "verb noun": narrower CAMEO code}
    codes: Mapping[str, Mapping[str, Coding]] = field(default_factory=dict)
    #: the object must be an entity (no concept objects): "Putin met Kim", never "met the press"
    actor_target: bool = False
    #: the object is never an actor, only a place or the text: what was seized ("seized a British-flagged
    #: tanker" is no act on Britain), the office one resigned ("resigned as Bolivia's president")
    thing_target: bool = False
    #: the object is people acted on (killed, arrested, freed): a group named only as the victims is their
    #: phrase, no actor (kg/extract/event_objects.py); for casualties even when the group acts elsewhere
    people_target: bool = False
    casualties: bool = False
    #: coordinated subjects without an object act on each other ("Putin und Kim trafen sich")
    reciprocal: bool = False
    #: speech acts: an actor object is the addressee, the clause the content ("told Reuters that ...")
    addressee: bool = False
    #: speech acts: "report" (content asserted as real) or "act" (content is an act wanted, denied, ...)
    frame: str | None = None
    #: "report" frames: an intention or obligation in the content also yields the typed act
    intent: bool = False
    #: "clause": a speech act whose content is a clause, an actor or its preposition's phrase, never a
    #: bare object phrase ("threatened regional stability" endangers, it threatens no one)
    content: str | None = None
    #: events complete without an object ("protested", "resigned"): "role" takes the subject's role as
    #: the object ("the office"), "phrase" the verb's own phrase
    bare: str | None = None
    #: a demonym inside the object names the target state ("struck Iranian sites": Iran), as it does not
    #: for acts on people ("released three Israeli women" releases the women)
    demonym_target: bool = False
    #: a capital as the object is the city, not its state ("seized Damascus", "shelled Kyiv"): an act on
    #: a place, where "visited Tbilisi" or "warned Moscow" address the state
    places: bool = False
    #: roles of people who stand for their state as this act's target: summoning or expelling "the
    #: ambassador Sylvain Itté" is an act against France, as event datasets code it
    envoy_roles: frozenset[str] = frozenset()
    #: the actors of the predicate's prepositions are partners in the act, not its target: "signed an
    #: agreement with Biden" is signed by both, and the agreement is what they signed
    partners: bool = False
    note: str = ""

    def gated(self, lang: str, lemma: str | None = None) -> bool:
        """Whether ``lemma`` (any lemma when None) counts only with one of the object nouns in ``lang``."""
        if not self.objects.get(lang):
            return False
        only = self.gated_lemmas.get(lang)
        return only is None or lemma is None or lemma in only

    def coding(self, lang: str | None = None, lemma: str | None = None, noun: str | None = None) -> Coding | None:
        """The coding of one use of the predicate: the lexicon entry's own code, else the predicate's."""
        entries = self.codes.get(lang or "", {})
        if noun and lemma and f"{lemma} {noun}" in entries:
            return entries[f"{lemma} {noun}"]
        if lemma and lemma in entries:
            return entries[lemma]
        if self.cameo is None:
            return None
        return Coding(self.cameo, self.plover, self.quad or 0, self.goldstein or 0.0)

    def fields(self, lang: str | None = None, lemma: str | None = None, noun: str | None = None) -> dict[str, Any]:
        """:class:`~kg.model.Triple` keyword arguments of this use's coding (all None for structural ones)."""
        coding = self.coding(lang, lemma, noun)
        return coding.fields() if coding else {"cameo": None, "plover": None, "quad": None, "goldstein": None}


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _lexicon_fields(lang: str, path: Path, name: str, spec: Mapping[str, Any], onto: Ontology) -> dict[str, Any]:
    unknown = set(spec) - _LEXICON_FIELDS
    if unknown:
        raise ValueError(f"{path}: [{name}] has unknown fields {sorted(unknown)} (known: {sorted(_LEXICON_FIELDS)})")
    try:
        codes = {str(k).lower(): onto.coding(str(v)) for k, v in spec.get("codes", {}).items()}
    except ValueError as exc:
        raise ValueError(f"{path}: [{name}] codes: {exc}") from exc
    return {
        "lemmas": tuple(v.lower() for v in spec.get("verbs", ())),
        "light": tuple((v.lower(), n.lower()) for v, n in spec.get("light", ())),
        "objects": frozenset(n.lower() for n in spec.get("object", ())),
        "gated": frozenset(v.lower() for v in spec.get("gated", ())),
        "preps": frozenset(p.lower() for p in spec.get("prep", ())),
        "charges": frozenset(p.lower() for p in spec.get("charge", ())),
        "nouns": tuple(n.lower() for n in spec.get("nouns", ())),
        "codes": codes,
    }


def _load(path: Path = VOCABULARY_FILE, ontology_path: Path = ONTOLOGY_FILE) -> dict[str, Predicate]:
    raw = _read(path)
    onto = Ontology(_read(ontology_path), ontology_path)
    per_lang: dict[str, dict[str, dict[str, Any]]] = {}
    for code in available_languages():
        lex_path = get_language(code).path / "lexicon.toml"
        if not lex_path.exists():
            continue
        for name, spec in _read(lex_path).items():
            if name not in raw:
                raise ValueError(f"{lex_path}: [{name}] is not a predicate of {path.name}")
            per_lang.setdefault(name, {})[code] = _lexicon_fields(code, lex_path, name, spec, onto)
    out: dict[str, Predicate] = {}
    for name, spec in raw.items():
        check_predicate(name)
        unknown = set(spec) - _PREDICATE_FIELDS
        if unknown:
            raise ValueError(f"{path}: predicate {name} has unknown fields {sorted(unknown)}")
        kind = spec.get("kind")
        if kind not in KINDS:
            raise ValueError(f"{path}: predicate {name} has kind {kind!r}, not one of {KINDS}")
        frame = spec.get("frame")
        if kind == "speech" and frame not in FRAMES:
            raise ValueError(f"{path}: speech act {name} needs a frame, one of {FRAMES}")
        coding = onto.coding(spec["cameo"]) if spec.get("cameo") else None
        if kind != "structural" and coding is None:
            raise ValueError(f"{path}: predicate {name} has no CAMEO code")
        langs = per_lang.get(name, {})
        if kind == "structural" and langs:
            raise ValueError(f"{path}: structural predicate {name} must not have words in a lexicon")
        out[name] = Predicate(
            name=name,
            kind=kind,
            cameo=coding.cameo if coding else None,
            plover=coding.plover if coding else None,
            quad=coding.quad if coding else None,
            goldstein=coding.goldstein if coding else None,
            lemmas={c: f["lemmas"] for c, f in langs.items() if f["lemmas"]},
            light={c: f["light"] for c, f in langs.items() if f["light"]},
            objects={c: f["objects"] for c, f in langs.items() if f["objects"]},
            preps={c: f["preps"] for c, f in langs.items() if f["preps"]},
            gated_lemmas={c: f["gated"] for c, f in langs.items() if f["gated"]},
            charges={c: f["charges"] for c, f in langs.items() if f["charges"]},
            nouns={c: f["nouns"] for c, f in langs.items() if f["nouns"]},
            codes={c: MappingProxyType(f["codes"]) for c, f in langs.items() if f["codes"]},
            actor_target=spec.get("target") == "actor",
            thing_target=spec.get("target") == "thing",
            people_target=spec.get("target") in ("people", "casualties"),
            casualties=spec.get("target") == "casualties",
            reciprocal=bool(spec.get("reciprocal")),
            addressee=bool(spec.get("addressee")),
            frame=frame,
            intent=bool(spec.get("intent")),
            content=spec.get("content"),
            bare=spec.get("bare"),
            demonym_target=bool(spec.get("demonym_target")),
            places=bool(spec.get("places")),
            envoy_roles=frozenset(spec.get("envoy_roles", ())),
            partners=bool(spec.get("partners")),
            note=str(spec.get("note", "")),
        )
    missing = STRUCTURAL_PREDICATES - out.keys()
    if missing:
        raise ValueError(f"{path}: structural predicates {sorted(missing)} are missing")
    return out


#: name -> :class:`Predicate`; iterating gives the whitelist of relationship types.
PREDICATES: Mapping[str, Predicate] = MappingProxyType(_load())


def is_known(name: str) -> bool:
    """Whether ``name`` is a predicate of the vocabulary (and so a permitted relationship type)."""
    return name in PREDICATES


def by_kind(kind: Kind) -> list[str]:
    return sorted(n for n, p in PREDICATES.items() if p.kind == kind)


def languages() -> list[str]:
    """Languages that have at least one verb lemma in the vocabulary."""
    return sorted({lang for p in PREDICATES.values() for lang in p.lemmas})
