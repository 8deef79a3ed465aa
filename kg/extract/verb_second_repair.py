"""Parse repairs of main clauses that open with something other than their subject.

In a verb-second language the subject often follows the finite verb ("Zuvor hatte Selenskyj den Westen um
Waffen gebeten", "Bereits im Sommer hatte Polen Truppen verlegt"). A small parser trained on few such
clauses gets two things wrong there, and the clause then has no subject:

- a capitalised adverb at the start is read as a name or noun and made the subject ("Zuvor", "Unterdessen",
  "Anschließend"): which words open a clause as adverbs is language data (``fronted_adverbs.txt``);
- the name right after the finite verb is read as the possessor of the noun after it ("hatte [Polen]
  Truppen verlegt" as if "Polens Truppen"). Where the language marks a prenominal possessor with a genitive
  ending (``genitive_suffixes`` in ``entity_grammar.toml``: "Polens", "Russlands"), a name without one is no
  possessor: it is the clause's subject.

Both run before anything reads the parse and speak abstract roles (:mod:`kg.extract.deps`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from kg.extract.deps import Scheme
from kg.extract.syntax import finite
from kg.lang import get_language


@dataclass(frozen=True)
class ClauseOpenings:
    """What a language says about the front of its main clauses."""

    #: adverbs that open a main clause ("Zuvor", "Anschließend"), never its subject
    fronted_adverbs: frozenset[str]
    #: genitive endings of names ("Polens"); where there are some, a bare name before a noun is no possessor
    genitive_suffixes: tuple[str, ...]
    #: endings after which a name takes no genitive ending, so that its bare form may be a genitive ("Belarus")
    genitive_blocked_after: tuple[str, ...] = ()

    def may_be_genitive(self, name: str) -> bool:
        """Whether ``name`` may be a genitive: it ends in a genitive ending, or in one that takes none."""
        return name.lower().endswith(self.genitive_suffixes + self.genitive_blocked_after)


@cache
def clause_openings(lang: str) -> ClauseOpenings:
    """The clause-opening data of ``lang`` (``fronted_adverbs.txt``, ``entity_grammar.toml``)."""
    data = get_language(lang)
    grammar = data.toml("entity_grammar")
    return ClauseOpenings(
        frozenset(w.lower() for w in data.lines("fronted_adverbs")),
        tuple(grammar.get("genitive_suffixes", ())),
        tuple(grammar.get("genitive_blocked_after", ())),
    )


def demote_fronted_adverbs(doc: Doc, scheme: Scheme, adverbs: frozenset[str]) -> int:
    """Label a clause-opening adverb the parse made an argument an adverbial; the number relabelled."""
    modifier = scheme.label("modifier")
    arguments = scheme.labels("subject", "object", "indirect_object", "oblique", "apposition", "name_part")
    if not adverbs or modifier is None or not doc.has_annotation("DEP"):
        return 0
    relabelled = 0
    for sent in doc.sents:
        t = next((w for w in sent if not w.is_punct), None)
        if t is None or t.text.lower() not in adverbs or t.dep_ not in arguments:
            continue
        if any(not c.is_punct for c in t.children):
            continue  # heads a phrase of its own: not the bare adverb
        t.pos_, t.dep_ = "ADV", modifier
        relabelled += 1
    return relabelled


def subjects_from_bare_possessors(doc: Doc, scheme: Scheme, openings: ClauseOpenings) -> int:
    """Make a name without a genitive ending, parsed as the possessor of the noun after it and standing right
    after the finite verb, the subject of that verb's clause; the number repaired."""
    genitives, subjects = scheme.labels("genitive"), scheme.labels("subject")
    auxiliaries = scheme.labels("auxiliary", "passive_auxiliary")
    subject = scheme.label("subject")
    if not openings.genitive_suffixes or subject is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for t in doc:
        if t.dep_ not in genitives or t.pos_ != "PROPN" or t.head.i <= t.i or any(True for _ in t.children):
            continue
        if openings.may_be_genitive(t.text) or t.i == 0:
            continue
        fin = t.doc[t.i - 1]
        if fin.pos_ not in ("VERB", "AUX") or not finite(fin) or fin.i == fin.sent.start:
            continue
        verb = fin.head if fin.dep_ in auxiliaries else fin
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in subjects for w in (fin, verb) for c in w.children):
            continue  # the clause has its subject (a fronted adverb taken for one is relabelled before)
        t.head, t.dep_ = verb, subject
        repaired += 1
    return repaired


def demote_time_subjects(doc: Doc, scheme: Scheme, time_nouns: frozenset[str]) -> int:
    """Label a phrase of time the parse made a second subject ("Nur wenige [Stunden] später warfen sich beide
    Seiten vor") a temporal adverbial: a time says when, and the verb keeps its one real subject."""
    subjects, temporal = scheme.labels("subject"), scheme.label("temporal") or scheme.label("oblique")
    if not time_nouns or temporal is None or not doc.has_annotation("DEP"):
        return 0
    relabelled = 0
    for verb in doc:
        subs = [c for c in verb.children if c.dep_ in subjects]
        times = [c for c in subs if c.lower_ in time_nouns or c.lemma_.lower() in time_nouns]
        if len(subs) >= 2 and 0 < len(times) < len(subs):
            for c in times:
                c.dep_ = temporal
                relabelled += 1
    return relabelled


def subjects_from_counted_people(
    doc: Doc, scheme: Scheme, quantities: frozenset[str], time_nouns: frozenset[str]
) -> int:
    """Make a counted phrase after a verb without a subject the verb's subject ("In Belgrad protestierten am
    Wochenende Zehntausende Menschen gegen Korruption"): the parse hung it on the place or made it an oblique
    of the day before it ("am Wochenende Zehntausende"), whose preposition then looked like its own."""
    subjects, case, subject = scheme.labels("subject"), scheme.labels("case"), scheme.label("subject")
    objects, conjuncts = scheme.labels("object", "indirect_object"), scheme.labels("conjunct")
    oblique = scheme.label("oblique")
    if not quantities or subject is None or oblique is None or not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for q in doc:
        if q.lower_ not in quantities and q.lemma_.lower() not in quantities:
            continue
        verb = next((h for h in q.ancestors if h.pos_ == "VERB"), None)
        if verb is None or verb.i > q.i or any(c.dep_ in subjects for c in verb.children) or q.sent != verb.sent:
            continue
        if q.dep_ in objects or verb.dep_ in conjuncts or (q.i > 0 and doc[q.i - 1].pos_ == "CCONJ"):
            continue  # "haben ... bombardiert und Dutzende Zivilisten getötet": an object, the subject shared
        bare = [c for c in verb.children if c.i != q.i and c.pos_ in ("NOUN", "PROPN") and c.dep_ not in objects
                and not any(k.dep_ in case for k in c.children) and c.lower_ not in time_nouns]  # fmt: skip
        if bare:
            continue  # a bare phrase the parse mislabelled is the likelier subject ("haben Regierungstruppen ...")
        day = doc[q.i - 1] if q.i > 0 else None
        preps = [c for c in q.children if c.dep_ in case and c.i < q.i]
        if preps and day is not None and day.lower_ in time_nouns and preps[-1].i == day.i - 1:
            preps[-1].head, day.head, day.dep_ = day, verb, oblique  # "am Wochenende" is the day's phrase
            preps = preps[:-1]
        if preps:
            continue  # "mit Tausenden": an oblique, not who acted
        q.head, q.dep_ = verb, subject
        repaired += 1
    return repaired
