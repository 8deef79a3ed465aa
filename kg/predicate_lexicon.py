"""Per-language lookup of the predicate vocabulary: verb lemma, light-verb pair or event noun -> predicate.

Built once per language from :data:`kg.predicates.PREDICATES` (one hash lookup per verb, never a scan of
the vocabulary); :mod:`kg.predicates` holds the vocabulary and its ontology, this module only the tables
that extraction reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from kg.lang import get_language
from kg.predicates import PREDICATES, Predicate


@dataclass(frozen=True, slots=True)
class PredicateLexicon:
    """Lemma lookup for one language, built once: a hash lookup per verb, never a scan."""

    lang: str
    #: lemma -> predicates (ungated first, then gated ones)
    verbs: Mapping[str, tuple[Predicate, ...]]
    #: (verb lemma, noun lemma) -> predicate
    light: Mapping[tuple[str, str], Predicate]
    #: verb lemmas that take part in some light-verb construction
    light_verbs: frozenset[str]
    #: verb lemma -> the nouns of its light-verb constructions (a lookup, not a scan of ``light``)
    light_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: noun -> the event predicate it names ("Angriff" -> ATTACKS, "arrest" -> ARRESTS)
    event_nouns: Mapping[str, Predicate] = field(default_factory=dict)
    #: first words of the multi-word verb lemmas ("stimmen" of "stimmen gegen", "tell" of "tell to")
    multiword_firsts: frozenset[str] = frozenset()
    #: the language writes compounds as one word whose last part is its head ("Sondierungsgespräche" are
    #: "Gespräche"): an object noun the tables lack is looked up by its head too (``closed_compounds``)
    compound_heads: bool = False
    #: prefixes that make a derived word, not a compound ("Bedrohung" is no "Drohung", "Antwort" no "Wort")
    bound_prefixes: frozenset[str] = frozenset()

    def has_verb(self, lemma: str) -> bool:
        return lemma in self.verbs or lemma in self.light_verbs

    def lookup(self, lemma: str, object_lemmas: tuple[str, ...] = ()) -> Predicate | None:
        """The predicate a verb lemma expresses, given the lemmas of its object heads."""
        hit = self.lookup_with_noun(lemma, object_lemmas)
        return hit[0] if hit else None

    def lookup_with_noun(self, lemma: str, object_lemmas: tuple[str, ...] = ()) -> tuple[Predicate, str | None] | None:
        """``(predicate, the object noun that decided it or None)`` for a verb lemma and its object heads.

        Light-verb constructions win ("äußern" + "Vermutung" is SUSPECTS, not
        STATES); then predicates gated on an object noun ("liefern Waffen");
        then the plain reading of the verb.
        """
        lemma = lemma.lower()
        objs = tuple(o.lower() for o in object_lemmas)
        for noun in objs:
            hit = self.light.get((lemma, noun))
            if hit is not None:
                return hit, noun
        plain = None
        for pred in self.verbs.get(lemma, ()):
            if pred.gated(self.lang, lemma):
                noun = next((o for o in objs if o in pred.objects[self.lang]), None)
                if noun is not None:
                    return pred, noun
            elif plain is None:
                plain = pred
        if self.compound_heads and objs and self.has_verb(lemma):
            hit = self._by_compound_head(lemma, objs)
            if hit is not None:
                return hit
        return (plain, None) if plain is not None else None

    def _by_compound_head(self, lemma: str, objs: tuple[str, ...]) -> tuple[Predicate, str] | None:
        """A light or gated reading decided by the head of a compound object ("verhängte eine Ausgangssperre"
        is known; "Sondierungsgespräche führen" is "Gespräche führen"). Heads of four letters or more only."""
        gated = [p for p in self.verbs.get(lemma, ()) if p.gated(self.lang, lemma)]
        if not gated and not self.light_nouns.get(lemma):
            return None  # no noun decides this verb's reading: nothing to find in its objects' heads
        for noun in objs:
            if " " in noun:
                continue  # a phrase ("zu vorwürfen", "angemessen antwort") is no compound
            for cut in range(2, len(noun) - 3):
                if noun[:cut] in self.bound_prefixes:
                    continue
                head = noun[cut:].lstrip("-")
                hit = self.light.get((lemma, head))
                if hit is not None:
                    return hit, noun
                pred = next((p for p in gated if head in p.objects[self.lang]), None)
                if pred is not None:
                    return pred, noun
        return None


@cache
def deed_nouns(lang: str) -> frozenset[str]:
    """Nouns that name an act or a thing acted on in ``lang`` (the lexicon's light-verb and object nouns:
    "resolution", "Sanktionen", "decree"): never an actor, so a name compounded before one only modifies
    it ("a UN Security Council resolution" is no Council)."""
    lex = lexicon(lang)
    nouns = {n for _, n in lex.light if " " not in n} | set(lex.event_nouns)
    # (objects of speech acts are documents and decisions; those of events include ships, groups, people)
    nouns |= {n for p in PREDICATES.values() if p.kind == "speech" for n in p.objects.get(lang, ()) if " " not in n}
    # what events are done to or with (ships, troops, armies, groups) may itself be an actor
    nouns -= {
        n for p in PREDICATES.values() if p.kind != "speech" or p.envoy_roles or p.actor_target
        for n in p.objects.get(lang, ())
    }  # fmt: skip
    nouns -= {"group", "service", "force", "forces", "unit", "team", "party", "gruppe", "dienst", "partei"}
    return frozenset(n.lower() for n in nouns)


@cache
def lexicon(lang: str) -> PredicateLexicon:
    verbs: dict[str, list[Predicate]] = {}
    light: dict[tuple[str, str], Predicate] = {}
    for pred in PREDICATES.values():
        for lemma in pred.lemmas.get(lang, ()):
            verbs.setdefault(lemma, []).append(pred)
        for pair in pred.light.get(lang, ()):
            light[pair] = pred
    # Ungated readings first, so lookup meets the plain reading before gated ones.
    ordered = {k: tuple(sorted(v, key=lambda p: p.gated(lang, k))) for k, v in verbs.items()}
    by_verb: dict[str, set[str]] = {}
    for verb, noun in light:
        by_verb.setdefault(verb, set()).add(noun)
    events = {noun: pred for pred in PREDICATES.values() for noun in pred.nouns.get(lang, ())}
    firsts = frozenset(v.split(" ", 1)[0] for v in ordered if " " in v)
    grammar = get_language(lang).toml("entity_grammar")
    return PredicateLexicon(
        lang, ordered, light, frozenset(by_verb), {v: frozenset(nouns) for v, nouns in by_verb.items()}, events,
        firsts, bool(grammar.get("closed_compounds", False)),
        frozenset(w.lower() for w in grammar.get("bound_prefixes", ())),
    )
