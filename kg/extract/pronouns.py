"""Pronouns: the one compatible person of the most recent sentence that mentions one.

Gender comes from the gazetteer, else from an honorific or title ("Frau", "Mr."); unknown is
compatible with either. At most two sentences back; two candidates there leave the pronoun
unresolved. A form that may be plural (German "sie") needs singular morphology and no plural verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.entities import RawMention
from kg.lang import scheme_labels

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

_PRONOUN_SENTENCE_WINDOW = 2


def resolve_pronoun(a: Analyzer, m: RawMention) -> None:
    """Resolve pronoun ``m`` to the one compatible person of the nearest earlier sentence naming any."""
    tok = a.doc[m.start]
    if m.number != "sing" and not _singular(a, tok):
        return
    sent = a.sent_of[m.start]
    by_sentence: dict[int, list[str]] = {}
    for f in a.found:
        if f.start >= m.start:
            break
        if f.via == "pronoun" or a.info[f.key].type != "Person":
            continue
        if sent - a.sent_of[f.start] > _PRONOUN_SENTENCE_WINDOW:
            continue
        if _gender(a, f.key) in (None, m.value):
            by_sentence.setdefault(a.sent_of[f.start], []).append(f.key)
    if sent in by_sentence and set(by_sentence[sent]) <= _subject_heads(a, tok):
        # "Lindner trat zurück. Scholz warf ihm vor": the one person before it in its own sentence is its
        # clause's subject, which an object pronoun never is (that would be "sich"): an earlier person is meant
        del by_sentence[sent]
    if not by_sentence:
        return
    candidates = set(by_sentence[max(by_sentence)])
    if len(candidates) > 1 and a.sent_of[m.start] == max(by_sentence):
        # "Scholz telefonierte mit Xi und forderte ihn auf": an object pronoun is never its own clause's
        # subject (that would be "sich"), so of two people the other one is meant
        candidates -= _clause_subjects(a, tok)
    if len(candidates) == 1:
        key = candidates.pop()
        a._add(m.start, m.end, a.info[key], "pronoun", 0.7, None)


def _clause_subjects(a: Analyzer, tok: Token) -> set[str]:
    """Keys of the subject of the clause an object pronoun ``tok`` belongs to (also of the verb its verb is a
    conjunct of, whose subject it shares); empty for a subject pronoun or without a parse."""
    if not _object_pronoun(a, tok):
        return set()
    verb = tok.head
    verbs = [verb, verb.head] if verb.dep_ in scheme_labels("conjunct") else [verb]
    subjects = scheme_labels("subject")
    spans = [(s.left_edge.i, s.right_edge.i) for v in verbs for s in v.children if s.dep_ in subjects]
    return {f.key for f in a.found for lo, hi in spans if lo <= f.start <= hi and f.via != "pronoun"}


def _subject_heads(a: Analyzer, tok: Token) -> set[str]:
    """Keys of the people whose name is the very subject of object pronoun ``tok``'s verb (not a possessor in the
    subject's phrase: "Berlusconi's government ... accused him"); empty for a subject pronoun."""
    if not _object_pronoun(a, tok):
        return set()
    heads = [s.i for s in tok.head.children if s.dep_ in scheme_labels("subject")]
    return {f.key for f in a.found for i in heads if f.start <= i < f.end and f.via != "pronoun"}


def _object_pronoun(a: Analyzer, tok: Token) -> bool:
    """Whether pronoun ``tok`` is an object of its verb (direct, indirect or oblique), by the parse."""
    objects = scheme_labels("object") | scheme_labels("indirect_object") | scheme_labels("oblique")
    return a.has_dep and tok.dep_ in objects


def _singular(a: Analyzer, tok: Token) -> bool:
    """Morphology says a number-ambiguous pronoun ("sie") is singular, and its clause's verb agrees."""
    if tok.morph.get("Number") != ["Sing"]:
        return False
    if not a.has_dep:
        return True
    verb = tok.head
    for _ in range(4):  # the nearest verb above the pronoun ("sie Kriegsverbündete sind")
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    verbs = [verb, *(c for c in verb.children if c.pos_ == "AUX")]
    return not any("Plur" in v.morph.get("Number") for v in verbs if v.pos_ in ("VERB", "AUX"))


def _gender(a: Analyzer, key: str) -> str | None:
    """A person's gender: the gazetteer's, else what an honorific or title told."""
    rec = a.recs.get(key)
    return rec.gender if rec is not None else a.info[key].gender
