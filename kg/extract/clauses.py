"""Content clauses: what a speech verb says, as a clause token and a token range.

A content clause is a complement clause, an infinitival complement, reported speech in the
subjunctive without a complementizer, or a clause a weak parse split into pieces; a speech verb
the parse coordinated with the content's verb is the speaker's next act and ends the content.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.cues import marked_infinitive, subjunctive_by_ending
from kg.extract.syntax import VERBAL_POS, SentenceSyntax, is_punct
from kg.predicates import Predicate


class ContentClauses:
    """The content clauses of one sentence's speech verbs.

    ``acts``: verb token -> predicate of the sentence's speech acts (its frames), for telling a
    coordinated second act from the content.
    """

    def __init__(self, syn: SentenceSyntax, acts: dict[int, Predicate]) -> None:
        self.syn = syn
        self.acts = acts

    def clause(self, v: Token, extra: list[Token]) -> Token | None:
        """The content clause of a speech verb (or of its light-verb noun)."""
        host = self.parenthetical_host(v)
        if host is not None:
            return host
        for t in [v, *extra]:
            for c in self.syn.ch(t, "clausal_complement"):
                if self._after_next_act(v, c):
                    continue  # "wies die Forderung zurück und erklärte, das Land habe ...": the next act's
                if self.syn.cues.predicative_phrase(c.doc, c):
                    continue  # "lehnte das Ziel als „unvernünftig“ ab": what it was called, not what was said
                if self._condition_marked(c):
                    continue  # "hat eine Beteiligung ausgeschlossen, auch wenn der Sicherheitsrat ... billigen sollte"
                if self.inverted_condition(c):
                    # "threatened tariffs should the talks collapse": the condition, not the threat; a parse
                    # may hang what was said on the condition ("sollte Iran ..., werde man ... verhängen").
                    inner = [
                        k
                        for k in self.syn.ch(c, "clausal_complement", "parataxis", "conjunct")
                        if k.i > c.i and k.pos_ in VERBAL_POS and not self.inverted_condition(k)
                    ]
                    if inner:
                        return inner[0]
                    continue
                if c.pos_ in VERBAL_POS or self.syn.has_marker(c) or c.dep_ not in self.syn.s.labels("open_complement"):
                    return c
            for c in self.syn.ch(t, "adverbial_clause"):
                # (an adverbial "if" clause is the condition, not what was said: "threatened sanctions if
                # the two countries concluded a deal"; "asked if ..." is a complement)
                if self.syn.has_marker(c) and not self._conditional(c):
                    return c
        # "threatened to respond", "forderte, ... abzuziehen": an infinitival complement is the content.
        for c in self.syn.ch(v, "open_complement"):
            # (not "als absurd": a predicative adjective is no content; not the next act's infinitive:
            # "drohte mit Sanktionen und forderte die Generäle auf, die Macht abzugeben")
            if c.pos_ in ("VERB", "AUX") and not self.inverted_condition(c) and not self._after_next_act(v, c):
                return c
        # ("kündigte an, mit den Nachbarstaaten enger zusammenzuarbeiten" with the infinitive left unlabelled)
        marker_labels = self.syn.s.labels("marker")
        for c in self.syn.ch(v, "unclassified"):
            infinitive = c.i > v.i and c.pos_ == "VERB" and marked_infinitive(self.syn.cues, c, marker_labels)
            if infinitive and not self._after_next_act(v, c):
                return c
        cut_off = self._infinitive_after_comma(v)
        if cut_off is not None:
            return cut_off[0]
        # Reported speech without a complementizer: "sagte, sein Land liefere keine Waffen". Parsers attach
        # such a clause loosely (parataxis, or a conjunct); the subjunctive of its verb marks it as reported.
        for c in self.syn.ch(v, "parataxis", "conjunct"):
            if self.inverted_condition(c) or self._after_next_act(v, c):
                continue  # ("verurteilte den Angriff und wies die Behauptung zurück, es gebe ...": the next act's)
            if c.i > v.i and c.pos_ in VERBAL_POS and (self.syn.s.has(c, "parataxis") or "Sub" in c.morph.get("Mood")):
                return c
        return None

    def _infinitive_after_comma(self, v: Token) -> tuple[Token, int] | None:
        """The infinitive after the comma of an act a weak parse cut off from it ("rief die Mitgliedstaaten
        auf, die Vermögenswerte stärker ... zu nutzen", with "stärker" taken for a verb), and that comma:
        the first verb with an infinitive marker, when no other verb that could head a clause stands between."""
        markers = self.syn.cues.infinitive_markers
        pred = self.acts.get(v.i)
        if not markers or pred is None or pred.frame != "act":
            return None
        doc = self.syn.span.doc
        comma = next((t.i for t in self.syn.tokens if t.i > v.i and t.text == ","), None)
        if comma is None or any(t.pos_ in ("VERB", "AUX") for t in doc[v.i + 1 : comma]):
            return None  # "verurteilte ... und forderte X auf, ...": the comma is the next verb's
        for t in doc[comma + 1 : self.syn.span.end]:
            if t.text == "," or t.i in self.acts:
                return None
            if t.pos_ == "VERB" and marked_infinitive(self.syn.cues, t, self.syn.s.labels("marker")):
                return t, comma
        return None

    def parenthetical_host(self, v: Token) -> Token | None:
        """The clause a parenthetical reporting clause reports: "Russland hat die Ukraine angegriffen, wie
        die Agentur Interfax meldete", "Police detained 100 people, as the agency reported"."""
        markers = self.syn.cues.parenthetical_markers
        head = v.head
        if not markers or head.i == v.i or head.pos_ not in ("VERB", "AUX"):
            return None
        if not any(m.lower_ in markers for m in self.syn.ch(v, "marker")):
            return None
        # "stürmten die Vertretungen ... und legten Feuer, wie AFP berichtete": the whole coordination.
        while self.syn.s.has(head, "conjunct") and head.head.i < head.i and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
        return head

    def _conditional(self, c: Token) -> bool:
        return self.inverted_condition(c) or any(
            self.syn.cues.modals.get(m.text.lower()) == "condition" for m in self.syn.ch(c, "marker")
        )

    def _after_next_act(self, v: Token, c: Token) -> bool:
        """Whether another speech verb stands between ``v`` and the clause ``c`` after it: then ``c`` is
        what that verb says, however the parse attached it."""
        return c.i > v.i and any(v.i < i < c.left_edge.i for i in self.acts)

    def _condition_marked(self, c: Token) -> bool:
        """A clause opened by a condition that is no question word ("wenn", "falls", "unless"; not "ob",
        "whether" or "if", which also open what was asked)."""
        return any(self._condition_word(m.lower_) for m in self.syn.ch(c, "marker"))

    def _condition_word(self, word: str) -> bool:
        cues = self.syn.cues
        return cues.modals.get(word) == "condition" and word not in cues.question_markers

    def inverted_condition(self, c: Token) -> bool:
        """Whether clause ``c`` opens with an auxiliary of condition, put first ("should the talks collapse",
        "sollten sie Bazoum nicht freilassen"): a condition without a complementizer."""
        doc = c.doc
        first = next((t for t in doc[c.left_edge.i : c.i + 1] if not is_punct(t)), None)
        return (
            first is not None
            and first.i < c.i
            and first.pos_ in VERBAL_POS
            and first.text.lower() in self.syn.cues.inverted_conditions
        )

    def reported_after_comma(self, v: Token) -> tuple[Token, tuple[int, int]] | None:
        """Reported speech without a complementizer after the verb's comma: its subjunctive verb and span.

        German reports speech in the subjunctive ("sagte ..., die Berichte seien Propaganda"); the mood of
        the verb marks the clause even when a weak parse attaches its parts all over the sentence.
        """
        doc = self.syn.span.doc
        comma = next((t for t in self.syn.tokens if t.i > v.i and t.text == ","), None)
        if comma is None or self.syn.s.has(v, "relative_clause") or any(t.text in '„“"»«' for t in doc[v.i : comma.i]):
            return None
        if any(t.i in self.acts for t in doc[v.i + 1 : comma.i]):
            return None  # "wies die Forderung zurück und erklärte, ...": what follows is the next act's
        end = self.syn.span.end
        while end - 1 > comma.i and is_punct(doc[end - 1]):
            end -= 1
        if end - comma.i < 3:
            return None
        if doc[comma.i + 1].text.lower() in self.syn.cues.inverted_conditions:
            # "drohte mit Zöllen, sollten die Gespräche scheitern": a condition after the comma; what was said,
            # if anything, follows the condition's own comma ("sagte, sollte Iran ..., werde man ...").
            comma = next((t for t in doc[comma.i + 1 : end] if t.text == ","), None)
            if comma is None or end - comma.i < 3:
                return None
        elif any(self._condition_word(t.lower_) for t in doc[comma.i + 1 : min(comma.i + 3, end)]):
            return None  # "..., auch wenn der Sicherheitsrat ... billigen sollte": a condition, not what was said
        if any(_relative(t, doc[comma.i - 1]) for t in doc[comma.i + 1 : min(comma.i + 3, end)]):
            return None  # "warnte vor einem Handelskrieg, bei dem es nur Verlierer gebe": a relative clause
        if comma.i + 1 in self.acts:
            return None  # "bestätigte das Treffen, bestritt aber, dass ...": the next act opens after the comma
        sub = [t for t in doc[comma.i + 1 : end] if t.pos_ in ("VERB", "AUX") and "Sub" in t.morph.get("Mood")]
        endings = self.syn.cues.subjunctive_endings
        if not sub and endings:
            # A weak tagger misses the subjunctive of a lexical verb ("Russland greife ... an" as a participle,
            # "dürfe" as an adverb or an indicative): the first verb of the clause before its own comma, by its
            # coarse or its fine tag, with a subjunctive ending, is the reported one - unless it also has the
            # ending of a past indicative ("sagte") and the morphology reads it so.
            finite_tags = self.syn.cues.finite_tags
            stop = next((t.i for t in doc[comma.i + 1 : end] if t.text == ","), end)
            sub = [
                t for t in doc[comma.i + 2 : stop]
                if (t.pos_ in ("VERB", "AUX") or t.tag_ in finite_tags) and subjunctive_by_ending(self.syn.cues, t)
            ][:1]  # fmt: skip
        return (sub[0], (comma.i + 1, end)) if sub else None

    def clause_span(self, v: Token, clause: Token) -> tuple[int, int]:
        """Token range of a content clause; a clause a parser split into several complements is rejoined.

        A verb reports one content; two clausal complements on the same side
        of it are pieces of one clause ("warnte, dass eine Beteiligung ... ein
        gravierendes Problem darstellen würde" parsed as two ccomps).
        """
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        side = clause.i > v.i
        cut_off = self._infinitive_after_comma(v)
        if cut_off is not None and cut_off[0].i == clause.i:
            start = cut_off[1] + 1  # the whole infinitive clause after the comma
        host = self.parenthetical_host(v)
        if host is not None and host.i == clause.i:
            # The host clause without the reporting clause inside it, and without the comma between them.
            if v.left_edge.i > clause.i:
                end = v.left_edge.i
            else:
                start = v.right_edge.i + 1
            doc = self.syn.span.doc
            while end > start and is_punct(doc[end - 1]):
                end -= 1
            while start < end and is_punct(doc[start]):
                start += 1
            return start, end
        for c in self.syn.ch(v, "clausal_complement"):
            if c is not clause and (c.i > v.i) == side:
                start, end = min(start, c.left_edge.i), max(end, c.right_edge.i + 1)
        if side:
            start = max(start, v.i + 1)
            if self.syn.s.has(clause, "open_complement"):
                # "forderte die Staaten auf, Personal und Geld bereitzustellen": the infinitive's phrases the
                # parse hung on the reporting verb, after its comma, are the infinitive's.
                doc = self.syn.span.doc
                comma = next((t.i for t in reversed(doc[v.i + 1 : clause.i]) if t.text == ","), None)
                if comma is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1 : clause.i]):
                    start = comma + 1  # (also dropping the reporting verb's particle: "forderte ... auf,")
        else:
            end = min(end, v.i)
        # "said the law would ensure transparency and accused foreign-funded groups of ...": the second
        # speech verb, which the parse coordinated with the content's verb, is the speaker's next act.
        for c in self.coordinated_acts(clause):
            end = min(end, self.syn.conjunct_start(c))
        if side:
            end = self._continued(v, end)
        return start, end

    def _continued(self, v: Token, end: int) -> int:
        """The end of a content clause whose later verbs the parse hung on the speech verb, after a comma
        ("demanded that Russia admit guilt, punish those responsible and pay compensation": "punish" as
        the verb's advcl); a speech verb, or a verb with a subject or marker of its own, is not one."""
        doc = self.syn.span.doc
        while True:
            gap = end
            while gap < self.syn.span.end and doc[gap].text == ",":
                gap += 1
            nxt = [
                k
                for k in self.syn.ch(v, "adverbial_clause", "conjunct", "parataxis")
                if k.left_edge.i == gap and k.pos_ == "VERB" and k.i not in self.acts
                and not self.syn.ch(k, "subject") and not self.syn.ch(k, "marker")
            ]  # fmt: skip
            if not nxt or gap == end:
                return end
            end = nxt[0].right_edge.i + 1

    def coordinated_acts(self, clause: Token) -> list[Token]:
        """Subjectless speech verbs coordinated with a content clause's verb (the reporting verb's conjuncts)."""
        return [
            c
            for c in self.syn.ch(clause, "conjunct")
            if c.i in self.acts and self.acts[c.i].kind == "speech" and not self.syn.ch(c, "subject")
            and not self.syn.ch(c, "marker") and c.i > clause.i  # (an infinitive "zu blockieren" is content)
        ]  # fmt: skip


def _relative(t: Token, before_comma: Token) -> bool:
    """Whether ``t`` opens a relative clause of a noun before the comma. A pronoun that is interrogative as
    well ("wer", "was") may open a free relative that is what was said, subject of the reported verb
    ("erklärte, wer Drohnen kaufe, sei kein Feind"): a relative only after a noun ("das Gesetz, was")."""
    types = t.morph.get("PronType")
    if "Rel" not in types:
        return False
    return "Int" not in types or before_comma.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
