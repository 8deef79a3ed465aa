"""State anaphors: "the country", "das Land", "the Gulf state" after the one state named before.

Wire copy names a state once and then calls it by a noun ("froze the country's assets", "Der Golfstaat
bestreitet das"). The noun after a definite article is the state the nearest earlier sentence names,
when that sentence (or the anaphor's own, before it) names exactly one; two candidates leave it
unresolved, as for personal pronouns. A plural ("the two countries") or a noun with a state of its own
("the Baltic country Estonia", "the Russian state") is no anaphor. Which nouns and articles count is
language data (``state_anaphors``, ``modified_state_anaphors``, ``state_anaphor_articles`` in
``kg/lang/<xx>/entity_grammar.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.found import Found, nearest_one
from kg.lang import scheme_labels

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: how many sentences back the antecedent may be
_WINDOW = 2
#: how many modifiers may stand between the article and the noun ("the Central Asian country")
_MODIFIERS = 3


def state_anaphora(a: Analyzer) -> None:
    """Resolve every state anaphor of ``a``'s document to the one state named just before it."""
    nouns, modified = a.lex.words("state_anaphors"), a.lex.words("modified_state_anaphors")
    articles = a.lex.words("state_anaphor_articles")
    if not (nouns or modified) or not articles:
        return
    covered = {i for f in a.found for i in range(f.start, f.end) if a.info[f.key].type != "Location"}
    added: list[Found] = []
    for tok in a.doc:
        word = tok.lower_
        if (word not in nouns and word not in modified) or tok.i in covered or "Plur" in tok.morph.get("Number"):
            continue
        i = tok.i - 1
        while i >= 0 and tok.i - i <= _MODIFIERS and a.doc[i].lower_ not in articles and a.doc[i].pos_ in (
            "ADJ", "PROPN", "NOUN"
        ):
            i -= 1
        if i < 0 or a.doc[i].lower_ not in articles or any(j in covered for j in range(i + 1, tok.i)):
            continue
        if word in modified and i == tok.i - 1:
            continue  # "the state" alone is a government or a US state; "the Gulf state" is one
        if any(f.start == tok.i + 1 and a.info[f.key].type == "Country" for f in a.found):
            continue  # "the Baltic country Estonia": the name is there
        key = _antecedent(a, i + 1)
        if key is not None:
            added.append(Found(i + 1, tok.i + 1, key, "pronoun", 0.6, None))
    if added:
        spans = {i for f in added for i in range(f.start, f.end)}
        a.found = [f for f in a.found if not spans.intersection(range(f.start, f.end))]
        a.found.extend(added)
        a.found.sort(key=lambda f: f.start)


def _antecedent(a: Analyzer, start: int) -> str | None:
    """The one state named by name in the nearest sentence before ``start`` (its own sentence included)."""
    sent = a.sent_of[start]
    subjects, conjuncts = scheme_labels("subject"), scheme_labels("conjunct") | scheme_labels("apposition")
    candidates: list[tuple[int, str]] = []
    for f in a.found:
        if f.start >= start:
            continue
        info = a.info[f.key]
        if info.type != "Country" or f.via in ("pronoun", "demonym") or sent - a.sent_of[f.start] > _WINDOW:
            continue
        head = a.doc[f.end - 1]
        while head.dep_ in conjuncts and head.head.i < head.i:
            head = head.head  # ("Saudi-Arabien, die Emirate und Bahrain haben ...": a subject's conjunct is one)
        if a.sent_of[f.start] == sent and head.dep_ in subjects:
            continue  # "Die Türkei hat das Land verlassen": a clause's subject is not what it acts on
        candidates.append((a.sent_of[f.start], f.key))
    return nearest_one(candidates)
