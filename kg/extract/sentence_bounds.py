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

from spacy.attrs import SENT_START
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
    if len(doc) < 2:
        return doc
    starts = doc.to_array([SENT_START]).astype("int64")
    # Whether a sentence may end after each token, looking through closing quotes and brackets.
    may_end = False
    changed = False
    for i, tok in enumerate(doc):
        if i > 0 and starts[i] == 0 and not (may_end or tok.is_space):
            starts[i] = -1
            changed = True
        text = tok.text
        if tok.is_space or "\n" in tok.whitespace_ or text[-1:] in ENDERS:
            may_end = True
        elif not all(ch in CLOSERS for ch in text):
            may_end = False  # (a closing quote or bracket keeps what came before it)
    if changed:
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


@Language.component(COMPONENT)
def sentence_bounds(doc: Doc) -> Doc:
    return constrain_sentence_starts(doc)


def add_sentence_bounds(nlp: Language) -> None:
    """Put the component before the pipeline's parser (once); a pipeline without one is left alone."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(COMPONENT, before="parser")
