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
Nothing in this module raises on odd parses; a sentence that cannot be read
yields no triples.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import LanguageCues, cues_for
from kg.extract.deps import Scheme, scheme_of_doc
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.nominal import nominal_triples
from kg.extract.quotes import quotation_triples
from kg.extract.syntax import NOMINAL_POS, VERBAL_POS, SentenceSyntax
from kg.model import Concept, Entity, Provenance, Triple
from kg.predicates import PREDICATES, Predicate

log = logging.getLogger(__name__)

#: Sentences longer than this are skipped: parses of run-on text are noise, and cost grows with length.
MAX_SENTENCE_TOKENS = 150

BASE_CONFIDENCE = 0.9
FALLBACK_CONFIDENCE = 0.6
#: Assertions whose negated content is also a denial by the speaker ("betonte, ... keine Hilfe benötige").
#: Not DENIES/REJECTS (a double negation), not ACCUSES/WARNS/DEMANDS (their content is not the speaker's claim).
DENIAL_FROM = frozenset({"STATES"})
#: The denial is read off the content, one inference further than the statement itself.
DENIAL_DISCOUNT = 0.9


@dataclass
class _Arg:
    """A resolved argument with how much we trust it."""

    mention: Mention
    confidence: float = 1.0


@dataclass
class _Sentence:
    index: int
    span: Span
    provenance: Provenance
    #: (start, end, speaker key, predicate): token ranges that are the content of someone's speech act
    reported: list[tuple[int, int, str, Predicate]] = field(default_factory=list)


class RelationExtractor:
    """Relation extraction for one language and label scheme; cheap to build, reusable across docs."""

    def __init__(self, lang: str, scheme: Scheme | None = None) -> None:
        self.lang = lang
        self.cues: LanguageCues = cues_for(lang)
        self.scheme = scheme

    # -- entry point -----------------------------------------------------------------

    def extract(self, doc: Doc, index: MentionIndex, article_id: str) -> list[Triple]:
        """All triples of ``doc``; never raises (a failing sentence is logged and skipped)."""
        scheme = self.scheme or scheme_of_doc(doc)
        out: list[Triple] = []
        sents = list(_sentences(doc))
        heads = _head_indices(doc)
        text = doc.text  # built from the tokens on every access: once per doc
        for i, sent in enumerate(sents):
            if len(sent) > MAX_SENTENCE_TOKENS or len(sent) < 2:
                continue
            if not index.touches(sent.start, sent.end):
                continue  # every triple has an entity subject (or source) in its sentence: none here
            # text[start_char:end_char] is Span.text without building a Token per word.
            evidence = text[sent.start_char : sent.end_char]
            lead = len(evidence) - len(evidence.lstrip())  # a blanked dateline is no part of the evidence
            start_char = sent.start_char + lead
            s = _Sentence(i, sent, Provenance(article_id, i, start_char, sent.end_char, evidence[lead:]))
            try:
                out.extend(_SentenceReader(self, scheme, index, s, heads).read())
            except Exception:  # a parse we did not foresee must not stop the article
                log.exception("relation extraction failed on sentence %d of %s", i, article_id)
        try:
            quoted, superseded = quotation_triples(doc, sents, out, self.cues, index, self.lang, article_id)
            out = [t for t in out if t.id not in superseded] + quoted
        except Exception:
            log.exception("reading quotations failed in %s", article_id)
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


class _SentenceReader(SentenceSyntax):
    """Reads the frames of one sentence."""

    def __init__(
        self, ex: RelationExtractor, scheme: Scheme, index: MentionIndex, sent: _Sentence, heads: list[int]
    ) -> None:
        super().__init__(ex.cues, scheme, index, sent.span, heads)
        self.lang = ex.lang
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
        self.acts: dict[int, Predicate] = {f[0].i: f[1] for f in frames if f[1].kind == "speech"}
        #: verb token -> (predicate, coding of its use): a lexicon entry may carry a narrower CAMEO code
        self.codings = {f[0].i: (f[1], f[1].fields(self.lang, f[2], f[3])) for f in frames}
        # Speech verbs first, outermost first: their content clauses tell which inner triples are reported.
        frames.sort(key=lambda f: (f[1].kind != "speech", f[0].left_edge.i - f[0].right_edge.i))
        out: list[Triple] = []
        attribution = self._attribution()
        if attribution is not None:
            out.extend(attribution)
        for tok, pred, lemma, _noun in frames:
            if self._inside_act(tok):
                continue  # a denied, demanded, threatened ... act is not a fact, nor a second speech act
            out.extend(self._triples(tok, pred, lemma))
        out.extend(nominal_triples(self))
        return out

    def _frame(self, tok: Token) -> tuple[Token, Predicate, str, str | None] | None:
        particles = self.ch(tok, "particle")
        if self.cues.prepositional_verbs:
            # "called on Moscow": the preposition completes the verb like a particle.
            particles += [c for c in self.ch(tok, "oblique") if c.pos_ == "ADP" and c.i > tok.i]
        lemmas = self.cues.candidates(tok, particles)
        if not lemmas:
            return None
        # Object heads, and nouns behind a preposition as "prep noun" ("mit einem Veto drohen").
        objects = tuple(o.lemma_ for o in self._object_tokens(tok))
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

    def _confidence(self, *args: _Arg, hedged: bool = False, fallback: bool = False) -> float:
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
        while toks and (_punct(toks[0]) or (drop_marker and toks[0].text.lower() in self.cues.complementizers)):
            toks.pop(0)
        while toks and _punct(toks[-1]):
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
            c
            for c in self.ch(clause, "conjunct")
            if c.i in self.acts and not self.ch(c, "subject") and c.i > clause.i
        ]

    def _conjunct_start(self, c: Token) -> int:
        """Where conjunct ``c`` begins, with its coordinator and the comma before it."""
        start = c.left_edge.i
        while start - 1 > self.span.start and (
            _punct(self.span.doc[start - 1]) or self.span.doc[start - 1].pos_ == "CCONJ"
        ):
            start -= 1
        return start

    # -- triples ---------------------------------------------------------------------

    def _reported_by(self, v: Token, speaker: str | None) -> str | None:
        inner = [r for r in self.sent.reported if r[0] <= v.i < r[1] and r[2] != speaker]
        if not inner:
            return None
        return min(inner, key=lambda r: r[1] - r[0])[2]

    def _subjects(self, v: Token) -> tuple[list[_Arg], bool]:
        head = v.head
        if head.i != v.i and v in self._coordinated_acts(head) and self.s.has(head, "clausal_complement"):
            # The speaker's second act ("said ... and accused X"): the reporting verb's subject.
            speaker = head.head
            if speaker.i in self.acts:
                v = speaker
        toks, inherited = self._subject_tokens(v)
        args = [_Arg(m, 0.9 if inherited else 1.0) for t in toks for m in self._entities(t)]
        if args or (toks and inherited):
            return args, False
        m = self._prefield(v)
        return ([_Arg(m, 1.0)], True) if m is not None else ([], False)

    def _triples(self, v: Token, pred: Predicate, lemma: str) -> list[Triple]:
        subjects, fallback = self._subjects(v)
        if not subjects:
            return []
        if pred.kind == "speech":
            return self._speech(v, pred, lemma, subjects, fallback)
        if self.cues.modality(v, self._auxiliaries(v)) is not None:
            return []  # "will cut its levies", "could attack": a future or possible event is no fact
        return self._event(v, pred, lemma, subjects, fallback)

    def _make(
        self,
        subj: _Arg,
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

    def _speech(self, v: Token, pred: Predicate, lemma: str, subjects: list[_Arg], fallback: bool) -> list[Triple]:
        objects = self._object_tokens(v)
        light_nouns = [o for o in objects if (lemma, o.lemma_.lower()) in self.cues.lexicon.light]
        clause = self._clause(v, light_nouns)
        if clause is not None and pred.frame == "act" and self._is_question(clause):
            return []  # "asked whether Russia would help": a question, not a demand
        speaker = subjects[0].mention.entity.key
        clause_span = self._clause_span(v, clause) if clause is not None else None
        if clause_span is not None:
            self.sent.reported.append((*clause_span, speaker, pred))
        if pred.name == "QUOTES" and v.right_edge.i > v.i:
            # "Reuters quoted Austin as saying that ...": what Austin said reaches us through Reuters.
            self.sent.reported.append((v.i + 1, v.right_edge.i + 1, speaker, pred))

        targets: list[_Arg] = []
        for o in objects + self.ch(v, "indirect_object"):
            if o in light_nouns:
                continue
            targets += [_Arg(m) for m in self._entities(o)]
        allowed = pred.preps.get(self.lang, frozenset())
        if not targets and allowed and not pred.addressee:
            # "forderte von Russland", "called on Moscow": the addressee in a prepositional phrase, also one
            # the parse hung on the verb's particle ("called on/prt the authorities/pobj").
            pairs = self._prep_args(v) + [
                (p.text.lower(), n) for p in self.ch(v, "particle") for n in self.ch(p, "prepositional_object")
            ]
            targets = [_Arg(m) for prep, n in pairs if prep in allowed for m in self._entities(n)]
        addressee: str | None = None
        if pred.addressee and targets and clause_span is not None:
            # "told Reuters that ...", "sagte der Agentur Interfax, ...": whom it was said to, never what.
            # Without a clause ("told Reuters:") the actor object stays a frame for the quotation reader,
            # which turns it into the addressee of the quote (and drops what it cannot use).
            addressee, targets = targets[0].mention.entity.key, []
        obj_fallback = False
        if not targets and pred.name == "QUOTES":
            m = self._quoted(v)
            if m is not None:
                targets, obj_fallback = [_Arg(m)], True

        concept: Concept | None = None
        if not targets:
            if clause_span is not None:
                concept = self._concept(*clause_span)
            elif pred.content != "clause":
                concept = self._np_concept(
                    [o for o in objects if o not in light_nouns] or self._loose_objects(v),
                    v,
                    charges=pred.charges.get(self.lang, frozenset()),
                )
            if concept is None and allowed:
                # "warnte vor einer Eskalation", "warned of a famine": the content in the verb's own preposition.
                nouns = [n for prep, n in self._prep_args(v) if prep in allowed]
                concept = self._np_concept(nouns)
            if concept is None and light_nouns:
                # "wies den Vorwurf zurück", "rejected the accusations": without a clause, the noun that
                # decided the reading is also what is denied or rejected.
                concept = self._np_concept(light_nouns, v)
        if not targets and concept is None:
            return []

        negative = self._negated(v)
        hedged = self._hedged(v)
        if clause_span is not None and not hedged:
            hedged = any(self.cues.is_hedge(t) for t in self.span.doc[clause_span[0] : clause_span[1]])
        out = []
        for subj in subjects:
            reported = self._reported_by(v, subj.mention.entity.key)
            objs: list[tuple[Entity | Concept, tuple[_Arg, ...]]] = (
                [(t.mention.entity, (t,)) for t in targets] if targets else [(concept, ())]  # type: ignore[list-item]
            )
            for obj, extra in objs:
                conf = self._confidence(subj, *extra, hedged=hedged, fallback=fallback or obj_fallback)
                t = self._make(
                    subj,
                    pred,
                    obj,
                    v,
                    lemma,
                    negative=negative,
                    hedged=hedged,
                    conf=conf,
                    reported_by=reported,
                    addressee=addressee,
                )
                if t is None:
                    continue
                out.append(t)
                if clause_span is not None and not negative and not targets and clause is not None:
                    if pred.name in DENIAL_FROM:
                        out += self._denials(t, subj, clause_span, v, lemma, reported)
                    if pred.intent:
                        out += self._intent(t, subj, clause, clause_span, v, lemma, reported)
        return out

    def _pp_noun(self, c: Token) -> list[Token]:
        """The noun of a prepositional phrase child ``c`` (UD ``case`` child, or ClearNLP ``prep`` head)."""
        if c.pos_ == "ADP":
            return [n for n in self.ch(c, "prepositional_object") if n.pos_ in NOMINAL_POS]
        if c.pos_ in NOMINAL_POS and self.ch(c, "case") and c.i > c.head.i:
            return [c]
        return []

    def _is_question(self, clause: Token) -> bool:
        return any(c.text.lower() in self.cues.question_markers for c in self.ch(clause, "marker"))

    # -- the act inside a statement: intentions and obligations -------------------------

    def _intent(
        self, stated: Triple, subj: _Arg, clause: Token, span: tuple[int, int], v: Token, lemma: str, reported
    ) -> list[Triple]:
        """The act a statement's modal content performs.

        "Armenia said it was ready to open its border crossings", "sagte, man werde
        Waffen liefern": an intention of the speaker itself is a PROMISES, or a
        THREATENS when the intended act is a conflict event (quad class 3-4). "Berlin
        said Moscow must free the journalist": an obligation laid on another named
        actor is a DEMANDS of that actor. Hypotheticals and conditions type nothing.
        """
        head = clause
        # "was ready to open": an intention adjective (heading the clause, or predicative under its copula)
        # governs the intended act, its complement.
        near = [clause, *self.kids.get(clause.i, ())]
        adjectives = [t for t in near if t.lemma_.lower() in self.cues.intent_adjectives]
        mood = self.cues.modality(head, self._auxiliaries(head))
        if adjectives:
            mood = "intention"
            for c in self.ch(adjectives[0], "open_complement", "clausal_complement"):
                head = c
                break
        if mood not in ("intention", "obligation"):
            return []
        doer_toks, _ = self._subject_tokens(clause)
        doers = [m for t in doer_toks for m in self._entities(t)]
        speaker = subj.mention.entity.key
        if mood == "intention" and doer_toks and not doers and not any(t.pos_ == "PRON" for t in doer_toks):
            return []  # "said the alliance would defend ...": someone else's intention, named but unresolved
        conf = round(stated.confidence * DENIAL_DISCOUNT, 3)
        if mood == "obligation":
            out = []
            for m in doers:
                if m.entity.key != speaker:
                    t = self._make(
                        subj, PREDICATES["DEMANDS"], m.entity, v, lemma, negative=False,
                        hedged=stated.hedged, conf=conf, reported_by=reported, coding=PREDICATES["DEMANDS"].fields(),
                    )  # fmt: skip
                    if t is not None:
                        out.append(t)
            return out
        if doers and all(m.entity.key != speaker for m in doers):
            return []  # someone else's intention is reported, not promised
        if self._negated(head):
            return []  # "werde nicht zurücktreten": an intention not to act is neither promise nor denial
        if self._hedged(head) or any(self.cues.is_hedge(t) for t in self.span.doc[span[0] : span[1]]):
            return []  # "he would likely speak to Xi": a guess, not a promise
        inner = self.codings.get(head.i)
        conflict = inner is not None and (inner[1].get("quad") or 0) >= 3
        if inner is None and mood == "intention" and not adjectives:
            return []  # "said it would respond": a bare future of an unknown act types nothing
        pred = PREDICATES["THREATENS" if conflict else "PROMISES"]
        assert isinstance(stated.object, Concept)
        t = self._make(
            subj, pred, stated.object, v, lemma, negative=False, hedged=stated.hedged, conf=conf,
            reported_by=reported, coding=pred.fields(),
        )  # fmt: skip
        return [t] if t is not None else []

    # -- denials from negated reported content ------------------------------------------

    def _denials(
        self, stated: Triple, subj: _Arg, span: tuple[int, int], v: Token, lemma: str, reported: str | None
    ) -> list[Triple]:
        """What a speaker denies by asserting a negated content.

        "Russland betonte, dass es keinerlei militärische Unterstützung benötige" is a
        statement and a denial of "militärische Unterstützung"; "The Kremlin insisted that
        no North Korean soldiers were in Russia" denies the clause without its negation.
        One denial per negated verb of the content clause (relative clauses excluded:
        they describe a noun, they are not what is asserted).
        """
        deny = PREDICATES["DENIES"]
        out = []
        last_subjects: list[Token] = []
        for u in self.span.doc[span[0] : span[1]]:
            if u.pos_ not in VERBAL_POS or self.s.has(u, "auxiliary", "passive_auxiliary", "relative_clause"):
                continue
            if u.pos_ == "ADJ" and not self.ch(u, "subject", "predicative"):
                continue  # an attributive adjective ("eine nicht unerhebliche Zahl") heads no clause
            # Only the speaker's own involvement is denied by negating it ("Russland betonte, dass es keinerlei
            # Unterstützung benötige"); "Berlin habe keine Beweise vorgelegt" or "no one was injured" is no denial,
            # and neither is an intention ("er werde nicht zurücktreten").
            doer_toks = self._subject_tokens(u)[0] or last_subjects  # "es habe ... und ... benötige": shared
            if doer_toks:
                last_subjects = doer_toks
            doers = [m.entity.key for t in doer_toks for m in self._entities(t)]
            # An unresolved pronoun subject ("Moscow said it did not need ...") refers back to the speaker.
            own = doers == [subj.mention.entity.key] or (not doers and any(t.pos_ == "PRON" for t in doer_toks))
            if not own or self.cues.modality(u, self._auxiliaries(u)) is not None:
                continue
            concept = self._denied(u, span)
            if concept is None:
                continue
            conf = round(stated.confidence * DENIAL_DISCOUNT, 3)
            t = self._make(
                subj, deny, concept, v, lemma, negative=False, hedged=stated.hedged, conf=conf, reported_by=reported
            )
            if t is not None:
                out.append(t)
        return out

    def _negative_det(self, o: Token) -> list[Token]:
        """Negation words determining a noun phrase ("keine Truppen", "no soldiers")."""
        return [d for d in self.kids.get(o.i, ()) if d.i < o.i and self.cues.is_negation(d)]

    def _denied(self, u: Token, span: tuple[int, int]) -> Concept | None:
        """The phrase a negation in the clause of ``u`` denies, or None when ``u`` is not negated.

        A negated object phrase is what is denied ("keinerlei Unterstützung" ->
        "Unterstützung"); a negated verb denies its object, or without one its clause;
        a negated subject ("no soldiers were in Russia") denies the clause. A
        negative pronoun standing alone ("keine der Parteien", "nothing") names no
        phrase and gives no denial.
        """
        objects = [o for o in self._object_tokens(u) if o.pos_ in NOMINAL_POS and not self.cues.is_negation(o)]
        # An actor as object ("did not attack Ukraine"): the event is denied, not the actor.
        things = [o for o in objects if not self._entities(o)]
        for o in objects:
            negs = self._negative_det(o)
            if negs:
                return self._denied_np(o, u) if o in things else self._denied_clause(u, span, negs)
        subjects = self._split_subjects(u)[0]
        neg_subject = [d for s in subjects for d in self._negative_det(s)]
        if neg_subject:
            return self._denied_clause(u, span, neg_subject)
        if not self._negated(u):
            return None
        if any(self.cues.is_negation(o) for o in self._object_tokens(u)):
            return None
        if things and len(things) == len(objects):
            return self._denied_np(things[0], u)
        negs = [c for t in [u, *self._auxiliaries(u)] for c in self.kids.get(t.i, ()) if self.cues.is_negation(c)]
        negs += self.ch(u, "negation")
        return self._denied_clause(u, span, negs)

    def _denied_np(self, o: Token, u: Token) -> Concept | None:
        start, end = self._np_range(o, u, datives=True)
        while start < end and (
            self.cues.is_negation(self.span.doc[start]) or self.cues.is_polarity_item(self.span.doc[start])
        ):
            start += 1
        return self._concept(start, end, drop_marker=False)

    def _denied_clause(self, u: Token, span: tuple[int, int], drop: list[Token]) -> Concept | None:
        start, end = max(u.left_edge.i, span[0]), min(u.right_edge.i + 1, span[1])
        gone = {t.i for t in drop}
        toks = [t for t in self.span.doc[start:end] if t.i not in gone]
        while toks and (_punct(toks[0]) or toks[0].text.lower() in self.cues.complementizers):
            toks.pop(0)
        while toks and _punct(toks[-1]):
            toks.pop()
        if not toks:
            return None
        text = "".join(t.text_with_ws for t in toks).strip()
        mentions = [m.entity.key for m in self.index.within(toks[0].i, toks[-1].i + 1)]
        return Concept.create(text, self.lang, mentions)

    def _quoted(self, v: Token) -> Mention | None:
        """The quoted person of a quoting verb on a weak parse: the mention right after it or before a quote marker."""
        m = self._adjacent(v.i, +1)
        if m is not None:
            return m
        words = self.words
        for marker in self.cues.quote_markers:
            n = len(marker)
            for k in range(v.i - self.span.start + 1, len(words) - n + 1):
                if tuple(words[k : k + n]) == marker:
                    return self._adjacent(self.span.start + k, -1)
        return None

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

    def _event(self, v: Token, pred: Predicate, lemma: str, subjects: list[_Arg], fallback: bool) -> list[Triple]:
        objects = self._object_tokens(v)
        object_nouns = pred.objects.get(self.lang, frozenset())
        light = self.cues.lexicon.light_nouns.get(lemma, frozenset())
        theme_is_noun = pred.gated(self.lang, lemma) or any(
            o.lemma_.lower() in light or o.lemma_.lower() in object_nouns for o in objects
        )
        targets: list[_Arg] = []
        allowed = pred.preps.get(self.lang, frozenset())
        agents = set(self._agents(v)) if self._is_passive(v) else set()
        preps = [
            _Arg(m) for prep, n in self._prep_args(v) if prep in allowed and n not in agents for m in self._entities(n)
        ]
        if theme_is_noun:
            # "liefert Waffen an Russland", "Sanktionen gegen Iran": the actor is in a prepositional phrase
            # or inside the theme noun's phrase ("den Geschäftsträger Nordkoreas").
            # "granted them asylum", "lieferte der Ukraine Waffen": a dative names the recipient.
            datives = [c for c in self.ch(v, "indirect_object") if c.pos_ != "ADP"]
            targets = preps or [_Arg(m) for d in datives for m in self._entities(d)]
            if not targets:
                for o in objects:
                    m = self._entity_inside(o)
                    if m is not None and m.entity.type != "Location":
                        targets.append(_Arg(m, 0.9))
        else:
            for o in objects + self.ch(v, "indirect_object"):
                # An actor inside the object phrase ("North Korea's envoy"), not a place ("ports on the Black Sea").
                inside = self._entity_inside(o)
                ms = self._entities(o) or ([inside] if inside and inside.entity.type != "Location" else [])
                targets += [_Arg(m) for m in ms]
            if not targets:
                targets = preps
        negative = self._negated(v, objects)
        hedged = self._hedged(v)
        out = []
        if not targets and pred.reciprocal and len(subjects) > 1:
            # "Putin und Kim trafen sich": each met the other.
            for a in subjects:
                for b in subjects:
                    if a is not b:
                        conf = self._confidence(a, b, hedged=hedged, fallback=fallback)
                        t = self._make(
                            a,
                            pred,
                            b.mention.entity,
                            v,
                            lemma,
                            negative=negative,
                            hedged=hedged,
                            conf=conf,
                            reported_by=self._reported_by(v, a.mention.entity.key),
                        )
                        if t is not None:
                            out.append(t)
            return out
        theme = None
        if not targets and pred.actor_target:
            return out
        if not targets:
            # The theme is what was done to: an object that is not the noun naming the deed, else the deed
            # noun's prepositional object ("launched attacks on foreign networks"), else the deed noun itself
            # ("legte sein Amt nieder": the office).
            deed = [o for o in objects if o.lemma_.lower() in light]
            rest = [o for o in objects if o not in deed]
            things = [o for o in rest if o.lemma_.lower() not in object_nouns] or rest
            if not things:
                things = [n for o in deed for c in self.kids.get(o.i, ()) for n in self._pp_noun(c)] or deed
            theme = self._np_concept(things, v, allowed)
            if theme is None and not objects:
                # "agreed to extend the border controls", "einigten sich darauf, ...": the clause is what.
                clause = self._clause(v, [])
                if clause is not None:
                    theme = self._concept(*self._clause_span(v, clause))
            if theme is None:
                return []
        for subj in subjects:
            reported = self._reported_by(v, subj.mention.entity.key)
            # "withdrew its troops", "sent its own forces": a state's own sector is its instrument, not the
            # target of its act.
            own = _state_of(subj.mention.entity)
            aimed = [t for t in targets if t.mention.entity.type != "Group" or _state_of(t.mention.entity) != own]
            if targets and not aimed:
                continue
            pairs = [(t.mention.entity, (t,)) for t in aimed] if targets else [(theme, ())]
            for obj, extra in pairs:
                conf = self._confidence(subj, *extra, hedged=hedged, fallback=fallback)
                t = self._make(
                    subj, pred, obj, v, lemma, negative=negative, hedged=hedged, conf=conf, reported_by=reported
                )
                if t is not None:
                    out.append(t)
        return out

    # -- attribution cues ("laut X", "according to X") --------------------------------

    def _attribution(self) -> list[Triple] | None:
        words = self.words
        if not self.cues.cue_starts.intersection(words):
            return None
        for cue in self.cues.cues:
            if not cue.with_speech and self.acts:
                continue  # "agencies, citing a Kremlin source, reported that ...": the agencies report
            n = len(cue.words)
            for k in range(len(words) - n + 1):
                if tuple(words[k : k + n]) != cue.words:
                    continue
                start, end = self.span.start + k, self.span.start + k + n
                source = self._cue_source(start, end, cue.source)
                if source is None:
                    continue
                m, phrase = source
                rest_start, rest_end = self.span.start, self.span.end
                if phrase[0] == self.span.start or phrase[0] <= self.span.start + 1:
                    rest_start = phrase[1]
                else:
                    rest_end = phrase[0]
                concept = self._concept(rest_start, rest_end, drop_marker=False)
                if concept is None:
                    return None
                self.sent.reported.append((rest_start, rest_end, m.entity.key, PREDICATES[cue.predicate]))
                pred = PREDICATES[cue.predicate]
                hedged = any(self.cues.is_hedge(t) for t in self.span.doc[rest_start:rest_end])
                subj = _Arg(m)
                t = self._make(
                    subj,
                    pred,
                    concept,
                    self.span.doc[start],
                    " ".join(cue.words),
                    negative=False,
                    hedged=hedged,
                    conf=self._confidence(subj, hedged=hedged),
                    reported_by=None,
                )
                return [t] if t is not None else None
        return None

    def _cue_source(self, start: int, end: int, where: str) -> tuple[Mention, tuple[int, int]] | None:
        """The source entity of an attribution cue and the token range of the whole attribution phrase."""
        if where == "after":
            for j in range(end, min(end + 8, self.span.end)):
                tok = self.span.doc[j]
                if _punct(tok) and tok.text in ",;:":
                    break
                m = self.index.at(j)
                if m is not None:
                    stop = m.end
                    if stop < self.span.end and self.span.doc[stop].text == ",":
                        stop += 1
                    return m, (start, stop)
            return None
        for j in range(start - 1, max(start - 8, self.span.start - 1), -1):
            m = self.index.at(j)
            if m is not None:
                # "X zufolge": the phrase starts at the source's own phrase.
                first = min(m.start, self.span.doc[j].left_edge.i)
                stop = end + 1 if end < self.span.end and self.span.doc[end].text == "," else end
                return m, (max(first, self.span.start), stop)
        return None


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
            idx = max(0, _bisect(starts, int(aff.token)))
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


def _bisect(starts: list[int], i: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= i:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _state_of(entity: Entity) -> str | None:
    """The state an actor is or belongs to (ISO3), if known."""
    return entity.key.removeprefix("country:") if entity.type == "Country" else entity.country


def _punct(token: Token) -> bool:
    """Punctuation by tag or by lexeme (hand-built Docs have tags but no lexical attributes)."""
    return token.pos_ == "PUNCT" or token.is_punct
