"""Parse repairs of a clause a parser hung on its finite auxiliary, made before anything reads the parse.

A small German news parser often hangs a perfect-tense clause on its finite auxiliary: in "Die
Polizei hat den Bürgermeister in seinem Haus festgenommen" the subject and object become children of
"hat", and "festgenommen" its ``xcomp`` (or "hat" an ``aux`` that still holds the arguments). Every
reader then asks the participle for its subject and objects and finds none. In a Universal
Dependencies analysis the content verb heads its clause, so the repair moves the auxiliary's
arguments to the verb and puts the verb where the auxiliary was.

Which words are auxiliaries is language data (``clause_auxiliaries`` in ``kg/lang/<xx>/verbs.toml``);
a language without the list, or a scheme where auxiliaries head their verb by design (TIGER), is left
as parsed.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.deps import Scheme
from kg.extract.syntax import finite, take_place

#: Words of a noun phrase before its head: "a [new ceasefire] deal".
_NOMINAL_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})

#: Verb forms an auxiliary combines with: past participle, infinitive.
_NONFINITE = frozenset({"Part", "Inf"})


def lift_auxiliary_arguments(doc: Doc, scheme: Scheme, auxiliaries: Iterable[str]) -> int:
    """Move the arguments a parse hung on an auxiliary to its verb; the number of clauses repaired."""
    aux_lemmas = frozenset(a.lower() for a in auxiliaries)
    if not aux_lemmas or scheme.aux_heads_verb or not doc.has_annotation("DEP"):
        return 0
    aux_labels = scheme.labels("auxiliary")
    complement = scheme.labels("open_complement", "clausal_complement", "object")
    copulas, subjects = scheme.labels("predicative"), scheme.labels("subject")
    repaired = 0
    for aux in list(doc):
        # (a tagger may call a perfect-tense "haben" a full verb: the non-finite verb it closes decides)
        if aux.pos_ not in ("AUX", "VERB") or aux.lemma_.lower() not in aux_lemmas:
            continue
        verb = _verb_of(aux, aux_labels, complement)
        if verb is None:
            continue
        # In UD an auxiliary governs nothing: whatever the parse hung on it belongs to the verb.
        movers = [c for c in aux.children if c.i != verb.i]
        if verb.is_ancestor(aux):
            # The verb already governs the auxiliary's phrase: only the auxiliary's arguments move (and the
            # auxiliary itself, if it hangs lower down: re-rooting the verb there would make a cycle).
            if aux.head.i == verb.i and not movers:
                continue
            if aux.dep_ in copulas and aux.head.pos_ in _NOMINAL_WORDS:
                # "Truppen haben die Hafenstadt ... angegriffen" with "haben" a copula of the object: the
                # subject the parse gave that noun is the verb's
                movers += [c for c in aux.head.children if c.dep_ in subjects]
            if aux.head.i != verb.i:
                aux.head, aux.dep_ = verb, "aux"
        elif aux.dep_ in copulas and aux.head.pos_ in _NOMINAL_WORDS and aux.head.is_ancestor(verb):
            # "Truppen haben die Hafenstadt Odessa ... angegriffen" parsed as "haben" a copula of the object
            # "Hafenstadt", the clause's root, with the participle below it: the participle takes the noun's
            # place, the noun becomes its object, the subject the parse gave the noun is the verb's, and a
            # name right after the noun (made the participle's subject) is the noun's apposition.
            noun = aux.head
            take_place(verb, noun)
            noun.head, noun.dep_ = verb, scheme.label("object") or "obj"
            movers += [c for c in noun.children if c.dep_ in subjects or c.i < aux.i]
            for c in list(verb.children):
                if c.dep_ in subjects and c.i == noun.i + 1 and c.pos_ == "PROPN":
                    c.head, c.dep_ = noun, scheme.label("apposition") or "appos"
            aux.head, aux.dep_ = verb, "aux"
        elif aux.dep_ not in aux_labels:
            # The auxiliary heads the clause: the verb takes its place, the auxiliary goes below it.
            # The verb first takes the auxiliary's head (itself at the root), then the auxiliary hangs
            # below it, so the tree never has a cycle.
            take_place(verb, aux)
            aux.head = verb
            aux.dep_ = "aux"
        elif not movers:
            continue
        for c in movers:
            c.head = verb
        repaired += 1
    return repaired


def _verb_of(aux: Token, aux_labels: frozenset[str], complement: frozenset[str]) -> Token | None:
    """The non-finite verb ``aux`` belongs to: its head when it is attached as an auxiliary, else its
    nearest non-finite verb complement to the right ("hat ... verhängt")."""
    if aux.dep_ in aux_labels:
        head = aux.head
        return head if head.i > aux.i and head.pos_ in ("VERB", "AUX") else None
    for c in aux.rights:
        if c.dep_ in complement and c.pos_ == "VERB" and _nonfinite(c):
            return c
    if not finite(aux):
        return None
    return _right_bracket(aux)


def _nonfinite(tok: Token) -> bool:
    """A participle or infinitive (a weak morphologizer may leave the form unset: no finite features)."""
    forms = set(tok.morph.get("VerbForm"))
    return bool(_NONFINITE & forms) or not (forms or tok.morph.get("Person"))


def _right_bracket(aux: Token) -> Token | None:
    """The non-finite verb closing a finite auxiliary's main clause, whatever the parse made of it
    ("Die Polizei hat den Oppositionsführer, einen Gegner des Präsidenten, festgenommen", with the
    participle as a relative clause of "Oppositionsführer").

    The verb is the first one after the auxiliary that is non-finite or ends the clause (a participle
    like "verhängt" is also a present-tense form, and a tagger may say so), with no other verb,
    relative pronoun or subordinator between them, no subject of its own, and no finite verb right
    after it (which would make it part of a subordinate clause: "..., die gelöst werden müssen").
    """
    sent = aux.sent
    # ("Truppen haben die Hafenstadt Odessa angegriffen": the fronted subject is the clause's; a subject the
    # parse gave the closing verb after the auxiliary is a misread object or name)
    fronted_subject = any(t.dep_.startswith("nsubj") for t in aux.doc[sent.start : aux.i])
    for tok in aux.doc[aux.i + 1 : sent.end]:
        if tok.pos_ == "SCONJ" or "Rel" in tok.morph.get("PronType"):
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        after = next((t for t in aux.doc[tok.i + 1 : sent.end] if t.text not in ("„", "“", '"')), None)
        final = after is None or after.is_punct
        if not (_nonfinite(tok) or (final and tok.pos_ == "VERB")):
            return None
        if any(c.dep_.startswith("nsubj") for c in tok.children) and not fronted_subject:
            return None  # (its own subject: a subordinate clause's verb, unless the subject stands before aux)
        if after is not None and after.pos_ in ("VERB", "AUX") and not _nonfinite(after):
            return None
        return tok if tok.pos_ == "VERB" else None
    return None
