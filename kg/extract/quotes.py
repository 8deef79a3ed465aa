"""Quotations that follow their quoting frame across a sentence boundary.

"Reuters zitierte Austin mit den Worten:" followed by the quotation, which the
sentence splitter makes a sentence (or several) of its own; "He told Reuters:
“We will ... . It is ... .”" where the quote runs past the frame's sentence. The
frame's own sentence gives Reuters QUOTES Austin (or Austin STATES Reuters); this
module adds what was said: the quoted person STATES the quotation (a Concept of
the text between the quote marks), ``reported_by`` the quoting source.

A quotation the sentence reader already took as the frame verb's content
clause (the quote parsed inside the frame's sentence) is not read again; a weak
parse that left it out (or a sentence split after the colon) gets it here.
Quote marks are data (``kg/lang/<code>/quotes.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.extract.cues import LanguageCues
from kg.extract.mentions import MentionIndex
from kg.model import Concept, Entity, Provenance, Triple
from kg.predicates import PREDICATES

#: A quotation longer than this is not one quote (an unclosed mark would swallow the article).
MAX_QUOTE_CHARS = 1500
#: Entity types that quote others as a source ("told Reuters:"); a person told something is an addressee.
SOURCE_TYPES = frozenset({"Organization"})


def quotation_triples(
    doc: Doc,
    sents: Sequence[Span],
    triples: Sequence[Triple],
    cues: LanguageCues,
    index: MentionIndex,
    lang: str,
    article_id: str,
) -> tuple[list[Triple], set[str]]:
    """STATES triples for quotations after a quoting frame's colon, and the ids of partial readings they replace.

    The sentence reader may have taken the first sentence of a longer quote as the frame's content
    clause; that triple is superseded by the whole quotation.
    """
    closers = dict(cues.quote_pairs)
    if not closers:
        return [], set()
    superseded: set[str] = set()
    by_sent: dict[int, list[Triple]] = {}
    #: (sentence, speaker) -> content the sentence reader already has (a quote parsed as the frame's clause)
    read: dict[tuple[int, str], list[Triple]] = {}
    for t in triples:
        pred = PREDICATES.get(t.predicate)
        if pred is not None and pred.kind == "speech":
            if isinstance(t.object, Entity) or t.addressee:
                by_sent.setdefault(t.provenance.sentence, []).append(t)
            if not isinstance(t.object, Entity):
                read.setdefault((t.provenance.sentence, t.subject.key), []).append(t)
    actors = {m.entity.key: m.entity for m in index}
    out = []
    for i, frames in by_sent.items():
        if not 0 <= i < len(sents):
            continue
        frame = next((t for t in frames if t.predicate == "QUOTES"), frames[0])
        if frame.predicate == "QUOTES":
            speaker, source = frame.object, frame.subject.key  # "Reuters quoted Austin": Austin spoke
        else:
            # "told Reuters:": the frame's actor object, or the addressee the sentence reader already set.
            told = frame.object if isinstance(frame.object, Entity) else actors.get(frame.addressee or "")
            speaker, source = frame.subject, told.key if told is not None and told.type in SOURCE_TYPES else None
        if not isinstance(speaker, Entity):
            continue
        span = _quotation(doc, sents[i], closers)
        if span is None:
            continue
        start, end = span
        first = _sentence_at(sents, start)
        last = _sentence_at(sents, end - 1)
        # A quote that began in the frame's sentence was read there as its content clause; it is read
        # again only when it runs on past that sentence, and the whole quote replaces the part.
        if first < i or (first == i and last == i and (i, speaker.key) in read):
            continue
        toks = doc.char_span(start, end, alignment_mode="expand")
        if toks is None or not len(toks):
            continue
        superseded.update(t.id for t in read.get((i, speaker.key), ()) if t.object.text in doc.text[start:end])
        text = doc.text[start:end].strip()
        mentions = [m.entity.key for m in index.within(toks.start, toks.end)]
        hedged = any(cues.is_hedge(t) for t in toks)
        states = PREDICATES["STATES"]
        prov_start, prov_end = sents[first].start_char, sents[last].end_char
        out.append(
            Triple(
                subject=speaker,
                predicate=states.name,
                object=Concept.create(text, lang, mentions),
                provenance=Provenance(article_id, first, prov_start, prov_end, doc.text[prov_start:prov_end]),
                verb=frame.verb,
                polarity="positive",
                hedged=hedged,
                **states.fields(),
                addressee=(frame.object.key if isinstance(frame.object, Entity) else frame.addressee)
                if frame.predicate != "QUOTES"
                else None,
                confidence=frame.confidence,
                reported_by=source if source != speaker.key else None,
            )
        )
    return out, superseded


def _quotation(doc: Doc, sent: Span, closers: dict[str, str]) -> tuple[int, int] | None:
    """Character range of the quotation opened right after the last colon of ``sent``, without its marks."""
    colon = next((t for t in reversed(sent) if t.text == ":"), None)
    if colon is None:
        return None
    text = doc.text
    pos = colon.idx + 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text) or text[pos] not in closers:
        return None
    close = text.find(closers[text[pos]], pos + 1, pos + 1 + MAX_QUOTE_CHARS)
    if close < 0:
        return None
    start, end = pos + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _sentence_at(sents: Sequence[Span], char: int) -> int:
    for k, s in enumerate(sents):
        if s.start_char <= char < s.end_char or (char < s.start_char):
            return k
    return len(sents) - 1
