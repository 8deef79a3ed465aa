"""Organisation anaphors: "the ministry", "das Ministerium" after the organisation of that kind named before.

Wire copy names an organisation in full once and then calls it by its head noun ("Pakistan's foreign ministry
said ... The ministry said", "Das Außenministerium in Peking ... Das Ministerium erklärte"). A definite head
noun refers to the organisation named in the nearest earlier sentence (within a window) with a word of its
name ending in that noun, in the article's words or in its canonical name; two such organisations there leave
it unresolved, as for personal pronouns. A plural, a noun with modifiers of its own ("the Iranian ministry"),
one followed by an owner phrase ("the ministry of health") and a possessor ("the court's ruling") are left
alone. Which nouns (in their case
forms, each with the ending a name has) and which articles count is language data
(``organisation_anaphors``, ``organisation_anaphor_articles`` in ``kg/lang/<xx>/entity_grammar.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.found import Found, nearest_one

if TYPE_CHECKING:
    from kg.extract.resolve import Analyzer

#: how many sentences back the antecedent may be (wire copy names a body in the lead, its head noun paragraphs later)
_WINDOW = 6


def organisation_anaphora(a: Analyzer) -> None:
    """Resolve every organisation anaphor of ``a``'s document to the organisation it refers back to."""
    heads: dict[str, str] = {k.lower(): v.lower() for k, v in a.lex.grammar.get("organisation_anaphors", {}).items()}
    articles = a.lex.words("organisation_anaphor_articles")
    if not heads or not articles:
        return
    # (and a possessor: "the court's jurisdiction" is what is rejected, not the court)
    owners = a.lex.words("owner_prepositions") | a.genitive_articles | a.lex.words("possessive_markers")
    # (a sector noun read as the article's group gives way: "die Atomenergiebehörde ... Die Behörde teilte mit")
    groups = {f.start: f for f in a.found if a.info[f.key].type == "Group" and f.end - f.start == 1}
    covered = {i for f in a.found for i in range(f.start, f.end) if f.start not in groups}
    added: list[Found] = []
    for tok in a.doc:
        head = heads.get(tok.lower_)
        if head is None or tok.i == 0 or tok.i in covered or "Plur" in tok.morph.get("Number"):
            continue
        if a.doc[tok.i - 1].lower_ not in articles or tok.i - 1 in covered:
            continue
        if tok.i + 1 < len(a.doc) and (a.doc[tok.i + 1].lower_ in owners or tok.i + 1 in covered):
            continue  # "the ministry of health", "die Kommission der EU", "the commission's": a description
        key = _antecedent(a, tok.i, head)
        if key is not None:
            added.append(Found(tok.i, tok.i + 1, key, "pronoun", 0.6, None))
    if added:
        replaced = {f.start for f in added}
        a.found = [f for f in a.found if f.start not in replaced or f.start not in groups]
        a.found.extend(added)
        a.found.sort(key=lambda f: f.start)


def _antecedent(a: Analyzer, i: int, head: str) -> str | None:
    """The one organisation whose name ends in ``head``, named in the nearest sentence before token ``i``
    (its own sentence included) within the window."""
    sent = a.sent_of[i]
    candidates: list[tuple[int, str]] = []
    for f in a.found:
        if f.start >= i or sent - a.sent_of[f.start] > _WINDOW:
            continue
        info = a.info[f.key]
        if info.type != "Organization":
            continue
        words = a.doc[f.start : f.end].text.lower().split() + (info.name or "").lower().split()
        if any(w.endswith(head) for w in words):  # ("Außenministerium in Peking", "Ministry of Defence")
            candidates.append((a.sent_of[f.start], f.key))
    return nearest_one(candidates)
