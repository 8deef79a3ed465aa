"""Speech acts: who said, denied, demanded, warned or accused what, to whom.

The content of a speech act is its clause (minus the complementizer), an actor it aims at
("warf Moskau vor"), or its object phrase; an actor it is addressed to ("told Reuters") is the
``addressee``. A statement's modal content also performs an act (:func:`intent_triples`): the
speaker's intention is a PROMISES (a THREATENS for a conflict event), an obligation laid on another
named actor a DEMANDS. An indirect question is no demand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.extract.arguments import DENIAL_DISCOUNT, DENIAL_FROM, Arg
from kg.extract.denials import denial_triples
from kg.extract.events import prepositional_objects, stateless
from kg.extract.mentions import Mention
from kg.model import Concept, Entity, Triple
from kg.predicates import PREDICATES, Predicate

if TYPE_CHECKING:
    from kg.extract.reader import SentenceReader


def speech_triples(
    r: SentenceReader, v: Token, pred: Predicate, lemma: str, subjects: list[Arg], fallback: bool
) -> list[Triple]:
    objects = r._object_tokens(v) + prepositional_objects(r, v, lemma)
    light_nouns = [o for o in objects if (lemma, o.lemma_.lower()) in r.cues.lexicon.light]
    clause = r._clause(v, light_nouns)
    if clause is not None and pred.frame == "act" and _is_question(r, clause):
        return []  # "asked whether Russia would help": a question, not a demand
    if clause is not None and _refuses_to_speak(r, lemma, clause):
        return _silence(r, v, clause, lemma, subjects, fallback)
    speaker = subjects[0].mention.entity.key
    clause_span = r._clause_span(v, clause) if clause is not None else None
    after = r._reported_after_comma(v)
    if after is not None and (clause_span is None or after[1][0] <= clause_span[0] <= clause_span[1] <= after[1][1]):
        # "sagte der Agentur IRNA, die Berichte seien Propaganda": the whole subjunctive clause after the
        # comma is what was said, however the weak parse cut it.
        clause, clause_span = after
    if clause_span is not None:
        r.sent.reported.append((*clause_span, speaker, pred))
    if pred.name == "QUOTES" and v.right_edge.i > v.i:
        # "Reuters quoted Austin as saying that ...": what Austin said reaches us through Reuters.
        r.sent.reported.append((v.i + 1, v.right_edge.i + 1, speaker, pred))

    targets: list[Arg] = []
    # (a dative the parse labelled a bare oblique is an addressee too: "dankte dem US-Präsidenten")
    datives = [o for o in r.arguments.bare_obliques(v) if o not in objects]
    for o in objects + r.ch(v, "indirect_object") + datives:
        if o in light_nouns:
            continue
        targets += [Arg(m) for m in r._entities(o)]
    allowed = r.cues.preps_of(pred)
    if not targets and allowed and not pred.addressee:
        # "forderte von Russland", "called on Moscow": the addressee in a prepositional phrase, also one
        # the parse hung on the verb's particle ("called on/prt the authorities/pobj").
        # (or in the light noun's own phrase: "hat gegen X Anklage erhoben", "erhob Vorwürfe gegen X")
        pairs = r._prep_args(v) + [
            (p.text.lower(), n) for p in r.ch(v, "particle") for n in r.ch(p, "prepositional_object")
        ] + [pn for o in light_nouns for pn in r._prep_args(o)]
        targets = [Arg(m) for prep, n in pairs if prep in allowed for m in r._entities(n)]
    targets = [t for t in targets if not stateless(t.mention.entity)]
    addressee: str | None = None
    if pred.addressee and targets and clause_span is not None:
        # "told Reuters that ...", "sagte der Agentur Interfax, ...": whom it was said to, never what.
        # Without a clause ("told Reuters:") the actor object stays a frame for the quotation reader,
        # which turns it into the addressee of the quote (and drops what it cannot use).
        addressee, targets = targets[0].mention.entity.key, []
    obj_fallback = False
    if not targets and pred.name == "QUOTES":
        m = _quoted(r, v)
        if m is not None:
            targets, obj_fallback = [Arg(m)], True

    concept: Concept | None = None
    if not targets:
        if clause_span is not None:
            concept = r._concept(*clause_span)
        elif pred.content != "clause":
            # The verb's own object, else its own preposition's phrase ("warned against ..."), before an
            # object a weak parse gave the verb it is coordinated with ("welcomed X but warned against Y").
            own = [o for o in objects if o not in light_nouns]
            prep_content = bool(allowed) and any(prep in allowed for prep, _ in r._prep_args(v))
            concept = r._np_concept(
                own or ([] if prep_content or light_nouns else r._loose_objects(v)),
                v,
                charges=pred.charges.get(r.lang, frozenset()),
            )
        if concept is None and allowed:
            # "warnte vor einer Eskalation", "warned of a famine": the content in the verb's own preposition,
            # without it, and with a phrase the parse hung on the verb right after it ("vor einem Flächenbrand
            # | in der gesamten Region").
            nouns = [n for prep, n in r._prep_args(v) if prep in allowed]
            nouns = [n for n in nouns if n.pos_ != "PRON" or r.index.at(n.i) is not None]
            if nouns:
                concept = r._pp_concept(nouns[0], v, allowed)
        if concept is None and light_nouns:
            # "wies den Vorwurf zurück", "rejected the accusations": without a clause, the noun that
            # decided the reading is also what is denied or rejected.
            concept = r._np_concept(light_nouns, v)
        if concept is None and pred.frame == "report" and r._negated(v, objects):
            # "äußerte sich nicht zu den Vorwürfen", "did not comment on the strike": a statement not made,
            # about its topic.
            concept = _topic(r, v)
    if not targets and concept is None:
        return []

    negative = r._negated(v, objects)
    hedged = r._hedged(v)
    if clause_span is not None and not hedged:
        hedged = any(r.cues.is_hedge(t) for t in r.span.doc[clause_span[0] : clause_span[1]])
    out = []
    for subj in subjects:
        reported = r._reported_by(v, subj.mention.entity.key)
        objs: list[tuple[Entity | Concept, tuple[Arg, ...]]] = (
            [(t.mention.entity, (t,)) for t in targets] if targets else [(concept, ())]  # type: ignore[list-item]
        )
        for obj, extra in objs:
            conf = r._confidence(subj, *extra, hedged=hedged, fallback=fallback or obj_fallback)
            t = r._make(
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
                    out += denial_triples(r, t, subj, clause_span, v, lemma, reported)
                if pred.intent:
                    acts = intent_triples(r, t, subj, clause, clause_span, v, lemma, reported)
                    if any(a.predicate == "AGREES" for a in acts):
                        out.remove(t)  # "erklärte sich bereit, ...": the consent is the act, said in no statement
                    out += acts
    return out


def _topic(r: SentenceReader, v: Token) -> Concept | None:
    """The topic of a speech verb, in one of the language's topic prepositions ("zu den Vorwürfen", "on the
    strike"); never a date ("on Monday")."""
    for prep, n in r._prep_args(v):
        if prep in r.cues.topic_prepositions and n.ent_type_ not in ("DATE", "TIME") and not r.syntax.s.has(
            n, "temporal"
        ):
            return r._pp_concept(n, v)
    return None


def _refuses_to_speak(r: SentenceReader, lemma: str, clause: Token) -> bool:
    """Whether a refusal's infinitive is a statement ("declined to comment", "weigerte sich, ... zu
    kommentieren"): a refusal to speak rejects nothing; it is a statement not made."""
    if lemma not in r.cues.negative_implicatives or not r.syntax.s.has(clause, "open_complement"):
        return False
    inner = r.acts.get(clause.i)
    return inner is not None and inner.frame == "report"


def _silence(
    r: SentenceReader, v: Token, clause: Token, lemma: str, subjects: list[Arg], fallback: bool
) -> list[Triple]:
    """A negative STATES of what the speaker would not confirm ("declined to confirm the operation"), or
    nothing when the statement has no object of its own ("declined to comment")."""
    concept = r._np_concept(r._object_tokens(clause), clause)
    if concept is None:
        return []
    pred = PREDICATES["STATES"]
    out = []
    for subj in subjects:
        conf = r._confidence(subj, fallback=fallback)
        t = r._make(subj, pred, concept, v, lemma, negative=True, hedged=False, conf=conf,
                    reported_by=r._reported_by(v, subj.mention.entity.key))  # fmt: skip
        if t is not None:
            out.append(t)
    return out


def _is_question(r: SentenceReader, clause: Token) -> bool:
    return any(c.text.lower() in r.cues.question_markers for c in r.ch(clause, "marker"))


def intent_triples(
    r: SentenceReader, stated: Triple, subj: Arg, clause: Token, span: tuple[int, int], v: Token, lemma: str, reported
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
    # (or the speech verb's own: "erklärte sich bereit, die Führung zu übernehmen")
    near = [clause, *r.kids.get(clause.i, ()), *(c for c in r.kids.get(v.i, ()) if c.i < clause.i)]
    adjectives = [t for t in near if t.lemma_.lower() in r.cues.intent_adjectives]
    mood = r.cues.modality(head, r._auxiliaries(head))
    if adjectives:
        mood = "intention"
        for c in r.ch(adjectives[0], "open_complement", "clausal_complement"):
            head = c
            break
    if mood is None and r.cues.intends(v, r.ch(v, "particle")):
        mood = "intention"  # "kündigte an, Lebensmittel zu liefern": the speech verb itself announces an intention
    if mood not in ("intention", "obligation"):
        return []
    doer_toks, _ = r._subject_tokens(clause)
    doers = [m for t in doer_toks for m in r._entities(t)]
    speaker = subj.mention.entity.key
    own = any(t.pos_ == "PRON" or _owned(r, t) for t in doer_toks)  # "it", "his government"
    if mood == "intention" and doer_toks and not doers and not own:
        return []  # "said the alliance would defend ...": someone else's intention, named but unresolved
    conf = round(stated.confidence * DENIAL_DISCOUNT, 3)
    if mood == "obligation":
        out = []
        for m in doers:
            if m.entity.key != speaker:
                t = r._make(
                    subj, PREDICATES["DEMANDS"], m.entity, v, lemma, negative=False,
                    hedged=stated.hedged, conf=conf, reported_by=reported, coding=PREDICATES["DEMANDS"].fields(),
                )  # fmt: skip
                if t is not None:
                    out.append(t)
        return out
    if doers and all(m.entity.key != speaker for m in doers) and not own:
        return []  # someone else's intention is reported, not promised
    if r._negated(head):
        return []  # "werde nicht zurücktreten": an intention not to act is neither promise nor denial
    if r._hedged(head) or any(r.cues.is_hedge(t) for t in r.span.doc[span[0] : span[1]]):
        return []  # "he would likely speak to Xi": a guess, not a promise
    inner = r.codings.get(head.i)
    conflict = inner is not None and (inner[1].get("quad") or 0) >= 3
    if inner is None and mood == "intention" and not adjectives:
        return []  # "said it would respond": a bare future of an unknown act types nothing
    # "erklärte sich bereit, ...": readiness declared of oneself is consent (AGREES), not only an intention
    consent = any(a.head.i == v.i for a in adjectives) and any(
        "Yes" in c.morph.get("Reflex") for c in r.kids.get(v.i, ())
    )
    pred = PREDICATES["THREATENS" if conflict else "AGREES" if consent else "PROMISES"]
    assert isinstance(stated.object, Concept)
    t = r._make(
        subj, pred, stated.object, v, lemma, negative=False, hedged=stated.hedged, conf=conf,
        reported_by=reported, coding=pred.fields(),
    )  # fmt: skip
    return [t] if t is not None else []


def _owned(r: SentenceReader, t: Token) -> bool:
    """Whether phrase ``t`` is owned by a possessive pronoun ("his government", "seine Regierung"): in a
    speaker's own intention, the speaker's side, whoever the pronoun was resolved to."""
    return any("Yes" in d.morph.get("Poss") for d in r.ch(t, "determiner", "genitive"))


def _quoted(r: SentenceReader, v: Token) -> Mention | None:
    """The quoted person of a quoting verb on a weak parse: the mention right after it or before a quote marker."""
    m = r._adjacent(v.i, +1)
    if m is not None:
        return m
    words = r.words
    for marker in r.cues.quote_markers:
        n = len(marker)
        for k in range(v.i - r.span.start + 1, len(words) - n + 1):
            if tuple(words[k : k + n]) == marker:
                return r._adjacent(r.span.start + k, -1)
    return None
