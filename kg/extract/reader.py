"""The reader of one sentence: frames found, acts recorded, triples made.

:class:`SentenceReader` finds the vocabulary verbs of a sentence (the frames), records which token
ranges are the content of whose speech act, decides what is inside an act's content (and so no
fact), and makes triples with their coding, provenance and confidence. What each kind of frame
reads is a pass of its own, composed here: speech acts (:mod:`kg.extract.speech`), events
(:mod:`kg.extract.events`), denials read from negated statements (:mod:`kg.extract.denials`),
attribution cues (:mod:`kg.extract.attribution`) and nominal events (:mod:`kg.extract.nominal`).
The role-level syntax it builds on is :class:`~kg.extract.syntax.SentenceSyntax`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import BASE_CONFIDENCE, FALLBACK_CONFIDENCE, Arg, SentenceState
from kg.extract.attribution import attribution_triples
from kg.extract.cues import LanguageCues
from kg.extract.deps import Scheme
from kg.extract.evaluation import evaluation_triples
from kg.extract.events import event_triples
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.nominal import event_doer, nominal_triples
from kg.extract.reciprocal import is_reciprocal, reciprocal_triples
from kg.extract.speech import speech_triples
from kg.extract.syntax import NOMINAL_POS, VERBAL_POS, SentenceSyntax, is_punct
from kg.model import Concept, Entity, Triple
from kg.predicates import Predicate


class SentenceReader(SentenceSyntax):
    """Reads the frames of one sentence."""

    def __init__(
        self, cues: LanguageCues, scheme: Scheme, index: MentionIndex, sent: SentenceState, heads: list[int]
    ) -> None:
        super().__init__(cues, scheme, index, sent.span, heads)
        self.lang = cues.lang
        self.sent = sent

    # -- orchestration ---------------------------------------------------------------

    def read(self) -> list[Triple]:
        frames = []
        roots = self.s.labels("root")
        for tok in self.tokens:
            # A word with a separable particle is a verb whatever a weak tagger says ("rief ... auf" as ADV).
            if tok.pos_ not in VERBAL_POS and tok.dep_ not in roots and not self.ch(tok, "particle"):
                continue
            frame = self._frame(tok)
            if frame is not None:
                frames.append(frame)
        #: verb token -> its speech-act predicate, for telling which verbs are inside someone's act
        self.acts: dict[int, Predicate] = {f[0].i: f[1] for f in frames if f[1].kind == "speech" or f[1].frame}
        #: verb token -> (predicate, coding of its use): a lexicon entry may carry a narrower CAMEO code
        self.codings = {f[0].i: (f[1], f[1].fields(self.lang, f[2], f[3])) for f in frames}
        # Speech verbs first, outermost first: their content clauses tell which inner triples are reported.
        frames.sort(key=lambda f: (f[1].kind != "speech", f[0].left_edge.i - f[0].right_edge.i))
        out: list[Triple] = []
        attribution = attribution_triples(self)
        if attribution is not None:
            out.extend(attribution)
        for tok, pred, lemma, _noun in frames:
            if self._inside_act(tok):
                continue  # a denied, demanded, threatened ... act is not a fact, nor a second speech act
            out.extend(self._evaluation(tok) or self._triples(tok, pred, lemma))
        framed = {f[0].i for f in frames}
        for tok in self.tokens:
            # "called the declaration illegal": a naming verb outside the vocabulary can still criticise.
            if tok.i not in framed and tok.pos_ in VERBAL_POS and not self._inside_act(tok):
                out.extend(self._evaluation(tok))
        out.extend(nominal_triples(self))
        return out

    def _evaluation(self, v: Token) -> list[Triple]:
        """Criticism by naming ("called X illegal"), read before the verb's own frame."""
        subjects, fallback = self._subjects(v)
        return evaluation_triples(self, v, subjects, fallback) if subjects else []

    def _frame(self, tok: Token) -> tuple[Token, Predicate, str, str | None] | None:
        particles = self.ch(tok, "particle")
        if self.cues.prepositional_verbs:
            # "called on Moscow": the preposition completes the verb like a particle.
            particles += [c for c in self.ch(tok, "oblique") if c.pos_ == "ADP" and c.i > tok.i]
        lemmas = self.cues.candidates(tok, particles)
        if not lemmas:
            return None
        # Object heads, and nouns behind a preposition as "prep noun" ("mit einem Veto drohen").
        heads = self._object_tokens(tok)
        # "suspended most of the new tariffs": the noun a quantity is taken of (after the heads themselves).
        heads += [n for o in heads if o.pos_ != "PROPN" for c in self.kids.get(o.i, ()) if c.i > o.i
                  for n in self._pp_noun(c) if n.pos_ == "NOUN" and n.i - o.i <= 4]  # fmt: skip
        objects = tuple(o.lemma_ for o in heads)
        # A weak lemmatizer's miss ("Kriegsgefangene" -> "Kriegsgefangen") must not hide a lexicon noun.
        objects += tuple(o.text for o in heads if o.lower_ != o.lemma_.lower())
        # "declared martial law": a modifier right before the head makes a two-word noun of the lexicon.
        objects += tuple(
            f"{m.lemma_} {o.lemma_}"
            for o in heads
            for m in self.kids.get(o.i, ())
            if m.i == o.i - 1 and m.pos_ != "DET"
        )
        objects += tuple(f"{prep} {n.lemma_}" for prep, n in self._prep_args(tok) if prep)
        hit = self.cues.predicate_for(tok, particles, objects, lemmas)
        if hit is None:
            return None
        lemma, pred, noun = hit
        return tok, pred, lemma, noun

    # -- frames: what is asserted, what is only said, wanted or denied -----------------

    def _inside_act(self, v: Token) -> bool:
        """Whether ``v`` is inside the content of another verb's speech act that does not assert it.

        The content of a denial, demand, threat, warning, accusation or promise
        ("denied supplying drones", "threatened to impose sanctions", "warned
        Berlin against supplying weapons") is not an event that happened, and a
        speech act nested in any speech act's content is not a separate one (the
        outer act is what the article reports). A "report" frame's own events
        are kept (as claims reported_by the speaker) unless a modal, future or
        condition makes them irrealis ("said it would send troops").
        """

        def hides(outer: Predicate) -> bool:
            # A report's realis content stays (as claims); its irrealis content, events or speech acts
            # alike ("said he would invite Netanyahu"), is no fact.
            if outer.frame == "act":
                return True
            return self.cues.modality(v, self._auxiliaries(v)) is not None

        if any(start <= v.i < end and hides(pred) for start, end, _speaker, pred in self.sent.reported):
            return True
        # The content of an act reached through the parse rather than a recorded clause: gerunds,
        # infinitives and prepositional complements below the act's verb ("denied arming the RSF").
        tok, steps = v, 0
        # An adverbial clause is not an act's content (", saying ...", "..., accusing X of ...").
        # Nor is its subject ("Iran's support for Hezbollah worries Washington": the support is no worry).
        stop = self.s.labels(
            "conjunct", "parataxis", "root", "relative_clause", "adverbial_clause", "subject", "passive_subject"
        )
        while steps < 6 and tok.head.i != tok.i and tok.dep_ not in stop:
            tok, steps = tok.head, steps + 1
            outer = self.acts.get(tok.i)
            if outer is not None:
                return hides(outer)
        return False

    # -- confidence ------------------------------------------------------------------

    def _confidence(self, *args: Arg, hedged: bool = False, fallback: bool = False) -> float:
        c = BASE_CONFIDENCE
        for a in args:
            c *= a.confidence * (0.8 if a.mention.via == "pronoun" else 1.0) * a.mention.confidence
        if hedged:
            c *= 0.9
        if fallback:
            c *= FALLBACK_CONFIDENCE / BASE_CONFIDENCE
        if len(self.span) > 60:
            c *= 0.9
        return round(max(0.05, min(1.0, c)), 3)

    # -- concepts --------------------------------------------------------------------

    def _concept(self, start: int, end: int, drop_marker: bool = True) -> Concept | None:
        toks = [t for t in self.span.doc[start:end]]
        while toks and (is_punct(toks[0]) or (drop_marker and toks[0].text.lower() in self.cues.complementizers)):
            toks.pop(0)
        while toks and is_punct(toks[-1]):
            toks.pop()
        if not toks:
            return None
        text = self.span.doc[toks[0].i : toks[-1].i + 1].text
        mentions = [m.entity.key for m in self.index.within(toks[0].i, toks[-1].i + 1)]
        return Concept.create(text, self.lang, mentions)

    def _clause(self, v: Token, extra: list[Token]) -> Token | None:
        """The content clause of a speech verb (or of its light-verb noun)."""
        for t in [v, *extra]:
            for c in self.ch(t, "clausal_complement"):
                if c.pos_ in VERBAL_POS or self._has_marker(c) or c.dep_ not in self.s.labels("open_complement"):
                    return c
            for c in self.ch(t, "adverbial_clause"):
                if self._has_marker(c):
                    return c
        # "threatened to respond", "forderte, ... abzuziehen": an infinitival complement is the content.
        for c in self.ch(v, "open_complement"):
            if c.pos_ in ("VERB", "AUX"):  # not "als absurd": a predicative adjective is no content
                return c
        # Reported speech without a complementizer: "sagte, sein Land liefere keine Waffen". Parsers attach
        # such a clause loosely (parataxis, or a conjunct); the subjunctive of its verb marks it as reported.
        for c in self.ch(v, "parataxis", "conjunct"):
            if c.i > v.i and c.pos_ in VERBAL_POS and (self.s.has(c, "parataxis") or "Sub" in c.morph.get("Mood")):
                return c
        return None

    def _reported_after_comma(self, v: Token) -> tuple[Token, tuple[int, int]] | None:
        """Reported speech without a complementizer after the verb's comma: its subjunctive verb and span.

        German reports speech in the subjunctive ("sagte ..., die Berichte seien Propaganda"); the mood of
        the verb marks the clause even when a weak parse attaches its parts all over the sentence.
        """
        doc = self.span.doc
        comma = next((t for t in self.tokens if t.i > v.i and t.text == ","), None)
        if comma is None or self.s.has(v, "relative_clause") or any(t.text in "„“\"»«" for t in doc[v.i : comma.i]):
            return None
        end = self.span.end
        while end - 1 > comma.i and is_punct(doc[end - 1]):
            end -= 1
        if end - comma.i < 3:
            return None
        sub = [t for t in doc[comma.i + 1 : end] if t.pos_ in ("VERB", "AUX") and "Sub" in t.morph.get("Mood")]
        return (sub[0], (comma.i + 1, end)) if sub else None

    def _clause_span(self, v: Token, clause: Token) -> tuple[int, int]:
        """Token range of a content clause; a clause a parser split into several complements is rejoined.

        A verb reports one content; two clausal complements on the same side
        of it are pieces of one clause ("warnte, dass eine Beteiligung ... ein
        gravierendes Problem darstellen würde" parsed as two ccomps).
        """
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        side = clause.i > v.i
        for c in self.ch(v, "clausal_complement"):
            if c is not clause and (c.i > v.i) == side:
                start, end = min(start, c.left_edge.i), max(end, c.right_edge.i + 1)
        if side:
            start = max(start, v.i + 1)
        else:
            end = min(end, v.i)
        # "said the law would ensure transparency and accused foreign-funded groups of ...": the second
        # speech verb, which the parse coordinated with the content's verb, is the speaker's next act.
        for c in self._coordinated_acts(clause):
            end = min(end, self._conjunct_start(c))
        return start, end

    def _coordinated_acts(self, clause: Token) -> list[Token]:
        """Subjectless speech verbs coordinated with a content clause's verb (the reporting verb's conjuncts)."""
        return [
            c for c in self.ch(clause, "conjunct") if c.i in self.acts and not self.ch(c, "subject") and c.i > clause.i
        ]

    def _conjunct_start(self, c: Token) -> int:
        """Where conjunct ``c`` begins, with its coordinator and the comma before it."""
        start = c.left_edge.i
        while start - 1 > self.span.start and (
            is_punct(self.span.doc[start - 1]) or self.span.doc[start - 1].pos_ == "CCONJ"
        ):
            start -= 1
        return start

    # -- triples ---------------------------------------------------------------------

    def _reported_by(self, v: Token, speaker: str | None) -> str | None:
        inner = [r for r in self.sent.reported if r[0] <= v.i < r[1] and r[2] != speaker]
        if not inner:
            return None
        return min(inner, key=lambda r: r[1] - r[0])[2]

    def _subjects(self, v: Token) -> tuple[list[Arg], bool]:
        head = v.head
        if head.i != v.i and v in self._coordinated_acts(head) and self.s.has(head, "clausal_complement"):
            # The speaker's second act ("said ... and accused X"): the reporting verb's subject.
            speaker = head.head
            if speaker.i in self.acts:
                v = speaker
        toks, inherited = self._subject_tokens(v)
        args = [Arg(m, 0.9 if inherited else 1.0) for t in toks for m in self._entities(t)]
        if not args:
            # "A Russian missile strike killed 34 people", "Ein israelischer Luftangriff tötete ...": an
            # event noun as subject stands for its doer.
            args = [Arg(m, 0.8) for t in toks if self._is_event_noun(t) for m in [event_doer(self, t)] if m]
        if not args and toks and all(t.pos_ == "PRON" and self.index.at(t.i) is None for t in toks):
            # "Russia said it had shot down 30 drones", "Die Hamas erklärte, sie habe ... freigelassen": an
            # unresolved pronoun subject of reported content is the speaker.
            speaker = self._speaker_of(v)
            if speaker is not None:
                return [Arg(speaker, 0.8)], False
        if args or (toks and inherited):
            return args, False
        m = self._prefield(v)
        return ([Arg(m, 1.0)], True) if m is not None else ([], False)

    def _speaker_of(self, v: Token) -> Mention | None:
        """The speaker's mention in this sentence whose recorded content ``v`` is in (the innermost)."""
        inner = [r for r in self.sent.reported if r[0] <= v.i < r[1]]
        if not inner:
            return None
        key = min(inner, key=lambda r: r[1] - r[0])[2]
        return next((m for m in self.index.within(self.span.start, self.span.end) if m.entity.key == key), None)

    def _is_event_noun(self, t: Token) -> bool:
        events = self.cues.lexicon.event_nouns
        return t.pos_ in NOMINAL_POS and (t.lemma_.lower() in events or t.lower_ in events)

    def _triples(self, v: Token, pred: Predicate, lemma: str) -> list[Triple]:
        subjects, fallback = self._subjects(v)
        if not subjects:
            return []
        if len({a.mention.entity.key for a in subjects}) > 1 and is_reciprocal(self, v):
            return reciprocal_triples(self, v, pred, lemma, subjects, fallback)
        if pred.kind == "speech":
            return speech_triples(self, v, pred, lemma, subjects, fallback)
        if self.cues.modality(v, self._auxiliaries(v)) is not None:
            return []  # "will cut its levies", "could attack": a future or possible event is no fact
        return event_triples(self, v, pred, lemma, subjects, fallback)

    def _make(
        self,
        subj: Arg,
        pred: Predicate,
        obj: Entity | Concept,
        v: Token,
        lemma: str,
        *,
        negative: bool,
        hedged: bool,
        conf: float,
        reported_by: str | None,
        addressee: str | None = None,
        coding: dict | None = None,
    ) -> Triple | None:
        if isinstance(obj, Entity) and obj.key == subj.mention.entity.key:
            return None
        if coding is None:
            found = self.codings.get(v.i)
            coding = found[1] if found is not None and found[0] is pred else pred.fields()
        return Triple(
            subject=subj.mention.entity,
            predicate=pred.name,
            object=obj,
            provenance=self.sent.provenance,
            verb=lemma,
            polarity="negative" if negative else "positive",
            hedged=hedged,
            **coding,
            confidence=conf,
            reported_by=reported_by if reported_by != subj.mention.entity.key else None,
            addressee=addressee if addressee != subj.mention.entity.key else None,
        )

    def _pp_noun(self, c: Token) -> list[Token]:
        """The noun of a prepositional phrase child ``c`` (UD ``case`` child, or ClearNLP ``prep`` head)."""
        if c.pos_ == "ADP":
            return [n for n in self.ch(c, "prepositional_object") if n.pos_ in NOMINAL_POS]
        if c.pos_ in NOMINAL_POS and self.ch(c, "case") and c.i > c.head.i:
            return [c]
        return []

    # -- the act inside a statement: intentions and obligations -------------------------

    # -- denials from negated reported content ------------------------------------------

    def _negative_det(self, o: Token) -> list[Token]:
        """Negation words determining a noun phrase ("keine Truppen", "no soldiers")."""
        return [d for d in self.kids.get(o.i, ()) if d.i < o.i and self.cues.is_negation(d)]

    def _loose_objects(self, v: Token) -> list[Token]:
        """Objects a weak parse attached to the verb above (``entschieden`` -> ``Spekulationen``)."""
        for head in self._chain_up(v):
            objs = [
                c
                for c in self.ch(head, "object", "oblique")
                if c.pos_ in NOMINAL_POS and not self.ch(c, "case") and c.i < v.i
            ]
            if objs:
                return objs
        return []

    def _np_concept(
        self,
        objects: list[Token],
        v: Token | None = None,
        targets: frozenset[str] = frozenset(),
        charges: frozenset[str] = frozenset(),
    ) -> Concept | None:
        """A concept from the first usable object phrase.

        A prepositional phrase right after the object that the parse hung on the
        verb is taken into the phrase ("Berichte über eine Entsendung ...", "a
        statement on deepening ..."): attachment there is the parser's guess, and
        the phrase belongs to the content, unless its preposition introduces the
        event's target.
        """
        for o in objects:
            if o.pos_ == "PRON" and self.index.at(o.i) is None:
                continue
            start, end = self._np_range(o, v, targets)
            for c in self.kids.get(o.i, ()):
                # "accused foreign-funded groups of trying ...": the charge is not part of the accused.
                prep = c if c.pos_ == "ADP" else next(iter(self.ch(c, "case")), None)
                if c.i > o.i and prep is not None and prep.text.lower() in charges:
                    end = min(end, self._conjunct_start(c))
            return self._concept(start, end, drop_marker=False)
        return None

    def _np_range(
        self, o: Token, v: Token | None, targets: frozenset[str] = frozenset(), datives: bool = False
    ) -> tuple[int, int]:
        """Token range of the object phrase of ``o``, with the prepositional phrase right after it (see above).

        ``datives``: a prepositional dative ("send weapons to Kyiv", ClearNLP ``dative``) counts as such a phrase.
        """
        start, end = o.left_edge.i, o.right_edge.i + 1
        if v is not None:
            pps = self.ch(v, "oblique")
            if datives:
                pps += [c for c in self.ch(v, "indirect_object") if c.pos_ == "ADP"]
            for c in sorted(pps, key=lambda t: t.i):
                first = c.left_edge.i
                prep = c.text.lower() if c.pos_ == "ADP" else self.span.doc[first].text.lower()
                if first == end and prep not in targets and not self.s.has(c, "temporal"):
                    end = c.right_edge.i + 1
        return start, end

    # -- attribution cues ("laut X", "according to X") --------------------------------
