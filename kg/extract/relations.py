"""Triples from a dependency parse: who said, denied, did what to or about whom.

For every verb of a sentence whose lemma (with its separable particle) is in
the predicate vocabulary, the frame is read off the parse in abstract roles
(:mod:`kg.extract.deps`), so UD and TIGER parses go through the same code:

* subject: the entity at the subject (agent in the passive), every conjunct
  of a coordination ("Moskau und Pjöngjang wiesen ... zurück" -> two triples);
  inherited through verb chains (xcomp, conjoined verbs, TIGER ``oc`` under
  an auxiliary) when the verb has none of its own;
* object: an entity where the argument is an actor, else a
  :class:`~kg.model.Concept` made from the content clause (minus its
  complementizer) or the object phrase;
* polarity and hedging from the language's negation and hedge words on the
  verb, its auxiliaries and (for hedges) inside the reported clause;
* ``reported_by``: triples of verbs inside a speech verb's content clause, or
  in a sentence attributed by "laut X"/"according to X", carry the speaker.

The role-level reading of a sentence (and the repairs for weak parses) is
:mod:`kg.extract.syntax`; this module builds frames and triples from it.
Entity work is never redone here: every actor comes from the
:class:`~kg.extract.mentions.MentionIndex` built by the entity stage.
A sentence that cannot be read yields no triples; a bug a parse provokes raises, and the
Extractor's one catch counts the article as failed (kg.extract.pipeline, ``on_error``).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from kg.extract.arguments import BASE_CONFIDENCE, SentenceState
from kg.extract.cues import LanguageCues, cues_for
from kg.extract.deps import Scheme, scheme_of_doc
from kg.extract.mentions import MentionIndex
from kg.extract.quotes import quotation_triples
from kg.extract.reader import SentenceReader
from kg.model import Entity, Provenance, Triple
from kg.predicates import PREDICATES

log = logging.getLogger(__name__)

#: Sentences longer than this are skipped: parses of run-on text are noise, and cost grows with length.
MAX_SENTENCE_TOKENS = 150


class RelationExtractor:
    """Relation extraction for one language and label scheme; cheap to build, reusable across docs."""

    def __init__(self, lang: str, scheme: Scheme | None = None) -> None:
        self.lang = lang
        self.cues: LanguageCues = cues_for(lang)
        self.scheme = scheme

    # -- entry point -----------------------------------------------------------------

    def _names_a_pair(self, sent: Span) -> bool:
        """Whether the sentence names "beide Seiten", "both sides": two states named before it."""
        pairs = self.cues.pair_nouns
        if not pairs:
            return False
        text = f" {sent.text.lower()} "
        return any(f" {p} " in text for p in pairs)

    def extract(self, doc: Doc, index: MentionIndex, article_id: str) -> list[Triple]:
        """All triples of ``doc``. An unforeseen parse that breaks a pass raises: the Extractor's one catch
        counts the article as failed (``on_error``), instead of a triple set silently missing sentences."""
        scheme = self.scheme or scheme_of_doc(doc)
        out: list[Triple] = []
        sents = list(_sentences(doc))
        heads = _head_indices(doc)
        text = doc.text  # built from the tokens on every access: once per doc
        for i, sent in enumerate(sents):
            if len(sent) > MAX_SENTENCE_TOKENS or len(sent) < 2:
                continue
            if not index.touches(sent.start, sent.end) and not self._names_a_pair(sent):
                continue  # every triple has an entity subject (or source) in its sentence: none here
            # text[start_char:end_char] is Span.text without building a Token per word.
            evidence = text[sent.start_char : sent.end_char]
            lead = len(evidence) - len(evidence.lstrip())  # (leading whitespace is no part of the evidence)
            start_char = sent.start_char + lead
            s = SentenceState(i, sent, Provenance(article_id, i, start_char, sent.end_char, evidence[lead:]))
            # No catch here: a failure is the article's, caught and counted once by the Extractor.
            out.extend(SentenceReader(self.cues, scheme, index, s, heads).read())
        quoted, superseded = quotation_triples(doc, sents, out, self.cues, index, self.lang, article_id)
        out = [t for t in out if t.id not in superseded] + quoted
        # An addressee is never what was said ("X STATES Interfax"): frames left without content go.
        out = [t for t in out if not (PREDICATES[t.predicate].addressee and isinstance(t.object, Entity))]
        return _dedupe(out)


def _sentences(doc: Doc) -> Iterable[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return doc.sents
    return [doc[:]]


def _head_indices(doc: Doc) -> list[int]:
    """The absolute head index of every token, read once from the doc's arrays."""
    if not doc.has_annotation("DEP"):
        return list(range(len(doc)))
    offsets = doc.to_array("HEAD").astype("int64")  # relative offsets, stored unsigned
    return [i + int(off) for i, off in enumerate(offsets)]


def _dedupe(triples: list[Triple]) -> list[Triple]:
    best: dict[str, Triple] = {}
    for t in triples:
        old = best.get(t.id)
        if old is None or t.confidence > old.confidence:
            best[t.id] = t
    return list(best.values())


def extract_relations(
    doc: Doc, index: MentionIndex, lang: str, article_id: str, scheme: Scheme | None = None
) -> list[Triple]:
    """Convenience wrapper: the triples of one parsed document."""
    return RelationExtractor(lang, scheme).extract(doc, index, article_id)


def affiliation_triples(affiliations: Iterable, doc: Doc, article_id: str) -> list[Triple]:
    """``AFFILIATED_WITH`` triples from the entity stage's affiliations (member -> group), with their sentence."""
    sents = list(_sentences(doc))
    starts = [s.start for s in sents]
    out = []
    pred = PREDICATES["AFFILIATED_WITH"]
    for aff in affiliations:
        try:
            if aff.member.key == aff.group.key:
                continue
            idx = max(0, bisect_right(starts, int(aff.token)) - 1)
            sent = sents[idx]
            out.append(
                Triple(
                    subject=aff.member,
                    predicate=pred.name,
                    object=aff.group,
                    provenance=Provenance(article_id, idx, sent.start_char, sent.end_char, sent.text),
                    **pred.fields(),
                    confidence=BASE_CONFIDENCE,
                )
            )
        except (AttributeError, IndexError, TypeError, ValueError):
            log.debug("skipping malformed affiliation %r", aff)
    return _dedupe(out)
