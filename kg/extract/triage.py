"""Sentence triage: parse only the sentences that can hold a fact, and keep the output unchanged.

Why: tok2vec, parser, NER, morphology and lemmas are nearly all of extraction's time (README,
"Performance"), and long articles are mostly sentences that name no actor ("Prices for heating oil
have risen by four percent."). Such a sentence gives no entity and no triple (every triple needs an
entity mention in its sentence, :mod:`kg.extract.relations`), so parsing it is wasted work.

How, per article:

1. **Cheap pass.** The tokenizer (the very tokens of the full path) and a rule-based sentence
   splitter (spaCy's ``Sentencizer``), nothing statistical.
2. **Marks.** A rough sentence is *kept* when it has a sign of a possible mention or fact, all read
   from the language data, never from word lists in code: a gazetteer hit (the extractor's own
   :class:`~kg.extract.entities.EntityMatcher`: names, family names, demonyms, role titles,
   compounds, pronouns), an actor or sector noun, a trigger of the predicate lexicon (verbs, light
   verbs and their nouns, event nouns; inflected forms through ``verb_forms.tsv`` and the
   inflection rules), a quotation mark (or being inside a quotation), and, where names are written
   with capitals and common nouns are not (``[triage] name_capitals`` in ``language.toml``), a
   capitalised word that does not open the sentence (a name the gazetteer does not know, for NER).
3. **Full pass.** Each run of kept sentences is parsed as one text by the whole pipeline; the runs
   of an article go through one ``nlp.pipe`` call.
4. **Reassembly.** The article's ``Doc`` is the parsed runs and the skipped sentences (tokens only,
   each skipped sentence a flat tree so that sentence indices stay those of the full path) put back
   together in order: same text, same tokens, same character offsets, so provenance is unchanged.

When a run's tokens do not come out equal to the cheap pass's (they always should: runs are cut at
whitespace), or the parser draws other sentence boundaries in a run than the rough ones (a sign that
the run's context changed its reading), the article falls back to the full path (counted). The
differences triage can still cause (NER or parser context at a run's edge, an unknown German name in
a sentence without any other mark) are measured by ``bench/triage_identity.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import numpy
from spacy.attrs import DEP, ENT_IOB, HEAD
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.extract.cues import cues_for
from kg.extract.entities import matcher_for
from kg.extract.sectors import find_sector_noun
from kg.gazetteer import lexicon as gazetteer_lexicon
from kg.lang import get_language

T = TypeVar("T")

#: Shortest part of a word that counts: a separable verb's base ("zurückweisen" -> "weisen"), a
#: closed compound's head noun ("Verteidigungsministerium" -> "ministerium").
MIN_PART = 5
_OUTSIDE = 2  # Token.iob_strings().index("O"): skipped tokens are outside any entity, as NER says


@dataclass
class TriageCounts:
    """What triage did: sentences seen by the cheap pass, and those sent to the full pipeline."""

    articles: int = 0
    sentences: int = 0
    parsed: int = 0
    fallbacks: int = 0


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
        actor_nouns=frozenset(w.lower() for w in gaz.actor_nouns),
        noun_suffixes=tuple(gaz.grammar.get("noun_suffixes", ())),
        closed_compounds=bool(gaz.grammar.get("closed_compounds", False)),
        quote_marks=frozenset(ch for pair in cues.quote_pairs for ch in pair),
        name_capitals=bool(settings.get("name_capitals", True)),
    )


@cache
def _sentencizer() -> Sentencizer:
    return Sentencizer()


_SPACE_PROBE = "Aaa bbb ccc.\n\nDdd eee fff."
_space_joins_next: dict[int, bool] = {}


def space_joins_next(nlp: Language) -> bool:
    """Whether ``nlp``'s parser puts a paragraph break ("\\n\\n") into the sentence after it.

    Pipelines differ (the shared German one: after; en_core_web_sm: before), and evidence text and
    offsets include the break, so the rough sentences must put it where the parser would. Asked of
    the pipeline itself, once.
    """
    key = id(nlp)
    if key not in _space_joins_next:
        probe = nlp(_SPACE_PROBE)
        space = next((t for t in probe if t.is_space), None)
        _space_joins_next[key] = bool(space is not None and space.is_sent_start)
    return _space_joins_next[key]


def rough_sentences(doc: Doc, space_first: bool = True) -> list[tuple[int, int]]:
    """``(start, end)`` token ranges of the rule-based sentences of a tokenized ``doc``.

    ``space_first``: whitespace between two sentences opens the second (else it closes the first).
    """
    if len(doc) == 0:
        return []
    _sentencizer()(doc)
    starts = [0]
    for tok in doc[1:]:
        if tok.is_sent_start:
            i = tok.i
            while not space_first and i < len(doc) and doc[i].is_space:
                i += 1
            if i < len(doc) and i > starts[-1]:
                starts.append(i)
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def keep_marks(doc: Doc, code: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """Per rough sentence: whether it may hold a mention, and so a fact (see the module docstring).

    A sentence is kept on a *sure* sign of a mention (a gazetteer hit or pronoun, an actor or sector
    noun, a quotation, a capitalised word inside the sentence where only names are capitalised), or
    on a *possible* name (the capitalised first word, unless a stop word; any capitalised word where
    nouns are capitalised too) together with a trigger of the predicate lexicon: a name NER may find
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

    keep = []
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
            if tok.is_space or tok.is_punct:
                continue
            if sure:
                continue
            capital = text[:1].isupper()
            if marked[tok.i] or lookup(tok.lower_, 1) or (capital and words.name_capitals and not first):
                sure = True
            elif capital and not (first and tok.is_stop):
                maybe_name = True
            trigger = trigger or lookup(tok.lower_, 0)
            first = False
        keep.append(sure or (maybe_name and trigger))
    return keep


def plan(doc: Doc, code: str, space_first: bool = True) -> list[tuple[int, int, bool, list[int]]]:
    """The article as runs ``(start, end, parse, sentence starts)``: kept runs to parse, skipped runs."""
    sentences = rough_sentences(doc, space_first)
    keep = keep_marks(doc, code, sentences)
    runs: list[tuple[int, int, bool, list[int]]] = []
    for (start, end), parse in zip(sentences, keep, strict=True):
        if runs and runs[-1][2] == parse:
            runs[-1] = (runs[-1][0], end, parse, [*runs[-1][3], start])
        else:
            runs.append((start, end, parse, [start]))
    return runs


def _skipped(doc: Doc, start: int, end: int, starts: list[int]) -> Doc:
    """Tokens ``start:end`` of the cheap doc as a Doc of flat trees, one per rough sentence.

    A flat tree (every token attached to the sentence's first) is what makes the reassembled
    doc's sentences these ones: spaCy derives sentence starts from the trees of a parsed doc.
    No mention and no triple is ever read from it (it has no mark of one).
    """
    part = doc[start:end].as_doc()
    n = len(part)
    heads = numpy.zeros(n, dtype="int64")
    root = part.vocab.strings.add("ROOT")
    other = part.vocab.strings.add("dep")
    deps = numpy.full(n, other, dtype="uint64")
    firsts = set(s - start for s in starts)
    head = 0
    for i in range(n):
        if i in firsts:
            head = i
            deps[i] = root
        heads[i] = head - i
    iob = numpy.full(n, _OUTSIDE, dtype="uint64")
    part.from_array([HEAD, DEP, ENT_IOB], numpy.stack([heads.astype("uint64"), deps, iob], axis=1))
    return part


def _same_tokens(a: Doc, b: Doc) -> bool:
    if len(a) != len(b):
        return False
    return all(x.text == y.text and x.whitespace_ == y.whitespace_ for x, y in zip(a, b, strict=True))


def triaged_pipe(
    nlp: Language,
    code: str,
    items: Iterable[tuple[str, T]],
    batch_size: int,
    counts: TriageCounts,
) -> Iterator[tuple[Doc, T]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, with only the kept sentences parsed; order kept."""
    batch: list[tuple[str, T]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _triage_batch(nlp, code, batch, batch_size, counts)
            batch = []
    if batch:
        yield from _triage_batch(nlp, code, batch, batch_size, counts)


def _triage_batch(
    nlp: Language, code: str, batch: list[tuple[str, T]], batch_size: int, counts: TriageCounts
) -> Iterator[tuple[Doc, T]]:
    cheap = [nlp.make_doc(text) for text, _ in batch]
    space_first = space_joins_next(nlp)
    plans = [plan(doc, code, space_first) for doc in cheap]
    texts = [doc[s:e].text_with_ws for doc, runs in zip(cheap, plans, strict=True) for s, e, parse, _ in runs if parse]
    parsed = iter(nlp.pipe(texts, batch_size=batch_size))
    for doc, runs, (text, ctx) in zip(cheap, plans, batch, strict=True):
        counts.articles += 1
        counts.sentences += sum(len(r[3]) for r in runs)
        parts: list[Doc] = []
        ok = True
        whole_text = len(runs) == 1  # one run of the whole article: exactly the full path's parse
        for start, end, parse, starts in runs:
            if parse:
                part = next(parsed)
                counts.parsed += len(starts)
                # The parser must draw the rough sentences' boundaries: where it does not, its reading of
                # the run differs from the full parse's (context), so the article takes the full path.
                ok = ok and _same_tokens(part, doc[start:end])
                ok = ok and (whole_text or [sent.start + start for sent in part.sents] == starts)
                parts.append(part)
            else:
                parts.append(_skipped(doc, start, end, starts))
        if not ok or not parts:
            counts.fallbacks += 1
            yield nlp(text), ctx
            continue
        whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        yield whole, ctx
