"""Frames: the vocabulary verbs of a sentence, each with the predicate its lexicon entry gives.

A frame is a verb whose lemma (with its separable particle, "wies ... zurück" -> ``zurückweisen``,
or a preposition that completes it, "called on") or whose light-verb construction ("Sanktionen
verhängen", "mit einem Veto drohen") is in the lexicon.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from kg.extract.phrases import Phrases
from kg.extract.syntax import VERBAL_POS, SentenceSyntax, finite
from kg.extract.verb_arguments import VerbArguments
from kg.predicates import Predicate


class Frame(NamedTuple):
    """A verb the lexicon knows, its predicate, the lemma it was found under and the light noun, if any."""

    verb: Token
    pred: Predicate
    lemma: str
    noun: str | None


def find_frames(syn: SentenceSyntax, args: VerbArguments, phrases: Phrases) -> list[Frame]:
    """The frames of the sentence, in token order."""
    frames = []
    roots = syn.s.labels("root")
    for tok in syn.tokens:
        # A word with a separable particle is a verb whatever a weak tagger says ("rief ... auf" as ADV).
        if tok.pos_ not in VERBAL_POS and tok.dep_ not in roots and not syn.ch(tok, "particle"):
            continue
        frame = _frame(syn, args, phrases, tok)
        if frame is not None:
            frames.append(frame)
    return frames


def _frame(syn: SentenceSyntax, args: VerbArguments, phrases: Phrases, tok: Token) -> Frame | None:
    """The frame ``tok`` opens, if the lexicon knows it with its particles, objects or prepositions."""
    particles = syn.ch(tok, "particle") or _stray_particles(syn, tok)
    # "Kim stepped down", "pulled back": an adverb right after the verb, parsed as a modifier, may be the
    # particle of a phrasal verb of the lexicon (only lexicon verbs match).
    particles += [c for c in syn.ch(tok, "modifier") if c.pos_ == "ADV" and c.i == tok.i + 1 and c not in particles]
    if syn.cues.prepositional_verbs:
        # "called on Moscow": the preposition completes the verb like a particle.
        # Not one of time: "called a strike ... on Monday" is no "call on".
        particles += [
            c for c in syn.ch(tok, "oblique")
            if c.pos_ == "ADP" and c.i > tok.i
            and not any(n.ent_type_ in ("DATE", "TIME") for n in syn.ch(c, "prepositional_object"))
        ]  # fmt: skip
    particles += _directive_markers(syn, args, tok)
    forms = syn.cues.verb_lemmas(tok, particles)
    lemmas = _prepositional_lemmas(syn, args, tok, forms) + syn.cues.candidates(forms)
    if not lemmas:
        return None
    # Object heads, and nouns behind a preposition as "prep noun" ("mit einem Veto drohen").
    heads = args.object_tokens(tok)
    # "suspended most of the new tariffs": the noun a quantity is taken of (after the heads themselves).
    # Only a quantity or container looks through ("most of the tariffs", "a package of sanctions", "one of
    # its largest missile and drone attacks"; a number or pronoun reaches further); "the suspension of its
    # aid" is no aid.
    containers = syn.cues.container_nouns
    # (a counted noun is a quantity too: "100 million euros in humanitarian aid", "two tonnes of food")
    quantities = syn.cues.quantity_nouns
    heads += [n for o in heads if o.pos_ in ("NUM", "PRON", "DET", "ADJ") or o.lemma_.lower() in containers
              or o.lower_ in quantities
              or any(c.pos_ == "NUM" and c.i < o.i for c in syn.kids.get(o.i, ()))
              for c in syn.kids.get(o.i, ()) if c.i > o.i for n in phrases.pp_noun(c)
              if n.pos_ == "NOUN" and n.i - o.i <= (8 if o.pos_ in ("NUM", "PRON") else 4)]  # fmt: skip
    # ("Zehntausende Soldaten" with the noun parsed as the quantity's apposition: no preposition between them)
    heads += [c for o in list(heads) if o.lower_ in quantities or o.pos_ in ("NUM", "ADJ")
              for c in syn.kids.get(o.i, ()) if c.pos_ == "NOUN" and 0 < c.i - o.i <= 3]  # fmt: skip
    # "declared martial law", "launched joint patrols": a modifier right before the head makes a two-word
    # noun of the lexicon, tried first because it is the more specific reading.
    objects = tuple(
        f"{m.lemma_} {o.lemma_}" for o in heads for m in syn.kids.get(o.i, ()) if m.i == o.i - 1 and m.pos_ != "DET"
    )
    objects += tuple(o.lemma_ for o in heads)
    # A weak lemmatizer's miss ("Kriegsgefangene" -> "Kriegsgefangen") must not hide a lexicon noun.
    objects += tuple(o.text for o in heads if o.lower_ != o.lemma_.lower())
    preps = [(prep, n) for prep, n in args.prep_args(tok) if prep]
    # "ist vom Strafgerichtshof zu 30 Jahren Haft verurteilt worden": a phrase the parse hung on the verb's
    # prepositional noun may be the verb's own; it only decides a reading, it is never read as an argument.
    preps += [
        (k.lower_, c) for _, n in list(preps) for c in syn.kids.get(n.i, ()) if c.i > n.i and c.pos_ == "NOUN"
        for k in syn.ch(c, "case") if k.pos_ == "ADP"
    ]  # fmt: skip
    # "stellte Bazoum unter Hausarrest", "nahm den Reporter in Gewahrsam": so may a phrase hung on the object.
    preps += [
        (c.lower_ if c.pos_ == "ADP" else syn.ch(n, "case")[0].lower_, n)
        for o in heads for c in syn.kids.get(o.i, ()) if c.i > o.i for n in phrases.pp_noun(c)
    ]  # fmt: skip
    # "suspended Gabon from all of its bodies": a quantity or pronoun looks through to the noun it is taken of
    preps += [
        (prep, m) for prep, n in list(preps) if n.pos_ in ("DET", "PRON", "NUM") or n.lower_ in quantities
        for c in syn.kids.get(n.i, ()) if c.i > n.i for m in phrases.pp_noun(c) if m.pos_ == "NOUN"
    ]  # fmt: skip
    objects += tuple(f"{prep} {n.lemma_}" for prep, n in preps)
    objects += tuple(f"{prep} {n.text}" for prep, n in preps if n.lower_ != n.lemma_.lower())
    # "macht Israel für den Angriff verantwortlich": a predicative adjective completes the construction.
    # (a weak parse may hang it as a modifier or a conjunct, or elsewhere when it stands right before a
    # clause-final verb: "hat ... für den Angriff verantwortlich gemacht")
    objects += tuple(
        c.lemma_
        for c in syn.ch(tok, "open_complement", "predicative", "clausal_complement", "modifier", "conjunct")
        if c.pos_ == "ADJ"
    )
    if tok.i > syn.span.start and syn.span.doc[tok.i - 1].pos_ == "ADJ":
        objects += (syn.span.doc[tok.i - 1].lemma_,)
    hit = syn.cues.predicate_for(tok, particles, objects, lemmas)
    if hit is None:
        return None
    lemma, pred, noun = hit
    return Frame(tok, pred, lemma, noun)


def _prepositional_lemmas(syn: SentenceSyntax, args: VerbArguments, tok: Token, bases: list[str]) -> list[str]:
    """"verb prep" lexicon lemmas a prepositional phrase of the verb completes, in any attachment style
    ("stimmten gegen die Zölle": "stimmen gegen"; "sprach sich für X aus": "aussprechen für"). ``bases``: the
    verb's candidate lemmas (:meth:`LanguageCues.verb_lemmas`)."""
    if syn.cues.prepositional_verbs:
        return []  # (the language's parses hang the preposition on the verb: read as a particle above)
    firsts = syn.cues.lexicon.multiword_firsts
    if not any(b in firsts for b in bases):
        return []  # no "verb prep" entry for this verb: a set lookup, before any parse is read
    # only the verb's own phrases ("sprach von einer Gefahr für die Einheit Europas" is no "sprechen für"),
    # never a date ("agreed on Tuesday"); the first after the verb, else (a clause-final verb: "hat sich gegen
    # eine Beteiligung ausgesprochen") the nearest before it that makes a lexicon entry
    own = sorted(
        (n.i, prep) for prep, n in args.prep_args(tok)
        if prep and " " not in prep and n.ent_type_ not in ("DATE", "TIME") and n.lower_ not in syn.cues.time_nouns
    )  # fmt: skip
    def lemmas(prep: str) -> list[str]:
        return [lemma for b in bases if syn.cues.lexicon.has_verb(lemma := f"{b} {prep}")]

    after = [prep for i, prep in own if i > tok.i]
    if after:
        return lemmas(after[0])
    return next((found for i, prep in reversed(own) if i < tok.i and (found := lemmas(prep))), [])


def _directive_markers(syn: SentenceSyntax, args: VerbArguments, tok: Token) -> list[Token]:
    """The marker of an infinitive after the verb's object ("told Netanyahu [to] halt"), for the
    language's ``directive_markers``: with it the verb reads as its "verb marker" entry, if any."""
    markers = syn.cues.directive_markers
    if not markers:
        return []
    # (a "verb to" entry must exist before the verb's objects are read)
    verbs = syn.cues.lexicon.verbs
    if not any(f"{b} {m}" in verbs for b in syn.cues.verb_lemmas(tok, []) for m in markers):
        return []
    if not args.object_tokens(tok):
        return []
    return [
        m for c in syn.ch(tok, "open_complement", "clausal_complement") if c.i > tok.i
        for m in syn.span.doc[c.left_edge.i : c.i] if m.lower_ in markers and m.head.i == c.i
    ]  # fmt: skip


def _stray_particles(syn: SentenceSyntax, tok: Token) -> list[Token]:
    """A separable particle the parse hung elsewhere in ``tok``'s clause ("wies die Vorwürfe als
    „unbegründet“ zurück", with "zurück" under "unbegründet"): the next particle after a finite verb,
    before any comma or other finite verb."""
    if syn.cues.particle_join != "prefix":
        return []  # only separable verbs leave their particle at the clause end ("called on X to come up")
    if not finite(tok):
        return []
    labels = syn.s.labels("particle")
    for t in syn.span.doc[tok.i + 1 : syn.span.end]:
        if t.text == "," or (t.pos_ in ("VERB", "AUX") and t.morph.get("Person") and syn.ch(t, "subject")):
            return []  # another clause: its own finite verb with its own subject
        if t.dep_ in labels:
            return [t] if t.head.i != tok.i else []
        if _clause_final_particle(syn, t):
            return [t]
    return []


def _clause_final_particle(syn: SentenceSyntax, t: Token) -> bool:
    """A separable particle at its clause's end the parse took for an adverb ("stellte ... Hilfe [bereit]/ADV",
    maybe with phrases of the clause hung on it): a word of the language's particles right before the comma
    or the sentence's end (only a lexicon verb joined with it opens a frame)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    end = nxt is None or nxt.is_punct or nxt.i >= syn.span.end
    return end and not t.n_rights and t.lower_ in syn.cues.separable_particles and t.pos_ in ("ADV", "ADJ", "ADP")
