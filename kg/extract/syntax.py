"""One sentence's parse, read in abstract roles: the syntax relation extraction builds on.

:class:`SentenceSyntax` is the per-sentence value the syntax helpers share: the sentence's tokens,
their children, and the answers every helper needs - which children of a token have a role, which
verbs above a verb share its subject, its auxiliaries, whether it is passive - in the roles of
:mod:`kg.extract.deps`, so the answers are the same for UD and TIGER parses. The helpers built on
it, each holding it rather than inheriting from it, answer one kind of question each: which entity
a phrase refers to (:mod:`kg.extract.phrase_entities`), a verb's subject, objects, agent and
prepositional phrases (:mod:`kg.extract.verb_arguments`), negation and hedging
(:mod:`kg.extract.polarity`), content clauses (:mod:`kg.extract.clauses`) and the concepts made of
phrases (:mod:`kg.extract.phrases`). Words come from :class:`~kg.extract.cues.LanguageCues`,
entities from the entity stage's :class:`~kg.extract.mentions.MentionIndex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from kg.extract.cues import LanguageCues
from kg.extract.deps import Scheme
from kg.extract.mentions import Mention, MentionIndex

#: Verb-like parts of speech a vocabulary verb may carry (weak taggers call participles ADJ).
VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def take_place(t: Token, h: Token) -> None:
    """Put ``t`` where ``h`` stands in the tree: under ``h``'s head, with ``h``'s label (the root where ``h`` is
    the root). The repairs that make a misparsed word head its clause begin so; where ``h`` goes is theirs."""
    t.head = t if h.head.i == h.i else h.head
    t.dep_ = h.dep_


def take_over(t: Token, h: Token, label: str, movers: Iterable[Token] | None = None) -> None:
    """``t`` takes ``h``'s place (:func:`take_place`), ``h`` hangs below ``t`` as ``label``, and ``movers`` (by
    default every other child of ``h``, read before the move) become ``t``'s."""
    moved = [c for c in h.children if c.i != t.i] if movers is None else list(movers)
    take_place(t, h)
    h.head, h.dep_ = t, label
    for c in moved:
        c.head = t


def finite(tok: Token) -> bool:
    """Whether the morphology calls ``tok`` a finite verb form (a weak morphologizer may give only a person)."""
    return "Fin" in tok.morph.get("VerbForm") or bool(tok.morph.get("Person"))


class SentenceSyntax:
    """Role-level access to one parsed sentence (children indexed once, answers memoised per token)."""

    def __init__(
        self, cues: LanguageCues, scheme: Scheme, index: MentionIndex, span: Span, heads: Sequence[int]
    ) -> None:
        """``heads``: the head index of every token of ``span.doc``, read once per doc (Token.head builds objects)."""
        self.cues = cues
        self.s = scheme
        self.index = index
        self.span = span
        # The sentence's tokens and lower-cased words, created once: spaCy builds a new Token object on
        # every index or iteration, and a sentence is read token by token several times.
        self.tokens: list[Token] = list(span)
        self.words: list[str] = [t.text.lower() for t in self.tokens]
        # Children per token, built once: Token.children creates new objects on every call,
        # and frames ask for children dozens of times per verb.
        self.kids: dict[int, list[Token]] = {}
        for t in self.tokens:
            head = heads[t.i]
            if head != t.i:
                self.kids.setdefault(head, []).append(t)
        self._passive: dict[int, bool] = {}

    # -- roles -----------------------------------------------------------------------

    def ch(self, token: Token, *roles: str) -> list[Token]:
        """Children of ``token`` whose label has one of ``roles``."""
        labels = self.s.labels(*roles)
        return [c for c in self.kids.get(token.i, ()) if c.dep_ in labels]

    def walk(self, token: Token, labels: frozenset[str], depth: int = 4) -> Iterable[Token]:
        """``token`` and its descendants reachable through ``labels``, breadth first."""
        out = [token]
        frontier = [token]
        for _ in range(depth):
            frontier = [c for t in frontier for c in self.kids.get(t.i, ()) if c.dep_ in labels]
            if not frontier:
                break
            out += frontier
        return out

    def chain_up(self, v: Token, conjuncts: bool = True) -> list[Token]:
        """Verbs above ``v`` that share its subject: xcomp/conjoined verbs, TIGER auxiliaries heading ``oc``.

        ``conjuncts=False`` stops at a coordination: a conjoined verb shares the subject but not the
        auxiliaries, negation or modality ("was not enough and would keep blocking").
        """
        out = []
        cur = v
        for _ in range(4):
            head = cur.head
            if head.i == cur.i or not (self.span.start <= head.i < self.span.end):
                break
            shares_subject = (
                (self.s.has(cur, "open_complement") and not self.has_marker(cur))
                or (conjuncts and self.s.has(cur, "conjunct") and head.pos_ in VERBAL_POS)
                or (self.s.aux_heads_verb and self.s.has(cur, "clausal_complement") and head.pos_ == "AUX")
                # "..., accusing Washington of ...": a participial adverbial clause shares its head's subject.
                or (self.s.has(cur, "adverbial_clause") and not self.has_marker(cur) and self.participle(cur))
            )
            if not shares_subject:
                break
            out.append(head)
            cur = head
        return out

    @staticmethod
    def participle(v: Token) -> bool:
        """A participle or gerund ("accusing", "citing"): by morphology, or by the Penn tag where there is none."""
        return bool({"Ger", "Part"} & set(v.morph.get("VerbForm"))) or v.tag_ in ("VBG", "VBN")

    def has_marker(self, v: Token) -> bool:
        """Whether ``v``'s clause opens with a complementizer ("that", "dass")."""
        return any(c.text.lower() in self.cues.complementizers for c in self.ch(v, "marker"))

    def auxiliaries(self, v: Token) -> list[Token]:
        """``v``'s auxiliaries, also those a TIGER parse puts above it (not across a coordination)."""
        auxes = self.ch(v, "auxiliary", "passive_auxiliary")
        auxes += [t for t in self.chain_up(v, conjuncts=False) if t.pos_ == "AUX"]
        return auxes

    def is_passive(self, v: Token) -> bool:
        """Passive voice: a passive subject, or a passive auxiliary of the language ("werden", "be")."""
        cached = self._passive.get(v.i)
        if cached is None:
            cached = self._passive[v.i] = self._read_passive(v)
        return cached

    def _read_passive(self, v: Token) -> bool:
        if self.ch(v, "passive_subject"):
            return True
        aux = self.cues.passive_auxiliaries
        if any(t.lemma_.lower() in aux for t in self.ch(v, "passive_auxiliary")):
            return True
        if (
            self.s.aux_heads_verb
            and "Part" in v.morph.get("VerbForm")
            and any(t.lemma_.lower() in aux for t in self.chain_up(v) if t.pos_ == "AUX")
        ):
            return True
        # A reduced relative: "officials accused of abuses", "diplomats expelled by Poland"
        # (a past participle on a noun, with no subject and no auxiliary of its own) is passive: the noun
        # is what is done to, never the doer. (A noun at the root with such a clause is a misparsed main
        # clause: "Sweden, where ..., called for ...".)
        return (
            self.s.has(v, "relative_clause")
            and v.head.pos_ in NOMINAL_POS
            and not self.s.has(v.head, "root")
            and self.past_participle(v)
            and not self.ch(v, "subject", "auxiliary")
        )

    @staticmethod
    def past_participle(v: Token) -> bool:
        """A past participle by morphology, or by its tag where the morphology says nothing."""
        morph = v.morph
        if "Part" in morph.get("VerbForm"):
            return bool({"Past"} & set(morph.get("Tense")) or {"Perf"} & set(morph.get("Aspect")))
        return v.tag_ in ("VBN", "VVPP", "VAPP", "VMPP")

    def conjunct_start(self, c: Token) -> int:
        """Where conjunct ``c`` begins, with its coordinator and the comma before it."""
        start = c.left_edge.i
        while start - 1 > self.span.start and (
            is_punct(self.span.doc[start - 1]) or self.span.doc[start - 1].pos_ == "CCONJ"
        ):
            start -= 1
        return start


def is_punct(token: Token) -> bool:
    """Punctuation by tag or by lexeme (hand-built Docs have tags but no lexical attributes)."""
    return token.pos_ == "PUNCT" or token.is_punct


def oblique(syn: SentenceSyntax, m: Mention) -> bool:
    """Whether the phrase of mention ``m`` has an article no nominative takes ("dem Andenstaat", "den Rebellen"):
    the language's ``oblique_articles`` on the phrase's head."""
    doc, dets = syn.span.doc, syn.s.labels("determiner")
    head = next((t for t in doc[m.start : m.end] if not m.start <= t.head.i < m.end), doc[m.end - 1])
    return any(c.dep_ in dets and c.lower_ in syn.cues.oblique_articles for c in head.children)
