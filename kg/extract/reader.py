"""The reader of one sentence: frames found, acts recorded, triples made.

:class:`SentenceReader` finds the vocabulary verbs of a sentence (the frames, :mod:`kg.extract.frames`),
records which token ranges are the content of whose speech act, decides what is inside an act's
content (and so no fact), and makes triples with their coding, provenance and confidence. What each
kind of frame reads is a pass of its own, composed here: speech acts (:mod:`kg.extract.speech`),
events (:mod:`kg.extract.events`), denials read from negated statements (:mod:`kg.extract.denials`),
attribution cues (:mod:`kg.extract.attribution`) and nominal events (:mod:`kg.extract.nominal`).
The syntax it builds on is held, not inherited: :class:`~kg.extract.syntax.SentenceSyntax` and
the helpers over it, one per kind of question (phrase entities, verb arguments, polarity, content
clauses, phrases as concepts).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from kg.extract.arguments import BASE_CONFIDENCE, FALLBACK_CONFIDENCE, Arg, SentenceState
from kg.extract.attribution import attribution_triples
from kg.extract.clauses import ContentClauses
from kg.extract.cues import LanguageCues
from kg.extract.deps import Scheme
from kg.extract.evaluation import evaluation_triples, names_its_object
from kg.extract.events import event_triples
from kg.extract.frames import find_frames
from kg.extract.mentions import Mention, MentionIndex
from kg.extract.nominal import event_doer, event_predicate, nominal_triples
from kg.extract.phrase_entities import PhraseEntities
from kg.extract.phrases import Phrases
from kg.extract.polarity import Polarity
from kg.extract.reciprocal import is_reciprocal, mutual_triples, reciprocal_triples
from kg.extract.speech import speech_triples
from kg.extract.syntax import NOMINAL_POS, VERBAL_POS, SentenceSyntax
from kg.extract.verb_arguments import VerbArguments, prefield_mentions
from kg.model import Concept, Entity, Triple
from kg.predicates import Predicate

#: Entity types that never act: places and dates.
_NOT_ACTORS = frozenset({"Location", "Event"})


class SentenceReader:
    """Reads the frames of one sentence."""

    def __init__(
        self, cues: LanguageCues, scheme: Scheme, index: MentionIndex, sent: SentenceState, heads: list[int]
    ) -> None:
        self.lang = cues.lang
        self.sent = sent
        self.syntax = syn = SentenceSyntax(cues, scheme, index, sent.span, heads)
        self.phrase_entities = refs = PhraseEntities(syn)
        self.arguments = args = VerbArguments(syn, refs)
        self.polarity = polarity = Polarity(syn)
        self.phrases = phrases = Phrases(syn)
        #: the sentence's frames, in token order, found before any is read
        self.frames = find_frames(syn, args, phrases)
        #: verb token -> its speech-act predicate, for telling which verbs are inside someone's act
        self.acts = {f.verb.i: f.pred for f in self.frames if f.pred.kind == "speech" or f.pred.frame}
        #: verb token -> (predicate, coding of its use): a lexicon entry may carry a narrower CAMEO code
        self.codings = {f.verb.i: (f.pred, f.pred.fields(self.lang, f.lemma, f.noun)) for f in self.frames}
        self.clauses = clauses = ContentClauses(syn, self.acts)
        # What the passes (speech, events, denials, attribution, nominal) ask the reader, answered by
        # its collaborators under the names the passes know.
        self.cues, self.s, self.index, self.span = cues, scheme, index, sent.span
        self.tokens, self.words, self.kids, self.ch = syn.tokens, syn.words, syn.kids, syn.ch
        self._auxiliaries, self._is_passive = syn.auxiliaries, syn.is_passive
        self._entity_at, self._entities, self._entity_inside, self._adjacent = (
            refs.entity_at,
            refs.entities,
            refs.entity_inside,
            refs.adjacent,
        )
        self._subject_tokens, self._split_subjects = args.subject_tokens, args.split_subjects
        self._object_tokens, self._agents, self._prep_args = args.object_tokens, args.agents, args.prep_args
        self._negated, self._hedged, self._negative_det = polarity.negated, polarity.hedged, polarity.negative_det
        self._concept, self._np_concept, self._np_range = phrases.concept, phrases.np_concept, phrases.np_range
        self._pp_noun, self._pp_concept = phrases.pp_noun, phrases.pp_concept
        self._loose_objects = phrases.loose_objects
        self._clause, self._clause_span = clauses.clause, clauses.clause_span
        self._reported_after_comma = clauses.reported_after_comma

    # -- orchestration ---------------------------------------------------------------

    def read(self) -> list[Triple]:
        """The sentence's triples: attribution cues, then each frame not inside an act, then nominal events."""
        frames = list(self.frames)
        # Speech verbs first, outermost first: their content clauses tell which inner triples are reported.
        frames.sort(key=lambda f: (f.pred.kind != "speech", f.verb.left_edge.i - f.verb.right_edge.i))
        out: list[Triple] = []
        attribution = attribution_triples(self)
        if attribution is not None:
            out.extend(attribution)
        for tok, pred, lemma, _noun in frames:
            if self._inside_act(tok):
                continue  # a denied, demanded, threatened ... act is not a fact, nor a second speech act
            out.extend(self._evaluation(tok) or self._triples(tok, pred, lemma))
        framed = {f.verb.i for f in frames}
        for tok in self.tokens:
            # "called the declaration illegal": a naming verb outside the vocabulary can still criticise.
            if tok.i not in framed and tok.pos_ in VERBAL_POS and not self._inside_act(tok):
                out.extend(self._evaluation(tok))
        out.extend(nominal_triples(self))
        return out

    def _evaluation(self, v: Token) -> list[Triple]:
        """Criticism by naming ("called X illegal"), read before the verb's own frame."""
        if not names_its_object(self, v):
            return []
        subjects, fallback = self._subjects(v)
        return evaluation_triples(self, v, subjects, fallback) if subjects else []

    def _inside_act(self, v: Token) -> bool:
        """Whether ``v`` is inside the content of another verb's speech act that does not assert it.

        The content of a denial, demand, threat, warning, accusation or promise ("denied supplying drones",
        "threatened to impose sanctions", "warned Berlin against supplying weapons") is not an event that
        happened, and a speech act nested in any speech act's content is not a separate one (the outer act is
        what the article reports). A "report" frame's own events are kept (as claims reported_by the speaker)
        unless a modal, future or condition makes them irrealis ("said it would send troops").
        """

        def hides(outer: Predicate) -> bool:
            # A report's realis content stays (as claims); its irrealis content, events or speech acts
            # alike ("said he would invite Netanyahu"), is no fact.
            if outer.frame == "act":
                return True
            return self.syntax.cues.modality(v, self.syntax.auxiliaries(v)) is not None

        # (not the writer's aside: "denied arming the Houthis, who have fought a coalition since 2015")
        reported = [] if writers_aside(self, v) else self.sent.reported
        if any(start <= v.i < end and hides(pred) for start, end, _speaker, pred in reported):
            return True
        # The content of an act reached through the parse rather than a recorded clause: gerunds,
        # infinitives and prepositional complements below the act's verb ("denied arming the RSF").
        tok, steps = v, 0
        # An adverbial clause is not an act's content (", saying ...", "..., accusing X of ...").
        # Nor is its subject ("Iran's support for Hezbollah worries Washington": the support is no worry).
        stop = self.syntax.s.labels(
            "conjunct", "parataxis", "root", "relative_clause", "adverbial_clause", "subject", "passive_subject"
        )
        while steps < 6 and tok.head.i != tok.i and (tok.dep_ not in stop or _coordinated_complement(self.syntax, tok)):
            tok, steps = tok.head, steps + 1
            outer = self.acts.get(tok.i)
            if outer is not None:
                return hides(outer)
        return False

    # -- confidence ------------------------------------------------------------------

    def _confidence(self, *args: Arg, hedged: bool = False, fallback: bool = False) -> float:
        """A triple's confidence: its arguments' trust, less for hedges, fallback readings and long sentences."""
        c = BASE_CONFIDENCE
        for a in args:
            c *= a.confidence * (0.8 if a.mention.via == "pronoun" else 1.0) * a.mention.confidence
        if hedged:
            c *= 0.9
        if fallback:
            c *= FALLBACK_CONFIDENCE / BASE_CONFIDENCE
        if len(self.sent.span) > 60:
            c *= 0.9
        return round(max(0.05, min(1.0, c)), 3)

    # -- triples ---------------------------------------------------------------------

    def _reported_by(self, v: Token, speaker: str | None) -> str | None:
        """Who reports ``v``: the speaker of the innermost recorded content around it (not ``speaker``)."""
        inner = [r for r in self.sent.reported if r[0] <= v.i < r[1] and r[2] != speaker and not writers_aside(self, v)]
        if not inner:
            return None
        return min(inner, key=lambda r: r[1] - r[0])[2]

    def _subjects(self, v: Token) -> tuple[list[Arg], bool]:
        """The subject arguments of frame ``v`` and whether they are a fallback (the prefield entity)."""
        head = v.head
        if head.i != v.i and v in self.clauses.coordinated_acts(head) and self.syntax.s.has(head, "clausal_complement"):
            # The speaker's second act ("said ... and accused X"): the reporting verb's subject.
            speaker = head.head
            if speaker.i in self.acts:
                v = speaker
        toks, inherited = self.arguments.subject_tokens(v)
        args = [Arg(m, 0.9 if inherited else 1.0) for t in toks for m in self.phrase_entities.entities(t)]
        if not args:
            # "A Russian missile strike killed 34 people", "Ein israelischer Luftangriff tötete ...": an
            # event noun as subject stands for its doer.
            args = [Arg(m, 0.8) for t in toks if self._is_event_noun(t) for m in [event_doer(self, t)] if m]
        if not args and toks:
            # "Nur Stunden später warfen sich beide Seiten gegenseitig vor": the two states named last.
            args = [Arg(m, 0.8) for t in toks if self._is_pair_noun(t) for m in self._last_two_states()]
        if not args and toks and all(t.pos_ == "PRON" and self.index.at(t.i) is None for t in toks):
            # "Russia said it had shot down 30 drones", "Die Hamas erklärte, sie habe ... freigelassen": an
            # unresolved pronoun subject of reported content is the speaker.
            speaker = self._speaker_of(v)
            neuter = all(t.morph.get("Gender") == ["Neut"] for t in toks)
            if speaker is not None and not (neuter and speaker.entity.type == "Person"):
                return [Arg(speaker, 0.8)], False  # ("weil es ... fortsetze", "it": never a person speaking)
            # "Indian authorities imposed a curfew ..., and they detained hundreds": the pronoun subject of a
            # second coordinated clause is the first clause's subject.
            first = head if head.i < v.i and self.syntax.s.has(v, "conjunct") else None
            if first is not None and first.pos_ in ("VERB", "AUX"):
                ftoks, _ = self.arguments.subject_tokens(first)
                shared = [Arg(m, 0.8) for t in ftoks if t.pos_ != "PRON" for m in self.phrase_entities.entities(t)]
                if shared:
                    return shared, False
        if args or (toks and inherited and not self.syntax.s.has(v, "conjunct")):
            return args, False
        ms = prefield_mentions(self.arguments, v)
        return ([Arg(m, 1.0) for m in ms], True) if ms else ([], False)

    def _is_pair_noun(self, t: Token) -> bool:
        phrase = self.span.doc[t.left_edge.i : t.i + 1].text.lower()
        return phrase in self.syntax.cues.pair_nouns

    def _last_two_states(self) -> list[Mention]:
        """The two states "beide Seiten"/"both sides" stand for: the last two named together ("Indien und
        Pakistan"), else the two distinct states named last before this sentence, if there are two."""
        before = [m for m in self.index.within(0, self.span.start) if m.entity.type == "Country"]
        doc = self.span.doc
        for a, b in reversed(list(pairwise(before))):
            if a.entity.key != b.entity.key and b.start == a.end + 1 and doc[a.end].pos_ == "CCONJ":
                return [a, b]
        found: dict[str, Mention] = {}
        for m in reversed(before):
            if m.entity.key not in found:
                found[m.entity.key] = m
                if len(found) == 2:
                    return list(found.values())
        return []

    def _speaker_of(self, v: Token) -> Mention | None:
        """The speaker's mention in this sentence whose recorded content ``v`` is in (the innermost)."""
        inner = [r for r in self.sent.reported if r[0] <= v.i < r[1]]
        if not inner:
            return None
        key = min(inner, key=lambda r: r[1] - r[0])[2]
        return next((m for m in self.index.within(self.span.start, self.span.end) if m.entity.key == key), None)

    def _is_event_noun(self, t: Token) -> bool:
        return t.pos_ in NOMINAL_POS and event_predicate(self, t) is not None

    def _triples(self, v: Token, pred: Predicate, lemma: str) -> list[Triple]:
        subjects, fallback = self._subjects(v)
        if not subjects:
            return []
        args = (self, v, pred, lemma, subjects, fallback)
        if len({a.mention.entity.key for a in subjects}) > 1 and is_reciprocal(self, v):
            return reciprocal_triples(*args)
        if pred.kind == "speech":
            return speech_triples(*args)
        if irrealis(self.syntax, v):
            return []  # "will cut its levies", "could attack": a future or possible event is no fact
        return mutual_triples(*args) or event_triples(*args)

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
        """The triple, coded by the frame's own use of ``pred`` when there is one; None for a self-reference."""
        if isinstance(obj, Entity) and obj.key == subj.mention.entity.key:
            return None
        if subj.mention.entity.type in _NOT_ACTORS:
            return None  # "the bombing in Tel Aviv, which killed 21 people": a place or a date does nothing
        if isinstance(obj, Entity) and (obj.type == "Event" or (obj.type == "Location" and pred.kind == "speech")):
            return None  # "cut supplies on New Year's Day", "blamed on ... in Madrid": no one addressed or hit
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


def irrealis(syn: SentenceSyntax, v: Token) -> bool:
    """``v`` is future, possible or conditional, also through the verb it completes ("would keep
    blocking roads", "could start shelling the city")."""
    for _ in range(3):
        if syn.cues.modality(v, syn.auxiliaries(v)) is not None:
            return True
        if (
            syn.s.has(v, "conjunct") and v.head.pos_ in ("VERB", "AUX")
            and not syn.auxiliaries(v) and not syn.ch(v, "subject")
        ):  # fmt: skip
            # "would expel the ambassador and downgrade relations": the conjunct shares the auxiliary
            v = v.head
            continue
        if v.head.i == v.i or not syn.s.has(v, "open_complement") or v.head.pos_ not in ("VERB", "AUX"):
            return False
        # "kündigte an, Truppen zu verlegen": the head's lemma with its particle is one of intention.
        if syn.cues.intends(v.head, syn.ch(v.head, "particle")):
            return True
        v = v.head
    return False


def _coordinated_complement(syn: SentenceSyntax, tok: Token) -> bool:
    """A conjunct of an infinitive or gerund complement is part of it ("urged China to end the drills and
    to condemn the attack"): the act's content goes on, however the parse hung the second verb."""
    if not (syn.s.has(tok, "conjunct") and syn.s.has(tok.head, "open_complement")) or syn.ch(tok, "subject"):
        return False
    # only an infinitive or gerund ("and condemn", "und ... zu verurteilen"), not a finite verb or participle
    # the parse coordinated with it ("urged X to show restraint and offered to ...", "..., und ... gewarnt")
    forms = set(tok.morph.get("VerbForm"))
    return bool(forms & {"Inf", "Ger"}) or tok.tag_ in ("VB", "VBG") or bool(syn.ch(tok, "marker"))


def writers_aside(r: SentenceReader, v: Token) -> bool:
    """Whether ``v`` heads a non-restrictive relative clause (after a comma, opened by its pronoun: ", who
    have fought ...", ", die seit Jahren ..."): what the writer adds about a noun, inside a report or not."""
    first = v.left_edge
    return (
        r.s.has(v, "relative_clause")
        and first.i > r.span.start
        and r.span.doc[first.i - 1].text == ","
        and first.pos_ in ("PRON", "DET")
    )
