"""Sentence triage: parse only the sentences that can hold a fact, and keep the output unchanged.

Why: tok2vec, parser, NER, morphology and lemmas are nearly all of extraction's time (README,
"Performance"), and long articles are mostly sentences that name no actor ("Prices for heating oil
have risen by four percent."). Such a sentence gives no entity and no triple (every triple needs an
entity mention in its sentence, :mod:`kg.extract.relations`), so parsing it is wasted work.

How, per article:

1. **Cheap pass.** The tokenizer (the very tokens of the full path) and a rule-based sentence
   splitter (spaCy's ``Sentencizer``); paragraph breaks go with the sentence the pipeline's own
   parser puts them in (asked once per pipeline, :func:`space_joins_next`).
2. **Marks**, all read from the language data, never from word lists in code. *Sure*: a gazetteer
   hit (the extractor's own :class:`~kg.extract.entities.EntityMatcher`: names, family names,
   demonyms, role titles, compounds, pronouns), an actor or sector noun, a quotation mark (or being
   inside a quotation) and, where names are written with capitals and common nouns are not
   (``[triage] name_capitals`` in ``language.toml``), a capitalised word inside the sentence.
   *Maybe*: a possible name (a capitalised word) together with a trigger of the predicate lexicon
   (its verbs, a separable verb's base, event nouns; inflected forms through ``verb_forms.tsv`` and
   the inflection rules). A *maybe* sentence is kept if the pipeline's NER, when it has token
   vectors of its own (both shared pipelines), finds a name in it alone; else it is kept anyway.
3. **Full pass.** Each run of kept sentences, with :data:`MARGIN` tokens of context each side, is
   parsed by the whole pipeline; the runs of a batch of articles go through one ``nlp.pipe`` call.
   An article that keeps :data:`WHOLE_SHARE` of its tokens or more is parsed whole.
4. **Reassembly.** The runs' annotations are written into the cheap pass's ``Doc``; each skipped
   sentence becomes a flat tree so that sentence indices stay those of the full path. Same text,
   same tokens, same character offsets: provenance is unchanged.

When a run's tokens differ from the cheap pass's, or its edges are no sentence boundaries of its
parse, the article takes the full path (``fallbacks``).
``bench/triage_identity.py`` compares every record with and without triage; what triage can still
change: a name only NER finds, in a sentence whose NER reading alone differs from its reading in the
article, and parses that context beyond the margin would change.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy
from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.triage_marks import (
    MAYBE,
    SKIP,
    SURE,
    independent_ner,
    keep_marks,
    rough_sentences,
    space_joins_next,
)
from kg.gazetteer import ner_label_types

T = TypeVar("T")
#: ``(start, end, parse, sentence starts)``: a run of consecutive rough sentences, parsed or skipped
Run = tuple[int, int, bool, list[int]]

#: Tokens of context each side of a parsed run: what the token vectors of these pipelines see (a CNN of
#: depth 4, window 1); with 2, bench/triage_identity.py finds differences on the long articles.
MARGIN = 4
#: Share of an article's tokens kept above which the whole article is parsed as one run: the runs'
#: margins and the reassembly would cost about what skipping the rest saves.
WHOLE_SHARE = 0.8
_OUTSIDE = 2  # Token.iob_strings().index("O"): skipped tokens are outside any entity, as NER says


@dataclass
class TriageCounts:
    """What triage did: sentences seen by the cheap pass, and those sent to the full pipeline."""

    articles: int = 0
    sentences: int = 0
    parsed: int = 0
    fallbacks: int = 0


def runs_of(sentences: list[tuple[int, int]], keep: list[bool]) -> list[Run]:
    """Consecutive sentences of equal ``keep`` as runs ``(start, end, parse, sentence starts)``."""
    runs: list[Run] = []
    for (start, end), parse in zip(sentences, keep, strict=True):
        if runs and runs[-1][2] == parse:
            runs[-1] = (runs[-1][0], end, parse, [*runs[-1][3], start])
        else:
            runs.append((start, end, parse, [start]))
    return runs


def _decide(nlp: Language, docs: list[Doc], code: str, space_first: bool) -> list[list[Run]]:
    """The runs of each cheap doc; *maybe* sentences are kept when the NER (if independent) names something."""
    sentences = [rough_sentences(doc, space_first) for doc in docs]
    marks = [keep_marks(doc, code, sents) for doc, sents in zip(docs, sentences, strict=True)]
    ner = independent_ner(nlp)
    names = frozenset(ner_label_types())

    def kept(d: int, least: int) -> int:
        return sum(end - start for (start, end), m in zip(sentences[d], marks[d], strict=True) if m >= least)

    # Little to skip: the whole article in one run is cheaper than the runs' margins and reassembly.
    whole = [kept(d, SURE) >= WHOLE_SHARE * len(doc) for d, doc in enumerate(docs)]
    probes = [
        (d, k, doc[start:end].as_doc())
        for d, (doc, sents, ms) in enumerate(zip(docs, sentences, marks, strict=True))
        if not whole[d]
        for k, ((start, end), m) in enumerate(zip(sents, ms, strict=True))
        if m == MAYBE
    ]
    if ner is not None and probes:
        for (d, k, _), probe in zip(probes, ner.pipe(p for _, _, p in probes), strict=True):
            marks[d][k] = SURE if any(ent.label_ in names for ent in probe.ents) else SKIP
    out = []
    for d, doc in enumerate(docs):
        every = whole[d] or kept(d, MAYBE) >= WHOLE_SHARE * len(doc)
        out.append(runs_of(sentences[d], [every or m != SKIP for m in marks[d]]))
    return out


#: The token attributes a parsed run brings into the article's Doc (sentence starts follow from HEAD).
_ATTRS = [TAG, POS, MORPH, LEMMA, NORM, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
_HEAD, _DEP, _IOB = _ATTRS.index(HEAD), _ATTRS.index(DEP), _ATTRS.index(ENT_IOB)


def window(doc: Doc, start: int, end: int, margin: int = MARGIN) -> tuple[int, int]:
    """Tokens ``start:end`` widened by ``margin`` tokens of context each side, cut where whitespace is.

    The context gives the run's first and last tokens the neighbours they have in the whole article:
    token vectors (the CNN of these pipelines sees 4 tokens each side), the parser's look-ahead and
    NER. Cutting at whitespace keeps the tokenizer's output for the window that of the whole text.
    """
    left = max(0, start - margin)
    while left > 0 and not doc[left - 1].whitespace_ and not doc[left - 1].is_space:
        left -= 1
    right = min(len(doc), end + margin)
    while right < len(doc) and not doc[right - 1].whitespace_ and not doc[right].is_space:
        right += 1
    return left, right


def _window_doc(nlp: Language, doc: Doc, run: Run, left: int, right: int) -> Doc:
    """The tokens of a run's window, to parse, with a sentence starting at each edge of the run.

    The context is a fragment of a sentence: told nothing, the parser may join it to the run's first
    sentence, where the whole article's parse has a boundary (the run starts a rough sentence).
    """
    if left == 0 and right == len(doc):
        return doc  # the whole article: the tokenizer's doc, untouched by the cheap pass
    window = nlp.make_doc(doc[left:right].text_with_ws)
    start, end = run[0] - left, run[1] - left
    for i in (start, end):
        if 0 < i < len(window):
            window[i].is_sent_start = True
    return window


def _core(part: Doc, orths: numpy.ndarray, left: int, run: Run, array: numpy.ndarray) -> bool:
    """Copy the run's annotations from its parsed window ``part`` into ``array``; False if they do not fit.

    They fit when the window's tokens are the article's and the run's edges are sentence boundaries
    of the parse (no entity runs across an edge either); inside the run the parser decides, as in
    the whole article.
    """
    start, end, _, _ = run
    lo, hi = start - left, end - left
    if not numpy.array_equal(part.to_array([ORTH, SPACY]), orths[left : left + len(part)]):
        return False
    if not (lo == 0 or part[lo].is_sent_start) or (hi < len(part) and not part[hi].is_sent_start):
        return False
    if part[lo].ent_iob_ == "I" or (hi < len(part) and part[hi].ent_iob_ == "I"):
        return False
    array[start:end] = part.to_array(_ATTRS)[lo:hi]
    return True


def _assemble(doc: Doc, runs: list[Run], parts: dict[int, tuple[int, Doc]]) -> bool:
    """Write the parsed runs' annotations into the cheap ``doc``; skipped sentences become flat trees.

    A flat tree (every token attached to its sentence's first) is what makes the doc's sentences the
    rough ones there: spaCy derives sentence starts from the trees of a parsed doc. No mention and no
    triple is read from a skipped sentence (it has no mark of one). False if a run does not fit.
    """
    array = doc.to_array(_ATTRS)
    orths = doc.to_array([ORTH, SPACY])
    root, other = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for n, run in enumerate(runs):
        start, end, parse, starts = run
        if parse:
            left, part = parts[n]
            if not _core(part, orths, left, run, array):
                return False
            continue
        bounds = [*starts, end]
        for first, stop in itertools.pairwise(bounds):
            array[first:stop, _HEAD] = (first - numpy.arange(first, stop)).astype("uint64")
            array[first:stop, _DEP] = other
            array[first, _DEP] = root
        array[start:end, _IOB] = _OUTSIDE
    doc.from_array(_ATTRS, array)
    return True


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
    plans = _decide(nlp, cheap, code, space_joins_next(nlp))
    windows = [
        [window(doc, s, e) if parse else (s, e) for s, e, parse, _ in runs]
        for doc, runs in zip(cheap, plans, strict=True)
    ]
    texts = [
        _window_doc(nlp, doc, run, left, right)
        for doc, runs, spans in zip(cheap, plans, windows, strict=True)
        for run, (left, right) in zip(runs, spans, strict=True)
        if run[2]
    ]
    parsed = iter(nlp.pipe(texts, batch_size=batch_size))
    for doc, runs, spans, (text, ctx) in zip(cheap, plans, windows, batch, strict=True):
        counts.articles += 1
        counts.sentences += sum(len(r[3]) for r in runs)
        parts = {n: (spans[n][0], next(parsed)) for n, run in enumerate(runs) if run[2]}
        counts.parsed += sum(len(run[3]) for run in runs if run[2])
        if len(runs) == 1 and runs[0][2]:  # one run of the whole article: exactly the full path's parse
            yield parts[0][1], ctx
            continue
        # Where the parser does not draw the rough sentences' boundaries, its reading of a run may differ
        # from the full parse's, so the article takes the full path.
        if not _assemble(doc, runs, parts):
            counts.fallbacks += 1
            yield nlp(text), ctx
            continue
        yield doc, ctx
