"""Triage's marks: which sentences of the cheap pass may hold a fact (see :mod:`kg.extract.triage`).

The rough sentences of the tokenizer and a rule-based splitter, and for each a mark: kept for sure (a
gazetteer hit, an actor or sector noun, a quotation, a capitalised word where only names have
capitals), maybe (a possible name with a lexicon trigger: kept if NER alone finds a name), or skipped.
Every word comes from the language data (``kg/lang/<xx>/``), none from code.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.pipeline import Pipe, Sentencizer
from spacy.tokens import Doc

from kg.extract.cues import cues_for
from kg.extract.entities import matcher_for
from kg.extract.sectors import find_sector_noun
from kg.gazetteer import lexicon as gazetteer_lexicon
from kg.lang import get_language

#: Shortest part of a word that counts: a separable verb's base ("zurückweisen" -> "weisen"), a
#: closed compound's head noun ("Verteidigungsministerium" -> "ministerium").
MIN_PART = 5


@dataclass(frozen=True)
class TriageWords:
    """The marks of one language, built once from its data (``kg/lang/<xx>/``, the gazetteer)."""

    code: str
    #: verbs of the predicate lexicon (light verbs too), a phrasal verb's first word, a separable
    #: verb's base (lower case)
    verbs: frozenset[str]
    #: nouns that name an event ("attack", "Angriff")
    nouns: frozenset[str]
    #: actor nouns of the gazetteer (lower case)
    actor_nouns: frozenset[str]
    #: endings a noun may take ("entity_grammar.toml" ``noun_suffixes``)
    noun_suffixes: tuple[str, ...]
    #: whether nouns are written as one word with their modifiers ("Verteidigungsministerium")
    closed_compounds: bool
    #: opening and closing quotation marks
    quote_marks: frozenset[str]
    #: whether a capitalised word inside a sentence is a sign of a name
    name_capitals: bool

    def is_trigger(self, word: str) -> bool:
        """``word`` may be a verb or event noun of the predicate lexicon (any inflected form)."""
        cues = cues_for(self.code)
        if word in self.verbs or cues.verb_forms.get(word) in self.verbs:
            return True
        if any(lemma in self.verbs for lemma in cues.regular_lemmas(word)):
            return True
        return any(noun in self.nouns for noun in self._noun_forms(word))

    def is_actor_noun(self, word: str) -> bool:
        """``word`` may be an actor or sector noun ("government", "Regierungen", "Innenministeriums")."""
        forms = self._noun_forms(word)
        if self.closed_compounds:
            forms += [f[k:] for f in forms for k in range(1, len(f) - MIN_PART + 1)]
        return any(f in self.actor_nouns or find_sector_noun(self.code, f) is not None for f in forms)

    def _noun_forms(self, word: str) -> list[str]:
        return [word] + [word[: -len(s)] for s in self.noun_suffixes if word.endswith(s) and len(word) > len(s) + 3]


@cache
def triage_words(code: str) -> TriageWords:
    """The marks of language ``code``."""
    data = get_language(code)
    cues = cues_for(code)
    lex = cues.lexicon
    gaz = gazetteer_lexicon(code)
    verbs: set[str] = set()
    for lemma in [*lex.verbs, *lex.light_verbs]:
        words = lemma.lower().split()
        verbs.add(words[0])
        if cues.particle_join == "prefix":  # "zurückweisen": "wies ... zurück" shows "weisen"
            verbs.update(words[0][k:] for k in range(1, len(words[0]) - MIN_PART + 1))
    settings = data.toml("language").get("triage", {})
    return TriageWords(
        code=code,
        verbs=frozenset(verbs),
        nouns=frozenset(n.lower() for n in lex.event_nouns),
        # "beide Seiten", "both sides" stand for two states (kg/extract/reader.py): a sign of actors too
        actor_nouns=frozenset(w.lower() for w in gaz.actor_nouns) | {p.split()[-1] for p in cues.pair_nouns},
        noun_suffixes=tuple(gaz.grammar.get("noun_suffixes", ())),
        closed_compounds=bool(gaz.grammar.get("closed_compounds", False)),
        quote_marks=frozenset(ch for pair in cues.quote_pairs for ch in pair),
        name_capitals=bool(settings.get("name_capitals", True)),
    )


@cache
def _sentencizer() -> Sentencizer:
    return Sentencizer()


_SPACE_PROBE = "Aaa bbb ccc.\n\nDdd eee fff."
#: pipeline -> its answer; weak keys, so a pipeline let go of does not leave its answer to another
_space_joins_next: weakref.WeakKeyDictionary[Language, bool] = weakref.WeakKeyDictionary()


def space_joins_next(nlp: Language) -> bool:
    """Whether ``nlp``'s parser puts a paragraph break ("\\n\\n") into the sentence after it.

    Pipelines differ (the shared German one: after; en_core_web_sm: before), and evidence text and
    offsets include the break, so the rough sentences must put it where the parser would. Asked of
    the pipeline itself, once.
    """
    if nlp not in _space_joins_next:
        probe = nlp(_SPACE_PROBE)
        space = next((t for t in probe if t.is_space), None)
        _space_joins_next[nlp] = bool(space is not None and space.is_sent_start)
    return _space_joins_next[nlp]


def rough_sentences(doc: Doc, space_first: bool = True) -> list[tuple[int, int]]:
    """``(start, end)`` token ranges of the rule-based sentences of a tokenized ``doc``.

    ``space_first``: whitespace between two sentences opens the second (else it closes the first).
    """
    if len(doc) == 0:
        return []
    (guesses,) = _sentencizer().predict([doc])  # read, not set: the doc stays as the tokenizer made it
    starts = [0]
    for tok in doc[1:]:
        if guesses[tok.i]:
            i = tok.i
            while not space_first and i < len(doc) and doc[i].is_space:
                i += 1
            if i < len(doc) and i > starts[-1]:
                starts.append(i)
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


#: What the cheap pass says of a rough sentence.
SKIP, MAYBE, SURE = 0, 1, 2


def keep_marks(doc: Doc, code: str, sentences: list[tuple[int, int]]) -> list[int]:
    """Per rough sentence: :data:`SURE`, :data:`MAYBE` or :data:`SKIP` (see the module docstring).

    *Sure* is a sign of a mention: a gazetteer hit or pronoun, an actor or sector noun, a quotation,
    a capitalised word inside the sentence where only names are capitalised. *Maybe* is a possible
    name (the capitalised first word, unless a stop word; any capitalised word where nouns are
    capitalised too) together with a trigger of the predicate lexicon: a name that only NER can find
    matters only if the sentence can say something about it.
    """
    words = triage_words(code)
    marked = [False] * len(doc)
    for m in matcher_for(code, doc.vocab)(doc):
        for i in range(m.start, m.end):
            marked[i] = True
    memo: dict[tuple[str, int], bool] = {}

    def lookup(word: str, what: int) -> bool:
        hit = memo.get((word, what))
        if hit is None:
            hit = memo[(word, what)] = words.is_actor_noun(word) if what else words.is_trigger(word)
        return hit

    marks = []
    in_quote = False
    for start, end in sentences:
        sure, maybe_name, trigger = in_quote, False, False
        first = True
        for tok in doc[start:end]:
            text = tok.text
            if any(q in text for q in words.quote_marks):
                sure = True
                in_quote = not in_quote
                continue
            if sure or tok.is_space or tok.is_punct:
                continue
            capital = text[:1].isupper()
            if marked[tok.i] or lookup(tok.lower_, 1) or (capital and words.name_capitals and not first):
                sure = True
            elif capital and not (first and tok.is_stop):
                maybe_name = True
            trigger = trigger or lookup(tok.lower_, 0)
            first = False
        marks.append(SURE if sure else MAYBE if maybe_name and trigger else SKIP)
    return marks


def independent_ner(nlp: Language) -> Pipe | None:
    """The pipeline's NER component if it has its own token vectors (no listener of a shared tok2vec).

    Then it can run on a sentence alone, cheaply, to tell whether a *maybe* sentence names anything.
    """
    if "ner" not in nlp.pipe_names:
        return None
    for _, proc in nlp.pipeline:
        if "ner" in getattr(proc, "listening_components", ()):
            return None
    return nlp.get_pipe("ner")
