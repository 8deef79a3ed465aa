"""Documents built by hand in the shapes a weak parser produces, for the parse-repair specs (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: language vocabularies: a bare Vocab() gives every word an empty lower-case form
_GERMAN = spacy.blank("de").vocab
_ENGLISH = spacy.blank("en").vocab


def _doc(vocab: Vocab, rows: list[tuple[str, str, str, int, str]]) -> Doc:
    words, pos, deps, heads, morphs = zip(*rows, strict=True)
    return Doc(vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads),
               lemmas=[w.lower() for w in words], morphs=list(morphs))  # fmt: skip


def german_doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, dep, head index, morph); lemmas are the lower-cased words."""
    return _doc(_GERMAN, rows)


def english_doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows as for :func:`german_doc`, in an English vocabulary (ClearNLP labels, as en_core_web_* parse)."""
    return _doc(_ENGLISH, rows)
