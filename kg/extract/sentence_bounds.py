"""Sentence boundaries only where a sentence can end: after ". ! ?" (or ";" and ":", which may close a
main clause), also behind a closing quote or bracket, or at a line break.

A small parser sometimes starts a sentence inside one ("Nikol Paschinjan | hat sich ... geeinigt"),
and everything either half says is lost: the verb has no subject, the subject no verb. News prose
ends its sentences with punctuation (the evaluation guideline counts sentences the same way), so a
component before the parser marks every other token as no sentence start, which the parser respects;
where a sentence may end, the parser still decides. A boundary already set (the triage's window edges)
is kept.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "kg_sentence_bounds"

#: characters a sentence (or a main clause the parser may treat as one: "wies die Kritik zurück; Lawrow
#: sagte ...") ends with
ENDERS = frozenset(".!?…;:")
#: characters that may follow the end of a sentence before the next one starts
CLOSERS = frozenset("\"'“”»«’‘)]")


def constrain_sentence_starts(doc: Doc) -> Doc:
    """Mark tokens that cannot open a sentence as ``is_sent_start = False``; the rest stay undecided."""
    for tok in doc[1:]:
        if tok.is_sent_start is not None:
            continue  # set before: keep it
        if not _may_end_before(doc, tok.i):
            tok.is_sent_start = False
    return doc


def _may_end_before(doc: Doc, i: int) -> bool:
    """Whether a sentence may end right before token ``i``."""
    prev = doc[i - 1]
    if prev.is_space or "\n" in prev.whitespace_ or doc[i].is_space:
        return True
    j = i - 1
    while j >= 0 and doc[j].text and all(ch in CLOSERS for ch in doc[j].text):
        j -= 1  # ".“ Danach": look through closing quotes and brackets
    return j >= 0 and doc[j].text[-1:] in ENDERS


@Language.component(COMPONENT)
def sentence_bounds(doc: Doc) -> Doc:
    return constrain_sentence_starts(doc)


def add_sentence_bounds(nlp: Language) -> None:
    """Put the component before the pipeline's parser (once); a pipeline without one is left alone."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(COMPONENT, before="parser")
